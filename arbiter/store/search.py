"""Finding cases by what a reviewer has in hand: case id, order id, buyer and seller id and name, phone number,
SKU, tracking number (docs/storage.md, "Search").

Two structures, filled by the importer for the newest revision of each case (migration 0007 filled them for the
cases already stored):
- ``case_search_keys`` (``case_pk``, ``kind``, ``value``): exact values, normalised (NFKC, case-folded), read by
  exact match and by prefix as a range of the ``(value, case_pk)`` index; names too, word by word and whole: a
  whole name of two words or more is stored behind :data:`PHRASE` (migration 0010), where only a query of two
  words or more looks (a one-word query finds each name by its words: reading the whole names too would read
  every case with that first name twice). A phone number is kept as its digits
  (``phone``) and as its digits reversed (``phone_tail``), so that ``+44 7700 900482``, ``07700 900482`` and
  ``900482`` all find it: a prefix of the digits, or their ending, without the trunk ``0`` or country code.
- ``case_search_text``: one document per case (buyer and seller names, and the ids again) for words and parts of
  names: an FTS5 table on SQLite (``unicode61``, diacritics removed: ``jose`` finds ``José``; each word of the
  query is a prefix), a ``pg_trgm`` GIN index on PostgreSQL (``ILIKE '%...%'``, from three characters).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Column, Integer, MetaData, Table, Text, and_, bindparam, literal_column, or_, select, text
from sqlalchemy.sql import Select

from arbiter.store.models import CaseSearchKeyModel

KEYS = CaseSearchKeyModel.__table__
MAX_VALUE = 255
#: digits a query needs before it is also tried as the ending of a phone number
PHONE_TAIL_MIN_DIGITS = 4
#: digits of a stored number a longer query (with a country code) must end with to find it
PHONE_MIN_STORED_DIGITS = 7
#: characters a query needs before PostgreSQL's trigram index can serve a substring search
TRGM_MIN_CHARS = 3
#: the mark before a whole name of two words or more (``\x1fsophie bennett``): no query starts with it (a query
#: is stripped, and str.strip() strips U+001F), so a one-word query's range never reads those keys
PHRASE = "\x1f"

_text_meta = MetaData()
#: PostgreSQL's table (SQLite's is an FTS5 virtual table of the same name: rowid = case pk, column body)
TEXT_PG = Table("case_search_text", _text_meta, Column("case_pk", Integer, primary_key=True),
                Column("body", Text, nullable=False))

_PHONE_CHARS = re.compile(r"[\s().\-/+]")


def normalise(value: Any) -> str:
    return unicodedata.normalize("NFKC", str(value)).strip().casefold()[:MAX_VALUE]


def phone_digits(value: str) -> str:
    """The digits of a phone number (``+44 (0)7700-900 482`` -> ``4407700900482``); '' if it is not one."""
    stripped = _PHONE_CHARS.sub("", unicodedata.normalize("NFKC", value))
    return stripped if stripped.isdigit() else ""


def _get(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, Mapping):
            return None
        data = data.get(key)
    return data


def search_entries(data: Mapping[str, Any]) -> tuple[tuple[tuple[str, str], ...], str]:
    """The search keys ``(kind, value)`` (distinct) and the text document of one case.json (a decoded dict)."""
    keys: dict[tuple[str, str], None] = {}
    words: list[str] = []

    def add(kind: str, value: Any) -> None:
        if isinstance(value, str) and value.strip():
            keys[(kind, normalise(value))] = None
            words.append(value.strip())

    add("case_id", data.get("case_id"))
    add("order_id", _get(data, "order", "order_id"))
    add("buyer_id", _get(data, "buyer", "id"))
    add("seller_id", _get(data, "seller", "id"))
    for party in ("buyer", "seller"):
        phone = _get(data, party, "phone")
        digits = phone_digits(phone) if isinstance(phone, str) else ""
        if digits:
            keys[("phone", digits[:MAX_VALUE])] = None
            keys[("phone_tail", digits.lstrip("0")[::-1][:MAX_VALUE])] = None
    for item in _get(data, "order", "items") or ():
        add("sku", _get(item, "sku"))
    add("tracking", _get(data, "order", "logistics", "tracking_no"))
    add("tracking", _get(data, "return_logistics", "tracking_no"))
    names = []
    for kind, name in (("buyer_name", _get(data, "buyer", "display_name")),
                       ("seller_name", _get(data, "seller", "shop_name"))):
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
            for value in name_keys(name):
                keys[(kind, value)] = None
    return tuple(keys), " ".join(names + words)


def name_keys(name: str) -> list[str]:
    """A name as exact/prefix keys: each of its words, and the whole name behind :data:`PHRASE` when it has two
    words or more (short names, CJK names of two characters, which a trigram index cannot serve, are found this
    way on both engines). Every prefix of the whole name that a one-word query can be (it holds no whitespace)
    is a prefix of its first word, a key of its own: so one-word queries skip the whole names."""
    whole = normalise(name)
    words = whole.split()
    if len(words) < 2:
        return [whole] if whole else []
    return [phrase(whole)] + list(dict.fromkeys(words))


def phrase(normalised: str) -> str:
    """A normalised text of several words as it is stored among the keys (behind :data:`PHRASE`)."""
    return (PHRASE + normalised)[:MAX_VALUE]


def is_phrase(normalised: str) -> bool:
    """Whether a normalised query holds more than one word (then it is looked up among the whole names too)."""
    return len(normalised.split()) > 1


def _prefix_range(column, prefix: str):
    """``column`` starts with ``prefix``: a range of its index (no LIKE, no collation surprises)."""
    return and_(column >= prefix, column < prefix + "\U0010ffff")


def _fts_query(query: str) -> str:
    """Each whitespace-separated word of ``query`` as a quoted FTS5 prefix term, all of them required."""
    terms = [word.replace('"', '""') for word in query.split()]
    return " AND ".join(f'"{term}"*' for term in terms if term)


def _key_conditions(query: str) -> list[Any]:
    """Conditions on ``case_search_keys`` rows, one per lookup (each a range of the ``(value, case_pk)`` index)."""
    norm = normalise(query)
    conditions = [_prefix_range(KEYS.c.value, norm)]
    if is_phrase(norm):  # whole names of two words or more (a value with a space of another kind, too)
        conditions.append(_prefix_range(KEYS.c.value, phrase(norm)))
    digits = phone_digits(query)
    if len(digits.lstrip("0")) >= PHONE_TAIL_MIN_DIGITS:
        tail = digits.lstrip("0")[::-1]
        # the stored number ends with the query (typed without country code or trunk 0), or the query ends
        # with the stored number (typed with a country code the bundle did not give): seven digits at least
        shorter = [tail[:k] for k in range(PHONE_MIN_STORED_DIGITS, len(tail))]
        match = _prefix_range(KEYS.c.value, tail)
        if shorter:
            match = or_(match, KEYS.c.value.in_(shorter))
        conditions.append(and_(KEYS.c.kind == "phone_tail", match))
    return conditions


def _key_parts(query: str) -> list[Select]:
    return [select(KEYS.c.case_pk).where(condition) for condition in _key_conditions(query)]


def _text_part(query: str, dialect: str) -> Select | None:
    """The names' full-text lookup of ``query`` (pks of the cases), or None when it cannot serve it."""
    if dialect == "sqlite":
        fts = _fts_query(query)
        if not fts:
            return None
        return (select(literal_column("rowid").label("case_pk")).select_from(text("case_search_text"))
                .where(text("case_search_text MATCH :fts").bindparams(bindparam("fts", fts))))
    if len(query) < TRGM_MIN_CHARS:
        return None
    escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return select(TEXT_PG.c.case_pk).where(TEXT_PG.c.body.ilike(f"%{escaped}%", escape="\\"))


def has_key_match(session: Any, query: str) -> bool:
    """Whether any exact or prefix value matches ``query`` (a few index probes)."""
    query = unicodedata.normalize("NFKC", query or "").strip()
    if not query:
        return False
    return any(session.execute(part.limit(1)).first() is not None for part in _key_parts(query))


def match_parts(query: str, dialect: str, *, fulltext: bool = True) -> list[Select]:
    """The lookups whose union is what ``query`` finds: SELECTs of case pks (index ranges; the names' text index
    too if ``fulltext``). [] for ''."""
    query = unicodedata.normalize("NFKC", query or "").strip()
    if not query:
        return []
    parts = _key_parts(query)
    if fulltext:
        part = _text_part(query, dialect)
        if part is not None:
            parts.append(part)
    return parts


def matching_cases(query: str, dialect: str, *, fulltext: bool = True) -> Select | None:
    """A SELECT of the pks of the cases that ``query`` finds (a UNION of index lookups), or None for ''.
    ``fulltext``: also the names' text index (the repository asks for it only when no value matches)."""
    parts = match_parts(query, dialect, fulltext=fulltext)
    if not parts:
        return None
    return parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]


def case_matches(case_pk: Any, query: str, dialect: str, *, fulltext: bool = True) -> Any:
    """A condition on one case (``case_pk``, a column of the outer query) that is true when ``query`` finds it:
    EXISTS probes of the ``(case_pk, value)`` index (migration 0008) and of the text table by its key. What a
    search that matches much of the queue uses: the page is read by walking the sort's index and probing each
    case, instead of collecting every match first. None for ''."""
    query = unicodedata.normalize("NFKC", query or "").strip()
    if not query:
        return None
    keys = KEYS.alias("match_keys")
    probes = []
    for condition in _key_conditions(query):
        probe = select(keys.c.case_pk).where(keys.c.case_pk == case_pk, _on(condition, keys))
        if dialect == "postgresql":
            # OFFSET 0: PostgreSQL neither turns the EXISTS into a (hashed) semi-join nor hashes it as a
            # subplan, both of which read every match first; it stays a probe per case walked
            probe = probe.offset(0)
        probes.append(probe.exists())
    if fulltext:
        if dialect == "sqlite":
            part = _text_part(query, dialect)
            if part is not None:
                probes.append(case_pk.in_(part))
        elif len(query) >= TRGM_MIN_CHARS:
            escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            probes.append(select(TEXT_PG.c.case_pk).where(TEXT_PG.c.case_pk == case_pk,
                                                          TEXT_PG.c.body.ilike(f"%{escaped}%", escape="\\"))
                          .offset(0).exists())
    return or_(*probes) if len(probes) > 1 else probes[0]


def _on(condition: Any, alias: Any) -> Any:
    """``condition`` (on ``case_search_keys``) rewritten for an alias of the table."""
    from sqlalchemy.sql.util import ClauseAdapter

    return ClauseAdapter(alias).traverse(condition)


def delete_entries_sql(dialect: str) -> list[Any]:
    """Statements removing one case's entries (parameter ``case_pk``), before its newest revision's go in."""
    if dialect == "sqlite":
        return [KEYS.delete().where(KEYS.c.case_pk == bindparam("case_pk")),
                text("DELETE FROM case_search_text WHERE rowid = :case_pk")]
    return [KEYS.delete().where(KEYS.c.case_pk == bindparam("case_pk")),
            TEXT_PG.delete().where(TEXT_PG.c.case_pk == bindparam("case_pk"))]


def insert_text_sql(dialect: str) -> Any:
    """Statement adding one case's document (parameters ``case_pk``, ``body``)."""
    if dialect == "sqlite":
        return text("INSERT INTO case_search_text (rowid, body) VALUES (:case_pk, :body)")
    return TEXT_PG.insert()



def insert_entries(conn: Any, items: Any, *, replace: bool = False) -> None:
    """Store the search entries ``(case_pk, keys, body)`` of each item (``keys`` as :func:`search_entries` gives
    them); ``replace`` first removes what those cases had (a new revision). ``conn`` is a Connection in a write
    transaction; the importer, the bench and the tests all go through here."""
    items = list(items)
    if not items:
        return
    dialect = conn.dialect.name
    if replace:
        for stmt in delete_entries_sql(dialect):
            conn.execute(stmt, [{"case_pk": case_pk} for case_pk, _, _ in items])
    keys = [{"case_pk": case_pk, "kind": kind, "value": value} for case_pk, entries, _ in items
            for kind, value in entries]
    if keys:
        conn.execute(_INSERT_KEYS, keys)
    conn.execute(insert_text_sql(dialect), [{"case_pk": case_pk, "body": body} for case_pk, _, body in items])


_INSERT_KEYS = KEYS.insert()
