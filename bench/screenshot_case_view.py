"""Screenshots of the case view on a real sample case, for docs/screenshots/ (run under Xvfb).

    Xvfb :98 -screen 0 1366x768x24 &
    DISPLAY=:98 QT_QPA_PLATFORM=xcb python bench/screenshot_case_view.py SAMPLE.arbcase OUT_DIR [--lang zh_CN]

Imports the bundle into a throwaway SQLite database, opens a real ReviewSession and a CaseView at 1366x768,
and for each tab writes OUT_DIR/case-<tab>.png with ``import -window root`` (ImageMagick) once it is painted.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle")
    ap.add_argument("out")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--evidence", default=None, help="evidence id to open")
    ap.add_argument("--message", default=None, help="message id to select")
    args = ap.parse_args()

    from arbiter.bundle import read_bundle
    from arbiter.resources import resource_path
    from arbiter.store import Repository, import_bundle, open_database
    from arbiter.ui import i18n
    from arbiter.ui.case_view import CaseView
    from arbiter.ui.session import ReviewSession

    app = QApplication(sys.argv)
    from arbiter.ui.modelutil import pin_none_refcount
    pin_none_refcount()
    font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", "wqy-microhei.ttc")))
    if font_id >= 0:
        app.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 10))
    i18n.install(args.lang)
    tmp = tempfile.mkdtemp()
    db = open_database(f"sqlite:///{tmp}/shot.db")
    result = import_bundle(db, read_bundle(args.bundle))
    session = ReviewSession(Repository(db), result.case_pk, "r.chen")
    view = CaseView(session)
    view.setWindowTitle(session.case.case_id)
    view.setGeometry(0, 0, 1366, 768)
    view.show()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    steps = []

    def shot(name):
        def run():
            app.processEvents()
            subprocess.run(["import", "-window", "root", str(out / f"case-{name}.png")], check=True)
        return run

    steps += [lambda: view.setCurrentIndex(view.FACTS), shot("facts")]
    evidence = args.evidence or session.case.evidence_in_review_order()[0].id
    steps += [lambda: view.show_evidence(evidence), shot("evidence")]
    if args.message:
        steps += [lambda: view.show_message(args.message)]
    else:
        steps += [lambda: view.setCurrentIndex(view.CHATS),
                  lambda: view.chats.panels and view.chats.panels[0].go_to_difference(+1)]
    steps += [shot("chats")]
    steps += [lambda: view.setCurrentIndex(view.TIMELINE), shot("timeline")]

    def next_step():
        if not steps:
            session.flush()
            app.quit()
            return
        steps.pop(0)()
        QTimer.singleShot(400, next_step)

    QTimer.singleShot(800, next_step)
    app.exec()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
