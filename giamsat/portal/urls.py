from django.contrib.auth import views as auth_views
from django.urls import path

from giamsat.portal.views import dashboard, imports, pages, plans, recommendations, reports

app_name = "portal"
urlpatterns = [
    path("", pages.public, name="public"),
    path("cong-khai/ke-hoach/<int:pk>/", pages.public_plan, name="public-plan"),
    path("cong-khai/gui-kien-nghi/", pages.public_recommendation, name="public-recommendation"),
    path("cong-khai/tim-kiem/", pages.public_search, name="public-search"),
    path("dang-nhap/", pages.LoginView.as_view(), name="login"),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("trang-chu/", pages.home, name="home"),
    path("tim-kiem/", pages.search, name="search"),
    path("dieu-hanh/", dashboard.dashboard, name="dashboard"),
    path("dieu-hanh/xu-huong/", dashboard.dashboard_trends, name="dashboard-trends"),
    path("dieu-hanh/bang-theo-doi/moi/", dashboard.saved_edit, name="saved-new"),
    path("dieu-hanh/bang-theo-doi/<int:pk>/", dashboard.saved_edit, name="saved-edit"),
    path("dieu-hanh/bang-theo-doi/<int:pk>/xoa/", dashboard.saved_delete, name="saved-delete"),
    path("ke-hoach/", plans.plan_list, name="plans"),
    path("ke-hoach/<int:pk>/", plans.plan_detail, name="plan"),
    path("chi-tieu/", plans.target_list, name="targets"),
    path("chi-tieu/<int:pk>/", plans.target_detail, name="target"),
    path("nhiem-vu/", plans.task_list, name="tasks"),
    path("nhap-van-ban/", imports.imports, name="imports"),
    path("nhap-van-ban/<int:pk>/", imports.import_detail, name="import"),
    path("ke-hoach/<int:pk>/ra-soat/", imports.review, name="review"),
    path("ke-hoach/<int:pk>/ra-soat/<str:kind>/<int:item_pk>/sua/", imports.item_edit, name="item-edit"),
    path("ke-hoach/<int:pk>/ra-soat/<str:kind>/<int:item_pk>/xoa/", imports.item_delete, name="item-delete"),
    path("ke-hoach/<int:pk>/ra-soat/<str:kind>/<int:item_pk>/gop/", imports.item_merge, name="item-merge"),
    path("ke-hoach/<int:pk>/ra-soat/<str:kind>/<int:item_pk>/tach/", imports.item_split, name="item-split"),
    path("ke-hoach/<int:pk>/ra-soat/co-quan/", imports.agencies, name="agencies"),
    path("ke-hoach/<int:pk>/cong-bo/", imports.publish, name="publish"),
    path("kien-nghi/", recommendations.board, name="recommendations"),
    path("kien-nghi/gui/", recommendations.raise_, name="recommendation-raise"),
    path("kien-nghi/<int:pk>/xu-ly/", recommendations.act, name="recommendation-act"),
    path("bao-cao/", reports.report_list, name="reports"),
    path("bao-cao/lap/", reports.report_open, name="report-open"),
    path("bao-cao/<int:pk>/", reports.report_detail, name="report"),
    path("bao-cao/<int:pk>/luu/", reports.report_save, name="report-save"),
    path("bao-cao/<int:pk>/gui/", reports.report_submit, name="report-submit"),
    path("bao-cao/<int:pk>/xem-xet/", reports.report_review, name="report-review"),
]
