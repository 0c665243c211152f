"""Party history: earlier cases of the buyer and of the seller, alike; shared contacts under other names."""
from __future__ import annotations

from arbiter.cli import main
from arbiter.domain.party_history import history_lines
from arbiter.store import Repository
from arbiter.store.forensics import case_pk_by_id
from arbiter.store.party_history import address_key, party_history, phone_key
from tests import photos as P
from tests.factories import png_bytes
from tests.forensics.helpers import import_photos
from tests.store.helpers import SELLER_WINS, sign


def _case(db, tmp_path, case_id, day, *, buyer=None, seller=None):
    return import_photos(db, tmp_path, case_id, {"E1": P.jpeg(P.photo(hash(case_id) % 1000)),
                                                 "E2": png_bytes((day, 1, 1))},
                         opened_at=f"2025-03-{day:02d}T09:00:00+00:00", buyer=buyer, seller=seller)


def test_history_counts_earlier_cases_of_both_sides_and_how_they_ended(any_db, tmp_path):
    _case(any_db, tmp_path, "C-1", 1)                                           # same buyer, same seller
    r2 = _case(any_db, tmp_path, "C-2", 2, seller={"id": "S-9", "shop_name": "Other",
                                                                   "phone": "+1 555 0199"})   # same buyer
    _case(any_db, tmp_path, "C-3", 3, buyer={"id": "B-7", "display_name": "Carol", "phone": "+1 555 0100",
                                             "address": "1 Elm St"})             # same seller
    _case(any_db, tmp_path, "C-5", 5)                                           # later: not earlier
    me = _case(any_db, tmp_path, "C-4", 4)
    assert sign(Repository(any_db), r2.case_pk, **SELLER_WINS).record["outcome"] == "seller_favoured"
    history = party_history(any_db, me.case_pk)
    assert [(c.case_id, c.outcome) for c in history.buyer.earlier] == [("C-1", "open"), ("C-2", "seller_favoured")]
    assert [(c.case_id, c.outcome) for c in history.seller.earlier] == [("C-1", "open"), ("C-3", "open")]
    assert history.shared == ()    # C-3's buyer Carol has her own phone and address
    lines = history_lines(history)
    assert lines[0] == "buyer B-1001 (Alice W.): 2 earlier case(s): seller favoured 1, open 1 (C-1, C-2)"
    assert lines[1] == "seller S-2001 (HomeGoods UK): 2 earlier case(s): open 2 (C-1, C-3)"


def test_same_phone_or_address_under_another_buyer_name(sqlite_db, tmp_path, capsys):
    _case(sqlite_db, tmp_path, "C-1", 1, buyer={"id": "B-1", "display_name": "Alice W.", "phone": "07700 900123",
                                                "address": "12 Example Road, London"})
    _case(sqlite_db, tmp_path, "C-2", 2, buyer={"id": "B-2", "display_name": "Bob K.", "phone": "+44 7700 900123",
                                                "address": "12, EXAMPLE road  London"})
    pk = case_pk_by_id(sqlite_db, "C-2")
    shared = party_history(sqlite_db, pk).shared
    assert [(s.kind, s.other_case_id, s.other_name) for s in shared] == [("phone", "C-1", "Alice W."),
                                                                          ("address", "C-1", "Alice W.")]
    assert main(["--db", str(sqlite_db.engine.url), "evidence", "parties", "C-2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == "buyer phone +44 7700 900123 also used by Alice W. (B-1) in C-1"


def test_contact_keys():
    assert phone_key("+44 7700 900123") == phone_key("07700 900123") == "7700900123"
    assert phone_key("12") is None
    assert address_key("12, Example Road") == address_key("12 example ROAD") == "12 example road"
