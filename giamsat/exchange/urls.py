from django.urls import path, register_converter

from giamsat.exchange import views


class ReportFormat:
    regex = "docx|xlsx|pdf"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class ExchangeFormat(ReportFormat):
    regex = "json|xlsx"


register_converter(ReportFormat, "report_fmt")
register_converter(ExchangeFormat, "exchange_fmt")

app_name = "exchange"
urlpatterns = [
    path("bao-cao/<int:pk>.<report_fmt:fmt>", views.submission_report, name="submission-report"),
    path("don-vi/<str:code>/<str:frequency>/<int:year>/<int:index>.<report_fmt:fmt>", views.unit_report,
         name="unit-report"),
    path("xuat/<str:code>.<exchange_fmt:fmt>", views.export_unit, name="export"),
    path("nhap/", views.upload, name="upload"),
]
