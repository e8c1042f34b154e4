from django.apps import AppConfig


class OpsConfig(AppConfig):
    name = "giamsat.ops"
    verbose_name = "Vận hành"
