"""`regiodocs init`: start a new project folder with one region, ready to check and build.

The files it writes are examples with comments that say what each field is for; they pass
`regiodocs check` as written, so the first `regiodocs build regiovisie` works, and the user
replaces the examples with the region's own text and figures.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from regiodocs.diagnostics import UsageError
from regiodocs.project import MARKER

VOORBEELD_GEMEENTEN = ("Voorbeeldstad", "Voorbeelddorp")


@dataclass
class Scaffold:
    folder: Path
    region_id: str
    written: list[Path]


def slug(name: str) -> str:
    """'De Ronde Venen' -> 'de-ronde-venen' (an id: lower-case letters, digits, hyphens)."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:64]


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _regio_yaml(region_id: str, naam: str, gemeenten: list[str], year: int) -> str:
    lines = [
        "# yaml-language-server: $schema=../../schema/regio.schema.json",
        "# De regio en de deelnemende gemeenten. Vervang de voorbeelden door de echte gegevens;",
        "# 'regiodocs check' zegt wat er nog ontbreekt of niet klopt.",
        f"id: {region_id}",
        f"naam: {_quote(naam)}",
        f"omschrijving: {_quote(f'De gemeenten van {naam} werken samen in het sociaal domein.')}",
        "deelnemers:",
    ]
    for gemeente in gemeenten:
        gid = slug(gemeente)
        lines += [
            f"  - id: {gid}  # sleutel voor verwijzingen en bestandsnamen; verandert niet meer",
            f"    naam: {_quote(gemeente)}",
            f"    officiele_naam: {_quote('gemeente ' + gemeente)}",
            "    # Inwonertal: grondslag van de verdeelsleutel. Schrijf gerust 14.000 (punt",
            "    # tussen duizendtallen). Voorbeeld: vervang door het CBS-cijfer.",
            "    inwoners:",
            "      aantal: 10.000",
            f"      peildatum: {year - 1}-01-01",
            "      bron: CBS, bevolking op 1 januari (voorbeeld)",
            "    contactrol: beleidsadviseur sociaal domein  # een rol, geen persoonsnaam",
            "    portefeuillehouder: wethouder Zorg",
            f"    kenmerk_prefix: {_quote(gid[:3].upper() + '/')}",
            "    # Data van de raadsvergaderingen waarop besluiten kunnen vallen.",
            "    raadsvergaderingen:",
            f"      - {year}-06-26",
            f"      - {year}-11-13",
            "    # huisstijl: eigen  # optioneel: id van een huisstijl hieronder",
        ]
    lines += [
        "# Huisstijlen (optioneel): lettertype, kleuren en marges per gemeente.",
        "# huisstijlen:",
        "#   - id: eigen",
        "#     lettertype: Arial",
        "#     lettergrootte: 10,5",
        '#     kleur_koppen: "#1F3864"',
        "#     # Eigen Word-sjabloon (.dotx/.docx, met briefhoofd en logo) in de map huisstijl/:",
        "#     sjabloon: huisstijl/eigen.dotx",
        "",
    ]
    return "\n".join(lines)


def _visie_yaml(naam: str, year: int) -> str:
    return f"""# yaml-language-server: $schema=../../schema/visie.schema.json
# De regiovisie. Tekst over meerdere regels begint met '|'; een lege regel is een nieuwe
# alinea. Vervang de voorbeeldteksten door de eigen tekst.
titel: {_quote(f"Regiovisie {naam}")}
periode: "{year}-{year + 4}"
aanleiding: |
  Waarom is er een regiovisie? Beschrijf hier de aanleiding in eigen woorden.
stand_van_zaken: |
  Waar staat de samenwerking nu, en welke uitdagingen komen eraan?
missie: |
  De gezamenlijke missie van de gemeenten, in een paar zinnen.
visie: |
  Hoe de gemeenten hulp en ondersteuning voor zich zien.
uitgangspunten:
  - id: dichtbij  # een id is nodig om ernaar te verwijzen
    titel: Hulp dichtbij
    tekst: |
      Een uitgangspunt met een korte toelichting.
# Optioneel: uitdagingen, doelen, randvoorwaarden en planning, elk als lijst zoals
# uitgangspunten. Zie de velden in schema/visie.schema.json of in de README.
# doelen:
#   - id: minder-wachttijd
#     titel: Kortere wachttijden
#     tekst: Wat de gemeenten willen bereiken.
"""


def init_project(
    folder: Path, region_id: str | None, naam: str | None, gemeenten: list[str]
) -> Scaffold:
    """Write regiodocs.toml, content/<regio>/regio.yaml and visie.yaml, schemas and .gitignore."""
    from regiodocs.content.editor import editor_schema_text, region_ids
    from regiodocs.content.load import load_region
    from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS
    from regiodocs.content.schema import validate_region

    folder = folder.resolve()
    region_id = region_id or slug(naam or folder.name) or "regio"
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,63}", region_id):
        raise UsageError(
            f"ongeldige regio-id '{region_id}': gebruik kleine letters, cijfers en koppeltekens"
        )
    naam = naam or region_id.replace("-", " ").title()
    gemeenten = gemeenten or list(VOORBEELD_GEMEENTEN)
    if len(gemeenten) < 2:
        raise UsageError("een regio heeft ten minste twee gemeenten (--gemeente, twee keer)")
    ids = [slug(g) for g in gemeenten]
    if len(set(ids)) != len(ids) or not all(ids):
        raise UsageError("elke gemeente heeft een eigen naam nodig")
    region_dir = folder / "content" / region_id
    for existing in (folder / MARKER, region_dir):
        if existing.exists():
            raise UsageError(f"{existing} bestaat al; regiodocs init overschrijft niets")
    year = date.today().year + 1
    files = {
        folder / MARKER: (
            "# Projectmap van regiodocs: elk commando in deze map (of een map eronder) gebruikt\n"
            "# deze instellingen. Paden zijn ten opzichte van dit bestand.\n"
            f'regio = "{region_id}"\n'
            'inhoud = "content"\n'
            'uitvoer = "build"\n'
            '# sjablonen = "templates"  # eigen sjablonen; zonder deze regel de meegeleverde\n'
        ),
        region_dir / "regio.yaml": _regio_yaml(region_id, naam, gemeenten, year),
        region_dir / "visie.yaml": _visie_yaml(naam, year),
    }
    gitignore = folder / ".gitignore"
    if not gitignore.exists():
        files[gitignore] = "build/\n"
    written: list[Path] = []
    _write(files, written)
    # Editor schemas that know this region's ids (the examples are valid as written).
    region = validate_region(load_region(folder / "content", region_id))
    known = region_ids(region)
    _write(
        {
            folder / "schema" / f"{name}.schema.json": editor_schema_text(model, known)
            for name, model in {**SECTION_MODELS, **FOLDER_MODELS}.items()
        },
        written,
    )
    return Scaffold(folder=folder, region_id=region_id, written=written)


def _write(files: dict[Path, str], written: list[Path]) -> None:
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(path)
