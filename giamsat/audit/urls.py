from django.urls import path

from giamsat.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.index, name="index"),
    path("xuat.csv", views.export_csv, name="export-csv"),
    path("xuat.xlsx", views.export_xlsx, name="export-xlsx"),
]
