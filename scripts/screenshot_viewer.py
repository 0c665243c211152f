"""Screenshots of the evidence viewer with a PDF and a video, and of the Requests and Notes tabs, at 1366x768.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_viewer.py OUTDIR [zh_CN]

Builds a case with a three-page PDF and a two-second video (tests/media_factories.py; needs the test extras),
imports it into a temporary database and opens it in the real workspace (case view and checklist).
"""
from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    out = Path(sys.argv[1])
    lang = sys.argv[2] if len(sys.argv) > 2 else "en"
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from arbiter.bundle import read_bundle
    from arbiter.store import Repository, import_bundle, open_database
    from arbiter.ui import i18n
    from arbiter.ui.session import ReviewSession
    from arbiter.ui.workspace import CaseWorkspace
    from tests.factories import write_bundle
    from tests.media_factories import pdf_pages, video_mp4
    from tests.ui.test_document_viewers import document_case

    app = QApplication(sys.argv[:1])
    app.setOrganizationName("arbiter-screens")
    if lang != "en":
        i18n.install(lang)
    tmp = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{tmp}/s.db")
    repo = Repository(db)
    data, files = document_case(pdf_pages(3), video_mp4(6.0, fps=15, size=(640, 360)))
    pk = import_bundle(db, read_bundle(write_bundle(tmp / "c.arbcase", data, files))).case_pk
    session = ReviewSession(repo, pk, "r.chen")
    ws = CaseWorkspace(session)
    ws.resize(1366, 768)
    ws.show()

    def pump(seconds: float) -> None:
        end = time.time() + seconds
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)

    view = ws.case_view
    suffix = "" if lang == "en" else f".{lang}"
    view.show_evidence("E4")
    pump(1.5)
    view.evidence.documents.pdf.next_page()
    pump(1.5)
    ws.grab().save(str(out / f"viewer-pdf{suffix}.png"))
    view.show_evidence("E5")
    view.evidence.documents.video.play()
    pump(2.5)
    ws.grab().save(str(out / f"viewer-video{suffix}.png"))
    view.evidence.documents.video.pause()
    repo.request_supplement(pk, "seller", "A photo of the parcel on the scale at dispatch",
                            datetime.now(timezone.utc) + timedelta(days=3), "r.chen")
    view.requests.reload()
    view.notes.editor.setPlainText("Seller's packing video ends before the parcel is sealed — ask for the scale photo.")
    view.notes.save()
    pump(1.5)
    view.setCurrentIndex(view.REQUESTS)
    pump(0.5)
    ws.grab().save(str(out / f"requests{suffix}.png"))
    view.setCurrentIndex(view.NOTES)
    pump(0.5)
    ws.grab().save(str(out / f"notes{suffix}.png"))
    ws.close_session()
    ws.close()
    ws.deleteLater()   # widgets (and the media player's threads) go before the application
    del ws
    pump(0.5)
    from arbiter.ui import tasks
    tasks.runner().wait(5000)
    db.close()
    print("written to", out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
