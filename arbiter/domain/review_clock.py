"""How long a review took: the seconds a reviewer actually worked on a case, for the supervisor's "median time
per case" (issue 12 part 5). Pure: the caller passes the clock.

The workstation ticks the clock when the case opens and on every change the reviewer makes; each gap between two
ticks counts, but at most ``IDLE_CAP`` (a case left open over lunch is not an hour of work). The total is kept in
the review progress as ``review_seconds`` (an integer: packages carry no floats), so it is saved with the draft,
signed with the verdict and travels in its verdict package to the supervisor.
"""
from __future__ import annotations

IDLE_CAP = 300.0


class ReviewClock:
    def __init__(self, seconds: float = 0.0, *, idle_cap: float = IDLE_CAP):
        self.seconds = max(0.0, float(seconds or 0))
        self.idle_cap = idle_cap
        self._last: float | None = None

    def tick(self, now: float) -> None:
        """Something happened at ``now`` (monotonic seconds)."""
        if self._last is not None and now > self._last:
            self.seconds += min(now - self._last, self.idle_cap)
        self._last = now

    def whole_seconds(self) -> int:
        return int(self.seconds)
