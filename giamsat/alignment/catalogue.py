"""The catalogue of standard indicators and the national targets, as published.

Django-free data. Every national target quotes its source row verbatim: the only
national text in ../shared/reference/ that carries figures is Resolution 03/NQ-CP
(09/01/2025, the Government's action programme for Resolution 57-NQ/TW), Appendix I
"Danh mục các chỉ tiêu cụ thể" and section II.1.i. Figures of Resolution 57-NQ/TW and of
Resolution 71/NQ-CP are not quoted here because their texts are not in the reference
folder; where an indicator has no national figure we leave it without one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NQ03 = "Nghị quyết 03/NQ-CP ngày 09/01/2025 của Chính phủ (Chương trình hành động thực hiện Nghị quyết 57-NQ/TW)"
NQ03_APPENDIX = "Phụ lục I — Danh mục các chỉ tiêu cụ thể"


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit: str
    direction: str  # "higher" or "lower"
    theme: str
    definition: str
    synonyms: tuple[str, ...] = ()
    national_code: str = ""


@dataclass(frozen=True)
class NationalTargetSpec:
    indicator: str
    year: int | None
    comparator: str
    value: str
    value_high: str | None
    unit: str
    document: str
    section: str
    text: str = field(default="")


INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec("kinh-te-so", "Quy mô kinh tế số (tỷ trọng trong GDP/GRDP)", "% GRDP", "higher", "kinh-te-so",
                  "Giá trị tăng thêm của kinh tế số so với tổng sản phẩm (GDP cả nước, GRDP của tỉnh).",
                  ("quy mô kinh tế số", "tỷ trọng kinh tế số trong GRDP", "kinh tế số đạt tối thiểu GRDP"), "10"),
    IndicatorSpec("dvctt-su-dung", "Tỷ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp", "%", "higher",
                  "chinh-quyen-so", "Tỷ lệ hồ sơ thủ tục hành chính người dân, doanh nghiệp nộp trực tuyến.",
                  ("tỷ lệ sử dụng dịch vụ công trực tuyến", "DVCTT", "sử dụng DVCTT của người dân và doanh nghiệp"), "11.1"),
    IndicatorSpec("dvctt-toan-trinh", "Tỷ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện",
                  "%", "higher", "chinh-quyen-so", "Số thủ tục hành chính cung cấp trực tuyến toàn trình trên số thủ tục đủ điều kiện.",
                  ("dịch vụ công trực tuyến toàn trình", "DVCTT toàn trình",
                   "thủ tục hành chính đủ điều kiện được cung cấp thông qua dịch vụ công trực tuyến toàn trình"), "11.2"),
    IndicatorSpec("tthc-so-hoa", "Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "%", "higher", "chinh-quyen-so",
                  "Hồ sơ và kết quả giải quyết thủ tục hành chính được số hóa.",
                  ("số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "hồ sơ kết quả giải quyết TTHC được số hóa"), "11.3"),
    IndicatorSpec("tthc-thanh-toan-truc-tuyen", "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công",
                  "%", "higher", "chinh-quyen-so", "Giao dịch thanh toán phí, lệ phí thủ tục hành chính thực hiện trực tuyến.",
                  ("thanh toán trực tuyến trong giải quyết thủ tục hành chính",), "11.6"),
    IndicatorSpec("tthc-phi-dia-gioi", "Tỷ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính",
                  "%", "higher", "chinh-quyen-so", "Thủ tục hành chính tiếp nhận, giải quyết không phụ thuộc địa giới hành chính.",
                  ("thủ tục hành chính không phụ thuộc vào địa giới hành chính", "phi địa giới hành chính"), "11.7"),
    IndicatorSpec("van-ban-dien-tu", "Tỷ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử", "%", "higher",
                  "chinh-quyen-so", "Văn bản, hồ sơ công việc của cơ quan hành chính xử lý toàn trình trên môi trường điện tử.",
                  ("xử lý văn bản hồ sơ công việc trên môi trường điện tử",), "11.10"),
    IndicatorSpec("quan-tri-noi-bo-dien-tu", "Tỷ lệ cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử",
                  "%", "higher", "chinh-quyen-so", "Cơ quan nhà nước chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử.",
                  ("chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử", "phần mềm quản trị điều hành thống nhất"), "11.12"),
    IndicatorSpec("khong-tien-mat", "Tỷ lệ giao dịch không dùng tiền mặt", "%", "higher", "kinh-te-so",
                  "Giao dịch thanh toán không dùng tiền mặt trên tổng số giao dịch.",
                  ("giao dịch không dùng tiền mặt", "thanh toán không dùng tiền mặt"), "12"),
    IndicatorSpec("dn-doi-moi-sang-tao", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", "%", "higher", "doi-moi-sang-tao",
                  "Doanh nghiệp có hoạt động đổi mới sáng tạo trên tổng số doanh nghiệp.",
                  ("doanh nghiệp có hoạt động đổi mới sáng tạo",), "13"),
    IndicatorSpec("hdi", "Chỉ số phát triển con người (HDI)", "chỉ số", "higher", "xa-hoi-so",
                  "Chỉ số phát triển con người, mà khoa học, công nghệ và đổi mới sáng tạo góp phần duy trì.",
                  ("HDI", "chỉ số phát triển con người"), "14"),
    IndicatorSpec("rd-grdp", "Kinh phí chi cho nghiên cứu phát triển (R&D) so với GDP/GRDP", "% GRDP", "higher", "khoa-hoc-cong-nghe",
                  "Tổng chi cho nghiên cứu và phát triển (mọi nguồn) so với GDP cả nước hoặc GRDP của tỉnh.",
                  ("kinh phí chi cho nghiên cứu phát triển", "R&D", "chi cho nghiên cứu và phát triển"), "15"),
    IndicatorSpec("rd-xa-hoi", "Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển (R&D)", "%", "higher",
                  "khoa-hoc-cong-nghe", "Phần kinh phí R&D ngoài ngân sách nhà nước.",
                  ("kinh phí R&D ngoài ngân sách", "kinh phí từ xã hội hóa trong chi R&D"), "16"),
    IndicatorSpec("chi-ngan-sach-khcn", "Chi ngân sách hằng năm cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
                  "% tổng chi ngân sách", "higher", "khoa-hoc-cong-nghe",
                  "Chi ngân sách nhà nước (cả nước hoặc trên địa bàn tỉnh) cho KH, CN, ĐMST và CĐS trên tổng chi ngân sách.",
                  ("tỷ lệ chi cho khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số", "chi ngân sách cho KH&CN",
                   "tổng chi ngân sách cho khoa học công nghệ"), "17"),
    IndicatorSpec("nhan-luc-nghien-cuu", "Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo",
                  "người/vạn dân", "higher", "khoa-hoc-cong-nghe", "Số người làm nghiên cứu và phát triển trên một vạn dân.",
                  ("nhân lực nghiên cứu khoa học", "cán bộ nghiên cứu trên vạn dân"), "18"),
    IndicatorSpec("sang-che-tang", "Tốc độ tăng số đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế", "%/năm", "higher",
                  "khoa-hoc-cong-nghe", "Tốc độ tăng bình quân hằng năm của số đơn và văn bằng bảo hộ sáng chế.",
                  ("số lượng đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế tăng trung bình",), "21"),
    IndicatorSpec("sang-che-thuong-mai", "Tỷ lệ đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế được khai thác thương mại", "%",
                  "higher", "khoa-hoc-cong-nghe", "Đơn, văn bằng sáng chế được khai thác thương mại.",
                  ("tỷ lệ khai thác thương mại sáng chế",), "22"),
    IndicatorSpec("tfp", "Tỷ lệ đóng góp của năng suất nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế", "%", "higher",
                  "kinh-te-so", "Phần tăng trưởng kinh tế (GDP, GRDP) do năng suất nhân tố tổng hợp đóng góp.",
                  ("TFP", "năng suất nhân tố tổng hợp", "đóng góp của TFP vào tăng trưởng"), "8"),
    IndicatorSpec("phu-song-5g", "Tỷ lệ phủ sóng 5G", "% dân số", "higher", "ha-tang-so",
                  "Dân số (hoặc địa bàn) được phủ sóng mạng di động 5G.", ("phủ sóng 5G", "5G"), "23.4"),
    IndicatorSpec("bang-rong-1gbps", "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định tốc độ trên 1 Gb/s", "%", "higher",
                  "ha-tang-so", "Người sử dụng có thể truy nhập băng rộng cố định trên 1 Gb/s.",
                  ("băng rộng cố định 1Gb/s", "truy cập băng rộng cố định với tốc độ trên 1 Gbps"), "23.1"),
    IndicatorSpec("do-thi-thong-minh", "Số đô thị hoàn thành xây dựng đô thị thông minh", "đô thị", "higher", "ha-tang-so",
                  "Thành phố, đô thị hoàn thành đề án đô thị thông minh.", ("đô thị thông minh",), "24"),
    IndicatorSpec("csdl-ket-noi", "Tỷ lệ hoàn thành xây dựng, kết nối, chia sẻ cơ sở dữ liệu quốc gia, cơ sở dữ liệu các ngành",
                  "%", "higher", "chinh-quyen-so", "Cơ sở dữ liệu được xây dựng, kết nối, chia sẻ đồng bộ.",
                  ("kết nối, chia sẻ đồng bộ cơ sở dữ liệu", "cơ sở dữ liệu được số hóa và liên thông"), "27"),
    IndicatorSpec("tai-khoan-ngan-hang", "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản ngân hàng", "%", "higher", "xa-hoi-so",
                  "Dân số từ 15 tuổi có tài khoản giao dịch tại ngân hàng hoặc tổ chức được phép khác.",
                  ("tài khoản ngân hàng", "tài khoản giao dịch tại ngân hàng"), "30"),
    IndicatorSpec("chu-ky-so", "Tỷ lệ dân số trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân", "%", "higher", "xa-hoi-so",
                  "Người trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân.", ("chữ ký số", "chữ ký điện tử"), "31"),
    IndicatorSpec("ho-so-suc-khoe", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "%", "higher", "xa-hoi-so",
                  "Người dân có hồ sơ sức khỏe điện tử.", ("hồ sơ sức khỏe điện tử",), "32"),
    IndicatorSpec("dn-cns-ngang-tam", "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến", "doanh nghiệp", "higher",
                  "kinh-te-so", "Doanh nghiệp công nghệ số đạt tầm các nước (hoặc các tỉnh trong vùng) tiên tiến.",
                  ("doanh nghiệp công nghệ số ngang tầm",), "7"),
    IndicatorSpec("dn-cns-1000-dan", "Số doanh nghiệp công nghệ số trên 1.000 dân", "doanh nghiệp/1000 dân", "higher", "kinh-te-so",
                  "Mật độ doanh nghiệp công nghệ số.", ("tỷ lệ doanh nghiệp công nghệ số", "doanh nghiệp công nghệ số/1000 dân"), "38"),
    IndicatorSpec("thu-hut-dn-cong-nghe", "Số tổ chức, doanh nghiệp công nghệ hàng đầu thế giới thu hút thêm", "tổ chức, doanh nghiệp",
                  "higher", "kinh-te-so", "Tổ chức, doanh nghiệp công nghệ lớn đặt trụ sở hoặc đầu tư nghiên cứu, sản xuất.",
                  ("thu hút tổ chức, doanh nghiệp công nghệ lớn thế giới",), "25"),
    IndicatorSpec("can-bo-khkt-lanh-dao", "Tỷ lệ cán bộ có chuyên môn, kinh nghiệm về khoa học kỹ thuật trong đội ngũ lãnh đạo",
                  "%", "higher", "nhan-luc", "Cán bộ có chuyên môn, kinh nghiệm khoa học kỹ thuật trong lãnh đạo từng cơ quan, đơn vị nhà nước.",
                  ("cán bộ có chuyên môn, kinh nghiệm về khoa học, kỹ thuật trong đội ngũ lãnh đạo",), ""),
    IndicatorSpec("dti", "Chỉ số chuyển đổi số (DTI) của địa phương", "chỉ số", "higher", "chuyen-doi-so",
                  "Chỉ số đánh giá mức độ chuyển đổi số của tỉnh (hoặc xã); kế hoạch có thể đặt theo điểm số hoặc theo thứ hạng.",
                  ("DTI", "chỉ số đánh giá mức độ chuyển đổi số", "chỉ số chuyển đổi số cấp tỉnh", "chỉ số chuyển đổi số"), ""),
    IndicatorSpec("pii", "Chỉ số đổi mới sáng tạo cấp địa phương (PII)", "thứ hạng", "lower", "doi-moi-sang-tao",
                  "Thứ hạng của tỉnh theo Chỉ số đổi mới sáng tạo cấp địa phương.",
                  ("PII", "chỉ số đổi mới sáng tạo cấp địa phương"), ""),
    IndicatorSpec("gii", "Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu (GII) của Việt Nam", "thứ hạng", "lower", "doi-moi-sang-tao",
                  "Thứ hạng của Việt Nam trong Chỉ số đổi mới sáng tạo toàn cầu.", ("chỉ số đổi mới sáng tạo toàn cầu", "GII"), "37"),
    IndicatorSpec("cong-dan-so", "Tỷ lệ công dân số", "%", "higher", "xa-hoi-so",
                  "Người dân có danh tính số và sử dụng dịch vụ số.", ("công dân số", "tài khoản định danh điện tử VNeID"), ""),
    IndicatorSpec("ky-nang-so-can-bo", "Tỷ lệ cán bộ, công chức được bồi dưỡng kỹ năng số cơ bản", "%", "higher", "nhan-luc",
                  "Cán bộ, công chức được bồi dưỡng kỹ năng số căn bản.",
                  ("cán bộ, công chức được bồi dưỡng kỹ năng số căn bản", "kỹ năng số cơ bản"), ""),
)


def _row(tt: str) -> str:
    return f"{NQ03_APPENDIX}, TT {tt}" if tt else NQ03_APPENDIX


def _t(indicator: str, year: int | None, cmp: str, value: str, unit: str, tt: str, text: str,
       value_high: str | None = None, section: str | None = None) -> NationalTargetSpec:
    return NationalTargetSpec(indicator, year, cmp, value, value_high, unit, NQ03, section or _row(tt), text)


NATIONAL_TARGETS: tuple[NationalTargetSpec, ...] = (
    _t("tfp", 2030, ">=", "55", "%", "8 (Đến năm 2030)",
       "Tỉ lệ đóng góp của năng suất nhân tố tổng hợp (TEP) vào tăng trưởng kinh tế | % | ≥ 55"),
    _t("dn-cns-ngang-tam", 2030, ">=", "5", "doanh nghiệp", "7 (Đến năm 2030)",
       "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến | Doanh nghiệp | ≥ 5"),
    _t("kinh-te-so", 2030, ">=", "30", "% GDP", "10 (Đến năm 2030)", "Quy mô kinh tế số | % GDP | ≥ 30"),
    _t("dvctt-su-dung", 2030, ">=", "80", "%", "11.1 (Đến năm 2030)",
       "Tỉ lệ sử dụng dịch vụ công trực tuyến của người dân và doanh nghiệp | % | ≥ 80"),
    _t("dvctt-toan-trinh", 2030, "=", "90", "%", "11.2 (Đến năm 2030)",
       "Tỉ lệ cung cấp dịch vụ công trực tuyến toàn trình trên tổng số thủ tục hành chính có đủ điều kiện | % | 90"),
    _t("tthc-so-hoa", 2030, "=", "100", "%", "11.3 (Đến năm 2030)",
       "Tỉ lệ hồ sơ hợp lệ, kết quả giải quyết thủ tục hành chính | % | 100"),
    _t("tthc-thanh-toan-truc-tuyen", 2030, "=", "80", "%", "11.6 (Đến năm 2030)",
       "Tỉ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công | % | 80"),
    _t("tthc-phi-dia-gioi", 2030, "=", "70", "%", "11.7 (Đến năm 2030)",
       "Tỉ lệ thủ tục hành chính được tiếp nhận, giải quyết phi địa giới hành chính giữa trung ương và địa phương, "
       "giữa các cấp chính quyền | % | 70"),
    _t("van-ban-dien-tu", 2030, "=", "100", "%", "11.10 (Đến năm 2030)",
       "Tỉ lệ xử lý văn bản, hồ sơ công việc toàn trình trên môi trường điện tử của các cơ quan hành chính nhà nước | % | 100"),
    _t("quan-tri-noi-bo-dien-tu", 2030, "=", "100", "%", "11.12 (Đến năm 2030)",
       "Tỉ lệ các cơ quan nhà nước thực hiện chỉ đạo, điều hành, quản trị nội bộ trên môi trường điện tử | % | 100"),
    _t("khong-tien-mat", 2030, ">=", "80", "%", "12 (Đến năm 2030)", "Tỉ lệ giao dịch không dùng tiền mặt | % | ≥ 80"),
    _t("dn-doi-moi-sang-tao", 2030, ">=", "40", "%", "13 (Đến năm 2030)",
       "Tỉ lệ doanh nghiệp có hoạt động đổi mới sáng tạo | % | ≥ 40"),
    _t("hdi", 2030, ">", "0.7", "chỉ số", "14 (Đến năm 2030)",
       "Khoa học, công nghệ và đổi mới sáng tạo góp phần quan trọng trong xây dựng, phát triển giá trị văn hoá, xã hội, "
       "con người Việt Nam duy trì | Chỉ số phát triển con người (HDI) | > 0,7"),
    _t("rd-grdp", 2030, "=", "2", "% GDP", "15 (Đến năm 2030)",
       "Kinh phí chi cho nghiên cứu phát triển (R&D) | % GDP | 2"),
    _t("rd-xa-hoi", 2030, ">", "60", "%", "16 (Đến năm 2030)",
       "Tỷ trọng kinh phí từ xã hội trên kinh phí chi cho nghiên cứu phát triển (R&D) | % | > 60"),
    _t("chi-ngan-sach-khcn", 2030, ">=", "3", "% tổng chi ngân sách", "17 (Đến năm 2030)",
       "Chi ngân sách hàng năm cho phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số quốc gia | "
       "% tổng chi NSNN | ≥ 3% và tăng dần theo yêu cầu phát triển"),
    _t("nhan-luc-nghien-cuu", 2030, "=", "12", "người/vạn dân", "18 (Đến năm 2030)",
       "Nguồn nhân lực nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo | Người/vạn dân | 12"),
    _t("sang-che-tang", 2030, "range", "16", "%/năm", "21 (Đến năm 2030)",
       "Số lượng đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế tăng trung bình | %/năm | 16 - 18", value_high="18"),
    _t("sang-che-thuong-mai", 2030, "range", "8", "%", "22 (Đến năm 2030)",
       "Tỉ lệ đơn đăng ký sáng chế, văn bằng bảo hộ sáng chế khai thác thương mại | % | 8 - 10", value_high="10"),
    _t("bang-rong-1gbps", 2030, "=", "100", "%", "23.1 (Đến năm 2030)",
       "Tỉ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s. | % | 100%"),
    _t("phu-song-5g", 2030, "=", "99", "% dân số", "23.4 (Đến năm 2030)", "Phủ sóng 5G cho người dân | % dân số | 99"),
    _t("thu-hut-dn-cong-nghe", 2030, ">=", "3", "tổ chức, doanh nghiệp", "25 (Đến năm 2030)",
       "Thu hút thêm tổ chức, doanh nghiệp công nghệ hàng đầu thế giới đặt trụ sở, đầu tư nghiên cứu, sản xuất tại Việt Nam | "
       "Tổ chức, doanh nghiệp | ≥ 3"),
    _t("csdl-ket-noi", 2030, "=", "100", "%", "27 (Đến năm 2030)",
       "Hoàn thành xây dựng, kết nối, chia sẻ đồng bộ cơ sở dữ liệu quốc gia, cơ sở dữ liệu các ngành | % | 100"),
    _t("tai-khoan-ngan-hang", 2030, ">=", "95", "%", "30 (Đến năm 2030)",
       "Dân số từ 15 tuổi trở lên có tài khoản ngân hàng | % | ≥ 95"),
    _t("chu-ky-so", 2030, ">=", "70", "%", "31 (Đến năm 2030)",
       "Tỷ lệ dân số trưởng thành có chữ ký hoặc chữ ký điện tử cá nhân | % | ≥ 70"),
    _t("ho-so-suc-khoe", 2030, ">=", "95", "%", "32 (Đến năm 2030)", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử | % | ≥ 95"),
    _t("kinh-te-so", 2045, ">=", "50", "% GDP", "36 (Đến năm 2045)", "Quy mô kinh tế số | % GDP | ≥ 50"),
    _t("gii", 2045, "<=", "30", "thứ hạng", "37 (Đến năm 2045)", "Chỉ số đổi mới sáng tạo toàn cầu | Thứ bậc | ≤ 30"),
    _t("dn-cns-1000-dan", 2045, "=", "1", "doanh nghiệp/1000 dân", "38 (Đến năm 2045)",
       "Tỉ lệ doanh nghiệp công nghệ số | Số doanh nghiệp/1000 dân | 1"),
    _t("dn-cns-ngang-tam", 2045, ">=", "10", "doanh nghiệp", "39 (Đến năm 2045)",
       "Số doanh nghiệp công nghệ số ngang tầm các nước tiên tiến | Doanh nghiệp | ≥ 10"),
    _t("thu-hut-dn-cong-nghe", 2045, ">=", "5", "tổ chức, doanh nghiệp", "40 (Đến năm 2045)",
       "Thu hút thêm tổ chức, doanh nghiệp công nghệ hàng đầu thế giới đặt trụ sở, đầu tư nghiên cứu, sản xuất tại Việt Nam | "
       "Tổ chức, doanh nghiệp | ≥ 5"),
    _t("can-bo-khkt-lanh-dao", None, ">=", "25", "%", "", "Phấn đấu bố trí tỷ lệ cán bộ có chuyên môn, kinh nghiệm về khoa học "
       "kỹ thuật trong đội ngũ lãnh đạo từng cơ quan, đơn vị nhà nước, hướng tới tối thiểu đạt 25%.",
       section="Chương trình hành động, mục II.1.i"),
)
