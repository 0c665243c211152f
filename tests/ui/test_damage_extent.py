"""Rules revision 2 in the checklist panel: the damage_extent question (002 "完全损坏") appears only with damaged,
through the real widgets on a real temporary SQLite database. A minimal control until the panel is rebuilt."""
from __future__ import annotations

import pytest

from arbiter.ui import checklist as cp
from tests.ui.checklist_support import Env, answer_supported_case, choice, click

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(tmp_path, qapp, qtbot):
    env = Env(tmp_path)
    p = cp.ChecklistPanel(env.session())
    qtbot.addWidget(p)
    p.resize(600, 900)
    p.show()
    yield p
    env.close()


def test_damage_extent_is_asked_only_with_damaged_seed_002(panel, qtbot):
    s = panel.session
    answer_supported_case(qtbot, panel)
    assert not panel.damage_box.isVisible()
    click(qtbot, choice(panel, "problem", "damaged"))
    assert s.assessment().asks_damage_extent
    assert panel.damage_box.isVisible()
    assert "damage_extent" in s.assessment().missing
    click(qtbot, choice(panel, "damage_extent", "partial"))
    assert s.answers["damage_extent"] == "partial"
    assessment = s.assessment()
    assert "damage_extent" not in assessment.missing and assessment.errors == ()
    assert assessment.record["remedy"]["return_required"] is True  # partly damaged: the goods go back
    click(qtbot, choice(panel, "damage_extent", "complete"))
    assert s.assessment().record["remedy"]["return_exemption"] == "damaged"
    # another problem withdraws the extent, so it is never refused as an answer without damaged
    click(qtbot, choice(panel, "problem", "serious_quality"))
    assert "damage_extent" not in s.answers or s.answers["damage_extent"] is None
    assert not panel.damage_box.isVisible()
    assert s.assessment().errors == ()
