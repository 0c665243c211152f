"""The queue's database reads, run off the GUI thread by :class:`arbiter.ui.queue_model.QueueModel` through
``tasks.run`` (like Anki's QueryOp: the read runs on the pool, its result comes back on the GUI thread).

Nothing here touches Qt: each function takes the repository and the store's query and returns a
:class:`QueuePage`, so it is safe on any thread and testable without widgets.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from arbiter.ui.queue_count import queue_count

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueuePage:
    """Rows read for the queue: ``total`` is None when the read did not count (a new sort of the same cases);
    ``returned`` holds the supervisor's return of those rows' current verdicts (case pk -> ReturnedMark)."""

    rows: list[Any]
    total: int | None
    returned: dict[int, Any] = field(default_factory=dict)
    #: every returned case of the database, (case_id, ReturnedMark) (read with a first page only)
    returned_cases: list[tuple[str, Any]] | None = None
    #: team mode: who holds the rows' cases, {case_pk: holder}
    holders: dict[int, str] = field(default_factory=dict)
    #: a search's count stopped at its cap (ui/queue_count.py): more than ``total`` cases match
    more: bool = False


def _returned(repo: Any, rows: list[Any]) -> dict[int, Any]:
    marks = getattr(repo, "returned_marks", None)
    if not callable(marks) or not rows:
        return {}
    try:
        return dict(marks([row.pk for row in rows]))
    except Exception:  # noqa: BLE001 - the queue still shows without the marks
        log.exception("reading the supervisor's returns failed")
        return {}


def _holders(holders_of: Callable[[list[int]], dict[int, str]] | None, rows: list[Any]) -> dict[int, str]:
    if holders_of is None or not rows:
        return {}
    try:
        return dict(holders_of([row.pk for row in rows]))
    except Exception:  # noqa: BLE001 - the queue shows without them
        log.exception("reading who holds the cases failed")
        return {}


def read_first_page(repo: Any, query: Any, limit: int, count: bool,
                    holders_of: Callable[[list[int]], dict[int, str]] | None = None) -> QueuePage:
    """The first ``limit`` rows of ``query`` (and how many match, when ``count``); in team mode who holds them."""
    total, more = queue_count(repo, query) if count else (None, False)
    rows = list(repo.list_cases(query, 0, limit)) if total != 0 else []
    return QueuePage(rows, total, _returned(repo, rows), _returned_cases(repo), _holders(holders_of, rows),
                     more=more)


def _returned_cases(repo: Any) -> list[tuple[str, Any]]:
    cases = getattr(repo, "returned_cases", None)
    if not callable(cases):
        return []
    try:
        return list(cases())
    except Exception:  # noqa: BLE001 - the queue still shows without the strip
        log.exception("reading the returned cases failed")
        return []


def read_next_page(repo: Any, query: Any, limit: int, after: Any,
                   holders_of: Callable[[list[int]], dict[int, str]] | None = None) -> QueuePage:
    """The ``limit`` rows after ``after`` (keyset paging: as fast deep in the queue as at the top)."""
    rows = list(repo.list_cases(query, 0, limit, after=after))
    return QueuePage(rows, None, _returned(repo, rows), holders=_holders(holders_of, rows))


def resume_due(repo: Any) -> bool:
    """Cases waiting for supplementary evidence whose requests fell due resume (docs/supplement-requests.md): a
    write, run on the single writer. True when one did; one indexed count when nothing is due."""
    resume = getattr(repo, "resume_due_cases", None)
    return bool(resume()) if callable(resume) else False


def own_appeals(db: Any, reviewer_id: str | None) -> set[int]:
    """The cases that appeal a verdict ``reviewer_id`` decided (arbiter.store.appeals): never their next case.
    A read for the main window's next case, run on the pool."""
    if db is None or not reviewer_id:
        return set()
    from arbiter.store.appeals import Appeals

    return set(Appeals(db).conflicted_case_pks(reviewer_id))


__all__ = ["QueuePage", "own_appeals", "read_first_page", "read_next_page", "resume_due"]
