"""Screenshots of the reviewer's day for docs/screenshots/: the queue (demo cases dated relative to today), a case
half-way through the checklist, and a signed case with its export confirmation, at 1366x768 and 1920x1080, in
English and Chinese. Runs the real workstation on a throwaway database; writes PNGs with QWidget.grab().

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb .venv/bin/python bench/screenshot_day.py docs/screenshots
"""
from __future__ import annotations

import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZES = ((1366, 768), (1920, 1080))
CASE = "tts-uk-mug-crack"


def settle(app, rounds: int = 30) -> None:
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings

    from arbiter.bundle import read_bundle
    from arbiter.demo_dates import dated_copies
    from arbiter.signing import demo_identity
    from arbiter.store import import_bundle
    from arbiter.ui import app as app_module
    from arbiter.ui import i18n, tasks
    from arbiter.ui.checklist import dialogs

    qapp = app_module.create_application()
    qapp.setOrganizationName("arbiter-screenshots")
    tmp = Path(tempfile.mkdtemp(prefix="arbiter-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp / "settings"))
    dialogs.ask_confirmation = lambda *a: True
    for lang in ("en", "zh_CN"):
        i18n.install(lang)
        for width, height in SIZES:
            station = app_module.start(f"sqlite:///{tmp}/{lang}-{width}.db", False)
            window = station.window
            window.identity = demo_identity("r.chen", "R. Chen")
            samples = dated_copies(app_module.sample_bundles(), tmp / f"samples-{lang}-{width}",
                                   datetime.now(timezone.utc))
            pks = {}
            for bundle in samples:
                pks[bundle.stem] = import_bundle(station.db, read_bundle(bundle)).case_pk
            window.setGeometry(0, 0, width, height)
            window.refresh_queue()
            settle(qapp)
            suffix = f"{width}x{height}.{lang}"
            window.grab().save(str(out / f"day-queue-{suffix}.png"))

            window.open_case(pks[CASE])
            while not hasattr(window.workspace_for(pks[CASE]), "checklist"):
                settle(qapp, 2)
            workspace = window.workspace_for(pks[CASE])
            session, panel = workspace.session, workspace.checklist
            for gid in ("J1_platform_order", "J4_actual_consumer", "J5_valid_transaction", "J6_unresolved"):
                session.set_answer(f"jurisdiction.{gid}", True)
            for eid, value in (("E1", "admissible"), ("E2", "admissible"), ("E3", "not_relevant"),
                               ("E4", "admissible")):
                session.set_answer(f"evidence.{eid}", value)
            session.set_answer("finding", "supported")
            session.set_answer("problem", "serious_quality")
            session.set_answer("remedy", "return_and_refund")
            workspace.case_view.show_evidence("E1")
            settle(qapp, 60)
            panel.scroll.ensureWidgetVisible(panel.remedy)
            settle(qapp)
            window.grab().save(str(out / f"day-case-{suffix}.png"))

            for item in session.case.evidence:
                session.mark_evidence_opened(item.id)
            for key in session.required_chat_keys():
                session.mark_chat_read(key)
            session.set_answer("rationale", "E1 shows the crack; the seller's message M4 does not dispute it.")
            panel.sign()
            panel.export_notice(str(tmp / f"notice-{suffix}.pdf"))
            while panel.last_export is None and panel.last_export_error is None:
                settle(qapp, 2)
            panel.scroll.ensureWidgetVisible(panel.signoff)
            settle(qapp)
            window.grab().save(str(out / f"day-signed-{suffix}.png"))
            window.close()
            tasks.runner().wait(10_000)
            station.close()
    print("\n".join(sorted(str(p) for p in out.glob("day-*.png"))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
