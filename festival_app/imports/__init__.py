"""Importing applications from Excel workbooks, and the workbook template.

The import runs in three steps, each usable on its own:

1. `reader.read_workbook(path)` checks the file is a safe, sane .xlsx and turns it into
   raw rows: {sheet title: RawSheet(headers, [(row number, {header: cell value})])}.
2. `plan.make_plan(service, raw)` normalises every cell, resolves rows to existing
   records (update, don't duplicate) and returns an `ImportPlan`: what would be created,
   updated or left unchanged, and every problem with sheet, row, column and suggestion.
   A blank cell keeps the stored value; "(clear)" empties a field. `describe` words each
   change field by field for the preview; `workbook.replan` leaves unticked rows out.
3. `apply.apply_plan(service, plan)` writes the plan in one `service.batch()`, so the
   whole import is one transaction and one undo step.

The 2018 sample festival (`sample.fill_with_sample`) enters at step 2 from JSON.
"""

from festival_app.imports.errors import ImportProblem, WorkbookError

__all__ = ["ImportProblem", "WorkbookError"]
