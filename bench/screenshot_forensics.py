"""Screenshots of evidence forensics (run under Xvfb; PyAV, a test dependency, writes the video case):

    xvfb-run -a -s "-screen 0 1920x1080x24" python bench/screenshot_forensics.py OUT_DIR [--sizes 1366x768,1920x1080]

Imports tts-uk-lamp-box-dented, tts-uk-lamp-box-reused and a made-up third case (TTS-UK-250318-0071) whose only
evidence is a phone video that shows the dented parcel photo for two of its four seconds, into a throwaway SQLite
database. For each size it writes into OUT_DIR:
- forensics-evidence-W.png: the reused case, E1 with its flags (the photo matched in the first case);
- forensics-match-W.png: the side-by-side dialog of that match;
- forensics-video-W.png: the video case, E1 (the video) with its flag (a key frame matched the photo);
- forensics-video-match-W.png: the side-by-side dialog (the photo, and the video's key frame with its time);
- forensics-facts-W.png: the reused case's facts panel with its flags and the party history.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

SAMPLES = ROOT / "resources" / "samples"


def settle(app, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot_case(app, db, case_pk, size, out: Path, names: dict[str, str], facts_shot: bool) -> None:
    from arbiter.signing import demo_identity
    from arbiter.store import Repository
    from arbiter.ui.case_view import CaseView
    from arbiter.ui.forensics_view import forensics_of
    from arbiter.ui.session import ReviewSession

    session = ReviewSession(Repository(db), case_pk, demo_identity("r.chen", "R. Chen"))
    view = CaseView(session)
    view.resize(*size)
    view.show()
    facts = forensics_of(session)
    while not facts.done:
        app.processEvents()
    view.show_evidence("E1")
    settle(app)
    view.grab().save(str(out / names["evidence"]))
    row = next(r for r in view.forensics_strip.rows if r.compare_button is not None)
    dialog = row.compare()
    dialog.resize(round(size[0] * 0.8), round(size[1] * 0.75))
    settle(app)
    dialog.grab().save(str(out / names["match"]))
    dialog.close()
    if facts_shot:
        view.setCurrentIndex(CaseView.FACTS)
        settle(app)
        view.facts.verticalScrollBar().setValue(view.facts.verticalScrollBar().maximum())
        settle(app)
        view.grab().save(str(out / names["facts"]))
    view.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle, open_database
    from tests.forensics.helpers import video_case_bundle

    written = []
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/shots.db")
        import_bundle(db, read_bundle(SAMPLES / "tts-uk-lamp-box-dented.arbcase"))
        reused = import_bundle(db, read_bundle(SAMPLES / "tts-uk-lamp-box-reused.arbcase"))
        video = import_bundle(db, read_bundle(video_case_bundle(Path(tmp))))
        for text in args.sizes.split(","):
            size = tuple(int(v) for v in text.split("x"))
            w = size[0]
            names = {"evidence": f"forensics-evidence-{w}.png", "match": f"forensics-match-{w}.png",
                     "facts": f"forensics-facts-{w}.png"}
            shoot_case(app, db, reused.case_pk, size, args.out, names, True)
            vnames = {"evidence": f"forensics-video-{w}.png", "match": f"forensics-video-match-{w}.png"}
            shoot_case(app, db, video.case_pk, size, args.out, vnames, False)
            written += list(names.values()) + list(vnames.values())
        db.close()
    print("wrote " + ", ".join(str(args.out / n) for n in written))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
