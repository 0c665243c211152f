"""``arbiter cases take/release`` and ``arbiter qa sample/report`` (cli.md, revision 2): team mode and the
supervisor's desk on the command line. Registered by :mod:`arbiter.cli`; same conventions (one line per item,
the summary last, one clear line on stderr and exit 1 on failure)."""
from __future__ import annotations

import argparse
import csv
import sys
from decimal import Decimal, InvalidOperation

from arbiter.cli import EXIT_FAILED, EXIT_OK, CommandError, _db_url, _open_db


def register(sub, common: argparse.ArgumentParser) -> dict:
    p_cases = sub.add_parser("cases", parents=[common], help="team mode: check cases out and back in",
                             description="Check a case out to this workstation's identity, or give it back.")
    cases_sub = p_cases.add_subparsers(dest="cases_command", metavar="ACTION", required=True)
    p_take = cases_sub.add_parser("take", parents=[common], help="check out a case (the next free one, or CASE_ID)")
    which = p_take.add_mutually_exclusive_group(required=True)
    which.add_argument("--next", action="store_true", help="the first free case in queue order")
    which.add_argument("case_id", nargs="?", metavar="CASE_ID")
    p_release = cases_sub.add_parser("release", parents=[common], help="give a checked-out case back")
    p_release.add_argument("case_id", metavar="CASE_ID")

    p_qa = sub.add_parser("qa", parents=[common], help="(supervisor) quality review: sample verdicts, report",
                          description="Quality review of the verdicts in this database.")
    qa_sub = p_qa.add_subparsers(dest="qa_command", metavar="ACTION", required=True)
    p_sample = qa_sub.add_parser(
        "sample", parents=[common], help="select verdicts for quality review (recorded)",
        description="Select verdicts for quality review: every override, amendment and conflict, every verdict "
                    "above the amount threshold of its currency, each reviewer's first N, and a random share "
                    "stratified by platform and claim type. Prints 'CASE_ID vN REVIEWER_ID REASON' per "
                    "selection; the same seed on the same data gives the same selection; it is recorded.")
    p_sample.add_argument("--rate", required=True, metavar="R", help="random share, 0 to 1 (e.g. 0.1)")
    p_sample.add_argument("--seed", required=True, metavar="S", type=int, help="seed of the random share")
    p_sample.add_argument("--first", type=int, metavar="N", default=None,
                          help="every reviewer's first N verdicts (default: the team setting, 5)")
    p_report = qa_sub.add_parser("report", parents=[common], help="per-reviewer scorecards",
                                 description="Per reviewer: verdicts, quality-reviewed, approved, returned, "
                                             "overturned, overturn rate with its 95%% Wilson interval, override "
                                             "rate, buyer-favoured rate against the team's in the same platform "
                                             "and claim type, median review time.")
    p_report.add_argument("--csv", action="store_true", help="write CSV with a header line")
    p_qexp = qa_sub.add_parser(
        "export-package", parents=[common], help="(supervisor) write a signed QA package for offline reviewers",
        description="Write this supervisor's actions (approve, return with note, overturn with its amendment) on "
                    "verdicts that came from reviewers' verdict packages to one signed .arbqa file. Prints "
                    "'exported: CASE_ID vN REVIEWER ACTION' per action, then 'wrote: FILE (N supervisor actions)'.")
    p_qexp.add_argument("--out", required=True, metavar="FILE.arbqa")
    p_qexp.add_argument("--reviewer", metavar="REVIEWER_ID", help="only the actions on this reviewer's verdicts")
    p_qimp = qa_sub.add_parser(
        "import-package", parents=[common], help="(reviewer) verify and store a supervisor's QA packages",
        description="Verify QA packages (the supervisor's key must be registered, with the role supervisor) and "
                    "store their actions as a supervisor on a shared database would: 'accepted: CASE_ID vN ACTION "
                    "by SUPERVISOR', 'unchanged: ...', or 'refused: FILE: reason' with nothing of that file stored.")
    p_qimp.add_argument("packages", nargs="+", metavar="FILE.arbqa")
    from arbiter import cli_calibration  # qa gold / qa calibration (issue 12, part 6)

    cli_calibration.register(qa_sub, common)
    return {"cases": cmd_cases, "qa": cmd_qa}


def whoami() -> str:
    """This workstation's identity id (trust's ``arbiter identity``), or a clear error."""
    try:
        from arbiter.signing import identity_card
    except ImportError:  # pragma: no cover - before the identity module exists
        identity_card = None
    card = identity_card() if identity_card else None
    if card is None:
        raise CommandError("this workstation has no identity yet: run 'arbiter identity init --id ID --name NAME'")
    return card.id


def _actor() -> str:
    """Who records a QA sample: the identity when there is one, else the OS user (a sample changes no verdict)."""
    try:
        return whoami()
    except CommandError:
        import getpass

        try:
            return f"os:{getpass.getuser()}"
        except Exception:
            return "unknown"


def cmd_cases(args: argparse.Namespace) -> int:
    from arbiter.store.leases import LeaseError, Leases

    holder = whoami()
    db = _open_db(_db_url(args))
    try:
        leases = Leases(db)
        try:
            if args.cases_command == "take":
                if args.next:
                    lease = leases.take_next(holder)
                    if lease is None:
                        raise CommandError("no free case: every open case is checked out or signed")
                else:
                    lease = leases.take(args.case_id, holder)
                print(f"taken: {lease.case_id}")
            else:
                leases.release(args.case_id, holder)
                print(f"released: {args.case_id}")
        except LeaseError as exc:
            raise CommandError(str(exc)) from exc
    finally:
        db.dispose()
    return EXIT_OK


def cmd_qa(args: argparse.Namespace) -> int:
    from arbiter import cli_calibration

    if args.qa_command in cli_calibration.COMMANDS:
        return cli_calibration.run(args)
    from arbiter.domain.qa import QASettings
    from arbiter.store.qa import QAStore

    if args.qa_command in ("export-package", "import-package"):
        return _qa_package(args)
    db = _open_db(_db_url(args))
    try:
        store = QAStore(db)
        if args.qa_command == "sample":
            try:
                rate = Decimal(args.rate)
                base = store.qa_settings()
                settings = QASettings(rate=rate, seed=args.seed, amount_thresholds=base.amount_thresholds,
                                      new_reviewer_first=base.new_reviewer_first if args.first is None
                                      else args.first, min_sample=base.min_sample)
            except (InvalidOperation, ValueError) as exc:
                raise CommandError(f"--rate must be a number from 0 to 1 ({args.rate!r}): {exc}") from None
            _, selection = store.sample(settings, _actor())
            for item in selection:
                print(item.line())
            return EXIT_OK
        return _report(store, csv_out=args.csv)
    finally:
        db.dispose()


def _qa_package(args: argparse.Namespace) -> int:
    """``qa export-package`` (signed with this workstation's supervisor identity) and ``qa import-package``."""
    from pathlib import Path

    from arbiter.qa_package import export_qa_package, import_qa_packages

    if args.qa_command == "export-package":
        from arbiter.trust_cli import load_signer

        signer = load_signer()
        db = _open_db(_db_url(args))
        try:
            lines, failures = export_qa_package(db, Path(args.out), signer=signer, reviewer=args.reviewer)
        finally:
            db.dispose()
        for line in lines:
            print(line)
        for line in failures:
            print(line, file=sys.stderr)
        return EXIT_FAILED if failures else EXIT_OK
    from arbiter.trust_cli import import_and_report

    return import_and_report(args, import_qa_packages)


CSV_COLUMNS = ("reviewer", "verdicts", "quality_reviewed", "approved", "returned", "overturned", "overturn_rate",
               "overturn_ci_low", "overturn_ci_high", "overturn_meaningful", "override_rate",
               "buyer_favoured_rate", "team_buyer_favoured_rate", "excluded_buyer", "excluded_seller",
               "median_review_minutes")


def _fmt(value: float | None, digits: int = 3) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def report_rows(cards) -> list[dict]:
    """The report's rows (CSV_COLUMNS) for scorecards; the GUI's CSV export writes the same."""
    rows = []
    for c in cards:
        minutes = None if c.median_review_seconds is None else c.median_review_seconds / 60
        rows.append({
            "reviewer": c.reviewer, "verdicts": c.verdicts, "quality_reviewed": c.quality_reviewed,
            "approved": c.approved, "returned": c.returned, "overturned": c.overturned,
            "overturn_rate": _fmt(c.overturn.value), "overturn_ci_low": _fmt(c.overturn.low),
            "overturn_ci_high": _fmt(c.overturn.high), "overturn_meaningful": "yes" if c.overturn.meaningful else "no",
            "override_rate": _fmt(c.override.value), "buyer_favoured_rate": _fmt(c.buyer_favoured.value),
            "team_buyer_favoured_rate": _fmt(c.team_buyer_favoured), "excluded_buyer": c.excluded_buyer,
            "excluded_seller": c.excluded_seller, "median_review_minutes": _fmt(minutes, 1),
        })
    return rows


def _report(store, *, csv_out: bool) -> int:
    from arbiter.domain.qa import scorecards

    settings = store.qa_settings()
    cards = scorecards(store.verdict_facts(), store.review_outcomes(), settings)
    rows = report_rows(cards)
    if csv_out:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return EXIT_OK
    for c, r in zip(cards, rows):
        if c.overturn.n:
            ci = f"[{r['overturn_ci_low']}, {r['overturn_ci_high']}]"
            flag = "" if c.overturn.meaningful else f" (n<{settings.min_sample}: not yet meaningful)"
            overturn = f"overturn_rate={r['overturn_rate']} {ci}{flag}"
        else:
            overturn = "overturn_rate=- (nothing quality-reviewed)"
        team = r["team_buyer_favoured_rate"] or "-"
        print(f"{c.reviewer}\tverdicts={c.verdicts} quality_reviewed={c.quality_reviewed} approved={c.approved} "
              f"returned={c.returned} overturned={c.overturned} {overturn} override_rate={r['override_rate'] or '-'} "
              f"buyer_favoured={r['buyer_favoured_rate'] or '-'} team={team} "
              f"median_review_minutes={r['median_review_minutes'] or '-'}")
    total = sum(c.verdicts for c in cards)
    reviewed = sum(c.quality_reviewed for c in cards)
    overturned = sum(c.overturned for c in cards)
    print(f"team: {len(cards)} reviewers, {total} verdicts, {reviewed} quality-reviewed, {overturned} overturned")
    return EXIT_OK
