from django.apps import AppConfig


class ExchangeConfig(AppConfig):
    name = "giamsat.exchange"
    verbose_name = "Trao đổi dữ liệu và báo cáo"
