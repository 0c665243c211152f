"""Screenshots for docs/screenshots/: the desk's Calibration room and an appeal with its original decision beside
the case. Runs `arbiter --demo --supervisor` in-process (gold cases answered by the demo reviewers, two appeals)
and grabs the window at the screen's size.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/calibration_screenshots.py docs/screenshots 1366x768
    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python scripts/calibration_screenshots.py docs/screenshots 1920x1080
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def _wait(qapp, until, timeout=900.0) -> None:
    end = time.time() + timeout
    while not until():
        qapp.processEvents()
        time.sleep(0.02)
        if time.time() > end:
            raise TimeoutError("timed out")


def _settle(qapp, seconds: float = 0.5) -> None:
    end = time.time() + seconds
    while time.time() < end:
        qapp.processEvents()
        time.sleep(0.02)


def main(out: Path, size: str, lang: str = "en") -> int:
    from arbiter.store import QueueQuery
    from arbiter.ui import app as appmod
    from arbiter.ui import i18n
    from arbiter.ui.case_view import CaseView
    from arbiter.ui.workspace import CaseWorkspace

    width, height = (int(v) for v in size.split("x"))
    out.mkdir(parents=True, exist_ok=True)
    qapp = appmod.create_application()
    station = appmod.start(None, demo=True, supervisor=True)
    window = station.window
    window.showMaximized()
    window.resize(width, height)
    _wait(qapp, lambda: "loaded" in window.statusBar().currentMessage()
          or "could not" in window.statusBar().currentMessage())
    if lang == "zh":
        i18n.install(i18n.CHINESE)
    suffix = f"{width}" + ("-zh" if lang == "zh" else "")
    desk = window.supervisor_desk
    desk.rooms.setCurrentIndex(desk.CALIBRATION)
    desk.calibration.refresh()
    _settle(qapp)
    window.grab().save(str(out / f"calibration-{suffix}.png"))

    appeal = next(r for r in window.repo.list_cases(QueueQuery(text="-AP"), 0, 10) if r.case_id.endswith("-AP"))
    window.open_case(appeal.pk)
    _wait(qapp, lambda: isinstance(window.tabs.currentWidget(), CaseWorkspace), 120)
    workspace = window.tabs.currentWidget()
    view = workspace.findChild(CaseView)
    view.setCurrentWidget(view.original_verdict)
    _settle(qapp)
    window.grab().save(str(out / f"appeal-original-{suffix}.png"))
    window.close()
    station.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "1366x768",
                  sys.argv[3] if len(sys.argv) > 3 else "en"))
