"""Content discovery: unreadable folders and files are errors, never an empty result.

Tests run as root, where chmod 000 does not stop a read; the permission errors are
simulated where the loader meets them (os.listdir, os.open, os.stat).
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from regiodocs.content import load


def _failing(real: Callable[..., Any], name: str) -> Callable[..., Any]:
    def fake(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path, *args, **kwargs)

    return fake


def test_an_unreadable_folder_is_an_error_not_zero_documents(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load.os, "listdir", _failing(os.listdir, "raadsvoorstellen"))
    result = run("check")
    assert result.exit_code == 1, result.output
    assert (
        "content/utrecht-west/raadsvoorstellen:1:1: fout: [raadsvoorstel] map raadsvoorstellen/ "
        "kan niet worden gelezen: geen leesrechten" in result.output
    )
    assert "0 raadsvoorstel(len)" not in result.output


def test_an_unreadable_file_is_an_error(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(load.os, "open", _failing(os.open, "regeling.yaml"))
    result = run("check")
    assert result.exit_code == 1, result.output
    assert (
        "content/utrecht-west/regeling.yaml:1:1: fout: [regeling] regeling.yaml kan niet "
        "worden gelezen: geen leesrechten" in result.output
    )


def test_an_unreachable_file_is_an_error_not_a_missing_one(
    run: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file the loader cannot even stat (no search permission) must not look optional."""
    monkeypatch.setattr(load.os, "stat", _failing(os.stat, "bestuur.yaml"))
    result = run("check")
    assert result.exit_code == 1, result.output
    assert "bestuur.yaml kan niet worden gelezen: geen leesrechten" in result.output


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
