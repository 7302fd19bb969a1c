"""The preview's one-line patch of a parsed file gives exactly what a full read gives.

Every line of real content files is edited in ways a writer does (a word added, a comment, a
quote, a number, a key renamed); for each, the file the preview's cache holds must equal a
fresh full read: the same data and the same line and column of every node, or the same
located problems.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from regiodocs.content.load import SourceFile, _load_file
from regiodocs.diagnostics import Diagnostic
from regiodocs.preview.files import PreviewFiles, patch_one_line

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "content" / "utrecht-west"

# Edits a writer makes to the text of a line: the quick way takes most of these.
TEXT_EDITS = {
    "woord erbij": lambda line: line + " en meer",
    "zin anders": lambda line: line.replace(" de ", " het ", 1),
    # A date in a one-line flow mapping moved, and made longer (what follows it moves on).
    "datum": lambda line: re.sub(r"\b2025-(\d\d)", r"2026-\1", line, count=1),
    "datum langer": lambda line: re.sub(r"\b(\d{4}-\d\d-\d\d)\b", r"\1b", line, count=1),
}
# Edits the quick way must leave to the full read (tried on fewer lines: a full read of a
# file with a problem takes the slow, careful parser).
OTHER_EDITS = {
    "opmerking": lambda line: line + "  # nalezen",
    "dubbele punt": lambda line: line + ": zo",
    "getal": lambda line: line.rsplit(" ", 1)[0] + " 12" if " " in line.strip() else line,
    "aanhalingsteken": lambda line: line.replace(": ", ': "', 1) if ": " in line else line,
    "sleutel": lambda line: line.replace("tekst:", "tekts:", 1),
    "leeg": lambda line: line.rsplit(": ", 1)[0] + ":" if ": " in line else line,
    "komma in waarde": lambda line: re.sub(r"\b(\d{4}-\d\d)-", r"\1, ", line, count=1),
}


def _same(a: SourceFile | None, b: SourceFile | None) -> None:
    assert (a is None) == (b is None)
    if a is not None and b is not None:
        assert a.data == b.data
        assert a.positions == b.positions
        assert a.key_positions == b.key_positions
        assert (a.path, a.root) == (b.path, b.root)


@pytest.mark.parametrize(
    ("name", "root", "step", "share"),
    [
        ("regeling.yaml", "regeling", 11, 0.25),
        # Long text in block scalars (| and >-): a line inside one goes the full way.
        ("visie.yaml", "visie", 13, 0.15),
        # Mostly quoted text and one-line flow mappings (dates patched, quotes read in full).
        ("raadsvoorstellen/01-regiovisie-vaststellen.yaml", "raadsvoorstel", 3, 0.1),
    ],
)
def test_a_patched_file_equals_a_full_read(
    tmp_path: Path, name: str, root: str, step: int, share: float
) -> None:
    original = (FOLDER / name).read_text(encoding="utf-8")
    lines = original.split("\n")
    path = tmp_path / Path(name).name
    path.write_text(original, encoding="utf-8")
    old = _load_file(path, root, [])
    assert old is not None
    tried = patched = 0
    for index in range(0, len(lines), step):
        edits = list(TEXT_EDITS.values())
        if index % (step * 10) == 0:
            edits += OTHER_EDITS.values()
        for edit in edits:
            changed = edit(lines[index])
            if changed == lines[index]:
                continue
            new = "\n".join([*lines[:index], changed, *lines[index + 1 :]])
            files = PreviewFiles()
            files._files[(path, root)] = (original.encode(), old)  # as after the first read
            path.write_text(new, encoding="utf-8")
            mine: list[Diagnostic] = []
            theirs: list[Diagnostic] = []
            _same(files.load(path, root, mine), _load_file(path, root, theirs))
            assert mine == theirs
            tried += 1
            patched += patch_one_line(original.encode(), new.encode(), old) is not None
    # The quick way is taken for many of the edits (not only the full read).
    assert patched >= max(1, tried * share), (patched, tried)


def _load_file_from(text: str, path: Path, root: str) -> SourceFile:
    path.write_text(text, encoding="utf-8")
    loaded = _load_file(path, root, [])
    assert loaded is not None
    return loaded


def test_only_one_changed_scalar_is_patched(tmp_path: Path) -> None:
    text = "id: a\nkop: Eerste kop\nleden:\n  - tekst: Een zin.\n  - Twee zinnen\n"
    path = tmp_path / "r.yaml"
    old = _load_file_from(text, path, "regeling")
    one = patch_one_line(text.encode(), text.replace("Een zin.", "Een andere zin.").encode(), old)
    assert one is not None and one.data["leden"][0]["tekst"] == "Een andere zin."
    assert old.data["leden"][0]["tekst"] == "Een zin."  # the old file is left as it was
    assert one.data["leden"][1] == "Twee zinnen"
    two = text.replace("Een zin.", "Een andere zin.").replace("Eerste kop", "Kop")
    assert patch_one_line(text.encode(), two.encode(), old) is None  # two lines: full read
    crlf = text.replace("\n", "\r\n")
    assert patch_one_line(text.encode(), crlf.encode(), old) is None
    dated = text.replace("Twee zinnen", "2025-01-01")
    found = patch_one_line(text.encode(), dated.encode(), old)
    assert found is not None and found.data["leden"][1] == "2025-01-01"  # a date stays text
    number = text.replace("Twee zinnen", "12")
    assert patch_one_line(text.encode(), number.encode(), old) is None


def test_a_value_in_a_flow_mapping_is_patched_and_what_follows_moves(tmp_path: Path) -> None:
    text = 'per_gemeente:\n  woerden: {raadsvergadering: 2025-07-02, agendapunt: "9", x: abc}\n'
    path = tmp_path / "v.yaml"
    old = _load_file_from(text, path, "raadsvoorstel")
    new = text.replace("2025-07-02", "2026-03-11 (onder voorbehoud)")
    patched = patch_one_line(text.encode(), new.encode(), old)
    full = _load_file_from(new, path, "raadsvoorstel")
    assert patched is not None
    _same(patched, full)
    assert (
        patched.positions[("per_gemeente", "woerden", "x")]
        != old.positions[("per_gemeente", "woerden", "x")]
    )
    broken = text.replace("2025-07-02", "2025-07, 02")  # a comma starts a new entry
    assert patch_one_line(text.encode(), broken.encode(), old) is None
