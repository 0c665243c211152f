"""Which thread a store or file call ran on: the tests of "database and file work off the GUI thread" (issue 10)
wrap the real method, note the thread of every call and, when the test needs it, hold the call on a gate."""
from __future__ import annotations

import threading


class Gated:
    """Wraps ``owner.name`` (an object's method, or a class's for every instance): notes whether each call ran on
    the GUI thread, waits on ``gate`` when one is set, raises ``error`` when one is set, else calls the real one."""

    def __init__(self, owner, name: str, monkeypatch):
        self.real = getattr(owner, name)
        self.calls: list[bool] = []      # True: ran on the GUI thread
        self.gate: threading.Event | None = None
        self.error: BaseException | None = None
        if isinstance(owner, type):      # a class: a plain function, so each instance is passed on as self
            def method(obj, *args, **kwargs):
                return self(obj, *args, **kwargs)
            monkeypatch.setattr(owner, name, method)
        else:
            monkeypatch.setattr(owner, name, self)

    def __call__(self, *args, **kwargs):
        self.calls.append(threading.current_thread() is threading.main_thread())
        if self.gate is not None:
            assert self.gate.wait(20), "the test never opened the gate"
        if self.error is not None:
            raise self.error
        return self.real(*args, **kwargs)
