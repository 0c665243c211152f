"""Screenshots to look for English left in the Chinese interface: the queue, a case with forensic flags (evidence
and facts), the supervisor's desk (inbox, blind re-review, scorecards, calibration). With ``switch`` the app
starts in English and is switched to Chinese through the Language menu's path (``MainWindow.set_language``), so
widgets that do not retranslate while open show up; without it, it starts in Chinese.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshot_words.py OUTDIR [start|switch]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
REUSED = "TTS-UK-250312-0044"     # the sample with four forensic flags (docs/samples.md)


def main(out: Path, mode: str = "start") -> int:
    from arbiter.ui import app as appmod
    from arbiter.ui import i18n

    out.mkdir(parents=True, exist_ok=True)
    qapp = appmod.create_application()
    i18n.install(i18n.ENGLISH if mode == "switch" else i18n.CHINESE)
    station = appmod.start(None, demo=True)
    window = station.window
    window.resize(1366, 768)
    window.show()

    def pump(seconds: float = 0.3, until=None, timeout: float = 300.0) -> None:
        end = time.time() + (timeout if until else seconds)
        while time.time() < end:
            qapp.processEvents()
            time.sleep(0.02)
            if until is not None and until():
                return
        if until is not None:
            raise TimeoutError("waited too long")

    done = []
    station.demo_task.ended.connect(lambda *_: done.append(True))
    pump(until=lambda: bool(done))
    window.refresh_queue()
    pump(1.5)
    from arbiter.store import QueueQuery

    rows = window.repo.list_cases(QueueQuery(), 0, 100)
    pk = next(r.pk for r in rows if r.case_id == REUSED)
    window.open_case(pk)
    pump(until=lambda: window.workspace_for(pk) is not None and hasattr(window.workspace_for(pk), "case_view"))
    workspace = window.workspace_for(pk)
    from arbiter.ui.forensics_view import forensics_of

    pump(until=lambda: forensics_of(workspace.case_view.session).done)
    if mode == "switch":
        window.set_language(i18n.CHINESE)
        pump(1.0)
    window.show_queue()
    pump(1.0)
    window.grab().save(str(out / "01-queue.png"))
    window.tabs.setCurrentWidget(workspace)
    view = workspace.case_view
    view.show_evidence("E1")
    pump(1.5)
    window.grab().save(str(out / "02-case-evidence.png"))
    view.setCurrentWidget(view.facts)
    pump(1.0)
    from arbiter.ui.forensics_view import ForensicsFactsBox

    box = view.facts.findChild(ForensicsFactsBox)
    if box is not None:
        view.facts.ensureWidgetVisible(box)
        pump(0.5)
    window.grab().save(str(out / "03-case-facts.png"))
    dialog = view.forensics_strip.rows[-1].compare() if view.forensics_strip.rows else None
    if dialog is not None:
        pump(1.5)
        dialog.grab().save(str(out / "04-compare.png"))
        dialog.close()

    window.close()
    station.close()

    # the desk on the supervisor's demonstration set (signed verdicts to sample, gold cases to calibrate)
    i18n.install(i18n.ENGLISH if mode == "switch" else i18n.CHINESE)
    station = appmod.start(None, demo=True, supervisor=True)
    window = station.window
    window.resize(1366, 768)
    window.show()
    done.clear()
    station.demo_task.ended.connect(lambda *_: done.append(True))
    pump(until=lambda: bool(done), timeout=900)
    pump(1.0)
    desk = window.supervisor_desk
    desk.inbox.rate.setValue(0.10)
    desk.inbox.seed.setValue(7)
    desk.inbox.sample()
    pump(0.5)
    if desk.inbox.model.items:
        desk.open_rereview(desk.inbox.model.items[0])
        pump(1.5)
    if mode == "switch":
        window.set_language(i18n.CHINESE)
        pump(1.0)
    desk.rooms.setCurrentIndex(desk.INBOX)
    pump(0.5)
    window.grab().save(str(out / "05-desk-inbox.png"))
    desk.rooms.setCurrentIndex(desk.REREVIEW)
    pump(0.8)
    window.grab().save(str(out / "06-desk-rereview.png"))
    desk.rooms.setCurrentIndex(desk.SCORECARDS)
    pump(0.8)
    window.grab().save(str(out / "07-desk-scorecards.png"))
    desk.rooms.setCurrentIndex(desk.CALIBRATION)
    pump(0.8)
    window.grab().save(str(out / "08-desk-calibration.png"))
    window.close()
    station.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "start"))
