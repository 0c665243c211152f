"""The Chinese interface: the compiled .qm is there and loads, every message of the .ts is translated and keeps
its placeholders and accelerators, and a language switch retranslates what is on screen (the shell and an open
case) through the app's own i18n API."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator

from arbiter.resources import resource_path
from arbiter.ui import i18n

TRANSLATIONS = Path(resource_path("translations"))
TS = TRANSLATIONS / "arbiter_zh_CN.ts"
QM = TRANSLATIONS / "arbiter_zh_CN.qm"

# %1..%99, %L1, %n / %Ln (Qt), {name} / {0} (str.format)
PLACEHOLDER = re.compile(r"%L?\d{1,2}|%L?n|\{[A-Za-z_][A-Za-z0-9_]*\}|\{\d+\}")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _messages(include_vanished: bool = False):
    """(context, source, translation element) of every message of the .ts."""
    root = ET.parse(TS).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if not include_vanished and translation.get("type") in ("vanished", "obsolete"):
                continue
            yield name, message.findtext("source") or "", translation


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_qm_exists_and_loads(qapp):
    assert QM.is_file() and QM.stat().st_size > 0
    translator = QTranslator()
    assert translator.load("arbiter_zh_CN", str(TRANSLATIONS))
    assert not translator.isEmpty()
    assert translator.translate("MainWindow", "&File") == "文件(&F)"


def test_the_qm_is_not_older_than_the_ts():
    """scripts/update_translations.sh compiles the .qm after every change of the .ts."""
    assert QM.stat().st_mtime >= TS.stat().st_mtime - 2


def test_no_message_is_unfinished():
    unfinished = [(ctx, src) for ctx, src, tr in _messages()
                  if tr.get("type") == "unfinished" or not any(t.strip() for t in _texts(tr))]
    assert unfinished == [], f"{len(unfinished)} untranslated, e.g. {unfinished[:5]}"


def test_placeholders_survive_translation():
    wrong = []
    for ctx, src, tr in _messages(include_vanished=True):
        wanted = Counter(PLACEHOLDER.findall(src))
        for text in _texts(tr):
            if text and Counter(PLACEHOLDER.findall(text)) != wanted:
                wrong.append((ctx, src, text))
    assert wrong == []


def test_accelerators_survive_translation():
    wrong = []
    for ctx, src, tr in _messages():
        keys = re.findall(r"(?<!&)&([^&\s])", src)
        for text in _texts(tr):
            if keys and not any(f"&{k}" in text or f"&{k.upper()}" in text for k in keys):
                wrong.append((ctx, src, text))
    assert wrong == []


def test_translations_are_chinese():
    """Everything but names, codes and symbols reads in Chinese."""
    same_allowed = {"1:1", "TikTok Shop", "{question}: {problem}", "sha256: %1"}
    english = [(ctx, src, text) for ctx, src, tr in _messages() for text in _texts(tr)
               if src not in same_allowed and re.search(r"[A-Za-z]{3}", src) and not CJK.search(text)]
    assert english == []


def test_switching_language_retranslates_the_main_window(qtbot, tmp_path):
    from arbiter.ui import app as app_module

    station = app_module.start(f"sqlite:///{tmp_path}/w.db", False)
    window = station.window
    qtbot.addWidget(window)
    try:
        assert window.menu_file.title() == "&File"
        assert i18n.switch(i18n.CHINESE) == i18n.CHINESE
        qtbot.waitUntil(lambda: window.menu_file.title() == "文件(&F)")
        assert window.menu_language.title() == "语言(&L)"
        assert i18n.preferred_language() == i18n.CHINESE
        i18n.switch(i18n.ENGLISH)
        qtbot.waitUntil(lambda: window.menu_file.title() == "&File")
    finally:
        window.close()
        station.close()


# ---------------------------------------------------------------- an open case follows the switch
@pytest.fixture
def session(review_session):
    return review_session


def test_an_open_case_view_follows_the_language(qtbot, session):
    from arbiter.ui.case_view import CaseView

    view = CaseView(session)
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    qtbot.waitExposed(view)
    assert view.show_evidence("E1")
    chat = view.chats.panels[0]
    header = Qt.Orientation.Horizontal
    assert view.timeline_model.headerData(3, header) == "Event"
    seen: list[int] = []
    view.timeline_model.headerDataChanged.connect(lambda *_: seen.append(1))

    i18n.switch(i18n.CHINESE)
    qtbot.waitUntil(lambda: view.tabText(CaseView.TIMELINE) == "时间线")
    qtbot.waitUntil(lambda: CJK.search(view.evidence.actions_by_name["next"].text()) is not None)
    assert seen, "the timeline's views were not told that the headers changed"
    assert view.timeline_model.headerData(3, header) == "事件"
    assert CJK.search(view.evidence.meta.text() + view.evidence.role_badge.text())
    assert view.evidence.model.section_title("primary").startswith("买家")
    assert CJK.search(chat.summary.text()) and CJK.search(chat.read_badge.text())
    assert chat.model.headerData(0, header) == "时间"
    assert CJK.search(chat.prev_diff.text())
    assert CJK.search(view.chats.tabs.tabText(0))
    from PySide6.QtWidgets import QGroupBox
    qtbot.waitUntil(lambda: "订单" in [b.title() for b in view.facts.widget().findChildren(QGroupBox)])

    i18n.switch(i18n.ENGLISH)
    qtbot.waitUntil(lambda: view.tabText(CaseView.TIMELINE) == "Timeline")
    qtbot.waitUntil(lambda: view.evidence.actions_by_name["next"].text() == "Next ▶")
    assert view.timeline_model.headerData(3, header) == "Event"
    assert not CJK.search(chat.summary.text())


def test_session_messages_are_translated(session):
    i18n.install(i18n.CHINESE)
    from arbiter.ui import labels
    assert labels.question("finding") == "事实认定"
    blockers = session.sign_blockers()
    assert blockers and all(CJK.search(b) for b in blockers)


def test_every_context_is_a_class_that_asks_for_it():
    """lupdate puts `alias = self.tr; alias("...")` under the empty context and `other.tr("...")` under the
    variable's name, where PySide never looks at run time: write self.tr("...") or
    QCoreApplication.translate("ClassName", "...") instead."""
    odd = sorted({(ctx, src) for ctx, src, _tr in _messages() if not ctx or not ctx[0].isupper()})
    assert odd == []
