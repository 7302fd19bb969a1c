"""The preview's file cache: a save that changes the text of one line is applied to the
file already read, instead of parsing the whole file again.

Most saves while writing change one sentence: one plain scalar on one line (``tekst: ...``,
``- ...``, or a value in a one-line flow mapping such as a meeting date). Re-reading the 35 kB regeling costs more than everything else in a refresh put
together, so when the old and the new bytes differ in exactly one line, and on that line
exactly the text of one plain scalar changed, the new value is read on its own by the same
YAML parser and put in a copy of the data (the other branches are shared; nothing in the
pipeline changes loaded data). Lines and columns stay where they were, so every position
stays right (nodes after the value on the same line move by the change in length). Anything
else (a key, a quote, a comment, a number, a second line, a scalar that runs on to the next
line, other line endings) goes through the normal full read.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from regiodocs.content.load import (
    FileCache,
    SourceFile,
    UnreadableFile,
    load_fast,
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
    line = changed[0] + 1
    before, after = old_lines[line - 1], new_lines[line - 1]
    # The part of the old line that changed: between the common start and the common end.
    first = next(
        (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
        min(len(before), len(after)),
    )
    same_end = 0
    limit = min(len(before), len(after)) - first
    while same_end < limit and before[-1 - same_end] == after[-1 - same_end]:
        same_end += 1
    found = _scalar_around(old, line, before, first, len(before) - same_end)
    if found is None:
        return None
    path, column, value = found
    head, rest = before[: column - 1], before[column - 1 + len(value) :]
    if not after.startswith(head) or not after.endswith(rest):
        return None
    new_value = after[len(head) : len(after) - len(rest)]
    if not new_value or new_value != new_value.strip():
        return None
    if rest:  # inside a flow collection on one line: {a: b, c: d} or [a, b]
        if rest[0] not in ",]}" or not ("{" in head or "[" in head):
            return None
        if _read_alone(new_value, old.root, flow=True) != new_value:
            return None
    elif not _PREFIX.match(head) or _read_alone(new_value, old.root, flow=False) != new_value:
        return None
    shift = len(new_value) - len(value)
    end = column + len(value)  # the first column after the old value
    return SourceFile(
        path=old.path,
        root=old.root,
        data=_replaced(old.data, path, new_value),
        positions=_shifted(old.positions, line, end, shift),
        key_positions=_shifted(old.key_positions, line, end, shift),
    )


def _scalar_around(
    old: SourceFile, line: int, text: str, start: int, end: int
) -> tuple[YamlPath, int, str] | None:
    """The string scalar on ``line`` whose text covers the changed part ``text[start:end]``:
    its path, column and old value."""
    found = None
    for path, (at_line, column) in old.positions.items():
        if at_line != line or not path:
            continue
        value = _at(old.data, path)
        if type(value) is not str:
            continue
        begin = column - 1
        if (
            text[begin : begin + len(value)] == value
            and begin <= start
            and end <= begin + len(value)
        ):
            if found is not None:
                return None
            found = (path, column, value)
    return found


def _shifted(
    positions: dict[YamlPath, tuple[int, int]], line: int, end: int, shift: int
) -> dict[YamlPath, tuple[int, int]]:
    """Positions with the nodes on ``line`` from column ``end`` on moved by ``shift``."""
    if not shift:
        return positions
    return {
        path: (at_line, column + shift) if at_line == line and column >= end else (at_line, column)
        for path, (at_line, column) in positions.items()
    }


def _read_alone(value: str, root: str, *, flow: bool) -> str | None:
    """The value as the YAML parser reads it on its own, as a block value or inside a flow
    mapping; None unless that is a plain string (a number, a date, a quote or a comment read
    otherwise)."""
    text = f"k: {{k: {value}}}\n" if flow else f"k: {value}\n"
    try:
        alone = load_fast(text.encode(), Path("-"), root)
    except Exception:  # noqa: BLE001 - whatever the parser refuses goes the full way
        return None
    if alone is None or not isinstance(alone.data, dict) or list(alone.data) != ["k"]:
        return None
    read = alone.data["k"]
    if flow:
        if not isinstance(read, dict) or list(read) != ["k"]:
            return None
        read = read["k"]
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
