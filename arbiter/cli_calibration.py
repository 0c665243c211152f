"""``arbiter qa gold add|list|remove`` and ``arbiter qa calibration [--csv]`` (issue 12, part 6): gold cases with a
known answer and the agreement of reviewers with it, per checklist question. Registered under ``qa`` by
:mod:`arbiter.cli_team`; same conventions (one line per item, the summary last, one clear line on stderr and exit 1
on failure)."""
from __future__ import annotations

import argparse
import csv
import sys

from arbiter.cli import EXIT_OK, CommandError, _db_url, _load_answers, _open_db

COMMANDS = ("gold", "calibration")
CSV_COLUMNS = ("question", "type", "rater", "items", "agreement", "kappa", "kappa_kind")


def register(qa_sub, common: argparse.ArgumentParser) -> None:
    p_gold = qa_sub.add_parser(
        "gold", parents=[common], help="(supervisor) gold cases with a known answer, for calibration",
        description="Gold cases: a case revision with the answers a supervisor expects. Reviewers get it like any "
                    "other case; it never issues a notice; their answers are compared with the gold ones by "
                    "'arbiter qa calibration'.")
    gold_sub = p_gold.add_subparsers(dest="gold_command", metavar="ACTION", required=True)
    p_add = gold_sub.add_parser("add", parents=[common], help="mark a case (its newest revision) as gold",
                                description="Mark the newest revision of CASE_ID as gold, with the expected answers "
                                            "(the ANSWERS.json shape 'arbiter decide' takes). Prints 'added: ...', "
                                            "'unchanged: ...' or 'replaced: ...'.")
    p_add.add_argument("case_id", metavar="CASE_ID")
    p_add.add_argument("--answers", required=True, metavar="ANSWERS.json", help="the expected answers")
    p_add.add_argument("--replace", action="store_true", help="replace the answers of a case that is gold already")
    p_add.add_argument("--note", default="", help="a note for the supervisors (never shown to reviewers)")
    gold_sub.add_parser("list", parents=[common], help="the gold cases, one line each")
    p_remove = gold_sub.add_parser("remove", parents=[common], help="withdraw a gold case (it becomes ordinary)")
    p_remove.add_argument("case_id", metavar="CASE_ID")

    p_cal = qa_sub.add_parser(
        "calibration", parents=[common], help="(supervisor) agreement with the gold answers, per question",
        description="Per checklist question: the share of reviewers' answers equal to the gold answer, each "
                    "reviewer's Cohen's kappa against gold, Fleiss' kappa across the reviewers who answered the same "
                    "gold cases; then every gold item where the answers split, and the summary line.")
    p_cal.add_argument("--csv", action="store_true", help="write CSV with a header line")


def _supervisor() -> str:
    """The identity that marks gold cases: a supervisor's (the database's roles enforce it too on PostgreSQL)."""
    from arbiter.signing import identity_card

    card = identity_card()
    if card is None:
        raise CommandError("this workstation has no identity yet: run 'arbiter identity init --id ID --name NAME "
                           "--role supervisor'")
    if card.role != "supervisor":
        raise CommandError(f"gold cases are a supervisor's: the identity {card.id} is a {card.role}")
    return card.id


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _csv(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def run(args: argparse.Namespace) -> int:
    from arbiter.store.gold import GoldError, GoldStore

    db = _open_db(_db_url(args))
    try:
        store = GoldStore(db)
        try:
            if args.qa_command == "gold":
                return _gold(store, args)
            return _calibration(store, csv_out=args.csv)
        except GoldError as exc:
            raise CommandError(str(exc)) from None
    finally:
        db.dispose()


def _gold(store, args) -> int:
    if args.gold_command == "add":
        answers = _load_answers(args.answers)
        status, row = store.add(args.case_id, answers, _supervisor(), note=args.note, replace=args.replace)
        print(f"{status}: {row.case_id} revision {row.revision} (outcome {row.record.get('outcome')})")
        return EXIT_OK
    if args.gold_command == "remove":
        row = store.withdraw(args.case_id, _supervisor())
        print(f"withdrawn: {row.case_id}")
        return EXIT_OK
    answered = store.answered()
    for gold, by in answered:
        print(f"{gold.case_id}\trevision {gold.revision}\t{gold.record.get('outcome')}\t"
              f"answered by {len(by)}\t{gold.created_by} {gold.created_at:%Y-%m-%d %H:%M} UTC")
    print(f"gold: {len(answered)} cases, {sum(1 for _, by in answered if by)} answered")
    return EXIT_OK


def calibration_rows(report) -> list[dict]:
    """The CSV rows (CSV_COLUMNS): per question one row for all reviewers (raw agreement with gold, Fleiss' kappa
    across reviewers), then one per reviewer (agreement and Cohen's kappa against gold). The desk writes the same."""
    rows = []
    for q in report.questions:
        rows.append({"question": q.question, "type": q.type, "rater": "*", "items": q.items,
                     "agreement": _csv(q.agreement), "kappa": _csv(q.fleiss), "kappa_kind": "fleiss_across_reviewers"})
        for r in q.reviewers:
            rows.append({"question": q.question, "type": q.type, "rater": r.reviewer, "items": r.items,
                         "agreement": _csv(r.agreement), "kappa": _csv(r.kappa), "kappa_kind": "cohen_vs_gold"})
    return rows


def report_of(store):
    from arbiter.domain.calibration import GoldAnswers, calibration_report

    return calibration_report(GoldAnswers(g.case_id, g.answers, g.record, by) for g, by in store.answered())


def _calibration(store, *, csv_out: bool) -> int:
    report = report_of(store)
    if csv_out:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(calibration_rows(report))
        return EXIT_OK
    for q in report.questions:
        per = "; ".join(f"{r.reviewer} {_fmt(r.agreement)} kappa={_fmt(r.kappa)} ({r.items})" for r in q.reviewers)
        fleiss = f"fleiss={_fmt(q.fleiss)} ({q.fleiss_items} items)" if q.fleiss_items else "fleiss=-"
        print(f"{q.question}\t{q.type}\tanswers={q.items} agreement={_fmt(q.agreement)} {fleiss}\t{per}")
    for s in report.splits:
        answers = "; ".join(f"{lab} ({', '.join(who)})" for lab, who in s.answers)
        print(f"split: {s.case_id} {s.key} gold={s.gold}: {answers}")
    print(f"calibration: {report.gold_cases} gold cases ({report.answered_cases} answered), "
          f"{len(report.reviewers)} reviewers, {report.answers} answers")
    return EXIT_OK
