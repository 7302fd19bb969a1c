"""Shared fixtures: a private copy of the shipped content and templates, and one full build."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from regiodocs.cli import main

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of content/, templates/ and regiodocs.toml in a temp dir, safe to edit."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    shutil.copy(ROOT / "regiodocs.toml", tmp_path / "regiodocs.toml")  # the project marker
    return tmp_path


@pytest.fixture
def run(project: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    """Run the CLI inside the project copy, as a user would from the repository root."""
    monkeypatch.chdir(project)

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return invoke


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One full build of the shipped content (all documents, all municipalities)."""
    from regiodocs.build import build
    from regiodocs.documents.views.common import EXTRA_KINDS, KINDS

    base = tmp_path_factory.mktemp("built")
    build(ROOT / "content", ROOT / "templates", base / "build", "utrecht-west", KINDS + EXTRA_KINDS)
    return base / "build"


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact occurrence of ``old`` in a file (fails loudly if absent)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under a folder with its bytes, to prove a failed run changed nothing."""
    if not folder.exists():
        return {}
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def line_of(path: Path, needle: str) -> int:
    """1-based line number of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def word_paragraphs(path: Path, numbered: set[str] | None = None) -> list[tuple[str, str]]:
    """(style id, text) of every body paragraph as Word prints it: the list number Word
    generates from w:numPr and numbering.xml (then a tab), tabs, and field results (not the
    field instructions). ``numbered``: only these styles get their list number."""
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        numbering = etree.fromstring(z.read("word/numbering.xml"))
    levels = {}
    for abstract in numbering.iter(f"{w}abstractNum"):
        lvl = abstract.find(f"{w}lvl")
        levels[abstract.get(f"{w}abstractNumId")] = (
            lvl.find(f"{w}numFmt").get(f"{w}val"),
            lvl.find(f"{w}lvlText").get(f"{w}val"),
            int(lvl.find(f"{w}start").get(f"{w}val")) if lvl.find(f"{w}start") is not None else 1,
        )
    nums = {}
    for num in numbering.iter(f"{w}num"):
        fmt, text, start = levels[num.find(f"{w}abstractNumId").get(f"{w}val")]
        override = num.find(f"{w}lvlOverride/{w}startOverride")
        nums[num.get(f"{w}numId")] = [
            fmt,
            text,
            int(override.get(f"{w}val")) if override is not None else start,
        ]
    counters: dict[str, int] = {}
    out = []
    for p in body.iter(f"{w}p"):
        style = p.find(f"{w}pPr/{w}pStyle")
        text = "".join(
            "\t" if el.tag == f"{w}tab" else (el.text or "")
            for el in p.iter(f"{w}t", f"{w}tab")
            if el.getparent().tag == f"{w}r"  # not the tab stops of w:pPr
        )
        num_id = p.find(f"{w}pPr/{w}numPr/{w}numId")
        style_id = style.get(f"{w}val") if style is not None else ""
        if num_id is not None and (numbered is None or style_id in numbered):
            key = num_id.get(f"{w}val")
            fmt, pattern, start = nums[key]
            n = counters[key] = counters.get(key, start - 1) + 1
            shown = (
                str(n) if fmt == "decimal" else chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
            )
            text = pattern.replace("%1", shown) + "\t" + text
        out.append((style_id, text))
    return out
