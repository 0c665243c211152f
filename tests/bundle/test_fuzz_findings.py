"""What fuzzing the reader found (issue 9 part 3), one test each: newline-ended ids, a sha256 ending in a
newline, a case.json with a BOM that could be imported but never opened again, an unreferenced member whose
name is not UTF-8, Pillow warnings on stderr, and refusals that spread over more than one line."""
from __future__ import annotations

import os
import struct
import warnings
import zipfile
from pathlib import Path

import pytest

from arbiter.bundle import BundleError, load_case_json, read_bundle
from arbiter.bundle.errors import one_line
from arbiter.store import Repository, import_bundle, open_database
from tests.bundle.helpers import case_bytes, png_chunk, refused, standard_members, zip_members
from tests.factories import case_dict, default_files, png_bytes, sha256, write_bundle


def _assert_one_line(message: str) -> None:
    assert message and message.isprintable(), message
    assert len(message.splitlines()) == 1


# -------------------------------------------------------------------------------- full matches, not match()

@pytest.mark.parametrize("edit, field", [
    (lambda d: d.__setitem__("case_id", d["case_id"] + "\n"), "case_id"),
    (lambda d: d["evidence"][0].__setitem__("id", "E1\n"), "evidence[0].id"),
    (lambda d: d["order"].__setitem__("currency", "GBP\n"), "order.currency"),
    (lambda d: d["order"].__setitem__("total_paid", "19.99\n"), "order.total_paid"),
    (lambda d: d["claim"].__setitem__("amount", "19.99\n"), "claim.amount"),
    (lambda d: d["chat_logs"][0]["messages"][1].__setitem__("id", "M2\n"), "chat_logs[0].messages[1].id"),
])
def test_values_ending_in_a_newline_are_refused(tmp_path, edit, field):
    data = case_dict()
    edit(data)
    message = refused(write_bundle(tmp_path / "c.arbcase", data))
    assert message.startswith(f"{field}: "), message
    _assert_one_line(message)


def test_case_id_with_a_newline_is_not_the_same_case(tmp_path):
    """The original finding: 'TTS-UK-TEST-0001\\n' was accepted and looked identical to the existing case."""
    data = case_dict()
    data["case_id"] += "\n"
    assert "must be 1-64 characters" in refused(write_bundle(tmp_path / "c.arbcase", data))


def test_sha256_with_a_trailing_newline_is_refused_in_one_line(tmp_path):
    data = case_dict()
    data["evidence"][0]["sha256"] += "\n"
    message = refused(write_bundle(tmp_path / "c.arbcase", data))
    assert message == "evidence[0].sha256: must be 64 lowercase hexadecimal digits"


def test_every_refusal_is_one_printable_line():
    for text in ("a\nb", "a\r\nb", "x\x00y", "p\u2028q", "lone \udcff", "tab\there", "\x85next"):
        message = BundleError(text).message
        _assert_one_line(message)
        assert str(BundleError(text)) == message
    assert one_line("泰文 ภาษาไทย é 🙂") == "泰文 ภาษาไทย é 🙂"  # text stays text


# ------------------------------------------------------------------------------------------ BOM round trip

@pytest.mark.parametrize("as_zip", [True, False], ids=["zip", "folder"])
def test_bom_case_json_imports_and_opens_again(tmp_path, as_zip):
    """Reading and loading use one decoder (load_case_json), so a BOM that import tolerates never makes the
    stored case unopenable."""
    raw = b"\xef\xbb\xbf" + case_bytes()
    loaded = read_bundle(write_bundle(tmp_path / ("c.arbcase" if as_zip else "c"), case_json=raw, as_zip=as_zip))
    assert loaded.case_json == raw  # stored as given: the revision identity is the bytes' hash
    db = open_database(f"sqlite:///{tmp_path / 'db' / 'a.db'}")
    try:
        result = import_bundle(db, loaded)
        stored = Repository(db).load_case(result.case_pk)
        assert stored.case == loaded.case
        assert stored.case_sha256 == sha256(raw)
    finally:
        db.close()


def test_load_case_json_refuses_what_read_bundle_refuses():
    with pytest.raises(BundleError, match="more than one byte order mark"):
        load_case_json(b"\xef\xbb\xbf\xef\xbb\xbf" + case_bytes())
    assert load_case_json(case_bytes()).case_id == "TTS-UK-TEST-0001"


# ------------------------------------------------------------------------------- NUL and lone surrogates

@pytest.mark.parametrize("escape, what", [("\\u0000", "NUL"), ("\\ud800", "lone surrogate"),
                                          ("\\udcff", "lone surrogate")])
def test_nul_or_lone_surrogate_in_any_string_is_refused(tmp_path, escape, what):
    raw = case_bytes().replace(b'"Alice W."', b'"Alice' + escape.encode() + b'"')
    message = refused(write_bundle(tmp_path / "c.arbcase", case_json=raw))
    assert message.startswith("case.json: buyer.display_name: contains a ") and what in message
    _assert_one_line(message)


def test_surrogate_pairs_are_text(tmp_path):
    raw = case_bytes().replace(b'"Alice W."', b'"Alice \\ud83d\\ude00"')
    assert read_bundle(write_bundle(tmp_path / "c.arbcase", case_json=raw)).case.buyer.display_name == "Alice 😀"


# ---------------------------------------------------------------------------------- names that are not UTF-8

def _flag_utf8(path: Path, name: bytes) -> None:
    """Set the UTF-8 flag (bit 11) on member ``name`` in the local and the central header."""
    raw = bytearray(path.read_bytes())
    for sig, flag_at, len_at, name_at in ((b"PK\x03\x04", 6, 26, 30), (b"PK\x01\x02", 8, 28, 46)):
        at = raw.find(sig)
        while at >= 0:
            n = struct.unpack_from("<H", raw, at + len_at)[0]
            if bytes(raw[at + name_at: at + name_at + n]) == name:
                struct.pack_into("<H", raw, at + flag_at, struct.unpack_from("<H", raw, at + flag_at)[0] | 0x800)
            at = raw.find(sig, at + 4)
    path.write_bytes(bytes(raw))


def _zip_with_raw_name(tmp_path: Path, raw_name: bytes) -> Path:
    placeholder = "X" * len(raw_name)
    z = zip_members(tmp_path / "c.arbcase", standard_members() + [(placeholder, b"hello")])
    z.write_bytes(z.read_bytes().replace(placeholder.encode(), raw_name))
    _flag_utf8(z, raw_name)
    return z


def test_unreferenced_zip_member_whose_name_is_not_utf8_is_ignored(tmp_path):
    z = _zip_with_raw_name(tmp_path, b"notes_\xff\xfe.txt")
    with pytest.raises(UnicodeDecodeError):
        zipfile.ZipFile(z)  # what made the whole bundle refused before
    loaded = read_bundle(z)
    assert loaded.ignored == ("notes_\\xff\\xfe.txt",)
    assert set(loaded.files) == set(default_files())


def test_a_name_that_is_not_utf8_is_still_checked_for_escapes(tmp_path):
    message = refused(_zip_with_raw_name(tmp_path, b"../\xff.txt"))
    assert message.startswith("member '../\\\\xff.txt'") and "escapes the bundle" in message
    _assert_one_line(message)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_unreferenced_folder_entry_whose_name_is_not_utf8_is_ignored(tmp_path):
    folder = write_bundle(tmp_path / "f", as_zip=False)
    try:
        (folder / os.fsdecode(b"notes_\xff.txt")).write_bytes(b"x")
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    loaded = read_bundle(folder)
    assert loaded.ignored == ("notes_\\xff.txt",)
    assert loaded.ignored[0].encode("utf-8")  # printable and storable


# ------------------------------------------------------------------------------------------ Pillow warnings

def _png_with_invalid_apng_chunk() -> bytes:
    """A valid PNG with an acTL chunk declaring 0 frames: Pillow warns 'Invalid APNG' and reads it as PNG."""
    png = png_bytes()
    end_of_ihdr = 8 + 8 + 13 + 4
    return png[:end_of_ihdr] + png_chunk(b"acTL", b"\x00" * 8) + png[end_of_ihdr:]


def test_pillow_warnings_do_not_reach_stderr(tmp_path, capfd):
    files = default_files()
    files["evidence/E2.png"] = _png_with_invalid_apng_chunk()
    data = case_dict()
    data["evidence"][1]["sha256"] = sha256(files["evidence/E2.png"])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read_bundle(write_bundle(tmp_path / "c.arbcase", data, files))
    assert [str(w.message) for w in caught] == []
    assert capfd.readouterr().err == ""
