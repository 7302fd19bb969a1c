"""Editor schemas: the JSON Schema of each content file, in Dutch, and per region with its ids.

A YAML language server (VS Code's "YAML" extension) shows a field's description on hover,
completes enums and marks values outside them. So:

- every field gets its own Dutch description: an ``id`` field without one of its own says
  whose id it is, instead of the shared text of the ``Id`` type;
- the models' class docstrings are English notes for programmers: they are replaced by a
  Dutch description where one is written here and left out otherwise;
- ``regiodocs schema --regio ID`` adds the ids that exist in that region: references
  (belegd_bij, artikel, besluitpunt, gemeente, ...) become enums, ``per_gemeente`` keys
  must be municipality ids, and text in the regeling may only cite ``[[...]]`` targets that
  exist (a pattern).
"""

from __future__ import annotations

import ast
import copy
import functools
import inspect
import itertools
import json
import textwrap
import typing
from typing import Any

from pydantic import BaseModel

from regiodocs.content import bounds
from regiodocs.content.models.common import Model

GENERIC_ID = "Stabiele sleutel"

# Dutch descriptions of whole files (the schema's root) and of some nested objects.
BESCHRIJVING = {
    "Regio": "De regio, de deelnemende gemeenten en hun huisstijlen (regio.yaml).",
    "Visie": "De regiovisie: aanleiding, missie, visie, uitgangspunten, doelen en planning.",
    "Taken": "De taken en waar ze worden belegd (taken.yaml).",
    "Bestuur": "Het Wgr-model, de bestuursorganen en hun bevoegdheden (bestuur.yaml).",
    "Afwegingskader": "De vragen die bepalen of een opgave regionaal wordt opgepakt.",
    "Financien": "De verdeelsleutel en de begrotingsposten (financien.yaml).",
    "Consultatie": "Reacties van raden, commissies en adviesraden en hun afhandeling.",
    "Regeling": "De gemeenschappelijke regeling: hoofdstukken, artikelen, leden, onderdelen.",
    "Raadsvoorstel": "Eén raadsvoorstel; wat per gemeente verschilt staat onder per_gemeente.",
    "Informatiebrief": "Eén raadsinformatiebrief; per gemeente datum en kenmerk.",
    "Opgave": "Een opgave, met de antwoorden op de vragen van het afwegingskader.",
    "Deelnemer": "Een deelnemende gemeente en wat haar eigen documenten nodig hebben.",
    "Huisstijl": "Huisstijl van een gemeente: lettertype, kleuren en marges.",
    "Stemverhouding": "Hoe de stemmen in het algemeen bestuur worden gewogen (art. 13 Wgr).",
    "RaadsvoorstelGemeente": "De gegevens van één gemeente bij dit raadsvoorstel.",
    "Visieonderdeel": "Een onderdeel met id, titel en tekst (uitgangspunt, doel, ...).",
    "HuidigOverleg": "Een overleg van de huidige samenwerking en wat ermee gebeurt.",
}

# (model, field) -> which ids of the region the value must be one of.
REFERENCES: dict[tuple[str, str], str] = {
    ("Taak", "belegd_bij"): "organen",
    ("Taak", "artikel"): "artikelen",
    ("Orgaan", "uit_midden_van"): "organen",
    ("HuidigOverleg", "opvolger"): "organen",
    ("Argument", "besluitpunt"): "besluitpunten",
    ("Deelnemer", "huisstijl"): "huisstijlen",
    ("Bron", "gemeente"): "gemeenten",
    ("NietMeedoen", "gemeente"): "gemeenten",
    ("Antwoord", "vraag"): "vragen",
    ("Beslisregel", "uitvoering_als_ja"): "vragen",
    ("FinancieleGevolgen", "begrotingsposten"): "begrotingsposten",
    ("Begrotingspost", "taak"): "taken",
}
KEYED_BY = {("Raadsvoorstel", "per_gemeente"): "gemeenten"}
KEYED_BY[("Informatiebrief", "per_gemeente")] = "gemeenten"
# Text fields in which [[...]] cites a provision of the regeling.
CITING = {
    ("Lid", "tekst"),
    ("Onderdeel", "tekst"),
    ("Subonderdeel", "tekst"),
    ("Artikel", "toelichting"),
    ("Afhandeling", "verwijzing"),
}


def region_ids(region: Any) -> dict[str, list[str]]:
    """The ids that exist in a validated region, per kind, for the schema's enums."""
    from regiodocs.legal.numbering import iter_articles, number_regeling

    def ids(items: Any) -> list[str]:
        return sorted({item.id for item in items if getattr(item, "id", None)})

    found: dict[str, list[str]] = {
        "gemeenten": ids(region.regio.deelnemers),
        "huisstijlen": ids(region.regio.huisstijlen),
        "besluitpunten": ids(p for r in region.raadsvoorstellen for p in r.gevraagd_besluit),
        "organen": ids(region.bestuur.organen) if region.bestuur else [],
        "taken": ids(region.taken.taken) if region.taken else [],
        "begrotingsposten": ids(region.financien.begrotingsposten) if region.financien else [],
        "artikelen": [],
        "verwijzingen": [],
        "vragen": [],
    }
    if region.afwegingskader is not None:
        kader = region.afwegingskader
        found["vragen"] = ids([*getattr(kader, "poortvragen", []), *getattr(kader, "vragen", [])])
    if region.regeling is not None:
        found["artikelen"] = ids(a for *_, a, _ in iter_articles(region.regeling))
        found["verwijzingen"] = sorted(number_regeling(region.regeling))
    return found


def editor_schema(model: type[Model], ids: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The JSON Schema of one content file: Dutch descriptions, and the region's ids if given."""
    schema = copy.deepcopy(model.model_json_schema())
    defs: dict[str, Any] = schema.get("$defs", {})
    models = _models(model)
    for name, part in [(model.__name__, schema), *defs.items()]:
        _add_docstrings(models[name], part)
        _describe(name, part)
        _bound(models[name], part)
        if ids is not None:
            _restrict(name, part, ids)
    _unwrap_refs(schema)
    return schema


def editor_schema_text(model: type[Model], ids: dict[str, list[str]] | None = None) -> str:
    return (
        json.dumps(editor_schema(model, ids), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
    )


def _add_docstrings(model: type[BaseModel], part: dict[str, Any]) -> None:
    """Give each property without a description the docstring under its field, as pydantic's
    use_attribute_docstrings would: the docstring of the class that declares the field."""
    for field, prop in part.get("properties", {}).items():
        if "description" in prop:
            continue
        for owner in model.__mro__:
            if field in owner.__dict__.get("__annotations__", {}):
                text = attribute_docstrings(owner).get(field)
                if text:
                    prop["description"] = text
                break


@functools.cache
def attribute_docstrings(cls: type) -> dict[str, str]:
    """The docstrings written under the annotated attributes of a class, by attribute."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls))).body[0]
    assert isinstance(tree, ast.ClassDef)
    found: dict[str, str] = {}
    for statement, following in itertools.pairwise(tree.body):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            found[statement.target.id] = inspect.cleandoc(following.value.value)
    return found


def _describe(name: str, part: dict[str, Any]) -> None:
    if name in BESCHRIJVING:
        part["description"] = BESCHRIJVING[name]
    else:
        part.pop("description", None)
    for field, prop in part.get("properties", {}).items():
        text = str(prop.get("description", ""))
        # Only an id field may fall back to a generated text; any other field without its own
        # description stays without one, and a test names it.
        if text.startswith(GENERIC_ID) or (not text and field == "id"):
            if field == "id":
                prop["description"] = (
                    f"Id van dit onderdeel ({name}): kleine letters, cijfers en koppeltekens. "
                    "Nodig om ernaar te verwijzen; verandert daarna niet meer."
                )
            else:
                prop["description"] = (
                    f"Id uit deze regio ({field}): kleine letters, cijfers en koppeltekens."
                )
        for key in ("anyOf", "items", "additionalProperties", "propertyNames"):
            _drop_generic(prop.get(key))


def _models(model: type[BaseModel]) -> dict[str, type[BaseModel]]:
    """Every model a file's schema describes, by the name pydantic gives it in $defs."""
    found: dict[str, type[BaseModel]] = {}
    seen: set[type[BaseModel]] = set()

    def walk(annotation: Any) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            known = found.setdefault(annotation.__name__, annotation)
            if known is not annotation:
                raise ValueError(f"two models are named {annotation.__name__}")
            if annotation not in seen:
                seen.add(annotation)
                for info in annotation.model_fields.values():
                    walk(info.annotation)
            return
        for argument in typing.get_args(annotation):
            walk(argument)

    walk(model)
    return found


def _bound(model: type[BaseModel], part: dict[str, Any]) -> None:
    """Each number field's ge/gt/le/lt as minimum/maximum and in its text pattern."""
    for field, prop in part.get("properties", {}).items():
        limits = bounds.field_bounds(model.model_fields[field].metadata)
        if limits:
            bounds.apply(prop, limits)


def _unwrap_refs(node: Any) -> None:
    """Older pydantic writes a $ref with a description as allOf: [$ref]; same meaning, one form."""
    if isinstance(node, dict):
        wrapped = node.get("allOf")
        if isinstance(wrapped, list) and len(wrapped) == 1 and set(wrapped[0]) == {"$ref"}:
            node.pop("allOf")
            node["$ref"] = wrapped[0]["$ref"]
        for value in node.values():
            _unwrap_refs(value)
    elif isinstance(node, list):
        for value in node:
            _unwrap_refs(value)


def _drop_generic(node: Any) -> None:
    """The shared Id text inside a property's options would win the hover: drop it there."""
    if isinstance(node, dict):
        if str(node.get("description", "")).startswith(GENERIC_ID):
            del node["description"]
        for value in node.values():
            _drop_generic(value)
    elif isinstance(node, list):
        for value in node:
            _drop_generic(value)


def _restrict(name: str, part: dict[str, Any], ids: dict[str, list[str]]) -> None:
    for field, prop in part.get("properties", {}).items():
        kind = REFERENCES.get((name, field))
        if kind is not None and ids.get(kind):
            for target in _string_schemas(prop):
                target["enum"] = ids[kind]
                target.pop("pattern", None)
            prop["description"] = f"{prop.get('description', '')} Bekend: {', '.join(ids[kind])}."
        keyed = KEYED_BY.get((name, field))
        if keyed is not None and ids.get(keyed):
            prop["propertyNames"] = {"enum": ids[keyed]}
        if (name, field) in CITING and ids.get("verwijzingen"):
            targets = "|".join(t.replace(".", "\\.") for t in ids["verwijzingen"])
            for target in _string_schemas(prop):
                # Anything, except [[...]] that names no provision of this regeling.
                target["pattern"] = rf"^(?:[^\[]|\[(?!\[)|\[\[(?:{targets})\]\])*$"


def _string_schemas(prop: dict[str, Any]) -> list[dict[str, Any]]:
    """The string-typed parts of a property (itself, its items, its non-null options)."""
    if prop.get("type") == "string":
        return [prop]
    found: list[dict[str, Any]] = []
    for key in ("items",):
        if isinstance(prop.get(key), dict):
            found += _string_schemas(prop[key])
    for option in prop.get("anyOf", []):
        found += _string_schemas(option)
    return found
