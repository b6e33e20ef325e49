"""Finding user-visible text set in the interface without going through translation."""

from __future__ import annotations

import ast
import re
from pathlib import Path

# Methods whose string arguments a user reads.
TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setVerticalHeaderLabels",
    "setTabText",
    "setTabToolTip",
    "setItemText",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "showMessage",
    "addAction",
    "addMenu",
    "addTab",
    "addItem",
    "addItems",
    "addRow",
    "addButton",
    "setButtonText",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getOpenFileName",
    "getSaveFileName",
    "getExistingDirectory",
    "getText",
    "getItem",
}
# Widgets and objects whose constructor takes a text a user reads.
TEXT_CLASSES = {
    "QAction",
    "QLabel",
    "QPushButton",
    "QToolButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMessageBox",
    "QMenu",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QTableWidgetItem",
    "QUndoCommand",
    "QDockWidget",
    "QProgressDialog",
    "QCommandLinkButton",
}
# Paper sizes read the same in every language.
SAME_IN_EVERY_LANGUAGE = {"A4", "A3", "A2"}
# Text without words: punctuation, digits, slots like {0} or %1, symbols.
NO_WORDS = re.compile(r"^[\s\W\d_]*$|^(\s*(\{[a-z_0-9]*\}|%\d)\s*[\W\d_]*)*$")


def _has_words(text: str) -> bool:
    if text in SAME_IN_EVERY_LANGUAGE:
        return False
    stripped = re.sub(r"\{[a-z_0-9]*\}|%\d", "", text)
    return not NO_WORDS.match(text) and bool(re.search(r"[^\W\d_]", stripped))


def _strings(node: ast.expr) -> list[str]:
    """String literals a user would read among a call argument (lists, concatenations)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
        return ["".join(str(p) for p in parts) or "f-string"]
    if isinstance(node, ast.List | ast.Tuple):
        return [s for element in node.elts for s in _strings(element)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _strings(node.left) + _strings(node.right)
    return []


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def bare_texts(path: Path) -> list[str]:
    """'file:line: text' for every untranslated user-visible literal in `path`."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: list[str] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        if name not in TEXT_METHODS and name not in TEXT_CLASSES:
            continue
        receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
        if isinstance(receiver, ast.Name) and receiver.id in ("logger", "logging", "log"):
            continue  # log lines are for the developer, in English
        arguments = list(node.args)
        if name == "addItem" and len(arguments) >= 2:
            arguments = arguments[:-1]  # a combo box item's last argument is its data
        arguments += [k.value for k in node.keywords if k.arg != "objectName"]
        for argument in arguments:
            for text in _strings(argument):
                if _has_words(text):
                    found.append(f"{path}:{node.lineno}: {name}({text!r})")
    return found
