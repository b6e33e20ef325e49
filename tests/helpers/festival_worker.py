"""Another computer on the same server festival, for tests: its own process, driven by
JSON lines on stdin, answering one JSON line each on stdout.

    python tests/helpers/festival_worker.py URL

Operations: {"op": "read_booth", "id": N} keeps the booth as read now;
{"op": "save_booth", "changes": {...}} saves the kept booth with these changes;
{"op": "add_booth", "code": "M-99", "venue_id": N} adds a booth;
{"op": "add_troupe", "name": ..., "city": ...} adds a troupe;
{"op": "move_item", "id": N, "minutes": M} moves a program item M minutes later;
{"op": "quit"}.
An answer is {"ok": ...} or {"error": "<the message a person would see>", "kind": ...}.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from festival_app.domain.booths import Booth, BoothCategory
from festival_app.domain.errors import ValidationError
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store.errors import StoreError


def main() -> int:
    service = FestivalService.open_server(sys.argv[1])
    kept: Booth | None = None
    print(json.dumps({"ok": "ready", "who": service.db.who}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        try:
            if op == "quit":
                break
            if op == "read_booth":
                kept = service.get(Booth, command["id"])
                answer: dict[str, object] = {"ok": kept is not None}
            elif op == "save_booth":
                assert kept is not None
                kept, _ = service.save(replace(kept, **command["changes"]))
                answer = {"ok": kept.row_version}
            elif op == "add_troupe":
                troupe, _ = service.save(Troupe(command["name"], city_en=command["city"]))
                answer = {"ok": troupe.id}
            elif op == "move_item":
                item = service.get(ProgramItem, command["id"])
                assert item is not None
                later = timedelta(minutes=command["minutes"])
                moved, _ = service.save(
                    replace(
                        item,
                        start=(datetime.combine(date.min, item.start) + later).time(),
                        end=(datetime.combine(date.min, item.end) + later).time(),
                    )
                )
                answer = {"ok": moved.row_version}
            elif op == "add_booth":
                stored, _ = service.save(
                    Booth(command["venue_id"], BoothCategory.FOOD, command["code"], "JP")
                )
                answer = {"ok": stored.id}
            else:
                answer = {"error": f"unknown op {op}"}
        except ValidationError as exc:
            answer = {"error": str(exc), "kind": "validation"}
        except StoreError as exc:
            answer = {"error": exc.message(), "kind": type(exc).__name__}
        print(json.dumps(answer, ensure_ascii=False), flush=True)
    service.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
