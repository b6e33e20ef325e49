"""The import report as plain text, for the command line (the dialog shows the same facts)."""

from __future__ import annotations

from festival_app import i18n
from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate
from festival_app.imports import describe
from festival_app.imports.plan import Change, FestivalChange, ImportPlan

CONTEXT = "Import"

HEADINGS = (
    N("Import", "Sheet"),
    N("Import", "Created"),
    N("Import", "Updated"),
    N("Import", "Unchanged"),
    N("Import", "Errors"),
)


def _t(text: str) -> str:
    return i18n.translate("Import", text)


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


def change_lines(
    change: Change | FestivalChange, plan: ImportPlan, language: str = "en"
) -> list[str]:
    """One change: the record and how the row found it, then for an update each field
    that changes, before and after."""
    lines = ["  " + describe.heading(change, plan.names, language)]
    if change.before is None:
        return lines
    empty = _t("(empty)")
    for field in describe.field_changes(change.before, change.after, plan.names, language):
        lines.append(
            "      "
            + _t("{column}: {before} → {after}").format(
                column=field.header(), before=field.before or empty, after=field.after or empty
            )
        )
    return lines


def render(plan: ImportPlan, source: str, *, applied: bool | None, language: str = "en") -> str:
    """The whole report; `applied` None for a dry run. Every record that changes is
    named, an update field by field."""
    lines = [_t("Import of {source}").format(source=source)]
    lines += counts_table(plan)
    shown = plan.shown()
    if shown and not plan.has_errors:
        lines.append(_t("Changes ({count}):").format(count=len(shown)))
        for change in shown:
            lines += change_lines(change, plan, language)
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
    created, updated, unchanged = plan.created, plan.updated, plan.unchanged
    if plan.has_errors:
        return _t("Nothing was imported: rows with errors: {count}.").format(count=plan.error_rows)
    if not plan.has_changes:
        if unchanged == 1:
            return _t("Nothing to change: the one row is unchanged.")
        return _t("Nothing to change: all {count} rows are unchanged.").format(count=unchanged)
    values = {"created": created, "updated": updated, "unchanged": unchanged}
    if applied is None:
        if created == 1:
            return _t(
                "Dry run: 1 record would be created, {updated} updated, "
                "{unchanged} unchanged. Nothing was written."
            ).format(**values)
        return _t(
            "Dry run: {created} records would be created, {updated} updated, "
            "{unchanged} unchanged. Nothing was written."
        ).format(**values)
    return _t("Imported: {created} created, {updated} updated, {unchanged} unchanged.").format(
        **values
    )
