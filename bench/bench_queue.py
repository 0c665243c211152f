"""Benchmark: show and scroll a queue of 100,000 generated cases.

    python bench/bench_queue.py [--cases 100000] [--page 200] [--keep DB_FOLDER]

Generates the cases straight into a temporary SQLite database through the store's models (one bulk insert; the
queue reads only the ``cases`` table), then times, with the real QueueModel and a QTableView offscreen:
  - first page: model created (count + first page) and the table shown and painted
  - sort by each column (SQL ORDER BY + first page)
  - search by order id and a platform filter
  - scrolling to the end: the view's fetchMore page after page until every row is loaded
    (fetchMore asks for the rows after its last one: keyset pages over the (key, id) indexes of migration 0002)

Scrolling to the end, 100,000 cases, pages of 200 growing to 2,000 (60 steps), on a 2-core build box:
  before 0002 (OFFSET pages, every one sorting the table): 23.8 s, ~400 ms a step;
  after (keyset pages read from an index): 3.4-4.5 s, 57-74 ms a step (mostly Qt; the query 20-40 ms).
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import insert  # noqa: E402

from arbiter.store import Repository, open_database  # noqa: E402
from arbiter.store.models import CaseModel  # noqa: E402

CLAIMS = ("not_received", "wrong_item", "damaged", "quality_issue", "not_as_described", "counterfeit",
          "missing_parts", "no_reason_return")
STATUSES = ("new", "new", "new", "in_review", "decided", "signed", "amended", "flagged")
TTS_REGIONS = (("UK", "GBP"), ("US", "USD"), ("MY", "MYR"), ("TH", "THB"), ("VN", "VND"), ("SG", "SGD"))


def generate(db, count: int, seed: int = 7) -> float:
    rng = random.Random(seed)
    now = datetime.now(timezone.utc)
    began = time.perf_counter()
    batch = []
    with db.session() as session:
        for n in range(count):
            if rng.random() < 0.4:
                platform, region, currency, prefix = "douyin", "CN", "CNY", "DY-CN"
            else:
                region, currency = rng.choice(TTS_REGIONS)
                platform, prefix = "tiktok_shop", f"TTS-{region}"
            opened = now - timedelta(minutes=rng.randrange(0, 60 * 24 * 30))
            status = rng.choice(STATUSES)
            deadline = None if status in ("signed", "amended") else opened + timedelta(hours=rng.choice((48, 72, 120)))
            batch.append({
                "case_id": f"{prefix}-{n:07d}", "latest_revision": 1, "platform": platform, "region": region,
                "language": "zh-CN" if platform == "douyin" else "en", "claim_type": rng.choice(CLAIMS),
                "amount": Decimal(rng.randrange(100, 500_000)) / 100, "currency": currency,
                "order_id": str(5_700_000_000 + rng.randrange(10**9)), "opened_at": opened, "status": status,
                "next_deadline_at": deadline, "imported_at": now, "updated_at": now,
            })
            if len(batch) == 10_000:
                session.execute(insert(CaseModel), batch)
                batch = []
        if batch:
            session.execute(insert(CaseModel), batch)
    return time.perf_counter() - began


def timed(label: str, fn) -> float:
    began = time.perf_counter()
    fn()
    elapsed = time.perf_counter() - began
    print(f"  {label:<44} {elapsed * 1000:9.1f} ms")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--page", type=int, default=200)
    parser.add_argument("--keep", metavar="FOLDER", help="keep the generated database in FOLDER")
    args = parser.parse_args()

    from arbiter.ui.app import create_application

    app = create_application(sys.argv[:1])   # includes the PySide6 6.12 None-refcount workaround
    from arbiter.ui.queue_model import COLUMNS, QueueModel
    from arbiter.ui.queue_view import QueueView

    folder = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="arbiter-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{folder / 'bench.db'}")
    try:
        repo = Repository(db)
        print(f"arbiter queue benchmark: {args.cases:,} cases, pages of {args.page}")
        print(f"  {'generate (bulk insert through store models)':<44} {generate(db, args.cases) * 1000:9.1f} ms")

        holder: dict = {}

        def first_page():
            model = QueueModel(repo, page_size=args.page)
            view = QueueView(model)
            view.resize(1366, 700)
            view.show()
            app.processEvents()
            view.table.viewport().repaint()
            holder.update(model=model, view=view)

        timed("first page shown (count + page + paint)", first_page)
        model: QueueModel = holder["model"]
        view: QueueView = holder["view"]
        assert model.total == args.cases, model.total
        print(f"  rows loaded after show: {model.rowCount()} of {model.total:,}")

        for column, key in enumerate(COLUMNS):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                name = "desc" if order == Qt.SortOrder.DescendingOrder else "asc"
                timed(f"sort by {key} {name}", lambda c=column, o=order: (view.table.sortByColumn(c, o),
                                                                           app.processEvents()))
        view.table.sortByColumn(COLUMNS.index("next_deadline_at"), Qt.SortOrder.AscendingOrder)
        some_order = model.row_at(0).order_id
        timed("search by a full order id", lambda: model.update_filter(search=some_order))
        print(f"    -> {model.total} match(es)")
        timed("search by a case id fragment '-00012'", lambda: model.update_filter(search="-00012"))
        print(f"    -> {model.total:,} match(es)")
        timed("filter platform=douyin", lambda: model.update_filter(search="", platform="douyin"))
        print(f"    -> {model.total:,} match(es)")
        model.update_filter(platform=None)

        pages = 0
        slowest = 0.0

        def scroll_to_end():
            nonlocal pages, slowest
            while model.canFetchMore(QModelIndex()):
                began = time.perf_counter()
                view.table.scrollToBottom()   # the view asks the model for more as the end comes into sight
                app.processEvents()
                if not model.canFetchMore(QModelIndex()) or model.rowCount() % args.page == 0:
                    slowest = max(slowest, time.perf_counter() - began)
                pages += 1

        total = timed("scroll to the end (fetchMore page by page)", scroll_to_end)
        print(f"    -> {model.rowCount():,} rows in {pages} steps; {total / max(pages, 1) * 1000:.1f} ms per page "
              f"on average, slowest {slowest * 1000:.1f} ms")
        timed("scroll back to the top", lambda: (view.table.scrollToTop(), app.processEvents()))
        view.close()
    finally:
        db.close()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
