"""DOCX as Word users lay plans out: headings, items and table numbers in Word's automatic list numbers
(numbering.xml), which the paragraph's text does not hold (the reader writes them back as Word prints them),
and the document's head in a table without rules (issuer and number left, motto and date right)."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml

from giamsat.ingest.pipeline import parse_bytes
from giamsat.ingest.readers import read_docx

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered_plan() -> bytes:
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>'
        '</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def para(text: str, level: int | None = None) -> None:
        p = d.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'))

    para("ỦY BAN NHÂN DÂN XÃ BÌNH AN")
    para("Số: 41/KH-UBND")
    para("KẾ HOẠCH")
    para("Chuyển đổi số trên địa bàn xã năm 2027")
    para("MỤC TIÊU", 0)
    para("Đến năm 2027, 100% thôn có điểm phát sóng Internet miễn phí.")
    para("NHIỆM VỤ VÀ GIẢI PHÁP", 0)
    para("Hạ tầng số", 1)
    para("Lắp đặt điểm phát sóng Internet tại nhà văn hóa các thôn. Giao Phòng Kinh tế chủ trì; hoàn thành trong "
         "Quý III/2027.", 2)
    para("Rà soát, cập nhật bản đồ số các thôn. Giao Phòng Kinh tế chủ trì; thời gian: tháng 9/2027.", 2)
    para("Dữ liệu số", 1)
    para("Số hóa sổ hộ tịch đang lưu trữ. Công an xã thực hiện thường xuyên.", 2)
    para("TỔ CHỨC THỰC HIỆN", 0)
    para("Các bộ phận báo cáo kết quả định kỳ hằng quý, trước ngày 20 của tháng cuối quý.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_automatic_list_numbers_are_written_back() -> None:
    lines = [x for x in read_docx(_numbered_plan()).lines if x.strip()]
    assert "I. MỤC TIÊU" in lines and "II. NHIỆM VỤ VÀ GIẢI PHÁP" in lines and "III. TỔ CHỨC THỰC HIỆN" in lines
    assert "1. Hạ tầng số" in lines and "2. Dữ liệu số" in lines      # the level below restarts under each heading
    assert [x[:3] for x in lines if x[1:3] == ") "] == ["a) ", "b) ", "a) "]


def test_a_plan_numbered_by_word_gives_its_tasks() -> None:
    j = parse_bytes(_numbered_plan()).to_json()
    assert [(t["group"], t["lead_code"], (t["deadline"] or {}).get("kind")) for t in j["tasks"]] == [
        ("Hạ tầng số", "PHONG_KT", "quarter"), ("Hạ tầng số", "PHONG_KT", "month"), ("Dữ liệu số", "CA_XA", "continuous")]


def test_an_auto_numbered_stt_column_keeps_its_numbers() -> None:
    d = docx.Document()
    t = d.add_table(rows=3, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "STT", "Nội dung"
    for k, name in ((1, "Việc một"), (2, "Việc hai")):
        t.cell(k, 0).paragraphs[0].style = d.styles["List Number"]
        t.cell(k, 1).text = name
    buf = io.BytesIO()
    d.save(buf)
    assert [x for x in read_docx(buf.getvalue()).lines if x] == [
        "| STT | Nội dung |", "| 1. | Việc một |", "| 2. | Việc hai |"]


def _letterhead(cells: list[tuple[str, str]]) -> dict[str, str]:
    d = docx.Document()
    t = d.add_table(rows=len(cells), cols=2)
    for k, (left, right) in enumerate(cells):
        t.cell(k, 0).text, t.cell(k, 1).text = left, right
    for text in ("KẾ HOẠCH", "Chuyển đổi số trong công tác quản lý cán bộ năm 2027", "",
                 "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2027 của Ủy ban nhân dân tỉnh, ban hành Kế hoạch:"):
        d.add_paragraph(text)
    buf = io.BytesIO()
    d.save(buf)
    doc: dict[str, str] = parse_bytes(buf.getvalue()).to_json()["document"]
    return doc


def test_a_letterhead_table_is_read_as_the_head_of_the_document() -> None:
    doc = _letterhead([("UBND TỈNH BẮC SƠN\nSỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
                       ("Số: 77/KH-SNV", "Bắc Sơn, ngày 05 tháng 3 năm 2027")])
    assert (doc["issuer"], doc["number"], doc["date"]) == ("SỞ NỘI VỤ", "77/KH-SNV", "2027-03-05")
    assert doc["title"] == "Kế hoạch Chuyển đổi số trong công tác quản lý cán bộ năm 2027"
    # one row, the Party's motto, a blank line in the right cell keeping the date beside the star
    doc = _letterhead([("ĐẢNG BỘ TỈNH BẮC SƠN\nĐẢNG ỦY XÃ AN LẠC\n*\nSố 15-KH/ĐU",
                        "ĐẢNG CỘNG SẢN VIỆT NAM\n\nAn Lạc, ngày 05 tháng 3 năm 2027")])
    assert (doc["issuer"], doc["number"], doc["date"]) == ("ĐẢNG ỦY XÃ AN LẠC", "15-KH/ĐU", "2027-03-05")


def test_text_in_a_tracked_insertion_and_a_content_control_is_read() -> None:
    """A draft sent with its changes still tracked: inserted words are text, deleted ones are not; paragraphs
    a content control wraps are read in their place."""
    d = docx.Document()
    p = d.add_paragraph("Hoàn thành trong ")
    p._p.append(parse_xml(f'<w:del {W} w:id="1" w:author="A"><w:r><w:delText>Quý II/2027</w:delText></w:r></w:del>'))
    p._p.append(parse_xml(f'<w:ins {W} w:id="2" w:author="A"><w:r><w:t>Quý III/2027</w:t></w:r></w:ins>'))
    d.element.body.insert(len(d.element.body) - 1, parse_xml(
        f'<w:sdt {W}><w:sdtContent><w:p><w:r><w:t>Giao Sở Tư pháp chủ trì.</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    buf = io.BytesIO()
    d.save(buf)
    assert [x for x in read_docx(buf.getvalue()).lines if x] == ["Hoàn thành trong Quý III/2027",
                                                                 "Giao Sở Tư pháp chủ trì."]


def test_a_form_laid_out_as_word_users_do_reads_as_the_typed_one() -> None:
    """quality.word_layout_docx (the benchmark's 'docx …/word' kind): letterhead table, Word's list numbers."""
    import json

    from giamsat.ingest import quality

    gold = json.loads((quality.GOLD_DIR / "forms_ward.json").read_text(encoding="utf-8"))
    data = quality.word_layout_docx((quality.GOLD_DIR.parent / gold["source"]).read_text(encoding="utf-8"))
    numbered = docx.Document(io.BytesIO(data)).element.body.xpath(".//w:numPr")
    assert len(numbered) >= 20
    j = parse_bytes(data, registry=quality._registry(gold)).to_json()
    for score in (quality.score_tasks(j, gold), quality.score_targets(j, gold), quality.score_document(j, gold)):
        assert all(a == b for a, b in score.fields.values()), score.fields
    assert quality.score_tasks(j, gold).hit == len(gold["tasks"])
