"""``arbiter import`` on a terminal and in a script: the service's outcomes as the contract's lines, a progress
bar (tqdm, on stderr) while it runs on a terminal, and a summary line at the end.

- stdout: one line per imported/unchanged/new-revision case, exactly as ``../shared/spec/cli.md`` has them;
- stderr: ``refused: BUNDLE: reason`` per refused bundle. For the person watching, with more than one bundle:
  on a terminal a progress bar while it runs and the summary last (``summary: 3 imported, 1 unchanged,
  0 new revisions, 1 refused``); not on a terminal (a script, a log) a plain ``progress: N/M bundles`` line
  every 10 seconds and the summary, but only once an import has run that long, so that a script's short
  import prints exactly the contract's lines (scripts count them).
"""
from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from arbiter.importing import NEW_REVISION, REFUSED, SKIPPED, STORE, BundleOutcome, ImportSummary, import_bundles

PLAIN_PROGRESS_EVERY = 10.0  # seconds between plain progress lines when stderr is not a terminal

_LABELS = {"imported": "imported", "unchanged": "unchanged", NEW_REVISION: "new revision"}


def outcome_line(outcome: BundleOutcome) -> tuple[str, bool]:
    """The contract's line for one outcome and whether it goes to stderr."""
    if outcome.status == REFUSED:
        reason = f"could not be stored: {outcome.reason}" if outcome.stage == STORE else outcome.reason
        return f"refused: {outcome.source}: {reason}", True
    if outcome.status == SKIPPED:
        return f"skipped: {outcome.source}: {outcome.reason}", True
    count = outcome.evidence_count
    line = (f"{_LABELS.get(outcome.status, outcome.status)}: {outcome.case_id} revision {outcome.revision} "
            f"({count} evidence item{'' if count == 1 else 's'}) from {outcome.source}")
    if outcome.ignored:
        line += f"; ignored: {', '.join(outcome.ignored)}"
    return line, False


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty()) and os.environ.get("TERM", "") != "dumb"
    except (AttributeError, ValueError):
        return False


def import_with_progress(db: Any, sources: Sequence[str], *, workers: int | None = None) -> ImportSummary:
    total = len(sources)
    bar = None
    if total > 1 and _is_terminal(sys.stderr):
        from tqdm import tqdm

        try:
            size = os.get_terminal_size(sys.stderr.fileno())
        except (OSError, ValueError):
            size = os.terminal_size((0, 0))
        # a terminal that reports no size (some ptys, CI consoles) gets 80x24 rather than no bar at all (tqdm
        # hides a bar that does not fit the terminal's height)
        shape = {"dynamic_ncols": True} if size.columns > 0 and size.lines > 0 else {"ncols": 80, "nrows": 24}
        bar = tqdm(total=total, file=sys.stderr, unit=" bundles", leave=False, desc="importing",
                   mininterval=0.1, **shape)
    started = last_plain = time.monotonic()
    plain_lines = 0

    def write(line: str, to_stderr: bool) -> None:
        stream = sys.stderr if to_stderr else sys.stdout
        if bar is not None:
            bar.write(line, file=stream)
        else:
            print(line, file=stream, flush=to_stderr)

    def on_outcome(outcome: BundleOutcome) -> None:
        write(*outcome_line(outcome))

    def on_progress(done: int, total: int, name: str) -> None:
        nonlocal last_plain, plain_lines
        if bar is not None:
            bar.update(done - bar.n)
            return
        now = time.monotonic()
        if total > 1 and now - last_plain >= PLAIN_PROGRESS_EVERY:
            last_plain = now
            plain_lines += 1
            print(f"progress: {done}/{total} bundles ({now - started:.0f} s)", file=sys.stderr, flush=True)

    try:
        summary = import_bundles(db, sources, on_outcome=on_outcome, on_progress=on_progress, workers=workers)
    finally:
        if bar is not None:
            bar.close()
    sys.stdout.flush()
    if total > 1 and (bar is not None or plain_lines):
        print(summary.line(), file=sys.stderr, flush=True)
    return summary
