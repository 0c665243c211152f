"""The queue's count of a search, capped (issue 14): counting every match of a common name costs what reading
them all costs, so a search's count stops past ``SEARCH_COUNT_CAP`` and the queue says "1,000+"
(``Repository.count_cases(query, cap=...)``, docs/storage.md "Search"). No Qt here: the model and the view
call these."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

SEARCH_COUNT_CAP = 1000


def queue_count(repo: Any, query: Any) -> tuple[int, bool]:
    """(count, more): ``more`` when a search matches more than ``SEARCH_COUNT_CAP`` cases (``count`` is then
    the cap + 1, a lower bound). A filter without a search is always counted exactly."""
    if getattr(query, "text", ""):
        try:
            total = int(repo.count_cases(query, cap=SEARCH_COUNT_CAP))
        except TypeError:  # a repository without capped counts (a test double): count them all
            return int(repo.count_cases(query)), False
        return total, total > SEARCH_COUNT_CAP
    return int(repo.count_cases(query)), False


def count_text(total: int, more: bool, to_string: Callable[[int], str]) -> str:
    """The number the queue shows: ``1,000+`` while the count is a lower bound, else the count, both written
    by ``to_string`` (the locale's digits and separators)."""
    return f"{to_string(max(total - 1, SEARCH_COUNT_CAP))}+" if more else to_string(total)


__all__ = ["SEARCH_COUNT_CAP", "count_text", "queue_count"]
