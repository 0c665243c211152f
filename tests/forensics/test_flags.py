"""Each forensic flag, from real JPEG bytes with EXIF written as cameras and editors write it."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from arbiter.cli import main
from arbiter.domain.forensics import Flag, PhotoFacts, evidence_flags, is_editor
from arbiter.domain.parse import case_from_dict
from arbiter.forensics.exif import photo_metadata
from arbiter.forensics.service import case_flags, photo_facts
from arbiter.store.forensics import case_pk_by_id
from tests import photos as P
from tests.factories import case_dict, png_bytes
from tests.forensics.helpers import import_photos

LONDON = ZoneInfo("Europe/London")
# the factory case: order placed 2025-02-20T18:00Z, delivered 2025-02-24T14:00Z, region UK


def _flags(facts: PhotoFacts, *, party="buyer", delivered="2025-02-24T14:00:00+00:00"):
    data = case_dict()
    data["evidence"][0]["party"] = party
    data["order"]["delivered_at"] = delivered
    if delivered is None:
        del data["order"]["delivered_at"]
    case = case_from_dict(data)
    return [(f.evidence_id, f.code) for f in evidence_flags(case, {"E1": facts}, (), tz=LONDON,
                                                             zone_name="Europe/London")]


def test_capture_time_without_offset_is_read_in_the_parties_zone():
    # 13:30 London = 13:30Z in February: before the delivery at 14:00Z, after the order
    assert _flags(PhotoFacts(taken_at=datetime(2025, 2, 24, 13, 30))) == [("E1", "taken_before_delivery")]
    assert _flags(PhotoFacts(taken_at=datetime(2025, 2, 24, 14, 30))) == []


def test_the_cameras_offset_wins_over_the_zone():
    # 21:30 at +08:00 = 13:30Z: before the delivery; read in London it would be after
    facts = PhotoFacts(taken_at=datetime(2025, 2, 24, 21, 30), taken_offset=timedelta(hours=8))
    assert _flags(facts) == [("E1", "taken_before_delivery")]


def test_before_the_order_is_also_before_the_delivery():
    assert _flags(PhotoFacts(taken_at=datetime(2025, 2, 19, 9, 0))) == [
        ("E1", "taken_before_order"), ("E1", "taken_before_delivery")]
    assert _flags(PhotoFacts(taken_at=datetime(2025, 2, 19, 9, 0)), delivered=None) == [("E1", "taken_before_order")]


def test_a_sellers_photo_taken_before_delivery_is_no_finding():
    assert _flags(PhotoFacts(taken_at=datetime(2025, 2, 19, 9, 0)), party="seller") == []


def test_editors_are_named_and_camera_firmware_is_not():
    for name in ("Adobe Photoshop 25.0 (Windows)", "GIMP 2.10.36", "Snapseed 2.0", "美图秀秀", "Adobe Lightroom"):
        assert is_editor(name), name
    for name in ("iOS 17.2", "HDR+ 1.0.540104767z", "MediaTek Camera Application", "G998BXXU5CVDD", None, ""):
        assert not is_editor(name), name


def test_metadata_from_real_exif_bytes():
    thumb = P.thumbnail_jpeg(P.photo(2))
    data = P.jpeg(P.photo(1), exif=P.exif_block(taken="2025:02:23 10:00:00", offset="+08:00",
                                                  software="Adobe Photoshop 25.0", thumbnail=thumb))
    meta = photo_metadata(data)
    assert meta.taken_at == datetime(2025, 2, 23, 10, 0) and meta.taken_offset == timedelta(hours=8)
    assert meta.software == "Adobe Photoshop 25.0" and meta.thumbnail == thumb
    assert photo_metadata(b"garbage") == photo_metadata(P.jpeg(P.photo(1)))  # nothing, never an error


def test_embedded_preview_of_another_picture_differs_and_its_own_does_not():
    img = P.photo(5)
    own = photo_facts(P.jpeg(img, exif=P.exif_block(thumbnail=P.thumbnail_jpeg(img))))
    other = photo_facts(P.jpeg(img, exif=P.exif_block(thumbnail=P.thumbnail_jpeg(P.photo(6)))))
    assert own.preview_differs is False
    assert other.preview_differs is True
    assert photo_facts(P.jpeg(img)).preview_differs is None


def test_letterboxed_preview_of_the_same_photo_does_not_differ():
    from PIL import Image

    img = P.photo(7, (640, 360))
    box = Image.new("RGB", (160, 120))
    box.paste(img.resize((160, 90)), (0, 15))
    assert photo_facts(P.jpeg(img, exif=P.exif_block(thumbnail=P.jpeg(box)))).preview_differs is False


def test_flags_command_names_every_flag(sqlite_db, tmp_path, capsys):
    img = P.photo(9)
    import_photos(sqlite_db, tmp_path, "TTS-UK-0001", {"E1": P.jpeg(img), "E2": png_bytes((1, 2, 3))},
                  opened_at="2025-03-01T09:00:00+00:00")
    doctored = P.jpeg(P.brightened(P.resized(img, 0.7), 1.2), quality=70, exif=P.exif_block(
        taken="2025:02:23 10:00:00", software="Adobe Photoshop 25.0", thumbnail=P.thumbnail_jpeg(P.photo(10))))
    import_photos(sqlite_db, tmp_path, "TTS-UK-0002", {"E1": doctored, "E2": png_bytes((4, 5, 6))},
                  buyer={"id": "B-2", "display_name": "Bob K."})
    url = str(sqlite_db.engine.url)
    assert main(["--db", url, "evidence", "flags", "TTS-UK-0002"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [
        ["E1", "taken_before_delivery"], ["E1", "edited_with_software"], ["E1", "exif_thumbnail_differs"],
        ["E1", "seen_in_other_case"]]
    assert lines[0] == ("E1\ttaken_before_delivery\ttaken 2025-02-23T10:00+00:00 (read in Europe/London), "
                        "delivered 2025-02-24T14:00+00:00")
    assert lines[1] == "E1\tedited_with_software\tSoftware: Adobe Photoshop 25.0"
    assert lines[3].startswith("E1\tseen_in_other_case\tseen in case TTS-UK-0001 as E1 (distance ")
    assert lines[3].endswith("); TTS-UK-0001 came first")
    # the other side sees it too, and that it came first
    flags = case_flags(sqlite_db, case_pk_by_id(sqlite_db, "TTS-UK-0001"))
    assert [(f.evidence_id, f.code) for f in flags] == [("E1", "seen_in_other_case")]
    assert flags[0].detail.endswith("this case came first")
    assert flags[0].citation() == "E1: seen in case TTS-UK-0002"
    assert main(["--db", url, "evidence", "flags", "NOPE"]) == 1
    assert capsys.readouterr().err == "error: no case NOPE in the database\n"


def test_flag_citation_words():
    assert Flag("E2", "edited_with_software", {"software": "GIMP 2.10"}).citation() == "E2: edited with GIMP 2.10"
    assert Flag("E2", "edited_with_software", {"software": "GIMP 2.10"}).citation("zh_CN") == "E2: 经 GIMP 2.10 编辑"
    seen = Flag("E1", "seen_in_other_case", {"other_case_id": "DY-CN-7", "other_evidence_id": "E3", "distance": 4,
                                             "first_seen": "DY-CN-7", "this_case_first": False})
    assert seen.citation("zh") == "E1: 出现在案件 DY-CN-7 中" and seen.citation() == "E1: seen in case DY-CN-7"


def _case_flags(facts, seen=(), *, party="buyer"):
    data = case_dict()
    data["evidence"][0]["party"] = party
    return evidence_flags(case_from_dict(data), {"E1": facts}, seen, tz=LONDON, zone_name="Europe/London")


def test_flags_carry_codes_and_facts_as_data_never_words():
    """Each flag gives its facts as params (aware times in the parties' zone, ids, distances), so every reader
    words it in its own language; the English detail of the CLI is rendered from them."""
    before, delivered = _case_flags(PhotoFacts(taken_at=datetime(2025, 2, 19, 9, 0), software="Snapseed 2.0",
                                               preview_differs=True, preview_distance=30))[:2]
    assert before.code == "taken_before_order"
    assert before.params == {"taken_at": datetime(2025, 2, 19, 9, 0, tzinfo=LONDON), "clock": "parties_zone",
                             "zone": "Europe/London",
                             "order_placed_at": datetime(2025, 2, 20, 18, 0, tzinfo=timezone.utc)}
    assert all(v.tzinfo is LONDON for k, v in before.params.items() if k.endswith("_at"))
    assert delivered.params["delivered_at"] == datetime(2025, 2, 24, 14, 0, tzinfo=timezone.utc)
    assert delivered.detail == ("taken 2025-02-19T09:00+00:00 (read in Europe/London), "
                                "delivered 2025-02-24T14:00+00:00")
    edited, preview = _case_flags(PhotoFacts(software="Snapseed 2.0", preview_differs=True, preview_distance=30))
    assert (edited.code, edited.params) == ("edited_with_software", {"software": "Snapseed 2.0"})
    assert (preview.code, preview.params) == ("exif_thumbnail_differs", {"distance": 30, "bits": 64})
    assert preview.detail == "the embedded preview shows another picture (distance 30/64)"


def test_the_cameras_offset_is_named_as_the_clock_and_the_time_shown_in_the_parties_zone():
    (flag,) = _case_flags(PhotoFacts(taken_at=datetime(2025, 2, 24, 21, 30), taken_offset=timedelta(hours=8)))
    assert flag.params["clock"] == "camera_offset"
    assert flag.params["taken_at"] == datetime(2025, 2, 24, 13, 30, tzinfo=timezone.utc)
    assert flag.params["taken_at"].tzinfo is LONDON
    assert flag.detail.startswith("taken 2025-02-24T13:30+00:00 (camera's UTC offset), delivered ")


def test_a_match_names_the_other_case_its_item_distance_and_who_came_first():
    from arbiter.domain.forensics import SeenElsewhere

    case_id = case_from_dict(case_dict()).case_id
    seen = [SeenElsewhere("E1", "TTS-UK-0009", "E4", 3, "TTS-UK-0009"),
            SeenElsewhere("E1", "TTS-UK-0003", "E2", 1, case_id)]
    first, second = _case_flags(PhotoFacts(), seen)
    assert (first.code, first.params) == ("seen_in_other_case", {
        "other_case_id": "TTS-UK-0003", "other_evidence_id": "E2", "distance": 1, "first_seen": case_id,
        "this_case_first": True, "frame": None, "other_frame": None})
    assert second.params["this_case_first"] is False and second.params["first_seen"] == "TTS-UK-0009"
    assert first.detail == "seen in case TTS-UK-0003 as E2 (distance 1); this case came first"
    assert second.line() == "E1\tseen_in_other_case\tseen in case TTS-UK-0009 as E4 (distance 3); TTS-UK-0009 came first"


def test_a_video_match_names_the_key_frame_of_each_side():
    from arbiter.domain.forensics import FramePosition, SeenElsewhere

    seen = [SeenElsewhere("E1", "TTS-UK-0009", "E4", 3, "TTS-UK-0009", other_frame=FramePosition(0.3, 4.0))]
    (flag,) = _case_flags(PhotoFacts(), seen)
    assert flag.params["frame"] is None and flag.params["other_frame"] == FramePosition(0.3, 4.0)
    assert flag.params["other_frame"].seconds == pytest.approx(1.2)
    assert FramePosition(0.5).seconds is None                        # duration unknown
    assert flag.detail == "seen in case TTS-UK-0009 as E4 (distance 3); TTS-UK-0009 came first"   # the CLI's line
