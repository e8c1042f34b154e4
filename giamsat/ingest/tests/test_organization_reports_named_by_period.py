"""A reporting regime that names each report by its period ("báo cáo tháng …; báo cáo quý, 6 tháng, 9 tháng và năm",
"báo cáo năm trước ngày 15/12", "sơ kết 6 tháng …, tổng kết năm …") reports at each of them. Made-up plans."""

from __future__ import annotations

import pytest

from giamsat.ingest.pipeline import parse_text

HEAD = ["ỦY BAN NHÂN DÂN XÃ HÒA AN", "Số: 31/KH-UBND", "", "KẾ HOẠCH", "Chuyển đổi số năm 2027", "",
        "IV. TỔ CHỨC THỰC HIỆN", "3. Chế độ báo cáo"]


@pytest.mark.parametrize(("sentence", "frequencies"), [
    ("Chế độ báo cáo: báo cáo tháng gửi trước ngày 20 hằng tháng; báo cáo quý, 6 tháng, 9 tháng và năm theo quy định.",
     ["monthly", "quarterly", "semiannual", "nine_months", "annual"]),
    ("Các bộ phận báo cáo định kỳ hằng tháng trước ngày 25, báo cáo năm trước ngày 10/12 về Văn phòng.",
     ["monthly", "annual"]),
    ("Các thôn báo cáo sơ kết 6 tháng trước ngày 15/6, tổng kết năm trước ngày 15/11 hằng năm.",
     ["semiannual", "annual"]),
])
def test_each_report_named_by_its_period_counts(sentence: str, frequencies: list[str]) -> None:
    assert parse_text("\n".join([*HEAD, sentence])).reporting.frequencies == frequencies


def test_a_report_of_a_year_named_by_its_number_is_no_annual_report() -> None:
    regime = parse_text("\n".join([*HEAD, "Các thôn báo cáo định kỳ hằng quý; báo cáo năm 2026 gửi trước ngày 15/12/2026."])).reporting
    assert regime.frequencies == ["quarterly"]
