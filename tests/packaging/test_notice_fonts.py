"""The notice's fonts ship with their licences, and the frozen app carries HarfBuzz."""
from __future__ import annotations

from pathlib import Path

from arbiter.notice import fonts

ROOT = Path(__file__).resolve().parents[2]


def test_every_notice_font_is_in_resources_with_a_licence():
    folder = ROOT / "resources" / "fonts"
    licences = {p.name: p.read_text("utf-8") for p in folder.glob("LICENSE-*.txt")}
    for path in fonts.font_files():
        path = Path(path)
        assert path.parent == folder and path.is_file(), path
        assert any(path.name in text for text in licences.values()), f"no licence names {path.name}"
        with open(path, "rb") as fh:  # TrueType outlines (or a collection of them), not CFF/OpenType-PS
            assert fh.read(4) in (b"\x00\x01\x00\x00", b"ttcf", b"true"), path


def test_the_frozen_app_carries_uharfbuzz():
    spec = (ROOT / "packaging" / "arbiter.spec").read_text("utf-8")
    assert 'collect_submodules("uharfbuzz"' in spec
    assert "tts-th-scarf-thai" in (ROOT / "packaging" / "linux" / "build-deb.sh").read_text("utf-8")
