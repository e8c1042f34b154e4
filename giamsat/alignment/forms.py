from __future__ import annotations

from django import forms

from giamsat.plans.models import StandardIndicator, Target


class ConfirmMappingForm(forms.Form):
    indicator = forms.ModelChoiceField(
        StandardIndicator.objects.all(), required=False, label="Chỉ tiêu chuẩn",
        empty_label="— Không thuộc danh mục chỉ tiêu chuẩn —",
    )
    reason = forms.CharField(label="Ghi chú", required=False, max_length=500)


class LinkTaskForm(forms.Form):
    target = forms.ModelChoiceField(Target.objects.all(), label="Chỉ tiêu được phục vụ")

    def __init__(self, *args: object, targets: object = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if targets is not None:
            self.fields["target"].queryset = targets  # type: ignore[attr-defined]
