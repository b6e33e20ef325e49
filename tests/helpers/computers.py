"""Another computer on a server festival: a worker process of its own
(tests/helpers/festival_worker.py), signed in as its own account, driven line by line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

WORKER = Path(__file__).resolve().parent / "festival_worker.py"


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
        self.who = str(self.answer()["who"])

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the worker ended"
        return dict(json.loads(line))

    def ask(self, **command: Any) -> dict[str, Any]:
        self.send(**command)
        return self.answer()

    def close(self) -> None:
        if self.process.poll() is None:
            self.send(op="quit")
            self.process.wait(timeout=30)
