"""The decision notice read back as the parties and an auditor would read it."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from arbiter.notice import NoticePaths, render_notice, seller_copy_path, write_notices
from arbiter.notice.render import fingerprint
from tests.notice import pdftools
from tests.notice.records import (LONG_RATIONALE_PARAGRAPH, declined_record, english_case, long_case_and_record,
                                  record, seller_favoured_record, zh_case, zh_record)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def en_pdfs(tmp_path_factory) -> NoticePaths:
    return write_notices(english_case(), record(), tmp_path_factory.mktemp("en") / "notice.pdf")


@pytest.fixture(scope="module")
def zh_pdfs(tmp_path_factory) -> NoticePaths:
    return write_notices(zh_case(), zh_record(), tmp_path_factory.mktemp("zh") / "notice.pdf")


# ------------------------------------------------------------------------------------------ files and naming
def test_write_notices_names_the_two_copies(tmp_path):
    paths = write_notices(english_case(), record(), tmp_path / "out" / "OUT.pdf")
    assert paths == NoticePaths(buyer=tmp_path / "out" / "OUT.pdf", seller=tmp_path / "out" / "OUT.seller.pdf")
    assert paths.buyer.read_bytes().startswith(b"%PDF-")
    assert paths.seller.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["OUT.pdf", "OUT.seller.pdf"]


def test_seller_copy_path():
    assert seller_copy_path("a/notice.pdf") == Path("a/notice.seller.pdf")
    assert seller_copy_path("notice") == Path("notice.seller.pdf")
    assert seller_copy_path("x.y.PDF") == Path("x.y.seller.PDF")


def test_unknown_copy_is_refused():
    with pytest.raises(ValueError):
        render_notice(english_case(), record(), "platform")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------ content, English
def test_english_notice_has_the_facts_and_the_deadlines(en_pdfs):
    text = pdftools.flat(en_pdfs.buyer)
    for expected in ("TikTok Shop", "Decision on an after-sale dispute", "Buyer's copy", "TTS-UK-TEST-0001",
                     "5770001234", "Date of notice 5 March 2025", "Alice W.", "HomeGoods UK",
                     # deadlines as absolute dates in the parties' zone, and what happens when missed
                     "7 March 2025, 10:00 (GMT, UTC+00:00)", "10 March 2025, 10:00 (GMT, UTC+00:00)",
                     "deducts the amount from the seller's account automatically", "The return request closes",
                     "deemed delivered",
                     # the deadline that counts from a later event gives its rule instead
                     "Within 8 days of the buyer uploading the return tracking number",
                     "extend this once, by 4 days",
                     # evidence with submitter, time and hash prefix; exclusion with its reason
                     "Crack on the handle", "Supplementary evidence the platform did not request",
                     "Return and refund", "GBP 19.99", "Back to the original payment method",
                     "Borne by the seller", "Decided in the buyer's favour",
                     "at most 2 appeals are allowed on the same item", "within 2 days of the decision",
                     "ticket in Seller Center", "E1 shows the crack", "r.chen", "tiktok_shop.UK, version 2025.06",
                     fingerprint(record())):
        assert expected in text, expected
    case = english_case()
    for item in case.evidence:
        assert item.sha256[:12] in text
        assert item.sha256[:13] not in text


def test_notice_date_and_deadlines_are_in_the_parties_time_zone(tmp_path):
    # decided at 10:00 in Beijing = 02:00 in London; London summer time shows as BST
    rec = record(decided_at="2025-07-01T10:00:00+08:00", deadlines=[
        {"id": "seller_execute", "party": "seller", "due": "2025-07-03T03:00:00+01:00",
         "on_miss": "auto_deduction", "rule": "48 h after the decision"}])
    text = pdftools.flat(pdftools.write(tmp_path, "n.pdf", render_notice(english_case(), rec, "buyer")))
    assert "Date of notice 1 July 2025" in text
    assert "3 July 2025, 03:00 (BST, UTC+01:00)" in text
    assert "1 July 2025, 03:00 (BST, UTC+01:00)" in text  # decided at, in London time


# ------------------------------------------------------------------------------------------ content, Chinese
def test_chinese_notice_text_comes_back_out(zh_pdfs):
    text = pdftools.flat(zh_pdfs.buyer)
    for expected in ("抖音", "售后纠纷处理决定通知书", "买家联", "DY-CN-TEST-0002", "6920001234567",
                     "2025年3月5日", "张小明", "景德镇瓷韵旗舰店", "收到时茶壶壶嘴已经碎裂",
                     "2025年3月7日 10:00（北京时间 UTC+08:00）", "2025年3月12日 10:00（北京时间 UTC+08:00）",
                     "系统将自动同意买家的申请", "退货申请将关闭", "买家上传退货物流单号后7天内",
                     "退货退款", "129.00 元", "按原支付方式退回", "物流服务商",
                     "同一商品买家最多可申诉2次", "卖家中心提交工单", "第 1 页，共"):
        assert expected in text, expected
    assert fingerprint(zh_record()) in text
    assert "Decision" not in text and "Buyer" not in text  # one language per notice


def test_language_picks_english_for_anything_but_chinese(tmp_path):
    case = english_case(language="ms")
    path = pdftools.write(tmp_path, "ms.pdf", render_notice(case, record(), "buyer"))
    assert "Decision on an after-sale dispute" in pdftools.flat(path)
    assert PdfReader(str(path)).trailer["/Root"]["/Lang"] == "en"


# ------------------------------------------------------------------------------------------ fonts
@pytest.mark.parametrize("which", ["en", "zh"])
def test_every_font_is_embedded(which, en_pdfs, zh_pdfs):
    for path in (en_pdfs if which == "en" else zh_pdfs):
        rows = pdftools.fonts(path)
        assert rows, "no fonts listed"
        for row in rows:
            assert row["emb"] == "yes", row
            assert "Helvetica" not in row["name"] and "Times" not in row["name"], row
            assert "WenQuanYi" in row["name"], row


# ------------------------------------------------------------------------------------------ personal data
def test_personal_data_is_masked(tmp_path):
    case = english_case()
    rec = record(rationale="The buyer (+44 7700 900123, alice@example.com, 12 Example Road, London N1 2AB) "
                           "wrote to support@homegoods.example. E1 shows the crack.")
    for copy in ("buyer", "seller"):
        text = pdftools.flat(pdftools.write(tmp_path, f"{copy}.pdf", render_notice(case, rec, copy)))
        for full in ("7700 900123", "alice@example.com", "12 Example Road", "2AB", "support@homegoods.example",
                     "7946 0000"):
            assert full not in text, (copy, full)
        for masked in ("+44 770****0123", "a****@example.com", "**** London N1 ****", "s****@homegoods.example",
                       "+44 207****0000"):
            assert masked in text, (copy, masked)


def test_chinese_personal_data_is_masked(zh_pdfs):
    text = pdftools.flat(zh_pdfs.seller)
    for full in ("13812345678", "zhangxm@example.cn", "深圳市南山区", "科技园路", "13987654321",
                 "service@ciyun.example.cn"):
        assert full not in text, full
    for masked in ("138****5678", "z****@example.cn", "广东省****", "139****4321", "s****@ciyun.example.cn"):
        assert masked in text, masked


# ------------------------------------------------------------------------------------------ two copies
def _without_copy_specifics(text: str, label: str) -> str:
    """The text without the seller-conduct section, the copy label, the page numbers and section numbers."""
    lines = text.splitlines()
    kept, skipping = [], False
    for line in lines:
        if "Seller service standards" in line or "卖家服务规范" in line:
            skipping = True
        elif "Issued by" in line or "签发信息" in line:
            skipping = False
        if skipping or label in line or re.search(r"Page \d+ of \d+|第 \d+ 页", line):
            continue
        kept.append(line)
    text = re.sub(r"\s+", " ", "\n".join(kept))
    return re.sub(r"\d+\. Issued by|\S、签发信息", "ISSUED", text)


@pytest.mark.parametrize("which", ["en", "zh"])
def test_seller_copy_adds_only_the_conduct_section(which, en_pdfs, zh_pdfs):
    paths = en_pdfs if which == "en" else zh_pdfs
    buyer, seller = pdftools.text(paths.buyer), pdftools.text(paths.seller)
    heading = "Seller service standards" if which == "en" else "卖家服务规范"
    assert heading in seller and heading not in buyer
    conduct_item = "Replied to the buyer within 72 hours" if which == "en" else "72小时内回复买家"
    assert conduct_item in seller and conduct_item not in buyer
    labels = ("Buyer's copy", "Seller's copy") if which == "en" else ("买家联", "卖家联")
    assert labels[0] in buyer and labels[1] in seller
    assert _without_copy_specifics(buyer, labels[0]) == _without_copy_specifics(seller, labels[1])


def test_seller_copy_without_conduct_findings_says_so(tmp_path):
    rec = record(seller_conduct=None)
    text = pdftools.flat(pdftools.write(tmp_path, "s.pdf", render_notice(english_case(), rec, "seller")))
    assert "Seller service standards" in text
    assert "recorded no findings on the seller's service" in text


# ------------------------------------------------------------------------------------------ declined, seller favoured
def test_declined_notice_names_the_gates_and_legal_channels(tmp_path):
    rec = declined_record(("J2_in_time", "J3_not_settled"))
    text = pdftools.flat(pdftools.write(tmp_path, "d.pdf", render_notice(english_case(), rec, "buyer")))
    assert "The platform does not intervene in this dispute" in text
    assert "did not apply for platform intervention within the time limit" in text
    assert "claim submitted 12 days after delivery" in text
    assert "agreed to settle the matter between themselves" in text
    assert "may pursue their rights through legal channels" in text
    assert "Remedy" not in text and "Evidence considered" not in text


def test_declined_chinese_notice(tmp_path):
    rec = declined_record(("J7_no_legal_action",), case_id="DY-CN-TEST-0002", time_zone="Asia/Shanghai",
                          decided_at="2025-03-05T10:00:00+08:00")
    text = pdftools.flat(pdftools.write(tmp_path, "d.pdf", render_notice(zh_case(), rec, "seller")))
    assert "平台对本纠纷不予介入" in text
    assert "买卖双方已启动法律程序" in text
    assert "买卖双方可以通过法律途径继续主张自己的权利" in text
    assert "卖家服务规范" in text


def test_seller_favoured_notice_orders_no_remedy(tmp_path):
    text = pdftools.flat(pdftools.write(tmp_path, "s.pdf",
                                        render_notice(english_case(), seller_favoured_record(), "buyer")))
    assert "Decided in the seller's favour" in text
    assert "No remedy is ordered" in text
    assert "Return and refund" not in text.split("2. Platform intervention")[1]


def test_return_exemption_is_named(tmp_path):
    rec = record(problem="counterfeit", remedy={
        "type": "return_and_refund", "amount": "19.99", "currency": "GBP", "return_required": False,
        "return_exemption": "counterfeit", "refund_route": "original_payment", "shipping_borne_by": "seller"},
        deadlines=[d for d in record()["deadlines"] if d["id"] in ("seller_execute", "appeal_window")])
    text = pdftools.flat(pdftools.write(tmp_path, "x.pdf", render_notice(english_case(), rec, "buyer")))
    assert "Not required, because the goods are counterfeit; the buyer is refunded directly" in text
    assert "return tracking number" not in text


# ------------------------------------------------------------------------------------------ a proper document
def test_qpdf_check_passes(en_pdfs, zh_pdfs, tmp_path):
    case, rec = long_case_and_record()
    long_pdf = pdftools.write(tmp_path, "long.pdf", render_notice(case, rec, "seller"))
    for path in (*en_pdfs, *zh_pdfs, long_pdf):
        result = pdftools.qpdf_check(path)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "No syntax or stream encoding errors found" in result.stdout


def test_a4_and_metadata(en_pdfs, zh_pdfs):
    for paths, lang, label in ((en_pdfs, "en", ("Buyer's copy", "Seller's copy")), (zh_pdfs, "zh-CN", ("买家联", "卖家联"))):
        for path, copy_label in zip(paths, label):
            reader = PdfReader(str(path))
            box = reader.pages[0].mediabox
            assert (round(float(box.width)), round(float(box.height))) == (595, 842)
            assert reader.trailer["/Root"]["/Lang"] == lang
            meta = reader.metadata
            assert copy_label in meta.title
            assert meta.title and meta.subject
            case_id = "TTS-UK-TEST-0001" if lang == "en" else "DY-CN-TEST-0002"
            assert case_id in meta.title and case_id in meta.subject
            # the creation date is the decision time, never the clock
            expected = "D:20250305100000+00'00'" if lang == "en" else "D:20250305100000+08'00'"
            assert meta["/CreationDate"] == expected and meta["/ModDate"] == expected


def test_same_decision_same_bytes(tmp_path):
    case, rec = english_case(), record()
    first = render_notice(case, rec, "buyer")
    assert render_notice(case, rec, "buyer") == first
    zh_first = render_notice(zh_case(), zh_record(), "seller")
    assert render_notice(zh_case(), zh_record(), "seller") == zh_first
    # and in a fresh process (font registration, subset naming and object numbering start from scratch)
    script = ("import sys; from tests.notice.records import english_case, record; "
              "from arbiter.notice import render_notice; "
              "sys.stdout.buffer.write(render_notice(english_case(), record(), 'buyer'))")
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "12345", "TZ": "Asia/Tokyo",
                              "PYTHONPATH": str(ROOT)}).stdout
    assert out == first
    # both files written twice are identical too
    a = write_notices(case, rec, tmp_path / "a" / "n.pdf")
    b = write_notices(case, rec, tmp_path / "b" / "n.pdf")
    assert a.buyer.read_bytes() == b.buyer.read_bytes() and a.seller.read_bytes() == b.seller.read_bytes()


def test_document_id_follows_the_decision():
    def doc_id(data: bytes) -> bytes:
        match = re.search(rb"/ID\s*\[\s*<([0-9a-fA-F]+)>", data)
        assert match, "no /ID in the trailer"
        return match.group(1)

    case = english_case()
    buyer = doc_id(render_notice(case, record(), "buyer"))
    assert doc_id(render_notice(case, record(), "seller")) != buyer
    assert doc_id(render_notice(case, record(reviewer="someone.else"), "buyer")) != buyer


# ------------------------------------------------------------------------------------------ long documents
def test_long_rationale_and_100_evidence_items_flow_over_pages(tmp_path):
    case, rec = long_case_and_record(n_evidence=100, rationale_chars=6000)
    assert len(rec["rationale"]) >= 6000
    path = pdftools.write(tmp_path, "long.pdf", render_notice(case, rec, "seller"))
    n = pdftools.pages(path)
    assert n >= 4
    text = pdftools.flat(path)
    tokens = set(re.findall(r"\bE\d+\b", text))
    for i in range(1, 101):
        assert f"E{i}" in tokens, f"E{i} missing"
    for item in case.evidence:
        assert item.sha256[:12] in text, item.id
    # every paragraph of the rationale made it, whole
    marker = "The reviewer compared each item of evidence with the order record and the logistics events."
    text = pdftools.body(path)
    assert text.count(marker) == rec["rationale"].count(marker) > 5
    assert LONG_RATIONALE_PARAGRAPH.split(". ")[-1].strip()[:40] in text
    assert "M99" in text and "Not in the case file" in text
    # "page X of Y" on every page, and the repeated table header on the evidence pages
    headers = 0
    for page in range(1, n + 1):
        page_text = pdftools.text(path, page, page)
        assert f"Page {page} of {n}" in page_text
        headers += page_text.count("Submitted by")
    assert headers >= 3


def test_chinese_pages_are_numbered(zh_pdfs):
    n = pdftools.pages(zh_pdfs.buyer)
    for page in range(1, n + 1):
        assert f"第 {page} 页，共 {n} 页" in pdftools.text(zh_pdfs.buyer, page, page)


def test_huge_caption_does_not_break_the_layout(tmp_path):
    data_case = english_case()
    from dataclasses import replace

    big = replace(data_case.evidence[0], description="A very long caption. " * 400)
    case = replace(data_case, evidence=(big,) + data_case.evidence[1:])
    path = pdftools.write(tmp_path, "big.pdf", render_notice(case, record(), "buyer"))
    text = pdftools.body(path)
    # the caption is cut into continuation rows at spaces: every word of it is there, none twice
    assert text.count("caption.") == 400 and text.count("A very") == 400
    assert pdftools.pages(path) >= 3


# ------------------------------------------------------------------------------------------ pixels
def test_pages_render_to_images(tmp_path, zh_pdfs):
    from PIL import Image

    pngs = pdftools.render_png(zh_pdfs.seller, tmp_path / "page", resolution=40)
    assert len(pngs) == pdftools.pages(zh_pdfs.seller)
    for png in pngs:
        with Image.open(png) as image:
            gray = image.convert("L")
            extrema = gray.getextrema()
            assert image.size == (331, 468)  # A4 at 40 dpi
            assert extrema[0] < 100  # there is ink on every page
