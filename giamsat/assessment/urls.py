from django.urls import path

from giamsat.assessment import views

app_name = "assessment"
urlpatterns = [
    path("", views.index, name="index"),
    path("bo-tieu-chi/tao/", views.set_create, name="set-create"),
    path("bo-tieu-chi/<int:pk>/", views.set_detail, name="set"),
    path("bo-tieu-chi/<int:pk>/sao-chep/", views.set_copy, name="set-copy"),
    path("bo-tieu-chi/<int:pk>/them/", views.criterion_add, name="criterion-add"),
    path("bo-tieu-chi/<int:pk>/xlsx/", views.set_export, name="set-export"),
    path("bo-tieu-chi/<int:pk>/nhap-xlsx/", views.set_import, name="set-import"),
    path("tieu-chi/<int:pk>/sua/", views.criterion_edit, name="criterion-edit"),
    path("tieu-chi/<int:pk>/xoa/", views.criterion_delete, name="criterion-delete"),
    path("dot/mo/", views.round_new, name="round-new"),
    path("dot/<int:pk>/", views.round_detail, name="round"),
    path("dot/<int:pk>/chot-diem/", views.round_finalize, name="round-finalize"),
    path("dot/<int:pk>/cap-nhat-so-lieu/", views.round_refresh, name="round-refresh"),
    path("dot/<int:pk>/cong-bo/", views.round_publish, name="round-publish"),
    path("dot/<int:pk>/ket-qua/", views.round_results, name="results"),
    path("dot/<int:pk>/ket-qua.docx", views.results_docx, name="results-docx"),
    path("dot/<int:pk>/ket-qua.xlsx", views.results_xlsx, name="results-xlsx"),
    path("tu-danh-gia/<int:pk>/", views.self_assessment, name="self-assessment"),
    path("tu-danh-gia/<int:pk>/gui/", views.submit, name="submit"),
    path("tu-danh-gia/<int:pk>/tham-dinh/", views.verify, name="verify"),
    path("muc/<int:pk>/tu-cham/", views.entry_save, name="entry-save"),
    path("muc/<int:pk>/minh-chung/", views.entry_evidence, name="entry-evidence"),
    path("muc/<int:pk>/tham-dinh/", views.entry_verify, name="entry-verify"),
    path("muc/<int:pk>/phan-hoi/", views.entry_reply, name="entry-reply"),
    path("minh-chung/<int:pk>/", views.evidence_file, name="evidence"),
    path("cong-khai/", views.public_results, name="public"),
    path("cong-khai/<int:pk>/", views.public_round, name="public-round"),
]
