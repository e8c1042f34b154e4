"""Forms of the assessment pages: plain Django forms that hand clean data to the actions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.db.models import QuerySet

from giamsat.assessment.actions import CriterionData
from giamsat.assessment.models import CriteriaSet, Formula, Method
from giamsat.org.models import OrgUnit, UnitKind

ASSESSED_KINDS = (UnitKind.DEPARTMENT, UnitKind.COMMUNE, UnitKind.ENTERPRISE, UnitKind.PEOPLES_COMMITTEE, UnitKind.OTHER)
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CriteriaSetForm(forms.Form):
    code = forms.SlugField(label="Mã bộ tiêu chí", max_length=80)
    year = forms.IntegerField(label="Năm áp dụng", min_value=2020, max_value=2100)
    name = forms.CharField(label="Tên bộ tiêu chí", max_length=300)
    note = forms.CharField(label="Ghi chú", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class CriterionForm(forms.Form):
    code = forms.CharField(label="Mã (vd. 1, 1.2, 1.2.a)", max_length=20)
    parent_code = forms.CharField(label="Mã tiêu chí cấp trên", max_length=20, required=False)
    title = forms.CharField(label="Tên tiêu chí", max_length=500)
    max_points = forms.DecimalField(label="Điểm tối đa", min_value=0, max_digits=7, decimal_places=2)
    method = forms.ChoiceField(label="Cách chấm", choices=Method.choices)
    formula = forms.ChoiceField(label="Công thức (khi tính từ số liệu)", choices=[("", "—"), *Formula.choices],
                                required=False)
    indicator_code = forms.CharField(label="Mã chỉ tiêu chuẩn (công thức theo chỉ tiêu)", max_length=60, required=False)
    full_at = forms.DecimalField(label="Giá trị đạt điểm tối đa", required=False, max_digits=20, decimal_places=4)
    scale = forms.CharField(label="Các mức của thang điểm, cách nhau bằng dấu ;", required=False)
    applies_to = forms.MultipleChoiceField(label="Áp dụng cho (để trống: mọi loại đơn vị)", choices=UnitKind.choices,
                                           required=False, widget=forms.CheckboxSelectMultiple)
    evidence_required = forms.BooleanField(label="Yêu cầu minh chứng", required=False)
    guidance = forms.CharField(label="Hướng dẫn chấm", required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def clean_scale(self) -> list[Decimal]:
        try:
            return [Decimal(s.strip().replace(",", ".")) for s in self.cleaned_data["scale"].split(";") if s.strip()]
        except InvalidOperation as exc:
            raise forms.ValidationError("Các mức thang điểm phải là số, cách nhau bằng dấu ;") from exc

    def to_data(self) -> CriterionData:
        d = self.cleaned_data
        return CriterionData(d["code"].strip(), d["title"].strip(), d["max_points"], d["method"], d["parent_code"].strip(),
                             d["formula"] or "", d["indicator_code"].strip(), d["full_at"], d["scale"],
                             list(d["applies_to"]), d["evidence_required"], d["guidance"].strip())

    @classmethod
    def initial_from(cls, c: Any) -> dict[str, Any]:
        return {"code": c.code, "parent_code": c.parent.code if c.parent_id else "", "title": c.title,
                "max_points": c.max_points, "method": c.method, "formula": c.formula, "indicator_code": c.indicator_code,
                "full_at": c.full_at, "scale": "; ".join(str(s) for s in c.scale), "applies_to": c.applies_to,
                "evidence_required": c.evidence_required, "guidance": c.guidance}


class WorkbookForm(forms.Form):
    file = forms.FileField(label="Tệp XLSX bộ tiêu chí")


class RoundForm(forms.Form):
    name = forms.CharField(label="Tên đợt đánh giá", max_length=300)
    year = forms.IntegerField(label="Năm đánh giá", min_value=2020, max_value=2100)
    criteria_set = forms.ModelChoiceField(label="Bộ tiêu chí", queryset=CriteriaSet.objects.all())
    organizer = forms.ModelChoiceField(label="Cơ quan tổ chức", queryset=OrgUnit.objects.none())
    units = forms.ModelMultipleChoiceField(label="Đơn vị được đánh giá", queryset=OrgUnit.objects.none(),
                                           widget=forms.CheckboxSelectMultiple)
    opens_on = forms.DateField(label="Ngày mở", widget=DATE)
    closes_on = forms.DateField(label="Hạn tự đánh giá", widget=DATE)
    data_as_of = forms.DateField(label="Số liệu tính đến ngày (để trống: 31/12 của năm)", required=False, widget=DATE)

    def __init__(self, *args: Any, organizers: QuerySet[OrgUnit], units: QuerySet[OrgUnit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organizer"].queryset = organizers  # type: ignore[attr-defined]
        self.fields["units"].queryset = units  # type: ignore[attr-defined]
        if not self.is_bound:
            today = dt.date.today()
            self.initial.setdefault("year", today.year)
            self.initial.setdefault("opens_on", today)


class SelfAssessForm(forms.Form):
    score = forms.CharField(label="Điểm tự chấm", max_length=20)
    note = forms.CharField(label="Giải trình", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    links = forms.CharField(label="Đường dẫn minh chứng (mỗi dòng một đường dẫn)", required=False,
                            widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(label="Lý do thay đổi điểm tính tự động", required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))

    def link_list(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]


class EvidenceForm(forms.Form):
    file = forms.FileField(label="Tài liệu minh chứng")


class VerifyForm(forms.Form):
    adjusted_score = forms.CharField(label="Điểm thẩm định", max_length=20)
    comment = forms.CharField(label="Ý kiến thẩm định", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReplyForm(forms.Form):
    text = forms.CharField(label="Ý kiến phản hồi (chỉ một lần)", widget=forms.Textarea(attrs={"rows": 2}))
