"""Start the workstation: ``run(db_url, demo) -> exit code`` (what ``arbiter`` and ``arbiter --demo`` call).

Order of things: the QApplication (names, icon, bundled CJK font), translations from the saved setting or the
system locale, a last-resort exception hook (plain-words dialog + log, the app keeps running), the database, the
main window. ``--demo`` opens a fresh database in a temporary folder and imports the sample bundles in the
background, so the window is up at once and the queue fills as they land.
"""
from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import arbiter
from arbiter.resources import resource_path
from arbiter.ui import i18n, tasks

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls

log = logging.getLogger("arbiter.ui")

ORGANIZATION = "arbiter"
APPLICATION = "arbiter"
DISPLAY_NAME = "Arbiter"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, created once (tests get pytest-qt's)."""
    _pin_none()
    app = QApplication.instance()
    if app is None:
        # Qt 6 scales for high-DPI screens by itself; pass fractional factors (125 %, 150 %) through so text
        # stays sharp.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(DISPLAY_NAME)
    app.setApplicationVersion(arbiter.__version__)
    app.setDesktopFileName("arbiter")
    _add_bundled_fonts()
    from arbiter.ui.main_window import app_icon

    app.setWindowIcon(app_icon())
    return app


def _pin_none() -> None:
    """PySide6 6.12 on Python 3.11 over-releases None on void calls; a long painting session would abort with
    "none_dealloc". The case-view team's workaround (arbiter/ui/modelutil.py) makes None immortal in practice."""
    try:
        from arbiter.ui.modelutil import pin_none_refcount
    except ImportError:
        return
    pin_none_refcount()


def _add_bundled_fonts() -> None:
    """Register the shipped CJK font so Chinese shows on a machine without one (it becomes a fallback)."""
    try:
        font_file = resource_path("fonts", "wqy-microhei.ttc")
    except FileNotFoundError:
        return
    if font_file.exists() and "WenQuanYi Micro Hei" not in QFontDatabase.families():
        if QFontDatabase.addApplicationFont(str(font_file)) < 0:
            log.warning("could not register %s", font_file)


# -- errors nobody caught -----------------------------------------------------------------------------------------
class ExceptionHook:
    """Replaces ``sys.excepthook``: logs the traceback and shows what happened in words; never quits the app.
    Re-entrant failures (an error while showing an error) are only logged."""

    def __init__(self) -> None:
        self.previous = sys.excepthook
        self.showing = False
        self.last: BaseException | None = None

    def install(self) -> ExceptionHook:
        sys.excepthook = self
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self.previous

    def __call__(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error:\n%s", details)
        self.last = exc
        if self.showing or QApplication.instance() is None:
            return
        self.showing = True
        try:
            from arbiter.ui.widgets.common import plain_error

            box = QMessageBox(QApplication.activeWindow())
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(translate("App", "Something went wrong"))
            box.setText(translate("App", "Arbiter ran into a problem it did not expect: %1")
                        .replace("%1", plain_error(exc)))
            box.setInformativeText(translate("App", "Your saved work is safe. You can carry on; if it happens "
                                                    "again, send the "
                                      "details below and the log file to support."))
            box.setDetailedText(details)
            box.exec()
        except Exception:  # noqa: BLE001
            log.exception("showing the error dialog failed")
        finally:
            self.showing = False


def _setup_logging() -> Path | None:
    from arbiter.paths import data_dir

    root = logging.getLogger("arbiter")
    if any(getattr(h, "_arbiter", False) for h in root.handlers):
        return None
    try:
        folder = data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "arbiter.log", encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
        folder = None
    handler._arbiter = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder


# -- the workstation ----------------------------------------------------------------------------------------------
@dataclass
class Workstation:
    """What ``start`` built: the window, the database, and (for ``--demo``) the temporary folder and import."""

    window: object
    db: object
    repo: object
    db_url: str
    demo_dir: Path | None = None
    demo_task: tasks.Task | None = None
    outcomes: list = field(default_factory=list)

    def close(self) -> None:
        tasks.runner().wait(10_000)
        close = getattr(self.db, "close", None)
        if callable(close):
            try:
                close()
            except Exception:  # noqa: BLE001
                log.exception("closing the database failed")
        if self.demo_dir is not None:
            shutil.rmtree(self.demo_dir, ignore_errors=True)


def sample_bundles() -> list[Path]:
    try:
        folder = resource_path("samples")
    except FileNotFoundError:
        return []
    return sorted(folder.glob("*.arbcase"))


def describe_db(db_url: str) -> str:
    """Where the database is, for the status bar: the file for SQLite, the URL without a password otherwise."""
    try:
        from sqlalchemy.engine import make_url

        url = make_url(db_url)
        if url.get_backend_name() == "sqlite":
            return url.database or ":memory:"
        return url.render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001
        return db_url


def start(db_url: str | None, demo: bool = False, supervisor: bool = False) -> Workstation:
    """Open the database and show the main window (raises ``arbiter.store.DatabaseError`` and friends)."""
    from arbiter.store import Repository, open_database
    from arbiter.ui.main_window import MainWindow

    demo_dir = None
    if demo:
        demo_dir = Path(tempfile.mkdtemp(prefix="arbiter-demo-"))
        db_url = f"sqlite:///{demo_dir / 'demo.db'}"
    if not db_url:
        from arbiter.paths import default_db_url

        db_url = default_db_url()
    try:
        db = open_database(db_url)
    except BaseException:
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        raise
    repo = Repository(db)
    location = describe_db(db_url)
    window = MainWindow(db, repo, location, demo=demo)
    from arbiter.ui.identity_dialog import load_quietly

    window.identity = load_quietly(demo)[0]   # run() asks for what is missing (first start, passphrase)
    station = Workstation(window, db, repo, db_url, demo_dir)
    from arbiter.ui import supervisor as supervisor_rooms  # issue 12: the identity's role opens the desk

    if demo and supervisor:
        from arbiter.ui.supervisor.demo import supervisor_identity

        window.identity = supervisor_identity()
    window.show()
    supervisor_rooms.maybe_attach_desk(window)
    if demo and supervisor:
        station.demo_task = supervisor_rooms.load_supervisor_demo(window, db, demo_dir)
    elif demo:
        station.demo_task = load_samples(window, db)
    return station


def _import_dated_samples(ctx, db, bundles: list[Path], folder: Path) -> list:
    """The samples dated relative to today (arbiter/demo_dates.py), then imported (on the writer thread)."""
    from datetime import datetime, timezone

    from arbiter.demo_dates import dated_copies
    from arbiter.ui.import_dialog import import_paths

    dated = dated_copies(bundles, folder, datetime.now(timezone.utc))
    return import_paths(ctx, db, [str(p) for p in dated])


def load_samples(window, db) -> tasks.Task | None:
    """Import the bundled samples, dated relative to today, on the writer thread; the queue refreshes as each
    lands."""
    bundles = sample_bundles()
    if not bundles:
        window.statusBar().showMessage(translate("App", "No sample cases are installed."), 10000)
        return None
    window.statusBar().showMessage(translate("App", "Loading %1 sample cases…").replace("%1", str(len(bundles))))
    folder = Path(tempfile.mkdtemp(prefix="arbiter-demo-samples-"))
    task = tasks.run(_import_dated_samples, db, bundles, folder, writes=True, context=True, name="demo-import")
    task.ended.connect(lambda: shutil.rmtree(folder, ignore_errors=True))
    task.partial.connect(lambda outcome: window.refresh_queue())

    def done(outcomes: list) -> None:
        refused = [o for o in outcomes if o.status == "refused"]
        stored = len(outcomes) - len(refused)
        text = translate("App", "Demo: %1 sample cases loaded.").replace("%1", str(stored))
        if refused:
            text += " " + translate("App", "%1 could not be loaded (%2).").replace("%1", str(len(refused))).replace(
                "%2", "; ".join(f"{o.name}: {o.reason}" for o in refused))
        window.statusBar().showMessage(text, 15000)
        window.refresh_queue()

    task.finished.connect(done)
    task.failed.connect(lambda exc: window.statusBar().showMessage(
        translate("App", "The sample cases could not be loaded: %1").replace("%1", str(exc)), 15000))
    return task


def run(db_url: str | None, demo: bool = False, supervisor: bool = False) -> int:
    """The workstation's main loop; returns the process exit code."""
    app = create_application()
    _setup_logging()
    i18n.install(i18n.preferred_language())
    hook = ExceptionHook().install()
    try:
        try:
            station = start(db_url, demo, supervisor)
        except Exception as exc:  # noqa: BLE001 - the one place a start-up failure is explained
            log.exception("start-up failed")
            from arbiter.ui.widgets.common import plain_error

            QMessageBox.critical(None, translate("App", "Arbiter cannot start"),
                                 translate("App", "The database could not be opened: %1")
                                 .replace("%1", plain_error(exc)))
            return 1
        if not demo and station.window.identity is None:
            from arbiter.ui.identity_dialog import ensure_identity

            ensure_identity(station.window)
            from arbiter.ui.supervisor import maybe_attach_desk

            maybe_attach_desk(station.window)
        code = app.exec()
        station.close()
        return code
    finally:
        hook.uninstall()


if __name__ == "__main__":  # python -m arbiter.ui.app [--demo] [DB_URL]
    args = sys.argv[1:]
    raise SystemExit(run(next((a for a in args if not a.startswith("-")), None), demo="--demo" in args))
