"""Portal forms: filters, uploads, corrections of imported items, saved dashboards, recommendations."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from giamsat.org.models import OrgUnit
from giamsat.plans.models import Target, Task
from giamsat.portal.models import Chart, SavedDashboard
from giamsat.reporting.models import Recommendation

UPLOAD_TYPES = (".txt", ".pdf", ".docx", ".doc", ".rtf", ".odt", ".xlsx", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


class UploadForm(forms.Form):
    file = forms.FileField(label="Tệp văn bản (TXT, PDF, DOCX hoặc ảnh chụp/scan)")
    unit = forms.ModelChoiceField(queryset=OrgUnit.objects.none(), label="Đơn vị sở hữu kế hoạch")

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else OrgUnit.objects.none()

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if upload.size > settings.GIAMSAT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError("Tệp quá lớn.")
        if not upload.name.lower().endswith(UPLOAD_TYPES):
            raise forms.ValidationError("Chỉ nhận tệp TXT, PDF, DOCX, DOC, RTF, ODT, XLSX hoặc ảnh (PNG, JPG, TIFF).")
        return upload


class TaskEditForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["code", "name", "lead", "lead_text", "output", "deadline_text", "source_start_line", "source_end_line"]
        labels = {"code": "Số thứ tự", "lead_text": "Cơ quan chủ trì (theo văn bản)",
                  "source_start_line": "Từ dòng", "source_end_line": "Đến dòng"}
        widgets = {"name": forms.Textarea(attrs={"rows": 3}), "output": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = units if units is not None else OrgUnit.objects.none()
        self.fields["lead"].required = False
        self.fields["lead"].empty_label = "— Chưa gán đơn vị —"


class TargetEditForm(forms.ModelForm):
    class Meta:
        model = Target
        fields = ["code", "name", "unit_of_measure", "theme", "responsible", "source_start_line", "source_end_line"]
        labels = {"code": "Mã", "source_start_line": "Từ dòng", "source_end_line": "Đến dòng"}
        widgets = {"name": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, units: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = units if units is not None else OrgUnit.objects.none()
        self.fields["responsible"].required = False
        self.fields["responsible"].empty_label = "— Chưa gán đơn vị —"


class SplitForm(forms.Form):
    first = forms.CharField(label="Phần thứ nhất", widget=forms.Textarea(attrs={"rows": 3}))
    second = forms.CharField(label="Phần thứ hai", widget=forms.Textarea(attrs={"rows": 3}))


class AgencyMapForm(forms.Form):
    """One select per agency name the reader could not match to a unit."""

    def __init__(self, *args: Any, names: list[str], units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for i, name in enumerate(names):
            self.fields[f"agency_{i}"] = forms.ModelChoiceField(queryset=units, required=False, label=name)
        self.names = names

    def mapping(self) -> dict[str, OrgUnit]:
        return {name: self.cleaned_data[f"agency_{i}"] for i, name in enumerate(self.names)
                if self.cleaned_data.get(f"agency_{i}")}


class SavedDashboardForm(forms.ModelForm):
    charts = forms.MultipleChoiceField(choices=Chart.choices, required=False, widget=forms.CheckboxSelectMultiple,
                                       label="Biểu đồ hiển thị")

    class Meta:
        model = SavedDashboard
        fields = ["name", "documents", "units", "targets", "tasks", "theme", "charts"]
        widgets = {f: forms.SelectMultiple(attrs={"size": 6}) for f in ("documents", "units", "targets", "tasks")}

    def __init__(self, *args: Any, documents: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["documents"].queryset = documents
        self.fields["units"].queryset = units
        self.fields["targets"].queryset = Target.objects.filter(document__in=documents).select_related("document")
        self.fields["tasks"].queryset = Task.objects.filter(document__in=documents).select_related("document")
        self.fields["targets"].label_from_instance = lambda t: f"{t.document.number} — {t.name[:90]}"
        self.fields["tasks"].label_from_instance = lambda t: f"{t.document.number} — {t.name[:90]}"


class PublicRecommendationForm(forms.Form):
    sender = forms.CharField(label="Họ tên hoặc tên doanh nghiệp", max_length=200)
    contact = forms.CharField(label="Thư điện tử hoặc số điện thoại để nhận trả lời", max_length=200)
    title = forms.CharField(label="Tiêu đề", max_length=300)
    category = forms.ChoiceField(label="Lĩnh vực", choices=Recommendation.Category.choices)
    body = forms.CharField(label="Nội dung kiến nghị", widget=forms.Textarea(attrs={"rows": 6}), max_length=5000)
    website = forms.CharField(required=False, label="Để trống ô này", widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("Yêu cầu không hợp lệ.")
        return ""
