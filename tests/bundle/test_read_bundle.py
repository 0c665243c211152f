"""read_bundle(): valid bundles load; hostile ones are refused with a message naming the field or member."""
from __future__ import annotations

import json
import os
import stat
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from arbiter.bundle import BundleError, LoadedBundle, limits, read_bundle
from tests.bundle.helpers import (
    case_bytes,
    mp4_bytes,
    png_header_only,
    refused,
    set_declared_size,
    set_member_flag,
    standard_members,
    webm_bytes,
    with_evidence,
    zip_members,
)
from tests.factories import case_dict, default_files, png_bytes, sha256, write_bundle

# ------------------------------------------------------------------------------------------------ valid


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_valid_bundle_loads(tmp_path, as_zip):
    target = tmp_path / ("case.arbcase" if as_zip else "case")
    write_bundle(target, as_zip=as_zip)
    loaded = read_bundle(target)
    assert isinstance(loaded, LoadedBundle)
    assert loaded.source == str(target)
    assert loaded.case.case_id == "TTS-UK-TEST-0001"
    assert loaded.case.order.total_paid == Decimal("19.99")
    raw = (target / "case.json").read_bytes() if not as_zip else zipfile.ZipFile(target).read("case.json")
    assert loaded.case_json == raw
    assert loaded.case_sha256 == sha256(raw)
    assert dict(loaded.files) == default_files()
    assert loaded.ignored == ()
    with pytest.raises(Exception):
        loaded.case_json = b""  # frozen
    with pytest.raises(TypeError):
        loaded.files["x"] = b""  # read-only mapping


def test_path_like_and_str_accepted(tmp_path):
    target = write_bundle(tmp_path / "c.arbcase")
    assert read_bundle(str(target)).case_sha256 == read_bundle(target).case_sha256


def test_unreferenced_members_are_reported_as_ignored(tmp_path):
    members = standard_members() + [("notes.txt", b"hello"), ("extra/deep/file.bin", b"\x00"), ("extra/", b"")]
    z = zip_members(tmp_path / "c.arbcase", members)
    assert read_bundle(z).ignored == ("notes.txt", "extra/deep/file.bin")
    folder = write_bundle(tmp_path / "f", as_zip=False)
    (folder / "notes.txt").write_text("hello")
    (folder / "evidence" / "unused.jpg").write_bytes(b"x")
    assert read_bundle(folder).ignored == ("notes.txt", "evidence/unused.jpg")


def test_identical_content_is_hashed_once_and_shared(tmp_path):
    files = default_files()
    files["evidence/E1-copy.jpg"] = bytes(bytearray(files["evidence/E1.jpg"]))  # equal, a distinct object
    data = case_dict()
    extra = dict(data["evidence"][0], id="E4", file="evidence/E1-copy.jpg")
    data["evidence"].append(extra)
    loaded = read_bundle(write_bundle(tmp_path / "c.arbcase", data, files))
    assert loaded.files["evidence/E1.jpg"] is loaded.files["evidence/E1-copy.jpg"]


def test_two_items_may_reference_the_same_file(tmp_path):
    data = case_dict()
    data["evidence"].append(dict(data["evidence"][0], id="E4"))
    loaded = read_bundle(write_bundle(tmp_path / "c.arbcase", data))
    assert len(loaded.files) == 3


def test_utf8_bom_is_tolerated_and_kept(tmp_path):
    raw = b"\xef\xbb\xbf" + case_bytes()
    loaded = read_bundle(write_bundle(tmp_path / "c.arbcase", case_json=raw))
    assert loaded.case_json == raw
    assert loaded.case_sha256 == sha256(raw)


def test_brackets_inside_strings_do_not_count_as_nesting(tmp_path):
    data = case_dict()
    data["claim"]["reason_text"] = "[{" * 2000 + ' \" ' + "]}" * 2000
    assert read_bundle(write_bundle(tmp_path / "c.arbcase", data)).case.claim.reason_text.startswith("[{[{")


def test_videos_are_recognised(tmp_path):
    files = default_files()
    files["evidence/E3.mp4"] = mp4_bytes()
    files["evidence/E5.mov"] = mp4_bytes(b"qt  ")
    files["evidence/E6.webm"] = webm_bytes()
    data = case_dict()
    base = data["evidence"][2]
    for eid, name, mt in (("E4", "evidence/E3.mp4", "video/mp4"), ("E5", "evidence/E5.mov", "video/quicktime"),
                          ("E6", "evidence/E6.webm", "video/webm")):
        data["evidence"].append(dict(base, id=eid, kind="video", file=name, media_type=mt, sha256=sha256(files[name])))
    loaded = read_bundle(write_bundle(tmp_path / "c.arbcase", data, files))
    assert len(loaded.files) == 6


def test_nothing_is_written(tmp_path, monkeypatch):
    z = write_bundle(tmp_path / "in" / "c.arbcase")
    folder = write_bundle(tmp_path / "in" / "f", as_zip=False)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    before = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*"))
    read_bundle(z)
    read_bundle(folder)
    with pytest.raises(BundleError):
        read_bundle(write_bundle(tmp_path / "bad.arbcase", case_json=b"{"))
    after = sorted((p, p.stat().st_mtime_ns) for p in tmp_path.rglob("*") if p.name != "bad.arbcase")
    assert after == before


# ------------------------------------------------------------------------------------------- container


def test_missing_path(tmp_path):
    assert refused(tmp_path / "nope.arbcase") == "no such file or folder"


def test_plain_file_that_is_not_a_zip(tmp_path):
    target = tmp_path / "c.arbcase"
    target.write_bytes(b"this is not a zip archive at all")
    assert "not a ZIP archive" in refused(target)


def test_case_json_missing(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", list(default_files().items()))
    assert refused(z) == "case.json: missing from the bundle"


# --------------------------------------------------------------------------------------- paths in case.json


def _with_file(tmp_path, path: str) -> str:
    data = case_dict()
    data["evidence"][0]["file"] = path
    return refused(write_bundle(tmp_path / "c.arbcase", data))


def test_path_escape_dotdot(tmp_path):
    message = _with_file(tmp_path, "evidence/../../outside.jpg")
    assert message.startswith("evidence[0].file: ") and "escapes the bundle" in message


def test_absolute_path(tmp_path):
    message = _with_file(tmp_path, "/etc/passwd")
    assert message.startswith("evidence[0].file: ") and "absolute" in message


def test_backslash_path(tmp_path):
    message = _with_file(tmp_path, "evidence\\E1.jpg")
    assert message.startswith("evidence[0].file: ") and "backslash" in message


def test_drive_letter_path(tmp_path):
    message = _with_file(tmp_path, "C:/evidence/E1.jpg")
    assert message.startswith("evidence[0].file: ") and "drive" in message


# ------------------------------------------------------------------------------------------- ZIP members


def test_zip_member_with_dotdot_is_refused_even_unreferenced(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [("../../evil.sh", b"rm -rf /")])
    message = refused(z)
    assert "'../../evil.sh'" in message and "escapes the bundle" in message


def test_zip_member_absolute(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [("/tmp/evil", b"x")])
    assert "member '/tmp/evil'" in refused(z)


def test_zip_member_backslash(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [("evidence\\..\\..\\evil", b"x")])
    message = refused(z)
    assert "evidence\\\\..\\\\..\\\\evil" in message and "backslash" in message


def test_zip_member_drive_letter(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [("C:/Windows/evil.dll", b"x")])
    assert "member 'C:/Windows/evil.dll'" in refused(z)


def test_zip_symlink_member(tmp_path):
    link = zipfile.ZipInfo("evidence/E1.jpg")
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    files = default_files()
    del files["evidence/E1.jpg"]
    z = zip_members(tmp_path / "c.arbcase", standard_members(files=files) + [(link, b"/etc/passwd")])
    assert refused(z) == "member 'evidence/E1.jpg': is a symbolic link; only regular files are allowed"


def test_zip_device_member(tmp_path):
    dev = zipfile.ZipInfo("dev/sda")
    dev.create_system = 3
    dev.external_attr = (stat.S_IFCHR | 0o600) << 16
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [(dev, b"")])
    assert "member 'dev/sda': is a character device" in refused(z)


def test_zip_encrypted_member(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members())
    set_member_flag(z, "evidence/E2.png", 0x1)
    assert refused(z) == "member 'evidence/E2.png': is encrypted; encrypted members are not supported"


def test_zip_unsupported_compression(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members(), compression=zipfile.ZIP_BZIP2)
    assert "compression method 12 is not supported" in refused(z)


def test_zip_duplicate_member_name(tmp_path):
    members = standard_members()
    members.append(("evidence/E1.jpg", png_bytes()))  # a second, different E1.jpg
    z = zip_members(tmp_path / "c.arbcase", members)
    assert refused(z) == "member 'evidence/E1.jpg': duplicate member name in the archive"


def test_zip_member_names_differing_only_in_case(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [("Evidence/e1.JPG", b"x")])
    message = refused(z)
    assert "member 'Evidence/e1.JPG': duplicate member name" in message and "letter case" in message


def test_zip_bomb_member_ratio(tmp_path):
    bomb = b"\x00" * (2 * limits.MiB)  # ~2 KiB deflated: ratio ~1000:1
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [("evidence/big.bin", bomb)])
    message = refused(z)
    assert message.startswith("member 'evidence/big.bin': compression ratio") and "zip bomb" in message


def test_zip_bomb_overall_ratio(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "RATIO_CHECK_MIN_BYTES", 512 * 1024)
    chunk = b"\x00" * (400 * 1024)  # each member under the per-member threshold
    members = standard_members() + [(f"pad/{i}.bin", chunk) for i in range(20)]
    message = refused(zip_members(tmp_path / "c.arbcase", members))
    assert message.startswith("archive: ") and "ratio" in message and "zip bomb" in message


def test_zip_bomb_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_UNCOMPRESSED_BYTES", 64 * 1024)
    members = standard_members() + [("video.bin", os.urandom(100 * 1024))]  # incompressible: no ratio issue
    message = refused(zip_members(tmp_path / "c.arbcase", members))
    assert message == "archive: members declare more than 65536 bytes uncompressed (limit; zip bomb)"


def test_zip_too_many_members(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_MEMBERS", 5)
    members = standard_members() + [(f"x{i}", b"") for i in range(5)]
    assert refused(zip_members(tmp_path / "c.arbcase", members)) == "archive: 9 members; the limit is 5"


def test_zip_damaged_member(tmp_path):
    z = zip_members(tmp_path / "c.arbcase", standard_members(), compression=zipfile.ZIP_STORED)
    raw = bytearray(z.read_bytes())
    at = raw.find(b"%PDF-")
    raw[at + 20] ^= 0xFF  # the stored PDF's bytes no longer match the member's CRC
    z.write_bytes(bytes(raw))
    assert refused(z).startswith("evidence[2] (E3) evidence/E3.pdf: cannot be read from the archive (Bad CRC")


@pytest.mark.parametrize("declared", [100, 10_000_000])
def test_zip_member_whose_header_lies_about_its_size(tmp_path, declared):
    z = zip_members(tmp_path / "c.arbcase", standard_members())
    set_declared_size(z, "case.json", declared)  # the real case.json is a few KiB
    message = refused(z)
    assert "case.json" in message and ("Bad CRC" in message or "zip bomb" in message), message


# ------------------------------------------------------------------------------------------------ folder


def test_folder_symlink_to_a_file_outside(tmp_path):
    folder = write_bundle(tmp_path / "f", as_zip=False)
    outside = tmp_path / "outside.jpg"
    outside.write_bytes((folder / "evidence/E1.jpg").read_bytes())
    (folder / "evidence/E1.jpg").unlink()
    (folder / "evidence/E1.jpg").symlink_to(outside)
    assert refused(folder) == ("evidence[0] (E1) evidence/E1.jpg: 'evidence/E1.jpg' is a symbolic link; "
                               "only regular files and folders are allowed")


def test_folder_symlinked_directory(tmp_path):
    folder = write_bundle(tmp_path / "f", as_zip=False)
    (folder / "evidence").rename(tmp_path / "elsewhere")
    (folder / "evidence").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    assert "'evidence' is a symbolic link" in refused(folder)


def test_folder_case_json_symlink(tmp_path):
    folder = write_bundle(tmp_path / "f", as_zip=False)
    (folder / "case.json").rename(tmp_path / "real.json")
    (folder / "case.json").symlink_to(tmp_path / "real.json")
    assert refused(folder).startswith("case.json: 'case.json' is a symbolic link")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_folder_named_pipe(tmp_path):
    folder = write_bundle(tmp_path / "f", as_zip=False)
    (folder / "evidence/E3.pdf").unlink()
    os.mkfifo(folder / "evidence/E3.pdf")
    assert refused(folder) == ("evidence[2] (E3) evidence/E3.pdf: 'evidence/E3.pdf' is a named pipe; "
                               "only regular files and folders are allowed")


def test_folder_device_file(tmp_path):
    folder = write_bundle(tmp_path / "f", as_zip=False)
    (folder / "evidence/E3.pdf").unlink()
    try:
        os.mknod(folder / "evidence/E3.pdf", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (AttributeError, PermissionError, OSError):
        pytest.skip("cannot create a device node here (needs root)")
    assert "'evidence/E3.pdf' is a character device" in refused(folder)


def test_folder_total_read_is_capped(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TOTAL_UNCOMPRESSED_BYTES", 4000)
    message = refused(write_bundle(tmp_path / "f", as_zip=False))
    assert message.startswith("evidence[") and "passes 4000 bytes" in message


def test_folder_path_component_is_a_file(tmp_path):
    data = case_dict()
    data["evidence"][0]["file"] = "evidence/E2.png/E1.jpg"
    message = refused(write_bundle(tmp_path / "f", data, as_zip=False))
    assert message == "evidence[0] (E1) evidence/E2.png/E1.jpg: 'evidence/E2.png' is not a folder"


# ------------------------------------------------------------------------------------------------ case.json


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_case_json_over_the_size_limit(tmp_path, monkeypatch, as_zip):
    monkeypatch.setattr(limits, "MAX_CASE_JSON_BYTES", 1000)
    message = refused(write_bundle(tmp_path / ("c.arbcase" if as_zip else "f"), as_zip=as_zip))
    assert message.startswith("case.json: ") and "case.json limit is 1000" in message


def test_deeply_nested_json(tmp_path):
    raw = b'{"format": "arbiter.case/1", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    assert refused(write_bundle(tmp_path / "c.arbcase", case_json=raw)) == \
        "case.json: nested 100001 levels deep; the limit is 64"


def test_truncated_json(tmp_path):
    raw = case_bytes()
    message = refused(write_bundle(tmp_path / "c.arbcase", case_json=raw[: len(raw) // 2]))
    assert message.startswith("case.json: not valid JSON (line ") and "column" in message


def test_invalid_utf8(tmp_path):
    raw = case_bytes().replace(b"Alice W.", b"Alice \xff.")
    assert refused(write_bundle(tmp_path / "c.arbcase", case_json=raw)).startswith("case.json: not valid UTF-8")


def test_nan_is_refused(tmp_path):
    raw = case_bytes().replace(b'"previous_appeals": 0', b'"previous_appeals": NaN')
    assert refused(write_bundle(tmp_path / "c.arbcase", case_json=raw)) == \
        "case.json: NaN is not valid JSON (numbers must be finite)"


def test_duplicate_json_key(tmp_path):
    raw = case_bytes().replace(b'"case_id": "TTS-UK-TEST-0001"',
                               b'"case_id": "TTS-UK-TEST-0001", "case_id": "OTHER"')
    assert refused(write_bundle(tmp_path / "c.arbcase", case_json=raw)) == \
        "case.json: duplicate key 'case_id' in one object"


def test_top_level_not_an_object(tmp_path):
    assert refused(write_bundle(tmp_path / "c.arbcase", case_json=b"[1, 2]")) == \
        "case.json: must be a JSON object at the top level"


def test_float_money(tmp_path):
    raw = case_bytes().replace(b'"total_paid": "19.99"', b'"total_paid": 19.99')
    message = refused(write_bundle(tmp_path / "c.arbcase", case_json=raw))
    assert message.startswith("order.total_paid: money must be a decimal string")


def test_timestamp_without_offset(tmp_path):
    data = case_dict()
    data["claim"]["submitted_at"] = "2025-02-25T09:00:00"
    message = refused(write_bundle(tmp_path / "c.arbcase", data))
    assert message.startswith("claim.submitted_at: ") and "no UTC offset" in message


def test_unknown_format(tmp_path):
    message = refused(write_bundle(tmp_path / "c.arbcase", case_dict(format="arbiter.case/2")))
    assert message.startswith("format: 'arbiter.case/2' is not a supported") and "arbiter.case/1" in message


def test_dangling_chat_attachment(tmp_path):
    data = case_dict()
    data["chat_logs"][1]["messages"][0]["attachments"] = ["E9"]
    assert refused(write_bundle(tmp_path / "c.arbcase", data)) == \
        "chat_logs[1].messages[0].attachments[0]: attachment 'E9' names no evidence item"


# ----------------------------------------------------------------------------------------------- evidence


@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_missing_evidence_file(tmp_path, as_zip):
    files = default_files()
    del files["evidence/E3.pdf"]
    message = refused(write_bundle(tmp_path / ("c.arbcase" if as_zip else "f"), files=files, as_zip=as_zip))
    assert message == "evidence[2] (E3) evidence/E3.pdf: file is missing from the bundle"


def test_hash_mismatch(tmp_path):
    data = case_dict()
    files = default_files()
    files["evidence/E2.png"] = png_bytes(color=(0, 0, 0))  # replaced after the platform hashed it
    message = refused(write_bundle(tmp_path / "c.arbcase", data, files))
    declared = data["evidence"][1]["sha256"]
    actual = sha256(files["evidence/E2.png"])
    assert message == f"evidence[1] (E2) evidence/E2.png: sha256 mismatch (declared {declared}, actual {actual})"


def test_png_declared_as_jpeg(tmp_path):
    files = default_files()
    files["evidence/E1.jpg"] = png_bytes()
    data, files = with_evidence(files)
    assert refused(write_bundle(tmp_path / "c.arbcase", data, files)) == \
        "evidence[0] (E1) evidence/E1.jpg: declared media_type image/jpeg but the bytes are image/png"


def test_text_declared_as_pdf(tmp_path):
    files = default_files()
    files["evidence/E3.pdf"] = b"Just some text, honestly a PDF.\n"
    data, files = with_evidence(files)
    assert refused(write_bundle(tmp_path / "c.arbcase", data, files)) == \
        "evidence[2] (E3) evidence/E3.pdf: declared media_type application/pdf but the bytes are unrecognised content"


def test_unsupported_declared_media_type(tmp_path):
    data, files = with_evidence(default_files(), E3={"media_type": "application/x-msdownload"})
    message = refused(write_bundle(tmp_path / "c.arbcase", data, files))
    assert message.startswith("evidence[2] (E3) media_type 'application/x-msdownload' is not supported (supported: ")
    assert "image/jpeg" in message and "video/mp4" in message


def test_pixel_bomb_png_header(tmp_path):
    files = default_files()
    files["evidence/E2.png"] = png_header_only(50_000, 50_000)  # 2.5 gigapixels in ~100 bytes
    data, files = with_evidence(files)
    message = refused(write_bundle(tmp_path / "c.arbcase", data, files))
    assert message.startswith("evidence[1] (E2) evidence/E2.png: ") and "decompression bomb" in message


def test_pixel_limit_is_ours_not_only_pillows(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_IMAGE_PIXELS", 1000)
    assert refused(write_bundle(tmp_path / "c.arbcase")) == \
        "evidence[0] (E1) evidence/E1.jpg: image is 64x48 = 3072 pixels; the limit is 1000 (decompression bomb)"


def test_damaged_png(tmp_path):
    png = bytearray(png_bytes())
    at = png.find(b"IDAT") + 8
    png[at] ^= 0xFF  # the chunk CRC no longer matches
    files = default_files()
    files["evidence/E2.png"] = bytes(png)
    data, files = with_evidence(files)
    message = refused(write_bundle(tmp_path / "c.arbcase", data, files))
    assert message.startswith("evidence[1] (E2) evidence/E2.png: damaged PNG image")


def test_heic_declared_as_mp4(tmp_path):
    files = default_files()
    files["evidence/E3.pdf"] = mp4_bytes(b"heic")
    data, files = with_evidence(files, E3={"media_type": "video/mp4"})
    assert refused(write_bundle(tmp_path / "c.arbcase", data, files)) == \
        "evidence[2] (E3) evidence/E3.pdf: declared media_type video/mp4 but the bytes are image/heic"


def test_evidence_file_over_the_size_limit(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_EVIDENCE_FILE_BYTES", 500)
    message = refused(write_bundle(tmp_path / "c.arbcase"))
    assert message.startswith("evidence[0] (E1) evidence/E1.jpg: declares ") and "evidence file limit is 500" in message


def test_evidence_file_over_the_size_limit_in_a_folder(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_EVIDENCE_FILE_BYTES", 500)
    message = refused(write_bundle(tmp_path / "f", as_zip=False))
    assert message.startswith("evidence[0] (E1) evidence/E1.jpg: ") and "evidence file limit is 500" in message


def test_messages_are_json_safe_single_lines(tmp_path):
    data = case_dict()
    data["evidence"][0]["file"] = "evidence/E1\n.jpg"
    message = refused(write_bundle(tmp_path / "c.arbcase", data))
    assert "\n" not in message and json.dumps(message)
