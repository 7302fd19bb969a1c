"""Council-ready text: signatures per document type, and no technical codes in the text."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from docx import Document

from tests.conftest import edit

WOERDEN_RIB = "woerden/*-raadsinformatiebrief-koers-naar-gr.docx"
WOERDEN_BESLUIT = "woerden/*-raadsbesluit-regiovisie-vaststellen.docx"
WOERDEN_VOORSTEL = "woerden/*-raadsvoorstel-gr-zienswijze-toestemming.docx"
LINE = "." * 34
FINGERPRINT = re.compile(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}")


def one(build: Path, pattern: str) -> Path:
    """The one built document matching ``pattern`` (file names start with the meeting date)."""
    (found,) = build.glob(pattern)
    return found


def paragraphs(path: Path) -> list[str]:
    return [p.text for p in Document(str(path)).paragraphs]


def docx_text(path: Path) -> str:
    """All text a reader sees: body, tables, headers and footers."""
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for row in t.rows for c in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def custom_properties(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        xml = z.read("docProps/custom.xml").decode()
    return dict(re.findall(r'name="([^"]+)"><vt:lpwstr>([^<]*)</vt:lpwstr>', xml))


def test_signatures_show_roles_and_a_line_to_sign_without_names(built: Path) -> None:
    rib = paragraphs(one(built, WOERDEN_RIB))
    start = rib.index("Hoogachtend,")
    assert rib[start : start + 4] == [
        "Hoogachtend,",
        "burgemeester en wethouders van Woerden,",
        "de secretaris,\tde burgemeester,",
        f"{LINE}\t{LINE}",
    ]
    voorstel = paragraphs(one(built, WOERDEN_VOORSTEL))
    start = voorstel.index("Burgemeester en wethouders van Woerden,")
    assert voorstel[start + 1] == "de secretaris,\tde burgemeester,"
    besluit = paragraphs(one(built, WOERDEN_BESLUIT))
    assert besluit[-2:] == ["De griffier,\tDe voorzitter,", f"{LINE}\t{LINE}"]
    regeling = paragraphs(built / "regio/utrecht-west-regeling.docx")
    closing = [p for p in regeling if p.startswith("Aldus getroffen door")]
    assert closing == [
        f"Aldus getroffen door het college van burgemeester en wethouders van de gemeente {g} in zijn vergadering van {LINE}."
        for g in ("De Ronde Venen", "Montfoort", "Oudewater", "Stichtse Vecht", "Woerden")
    ]
    assert regeling[regeling.index(closing[0]) + 1] == "de secretaris,\tde burgemeester,"


def test_signatures_name_the_officials_and_each_college_its_date(
    project: Path, run: Callable[..., Result]
) -> None:
    edit(
        project / "content/utrecht-west/regio.yaml",
        "    contactrol: beleidsadviseur Jeugd\n",
        "    contactrol: beleidsadviseur Jeugd\n"
        "    ondertekening: {burgemeester: mr. A.B. Voorbeeld, secretaris: C. Secretaris,"
        " griffier: drs. D. Griffier}\n",
    )
    regeling = project / "content/utrecht-west/regeling.yaml"
    regeling.write_text(
        regeling.read_text(encoding="utf-8")
        + "vastgesteld:\n  woerden: 2027-04-06\n  montfoort: 2027-04-13\n",
        encoding="utf-8",
    )
    for kind in ("raadsinformatiebrief", "raadsbesluit", "regeling"):
        result = run("build", kind)
        assert result.exit_code == 0, result.output
    build = project / "build"
    rib = paragraphs(one(build, WOERDEN_RIB))
    assert rib[rib.index("de secretaris,\tde burgemeester,") + 1] == (
        "C. Secretaris\tmr. A.B. Voorbeeld"
    )
    # The mayor chairs the council: the voorzitter's name is the burgemeester's.
    assert paragraphs(one(build, WOERDEN_BESLUIT))[-1] == "drs. D. Griffier\tmr. A.B. Voorbeeld"
    # Another municipality without names keeps the roles and lines.
    oudewater = paragraphs(one(build, "oudewater/*-raadsbesluit-regiovisie-vaststellen.docx"))
    assert oudewater[-1] == f"{LINE}\t{LINE}"
    text = paragraphs(build / "regio/utrecht-west-regeling.docx")
    assert (
        "Aldus getroffen door het college van burgemeester en wethouders van de gemeente "
        "Woerden in zijn vergadering van 6 april 2027." in text
    )
    assert "C. Secretaris\tmr. A.B. Voorbeeld" in text
    assert (
        "Aldus getroffen door het college van burgemeester en wethouders van de gemeente "
        "Montfoort in zijn vergadering van 13 april 2027." in text
    )
    assert (
        "Aldus getroffen door het college van burgemeester en wethouders van de gemeente "
        f"Oudewater in zijn vergadering van {LINE}." in text
    )


def test_a_date_for_an_unknown_municipality_is_located(
    project: Path, run: Callable[..., Result]
) -> None:
    regeling = project / "content/utrecht-west/regeling.yaml"
    regeling.write_text(
        regeling.read_text(encoding="utf-8") + "vastgesteld:\n  woerdn: 2027-04-06\n",
        encoding="utf-8",
    )
    result = run("check")
    assert result.exit_code == 1
    assert "regeling.yaml:" in result.output
    assert "vastgesteld.woerdn" in result.output
    assert "gemeente 'woerdn' bestaat niet; bedoelde u 'woerden'?" in result.output


def test_no_fingerprints_or_internal_ids_in_the_text_only_in_properties(built: Path) -> None:
    documents = sorted(p for p in built.rglob("*.docx") if ".cache" not in p.parts)
    assert len(documents) >= 30
    for path in documents:
        text = docx_text(path)
        assert not FINGERPRINT.search(text), path
        assert "vingerafdruk" not in text.lower(), path
        for internal in ("openbaar-lichaam", "inkoop-specialistische-jeugdhulp", "⟦"):
            assert internal not in text, (path, internal)
    voorstel = custom_properties(one(built, WOERDEN_VOORSTEL))
    regeling = custom_properties(built / "regio/utrecht-west-regeling.docx")
    assert FINGERPRINT.fullmatch(regeling["Vingerafdruk"])
    assert voorstel["Vingerafdruk regeling"] == regeling["Vingerafdruk"]
    # Kenmerk: Woerden's prefix Z/{jj}/ with the year of the meeting, and the proposal's number.
    assert voorstel["Kenmerk"] == f"Z/{one(built, WOERDEN_VOORSTEL).name[2:4]}/090245"
    assert voorstel["Gemeente"] == "Gemeente Woerden"
    assert voorstel["Portefeuillehouder"] == "wethouder Jeugd, Zorg en Welzijn"
    # The one human line that identifies the text: the version in words.
    versie = "versie 0.5 van 16 december 2025"  # regeling.yaml: versie, datum_versie
    text = docx_text(one(built, WOERDEN_VOORSTEL))
    assert (
        f"Ontwerp Gemeenschappelijke regeling Sociaal Domein Utrecht West met toelichting ({versie})"
        in text
    )
    assert f"Ontwerp, {versie}" in docx_text(built / "regio/utrecht-west-regeling.docx")


def test_header_and_footer_fields_show_the_property_values(built: Path) -> None:
    doc = Document(str(one(built, WOERDEN_VOORSTEL)))
    footer = doc.sections[0].footer._element.xml
    header = doc.sections[0].header._element.xml
    kenmerk = f"Z/{one(built, WOERDEN_VOORSTEL).name[2:4]}/090245"
    assert 'DOCPROPERTY "Kenmerk"' in footer and kenmerk in footer
    assert 'DOCPROPERTY "Gemeente"' in header
    # The example template's letterhead: the logo, a tab, then the Gemeente field.
    assert doc.sections[0].header.paragraphs[0].text == "\tGemeente Woerden"


def test_a_raadsbesluit_names_no_portefeuillehouder(built: Path) -> None:
    """The raad decides: the raadsbesluit's footer (the template's Portefeuillehouder
    field) stays empty, in Word and in the PDF; the raadsvoorstel names the wethouder."""
    voorstel = one(built, "stichtse-vecht/*-raadsvoorstel-gr-zienswijze-toestemming.docx")
    besluit = one(built, "stichtse-vecht/*-raadsbesluit-gr-zienswijze-toestemming.docx")
    wethouder = custom_properties(voorstel)["Portefeuillehouder"]
    assert wethouder.startswith("wethouder") and wethouder in docx_text(voorstel)
    assert "Portefeuillehouder" not in custom_properties(besluit)
    assert wethouder not in docx_text(besluit)
    pdf_text = subprocess.run(
        ["pdftotext", str(besluit.with_suffix(".pdf")), "-"], capture_output=True, text=True
    ).stdout
    assert "Kenmerk" in pdf_text and wethouder not in pdf_text


def test_house_style_colours_reach_text_contrast_on_white(
    project: Path, run: Callable[..., Result]
) -> None:
    from regiodocs.content.check import contrast_op_wit

    # Hand-checked WCAG values: black 21:1, white 1:1, mid grey #767676 is the 4.5:1 threshold.
    assert round(contrast_op_wit("#000000"), 1) == 21.0
    assert round(contrast_op_wit("#FFFFFF"), 1) == 1.0
    assert round(contrast_op_wit("#767676"), 2) == 4.54
    regio = (project / "content/utrecht-west/regio.yaml").read_text(encoding="utf-8")
    shipped = re.findall(r'kleur_(?:koppen|accent): "(#[0-9A-Fa-f]{6})"', regio)
    assert len(shipped) == 10  # two colours for each of the five municipalities
    assert all(contrast_op_wit(c) >= 4.5 for c in shipped), shipped
    # Oudewater's former accent (#F2A900, 2.0:1) is refused with its place in regio.yaml.
    edit(project / "content/utrecht-west/regio.yaml", '"#8F5F00"', '"#F2A900"')
    result = run("check")
    assert result.exit_code == 1
    assert "regio.yaml:" in result.output and "huisstijlen[2].kleur_accent" in result.output
    assert "kleur #F2A900 heeft een contrast van 2.0:1 op wit" in result.output
