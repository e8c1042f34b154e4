from django.apps import AppConfig


class OrgConfig(AppConfig):
    name = "giamsat.org"
    verbose_name = "Đơn vị và người dùng"
