from django.apps import AppConfig


class AlignmentConfig(AppConfig):
    name = "giamsat.alignment"
    verbose_name = "Đối chiếu mục tiêu"
