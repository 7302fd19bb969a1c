"""The front door: `regiodocs --help` answered without click, with click's own words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from regiodocs.entry import help_texts
from regiodocs.help_texts import TEXTS


def test_the_stored_help_texts_are_what_click_writes_now() -> None:
    assert help_texts() == TEXTS, (
        "src/regiodocs/help_texts.py is verouderd: draai 'python -m regiodocs.entry --schrijf'"
    )
    assert set(TEXTS) >= {"", "build", "check", "wgr-toets", "preview"}


def _process(*args: str, columns: int, probe: bool = False) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": str(columns), "PYTHONPATH": str(ROOT / "src")}
    code = (
        "import sys\n"
        f"sys.argv = ['/usr/local/bin/regiodocs', *{list(args)!r}]\n"
        "from regiodocs.entry import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit as exit:\n"
        "    print('klik' if 'click' in sys.modules else 'zonder klik', exit.code, file=sys.stderr)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )


def test_help_in_a_process_is_clicks_text_without_importing_click(tmp_path: Path) -> None:
    for args, key in ((("--help",), ""), (("build", "-h"), "build")):
        result = _process(*args, columns=100)
        assert result.stdout == TEXTS[key]
        assert result.stderr == "zonder klik 0\n"


def test_a_narrow_terminal_or_other_arguments_go_to_click() -> None:
    narrow = _process("--help", columns=60)
    assert narrow.stderr == "klik 0\n"
    assert narrow.stdout != TEXTS[""] and narrow.stdout.startswith("Gebruik: regiodocs ")
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60
    unknown = _process("bouw", "--help", columns=100)  # not a command: click's own message
    assert unknown.stderr.startswith("Gebruik: regiodocs") or "Onbekend commando" in unknown.stderr
    assert unknown.stderr.endswith("klik 2\n")
    global_option = _process("-q", "--help", columns=100)
    assert global_option.stdout == TEXTS[""] and global_option.stderr == "klik 0\n"
