"""Benchmark: open a case with 200 evidence items and 5,000 chat messages in the case view.

    QT_QPA_PLATFORM=offscreen python bench/bench_case_open.py [--evidence 200] [--messages 5000] [--db]

Generates the case in memory: 200 small JPEG/PNG images split over both parties and submissions, and one
buyer-seller conversation of 5,000 messages whose two copies differ (about 1 in 60 messages missing from one
copy, 1 in 45 edited). Times building the CaseView, the first paint of each tab (thumbnails are made for the
visible rows only), and scrolling the chat table to the end page by page, which is what marks it read.
With --db the case goes through the real bundle reader, importer and ReviewSession on a temporary SQLite file.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QObject, Signal  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def make_case(n_evidence: int, n_messages: int) -> tuple[dict, dict[str, bytes]]:
    from tests.factories import case_dict
    data = case_dict()
    files: dict[str, bytes] = {}
    t0 = datetime(2025, 2, 25, 9, 0, tzinfo=timezone.utc)
    evidence = []
    for i in range(n_evidence):
        party = "buyer" if i % 2 == 0 else "seller"
        submission = 1 if i < n_evidence // 2 else 2 + i % 3
        buf = io.BytesIO()
        fmt = "JPEG" if i % 3 else "PNG"
        Image.new("RGB", (320 + i % 7 * 40, 240 + i % 5 * 30), ((i * 37) % 255, (i * 91) % 255, 120)).save(buf, fmt)
        path = f"evidence/E{i + 1}.{'jpg' if fmt == 'JPEG' else 'png'}"
        files[path] = buf.getvalue()
        evidence.append({"id": f"E{i + 1}", "party": party, "submission": submission,
                         "submitted_at": (t0 + timedelta(minutes=i)).isoformat(), "requested": i % 4 == 0,
                         "kind": "photo", "file": path, "sha256": hashlib.sha256(files[path]).hexdigest(),
                         "media_type": "image/jpeg" if fmt == "JPEG" else "image/png",
                         "description": f"Photo {i + 1} of the parcel and the item, from another angle"})
    data["evidence"] = evidence
    buyer, seller = [], []
    for i in range(n_messages // 2 + n_messages // 100):
        m = {"id": f"M{i + 1}", "at": (t0 + timedelta(minutes=3 * i)).isoformat(),
             "sender": "buyer" if i % 2 else "seller",
             "text": f"Message {i + 1}: " + "the parcel arrived and the item inside was not as described. " * (1 + i % 3)}
        if i % 97 == 5:
            m["attachments"] = [f"E{1 + i % n_evidence}"]
        if i % 60 != 7:
            buyer.append(m)
        if i % 60 != 37:
            seller.append(dict(m, text=m["text"] + " (edited)") if i % 45 == 3 else m)
    data["chat_logs"] = [{"owner": "buyer", "channel": "buyer_seller", "messages": buyer},
                         {"owner": "seller", "channel": "buyer_seller", "messages": seller}]
    return data, files


class _Repo:
    def __init__(self, case, files):
        self._files = {e.id: files[e.file] for e in case.evidence}
        self._sha = {e.id: e.sha256 for e in case.evidence}

    def evidence_bytes(self, case_pk, evidence_id):
        data = self._files[evidence_id]
        assert hashlib.sha256(data).hexdigest() == self._sha[evidence_id]   # what the repository does
        return data


class _Session(QObject):
    changed = Signal()
    evidenceOpened = Signal(str)
    citationRequested = Signal(str)

    def __init__(self, case, files):
        super().__init__()
        self.case, self.case_pk, self.repo = case, 1, _Repo(case, files)
        self.tampered = frozenset()
        self.opened_evidence, self.chats_read = set(), set()

    def mark_evidence_opened(self, i):
        self.opened_evidence.add(i)
        self.evidenceOpened.emit(i)

    def mark_chat_read(self, k):
        self.chats_read.add(k)

    def assessment(self):
        class A:
            gates = ()
        return A()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--evidence", type=int, default=200)
    ap.add_argument("--messages", type=int, default=5000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--db", action="store_true", help="through the real importer and ReviewSession (SQLite)")
    args = ap.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    from arbiter.ui.modelutil import pin_none_refcount
    pin_none_refcount()   # PySide6 6.12 on Python 3.11: void calls release None (see modelutil)

    from arbiter.domain.chatalign import align
    from arbiter.domain.parse import case_from_dict
    from arbiter.ui.case_view import CaseView

    data, files = make_case(args.evidence, args.messages)
    case = case_from_dict(data)
    b, s = case.chat_logs
    print(f"case: {len(case.evidence)} evidence items, {len(b.messages)} + {len(s.messages)} = "
          f"{len(b.messages) + len(s.messages)} chat messages")

    t = time.perf_counter()
    rows = align(b, s)
    print(f"align (pure):                        {1000 * (time.perf_counter() - t):8.1f} ms  ({len(rows)} rows)")

    def new_session():
        if not args.db:
            return _Session(case, files)
        from arbiter.bundle import read_bundle
        from arbiter.store import Repository, import_bundle, open_database
        from arbiter.ui.session import ReviewSession
        from tests.factories import write_bundle
        tmp = tempfile.mkdtemp()
        db = open_database(f"sqlite:///{tmp}/bench.db")
        result = import_bundle(db, read_bundle(write_bundle(Path(tmp) / "big.arbcase", data, files)))
        return ReviewSession(Repository(db), result.case_pk, "bench")

    figures: dict[str, list[float]] = {}

    def record(name, start):
        figures.setdefault(name, []).append(1000 * (time.perf_counter() - start))

    for _ in range(args.runs):
        session = new_session()
        t = time.perf_counter()
        view = CaseView(session)
        record("build CaseView", t)
        view.resize(1366, 768)
        t = time.perf_counter()
        view.show()
        app.processEvents()
        record("show + first paint (facts)", t)
        t = time.perf_counter()
        view.setCurrentIndex(view.EVIDENCE)
        view.grab()
        record("evidence tab: paint (visible thumbnails)", t)
        t = time.perf_counter()
        view.show_evidence(case.evidence_in_review_order()[0].id)
        view.grab()
        record("open one evidence image", t)
        t = time.perf_counter()
        view.setCurrentIndex(view.CHATS)
        view.grab()
        record("chats tab: first paint", t)
        table = view.chats.panels[0].table
        sb = table.verticalScrollBar()
        t = time.perf_counter()
        pages = 0
        while sb.value() < sb.maximum():
            sb.setValue(sb.value() + sb.pageStep())
            table.viewport().repaint()
            pages += 1
        app.processEvents()
        record(f"scroll chat to the end ({pages} pages, repaint each)", t)
        assert view.chats.panels[0].is_read, "the conversation should count as read"
        t = time.perf_counter()
        view.setCurrentIndex(view.TIMELINE)
        view.grab()
        record("timeline tab: first paint", t)
        view.close()
        view.deleteLater()
        app.processEvents()

    for name, values in figures.items():
        print(f"{name + ':':<52}{statistics.median(values):8.1f} ms  (median of {len(values)})")
    per_page = statistics.median(figures[next(k for k in figures if k.startswith("scroll"))]) / max(1, pages)
    print(f"{'per page while scrolling:':<52}{per_page:8.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
