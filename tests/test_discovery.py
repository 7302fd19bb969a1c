"""Content discovery: a FIFO is refused without being opened, editor files are left out,
an empty region name is a usage error. Unreadable folders and files (an error, never an
empty result) are cases in tests/bad_input/ (272-278, fault `onleesbaar`)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from regiodocs.content import load


def test_a_fifo_is_refused_without_opening_it(tmp_path: Path) -> None:
    fifo = tmp_path / "regio.yaml"
    os.mkfifo(fifo)
    with pytest.raises(load.ContentError) as raised:
        load.load_yaml_file(fifo, "regio")  # would block forever if it were opened
    assert "regio.yaml is een FIFO (named pipe), geen YAML-bestand" in str(raised.value)


@pytest.mark.parametrize(
    ("name", "ignored"),
    [
        (".#01-voorstel.yaml", True),
        ("01-voorstel.yaml~", True),
        (".01-voorstel.yaml.swp", True),
        ("#01-voorstel.yaml#", True),
        ("~$01-voorstel.yaml", True),
        ("01-voorstel.yaml", False),
    ],
)
def test_editor_files_are_recognised(name: str, ignored: bool) -> None:
    assert load.is_editor_file(name) is ignored


def test_an_empty_region_name_is_a_usage_error(run: Callable[..., Result]) -> None:
    result = run("check", "--regio", "")
    assert result.exit_code == 2, result.output
    assert "onbekende regio ''" in result.output
