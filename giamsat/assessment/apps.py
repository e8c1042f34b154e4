from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "giamsat.assessment"
    verbose_name = "Đánh giá, xếp loại"
