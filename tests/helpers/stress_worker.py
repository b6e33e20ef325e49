"""One of several computers editing one server festival at random, for the stress test.

    python tests/helpers/stress_worker.py URL SEED EDITS OUT.json

Each edit reads a record, waits a moment (someone typing), changes it and saves: a
troupe's phone, a program item's notes and time, a booth's space code. Writes that others
made stale, and codes others took, are refused; the worker notes every accepted write
(table, id, the row version it wrote, the values) and every refusal into OUT.json.
"""

from __future__ import annotations

import json
import random
import sys
import time
from dataclasses import replace
from datetime import time as clock
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from festival_app.domain.booths import Booth
from festival_app.domain.errors import ValidationError
from festival_app.domain.program import ProgramItem
from festival_app.domain.troupes import Troupe
from festival_app.services import FestivalService
from festival_app.store.errors import StaleRecordError
from tests.helpers.releases import stored_id


def main() -> int:
    url, seed, edits, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    rng = random.Random(seed)
    service = FestivalService.open_server(url)
    troupe_ids = [stored_id(t) for t in service.troupes()]
    item_ids = [stored_id(i) for i in service.program()]
    booths = service.booths()
    booth_ids = [stored_id(b) for b in booths]
    # The spaces of each booth area: "M-01" to "M-60".
    spaces = {
        v.id: [f"{v.code_prefix}-{k:02d}" for k in range(1, (v.booth_spaces or 0) + 1)]
        for v in service.venues()
    }
    accepted: list[list[object]] = []
    refused = {"stale": 0, "rule": 0}
    for n in range(edits):
        kind = rng.choice(("troupe", "program_item", "booth"))
        try:
            if kind == "troupe":
                troupe = service.get(Troupe, rng.choice(troupe_ids))
                assert troupe is not None
                time.sleep(rng.random() * 0.003)
                stored, _ = service.save(replace(troupe, phone=f"{seed}-{n}"))
                accepted.append([kind, stored.id, stored.row_version, {"phone": stored.phone}])
            elif kind == "program_item":
                item = service.get(ProgramItem, rng.choice(item_ids))
                assert item is not None
                time.sleep(rng.random() * 0.003)
                start = item.start_min + rng.choice((-5, 5))
                length = item.end_min - item.start_min
                moved = replace(
                    item,
                    notes=f"{seed}-{n}",
                    start=clock(start // 60, start % 60),
                    end=clock((start + length) // 60, (start + length) % 60),
                )
                stored_item, _ = service.save(moved)
                accepted.append(
                    [
                        kind,
                        stored_item.id,
                        stored_item.row_version,
                        {"notes": stored_item.notes, "start": stored_item.start.strftime("%H:%M")},
                    ]
                )
            else:
                booth = service.get(Booth, rng.choice(booth_ids))
                assert booth is not None
                time.sleep(rng.random() * 0.003)
                code = rng.choice(spaces[booth.venue_id])
                stored_booth, _ = service.save(replace(booth, code=code, notes=f"{seed}-{n}"))
                accepted.append(
                    [kind, stored_booth.id, stored_booth.row_version, {"code": stored_booth.code}]
                )
        except StaleRecordError:
            refused["stale"] += 1
        except ValidationError:
            refused["rule"] += 1
    service.close()
    out.write_text(json.dumps({"accepted": accepted, "refused": refused}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
