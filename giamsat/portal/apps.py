from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "giamsat.portal"
    verbose_name = "Cổng thông tin"
