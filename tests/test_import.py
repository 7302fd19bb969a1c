"""Import of real published regelingen: each imports, checks, and renders back to the same
articles, leden, onderdelen and words as the original."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result

from regiodocs.content.check import check_regeling_source
from regiodocs.content.load import load_yaml_file
from regiodocs.legal.numbering import iter_articles, number_regeling
from regiodocs.legal.regeling_view import artikel_view

# shared/ lies beside the repository (as in CI and in a developer's checkout).
FIXTURES = sorted(
    (Path(__file__).resolve().parents[1].parent / "shared/fixtures/regelingen").glob("*.txt")
)
ARTICLE_HEADING = re.compile(r"^#+\s*\*?Artikel\s+(\d+)\s*\*?\s*$")


def original_articles(path: Path) -> list[tuple[str, str]]:
    """(number, body) of the regeling's own articles, found without the importer."""
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    found: list[tuple[str, list[str]]] = []
    for line in lines:
        heading = ARTICLE_HEADING.match(line)
        if heading:
            found.append((heading.group(1), []))
        elif line.startswith("#"):
            if found:
                found[-1][1].append("\0")  # any other heading ends the article's text
        elif found:
            found[-1][1].append(line)
    starts = [i for i, (number, _) in enumerate(found) if number == "1"]
    own = found[starts[-1] :]
    return [(number, " ".join(" ".join(body).split("\0")[0].split())) for number, body in own]


def words(text: str) -> list[str]:
    return re.sub(r"[*.,;:'`‘’\"()]", " ", text).split()


def sequential(text: str, labels: list[str], lead: str) -> int:
    """How many of labels (1, 2, ... or a, b, ...) occur in order as list items."""
    count, position = 0, 0
    for label in labels:
        match = re.compile(lead + re.escape(label) + r"\.(?!\d)").search(text, position)
        if not match:
            break
        count, position = count + 1, match.end()
    return count


def rendered(regeling_file: Path) -> list[tuple[str, int, int, str]]:
    source = load_yaml_file(regeling_file, "regeling")
    regeling, findings = check_regeling_source(source)
    assert regeling is not None, [str(f) for f in findings]
    assert not [f for f in findings if f.severity == "fout"], [str(f) for f in findings]
    index = number_regeling(regeling)
    out = []
    for n, (h, _, _, artikel, _) in enumerate(iter_articles(regeling), start=1):
        view = artikel_view(artikel, n, h + 1, index, link=False)
        parts = []
        for lid in view.leden:
            parts.append(f"{lid.nummer} {lid.tekst}")
            parts += [
                f"{o.label} {o.tekst}" + "".join(f" {s.label} {s.tekst}" for s in o.subonderdelen)
                for o in lid.onderdelen
            ]
        text = re.sub(r"\\(.)", r"\1", " ".join(parts))
        onderdelen = sum(len(lid.onderdelen) for lid in view.leden)
        out.append((view.nummer, len(view.leden), onderdelen, text))
    return out


def test_there_are_fixtures() -> None:
    assert len(FIXTURES) == 4


def as_plain_text(markdown: str) -> list[str]:
    """The fixture as a lawyer copies it from wetten.overheid.nl: no markup, and each lid
    number on a line of its own (written here without the importer)."""
    lines: list[str] = []
    for line in markdown.splitlines()[1:]:
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line).replace("*", "")
        text = re.sub(r"^#+\s*", "", text).strip()
        lid = re.match(r"^(\d+)\.\s+(\S.*)$", text)
        if lid:
            lines += [lid.group(1), lid.group(2)]
        else:
            lines.append(text)
    return lines


def in_form(fixture: Path, form: str, folder: Path) -> Path:
    """The fixture in another input form: plain text, or a Word document."""
    if form == "markdown":
        return fixture
    markdown = fixture.read_text(encoding="utf-8")
    lines = as_plain_text(markdown)
    if form == "tekst":
        path = folder / f"{fixture.stem}.txt"
        path.write_text("\n".join(lines), encoding="utf-8")
        return path
    from docx import Document

    headings = {
        re.sub(r"^#+\s*", "", line).replace("*", "").strip()
        for line in markdown.splitlines()
        if line.startswith("#")
    }
    document = Document()
    for text in lines:
        if text:
            document.add_paragraph(text, style="Heading 3" if text in headings else None)
    path = folder / f"{fixture.stem}.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize("form", ["markdown", "tekst", "docx"])
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.stem)
def test_import_checks_and_renders_back_one_for_one(
    fixture: Path, form: str, project: Path, run: Callable[..., Result]
) -> None:
    output = project / "geimporteerd.yaml"
    result = run("import", str(in_form(fixture, form, project)), "-o", str(output))
    assert result.exit_code == 0, result.output
    assert (
        "Wgr-toets:" in result.output
    )  # pre-2022 texts lack tags and provisions: reported, not fatal
    original = original_articles(fixture)
    ours = rendered(output)
    assert [o[0] for o in ours] == [n for n, _ in original]
    for (number, body), (_, leden, onderdelen, text) in zip(original, ours, strict=True):
        expected_leden = (
            sequential(body, [str(i) for i in range(1, 30)], r"(?:^|(?<=[.:;])|(?<=[.:;]\s))\s*")
            or 1
        )
        expected_onderdelen = sequential(
            body,
            list("abcdefghijklmnopqrstuvwxyz"),
            r"(?:(?<=[:;.])|(?<=[:;.]\s)|(?<=[:;.]\s\s)|^)\s*",
        )
        assert leden == expected_leden, f"artikel {number}: leden"
        if expected_onderdelen > 1:
            assert onderdelen >= expected_onderdelen, f"artikel {number}: onderdelen"
        if number == original[-1][0]:
            assert words(body)[: len(words(text))] == words(text), (
                f"artikel {number}"
            )  # signature follows
        else:
            assert words(text) == words(body), f"artikel {number}"


def test_recognised_citations_become_references_and_render_the_same(
    project: Path, run: Callable[..., Result]
) -> None:
    gelders = next(f for f in FIXTURES if "gelders" in f.name)
    output = project / "g.yaml"
    assert run("import", str(gelders), "-o", str(output)).exit_code == 0
    text = " ".join(output.read_text(encoding="utf-8").split())  # YAML folds long lines
    assert "[[artikel-2.lid-2]]" in text  # "bedoeld in het tweede lid" inside artikel 2
    assert "artikel 1, onderdeel c, van de Archiefwet 1995" in text  # another law: left as text
    assert "[[artikel-16.lid-8]]" in text  # "artikel 16, achtste lid" (artikel 16 has eight leden)
