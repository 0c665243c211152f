"""Screenshots of the supervisor's desk for docs/screenshots/: the QA inbox, the side-by-side blind re-review,
the scorecards. Runs `arbiter --demo --supervisor` in-process, samples, re-reviews two verdicts (returns one,
overturns another) and grabs each room.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/supervisor_screenshots.py docs/screenshots
"""
from __future__ import annotations

import sys
import time
from pathlib import Path


def _wait(qapp, until, timeout=600.0) -> None:
    end = time.time() + timeout
    while not until():
        qapp.processEvents()
        time.sleep(0.02)
        if time.time() > end:
            raise TimeoutError("the demonstration set did not load in time")


def main(out: Path) -> int:
    from arbiter.ui import app as appmod

    out.mkdir(parents=True, exist_ok=True)
    qapp = appmod.create_application()
    station = appmod.start(None, demo=True, supervisor=True)
    window = station.window
    window.resize(1366, 768)
    _wait(qapp, lambda: "loaded" in window.statusBar().currentMessage()
          or "could not" in window.statusBar().currentMessage())
    desk = window.supervisor_desk
    desk.inbox.rate.setValue(0.10)
    desk.inbox.seed.setValue(7)
    desk.inbox.sample()
    for _ in range(10):
        qapp.processEvents()
    window.grab().save(str(out / "supervisor-inbox.png"))

    page = desk.rereview
    # a verdict with an amount: the supervisor awards less and cites another photo
    item = next(i for i in desk.inbox.model.items if i.outcome in ("buyer_favoured", "partial"))
    desk.open_rereview(item)
    theirs = desk.qa.verdict(item.verdict_id)["answers"]
    mine = dict(theirs, reviewer=desk.supervisor)
    if mine.get("amount"):
        mine["amount"] = f"{float(mine['amount']) * 0.5:.2f}"
    evidence = dict(mine.get("evidence") or {})
    if len(evidence) > 1:
        last = sorted(evidence)[-1]
        evidence[last] = "not_relevant"
        mine["evidence"] = evidence
    page.form.set_answers(mine)
    page.compare()
    page.note.setText("Half the order was usable; the refund should be partial. See E1.")
    for _ in range(10):
        qapp.processEvents()
    window.grab().save(str(out / "supervisor-side-by-side.png"))
    page.return_verdict(page.note.text())

    desk.rooms.setCurrentIndex(desk.SCORECARDS)
    desk.scorecards.refresh()
    for _ in range(20):
        qapp.processEvents()
    window.grab().save(str(out / "supervisor-scorecards.png"))
    station.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
