from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "giamsat — Quản trị hệ thống"
admin.site.site_title = "giamsat"
admin.site.index_title = "Quản trị dữ liệu giám sát Nghị quyết 57"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("giamsat.api.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("trao-doi/", include("giamsat.exchange.urls")),
    path("doi-chieu/", include("giamsat.alignment.urls")),
    path("danh-gia/", include("giamsat.assessment.urls")),
    path("nhat-ky/", include("giamsat.audit.urls")),
    path("", include("giamsat.portal.urls")),
]
