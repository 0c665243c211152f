"""Benchmark: the case queue at scale, on SQLite and PostgreSQL.

    python bench/bench_queue.py [--cases N | --million] [--small] [--pg URL] [--gui] [--scroll] [--keep FOLDER [--reuse]]

Generates N cases straight into a fresh database (migrated to head) with bulk inserts (not through bundles):
the ``cases`` rows and their search entries (``case_search_keys``, ``case_search_text``: ids, names, phone
numbers, SKUs, tracking numbers), the same on both engines. Then times what the queue does, through the
repository the queue model calls (``count_cases`` + ``list_cases``, one page of 200):
  - first page (the default sort: count + page), and each sort key both ways (a page: the model keeps its count)
  - search by case id, order id, buyer and seller id and name, phone (as typed, and its ending), SKU and
    tracking number (exact and prefix)
and prints each figure with its goal (first page < 300 ms, sort < 100 ms, search < 50 ms). ``--gui`` also times
the real QueueModel and QueueView offscreen (first page shown and painted); ``--scroll`` scrolls to the end.

Default 100,000 cases; ``--million`` (or ARBITER_BENCH_CASES=1000000) for the figures in docs/storage.md;
``--small`` (CI) 2,000 cases, no goal check. PostgreSQL with ``--pg URL`` or ARBITER_BENCH_PG_URL (a fresh
schema, dropped afterwards; bench/_pg.py). ``--keep FOLDER`` keeps what it generates: the SQLite file in FOLDER
and, on PostgreSQL, the schema ``arbiter_bench_queue_<N>``; ``--reuse`` then times those again without
generating (generating a million takes minutes), and generates them only when they are missing or incomplete.
"""
from __future__ import annotations

import argparse
import io
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _pg import schema_url  # noqa: E402  (bench/_pg.py, beside this script)
from sqlalchemy import create_engine, text  # noqa: E402

from arbiter.store import SORT_KEYS, QueueQuery, Repository, open_database  # noqa: E402
from arbiter.store.models import CaseModel  # noqa: E402
from arbiter.store.search import KEYS, insert_text_sql, name_keys, normalise, phone_digits  # noqa: E402

CLAIMS = ("not_received", "wrong_item", "damaged", "quality_issue", "not_as_described", "counterfeit",
          "missing_parts", "no_reason_return")
STATUSES = ("new", "new", "new", "in_review", "decided", "signed", "amended", "flagged")
TTS_REGIONS = (("UK", "GBP", "+44 7700 9"), ("US", "USD", "+1 202 555 "), ("MY", "MYR", "+60 12 3"),
               ("TH", "THB", "+66 81 2"), ("SG", "SGD", "+65 8123 "))
FIRST = ("Sophie", "Oliver", "Amelia", "Jack", "Aisha", "Wei", "Mei", "Ahmad", "Siti", "Somchai", "Nurul",
         "Daniel", "Chloe", "Ravi", "Priya", "Lucas", "Emma", "Noah", "José", "Zoë")
LAST = ("Bennett", "Smith", "Tan", "Lim", "Wong", "Rahman", "Chen", "Garcia", "Okafor", "Müller", "Nguyen",
        "Patel", "Kowalski", "Brown", "Álvarez", "Suzuki", "Ibrahim", "Walker", "Hughes", "Silva")
CN_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
CN_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅"
SHOPS = ("Claywork Studio", "Home Essentials", "Gadget Hub", "Beauty Corner", "Urban Threads", "Kitchen Pro",
         "景德镇瓷器旗舰店", "数码潮品店", "优品家居", "时尚女装馆")
KEY_INDEXES = {"ix_case_search_keys_value_case_pk": "value, case_pk",
               "ix_case_search_keys_case_pk_value": "case_pk, value"}
GOALS = {"first": 0.300, "sort": 0.100, "search": 0.050}


def _rows(count: int, seed: int = 7):
    """(case row, search keys, text document) for ``count`` generated cases, the same on every run."""
    rng = random.Random(seed)
    now = datetime.now(timezone.utc).replace(microsecond=0)
    for n in range(count):
        if rng.random() < 0.4:
            platform, region, currency, prefix = "douyin", "CN", "CNY", "DY-CN"
            phone = f"138{rng.randrange(10**8):08d}"
            buyer_name = rng.choice(CN_SURNAMES) + "".join(rng.choice(CN_GIVEN) for _ in range(rng.choice((1, 2))))
            tracking = f"SF{rng.randrange(10**12):012d}"
        else:
            region, currency, dial = rng.choice(TTS_REGIONS)
            platform, prefix = "tiktok_shop", f"TTS-{region}"
            phone = f"{dial}{rng.randrange(10**5):05d}"
            buyer_name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            tracking = f"RM{rng.randrange(10**9):09d}GB"
        shop_no = rng.randrange(2000)
        shop = f"{SHOPS[shop_no % len(SHOPS)]} {shop_no}"
        opened = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
        status = rng.choice(STATUSES)
        deadline = None if status in ("signed", "amended") else opened + timedelta(hours=rng.choice((48, 72, 120)))
        case_id = f"{prefix}-{n:07d}"
        order_id = str(5_700_000_000 + rng.randrange(10**9))
        buyer_id = f"B{rng.randrange(10**9):09d}"
        seller_id = f"SLR-{shop_no:05d}"
        sku = f"SKU-{rng.randrange(20000):05d}-{rng.choice(('RED', 'BLUE', 'BLACK'))}"
        case = {
            "id": n + 1, "case_id": case_id, "latest_revision": 1, "platform": platform, "region": region,
            "language": "zh-CN" if platform == "douyin" else "en", "claim_type": rng.choice(CLAIMS),
            "amount": Decimal(rng.randrange(100, 500_000)) / 100, "currency": currency, "order_id": order_id,
            "opened_at": opened, "status": status, "next_deadline_at": deadline, "imported_at": now,
            "updated_at": now,
        }
        digits = phone_digits(phone)
        keys = (("case_id", normalise(case_id)), ("order_id", order_id), ("buyer_id", normalise(buyer_id)),
                ("seller_id", normalise(seller_id)), ("phone", digits), ("phone_tail", digits.lstrip("0")[::-1]),
                ("sku", normalise(sku)), ("tracking", normalise(tracking)))
        keys += tuple(("buyer_name", v) for v in name_keys(buyer_name))
        keys += tuple(("seller_name", v) for v in name_keys(shop))
        body = " ".join((buyer_name, shop, case_id, order_id, buyer_id, seller_id, sku, tracking))
        yield case, keys, body, {"phone": phone, "buyer_name": buyer_name, "shop": shop, "sku": sku,
                                 "tracking": tracking, "buyer_id": buyer_id, "seller_id": seller_id}


def generate(db, count: int) -> tuple[float, list[dict]]:
    """Bulk-insert ``count`` cases with their search entries; returns the time and a few samples to search for."""
    began = time.perf_counter()
    samples = []
    pick = set(random.Random(3).sample(range(count), min(count, 25)))
    batch_cases, batch_keys, batch_text = [], [], []
    pg = db.backend == "postgresql"

    def flush(conn):
        if pg:
            _copy(conn, batch_cases, batch_keys, batch_text)
        else:
            conn.execute(CaseModel.__table__.insert(), batch_cases)
            conn.execute(KEYS.insert(), batch_keys)
            conn.execute(insert_text_sql("sqlite"), batch_text)
        batch_cases.clear()
        batch_keys.clear()
        batch_text.clear()

    # bulk load: the search keys' indexes are built once at the end (sorted) rather than row by row, and each
    # batch is its own transaction (SQLite's WAL stays small)
    with db.session() as session:
        for name in KEY_INDEXES:
            session.connection().exec_driver_sql(f"DROP INDEX {name}")
    batches = iter(_rows(count))
    n = 0
    while True:
        with db.session() as session:
            conn = session.connection()
            if not pg:
                conn.exec_driver_sql("PRAGMA cache_size=-262144")  # 256 MB while loading
            for case, keys, body, extra in batches:
                batch_cases.append(case)
                batch_keys.extend({"case_pk": case["id"], "kind": k, "value": v} for k, v in keys)
                batch_text.append({"case_pk": case["id"], "body": body})
                if n in pick:
                    samples.append(dict(extra, case_id=case["case_id"], order_id=case["order_id"]))
                n += 1
                if len(batch_cases) == 20_000:
                    break
            if not batch_cases:
                break
            flush(conn)
    with db.session() as session:
        conn = session.connection()
        for name, columns in KEY_INDEXES.items():
            conn.exec_driver_sql(f"CREATE INDEX {name} ON case_search_keys ({columns})")
        if pg:
            conn.exec_driver_sql("SELECT setval(pg_get_serial_sequence('cases', 'id'), (SELECT max(id) FROM cases))")
    if pg:
        with db.engine.connect() as conn:
            conn.execution_options(isolation_level="AUTOCOMMIT").exec_driver_sql("VACUUM ANALYZE")
    else:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    return time.perf_counter() - began, samples


def _copy(conn, cases, keys, texts) -> None:
    """PostgreSQL: COPY the rows in (what a bulk load of this size uses)."""
    raw = conn.connection.driver_connection
    with raw.cursor() as cur:
        columns = list(cases[0])
        with cur.copy(f"COPY cases ({', '.join(columns)}) FROM STDIN") as copy:
            for row in cases:
                copy.write_row([row[c] for c in columns])
        with cur.copy("COPY case_search_keys (case_pk, kind, value) FROM STDIN") as copy:
            for row in keys:
                copy.write_row((row["case_pk"], row["kind"], row["value"]))
        with cur.copy("COPY case_search_text (case_pk, body) FROM STDIN") as copy:
            for row in texts:
                copy.write_row((row["case_pk"], row["body"]))


def timed(fn, repeat: int = 3) -> float:
    """The median of ``repeat`` runs (the first warms the caches)."""
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        fn()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def report(label: str, seconds: float, goal: str | None, extra: str = "", check: bool = True) -> bool:
    ok = goal is None or seconds <= GOALS[goal]
    mark = "" if goal is None or not check else ("  ok" if ok else f"  SLOW (goal {GOALS[goal] * 1000:.0f} ms)")
    print(f"  {label:<46} {seconds * 1000:8.1f} ms{mark}{extra}")
    return ok


#: what the queue model asks for: a search's count stops here ("1,000+"; arbiter.ui.queue_model)
SEARCH_COUNT_CAP = 1000


def queue_page(repo: Repository, query: QueueQuery, page: int = 200):
    """What the queue model does on every change: count (a search's capped), then the first page; a search
    planned afresh each time (the repository keeps a plan 2 s: the count and the page share it, as here)."""
    getattr(repo, "_search_plans", {}).clear()
    total = repo.count_cases(query, cap=SEARCH_COUNT_CAP if query.text else None)
    rows = repo.list_cases(query, 0, page)
    return total, rows


def shown(total: int, query: QueueQuery) -> str:
    return f"{SEARCH_COUNT_CAP:,}+" if query.text and total > SEARCH_COUNT_CAP else f"{total:,}"


def existing_samples(count: int) -> list[dict]:
    """The samples generate() picks, without inserting anything (for --reuse: the same cases, the same seed)."""
    pick = set(random.Random(3).sample(range(count), min(count, 25)))
    return [dict(extra, case_id=case["case_id"], order_id=case["order_id"])
            for n, (case, _keys, _body, extra) in enumerate(_rows(count)) if n in pick]


def generated(url: str, count: int) -> bool:
    """Whether ``url`` holds a database this script generated with ``count`` cases, to the end (its last case
    and the search keys' indexes, built last, are there)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if conn.execute(text("SELECT max(id) FROM cases")).scalar() != count:
                return False
            if conn.dialect.name == "sqlite":
                names = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'index'")).scalars()
            else:
                names = conn.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"))
                names = names.scalars()
            return set(KEY_INDEXES) <= set(names)
    except Exception:  # noqa: BLE001 - no database, no table: not generated
        return False
    finally:
        engine.dispose()


def run_engine(name: str, url: str, count: int, check: bool, gui: bool, scroll: bool,
               reuse: bool = False) -> bool:
    db = open_database(url)
    ok = True
    try:
        repo = Repository(db)
        print(f"{name}: {count:,} cases")
        if reuse:  # a database this script generated before (--keep): time it again
            samples = existing_samples(count)
            print(f"  {'(the database kept from an earlier run)':<46}")
        else:
            gen, samples = generate(db, count)
            print(f"  {'generate (bulk insert, search entries, analyze)':<46} {gen:8.1f} s")
        first = timed(lambda: queue_page(repo, QueueQuery()), repeat=1)  # cold-ish: the first read of the run
        ok &= report("first page (count + 200 rows), first read", first, "first", check=check)
        ok &= report("first page again", timed(lambda: queue_page(repo, QueueQuery())), "first", check=check)
        report("count alone (a filter change, a refresh)", timed(lambda: repo.count_cases(QueueQuery())), None)
        # a sort re-reads the first page in the new order; the model keeps its count (same cases)
        for key in SORT_KEYS:
            for desc in (False, True):
                t = timed(lambda k=key, d=desc: repo.list_cases(QueueQuery(sort=k, descending=d), 0, 200))
                ok &= report(f"sort by {key} {'desc' if desc else 'asc'} (first page)", t, "sort", check=check)
        s = next((x for x in samples if " " in x["buyer_name"]), samples[0])  # a name with two words
        searches = [
            ("case id, exact", s["case_id"]), ("case id, prefix", s["case_id"][:-2]),
            ("order id, exact", s["order_id"]), ("order id, prefix", s["order_id"][:7]),
            ("buyer id", s["buyer_id"]), ("seller id", s["seller_id"]),
            ("buyer name", s["buyer_name"]), ("buyer name, one word", s["buyer_name"].split()[-1]),
            ("seller (shop) name", s["shop"]),
            ("phone as typed", s["phone"]), ("phone, last 6 digits", phone_digits(s["phone"])[-6:]),
            ("SKU, exact", s["sku"]), ("SKU, prefix", s["sku"][:9]),
            ("tracking number, exact", s["tracking"]), ("tracking number, prefix", s["tracking"][:8]),
            # searches that match much of the queue (a common first name, a shop chain, a case-id prefix typed
            # key by key, a surname in Chinese): capped count, the page walks the sort's index
            ("buyer first name", s["buyer_name"].split()[0]), ("shop chain (10 % of cases)", s["shop"].split()[0]),
            ("case id typed: 'TTS' (60 %)", "TTS"), ("Chinese surname: one character", "王"),
        ]
        for label, term in searches:
            query = QueueQuery(text=term)
            total = queue_page(repo, query)[0]
            t = timed(lambda q=query: queue_page(repo, q))
            ok &= report(f"search {label}", t, "search", f"  ({shown(total, query)} found: {term!r})", check=check)
        if gui:
            ok &= run_gui(repo, count, check, scroll)
    finally:
        db.close()
    return ok


def run_gui(repo: Repository, count: int, check: bool, scroll: bool) -> bool:
    """The real QueueModel and QueueView, offscreen: the first page shown and painted."""
    from PySide6.QtCore import QModelIndex

    from arbiter.ui.app import create_application

    app = create_application(sys.argv[:1])
    from arbiter.ui.queue_model import QueueModel
    from arbiter.ui.queue_view import QueueView

    holder = {}

    def show():
        model = QueueModel(repo, page_size=200)
        view = QueueView(model)
        view.resize(1366, 700)
        view.show()
        app.processEvents()
        view.table.viewport().repaint()
        holder.update(model=model, view=view)

    ok = report("GUI: first page shown (model + view + paint)", timed(show, repeat=1), "first", check=check)
    model, view = holder["model"], holder["view"]
    if scroll:
        began = time.perf_counter()
        steps = 0
        while model.canFetchMore(QModelIndex()):
            view.table.scrollToBottom()
            app.processEvents()
            steps += 1
        print(f"  GUI: scrolled to the end: {model.rowCount():,} rows, {steps} steps, "
              f"{time.perf_counter() - began:.1f} s")
    view.close()
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=int(os.environ.get("ARBITER_BENCH_CASES", 100_000)))
    parser.add_argument("--million", action="store_true", help="1,000,000 cases (the figures in docs/storage.md)")
    parser.add_argument("--small", action="store_true", help="a quick run for CI: 2,000 cases, no goal check")
    parser.add_argument("--pg", metavar="URL", default=os.environ.get("ARBITER_BENCH_PG_URL"),
                        help="also run on this PostgreSQL database (in a fresh schema, dropped afterwards)")
    parser.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    parser.add_argument("--gui", action="store_true", help="also time the real queue model and view (SQLite)")
    parser.add_argument("--scroll", action="store_true", help="with --gui: scroll to the end, page by page")
    parser.add_argument("--keep", metavar="FOLDER", help="keep the generated SQLite database in FOLDER (and, "
                        "with --pg, the PostgreSQL schema arbiter_bench_queue_<N>)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --keep: time the databases kept by an earlier run (same --cases) again, "
                             "generating only those missing")
    args = parser.parse_args()
    count = 2_000 if args.small else (1_000_000 if args.million else args.cases)
    check = not args.small
    print(f"arbiter queue benchmark: {count:,} cases, pages of 200, {os.cpu_count()} CPUs, "
          f"load average {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = True
    reuse = args.reuse and bool(args.keep)
    if not args.no_sqlite:
        folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="arbiter-bench-"))
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "bench.db"
        url = f"sqlite:///{path}"
        kept = reuse and generated(url, count)
        if not kept:  # generate into an empty file
            for stale in (path, path.with_name("bench.db-wal"), path.with_name("bench.db-shm")):
                stale.unlink(missing_ok=True)
        try:
            ok &= run_engine("SQLite", url, count, check, args.gui, args.scroll, reuse=kept)
        finally:
            if not args.keep:
                shutil.rmtree(folder, ignore_errors=True)
    if args.pg:
        name = f"arbiter_bench_queue_{count}" if args.keep else None
        kept = False
        if reuse:
            url, done = schema_url(args.pg, name)
            kept = generated(url, count)
            done()
        url, done = schema_url(args.pg, name, fresh=not kept)
        try:
            ok &= run_engine("PostgreSQL", url, count, check, False, False, reuse=kept)
        finally:
            done()
    print("all figures within their goals" if ok else "some figures missed their goals", "" if check else "(not checked)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
