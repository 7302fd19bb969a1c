"""Every built .docx is valid OOXML, declares Word's current mode and tells the truth about itself."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from lxml import etree
from openxml_audit import OpenXmlValidator

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EP = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"


def _documents(built: Path) -> list[Path]:
    found = sorted(p for p in built.rglob("*.docx") if ".cache" not in p.parts)
    assert len(found) >= 30, found  # the whole set of Utrecht West, not a sample
    return found


def test_every_document_passes_the_ooxml_schema_validator(built: Path) -> None:
    validator = OpenXmlValidator()
    problems = {
        str(path.relative_to(built)): [str(e.description) for e in validator.validate(path).errors]
        for path in _documents(built)
    }
    assert {name: errors for name, errors in problems.items() if errors} == {}


def test_compatibility_mode_is_current_and_properties_are_truthful(built: Path) -> None:
    for path in _documents(built):
        with zipfile.ZipFile(path) as z:
            settings = etree.fromstring(z.read("word/settings.xml"))
            app = etree.fromstring(z.read("docProps/app.xml"))
        modes = [
            s.get(f"{W}val")
            for s in settings.iter(f"{W}compatSetting")
            if s.get(f"{W}name") == "compatibilityMode"
        ]
        assert modes == ["15"], path
        assert app.findtext(f"{EP}Application") == "regiodocs", path
        for count in ("Pages", "Words", "Characters", "Lines", "Paragraphs", "AppVersion"):
            assert app.find(f"{EP}{count}") is None, (path, count)


def test_header_and_footer_styles_are_defined(built: Path) -> None:
    doc = Document(str(built / "woerden" / "2025-05-21-raadsbesluit-regiovisie-vaststellen.docx"))
    section = doc.sections[0]
    assert section.header.paragraphs[0].style.name == "Header"
    assert section.footer.paragraphs[0].style.name == "Footer"
    assert doc.styles["Table"].base_style is None  # pandoc's 'TableNormal' is never defined
