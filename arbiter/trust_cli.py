"""The trust commands of ``arbiter`` (cli.md, revision 2): ``identity``, ``reviewers``, ``verify``, ``verdicts``
and ``demo build``. ``arbiter.cli`` registers them (:func:`add_commands`) and calls the handler named in
``args.trust_handler``. Output lines are stable and meant for scripts; errors are one line on stderr.
"""
from __future__ import annotations

import argparse

import sys
from pathlib import Path

from arbiter.cli import EXIT_FAILED, EXIT_OK, CommandError, _db_url, _one_line, _open_db

MAX_CARD_FILE = 64 * 1024


def add_commands(sub, common: argparse.ArgumentParser) -> None:
    p_id = sub.add_parser("identity", help="this workstation's signing identity (init, show, export)",
                          description="The Ed25519 key pair that signs this workstation's verdicts.")
    id_sub = p_id.add_subparsers(dest="identity_command", metavar="ACTION", required=True)
    p_init = id_sub.add_parser("init", help="create the signing identity",
                               description="Create the key pair in the data folder (private key owner-only). "
                                           "With ARBITER_KEY_PASSPHRASE set, the private key is encrypted with it.")
    p_init.add_argument("--id", required=True, dest="person_id", metavar="ID")
    p_init.add_argument("--name", required=True, metavar="NAME")
    p_init.add_argument("--role", choices=("reviewer", "supervisor"), default="reviewer")
    p_init.add_argument("--force", action="store_true",
                        help="replace an existing identity (its public key stays known)")
    p_init.set_defaults(trust_handler=cmd_identity_init)
    p_show = id_sub.add_parser("show", help="print ID, NAME, ROLE and KEY-FINGERPRINT (tab-separated)")
    p_show.set_defaults(trust_handler=cmd_identity_show)
    p_export = id_sub.add_parser("export", help="write the public key card for a supervisor")
    p_export.add_argument("out", metavar="OUT.arbkey")
    p_export.set_defaults(trust_handler=cmd_identity_export)

    p_rev = sub.add_parser("reviewers", help="(supervisor) registered key cards", parents=[common])
    rev_sub = p_rev.add_subparsers(dest="reviewers_command", metavar="ACTION", required=True)
    p_add = rev_sub.add_parser("add", parents=[common], help="register key cards (.arbkey)")
    p_add.add_argument("cards", nargs="+", metavar="CARD.arbkey")
    p_add.add_argument("--replace", action="store_true",
                       help="an id registered with another key gets this one (the old key stays known)")
    p_add.set_defaults(trust_handler=cmd_reviewers_add)
    p_list = rev_sub.add_parser("list", parents=[common], help="one line per registered person")
    p_list.set_defaults(trust_handler=cmd_reviewers_list)

    p_verify = sub.add_parser("verify", parents=[common], help="check the whole database end to end",
                              description="Prints 'problem: CASE_ID: what' per finding, then a summary line; "
                                          "exits 1 when anything is wrong.")
    p_verify.set_defaults(trust_handler=cmd_verify)

    p_verdicts = sub.add_parser("verdicts", parents=[common], help="signed verdict packages (export, import)")
    v_sub = p_verdicts.add_subparsers(dest="verdicts_command", metavar="ACTION", required=True)
    p_vexp = v_sub.add_parser("export", parents=[common], help="write CASE_ID.vN.arbverdict per signed verdict")
    p_vexp.add_argument("--out", required=True, metavar="DIR")
    p_vexp.add_argument("case_ids", nargs="*", metavar="CASE_ID")
    p_vexp.set_defaults(trust_handler=cmd_verdicts_export)
    p_vimp = v_sub.add_parser("import", parents=[common], help="(supervisor) verify and store verdict packages")
    p_vimp.add_argument("packages", nargs="+", metavar="PACKAGE")
    p_vimp.set_defaults(trust_handler=cmd_verdicts_import)

    p_demo = sub.add_parser("demo", help="demonstration data")
    d_sub = p_demo.add_subparsers(dest="demo_command", metavar="ACTION", required=True)
    p_build = d_sub.add_parser("build", help="write a deterministic demo set: cases, key cards, signed verdicts")
    p_build.add_argument("dir", metavar="DIR")
    p_build.set_defaults(trust_handler=cmd_demo_build)


# -- identity --------------------------------------------------------------------------------------------------
def _actor() -> str:
    from arbiter.signing import IdentityError, identity_card

    try:
        card = identity_card()
    except IdentityError:
        card = None
    if card is not None:
        return card.id
    from arbiter.store.importer import default_actor

    return default_actor()


def load_signer():
    """This workstation's identity for signing: CommandError when there is none or it stays locked."""
    from arbiter.signing import IdentityError, IdentityLocked, load_identity

    try:
        identity = load_identity()
    except IdentityLocked as exc:
        if sys.stdin.isatty():
            import getpass

            try:
                identity = load_identity(getpass.getpass("Passphrase of the signing key: "))
            except IdentityError as again:
                raise CommandError(str(again)) from None
        else:
            raise CommandError(str(exc)) from None
    except IdentityError as exc:
        raise CommandError(str(exc)) from None
    if identity is None:
        raise CommandError("no signing identity on this workstation: run 'arbiter identity init --id ID --name NAME'")
    return identity


def cmd_identity_init(args: argparse.Namespace) -> int:
    from arbiter.signing import IdentityError, create_identity

    try:
        identity = create_identity(args.person_id, args.name, args.role, force=args.force)
    except IdentityError as exc:
        raise CommandError(str(exc)) from None
    print(f"{identity.id}\t{identity.name}\t{identity.role}\t{identity.fingerprint}")
    return EXIT_OK


def _card():
    from arbiter.signing import IdentityError, identity_card

    try:
        card = identity_card()
    except IdentityError as exc:
        raise CommandError(str(exc)) from None
    if card is None:
        raise CommandError("no signing identity on this workstation: run 'arbiter identity init --id ID --name NAME'")
    return card


def cmd_identity_show(args: argparse.Namespace) -> int:
    card = _card()
    print(f"{card.id}\t{card.name}\t{card.role}\t{card.fingerprint}")
    return EXIT_OK


def cmd_identity_export(args: argparse.Namespace) -> int:
    card = _card()
    out = Path(args.out)
    try:
        out.write_bytes(card.to_bytes() + b"\n")
    except OSError as exc:
        raise CommandError(f"cannot write {out}: {exc.strerror or _one_line(exc)}") from None
    print(f"exported: {card.id} {card.fingerprint} to {out}")
    return EXIT_OK


# -- reviewers -------------------------------------------------------------------------------------------------
def _read_card(path: str):
    from arbiter.signing import KeyCard, KeyCardError

    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_CARD_FILE + 1)
    except OSError as exc:
        raise KeyCardError(exc.strerror or _one_line(exc)) from None
    if len(raw) > MAX_CARD_FILE:
        raise KeyCardError(f"larger than {MAX_CARD_FILE} bytes")
    return KeyCard.from_bytes(raw.strip())


def cmd_reviewers_add(args: argparse.Namespace) -> int:
    from arbiter.signing import KeyCardError
    from arbiter.store import KeyRefused, Repository

    db = _open_db(_db_url(args))
    refused = 0
    try:
        repo = Repository(db)
        actor = _actor()
        for path in args.cards:
            try:
                card = _read_card(path)
                status = repo.register_key_card(card, actor, replace=args.replace)
            except (KeyCardError, KeyRefused) as exc:
                refused += 1
                print(f"refused: {path}: {exc}", file=sys.stderr)
                continue
            word = {"added": "added", "unchanged": "unchanged", "replaced": "added"}[status]
            line = f"{word}: {card.id}"
            if status == "replaced":
                line += " (replaces the earlier key, which stays known)"
            print(line)
    finally:
        db.dispose()
    return EXIT_FAILED if refused else EXIT_OK


def cmd_reviewers_list(args: argparse.Namespace) -> int:
    from arbiter.store import Repository

    db = _open_db(_db_url(args))
    try:
        for person in Repository(db).people():
            print(f"{person.id}\t{person.name}\t{person.role}\t{person.fingerprint}")
    finally:
        db.dispose()
    return EXIT_OK


# -- verify ----------------------------------------------------------------------------------------------------
def cmd_verify(args: argparse.Namespace) -> int:
    from arbiter.store import Repository

    db = _open_db(_db_url(args))
    try:
        report = Repository(db).verify()
    finally:
        db.dispose()
    for finding in report.findings:
        print(finding.line())
    print(report.summary())
    return EXIT_OK if report.ok else EXIT_FAILED


# -- verdict packages, demo ------------------------------------------------------------------------------------
def _feature(module: str):
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise CommandError(f"not available in this build ({_one_line(exc)})") from None


def cmd_verdicts_export(args: argparse.Namespace) -> int:
    export_verdicts = _feature("arbiter.packages").export_verdicts

    db = _open_db(_db_url(args))
    try:
        lines, failed = export_verdicts(db, Path(args.out), args.case_ids, actor=_actor())
    finally:
        db.dispose()
    for line in lines:
        print(line)
    for line in failed:
        print(line, file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK


def import_and_report(args: argparse.Namespace, import_packages) -> int:
    """Run a package importer (verdict or QA packages) over ``args.packages``: one line per package, refusals on
    stderr, exit 1 when any was refused."""
    db = _open_db(_db_url(args))
    refused = 0
    try:
        for outcome in import_packages(db, args.packages, actor=_actor()):
            if outcome.status == "refused":
                refused += 1
                print(outcome.line(), file=sys.stderr)
            else:
                print(outcome.line())
    finally:
        db.dispose()
    return EXIT_FAILED if refused else EXIT_OK


def cmd_verdicts_import(args: argparse.Namespace) -> int:
    return import_and_report(args, _feature("arbiter.packages").import_packages)


def cmd_demo_build(args: argparse.Namespace) -> int:
    build_demo = _feature("arbiter.demo").build_demo

    summary = build_demo(Path(args.dir))
    print(summary)
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    handler = getattr(args, "trust_handler", None)
    if handler is None:  # pragma: no cover - argparse requires the action
        raise CommandError("missing action")
    return handler(args)


__all__ = ["add_commands", "load_signer", "run"]

