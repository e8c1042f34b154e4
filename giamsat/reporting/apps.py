from django.apps import AppConfig


class ReportingConfig(AppConfig):
    name = "giamsat.reporting"
    verbose_name = "Báo cáo định kỳ"
