from django.urls import path

from giamsat.api.api import api

app_name = "api"
urlpatterns = [path("", api.urls)]
