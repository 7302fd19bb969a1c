"""Editor schemas: every field in Dutch, and per region the ids that exist (enums, patterns)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import Result

from regiodocs.content.editor import BESCHRIJVING, GENERIC_ID
from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS
from regiodocs.content.schema import file_schema


def _parts(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    return [("(bestand)", schema), *schema.get("$defs", {}).items()]


def test_every_field_has_its_own_dutch_description() -> None:
    for name in {**SECTION_MODELS, **FOLDER_MODELS}:
        schema = json.loads(file_schema(name))
        text = json.dumps(schema, ensure_ascii=False)
        assert GENERIC_ID not in text, name  # no shared hover text for ten id fields
        for part_name, part in _parts(schema):
            if "description" in part and part_name != "(bestand)":
                assert part["description"] == BESCHRIJVING[part_name]  # no English docstring
            for field, prop in part.get("properties", {}).items():
                assert prop.get("description"), f"{name}: {part_name}.{field}"
    regio = json.loads(file_schema("regio"))
    assert regio["description"].startswith("De regio, de deelnemende gemeenten")
    assert regio["$defs"]["Huisstijl"]["properties"]["id"]["description"].startswith(
        "Id van dit onderdeel (Huisstijl)"
    )


def test_impossible_dates_fail_the_editor_pattern() -> None:
    regio = json.loads(file_schema("regio"))
    options = regio["$defs"]["Inwonertal"]["properties"]["peildatum"]["anyOf"]
    patterns = [re.compile(o["pattern"]) for o in options]

    def accepted(text: str) -> bool:
        return any(p.search(text) for p in patterns)

    for good in (
        "2027-02-28",
        "2028-02-29",
        "2000-02-29",
        "2025-12-31",
        "26-06-2025",
        "26 juni 2025",
    ):
        assert accepted(good), good
    for bad in ("2027-02-30", "2027-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "31-06-2025"):
        assert not accepted(bad), bad


def test_region_schema_lists_the_ids_that_exist(project: Path, run: Callable[..., Result]) -> None:
    result = run("schema", "--regio", "utrecht-west", "--per-bestand", "editor")
    assert result.exit_code == 0, result.output

    def load(name: str) -> Any:
        return json.loads((project / "editor" / f"{name}.schema.json").read_text("utf-8"))

    taken = load("taken")["$defs"]["Taak"]["properties"]
    belegd = [o for o in taken["belegd_bij"]["anyOf"] if o.get("type") == "string"][0]
    assert "algemeen-bestuur" in belegd["enum"] and "dagelijks-bestuur" in belegd["enum"]
    artikel = [o for o in taken["artikel"]["anyOf"] if o.get("type") == "string"][0]
    assert "uittreding" in artikel["enum"]
    voorstel = load("raadsvoorstellen")
    assert voorstel["properties"]["per_gemeente"]["propertyNames"]["enum"] == [
        "de-ronde-venen",
        "montfoort",
        "oudewater",
        "stichtse-vecht",
        "woerden",
    ]
    assert "vaststellen" in voorstel["$defs"]["Argument"]["properties"]["besluitpunt"]["enum"]
    lid = re.compile(load("regeling")["$defs"]["Lid"]["properties"]["tekst"]["pattern"])
    assert lid.search("zie [[uittreding]] en [[uittreding.gevolgen]]; [1] blijft tekst")
    assert not lid.search("zie [[uittreding.bestaat-niet]]")
    # The generic schemas in schema/ stay free of one region's ids.
    generic = json.loads(file_schema("taken"))["$defs"]["Taak"]["properties"]["belegd_bij"]
    assert "enum" not in json.dumps(generic)
