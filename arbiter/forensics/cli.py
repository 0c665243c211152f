"""``arbiter evidence matches`` and ``arbiter evidence flags`` (../shared/spec/cli.md, "Evidence forensics
(revision 2)"), and ``arbiter evidence parties`` (party history, not in the contract). Registered by
:mod:`arbiter.cli`; output lines exactly as the contract says, nothing else on stdout."""
from __future__ import annotations

import argparse


def add_parsers(sub, common: argparse.ArgumentParser) -> argparse.ArgumentParser:
    p = sub.add_parser("evidence", parents=[common], help="evidence forensics: near-duplicates, flags, parties",
                       description="Evidence forensics across every case in the database.")
    ev = p.add_subparsers(dest="evidence_command", metavar="EVIDENCE_COMMAND", required=True)
    m = ev.add_parser("matches", parents=[common], help="near-duplicate images across cases",
                      description="One line per pair: CASE_ID/EID ~ OTHER_CASE_ID/EID distance=D first_seen=CASE_ID; "
                                  "only pairs touching the cases named, if any.")
    m.add_argument("case_ids", nargs="*", metavar="CASE_ID")
    f = ev.add_parser("flags", parents=[common], help="the forensic flags of a case's evidence",
                      description="One line per flag: EID<TAB>FLAG<TAB>detail.")
    f.add_argument("case_id", metavar="CASE_ID")
    h = ev.add_parser("parties", parents=[common], help="earlier cases of the buyer and the seller",
                      description="The buyer's and the seller's earlier cases in this database and how they "
                                  "ended; the same phone or address under other buyer names.")
    h.add_argument("case_id", metavar="CASE_ID")
    return p


def run(args: argparse.Namespace, open_db, error) -> int:
    """``open_db(args)`` -> Database; ``error(message)`` -> the CLI's one-line failure exception."""
    db = open_db(args)
    try:
        if args.evidence_command == "matches":
            return _matches(db, args.case_ids, error)
        if args.evidence_command == "flags":
            return _flags(db, args.case_id, error)
        return _parties(db, args.case_id, error)
    finally:
        db.dispose()


def _known(db, case_ids, error) -> list[int]:
    from arbiter.store.forensics import case_pk_by_id

    pks = []
    for case_id in case_ids:
        pk = case_pk_by_id(db, case_id)
        if pk is None:
            raise error(f"no case {case_id} in the database")
        pks.append(pk)
    return pks


def _matches(db, case_ids, error) -> int:
    from arbiter.store.forensics import image_matches

    _known(db, case_ids, error)
    for match in image_matches(db, case_ids or None):
        print(match.line())
    return 0


def _flags(db, case_id, error) -> int:
    from arbiter.forensics.service import case_flags

    (pk,) = _known(db, [case_id], error)
    for flag in case_flags(db, pk):
        print(flag.line())
    return 0


def _parties(db, case_id, error) -> int:
    from arbiter.domain.party_history import history_lines
    from arbiter.store.party_history import party_history

    (pk,) = _known(db, [case_id], error)
    for line in history_lines(party_history(db, pk), "en"):
        print(line)
    return 0
