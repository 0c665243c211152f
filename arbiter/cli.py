"""The ``arbiter`` command: the workstation without a sub-command, and headless ``import`` and ``decide``.

Every sub-command exits 0 on success and non-zero with one clear line on stderr otherwise (``../shared/spec/
cli.md``). Exit codes: 0 success; 1 a bundle was refused, the answers are wrong, or the work failed; 2 the
command line itself is wrong (argparse). No traceback reaches the user unless ``ARBITER_DEBUG=1``.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2


class CommandError(Exception):
    """A failure with a message fit to print as the one line on stderr."""


def _version() -> str:
    from arbiter import __version__

    return f"arbiter {__version__}"


def _build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="SQLAlchemy database URL (default: $ARBITER_DB, else an SQLite file in the user's "
                             "data folder)")

    parser = argparse.ArgumentParser(
        prog="arbiter",
        description="Arbiter: the offline workstation for platform-intervention disputes. "
                    "Without a command it opens the workstation.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("--supervisor", action="store_true",
                        help="with --demo: open the supervisor's desk on the 'demo build' set (otherwise the desk "
                             "opens when this workstation's identity is a supervisor)")
    parser.add_argument("--demo", action="store_true",
                        help="open the workstation on a fresh temporary database loaded with the sample cases")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p_import = sub.add_parser("import", parents=[common], help="import case bundles (.arbcase files or folders)",
                              description="Import case bundles. Prints one line per case; a refused bundle "
                                          "prints 'refused: BUNDLE: reason' and changes nothing.")
    p_import.add_argument("bundles", nargs="+", metavar="BUNDLE")

    p_decide = sub.add_parser("decide", help="run the checklist rules on a bundle headless (no database)",
                              description="Decide a bundle with a reviewer's answers, without a database.")
    p_decide.add_argument("bundle", metavar="BUNDLE")
    p_decide.add_argument("--answers", required=True, metavar="ANSWERS.json")
    p_decide.add_argument("--json", action="store_true", help="print the arbiter.decision/1 record as JSON")
    p_decide.add_argument("--notice", metavar="OUT.pdf",
                          help="also write the decision notice: OUT.pdf (buyer) and OUT.seller.pdf (seller)")

    from arbiter.forensics import cli as forensics_cli  # evidence matches / flags / parties (issue 13)

    forensics_cli.add_parsers(sub, common)
    from arbiter import trust_cli  # identity, reviewers, verify, verdicts, demo (cli.md revision 2)

    trust_cli.add_commands(sub, common)
    from arbiter.cli_team import register as register_team  # cases take/release, qa sample/report

    parser.set_defaults(_team_handlers=register_team(sub, common))
    from arbiter import cli_supplements  # supplementary evidence requests: own module
    cli_supplements.register(sub, common)
    return parser


def _db_url(args: argparse.Namespace) -> str:
    from arbiter.paths import resolve_db_url

    return resolve_db_url(getattr(args, "db", None))


def _open_db(url: str):
    from arbiter.store import open_database

    try:
        return open_database(url)
    except Exception as exc:  # the URL, the driver, the file or the migration: say which, in one line
        raise CommandError(f"cannot open database {_redact(url)}: {_one_line(exc)}") from exc


def _redact(url: str) -> str:
    """Hide a password in a database URL before printing it."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def cmd_import(args: argparse.Namespace) -> int:
    from arbiter.cli_progress import import_with_progress

    db = _open_db(_db_url(args))
    try:
        summary = import_with_progress(db, args.bundles)
    finally:
        db.dispose()
    return EXIT_FAILED if summary.refused else EXIT_OK


def _load_answers(path: str) -> dict:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise CommandError(f"answers file {path}: {exc.strerror or _one_line(exc)}") from exc
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError:
        raise CommandError(f"answers file {path}: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise CommandError(f"answers file {path}: not valid JSON (line {exc.lineno} column {exc.colno}: "
                           f"{exc.msg})") from None
    if not isinstance(data, dict):
        raise CommandError(f"answers file {path}: must be a JSON object")
    from arbiter.bundle.jsonsafe import find_bad_text

    bad = find_bad_text(data)  # a NUL or a lone surrogate ("\ud800") is no text: it breaks printing and the PDF
    if bad:
        raise CommandError(f"answers file {path}: {bad}")
    return data


def cmd_decide(args: argparse.Namespace) -> int:
    from arbiter.bundle import BundleError, read_bundle
    from arbiter.domain.checklist import AnswerError, decide
    from arbiter.policies import PolicyError, load_policy

    try:
        loaded = read_bundle(args.bundle)
    except BundleError as exc:
        print(f"refused: {args.bundle}: {exc.message}", file=sys.stderr)
        return EXIT_FAILED
    answers = _load_answers(args.answers)
    case = loaded.case
    try:
        policy = load_policy(case.platform.value, case.region)
    except PolicyError as exc:
        raise CommandError(f"no usable policy for {case.platform.value} {case.region}: {exc}") from exc
    try:
        record = decide(case, policy, answers)
    except AnswerError as exc:
        raise CommandError(f"answers {args.answers}: {exc}") from exc

    if args.notice:
        from arbiter.notice import write_notices

        try:
            paths = write_notices(case, record, Path(args.notice))
        except OSError as exc:
            raise CommandError(f"cannot write notice {args.notice}: {exc.strerror or _one_line(exc)}") from exc
        print(f"notice: {paths.buyer} (buyer), {paths.seller} (seller)", file=sys.stderr)
        for warning in getattr(paths, "warnings", ()):
            print(f"warning: notice: {warning}", file=sys.stderr)

    if args.json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
    else:
        print(_summary(record))
    return EXIT_OK


def _summary(record: dict) -> str:
    lines = [f"case {record['case_id']}: {record['outcome']}"
             f" (policy {record['policy']['id']} {record['policy']['version']})"]
    if record.get("decline_reasons"):
        lines.append("declined: " + ", ".join(record["decline_reasons"]))
    remedy = record.get("remedy") or {}
    if remedy.get("type") and remedy.get("type") != "none":
        detail = f"remedy: {remedy['type']} {remedy.get('amount')} {remedy.get('currency')}"
        if remedy.get("return_required"):
            detail += ", return required"
        elif remedy.get("return_exemption"):
            detail += f", no return ({remedy['return_exemption']})"
        if remedy.get("refund_route"):
            detail += f", refund via {remedy['refund_route']}"
        lines.append(detail)
    if record.get("liability"):
        lines.append(f"liability: {record['liability']}")
    for deadline in record.get("deadlines", []):
        due = deadline.get("due") or f"({deadline.get('rule')})"
        lines.append(f"deadline {deadline['id']} ({deadline['party']}): {due}")
    if record.get("evidence_excluded"):
        lines.append("excluded: " + ", ".join(f"{e['id']} ({e['reason']})" for e in record["evidence_excluded"]))
    if record.get("flagged_for_supervisor"):
        lines.append("flagged for supervisor review (override)")
    return "\n".join(lines)


def cmd_evidence(args: argparse.Namespace) -> int:
    from arbiter.forensics import cli as forensics_cli

    return forensics_cli.run(args, lambda a: _open_db(_db_url(a)), CommandError)


def cmd_gui(args: argparse.Namespace) -> int:
    try:
        from arbiter.ui.app import run
    except ImportError as exc:
        raise CommandError(f"the workstation cannot start: {_one_line(exc)} "
                           "(is a display and Qt's system libraries available?)") from exc
    supervisor = bool(getattr(args, "supervisor", False))
    if args.demo:
        return run(None, demo=True, supervisor=supervisor)
    return run(_db_url(args), demo=False, supervisor=supervisor)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    from arbiter import cli_supplements

    handlers = {"import": cmd_import, "decide": cmd_decide, "evidence": cmd_evidence, None: cmd_gui,
                "supplements": cli_supplements.run}
    handlers.update(getattr(args, "_team_handlers", {}))
    try:
        if getattr(args, "trust_handler", None) is not None:
            from arbiter import trust_cli

            return trust_cli.run(args)
        return handlers[args.command](args)
    except CommandError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader went away (`arbiter decide ... | head`): not an error of ours
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as exc:  # never a traceback for the user; ARBITER_DEBUG=1 shows it
        if os.environ.get("ARBITER_DEBUG"):
            raise
        print(f"error: unexpected failure: {type(exc).__name__}: {_one_line(exc)} "
              "(run with ARBITER_DEBUG=1 for details)", file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
