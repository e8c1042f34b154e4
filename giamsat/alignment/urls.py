from django.urls import path

from giamsat.alignment import views

app_name = "alignment"
urlpatterns = [
    path("", views.index, name="index"),
    path("chi-tieu/<slug:code>/", views.indicator_detail, name="indicator"),
    path("ke-hoach/<int:pk>/", views.plan_detail, name="plan"),
    path("chi-tieu-ke-hoach/<int:pk>/xac-nhan/", views.confirm_mapping, name="confirm-mapping"),
    path("nhiem-vu/<int:pk>/gan-chi-tieu/", views.link_task, name="link-task"),
]
