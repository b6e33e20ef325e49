"""Keep the Qt Linguist translations current: `update` the .ts sources, `release` the .qm.

    python tools/translations.py update    # extract every marked text into the .ts files
    python tools/translations.py release   # compile the .ts files into .qm with lrelease
    python tools/translations.py check     # exit 1 when a text is untranslated or a .qm is stale

`pyside6-lupdate` misses texts marked through aliases the code uses (`N(...)` for
`QT_TRANSLATE_NOOP`, module helpers such as `_tr(text)` that fix a context, `tr = self.tr`),
so the extraction reads the Python syntax tree itself. It finds:

- `N(context, text)`, `QT_TRANSLATE_NOOP(context, text)`, `translate(context, text)` and
  `QCoreApplication.translate(context, text)` with literal arguments;
- `self.tr(text)` and `tr(text)` after `tr = self.tr`, in the enclosing class's context;
- `helper(text)` where the module defines `def helper(text): return
  QCoreApplication.translate("Context", text)`.

Existing translations are kept; new texts are added as unfinished and vanished ones
dropped. The .ts files carry no line numbers, so moving code does not change them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "festival_app"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = {"ko": "ko_KR"}
NOOP_NAMES = {"N", "QT_TRANSLATE_NOOP", "translate", "QT_TRANSLATE_NOOP3"}

Key = tuple[str, str]


@dataclass
class Extraction:
    """Every marked text as (context, source), in first-seen order, with where it is."""

    messages: dict[Key, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def add(self, context: str, text: str, where: str) -> None:
        self.messages.setdefault((context, text), []).append(where)


def _literal(node: ast.expr) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level `def f(text): return QCoreApplication.translate("Ctx", text)`."""
    found: dict[str, str] = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or len(node.args.args) != 1:
            continue
        body = [n for n in node.body if not isinstance(n, ast.Expr)]
        if len(body) != 1 or not isinstance(body[0], ast.Return):
            continue
        call = body[0].value
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "translate"
            and len(call.args) == 2
            and _literal(call.args[0]) is not None
            and isinstance(call.args[1], ast.Name)
            and call.args[1].id == node.args.args[0].arg
        ):
            found[node.name] = _literal(call.args[0]) or ""
    return found


class _Visitor(ast.NodeVisitor):
    def __init__(self, out: Extraction, path: str, helpers: dict[str, str]) -> None:
        self.out = out
        self.path = path
        self.helpers = helpers
        self.classes: list[str] = []
        self.tr_aliases: list[set[str]] = [set()]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        aliases: set[str] = set()
        for sub in ast.walk(node):
            # `tr = self.tr`: later `tr("...")` calls translate in the class's context.
            if (
                isinstance(sub, ast.Assign)
                and len(sub.targets) == 1
                and isinstance(sub.targets[0], ast.Name)
                and isinstance(sub.value, ast.Attribute)
                and sub.value.attr == "tr"
            ):
                aliases.add(sub.targets[0].id)
        self.tr_aliases.append(aliases)
        self.generic_visit(node)
        self.tr_aliases.pop()

    visit_FunctionDef = _function
    visit_AsyncFunctionDef = _function

    def visit_Call(self, node: ast.Call) -> None:
        where = f"{self.path}:{node.lineno}"
        func = node.func
        name = func.id if isinstance(func, ast.Name) else None
        attr = func.attr if isinstance(func, ast.Attribute) else None
        args = node.args
        if (name in NOOP_NAMES or attr == "translate") and len(args) >= 2:
            context, text = _literal(args[0]), _literal(args[1])
            if context is not None and text is not None:
                self.out.add(context, text, where)
            elif isinstance(args[1], ast.JoinedStr):
                self.out.problems.append(f"{where}: an f-string cannot be translated")
        elif (attr == "tr" or name in self.tr_aliases[-1]) and len(args) == 1:
            text = _literal(args[0])
            if text is not None and self.classes:
                self.out.add(self.classes[-1], text, where)
            elif isinstance(args[0], ast.JoinedStr):
                self.out.problems.append(f"{where}: an f-string cannot be translated")
        elif name in self.helpers and len(args) == 1:
            text = _literal(args[0])
            if text is not None:
                self.out.add(self.helpers[name], text, where)
            elif isinstance(args[0], ast.JoinedStr):
                self.out.problems.append(f"{where}: an f-string cannot be translated")
        self.generic_visit(node)


def extract(package: Path = PACKAGE) -> Extraction:
    """Every translatable text of the package's Python sources."""
    out = Extraction()
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        relative = path.relative_to(package.parent).as_posix()
        _Visitor(out, relative, _helpers(tree)).visit(tree)
    return out


def read_ts(path: Path) -> dict[Key, tuple[str, bool]]:
    """(context, source) -> (translation, finished) of a .ts file."""
    result: dict[Key, tuple[str, bool]] = {}
    if not path.exists():
        return result
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            text = (translation.text or "") if translation is not None else ""
            finished = translation is not None and translation.get("type") is None and bool(text)
            result[(name, source)] = (text, finished)
    return result


def write_ts(path: Path, language: str, messages: dict[Key, tuple[str, bool]]) -> None:
    """Write the .ts file: contexts and messages sorted, so the file diffs well."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, list[tuple[str, str, bool]]] = {}
    for (context, source), (text, finished) in messages.items():
        by_context.setdefault(context, []).append((source, text, finished))
    for context in sorted(by_context):
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for source, text, finished in sorted(by_context[context]):
            message = ET.SubElement(element, "message")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            translation.text = text
            if not finished:
                translation.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def ts_path(code: str) -> Path:
    return TRANSLATIONS / f"festival_{code}.ts"


def qm_path(code: str) -> Path:
    return TRANSLATIONS / f"festival_{code}.qm"


def merged(code: str, extraction: Extraction) -> dict[Key, tuple[str, bool]]:
    """The extracted texts with the translations the .ts already has."""
    existing = read_ts(ts_path(code))
    return {key: existing.get(key, ("", False)) for key in extraction.messages}


def update() -> int:
    extraction = extract()
    for problem in extraction.problems:
        print(problem, file=sys.stderr)
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for code, language in LANGUAGES.items():
        messages = merged(code, extraction)
        write_ts(ts_path(code), language, messages)
        missing = sum(1 for _, finished in messages.values() if not finished)
        print(f"{ts_path(code).name}: {len(messages)} texts, {missing} unfinished")
    return 1 if extraction.problems else 0


def lrelease() -> str:
    """The lrelease program beside this Python (the venv's), else the one on PATH."""
    candidate = Path(sys.executable).parent / "pyside6-lrelease"
    return str(candidate) if candidate.exists() else "pyside6-lrelease"


def release_file(ts: Path, qm: Path) -> None:
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)


def release() -> int:
    for code in LANGUAGES:
        release_file(ts_path(code), qm_path(code))
        print(f"{qm_path(code).name} written")
    return 0


def check() -> int:
    """1 when a text is new, unfinished or vanished, or a .qm differs from its .ts."""
    import tempfile

    extraction = extract()
    failures = list(extraction.problems)
    for code in LANGUAGES:
        existing = read_ts(ts_path(code))
        for key in extraction.messages:
            if key not in existing:
                failures.append(f"{code}: not in the .ts: {key}")
            elif not existing[key][1]:
                failures.append(f"{code}: unfinished: {key}")
        for key in existing.keys() - extraction.messages.keys():
            failures.append(f"{code}: no longer in the code: {key}")
        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / "fresh.qm"
            release_file(ts_path(code), fresh)
            if not qm_path(code).exists() or fresh.read_bytes() != qm_path(code).read_bytes():
                failures.append(f"{code}: {qm_path(code).name} is older than its .ts")
    for failure in failures:
        print(failure, file=sys.stderr)
    return 1 if failures else 0


def main(argv: list[str]) -> int:
    actions = {"update": update, "release": release, "check": check}
    if len(argv) != 1 or argv[0] not in actions:
        print(__doc__, file=sys.stderr)
        return 2
    return actions[argv[0]]()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
