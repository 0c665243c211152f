"""Screenshots of the supervisor's desk for docs/screenshots/: the QA inbox, the side-by-side blind re-review,
the scorecards. Runs `arbiter --demo --supervisor` in-process, samples, re-reviews two verdicts (returns one,
overturns another) and grabs each room.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/supervisor_screenshots.py docs/screenshots
    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/supervisor_screenshots.py docs/screenshots zh_CN
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


def main(out: Path, language: str = "en") -> int:
    from arbiter.ui import app as appmod
    from arbiter.ui import i18n

    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if language == "en" else f".{language}"
    qapp = appmod.create_application()
    i18n.install(i18n.CHINESE if language.startswith("zh") else i18n.ENGLISH)
    station = appmod.start(None, demo=True, supervisor=True)
    window = station.window
    window.resize(1366, 768)
    done = []
    station.demo_task.ended.connect(lambda *_: done.append(True))
    _wait(qapp, lambda: bool(done))
    for _ in range(10):
        qapp.processEvents()
    desk = window.supervisor_desk
    desk.inbox.rate.setValue(0.10)
    desk.inbox.seed.setValue(7)
    desk.inbox.sample()
    for _ in range(10):
        qapp.processEvents()
    window.grab().save(str(out / f"supervisor-inbox{suffix}.png"))

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
    gates = dict(mine.get("jurisdiction") or {})
    if gates:  # and reads one gate differently: the side by side shows a jurisdiction difference in words
        first = sorted(gates)[0]
        gates[first] = not gates[first]
        mine["jurisdiction"] = gates
        page.form.set_answers(mine)
        if not page.form.complete():
            gates[first] = not gates[first]
            mine["jurisdiction"] = gates
    page.form.set_answers(mine)
    page.compare()
    page.note.setText("Half the order was usable; the refund should be partial. See E1.")
    for _ in range(10):
        qapp.processEvents()
    window.grab().save(str(out / f"supervisor-side-by-side{suffix}.png"))
    page.return_verdict(page.note.text())

    desk.rooms.setCurrentIndex(desk.SCORECARDS)
    desk.scorecards.refresh()
    for _ in range(20):
        qapp.processEvents()
    window.grab().save(str(out / f"supervisor-scorecards{suffix}.png"))
    station.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"),
                          sys.argv[2] if len(sys.argv) > 2 else "en"))
