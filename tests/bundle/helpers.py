"""Builders for hostile bundles: hand-made ZIP members, patched headers, small PNG headers."""
from __future__ import annotations

import json
import struct
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest

from arbiter.bundle import BundleError, read_bundle
from tests.factories import case_dict, default_files, sha256


def refused(path) -> str:
    """read_bundle(path) must raise BundleError; returns its message (which must not name the bundle path)."""
    with pytest.raises(BundleError) as info:
        read_bundle(path)
    message = info.value.message
    assert str(info.value) == message
    assert str(path) not in message
    return message


def case_bytes(data: dict | None = None) -> bytes:
    return json.dumps(case_dict() if data is None else data, indent=1).encode("utf-8")


def zip_members(target: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]],
                compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """Write exactly these members (duplicates allowed) to a ZIP."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "Duplicate name" is the point of some tests
        with zipfile.ZipFile(target, "w", compression) as zf:
            for name, content in members:
                zf.writestr(name, content)
    return target


def standard_members(data: dict | None = None, files: dict[str, bytes] | None = None) -> list[tuple[str, bytes]]:
    files = default_files() if files is None else files
    return [("case.json", case_bytes(data))] + list(files.items())


def with_evidence(files: dict[str, bytes], **changes_by_id) -> tuple[dict, dict[str, bytes]]:
    """case_dict() whose evidence items are updated (and re-hashed from ``files``)."""
    data = case_dict()
    for item in data["evidence"]:
        item.update(changes_by_id.get(item["id"], {}))
        if item["file"] in files:
            item["sha256"] = sha256(files[item["file"]])
    return data, files


def set_member_flag(path: Path, name: str, bit: int) -> None:
    """Set a general-purpose flag bit for member ``name`` in both its local and central headers."""
    raw = bytearray(path.read_bytes())
    encoded = name.encode("utf-8")
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo(name).header_offset
    assert raw[offset:offset + 4] == b"PK\x03\x04"
    flags = struct.unpack_from("<H", raw, offset + 6)[0]
    struct.pack_into("<H", raw, offset + 6, flags | bit)
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46: at + 46 + name_len] == encoded:
            flags = struct.unpack_from("<H", raw, at + 8)[0]
            struct.pack_into("<H", raw, at + 8, flags | bit)
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_header_only(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` (a decompression bomb, pixel-wise)."""
    return (b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
            + png_chunk(b"IEND", b""))


def mp4_bytes(brand: bytes = b"isom") -> bytes:
    ftyp = struct.pack(">I", 24) + b"ftyp" + brand + b"\x00\x00\x02\x00" + brand + b"mp41"
    return ftyp + struct.pack(">I", 16) + b"mdat" + b"\x00" * 8


def webm_bytes(doctype: bytes = b"webm") -> bytes:
    body = b"\x42\x86\x81\x01" + b"\x42\x82" + bytes([0x80 | len(doctype)]) + doctype
    return b"\x1a\x45\xdf\xa3" + bytes([0x80 | len(body)]) + body + b"\x18\x53\x80\x67" + b"\x00" * 16


def set_declared_size(path: Path, name: str, size: int) -> None:
    """Make member ``name``'s headers lie about its uncompressed size."""
    raw = bytearray(path.read_bytes())
    encoded = name.encode("utf-8")
    with zipfile.ZipFile(path) as zf:
        offset = zf.getinfo(name).header_offset
    struct.pack_into("<I", raw, offset + 22, size)
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        name_len = struct.unpack_from("<H", raw, at + 28)[0]
        if raw[at + 46: at + 46 + name_len] == encoded:
            struct.pack_into("<I", raw, at + 24, size)
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw))
