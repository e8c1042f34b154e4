"""The sample criteria set shipped with the demo, on the structure of the provincial DTI method.

Written by the giamsat team to illustrate the feature; it is NOT an official document, and says so
in its note. Six groups, 100 points in all; three criteria are computed from giamsat's own data.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from giamsat.assessment import actions
from giamsat.assessment.actions import CriterionData as C
from giamsat.assessment.models import CriteriaSet

SAMPLE_CODE = "mau-dti-2026"
SAMPLE_NOTE = "Bộ tiêu chí mẫu — do nhóm giamsat soạn để minh hoạ, không phải văn bản chính thức"
DEP, COM, ENT = "department", "commune", "enterprise"
D = Decimal


def _g(code: str, title: str, points: int) -> C:
    return C(code, title, D(points), method="group")


SAMPLE_ROWS: list[C] = [
    _g("1", "Nhận thức số", 10),
    C("1.1", "Ban hành kế hoạch, chương trình chuyển đổi số năm của đơn vị", D(4), "yes_no", "1",
      evidence_required=True, guidance="Có kế hoạch năm được người đứng đầu ký ban hành: 4 điểm."),
    C("1.2", "Tuyên truyền, phổ biến về chuyển đổi số và Nghị quyết 57-NQ/TW", D(3), "scale", "1",
      scale=[D(0), D("1.5"), D(3)], guidance="Không có: 0; có nhưng chưa thường xuyên: 1,5; thường xuyên: 3."),
    C("1.3", "Người đứng đầu trực tiếp chỉ đạo, kiểm tra việc thực hiện chuyển đổi số", D(3), "yes_no", "1",
      evidence_required=True),
    _g("2", "Thể chế số", 15),
    C("2.1", "Ban hành quy chế quản lý, khai thác, chia sẻ dữ liệu", D(5), "yes_no", "2", evidence_required=True),
    C("2.2", "Ban hành danh mục cơ sở dữ liệu dùng chung của đơn vị", D(5), "yes_no", "2", applies_to=[DEP],
      evidence_required=True),
    C("2.3", "Bố trí kinh phí cho chuyển đổi số trong dự toán năm", D(5), "manual", "2", evidence_required=True,
      guidance="Chấm theo tỷ lệ kinh phí so với kế hoạch, kèm quyết định giao dự toán."),
    _g("3", "Hạ tầng số", 15),
    C("3.1", "Kết nối mạng truyền số liệu chuyên dùng đến đơn vị", D(5), "yes_no", "3"),
    C("3.2", "Sử dụng nền tảng điện toán đám mây, trung tâm dữ liệu của tỉnh", D(5), "scale", "3",
      scale=[D(0), D("2.5"), D(5)]),
    C("3.3", "Trang bị thiết bị, chữ ký số cho cán bộ", D(5), "manual", "3", evidence_required=True),
    _g("4", "Nhân lực số", 10),
    C("4.1", "Có cán bộ phụ trách công nghệ thông tin, chuyển đổi số", D(5), "yes_no", "4"),
    C("4.2", "Tỷ lệ cán bộ được bồi dưỡng kỹ năng số trong năm", D(5), "manual", "4", evidence_required=True),
    _g("5", "An toàn thông tin mạng", 15),
    C("5.1", "Phê duyệt hồ sơ cấp độ an toàn hệ thống thông tin", D(5), "yes_no", "5", evidence_required=True),
    C("5.2", "Triển khai giám sát an toàn thông tin theo mô hình 4 lớp", D(5), "scale", "5",
      scale=[D(0), D("2.5"), D(5)]),
    C("5.3", "Không để xảy ra sự cố mất an toàn thông tin nghiêm trọng", D(5), "yes_no", "5"),
    _g("6", "Hoạt động chính quyền số", 35),
    C("6.1", "Tỷ lệ nhiệm vụ Nghị quyết 57 được giao hoàn thành đúng hạn", D(15), "formula", "6",
      formula="task_on_time", guidance="giamsat tính từ báo cáo đã duyệt: điểm = 15 × tỷ lệ đúng hạn."),
    C("6.2", "Mức độ hoàn thành nhiệm vụ, chỉ tiêu (điểm tổng hợp của giamsat)", D(10), "formula", "6",
      formula="composite", guidance="Điểm = 10 × điểm tổng hợp / 100."),
    C("6.3", "Tỷ lệ dịch vụ công trực tuyến toàn trình", D(5), "formula", "6", formula="indicator",
      indicator_code="dvctt-toan-trinh", full_at=D(80), applies_to=[DEP, COM],
      guidance="Đạt 80 % trở lên: 5 điểm; thấp hơn: tính theo tỷ lệ."),
    C("6.4", "Xử lý văn bản, hồ sơ công việc trên môi trường mạng", D(5), "manual", "6", evidence_required=True),
]


@transaction.atomic
def load_sample_criteria(actor: str = "load_sample_criteria", year: int = 2026) -> CriteriaSet:
    """Create the sample set once; a second call finds it and changes nothing."""
    existing = CriteriaSet.objects.filter(code=SAMPLE_CODE).first()
    if existing is not None:
        return existing
    created = actions.create_criteria_set(actor, code=SAMPLE_CODE, year=year,
                                          name=f"Bộ tiêu chí mẫu đánh giá chuyển đổi số năm {year}",
                                          note=SAMPLE_NOTE, is_sample=True)
    actions.replace_criteria(actor, created, SAMPLE_ROWS)
    return created
