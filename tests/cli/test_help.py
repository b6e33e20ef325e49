"""--help and usage errors in the chosen language; English as argparse writes it.

argparse's wrapping, column widths and way of listing choices change between Python
versions, so help is compared flattened (line breaks and runs of spaces as one space)
and a list of choices by the choices it names.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from festival_app import i18n
from festival_app.cli import main
from festival_app.cli.parser import columns, translate_error

REPO = Path(__file__).resolve().parents[2]


def _run(
    argv: list[str], lang: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """main(argv) in `lang` on an 80-column terminal: exit code, stdout, stderr."""
    monkeypatch.setenv("FESTIVAL_APP_LANG", lang)
    monkeypatch.setenv("COLUMNS", "80")
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:
        main(argv)
    out = capsys.readouterr()
    return int(exited.value.code or 0), out.out, out.err


def _flat(text: str) -> str:
    """`text` with line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def _usage(out: str) -> str:
    """The usage paragraph of a help text (up to its first blank line), flattened."""
    return _flat(out.split("\n\n", 1)[0])


def test_english_help_is_argparse_s_own(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["--help"], "en", monkeypatch, capsys)
    assert code == 0
    assert _usage(out) == (
        "usage: festival-app [-h] [--version] [--db PATH] [--server URL] [--smoke-test]"
        " [--self-test] [--debug] COMMAND ..."
    )
    flat = _flat(out)
    assert "Organizer for the Seoul Friendship Festival: venues, days, troupes, the stage" in flat
    assert "\npositional arguments:\n" in out and "\noptions:\n" in out
    assert "-h, --help show this help message and exit" in flat
    assert "--version show program's version number and exit" in flat
    assert "check list the program's clashes (exit code 1 when an unacknowledged" in flat
    assert max(len(line) for line in out.splitlines()) <= 80  # wrapped to the terminal

    _, out, _ = _run(["export", "--help"], "en", monkeypatch, capsys)
    assert _usage(out) == (
        "usage: festival-app export [-h] (--db PATH | --server URL) --out PATH"
        " [--venue NAME] [--day YYYY-MM-DD] [--lang {ko,en,both}] [--paper {A4,A3,A2}]"
        " [--landscape | --portrait] [--font TTF] KIND"
    )
    assert (
        "--venue NAME only this venue, by its Korean or English name (repeat for several)"
    ) in _flat(out)


def test_english_usage_errors_are_argparse_s_own(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["check"], "en", monkeypatch, capsys)
    assert code == 2
    assert err.splitlines()[-1] == (
        "festival-app check: error: one of the arguments --db --server is required"
    )
    _, _, err = _run(["export", "pdf", "--db", "f", "--out", "o"], "en", monkeypatch, capsys)
    last = err.splitlines()[-1]
    assert last.startswith(
        "festival-app export: error: argument KIND: invalid choice: 'pdf' (choose from "
    )
    assert all(kind in last for kind in ("timetable", "booths-pdf", "roster", "calendar"))


def test_help_in_korean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["--help"], "ko", monkeypatch, capsys)
    assert code == 0
    assert out.startswith("사용법: festival-app [-h] [--version]")
    assert "서울세계도시문화축제 운영 프로그램" in out  # the program's description, official name
    assert "\n위치 인자:\n" in out and "\n옵션:\n" in out
    assert "-h, --help 이 도움말을 보여 주고 종료합니다" in _flat(out)
    assert "--version 프로그램 버전을 보여 주고 종료합니다" in _flat(out)
    assert "백업에서 축제 파일을 복원합니다" in out  # a sub-command's help
    assert "show this help" not in out and "options:" not in out

    _, out, _ = _run(["export", "--help"], "ko", monkeypatch, capsys)
    assert "--out PATH 저장할 파일 " in _flat(out)  # an argument's help
    assert "--db PATH 축제 파일 " in _flat(out)
    assert out.count("축제 파일로 인쇄물, 엑셀 파일") == 1  # the description
    assert "\n위치 인자:\n" in out and "\n옵션:\n" in out


def test_korean_help_fits_the_terminal(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A Hangul syllable takes two columns: lines are wrapped by their width on screen."""
    for argv in (["--help"], ["export", "--help"], ["check", "--help"], ["restore", "--help"]):
        _, out, _ = _run(argv, "ko", monkeypatch, capsys)
        lines = out.splitlines()
        assert max(columns(line) for line in lines) <= 78, argv
        assert len([line for line in lines if line.strip()]) > 8
    # The usage's second line lines up under the first one's arguments.
    _, out, _ = _run(["export", "--help"], "ko", monkeypatch, capsys)
    first, second = out.splitlines()[:2]
    assert first.startswith("사용법: festival-app export [-h]")
    indent = len(second) - len(second.lstrip())
    assert indent == columns("사용법: festival-app export ")


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["check"], "festival-app check: 오류: --db --server 인자 중 하나가 필요합니다"),
        (["check", "--db"], "festival-app check: 오류: --db 인자: 값이 하나 필요합니다"),
        (["init", "a", "b"], "festival-app: 오류: 알 수 없는 인자입니다: b"),
        (
            ["export", "timetable", "--db", "f", "--out", "o", "--landscape", "--portrait"],
            "festival-app export: 오류: --portrait 인자: --landscape 인자와 함께 쓸 수 없습니다",
        ),
    ],
)
def test_usage_errors_in_korean_exit_2(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    expected: str,
) -> None:
    code, out, err = _run(argv, "ko", monkeypatch, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("사용법: festival-app")
    assert err.splitlines()[-1] == expected


def test_a_wrong_choice_in_korean_names_the_choices(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(["check", "--db", "f", "--language", "fr"], "ko", monkeypatch, capsys)
    assert code == 2
    assert out == ""
    last = err.splitlines()[-1]
    assert last.startswith(
        "festival-app check: 오류: --language 인자: 잘못된 값입니다: 'fr' (다음 중에서 고르십시오: "
    )
    assert last.endswith(")")
    choices = last.rsplit("고르십시오: ", 1)[1]
    assert sorted(c.strip(" ')") for c in choices.split(",")) == ["en", "ko"]


def test_an_unknown_command_in_korean_from_the_installed_command(tmp_path: Path) -> None:
    env = dict(os.environ, FESTIVAL_APP_LANG="ko", FESTIVAL_APP_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "festival_app", "no-such-command"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**env, "PYTHONIOENCODING": "utf-8"},
        cwd=REPO,
        timeout=60,
    )
    assert result.returncode == 2
    assert "festival-app: 오류: COMMAND 인자: 잘못된 값입니다: 'no-such-command'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_language_is_put_back_after_help(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    before = i18n.saved_state()
    _run(["--help"], "ko", monkeypatch, capsys)
    assert i18n.saved_state() == before


def test_an_unknown_message_is_left_as_it_is() -> None:
    assert translate_error("something argparse may say one day") == (
        "something argparse may say one day"
    )
