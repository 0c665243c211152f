"""The forensic flags in the interface language (issue 10): the Chinese interface words every flag in Chinese,
beside the evidence and in the facts panel, and re-words them on a language switch; times are written as the
case view writes them, in the zone it shows them in. The CLI keeps its English line."""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from arbiter.bundle import read_bundle
from arbiter.domain.forensics import Flag
from arbiter.store import import_bundle
from arbiter.ui import i18n
from arbiter.ui.forensics_view import ForensicsFactsBox
from arbiter.ui.forensics_words import flag_detail

pytestmark = pytest.mark.gui
SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
CJK = re.compile(r"[\u4e00-\u9fff]")
LONDON = ZoneInfo("Europe/London")


@pytest.fixture
def english_after(qapp):
    i18n.install(i18n.ENGLISH)
    yield
    i18n.install(i18n.ENGLISH)


@pytest.fixture
def view(qtbot, lamp_view, english_after):
    lamp_view.show_evidence("E1")
    qtbot.waitUntil(lambda: len(lamp_view.forensics_strip.rows) == 4, timeout=10_000)
    return lamp_view


def test_switching_to_chinese_words_the_flags_beside_the_evidence_in_chinese(qtbot, view):
    strip = view.forensics_strip
    before = [row.detail.text() for row in strip.rows]
    assert before[0] == ("Taken 2025-03-09 18:20 (no offset written: read in Europe/London); delivered "
                         "2025-03-10 14:20 (times in Europe/London).")
    assert not any(CJK.search(text) for text in before)

    i18n.switch(i18n.CHINESE)      # what the Language menu does: Qt sends LanguageChange to every widget
    qtbot.waitUntil(lambda: CJK.search(strip.rows[0].detail.text()) is not None, timeout=5_000)
    details = [row.detail.text() for row in strip.rows]
    assert details[0] == ("拍摄于 2025-03-09 18:20（未写时区偏移：按 Europe/London 时间读取）；"
                          "签收于 2025-03-10 14:20（时间均为 Europe/London）。")
    assert details[1] == "照片元数据中有图片编辑软件：Adobe Photoshop 25.4 (Macintosh)"
    assert details[2] == "文件内嵌的预览图是另一张图片（相差 26/64 位）。"
    assert details[3] == ("也出现在案件 TTS-UK-250303-0012 中，编号 E1（相差 2 位）；"
                          "TTS-UK-250303-0012 在先。")
    badges = [row.badge.text() for row in strip.rows]
    assert badges == ["拍摄于签收之前", "经软件编辑", "内嵌预览图不一致", "出现在其他案件中"]
    assert all(CJK.search(row.cite_button.text()) for row in strip.rows)
    # the citation follows the case's language (the notice's), not the interface's: this case is English
    assert "seen in case TTS-UK-250303-0012" in strip.rows[3].cite_button.toolTip()


def test_the_facts_panel_flags_and_party_history_are_chinese_too(qtbot, view):
    def box() -> ForensicsFactsBox:   # the facts panel rebuilds itself on a language switch (the old one goes)
        qtbot.wait(20)
        boxes = view.facts.findChildren(ForensicsFactsBox)
        assert len(boxes) == 1
        return boxes[0]

    qtbot.waitUntil(lambda: len(box().rows) == 4, timeout=10_000)
    i18n.switch(i18n.CHINESE)
    qtbot.waitUntil(lambda: len(box().rows) == 4 and bool(CJK.search(box().rows[0].detail.text())), timeout=5_000)
    assert all(CJK.search(row.detail.text()) for row in box().rows), [r.detail.text() for r in box().rows]
    assert CJK.search(box().title()) and CJK.search(box().status.text())
    assert len(box().history_labels) >= 2 and all(CJK.search(label.text()) for label in box().history_labels)
    i18n.switch(i18n.ENGLISH)
    qtbot.waitUntil(lambda: len(box().rows) == 4 and not CJK.search(box().rows[0].detail.text()), timeout=5_000)
    assert box().rows[3].detail.text().startswith("Also in case TTS-UK-250303-0012 as E1 (distance ")


def test_a_chinese_case_cites_its_flag_in_chinese(english_after, qapp):
    """The rationale goes into the parties' notice: a citation takes the case's language."""
    flag = Flag("E1", "seen_in_other_case", {"other_case_id": "DY-CN-0002", "other_evidence_id": "E3",
                                             "distance": 1, "first_seen": "DY-CN-0002", "this_case_first": False})
    assert flag.citation("zh-CN") == "E1: 出现在案件 DY-CN-0002 中"


def test_times_are_shown_in_the_case_views_zone_and_the_camera_clock_is_named(english_after, qapp):
    flag = Flag("E2", "taken_before_order", {
        "taken_at": datetime(2025, 2, 19, 1, 30, tzinfo=timezone.utc), "clock": "camera_offset",
        "zone": "Asia/Shanghai", "order_placed_at": datetime(2025, 2, 20, 18, 0, tzinfo=timezone.utc)})
    shanghai = ZoneInfo("Asia/Shanghai")
    assert flag_detail(flag, shanghai, "Asia/Shanghai") == (
        "Taken 2025-02-19 09:30 (by the camera's UTC offset); the order was placed 2025-02-21 02:00 "
        "(times in Asia/Shanghai).")
    i18n.install(i18n.CHINESE)
    assert flag_detail(flag, LONDON, "Europe/London") == (
        "拍摄于 2025-02-19 01:30（按相机记录的 UTC 偏移）；下单于 2025-02-20 18:00（时间均为 Europe/London）。")


def test_a_video_match_names_the_frame_of_each_side_in_the_interface_language(qtbot, sqlite_db, tmp_path,
                                                                               english_after):
    """A photo shown for two seconds of a four-second video in another case: each side's flag says which key
    frame matched (issue 13's key frames), in English and in Chinese; the CLI line stays as it was."""
    pytest.importorskip("av")
    from arbiter.forensics.service import case_flags
    from arbiter.forensics.video import FRACTIONS
    from tests.forensics.helpers import video_case_bundle

    photo = import_bundle(sqlite_db, read_bundle(SAMPLES / "tts-uk-lamp-box-dented.arbcase"), actor="test")
    video = import_bundle(sqlite_db, read_bundle(video_case_bundle(tmp_path)), actor="test")
    (on_video,) = case_flags(sqlite_db, video.case_pk)
    frame = on_video.params["frame"]
    assert on_video.params["other_frame"] is None and frame.fraction in FRACTIONS[1:4]
    assert frame.duration == pytest.approx(4.0, abs=0.2)
    assert on_video.line().endswith("; TTS-UK-250303-0012 came first")          # the CLI's line, unchanged
    (on_photo,) = case_flags(sqlite_db, photo.case_pk)
    assert on_photo.params["frame"] is None and on_photo.params["other_frame"] == frame
    at = f"0:{int(frame.seconds):02d}"
    assert flag_detail(on_video) == (f"Also in case TTS-UK-250303-0012 as E1 (distance {on_video.params['distance']}); "
                                     f"TTS-UK-250303-0012 came first. The matching frame is at {at} of this video.")
    assert flag_detail(on_photo).endswith(f"this case came first. The matching frame is at {at} of the other case's "
                                          "video.")
    i18n.install(i18n.CHINESE)
    assert flag_detail(on_photo).endswith(f"本案在先。匹配的画面位于对方案件视频的 {at} 处。")


def test_the_evidence_list_names_every_flag_when_the_row_has_room_for_a_few(qtbot, view):
    """The list row paints the badges that fit and "+N" for the rest (seen on the Chinese screenshot: two of four
    flags, and nothing said of the others); the item's tooltip names them all."""
    from PySide6.QtCore import Qt

    model = view.evidence.model
    index = next(model.index(r, 0) for r in range(model.rowCount())
                 if model.data(model.index(r, 0), Qt.ItemDataRole.UserRole + 5))
    tooltip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    flags = ["⚑ Taken before the delivery", "⚑ Edited with software", "⚑ Embedded preview differs",
             "⚑ Seen in another case"]
    assert [line for line in tooltip.splitlines() if line.startswith("⚑")] == flags
    i18n.install(i18n.CHINESE)
    assert "⚑ 出现在其他案件中" in model.data(index, Qt.ItemDataRole.ToolTipRole)
