"""Publishing one version of the program into a folder: schedule.xml, schedule.json,
index.html with style.css and script.js, and changes.xml, all replaced at once."""

from __future__ import annotations

import logging
from pathlib import Path

from festival_app import releasing
from festival_app.domain.changes import ChangeSet, compare
from festival_app.domain.releases import Release, Snapshot
from festival_app.exports.common import Cancelled, ExportError, Progress, Steps, message
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.publishing import feed, folder, model, schedule, site
from festival_app.services import FestivalService

logger = logging.getLogger(__name__)

FILES = ("schedule.xml", "schedule.json", "index.html", "style.css", "script.js", "changes.xml")


def _history(
    service: FestivalService, upto: Release | None, upto_snapshot: Snapshot | None = None
) -> list[tuple[Release, ChangeSet | None]]:
    """Every release up to `upto` (all when None), each with its changes since the one
    before (`upto_snapshot`: `upto`'s, read already)."""
    repo = releasing.repository(service)
    out: list[tuple[Release, ChangeSet | None]] = []
    previous = None
    for found in releasing.releases(service):
        assert found.id is not None
        if upto is not None and upto_snapshot is not None and found.id == upto.id:
            snap = upto_snapshot
        else:
            snap = repo.snapshot(found.id)
        out.append((found, compare(previous, snap) if previous is not None else None))
        previous = snap
        if upto is not None and found.id == upto.id:
            break
    return out


def publish(
    service: FestivalService,
    out_dir: str | Path,
    *,
    release: str | None = None,
    base_url: str = "",
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Path:
    """Publish release `release` (None: the newest; "now": the program as it is) into
    `out_dir`, replacing what was published there before, whole.

    ExportError (bad input) for an unknown release, no release at all, a base URL that
    is not http(s), or a folder that must not be replaced; ExportCancelled when
    `cancelled()` turns true (nothing changes then).
    """
    out = Path(out_dir)
    if base_url and not base_url.startswith(("http://", "https://")):
        raise ExportError(
            message(
                N("Export", "The base URL must start with http:// or https://, not '{value}'."),
                value=base_url,
            )
        )
    folder.check_target(out, service.path)
    try:
        pub = model.load(service, release, base_url)
    except releasing.UnknownReleaseError as exc:
        raise ExportError(exc.message()) from exc
    except model.NothingReleasedError as exc:
        raise ExportError(
            message(
                N(
                    "Export",
                    "There is no release yet. Release the program first (Tools > Release "
                    "this version…, or 'festival-app release'); on the command line, "
                    "--release now publishes the program as it is now.",
                )
            )
        ) from exc
    steps = Steps(len(FILES) + 1, progress, cancelled)
    history = _history(service, pub.release, pub.snapshot)
    changes, since = None, ""
    if pub.release is not None and len(history) >= 2:
        changes, since = history[-1][1], history[-2][0].name
    elif pub.release is None and history:
        changes = compare(
            releasing.repository(service).snapshot(history[-1][0].id or 0), pub.snapshot
        )
        since = history[-1][0].name

    def write(into: Path) -> None:
        contents = {
            "schedule.xml": lambda: schedule.schedule_xml(pub),
            "schedule.json": lambda: schedule.schedule_json(pub),
            "index.html": lambda: site.index_html(pub, changes, since),
            "style.css": lambda: site.STYLE_CSS.encode("utf-8"),
            "script.js": lambda: site.SCRIPT_JS.encode("utf-8"),
            "changes.xml": lambda: feed.changes_atom(pub, history),
        }
        for name in FILES:
            (into / name).write_bytes(contents[name]())
            steps.step()

    folder.replace_folder(out, write, service.path)
    steps.finish()
    logger.info("published %s into %s", pub.version, out)
    return out
