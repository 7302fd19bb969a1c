"""The bytes of a reference document stay the same under the pinned tools (constraints.txt).

A frozen region and template (tests/reference/) are built; the .docx's sha256 is committed.
It changes when pandoc, python-docx or the writer changes the bytes. If that change is
intended (a new pin in constraints.txt, a deliberate writer change), write the new hash:
    .venv/bin/python tests/test_reference.py
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "reference"
EXPECTED = HERE / "referentie-regiovisie.docx.sha256"


def build_reference(build_dir: Path) -> bytes:
    from regiodocs.build import build

    build(HERE / "content", HERE / "templates", build_dir, "referentie", ("regiovisie",))
    return (build_dir / "regio/referentie-regiovisie.docx").read_bytes()


def test_reference_document_bytes_are_pinned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    data = build_reference(tmp_path / "build")
    digest = hashlib.sha256(data).hexdigest()
    assert digest == EXPECTED.read_text(encoding="utf-8").strip(), (
        "de bytes van het referentiedocument zijn veranderd; bedoeld (nieuwe versie in "
        "constraints.txt of een bewuste wijziging van de schrijver)? Draai "
        "'.venv/bin/python tests/test_reference.py' en commit de nieuwe hash"
    )
    # Not an empty or broken file: it opens and holds the frozen text.
    import io

    from docx import Document

    doc = Document(io.BytesIO(data))
    assert [p.text for p in doc.paragraphs][0] == "Referentievisie"
    assert [[c.text for c in r.cells] for r in doc.tables[0].rows][1] == ["Noord", "12.500"]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        new = hashlib.sha256(build_reference(Path(folder) / "build")).hexdigest()
    EXPECTED.write_text(new + "\n", encoding="utf-8")
    sys.stdout.write(f"{EXPECTED}: {new}\n")
