from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "giamsat.plans"
    verbose_name = "Kế hoạch"
