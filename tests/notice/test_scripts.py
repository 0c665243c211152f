"""Every script the parties write renders and reads back (issue 9 part 4): real PDFs through pdftotext,
pdffonts and qpdf. Thai, Vietnamese, Malay/Indonesian, Chinese and Latin, names in Arabic, Hebrew and
Devanagari, emoji; a character no embedded font covers is drawn as U+FFFD and reported."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from arbiter.domain.parse import case_from_dict
from arbiter.notice import render_notice, render_notice_report, write_notices
from arbiter.notice import fonts as notice_fonts
from arbiter.notice import shaping
from tests.factories import answers_dict, case_dict, write_bundle
from tests.notice import pdftools
from tests.notice.records import record

ROOT = Path(__file__).resolve().parents[2]

THAI_NAME = "สมหญิง ใจดี"
THAI_WORDS = "สีที่ได้รับเป็นสีส้มอิฐ ไม่ใช่สีชมพูกุหลาบ น้ำ ค่ะ"
ARABIC_NAME = "متجر النور"
HEBREW = "שלום עולם"
DEVANAGARI = "प्रिया शर्मा क्षत्रिय"
VIETNAMESE = "Nguyễn Thị Hường đã gửi ảnh"
CHINESE = "杯子把手有裂痕，卖家拒绝退款"
MALAY = "Siti Nurhaliza binti Tarudin"
EMOJI = "😢👍"


def _squash(text: str) -> str:
    """Text compared without whitespace and invisible format characters (pdftotext wraps lines and marks
    right-to-left runs with U+202B/U+202C)."""
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


def _case(**claim):
    data = case_dict()
    data["buyer"]["display_name"] = THAI_NAME
    data["seller"]["shop_name"] = ARABIC_NAME
    data["claim"]["reason_text"] = f"{THAI_WORDS} {EMOJI}"
    data["claim"].update(claim)
    data["evidence"][0]["description"] = f"{HEBREW} / {VIETNAMESE}"
    data["evidence"][1]["description"] = f"{DEVANAGARI} ({CHINESE})"
    return case_from_dict(data)


def _record(rationale: str) -> dict:
    return record(rationale=rationale, evidence_excluded=[])


@pytest.fixture(scope="module")
def many_scripts(tmp_path_factory):
    out = tmp_path_factory.mktemp("scripts") / "notice.pdf"
    rationale = f"E1 ({HEBREW}) and E2 ({DEVANAGARI}) support the buyer {MALAY}; M3: “{ARABIC_NAME}”."
    return write_notices(_case(), _record(rationale), out)


def test_every_name_and_quote_comes_back(many_scripts):
    for path in many_scripts:
        text = _squash(pdftools.text(path))
        for expected in (THAI_NAME, THAI_WORDS, ARABIC_NAME, HEBREW, DEVANAGARI, VIETNAMESE, CHINESE, MALAY,
                         EMOJI):
            assert _squash(expected) in text, expected
        assert "\ufffd" not in text
    assert many_scripts.warnings == ()


def test_every_font_is_embedded_and_the_file_is_sound(many_scripts):
    for path in many_scripts:
        rows = pdftools.fonts(path)
        names = " ".join(row["name"] for row in rows)
        for face in ("WenQuanYi", "NotoSansThai", "NotoSansArabic", "NotoSansHebrew", "NotoSansDevanagari",
                     "Symbola"):
            assert face in names, (face, names)
        for row in rows:
            assert row["emb"] == "yes" and row["sub"] == "yes" and row["uni"] == "yes", row
            assert "Helvetica" not in row["name"], row
        check = subprocess.run([pdftools.need("qpdf"), "--check", str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr


def test_complex_scripts_are_shaped():
    """HarfBuzz moves Thai marks and joins Arabic: glyph offsets or substitutions, not one glyph per
    character at its default place."""
    assert shaping.available(), "uharfbuzz is a dependency: the notice must shape"
    notice_fonts.register_fonts()
    from reportlab.lib.abag import ABag
    from reportlab.pdfbase import pdfmetrics, ttfonts

    for font, word in (("ArbiterThai", "ที่"), ("ArbiterArabic", "محمد"), ("ArbiterDevanagari", "क्ष")):
        frag = ABag(fontName=font, fontSize=10)
        shaped = shaping.shape_frag_word([pdfmetrics.stringWidth(word, font, 10), (frag, word)])
        assert isinstance(shaped, ttfonts.ShapedFragWord), word
        data = [d for _, s in shaped[1:] for d in s.__shapeData__]
        text = "".join(str(s) for _, s in shaped[1:])
        assert text != word or any(d.x_offset or d.y_offset for d in data), word


def test_a_word_mixing_fonts_is_shaped_per_font(tmp_path):
    """'(สมชาย)': brackets from the main font, Thai from Noto Sans Thai, in one word."""
    case = _case(reason_text="(สมชาย), «ที่» [น้ำ]")
    pdf = tmp_path / "n.pdf"
    pdf.write_bytes(render_notice(case, _record("E1 shows it."), "buyer"))
    assert _squash("(สมชาย), «ที่» [น้ำ]") in _squash(pdftools.text(pdf))


def test_uncovered_character_is_a_visible_replacement_and_a_warning(tmp_path):
    unknown = "\U0001FAE8\ue000"  # a Unicode 15 emoji and a private-use character: no embedded font has them
    assert notice_fonts.missing_characters(unknown) == list(unknown)
    pdf, warnings = render_notice_report(_case(), _record(f"E1 shows it {unknown} clearly."), "buyer")
    path = tmp_path / "n.pdf"
    path.write_bytes(pdf)
    text = pdftools.text(path)
    assert "\ufffd\ufffd" in _squash(text) and "\U0001FAE8" not in text and "\ue000" not in text
    assert len(warnings) == 1
    assert warnings[0].startswith("2 characters (U+1FAE8, U+E000) no embedded font covers drawn as \ufffd")
    assert "\n" not in warnings[0]
    paths = write_notices(_case(), _record(f"E1 {unknown}"), tmp_path / "w.pdf")
    assert paths.warnings == warnings and list(paths) == [paths.buyer, paths.seller]


def test_cli_prints_the_warning_in_one_line(tmp_path):
    data = case_dict()
    bundle = write_bundle(tmp_path / "c.arbcase", data)
    answers = answers_dict(rationale="E1 shows the crack \U0001FAE8.")
    (tmp_path / "a.json").write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "arbiter", "decide", str(bundle), "--answers",
                           str(tmp_path / "a.json"), "--notice", str(tmp_path / "n.pdf")], capture_output=True,
                          text=True, cwd=ROOT, timeout=120, env={k: v for k, v in os.environ.items()
                                                                  if k != "ARBITER_DB"})
    assert proc.returncode == 0, proc.stderr
    warnings = [line for line in proc.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: notice: 1 character (U+1FAE8) no embedded font covers drawn as \ufffd "
                        "(the replacement character)"]


def test_same_bytes_whatever_was_rendered_before(tmp_path):
    case, rec = _case(), _record(f"E1 {DEVANAGARI} {THAI_WORDS}")
    first = render_notice(case, rec, "buyer")
    render_notice(_case(reason_text="ลูกค้า ก็ ได้ ผ้า ฟ้า ต่ำ ล้ำ ศักดิ์"), _record(f"E2 {ARABIC_NAME} لا"), "seller")
    assert render_notice(case, rec, "buyer") == first
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from tests.notice.test_scripts import _case, _record, "
              "DEVANAGARI, THAI_WORDS; from arbiter.notice import render_notice; "
              "sys.stdout.buffer.write(render_notice(_case(), _record(f'E1 {DEVANAGARI} {THAI_WORDS}'), 'buyer'))")
    fresh = subprocess.run([sys.executable, "-c", script, str(ROOT)], capture_output=True, cwd=ROOT, timeout=120)
    assert fresh.returncode == 0, fresh.stderr.decode()
    assert fresh.stdout == first


def test_street_line_in_the_rationale_is_masked(tmp_path):
    """The case's buyer address is '12 Example Road, London N1 2AB': its street line alone is masked too."""
    case = case_from_dict(case_dict())
    paths = write_notices(case, _record("E1 shows the crack; the parcel was left at 12 Example Road (N1 2AB)."),
                          tmp_path / "n.pdf")
    for path in paths:
        text = pdftools.flat(path)
        assert "Example Road" not in text and "12 Example" not in text
        assert "left at ****" in text
