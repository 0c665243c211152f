"""Bundles whose evidence photos the forensics tests choose."""
from __future__ import annotations

from pathlib import Path

from arbiter.bundle import read_bundle
from arbiter.store import import_bundle
from tests.factories import case_dict, default_files, sha256, write_bundle


def bundle_with_photos(tmp_path: Path, case_id: str, photos: dict[str, bytes], *, buyer: dict | None = None,
                       seller: dict | None = None, opened_at: str | None = None, **overrides) -> Path:
    """The factory case with its E1 photo replaced by ``photos['E1']`` and extra photo items E4, E5... for the
    other keys (all JPEG/PNG sniffed from the bytes)."""
    data = case_dict(case_id=case_id, **overrides)
    files = default_files()
    if buyer:
        data["buyer"].update(buyer)
    if seller:
        data["seller"].update(seller)
    if opened_at:
        data["opened_at"] = opened_at
    template = dict(data["evidence"][0])
    for eid, content in photos.items():
        png = content.startswith(b"\x89PNG")
        name = f"evidence/{eid}.{'png' if png else 'jpg'}"
        item = next((e for e in data["evidence"] if e["id"] == eid), None)
        if item is None:
            item = dict(template, id=eid)
            data["evidence"].append(item)
        elif item["file"] in files and item["file"] != name:
            del files[item["file"]]
        item.update(file=name, sha256=sha256(content), media_type="image/png" if png else "image/jpeg",
                    kind="photo")
        files[name] = content
    return write_bundle(tmp_path / f"{case_id}.arbcase", data, files)


def import_photos(db, tmp_path: Path, case_id: str, photos: dict[str, bytes], **kwargs):
    return import_bundle(db, read_bundle(bundle_with_photos(tmp_path, case_id, photos, **kwargs)), actor="test")
