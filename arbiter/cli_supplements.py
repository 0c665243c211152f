"""``arbiter supplements``: the supplementary-evidence requests on the command line (docs/supplement-requests.md).

    arbiter supplements list [CASE_ID...]        one line per request: CASE_ID REQUEST_ID PARTY STATE DUE WHAT
    arbiter supplements export OUT.json [--all]  the open requests not exported yet (--all: every open one)
    arbiter supplements resume                   expire requests past their due date; their cases resume

Requests are made in the workstation while reviewing; a case resumes by itself when an import brings the items.
"""
from __future__ import annotations

import argparse
import sys


def register(sub, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("supplements", parents=[common], help="supplementary evidence requests (list, export, resume)",
                       description="Requests for supplementary evidence made while reviewing.")
    actions = p.add_subparsers(dest="supplements_action", metavar="ACTION", required=True)
    p_list = actions.add_parser("list", parents=[common], help="list the requests")
    p_list.add_argument("case_ids", nargs="*", metavar="CASE_ID")
    p_list.add_argument("--open", action="store_true", help="only the open requests")
    p_export = actions.add_parser("export", parents=[common],
                                  help="write the open requests for the platform (arbiter.supplement-requests/1)")
    p_export.add_argument("out", metavar="OUT.json")
    p_export.add_argument("--all", action="store_true", help="also the open requests exported before")
    actions.add_parser("resume", parents=[common], help="expire requests past their due date; their cases resume")


def run(args: argparse.Namespace) -> int:
    from arbiter.cli import EXIT_FAILED, EXIT_OK, CommandError, _db_url, _one_line, _open_db
    from arbiter.store import Repository
    from arbiter.supplement_export import write_requests_file

    db = _open_db(_db_url(args))
    try:
        repo = Repository(db)
        action = args.supplements_action
        if action == "list":
            wanted = set(args.case_ids)
            rows = repo.supplement_requests(states=("open",) if args.open else None)
            known = {r.case_id for r in rows}
            for case_id in sorted(wanted - known):
                print(f"error: {case_id}: no supplement requests", file=sys.stderr)
            for r in rows:
                if wanted and r.case_id not in wanted:
                    continue
                what = " ".join(r.what.split())
                print(f"{r.case_id}\t{r.request_id}\t{r.party}\t{r.state}\t{r.due_at.isoformat()}\t{what}")
            return EXIT_FAILED if wanted - known else EXIT_OK
        if action == "resume":
            resumed = repo.resume_due_cases()
            for case_id in resumed:
                print(f"resumed: {case_id}")
            print(f"resumed: {len(resumed)} case{'' if len(resumed) == 1 else 's'}")
            return EXIT_OK
        if action == "export":
            repo.resume_due_cases()   # a request past its due date is no longer open
            document = repo.export_supplement_requests(include_exported=args.all)
            try:
                write_requests_file(document, args.out)
            except OSError as exc:
                raise CommandError(f"{args.out}: {exc.strerror or _one_line(exc)}") from exc
            n = len(document["requests"])
            print(f"exported: {n} request{'' if n == 1 else 's'} to {args.out}")
            return EXIT_OK
        raise CommandError(f"unknown action {action!r}")
    finally:
        db.dispose()
