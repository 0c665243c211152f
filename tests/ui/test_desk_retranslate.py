"""A language switch while the supervisor's blind re-review form is open re-words it at once (issue 10): the
questions, the choices, the group titles and the live outcome, with the answers already chosen kept."""
from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel

from arbiter.ui import i18n
from tests.ui.test_desk_words import INTERNAL, desk  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui
CJK = re.compile(r"[\u4e00-\u9fff]")


def _texts(form) -> list[str]:
    texts = [label.text() for label in form.findChildren(QLabel) if label.text()]
    texts += [group.title() for group in form.findChildren(QGroupBox)]
    for box in form.findChildren(QComboBox):
        texts += [box.itemText(i) for i in range(1, box.count())]   # item 0 is "—"
    return texts


def test_an_open_blind_form_retranslates_and_keeps_its_answers(desk, qtbot):  # noqa: F811
    view, decided = desk
    view.inbox.rate.setValue(1.0)
    view.inbox.sample()
    item = next(i for i in view.inbox.model.items if decided[i.case_id]["answers"].get("jurisdiction"))
    view.open_rereview(item)
    form = view.rereview.form
    theirs = decided[item.case_id]["answers"]
    form.set_answers({"finding": theirs["finding"], "jurisdiction": theirs["jurisdiction"]})
    english = _texts(form)
    assert not any(CJK.search(t) for t in english)
    chosen = form.answers()
    try:
        i18n.install(i18n.CHINESE)     # what the Language menu does; Qt sends LanguageChange to the open desk
        qtbot.waitUntil(lambda: CJK.search(form.preview.text()) is not None, timeout=5_000)
        chinese = _texts(form)
        assert len(chinese) == len(english)
        still_english = [t for t in chinese if not CJK.search(t) and re.search(r"[A-Za-z]{4,}", t)
                         and not re.fullmatch(r"E\d+ \(.*\)|[A-Z]{3}", t)]
        assert still_english == [], still_english
        assert [t for t in chinese if INTERNAL.search(t)] == []
        assert form.finding.currentText() and CJK.search(form.finding.currentText())
        assert {k: v for k, v in form.answers().items() if k != "decided_at"} == \
            {k: v for k, v in chosen.items() if k != "decided_at"}
        assert CJK.search(view.rereview.title.text())
    finally:
        i18n.install(i18n.ENGLISH)
    qtbot.waitUntil(lambda: _texts(form) == english, timeout=5_000)
