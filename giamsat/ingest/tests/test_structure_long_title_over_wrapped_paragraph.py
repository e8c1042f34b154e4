"""A numbered title of up to fourteen words that ends well short of the page's width ("2. Quảng bá điểm đến và phát
triển sản phẩm du lịch số"), over a paragraph opening in upper case on the next line with no blank line between (a
PDF's, a scan's), is a heading of its own: the paragraph below it is a duty, not the title's second line. Made-up
paragraphs as a scan's text gives them."""

from __future__ import annotations

from giamsat.ingest.pipeline import parse_text

PAGE = """ỦY BAN NHÂN DÂN TỈNH AN BÌNH
Số: 12/KH-UBND
KẾ HOẠCH
Phát triển du lịch thông minh giai đoạn 2026 - 2030
III. NHIỆM VỤ, GIẢI PHÁP
1. Quảng bá điểm đến và phát triển sản phẩm du lịch số
Nâng cấp ứng dụng du lịch thông minh tích hợp bản đồ số, đặt dịch vụ, phản ánh và
đánh giá của du khách. Giao Sở Văn hóa, Thể thao và Du lịch chủ trì, phối hợp với Sở
Khoa học và Công nghệ thực hiện; hoàn thành trước 30/6/2026.
2. Quản lý nhà nước về du lịch trên môi trường số
Kiểm tra, xử lý hành vi kinh doanh dịch vụ du lịch trái phép, lừa đảo du khách trên
môi trường mạng. Giao Công an tỉnh chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du
lịch thực hiện; hoàn thành trong Quý IV/2026.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch chủ trì theo dõi, đôn đốc việc thực hiện Kế hoạch.
"""


def test_a_long_title_is_a_heading_over_its_duty() -> None:
    got = [(" ".join(t.name.split()[:4]), t.group, t.lead_code) for t in parse_text(PAGE).tasks]
    assert got == [("Nâng cấp ứng dụng", "Quảng bá điểm đến và phát triển sản phẩm du lịch số", "SVHTTDL"),
                   ("Kiểm tra, xử lý", "Quản lý nhà nước về du lịch trên môi trường số", "CAT")]
