"""The preview's file cache: a save that changes the text of one line is applied to the
file already read, instead of parsing the whole file again.

Most saves while writing change one sentence: one plain scalar on one line (``tekst: ...``,
``- ...``). Re-reading the 35 kB regeling costs more than everything else in a refresh put
together, so when the old and the new bytes differ in exactly one line, and on that line
exactly the text of one plain scalar changed, the new value is read on its own by the same
YAML parser and put in a copy of the data (the other branches are shared; nothing in the
pipeline changes loaded data). Lines and columns stay where they were, so every position
stays right. Anything else (a key, a quote, a comment, a number, a second line, a scalar
that runs on to the next line, other line endings) goes through the normal full read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from regiodocs.content.load import (
    FileCache,
    SourceFile,
    UnreadableFile,
    _load_fast,
    read_regular_file,
)
from regiodocs.diagnostics import Diagnostic, YamlPath

# What may stand before a plain scalar on its line in block style: the indentation, any
# sequence dashes, and a plain key (as our content writes them) followed by ": ".
_PREFIX = re.compile(r"^ *(?:- +)*(?:[A-Za-z0-9_][A-Za-z0-9_ .-]*: +)?$")


class PreviewFiles(FileCache):
    def load(self, path: Path, root: str, problems: list[Diagnostic]) -> SourceFile | None:
        known = self._files.get((path, root))
        if known is not None:
            try:
                raw = read_regular_file(path)
            except UnreadableFile:
                raw = None
            if raw is not None and raw != known[0]:
                patched = patch_one_line(known[0], raw, known[1])
                if patched is not None:
                    self.models.pop(id(known[1]), None)
                    self._files[(path, root)] = (raw, patched)
                    return patched
        return super().load(path, root, problems)


def patch_one_line(old_raw: bytes, new_raw: bytes, old: SourceFile) -> SourceFile | None:
    """The file as a full read of ``new_raw`` would give it, or None when the change is not
    the text of a single one-line plain scalar."""
    if b"\r" in old_raw or b"\r" in new_raw or new_raw.startswith(b"\xef\xbb\xbf"):
        return None
    try:
        old_lines = old_raw.decode("utf-8").split("\n")
        new_lines = new_raw.decode("utf-8").split("\n")
    except UnicodeDecodeError:
        return None
    if len(old_lines) != len(new_lines):
        return None
    changed = [i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b]
    if len(changed) != 1:
        return None
    index = changed[0]
    before, after = old_lines[index], new_lines[index]
    found = _scalar_on_line(old, index + 1, before)
    if found is None:
        return None
    path, column = found
    prefix = before[: column - 1]
    if not after.startswith(prefix) or not _PREFIX.match(prefix):
        return None
    value = after[column - 1 :]
    if not value or value != value.strip() or _read_alone(value, old.root) != value:
        return None
    return SourceFile(
        path=old.path,
        root=old.root,
        data=_replaced(old.data, path, value),
        positions=old.positions,
        key_positions=old.key_positions,
    )


def _scalar_on_line(old: SourceFile, line: int, text: str) -> tuple[YamlPath, int] | None:
    """The path and column of the string scalar that fills ``text`` from its column to the
    end of the line (so it neither runs on to the next line nor has a comment after it)."""
    found = None
    for path, (at_line, column) in old.positions.items():
        if at_line != line or not path:
            continue
        value = _at(old.data, path)
        if type(value) is str and text[column - 1 :] == value:
            if found is not None:
                return None
            found = (path, column)
    return found


def _read_alone(value: str, root: str) -> str | None:
    """The value as the YAML parser reads it when it stands on its own after a key; None
    unless that is a plain string (a number, a date, a quote or a comment read otherwise)."""
    try:
        alone = _load_fast(f"k: {value}\n".encode(), Path("-"), root)
    except Exception:  # noqa: BLE001 - whatever the parser refuses goes the full way
        return None
    if alone is None or not isinstance(alone.data, dict) or list(alone.data) != ["k"]:
        return None
    read = alone.data["k"]
    return read if type(read) is str else None


def _at(data: Any, path: YamlPath) -> Any:
    for step in path:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _replaced(data: Any, path: YamlPath, value: str) -> Any:
    """A copy of ``data`` with ``value`` at ``path``: only the containers on the path are new."""
    if not path:
        return value
    step, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy_map = dict(data)
        copy_map[step] = _replaced(data[step], rest, value)
        return copy_map
    copy_list = list(data)
    assert isinstance(step, int)
    copy_list[step] = _replaced(data[step], rest, value)
    return copy_list
