"""--help and usage errors in the chosen language; English exactly as argparse writes it."""

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


def test_english_help_is_argparse_s_own(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["--help"], "en", monkeypatch, capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[:3] == [
        "usage: festival-app [-h] [--version] [--db PATH] [--server URL] [--smoke-test]",
        "                    [--self-test] [--debug]",
        "                    COMMAND ...",
    ]
    assert lines[4] == (
        "Organizer for the Seoul Friendship Festival: venues, days, troupes, the stage"
    )
    assert "positional arguments:" in lines
    assert "options:" in lines
    assert "  -h, --help    show this help message and exit" in lines
    assert "  --version     show program's version number and exit" in lines
    assert "    check       list the program's clashes (exit code 1 when an unacknowledged" in lines

    _, out, _ = _run(["export", "--help"], "en", monkeypatch, capsys)
    assert out.splitlines()[:2] == [
        "usage: festival-app export [-h] (--db PATH | --server URL) --out PATH",
        "                           [--venue NAME] [--day YYYY-MM-DD]",
    ]
    assert (
        "  --venue NAME         only this venue, by its Korean or English name (repeat\n"
        "                       for several)\n"
    ) in out


def test_english_usage_errors_are_argparse_s_own(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(["check"], "en", monkeypatch, capsys)
    assert code == 2
    assert err.splitlines()[-1] == (
        "festival-app check: error: one of the arguments --db --server is required"
    )
    _, _, err = _run(["export", "pdf", "--db", "f", "--out", "o"], "en", monkeypatch, capsys)
    assert err.splitlines()[-1].startswith(
        "festival-app export: error: argument KIND: invalid choice: 'pdf' (choose from "
    )


def test_help_in_korean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(["--help"], "ko", monkeypatch, capsys)
    assert code == 0
    assert out.startswith("사용법: festival-app [-h] [--version]")
    assert "서울세계도시문화축제 운영 프로그램" in out  # the program's description, official name
    assert "\n위치 인자:\n" in out and "\n옵션:\n" in out
    assert "  -h, --help    이 도움말을 보여 주고 종료합니다\n" in out
    assert "  --version     프로그램 버전을 보여 주고 종료합니다\n" in out
    assert "백업에서 축제 파일을 복원합니다" in out  # a sub-command's help
    assert "show this help" not in out and "options:" not in out

    _, out, _ = _run(["export", "--help"], "ko", monkeypatch, capsys)
    assert "  --out PATH           저장할 파일\n" in out  # an argument's help
    assert "  --db PATH            축제 파일\n" in out
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
            ["check", "--db", "f", "--language", "fr"],
            "festival-app check: 오류: --language 인자: 잘못된 값입니다: 'fr' "
            "(다음 중에서 고르십시오: 'en', 'ko')",
        ),
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
