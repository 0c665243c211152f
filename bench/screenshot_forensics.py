"""Screenshots of evidence forensics on the sample pair (run under Xvfb):

    xvfb-run -a -s "-screen 0 1366x768x24" python bench/screenshot_forensics.py OUT_DIR

Imports tts-uk-lamp-box-dented and tts-uk-lamp-box-reused into a throwaway SQLite database, opens the reused
case, and writes OUT_DIR/forensics-evidence.png (E1 with its flags), forensics-match.png (the side-by-side
dialog) and forensics-facts.png (the facts panel with flags and party history).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    from arbiter.bundle import read_bundle
    from arbiter.signing import demo_identity
    from arbiter.store import Repository, import_bundle, open_database
    from arbiter.ui.case_view import CaseView
    from arbiter.ui.forensics_view import forensics_of
    from arbiter.ui.session import ReviewSession

    samples = Path(__file__).resolve().parent.parent / "resources" / "samples"
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(f"sqlite:///{tmp}/shots.db")
        import_bundle(db, read_bundle(samples / "tts-uk-lamp-box-dented.arbcase"))
        result = import_bundle(db, read_bundle(samples / "tts-uk-lamp-box-reused.arbcase"))
        session = ReviewSession(Repository(db), result.case_pk, demo_identity("r.chen", "R. Chen"))
        view = CaseView(session)
        view.resize(1366, 768)
        view.show()
        facts = forensics_of(session)
        while not facts.done:
            app.processEvents()
        view.show_evidence("E1")
        for _ in range(20):
            app.processEvents()
        view.grab().save(str(out / "forensics-evidence.png"))
        dialog = view.forensics_strip.rows[-1].compare()
        for _ in range(20):
            app.processEvents()
        dialog.grab().save(str(out / "forensics-match.png"))
        dialog.close()
        view.setCurrentIndex(CaseView.FACTS)
        for _ in range(20):
            app.processEvents()
        view.facts.verticalScrollBar().setValue(view.facts.verticalScrollBar().maximum())
        for _ in range(20):
            app.processEvents()
        view.grab().save(str(out / "forensics-facts.png"))
        view.close()
        db.close()
    print(f"wrote {out}/forensics-evidence.png, forensics-match.png, forensics-facts.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
