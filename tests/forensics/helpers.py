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
        put_item(data, files, template, eid, content, "png" if png else "jpg", "image/png" if png else "image/jpeg",
                 "photo")
    return write_bundle(tmp_path / f"{case_id}.arbcase", data, files)


def put_item(data: dict, files: dict, template: dict, eid: str, content: bytes, ext: str, media_type: str,
             kind: str) -> None:
    """Evidence item ``eid`` of case dict ``data`` holds ``content`` (an existing item is replaced, its old file
    dropped; a new one is copied from ``template``)."""
    name = f"evidence/{eid}.{ext}"
    item = next((e for e in data["evidence"] if e["id"] == eid), None)
    if item is None:
        item = dict(template, id=eid)
        data["evidence"].append(item)
    elif item["file"] in files and item["file"] != name:
        del files[item["file"]]
    item.update(file=name, sha256=sha256(content), media_type=media_type, kind=kind)
    files[name] = content


def import_photos(db, tmp_path: Path, case_id: str, photos: dict[str, bytes], **kwargs):
    return import_bundle(db, read_bundle(bundle_with_photos(tmp_path, case_id, photos, **kwargs)), actor="test")


VIDEO_CASE = "TTS-UK-250318-0071"


def video_case_bundle(out: Path) -> Path:
    """The sample tts-uk-lamp-box-reused again under another buyer, its only evidence (E1) a phone video that shows
    tts-uk-lamp-box-dented's parcel photo for two of its four seconds (PyAV writes it: a test dependency)."""
    import hashlib
    import io
    import json
    import zipfile

    from PIL import Image

    from tests import photos as P
    from tests.media_factories import video_of

    samples = Path(__file__).resolve().parents[2] / "resources" / "samples"
    with zipfile.ZipFile(samples / "tts-uk-lamp-box-dented.arbcase") as zf:
        photo = Image.open(io.BytesIO(zf.read("evidence/E1_parcel_dented.jpg"))).convert("RGB")
    with zipfile.ZipFile(samples / "tts-uk-lamp-box-reused.arbcase") as zf:
        case = json.loads(zf.read("case.json"))
    clip = video_of([(P.photo(7301, (800, 600)), 1.0), (photo, 2.0), (P.photo(7302, (800, 600)), 1.0)],
                    size=(640, 480), fps=15)
    case.update(case_id=VIDEO_CASE, opened_at=case["opened_at"].replace("03-12", "03-18"))
    case["order"]["order_id"] = "577112099901772260"
    case["buyer"].update(id="TTB-6602184", display_name="Tom Reyes", phone="+44 7700 900932",
                         address="3 Hyde Park Road, Leeds LS6 1AH")
    case["evidence"] = [dict(case["evidence"][0], kind="video", file="evidence/E1_parcel.mp4",
                             media_type="video/mp4", sha256=hashlib.sha256(clip).hexdigest(),
                             description="A video of the crushed box")]
    path = out / f"{VIDEO_CASE}.arbcase"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("case.json", json.dumps(case, ensure_ascii=False, indent=2))
        zf.writestr("evidence/E1_parcel.mp4", clip)
    return path
