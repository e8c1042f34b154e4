from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "giamsat.api"
    verbose_name = "API"
