"""What vulture (the dead-code check, configured in pyproject.toml) cannot see being used.

vulture reads festival_app/ alone and reports every function, method, class, attribute
and variable that nothing there uses. The names below are used all the same: called by
Qt, reportlab or openpyxl, looked up by name, or kept for the tests. Each is listed as
an attribute of `_`, which is all vulture needs (it matches names, not objects); the
file is never imported by the program.

When code named here goes, its line goes too; a new entry says why the name is used.
"""

from types import SimpleNamespace

_ = SimpleNamespace()

# -- Qt calls these overrides (virtual methods of the classes they are defined on) ------
_.paint  # QGraphicsItem (gui/schedule/blocks.py)
_.mouseMoveEvent  # QGraphicsItem
_.helpEvent  # QGraphicsScene (tooltips)
_.drawBackground  # QGraphicsScene
_.drawForeground  # QGraphicsView
_.contextMenuEvent  # QGraphicsView
_.dragEnterEvent  # QGraphicsView
_.dragMoveEvent  # QGraphicsView
_.dropEvent  # QGraphicsView
_.mimeTypes  # QListWidget (gui/schedule/troupes_list.py)
_.createEditor  # QStyledItemDelegate (gui/widgets/record_table.py)
_.setEditorData  # QStyledItemDelegate
_.setModelData  # QStyledItemDelegate

# -- a check for mypy only: the scene is what its blocks expect of their host ----------
_._hosts_blocks  # gui/schedule/scene.py

# -- called by name: gui/listeners.py subscribe_weakly(service, owner, "method") ---------
_._on_change
_._service_changed
_.on_change  # gui/releases/extension.py: ChangeMarks.on_change

# -- kept alive by the window: objects that work through Qt signals once made ----------
_.languages  # the Language menu (MainWindow.languages; its tests drive it)
_.feedback  # MainWindow.feedback: EditFeedback, the status-bar sentence after an edit
_.undo_keys  # MainWindow.undo_keys: UndoKeys, Ctrl+Z/Ctrl+Y while a field is edited

# -- psycopg reads this attribute of a connection ----------------------------------------
_.prepare_threshold  # store/postgres.py: psycopg reads it; no prepared statements kept

# -- reportlab calls these overrides and reads these attributes -------------------------
_.draw  # Flowable.draw
_.apply  # ActionFlowable.apply
_.afterFlowable  # BaseDocTemplate.afterFlowable
_.keepWithNext  # Flowable.keepWithNext

# -- openpyxl reads these attributes when it writes the workbook ------------------------
_.number_format
_.freeze_panes
_.print_title_rows
_.paperSize
_.fitToWidth
_.fitToHeight
_.fitToPage
_.data_type
_.quotePrefix
_.sheet_state
_.alignment
_.comment
_.zoomScale

# -- used by the tests (or tools/) only: their handle on the code -----------------------
_.clash_key  # domain/clashes.py: what a clash's key is (clash_finder spells it out)
_.unplace  # site_plan.unplace: the tests take booths off the map as clearing a code does
_.for_field  # ValidationError.for_field: the problems of one field
_.query  # Database.query: reading a file back in the store's tests
_.uninstall  # language.uninstall: the counterpart of install, for the tests' languages
_.VERSIONED_TABLES  # store/schema.py: the tables with a row_version column
_.is_pending  # ClashPanel.is_pending
_.group_counts  # ClashPanel.group_counts
_.error_text  # editors: the message shown beside a field
_.replaced_by  # MainWindow.replaced_by: the window of the file opened in its place
_.text_lines  # TimetableBlock.text_lines: the lines a block shows
_.zoom_level  # TimetableWidget.zoom_level
_.forget_spellings  # imports/format.py: clears the cache of accepted spellings
_.menus  # MainWindow.menus
_.choose_language  # MainWindow.choose_language (tools/screenshots.py)
_.changed_since_baseline  # releasing.py: the items the timetable marks, as the tests state
# it (ChangeMarks reaches the same with the baseline's snapshot read once and kept)
_.view_of  # gui/team_mode.py: the team mode of a window (the team window tests)
