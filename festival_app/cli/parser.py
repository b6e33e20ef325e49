"""argparse in the program's language: help, usage and usage errors.

argparse runs its own words ("usage: ", "options", its error messages) through
`gettext.gettext`, which only finds compiled .mo catalogues for the system's locale. The
program's language is chosen otherwise (FESTIVAL_APP_LANG, the Language setting) and its
texts live in the Qt translation file, so rather than replacing argparse's private `_`
this parser hands argparse translated words where it takes them: the help of -h and
--version as `help=`, the usage prefix and section headings through the help formatter,
and the error messages, which reach `error()` already filled in, by matching them against
argparse's English templates (context "argparse" below) and filling in the translation.
A message no template matches stays English. In English everything is argparse's own,
byte for byte; Korean lines are wrapped by their width on screen, where a Hangul
syllable takes two columns.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable
from typing import Any, NoReturn

from festival_app.i18n import QT_TRANSLATE_NOOP as N
from festival_app.i18n import translate

CONTEXT = "argparse"
USAGE = N("argparse", "usage: ")
HELP = N("argparse", "show this help message and exit")
VERSION = N("argparse", "show program's version number and exit")
ERROR = N("argparse", "%(prog)s: error: %(message)s")
# The headings argparse gives its two argument groups (start_section translates them).
HEADINGS = (N("argparse", "positional arguments"), N("argparse", "options"))
# argparse's templates (Python 3.11 to 3.13) of the usage errors this program's
# arguments can give; "argument X: ..." wraps the others.
ERRORS = (
    N("argparse", "argument %(argument_name)s: %(message)s"),
    N("argparse", "the following arguments are required: %s"),
    N("argparse", "invalid choice: %(value)r (choose from %(choices)s)"),
    N("argparse", "unrecognized arguments: %s"),
    N("argparse", "expected one argument"),
    N("argparse", "not allowed with argument %s"),
    N("argparse", "ambiguous option: %(option)s could match %(matches)s"),
    N("argparse", "ignored explicit argument %r"),
    N("argparse", "one of the arguments %s is required"),
)

_SLOT = re.compile(r"%\((\w+)\)[sr]|%[sr]")


def _template_pattern(template: str) -> re.Pattern[str]:
    """The template as a regular expression; each slot a group named after it ("_" for %s)."""
    parts: list[str] = []
    end = 0
    for slot in _SLOT.finditer(template):
        parts.append(re.escape(template[end : slot.start()]))
        parts.append(f"(?P<{slot.group(1) or '_'}>.+?)")
        end = slot.end()
    parts.append(re.escape(template[end:]))
    return re.compile("".join(parts), re.DOTALL)


_PATTERNS = [(template, _template_pattern(template)) for template in ERRORS]


def translate_error(message: str) -> str:
    """An argparse error message in the program's language (unchanged when unknown)."""
    for template, pattern in _PATTERNS:
        match = pattern.fullmatch(message)
        if match is not None:
            return _filled(translate(CONTEXT, template), match.groupdict())
    return message


def _filled(template: str, values: dict[str, str]) -> str:
    if "message" in values:  # "argument X: %(message)s" holds another of the messages
        values["message"] = translate_error(values["message"])
    return _SLOT.sub(lambda slot: values.get(slot.group(1) or "_", slot.group(0)), template)


def columns(text: str) -> int:
    """The width of `text` on a terminal: wide (Hangul, CJK) characters take two columns."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _wrap(text: str, width: int) -> list[str]:
    """Words of `text` in lines of at most `width` columns (a longer word on its own line)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and columns(line) + 1 + columns(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter with translated headings and usage prefix, and wrapping by
    screen width for text with wide characters (ASCII text is argparse's own)."""

    def start_section(self, heading: str | None) -> None:
        super().start_section(translate(CONTEXT, heading) if heading else heading)

    def _format_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None,
    ) -> str:
        if prefix is None:
            prefix = translate(CONTEXT, USAGE)
            if not prefix.isascii():
                # Lines that continue the usage are indented by the prefix's length, which
                # must be its width on screen: lay out with blanks that wide, then swap.
                blank = " " * columns(prefix)
                text = super()._format_usage(usage, actions, groups, blank)
                return prefix + text[len(blank) :]
        return super()._format_usage(usage, actions, groups, prefix)

    def _split_lines(self, text: str, width: int) -> list[str]:
        if text.isascii():
            return super()._split_lines(text, width)
        return _wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if text.isascii():
            return super()._fill_text(text, width, indent)
        return "\n".join(indent + line for line in _wrap(text, width - len(indent)))


class ArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser (and, through add_subparsers, its sub-command parsers) that
    speaks the program's language; see the module's description."""

    def __init__(self, prog: str | None = None, *, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(prog, add_help=False, **kwargs)
        if add_help:  # argparse's own -h/--help, with its help translated
            self.add_argument(
                "-h",
                "--help",
                action="help",
                default=argparse.SUPPRESS,
                help=translate(CONTEXT, HELP),
            )
        self.add_help = add_help

    def add_version_argument(self, version: str) -> None:
        """--version, with argparse's help for it translated."""
        self.add_argument(
            "--version", action="version", version=version, help=translate(CONTEXT, VERSION)
        )

    def error(self, message: str) -> NoReturn:
        """As argparse's: the usage and the message on stderr, exit code 2; translated."""
        self.print_usage(sys.stderr)
        text = translate(CONTEXT, ERROR) % {"prog": self.prog, "message": translate_error(message)}
        self.exit(2, text + "\n")
