"""Bundles with video evidence, for the video key-frame tests and the installed app's smoke test.

``python -m tests.forensics.video_bundles FOLDER`` writes the reused-frame set (four bundles) into FOLDER:
packaging/linux/smoke-test.sh imports them with the installed app and expects exactly three matched pairs."""
from __future__ import annotations

import sys
from pathlib import Path

from tests import photos as P
from tests.factories import case_dict, default_files, png_bytes, write_bundle
from tests.forensics.helpers import put_item
from tests.media_factories import reencoded, video_of

#: what ``arbiter evidence matches`` must print (before " distance=") for :func:`reused_frame_bundles`
EXPECTED_PAIRS = ["TTS-UK-0001/E1 ~ TTS-UK-0002/E4", "TTS-UK-0001/E1 ~ TTS-UK-0003/E4",
                  "TTS-UK-0002/E4 ~ TTS-UK-0003/E4"]


def bundle_with_media(folder: Path, case_id: str, items: dict[str, bytes], *, opened_at: str,
                      screenshot: int) -> Path:
    """The factory case with E1 and extra items replaced by ``items`` (JPEG photos or MP4/WebM videos) and a
    distinct E2 screenshot, so only the items chosen here can match."""
    data = case_dict(case_id=case_id, opened_at=opened_at)
    files = default_files()
    template = dict(data["evidence"][0])
    items = {"E2": png_bytes((screenshot, 7, 9)), **items}
    for eid, content in items.items():
        if content.startswith(b"\xff\xd8"):
            ext, media_type, kind = "jpg", "image/jpeg", "photo"
        elif content.startswith(b"\x89PNG"):
            ext, media_type, kind = "png", "image/png", "screenshot"
        elif content.startswith(b"\x1a\x45\xdf\xa3"):
            ext, media_type, kind = "webm", "video/webm", "video"
        else:
            ext, media_type, kind = "mp4", "video/mp4", "video"
        put_item(data, files, template, eid, content, ext, media_type, kind)
    return write_bundle(folder / f"{case_id}.arbcase", data, files)


def reused_frame_bundles(folder: Path) -> tuple[list[Path], bytes]:
    """Four bundles: a photo (0001), a video showing that photo in its middle (0002), that video re-encoded
    smaller (0003) and an unrelated video (0004). Returns the bundles and the 0002 video's bytes."""
    photo = P.photo(501, (800, 600))
    slideshow = video_of([(P.photo(502), 1.0), (photo, 2.0), (P.photo(503), 1.0)], size=(480, 360))
    unrelated = video_of([(P.photo(601), 2.0), (P.photo(602), 2.0)], size=(480, 360))
    bundles = [
        bundle_with_media(folder, "TTS-UK-0001", {"E1": P.jpeg(photo)}, opened_at="2025-03-01T09:00:00+00:00",
                          screenshot=1),
        # another buyer films the same photo on a screen: the photo is the middle of a video
        bundle_with_media(folder, "TTS-UK-0002", {"E1": P.jpeg(P.photo(504)), "E4": slideshow},
                          opened_at="2025-03-03T09:00:00+00:00", screenshot=2),
        # a third sends that video again, re-encoded smaller at a lower quality
        bundle_with_media(folder, "TTS-UK-0003", {"E1": P.jpeg(P.photo(505)), "E4": reencoded(slideshow, scale=0.6)},
                          opened_at="2025-03-05T09:00:00+00:00", screenshot=3),
        # an unrelated video and photo
        bundle_with_media(folder, "TTS-UK-0004", {"E1": P.jpeg(P.photo(506)), "E4": unrelated},
                          opened_at="2025-03-06T09:00:00+00:00", screenshot=4),
    ]
    return bundles, slideshow


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python -m tests.forensics.video_bundles FOLDER")
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for path in reused_frame_bundles(out)[0]:
        print(path)
