from django.contrib.auth import views as auth_views
from django.urls import path

from giamsat.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.public, name="public"),
    path("dang-nhap/", auth_views.LoginView.as_view(template_name="portal/login.html"), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("trang-chu/", views.home, name="home"),
]
