"""Another computer on a server festival: a worker process of its own
(tests/helpers/festival_worker.py), signed in as its own account, driven line by line."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

WORKER = Path(__file__).resolve().parent / "festival_worker.py"
# A worker silent this long is stuck, not slow: the test fails instead of hanging CI.
STUCK_AFTER_S = 300


class Computer:
    """One worker process, signed in as its own editor account."""

    def __init__(self, url: str, password: str) -> None:
        import os

        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), url],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PGPASSWORD": password},
        )
        # Its lines, read in a thread of their own so that waiting for one can end.
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.who = str(self.answer()["who"])

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line)
        self.lines.put("")  # the worker ended

    def answer(self) -> dict[str, Any]:
        try:
            line = self.lines.get(timeout=STUCK_AFTER_S)
        except queue.Empty:
            self.process.kill()
            raise AssertionError(f"the worker said nothing for {STUCK_AFTER_S} s") from None
        assert line, "the worker ended"
        return dict(json.loads(line))

    def ask(self, **command: Any) -> dict[str, Any]:
        self.send(**command)
        return self.answer()

    def close(self) -> None:
        if self.process.poll() is None:
            self.send(op="quit")
            self.process.wait(timeout=30)
