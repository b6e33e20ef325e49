"""The import report as plain text, for the command line (the dialog shows the same facts)."""

from __future__ import annotations

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.imports.plan import ImportPlan

CONTEXT = "Import"

HEADINGS = (
    N("Import", "Sheet"),
    N("Import", "Created"),
    N("Import", "Updated"),
    N("Import", "Unchanged"),
    N("Import", "Errors"),
)


def _t(text: str) -> str:
    return translate(CONTEXT, text)


def _width(text: str) -> int:
    # Hangul and other wide characters take two columns in a terminal.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - _width(text))
    return space + text if right else text + space


def counts_table(plan: ImportPlan) -> list[str]:
    headings = [_t(h) for h in HEADINGS]
    rows = [
        [
            translate("ImportSheet", sheet),
            str(c.created),
            str(c.updated),
            str(c.unchanged),
            str(c.errors),
        ]
        for sheet, c in plan.counts.items()
    ]
    widths = [max(_width(r[i]) for r in [headings, *rows]) for i in range(len(headings))]
    lines = []
    for row in [headings, *rows]:
        cells = [_pad(row[0], widths[0])]
        cells += [_pad(cell, widths[i], right=True) for i, cell in enumerate(row) if i]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def render(plan: ImportPlan, source: str, *, applied: bool | None) -> str:
    """The whole report; `applied` None for a dry run."""
    lines = [_t("Import of {source}").format(source=source)]
    lines += counts_table(plan)
    errors, warnings = plan.errors(), plan.warnings()
    if errors:
        lines.append(_t("Errors ({count}):").format(count=len(errors)))
        lines += ["  " + p.message() for p in errors]
    if warnings:
        lines.append(_t("Warnings ({count}):").format(count=len(warnings)))
        lines += ["  " + p.message() for p in warnings]
    lines.append(summary(plan, applied=applied))
    return "\n".join(lines)


def summary(plan: ImportPlan, *, applied: bool | None) -> str:
    created = sum(c.created for c in plan.counts.values())
    updated = sum(c.updated for c in plan.counts.values())
    unchanged = sum(c.unchanged for c in plan.counts.values())
    if plan.has_errors:
        return _t("Nothing was imported: rows with errors: {count}.").format(count=plan.error_rows)
    if not plan.has_changes:
        return _t("Nothing to change: all {count} rows are unchanged.").format(count=unchanged)
    values = {"created": created, "updated": updated, "unchanged": unchanged}
    if applied is None:
        return _t(
            "Dry run: {created} records would be created, {updated} updated, "
            "{unchanged} unchanged. Nothing was written."
        ).format(**values)
    return _t("Imported: {created} created, {updated} updated, {unchanged} unchanged.").format(
        **values
    )
