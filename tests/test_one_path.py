"""One conversion path: every document converted in full by pandoc. What the old
"convert once with placeholders, then edit the XML per municipality" design got wrong is
asserted here on real builds; plus the cache (key, verification). pandoc that hangs or
writes garbage, and damaged cache entries seen from the command line, are cases in
tests/bad_input/ (261-271)."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import edit, snapshot
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from regiodocs.build import BuildReport, build
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS
from regiodocs.output import cache as cache_module

ALL = KINDS + EXTRA_KINDS


def run(project: Path, kinds: tuple[str, ...] = ALL, **options: Any) -> BuildReport:
    return build(
        project / "content",
        project / "templates",
        project / "build",
        "utrecht-west",
        kinds,
        **options,
    )


def set_woerden(project: Path, field: str, value: str) -> None:
    """Set one field of Woerden in regio.yaml to a double-quoted YAML string."""
    regio = project / "content/utrecht-west/regio.yaml"
    text = regio.read_text(encoding="utf-8")
    start = text.index("- id: woerden")
    line_start = text.index(f"    {field}: ", start)
    line_end = text.index("\n", line_start)
    regio.write_text(
        text[:line_start] + f'    {field}: "{value}"' + text[line_end:], encoding="utf-8"
    )


def word_text(path: Path) -> str:
    """All text of a .docx: body paragraphs and table cells."""
    doc = WordDocument(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml").decode("utf-8")


def rib_path(build_dir: Path) -> Path:
    found = sorted(build_dir.glob("woerden/*-raadsinformatiebrief-*.docx"))
    assert len(found) == 1
    return found[0]


def test_batches_equal_one_pandoc_process_per_document(project: Path, tmp_path: Path) -> None:
    batched = build(
        project / "content",
        project / "templates",
        tmp_path / "a",
        "utrecht-west",
        ALL,
        use_cache=False,
        workers=2,
    )
    single = build(
        project / "content",
        project / "templates",
        tmp_path / "b",
        "utrecht-west",
        ALL,
        use_cache=False,
        batch=False,
        workers=2,
    )
    a = {k: v for k, v in snapshot(tmp_path / "a").items() if not k.startswith(".")}
    b = {k: v for k, v in snapshot(tmp_path / "b").items() if not k.startswith(".")}
    assert len(a) > 60 and a == b
    assert single.pandoc_runs == sum(k.endswith(".docx") for k in a) and batched.pandoc_runs == 2
    # Every per-municipality document is a full conversion of its own Markdown: its
    # heading bookmarks are pandoc's own for that text (no bookmark from a masked text).
    for name, data in a.items():
        if name.endswith(".docx") and not name.startswith("regio/"):
            xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
            assert "⟦" not in xml, name


def test_hostile_municipal_values_are_shown_not_applied(project: Path) -> None:
    long_value = "wethouder " + "Jeugd, Zorg, Welzijn en Participatie " * 12
    set_woerden(project, "portefeuillehouder", long_value.strip())
    set_woerden(project, "contactrol", "beleids\u202eadviseur Jeugd")
    brief = next((project / "content/utrecht-west/informatiebrieven").glob("*.yaml"))
    edit(
        brief,
        "  - kop: Het ontwerp van de regeling is gereed",
        "  - kop: Het ontwerp ⟦naam⟧ en ⟦bijdrage.0⟧ is gereed",
    )
    report = run(project, ("raadsinformatiebrief",), gemeente="woerden", use_cache=False)
    assert report.converted
    text = word_text(rib_path(project / "build"))
    assert "beleids<U+202E>adviseur Jeugd" in text  # the override is shown, not applied
    assert "\u202e" not in document_xml(rib_path(project / "build"))
    assert "Het ontwerp ⟦naam⟧ en ⟦bijdrage.0⟧ is gereed" in text  # content text stays literal
    assert long_value.strip() in " ".join(text.split())


def test_control_character_in_a_municipal_field_never_crashes_the_build(project: Path) -> None:
    set_woerden(project, "contactrol", "beleids\\vadviseur\\x07 Jeugd")
    from regiodocs.diagnostics import ContentError

    try:
        run(project, ("raadsinformatiebrief",), gemeente="woerden", use_cache=False)
    except ContentError as exc:  # refused by the text policy: a located message
        assert any(d.file.endswith("regio.yaml") and d.line > 1 for d in exc.diagnostics)
        return
    xml = document_xml(rib_path(project / "build"))
    assert "\x0b" not in xml and "\x07" not in xml
    assert "beleids adviseur Jeugd" in word_text(rib_path(project / "build"))  # \v is a space


_FIELD_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters='"\\'),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and s.strip().isprintable())


@settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "6")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(contactrol=_FIELD_TEXT, portefeuillehouder=_FIELD_TEXT)
def test_random_municipal_values_build_and_appear(
    project: Path, contactrol: str, portefeuillehouder: str
) -> None:
    regio = project / "content/utrecht-west/regio.yaml"
    original = regio.read_text(encoding="utf-8")
    try:
        set_woerden(project, "contactrol", contactrol)
        set_woerden(project, "portefeuillehouder", portefeuillehouder)
        from regiodocs.diagnostics import ContentError

        try:
            run(project, ("raadsinformatiebrief",), gemeente="woerden")
        except ContentError as exc:
            assert exc.diagnostics and all(d.line >= 1 for d in exc.diagnostics)
            return
        text = " ".join(word_text(rib_path(project / "build")).split())
        for value in (contactrol, portefeuillehouder):
            shown = " ".join(value.split())
            if not any(0x202A <= ord(c) <= 0x202E or 0x2066 <= ord(c) <= 0x2069 for c in shown):
                assert shown in text
    finally:
        regio.write_text(original, encoding="utf-8")


def test_house_style_reference_with_a_header_converts(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from regiodocs.output import convert

    real = convert.build_reference_docx

    def with_header(default: bytes, style: Any) -> bytes:
        doc = WordDocument(io.BytesIO(real(default, style)))
        doc.sections[0].header.paragraphs[0].text = "Briefhoofd van de gemeente"
        out = io.BytesIO()
        doc.save(out)
        return out.getvalue()

    monkeypatch.setattr(convert, "build_reference_docx", with_header)
    report = run(project, ("raadsinformatiebrief",), gemeente="woerden", use_cache=False)
    assert report.converted
    assert "Het ontwerp van de regeling is gereed" in word_text(rib_path(project / "build"))


def test_cache_key_covers_pandoc_and_the_batch_script(tmp_path: Path) -> None:
    fake = tmp_path / "pandoc"
    fake.write_bytes(b"pandoc 3.1")
    os.utime(fake, ns=(1_000_000_000, 1_000_000_000))
    before = cache_module.pandoc_identity(str(fake))
    fake.write_bytes(b"pandoc 3.9")  # an upgrade replaces the executable
    os.utime(fake, ns=(2_000_000_000, 2_000_000_000))
    assert cache_module.pandoc_identity(str(fake)) != before

    package = Path(cache_module.__file__).parent
    copy = tmp_path / "output"
    for name in cache_module._WRITER_CODE:
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes((package / name).read_bytes())
    original = cache_module.writer_fingerprint(copy)
    assert original == cache_module.writer_fingerprint(package)
    lua = copy / "data/batch.lua"
    lua.write_text(lua.read_text(encoding="utf-8") + "-- changed\n", encoding="utf-8")
    cache_module.writer_fingerprint.cache_clear()
    assert cache_module.writer_fingerprint(copy) != original


def test_new_pandoc_reconverts_everything(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = run(project)
    assert run(project).converted == []
    monkeypatch.setattr(cache_module, "pandoc_identity", lambda pandoc: "pandoc 99")
    assert len(run(project).converted) == len(first.converted) > 30


def test_damaged_or_swapped_cache_entry_is_rebuilt_with_a_notice(project: Path) -> None:
    first = run(project)
    good = snapshot(project / "build")
    entries = sorted((project / "build/.cache").glob("*.entry"))
    assert len(entries) == len(first.converted) > 30
    damaged = bytearray(entries[0].read_bytes())
    damaged[-100] ^= 0xFF
    entries[0].write_bytes(bytes(damaged))
    entries[2].write_bytes(entries[1].read_bytes())  # a valid entry under another key
    report = run(project)
    assert len(report.converted) == 2 and len(report.notices) == 2
    assert all("beschadigde cache" in n for n in report.notices)
    assert snapshot(project / "build") == good


def test_cache_is_bounded(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache_module, "KEEP_UNUSED", 3)
    run(project)
    (project / "build/.cache/old-format.docx").write_bytes(b"x")
    for n in range(3):
        edit(project / "content/utrecht-west/visie.yaml", "Utrecht", f"Utrecht{n}")
        run(project, ("regiovisie",))
    names = {p.name for p in (project / "build/.cache").iterdir() if p.is_file()}
    assert "old-format.docx" not in names
    # the entry the last build used, and the three most recently used others
    assert len(names) == 1 + 3
    assert run(project, ("regiovisie",)).converted == []
