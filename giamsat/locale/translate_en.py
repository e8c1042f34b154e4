"""Fill giamsat/locale/en/LC_MESSAGES/django.po from the table below (run after makemessages).

    cd giamsat && django-admin makemessages -l en --no-location (ignoring other apps) && python locale/translate_en.py
    && django-admin compilemessages -l en
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

EN = {
    "Đã đọc %(d)s/%(t)s trang": "Read %(d)s/%(t)s pages", "Rà soát kết quả đọc": "Review what was read",
    "Cảnh báo": "Warnings", "Chỉ số chính": "Key figures", "Nhiệm vụ theo dõi": "Tasks followed",
    "Chưa có kết quả đánh giá": "Not evaluated yet", "Chỉ tiêu theo dõi": "Targets followed", "dòng": "lines",
    "độ tin cậy thấp": "low confidence", "Lưu chỉnh sửa": "Save changes", "Gộp với mục tiếp theo": "Merge with the next item",
    "Xoá mục": "Delete item", "Tách thành hai mục": "Split into two items", "Phần thứ nhất": "First part",
    "Phần thứ hai": "Second part", "Tách": "Split", "Đơn vị": "Unit", "Kỳ báo cáo": "Reporting period", "Hạn gửi": "Due",
    "Trạng thái": "Status", "trễ hạn": "late", "Xem và duyệt": "Review", "Mở báo cáo": "Open report",
    "Không có báo cáo nào.": "No reports.", "Giám sát thực hiện Nghị quyết 57": "Monitoring Resolution 57",
    "Bỏ qua, đến nội dung chính": "Skip to main content",
    "Hệ thống giám sát, đánh giá thực hiện Nghị quyết 57-NQ/TW": "Monitoring and evaluation of Resolution 57-NQ/TW",
    "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số": "Science, technology, innovation and digital transformation",
    "Quản trị hệ thống": "System administrator", "Đăng xuất": "Sign out", "Đăng nhập": "Sign in", "Ngôn ngữ": "Language",
    "Đổi": "Change", "Điều hướng chính": "Main navigation", "Trang chủ": "Home", "Bảng điều hành": "Dashboard",
    "Kế hoạch": "Plans", "Báo cáo": "Reports", "Nhập văn bản": "Import", "Kiến nghị": "Recommendations",
    "Đối chiếu chỉ tiêu": "Target alignment", "Đánh giá": "Assessment", "Trao đổi dữ liệu": "Data exchange",
    "Công khai": "Public", "Tìm kiếm": "Search", "Tìm kế hoạch, nhiệm vụ, chỉ tiêu…": "Search plans, tasks, targets…",
    "giamsat — hệ thống theo dõi, giám sát, đánh giá thực hiện Nghị quyết 57-NQ/TW của Bộ Chính trị. Mọi tài nguyên được phục vụ từ máy chủ nội bộ.":
        "giamsat — monitoring and evaluation of the Politburo's Resolution 57-NQ/TW. Every resource is served from the internal server.",
    "Các đơn vị bạn theo dõi": "The units you follow", "số liệu đến ngày": "figures as of", "Sửa bảng này": "Edit this board",
    "Lưu bảng theo dõi mới": "Save a new board", "Lọc số liệu": "Filter figures", "Tất cả kế hoạch": "All plans",
    "Đơn vị chủ trì": "Lead unit", "Tất cả đơn vị": "All units", "Lĩnh vực": "Theme", "Tất cả lĩnh vực": "All themes",
    "Đến hôm nay": "Up to today", "Xem": "Show", "Tình trạng nhiệm vụ": "Task status", "nhiệm vụ": "tasks",
    "Biểu đồ tình trạng nhiệm vụ": "Chart of task status", "Chưa có dữ liệu.": "No data yet.",
    "Tình trạng chỉ tiêu": "Target status", "chỉ tiêu": "targets", "Biểu đồ tình trạng chỉ tiêu": "Chart of target status",
    "Chỉ tiêu, nhiệm vụ đang theo dõi": "Targets and tasks followed", "Nội dung": "Content", "Tình trạng": "Status",
    "Chỉ tiêu": "Targets", "Nhiệm vụ": "Tasks", "Chỉ tiêu có nguy cơ không đạt": "Targets at risk",
    "dự báo theo xu hướng số liệu đã báo cáo": "projected from the trend of reported values", "Mới nhất": "Latest",
    "Năm mốc": "Milestone year", "Dự báo tại mốc": "Projection at milestone", "Thiếu hụt": "Shortfall",
    "Không có chỉ tiêu nào có nguy cơ.": "No target at risk.",
    "Nhiệm vụ quá hạn, có nguy cơ chậm theo đơn vị": "Overdue and at-risk tasks by unit",
    "Biểu đồ nhiệm vụ quá hạn theo đơn vị": "Chart of overdue tasks by unit", "Quá hạn": "Overdue", "Có nguy cơ": "At risk",
    "Không có nhiệm vụ quá hạn.": "No overdue task.", "Tuân thủ chế độ báo cáo": "Reporting compliance",
    "báo cáo đã gửi": "reports sent", "đã phê duyệt": "approved", "gửi trễ": "sent late", "chưa gửi": "not sent",
    "Chưa gửi báo cáo": "Not reported yet", "Chưa có kỳ báo cáo nào đến hạn.": "No reporting period is due yet.",
    "Xếp hạng đơn vị": "Unit ranking", "chỉ số hoàn thành chung 0–100": "overall completion index 0–100", "Hạng": "Rank",
    "Điểm": "Score", "Xếp loại": "Band", "Chưa đủ dữ liệu để xếp hạng.": "Not enough data to rank.",
    "Kiến nghị mới nhất": "Latest recommendations", "Chưa có kiến nghị.": "No recommendations yet.",
    "Bảng kiến nghị": "Recommendations board", "Cảnh báo sớm": "Early warnings", "Xin chào": "Hello",
    "Mở bảng điều hành": "Open the dashboard", "Nhập kế hoạch mới": "Import a new plan",
    "Báo cáo chờ lãnh đạo ký gửi": "Reports waiting for the head's submission", "Báo cáo đang mở của đơn vị": "Your unit's open reports",
    "Hàng chờ phê duyệt báo cáo": "Approval queue", "Kế hoạch chờ rà soát, công bố": "Plans waiting for review and publication",
    "Không có bản nháp nào.": "No drafts.", "%(s)s/%(d)s báo cáo đã gửi, %(o)s đã phê duyệt.": "%(s)s/%(d)s reports sent, %(o)s approved.",
    "Chưa gửi:": "Not sent:", "Kiến nghị đang xử lý": "Open recommendations", "Không có kiến nghị nào.": "No recommendations.",
    "Xem tất cả kiến nghị": "All recommendations", "Tiến độ đọc văn bản": "Reading progress",
    "Nhập kế hoạch từ văn bản": "Import a plan from a document",
    "Tải lên văn bản (TXT, PDF, ảnh scan, DOCX, DOC, RTF, ODT, XLSX). Hệ thống đọc mục tiêu, chỉ tiêu, nhiệm vụ; bạn rà soát trước khi công bố.":
        "Upload a document (TXT, PDF, scan, DOCX, DOC, RTF, ODT, XLSX). The system reads objectives, targets and tasks; you review them before publishing.",
    "Lượt nhập gần đây": "Recent imports", "Tệp": "File", "Chưa có lượt nhập nào.": "No imports yet.",
    "Tải lên văn bản": "Upload a document", "Tải lên và đọc": "Upload and read", "Đăng nhập hệ thống": "Sign in",
    "Dành cho cán bộ các cơ quan, đơn vị được giao theo dõi, báo cáo thực hiện Nghị quyết 57.":
        "For officials of the agencies and units that monitor and report on Resolution 57.",
    "Tên đăng nhập": "Username", "Mật khẩu": "Password",
    "Người dân, doanh nghiệp xem thông tin công khai tại": "Citizens and businesses see public information on the",
    "trang công khai": "public page", "Rà soát và công bố": "Review and publish", "Thông tin văn bản": "Document",
    "Cơ quan ban hành": "Issued by", "Ngày ban hành": "Issued on", "Đơn vị theo dõi": "Followed by",
    "Thực hiện văn bản": "Implements", "Kế hoạch cấp dưới triển khai": "Plans implementing this plan",
    "Chưa có kế hoạch xã, phường, sở, ngành nào liên kết.": "No commune, ward or department plan linked yet.",
    "Mục tiêu": "Objectives", "Mục tiêu chung": "General objective", "Mốc": "Milestones",
    "Chỉ tiêu cấp dưới phục vụ": "Local targets serving it", "Chưa đánh giá": "Not evaluated",
    "Kế hoạch không có chỉ tiêu định lượng.": "The plan has no quantified targets.", "Tìm nhiệm vụ": "Search tasks",
    "Cơ quan chủ trì": "Lead agency", "Tất cả": "All", "Sắp xếp": "Sort", "Theo thứ tự văn bản": "Document order",
    "Theo thời hạn": "Deadline", "Theo cơ quan chủ trì": "Lead agency", "Theo tên": "Name", "Lọc": "Filter",
    "Nhiệm vụ khác": "Other tasks", "Chủ trì": "Lead", "Phối hợp": "Coordinators", "Sản phẩm": "Output",
    "Thời hạn": "Deadline", "Không có nhiệm vụ phù hợp.": "No matching task.",
    "Kế hoạch, chương trình hành động": "Plans and action programmes",
    "Các văn bản triển khai Nghị quyết 57 mà bạn được xem.": "Documents implementing Resolution 57 that you may see.",
    "Đã công bố": "Published", "Bản nháp (chờ rà soát)": "Draft (awaiting review)", "Đã thay thế": "Replaced",
    "Văn bản": "Document", "Trích yếu": "Title", "Chưa có kế hoạch.": "No plans yet.",
    "Công khai kết quả thực hiện Nghị quyết 57-NQ/TW": "Public results of Resolution 57-NQ/TW",
    "Các kế hoạch đã được cơ quan có thẩm quyền công bố, chỉ tiêu và tiến độ thực hiện nhiệm vụ.":
        "Plans published by the competent authorities, their targets and task progress.",
    "Gửi kiến nghị": "Send a recommendation", "Tìm trong các kế hoạch đã công bố": "Search published plans",
    "ví dụ: chuyển đổi số": "e.g. digital transformation", "Tìm": "Search", "Kế hoạch đã công bố": "Published plans",
    "Chưa có kế hoạch nào được công bố.": "No plan has been published yet.",
    "Hoàn thành nhiệm vụ theo đơn vị chủ trì": "Task completion by lead unit",
    "Kết quả đánh giá sẽ hiển thị khi có báo cáo được phê duyệt.": "Results appear once reports are approved.",
    "Đã hoàn thành": "Completed", "Tỷ lệ": "Share", "Số liệu mới nhất": "Latest value", "Chưa có số liệu": "No data",
    "Gửi kiến nghị, đề xuất": "Send a recommendation or proposal",
    "Người dân, doanh nghiệp gửi kiến nghị về việc thực hiện Nghị quyết 57. Thông tin liên hệ chỉ dùng để trả lời, không công khai.":
        "Citizens and businesses send recommendations on implementing Resolution 57. Contact details are used only to reply and are never published.",
    "Gửi kiến nghị mới": "New recommendation", "Đơn vị gửi": "Sending unit", "Tiêu đề": "Title",
    "Bảng kiến nghị, đề xuất": "Recommendations and proposals",
    "Kiến nghị của các đơn vị và của người dân, doanh nghiệp: tiếp nhận, chuyển xử lý, trả lời, đóng.":
        "Recommendations from units, citizens and businesses: received, routed, answered, closed.",
    "Lọc theo trạng thái": "Filter by status", "Người, đơn vị gửi": "Sender", "Đơn vị xử lý": "Handled by",
    "Hạn trả lời": "Answer due", "Trả lời:": "Answer:", "trễ %(n)s ngày": "%(n)s days late", "Xử lý": "Handle",
    "Nhận xử lý": "Start handling", "Trả lời / lý do đóng": "Answer / reason for closing", "Trả lời": "Answer", "Đóng": "Close",
    "hạn gửi": "due", "phiên bản": "version", "Ý kiến của cơ quan thường trực:": "Standing agency's comment:",
    "Tiến độ (%%)": "Progress (%%)", "Ngày hoàn thành": "Completed on", "Kết quả trong kỳ": "Results this period",
    "chuyển từ kỳ trước, cần xác nhận": "carried forward, please confirm", "đơn vị phối hợp": "coordinating unit",
    "Đơn vị không có nhiệm vụ phải báo cáo trong kỳ.": "The unit has no task to report this period.",
    "Số liệu chỉ tiêu": "Indicator values", "Giá trị": "Value", "Ngày số liệu": "Measured on", "Nguồn": "Source",
    "Tổng hợp": "Summary", "Tóm tắt kết quả": "Summary of results", "Khó khăn, vướng mắc": "Difficulties",
    "Đề xuất, kiến nghị": "Proposals", "Tài liệu minh chứng": "Evidence", "Lưu bản nháp": "Save draft",
    "Lưu và gửi báo cáo": "Save and submit", "Xem xét báo cáo": "Review the report",
    "Ý kiến (bắt buộc khi trả lại)": "Comment (required to return)", "Phê duyệt": "Approve",
    "Trả lại kèm ý kiến": "Return with comment", "Mở lại báo cáo đã phê duyệt": "Reopen the approved report",
    "Lý do": "Reason", "Mở lại": "Reopen", "Lịch sử": "History", "Báo cáo định kỳ": "Periodic reports",
    "Báo cáo tiến độ nhiệm vụ, số liệu chỉ tiêu theo kỳ; gửi cơ quan thường trực phê duyệt.":
        "Report task progress and indicator values each period; the standing agency approves.",
    "Kỳ báo cáo cần lập": "Reports to prepare", "hạn": "due", "Lập báo cáo": "Prepare report",
    "Hàng chờ phê duyệt": "Approval queue", "Báo cáo của các đơn vị": "Units' reports", "Rà soát": "Review",
    "Gán cơ quan chưa nhận diện được": "Map unrecognised agencies", "Lưu gán đơn vị": "Save mapping",
    "Không đọc được chỉ tiêu nào.": "No targets were read.", "Không đọc được nhiệm vụ nào.": "No tasks were read.",
    "Văn bản nguồn": "Source document", "Nguyên văn": "As written", "Đã khôi phục dấu": "Diacritics restored",
    "Đã khôi phục dấu (như nguyên văn)": "Diacritics restored (same as written)", "Công bố kế hoạch": "Publish the plan",
    "Tôi đã rà soát toàn bộ chỉ tiêu, nhiệm vụ, cơ quan chủ trì và thời hạn so với văn bản nguồn.":
        "I have checked every target, task, lead agency and deadline against the source document.",
    "Bảng theo dõi": "Saved board", "Bảng theo dõi mới": "New saved board",
    "Chọn kế hoạch, đơn vị, chỉ tiêu, nhiệm vụ (kể cả nhiệm vụ, chỉ tiêu riêng của tỉnh ngoài khung quốc gia) và biểu đồ muốn theo dõi.":
        "Pick the plans, units, targets and tasks (including the province's own beyond the national template) and the charts to follow.",
    "Lưu": "Save", "Huỷ": "Cancel", "Xoá bảng theo dõi này": "Delete this board",
    "Tìm không phân biệt dấu và chữ hoa: “chuyen doi so” tìm thấy “chuyển đổi số”.":
        "Search ignores diacritics and case: “chuyen doi so” finds “chuyển đổi số”.",
    "Từ khoá": "Keywords", "%(n)s kết quả": "%(n)s results", "Không tìm thấy kết quả.": "Nothing found.",
    "Diễn biến số liệu": "Reported values", "Biểu đồ giá trị báo cáo và mốc chỉ tiêu": "Chart of reported values and milestones",
    "Mốc và dự báo": "Milestones and projection", "Năm": "Year", "Giá trị gốc": "Baseline", "Dự báo": "Projection",
    "Phục vụ chỉ tiêu": "Serves target", "Chỉ tiêu cấp dưới phục vụ chỉ tiêu này": "Local targets serving this target",
    "Chưa có.": "None yet.", "Số liệu đã phê duyệt": "Approved values", "Kỳ": "Period",
    "Chưa có số liệu được phê duyệt.": "No approved values yet.", "Không có chỉ tiêu.": "No targets.",
    "Không có nhiệm vụ.": "No tasks.", "Phân trang": "Pagination", "Trước": "Previous", "Sau": "Next",
    "Nhiệm vụ đã hoàn thành": "Tasks completed", "%(p)s hoàn thành đúng hạn": "%(p)s completed on time",
    "Nhiệm vụ quá hạn": "Overdue tasks", "chưa hoàn thành khi đã hết hạn": "not done by their deadline",
    "Nhiệm vụ có nguy cơ chậm": "Tasks at risk", "tiến độ thấp hơn kế hoạch": "progress behind plan",
    "Chỉ tiêu đạt, đúng lộ trình": "Targets achieved or on track",
    "%(n)s chỉ tiêu có nguy cơ, chệch lộ trình": "%(n)s targets at risk or off track",
    "Báo cáo đã gửi kỳ này": "Reports sent this period", "%(period)s: %(n)s đơn vị chưa gửi": "%(period)s: %(n)s units not reported",
    "Chỉ số hoàn thành chung": "Overall completion index", "Xếp loại: %(band)s": "Band: %(band)s",
    "Lập, xem báo cáo các kỳ": "Prepare and view reports", "Đã xoá bảng theo dõi.": "Board deleted.",
    "Đã lưu chỉnh sửa.": "Changes saved.", "Đã xoá mục.": "Item deleted.", "Không có mục tiếp theo để gộp.": "There is no next item to merge.",
    "Đã gộp với mục tiếp theo.": "Merged with the next item.", "Hãy nhập nội dung cho cả hai phần.": "Enter text for both parts.",
    "Đã tách thành hai mục.": "Split into two items.",
    "Hãy xác nhận đã rà soát toàn bộ kế hoạch trước khi công bố.": "Confirm that you reviewed the whole plan before publishing.",
    "Đã nhận kiến nghị của quý vị. Cơ quan thường trực sẽ xem xét và trả lời.": "Your recommendation was received. The standing agency will review it and reply.",
    "Đã gửi kiến nghị.": "Recommendation sent.", "Thao tác không hợp lệ.": "Invalid action.", "Đã cập nhật kiến nghị.": "Recommendation updated.",
    "Đã lưu bản nháp.": "Draft saved.", "Đã gửi báo cáo tới cơ quan thường trực.": "Report sent to the standing agency.",
    "Đã phê duyệt báo cáo.": "Report approved.", "Đã trả lại báo cáo kèm ý kiến.": "Report returned with comments.",
    "Đã mở lại báo cáo để điều chỉnh.": "Report reopened for correction.",
    "Xem tất cả chỉ tiêu có nguy cơ, chệch lộ trình": "All targets at risk or off track",
    "Theo báo cáo đã được cơ quan thường trực phê duyệt.": "From reports approved by the standing agency.",
    "Số liệu chung": "Overview",
    "Hoàn thành đúng hạn": "Completed on time", "Hoàn thành quá hạn": "Completed late",
    "Đang thực hiện trong hạn": "In progress, on time", "Đang thực hiện quá hạn": "In progress, overdue",
    "Chưa triển khai, trong hạn": "Not started, on time", "Chưa triển khai, quá hạn": "Not started, overdue",
    "Có nguy cơ chậm": "At risk of delay", "Tạm dừng": "Suspended", "Chưa báo cáo": "Not reported", "Đã đạt": "Achieved",
    "Đúng lộ trình": "On track", "Có nguy cơ không đạt": "At risk", "Chệch lộ trình": "Off track",
    "Bản nháp": "Draft", "Đã gửi": "Submitted", "Bị trả lại": "Returned", "Đã phê duyệt": "Approved", "công dân, doanh nghiệp": "citizen, business", "đã chuyển lên": "escalated to",
    "có thể trùng với": "possible duplicate of", "Lọc báo cáo": "Filter reports", "Bỏ lọc": "Clear filters", "Tiến độ đến mốc": "Progress to milestone",
    "Kiến nghị của người dân, doanh nghiệp đã được trả lời": "Citizens' and businesses' recommendations answered", "số nhiệm vụ có đơn vị chủ trì": "of tasks with a lead unit",
}

_ENTRY = re.compile(r'(msgid (?:"(?:[^"\\]|\\.)*"\n)+)(msgstr (?:"(?:[^"\\]|\\.)*"\n)+)')


def _text(block: str) -> str:
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', block)).replace('\\"', '"')


def _po(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def main(path: Path) -> int:
    missing: list[str] = []

    def fill(match: re.Match[str]) -> str:
        msgid = _text(match.group(1))
        if not msgid:
            return match.group(0)
        english = EN.get(msgid)
        if english is None:
            missing.append(msgid)
            return match.group(0)
        return f"{match.group(1)}msgstr {_po(english)}\n"

    source = path.read_text(encoding="utf-8").replace("#, fuzzy\n", "")
    source = source.replace('"Content-Type: text/plain; charset=CHARSET\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"')
    path.write_text(_ENTRY.sub(fill, source), encoding="utf-8")
    for m in missing:
        print("missing:", m)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(__file__).resolve().parent / "en" / "LC_MESSAGES" / "django.po"))
