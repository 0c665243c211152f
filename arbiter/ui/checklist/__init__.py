"""The verdict checklist (shared/spec/checklist.md): one widget per step under a thin shell.

    ChecklistPanel(review)          the shell: banner, the steps in a scroll area, sign / amend / export
    jurisdiction, evidence, finding, outcome, remedy, deadlines, rationale, signoff: one module per step
    preview                         a decision record in words
    dialogs                         the modal questions (tests replace them)

Every step reads the one review state (``review.state``, computed by the domain once per change) and writes
answers through the shell's ``answer`` callback; no step holds a rule.
"""
from arbiter.ui.checklist.panel import ChecklistPanel

__all__ = ["ChecklistPanel"]
