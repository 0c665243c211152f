"""How the queue reads a text search (store/search.py gives the lookups; this module chooses how to use them).

A search's cost used to grow with its number of matches: the matching pks were collected (a list the database
builds), each case looked up and all of them sorted for the first page of 200, and all of them counted. A
common surname (3 % of a million cases) took 124 ms on SQLite and 556 ms on PostgreSQL, a case-id prefix typed
one key at a time (most of the queue) seconds. Now (docs/storage.md, "Search"):

- **plan**: each lookup's rows are counted up to a threshold (an index range read with a LIMIT: cheap), which
  also tells whether any value matches (else the names' text index is used, as before);
- **few matches** (up to sqrt(40 x cases), at least 2,000): the matching pks are collected and the page sorted,
  as before (cost in proportion to the matches, which are few);
- **many** (up to sqrt(1000 x cases)): the page walks the sort's index in order, each case looked up in the set
  of matches built once, until the page is full (cost: the set, plus a walk of 200 x cases / matches);
- **most**: the same walk, each case probed with the ``(case_pk, value)`` index (migration 0008) instead: no set
  to build; the denser the matches, the shorter the walk;
- **the count** is capped: up to ``cap`` distinct cases it is exact, beyond it the queue says "1,000+" (read
  from at most 4 x (cap + 1) lookup rows per lookup, never every match).

Each form is written so that both planners take it as meant: SQLite is told a collected list is small
(``likelihood``) or kept from driving from it (``id + 0``); PostgreSQL gets ``id = ANY(ARRAY(...))`` (else it
hashes the list and reads the whole ``cases`` table), ``id IN (...) = true`` (a hashed subplan, not a join) and
``EXISTS (... OFFSET 0)`` (a probe per row: neither pulled up into a semi-join nor hashed).
"""
from __future__ import annotations

import math
import time
import unicodedata
import weakref
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, literal_column, select, true
from sqlalchemy.orm import Session

from arbiter.store.models import CaseModel
from arbiter.store.search import case_matches, match_parts

#: up to sqrt(COLLECT_FACTOR x cases) matches (and at least DENSE_MIN) a search collects and sorts its matches
DENSE_MIN = 2_000
COLLECT_FACTOR = 40
#: beyond sqrt(PROBE_FACTOR x cases) (at least PROBE_MIN) it probes each case along the sort's index; between
#: the two it walks the sort's index against the set of matches (built once)
PROBE_MIN = 2_000
PROBE_FACTOR = 1_000
#: PROBE_FACTOR times this, per engine: a probe costs PostgreSQL an executor call of its subplan (~9 us here,
#: against ~1.5 us for SQLite's), while a set entry is a cheap hash insert: it walks against a set further up
PROBE_SCALE = {"sqlite": 1.0, "postgresql": 2.5}
#: the number of cases the thresholds are computed from is read again after this long (it moves slowly)
TOP_SECONDS = 30.0
#: the capped count the queue asks for ("1,000+"): the plan counts it on the way (one statement fewer)
QUEUE_CAP = 1_000
#: a capped count reads at most this many lookup rows per distinct case it may report (names give a case two
#: rows for one prefix: "sophie" and "sophie bennett"; several SKUs share a prefix)
ROWS_PER_CASE = 4

COLLECT, SET, PROBE = "collect", "set", "probe"


@dataclass(frozen=True, slots=True)
class SearchPlan:
    text: str
    fulltext: bool       # no value matched exactly or by prefix: the names' text index is searched
    mode: str            # COLLECT (few matches), SET (many: walk against their set), PROBE (most: probe each)
    seen: int            # lookup rows counted (at most the probe threshold + 1 per lookup)
    threshold: int       # the probe threshold
    rows: tuple[int, ...] = ()      # per lookup used: its rows, counted up to the probe threshold + 1
    cases: tuple[int, ...] = ()     # per lookup used: distinct cases among its first ROWS_PER_CASE x (cap + 1) rows
    cap: int | None = None          # the cap ``cases`` was counted for

    @property
    def dense(self) -> bool:
        """The page is read by walking the sort's index (SET or PROBE)."""
        return self.mode != COLLECT


def _normal(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


_tops: weakref.WeakKeyDictionary[Any, tuple[float, int]] = weakref.WeakKeyDictionary()


def _top(session: Session) -> int:
    """The number of cases, as the pk index's last entry (no count), kept TOP_SECONDS per engine."""
    bind = session.get_bind()
    now = time.monotonic()
    cached = _tops.get(bind)
    if cached is not None and now - cached[0] < TOP_SECONDS:
        return cached[1]
    top = session.scalar(select(func.max(CaseModel.id))) or 0
    _tops[bind] = (now, top)
    return top


def thresholds(session: Session, dialect: str = "sqlite") -> tuple[int, int]:
    """(collect up to, probe beyond) this many matches, from the number of cases. Collecting costs in proportion
    to the matches, walking to cases / matches: they meet near sqrt(k x cases), k from what a collected match, a
    set entry and a probe cost on each engine (measured: docs/storage.md)."""
    top = _top(session)
    collect = max(DENSE_MIN, int(math.sqrt(COLLECT_FACTOR * top)))
    scale = PROBE_SCALE.get(dialect, 1.0)
    return collect, max(collect, PROBE_MIN, int(math.sqrt(PROBE_FACTOR * scale * top)))


def dense_threshold(session: Session) -> int:
    return thresholds(session)[0]


def _counts(session: Session, parts: list[Any], limit: int, cap: int) -> tuple[list[int], list[int]]:
    """Per lookup: its rows up to ``limit``, and the distinct cases among its first ROWS_PER_CASE x (cap + 1)
    rows; all in one statement (a round trip each would cost PostgreSQL more than the counting)."""
    if not parts:
        return [], []
    columns = []
    for part in parts:
        rows = part.limit(limit).subquery()
        first = part.limit(ROWS_PER_CASE * (cap + 1)).subquery()
        columns.append(select(func.count()).select_from(rows).scalar_subquery())
        columns.append(select(func.count(func.distinct(first.c.case_pk))).scalar_subquery())
    row = session.execute(select(*columns)).one()
    return [int(v or 0) for v in row[0::2]], [int(v or 0) for v in row[1::2]]


def plan_search(session: Session, text: str, dialect: str, *, cap: int = QUEUE_CAP) -> SearchPlan | None:
    """How to read ``text`` (None when there is nothing to search): each lookup's rows counted up to the probe
    threshold, and its cases up to ``cap`` (what a capped count needs), in one statement; the names' text index
    too, in a second, only when no value matches."""
    text = _normal(text)
    if not text:
        return None
    collect, probe = thresholds(session, dialect)
    key_parts = match_parts(text, dialect, fulltext=False)
    counts, cases = _counts(session, key_parts, probe + 1, cap)
    fulltext = not any(counts)
    if fulltext:
        text_parts = match_parts(text, dialect, fulltext=True)[len(key_parts):]
        more, more_cases = _counts(session, text_parts, probe + 1, cap)
        counts += more
        cases += more_cases
    seen = sum(counts)
    mode = COLLECT if seen <= collect else SET if seen <= probe else PROBE
    return SearchPlan(text, fulltext, mode, seen, probe, tuple(counts), tuple(cases), cap)


def membership(plan: SearchPlan, dialect: str, *, collect: bool = False) -> Any:
    """The condition on ``cases`` that selects what ``plan`` finds. ``collect``: the form that gathers the
    matching pks first whatever the plan (a count must see every match anyway)."""
    mode = COLLECT if collect else plan.mode
    if mode == PROBE:
        return case_matches(CaseModel.id, plan.text, dialect, fulltext=plan.fulltext)
    parts = match_parts(plan.text, dialect, fulltext=plan.fulltext)
    found = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    if mode == SET:
        # the matches' set built once (SQLite: a list; PostgreSQL: a hashed subplan), each case walked along
        # the sort's index looked up in it. "+ 0" keeps SQLite from driving from the list; "= true" keeps
        # PostgreSQL from turning the IN into a join (which it plans as a hash join over every case)
        if dialect == "sqlite":
            return (CaseModel.id + 0).in_(found)
        return CaseModel.id.in_(found) == true()
    if dialect == "sqlite":
        # told the matches are few, SQLite looks them up and sorts them instead of walking the sort index
        return func.likelihood(CaseModel.id.in_(found), literal_column("0.001"))
    # PostgreSQL: the pks as an array (computed once), then the pk index: never a scan of the whole table
    return CaseModel.id == func.any(func.array(found.scalar_subquery()))


def capped_count(session: Session, plan: SearchPlan, dialect: str, filters: list[Any], cap: int) -> int | None:
    """``cap + 1`` if more than ``cap`` cases match (with ``filters``, conditions on ``cases``), else None: then
    the caller counts exactly (there are few). Reads at most ROWS_PER_CASE x (cap + 1) rows per lookup; without
    filters the plan has counted them already (no statement at all), and when one lookup holds every match and
    the plan saw all its rows, that count is exact."""
    limit = ROWS_PER_CASE * (cap + 1)
    if not filters and plan.cap == cap and plan.cases:
        if max(plan.cases) > cap:
            return cap + 1
        used = [i for i, rows in enumerate(plan.rows) if rows]
        if len(used) <= 1 and all(plan.rows[i] < limit and plan.rows[i] <= plan.threshold for i in used):
            return plan.cases[used[0]] if used else 0
        return None
    for part in match_parts(plan.text, dialect, fulltext=plan.fulltext):
        if filters:
            found = part.subquery()
            part = (select(found.c.case_pk).join(CaseModel.__table__, CaseModel.id == found.c.case_pk)
                    .where(*filters))
        rows = part.limit(limit).subquery()
        if (session.scalar(select(func.count(func.distinct(rows.c.case_pk)))) or 0) > cap:
            return cap + 1
    return None


__all__ = ["COLLECT", "PROBE", "SET", "SearchPlan", "capped_count", "dense_threshold", "membership",
           "plan_search", "thresholds"]
