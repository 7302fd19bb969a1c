"""Schema stage: apply the pydantic models to the loaded files; translate errors to Dutch.

Every file is validated, so one run reports the problems of all files at once.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from pydantic import BaseModel, ValidationError

from regiodocs.content import notatie
from regiodocs.content.editor import editor_schema, editor_schema_text
from regiodocs.content.load import FileCache, RawRegion, SourceFile
from regiodocs.content.models.common import Model, visible
from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS, Region
from regiodocs.diagnostics import ContentError, Diagnostic, YamlPath


def validate_region(raw: RawRegion, files: FileCache | None = None) -> Region:
    """Turn the loaded files into a typed Region, or raise ContentError with every problem.

    With ``files`` (the preview's resident cache) a file that did not change keeps its
    validated model: models are immutable and depend only on their own file."""
    problems: list[Diagnostic] = []

    def validate(model: type[Model], source: SourceFile) -> Any:
        if files is None:
            return _validate(model, source, problems)
        known = files.models.get(id(source))
        if known is not None and known[0] is source and known[1] is model:
            return known[2]
        result = _validate(model, source, problems)
        if result is not None:
            files.models[id(source)] = (source, model, result)
        return result

    sections: dict[str, Any] = {}
    for section, source in raw.singles.items():
        sections[section] = validate(SECTION_MODELS[section], source)
    folders: dict[str, list[Any]] = {}
    for section, sources in raw.folders.items():
        folders[section] = [validate(FOLDER_MODELS[section], s) for s in sources]
    if problems:
        raise ContentError(problems)
    kwargs: dict[str, Any] = {**sections, **folders}
    return Region(raw=raw, **kwargs)


def validate_file(model: type[Model], source: SourceFile) -> Any:
    problems: list[Diagnostic] = []
    result = _validate(model, source, problems)
    if problems:
        raise ContentError(problems)
    return result


def _validate(model: type[Model], source: SourceFile, problems: list[Diagnostic]) -> Any:
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        for error in exc.errors(include_url=False):
            problems.append(_diagnostic(model, source, error))
        return None


def _diagnostic(model: type[Model], source: SourceFile, error: Any) -> Diagnostic:
    loc: YamlPath = tuple(error["loc"])
    kind: str = error["type"]
    ctx: dict[str, Any] = error.get("ctx") or {}
    value = error.get("input")
    if kind == "extra_forbidden":
        key = visible(str(loc[-1]))
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"; bedoelde u '{close[0]}'?" if close else ""
        if allowed and not close:
            hint = f"; toegestaan: {', '.join(sorted(allowed))}"
        if " " in key.strip():
            hint += (
                ". Dit lijkt een stuk tekst: staat er een komma in een tekst tussen { }? "
                'Zet die tekst dan tussen aanhalingstekens ("...")'
            )
        return source.diagnostic(
            loc, f"onbekende sleutel '{key}'{hint}", key=True, code="schema.extra_forbidden"
        )
    if kind == "missing":
        field_name = str(loc[-1])
        return source.diagnostic(
            loc[:-1], f"verplicht veld '{field_name}' ontbreekt", code="schema.missing"
        )
    code = "notatie" if isinstance(ctx.get("error"), notatie.NotatieFout) else f"schema.{kind}"
    # visible(): a message never puts a control or bidi character on the user's terminal.
    message = visible(_message(kind, ctx, value, error.get("msg", "")))
    return source.diagnostic(loc, message, code=code)


def _message(kind: str, ctx: dict[str, Any], value: Any, msg: str) -> str:
    shown = _shown(value)
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        shown += _read_as(value)
    if kind in ("string_type",):
        return f"verwacht tekst, gevonden {shown}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"verwacht een geheel getal, gevonden {shown}"
    if kind in ("float_type", "float_parsing", "decimal_parsing", "decimal_type"):
        return f"verwacht een getal, gevonden {shown}"
    if kind in ("bool_type", "bool_parsing"):
        return f"verwacht ja/nee (true/false), gevonden {shown}"
    if kind in ("list_type",):
        return f"verwacht een lijst (regels met '- '), gevonden {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"verwacht een mapping (sleutel: waarde), gevonden {shown}"
    if kind.startswith("date") or kind.startswith("datetime"):
        return f"{shown} is geen bestaande datum; verwacht JJJJ-MM-DD, bijv. 2025-06-26"
    if kind == "too_short":
        if ctx.get("min_length") == 1 and isinstance(value, (list, dict)):
            return "lijst mag niet leeg zijn; verwacht ten minste één onderdeel"
        if isinstance(value, str):
            return "tekst mag niet leeg zijn"
        return f"te weinig onderdelen; verwacht ten minste {ctx.get('min_length')}"
    if kind == "string_too_short":
        return "tekst mag niet leeg zijn"
    if kind == "string_too_long":

        def dutch(n: Any) -> str:
            return f"{n:,}".replace(",", ".") if isinstance(n, int) else str(n)

        length = dutch(len(value)) if isinstance(value, str) else "te veel"
        return (
            f"te lang: {length} tekens; een naam, titel, onderwerp of kop is hoogstens "
            f"{dutch(ctx.get('max_length'))} tekens (een lange tekst hoort in een lid, een "
            "alinea of de toelichting)"
        )
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if pattern.startswith("^[a-z0-9]"):
            return (
                f"ongeldige id {shown}: gebruik kleine letters, cijfers en koppeltekens "
                "(geen spaties, '/', '.' of andere tekens), hoogstens 64 tekens"
            )
        if pattern.startswith("^#"):
            return f"ongeldige kleur {shown}: verwacht een code als '#1F4E79'"
        return f"ongeldige waarde {shown}"
    if kind in ("greater_than", "greater_than_equal"):
        bound = _getal(ctx.get("gt", ctx.get("ge")))
        word = "groter dan" if kind == "greater_than" else "ten minste"
        return f"waarde {shown} is te klein; verwacht {word} {bound}"
    if kind in ("less_than", "less_than_equal"):
        bound = _getal(ctx.get("lt", ctx.get("le")))
        return f"waarde {shown} is te groot; verwacht hoogstens {bound}"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        return f"ongeldige waarde {shown}; verwacht één van: {expected}"
    if kind in ("decimal_max_places", "decimal_max_digits"):
        return f"bedrag {shown} heeft te veel cijfers; hoogstens twee decimalen"
    if kind == "value_error":
        return str(ctx.get("error", msg)).removeprefix("Value error, ")
    return f"ongeldige waarde {shown} ({msg})"


def _read_as(value: Any) -> str:
    """' (gelezen als 12500)' when the typed number means something else than it looks."""
    source = getattr(value, "source", None)
    if not isinstance(source, str):
        return ""
    try:
        number = notatie.parse_getal(source.strip().removesuffix("%"))[0]
    except notatie.NotatieFout:
        return ""
    read = _getal(int(number) if number == number.to_integral_value() else number)
    return "" if read == source.strip() else f" (gelezen als {read})"


def _getal(value: Any) -> str:
    """A bound or parsed number as a Dutch reader writes it: 14, 10,5."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace(".", ",") if isinstance(value, (int, float)) else str(value)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "een mapping"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets (leeg)"
    source = getattr(value, "source", None)  # a number as typed: '14.000', not 14.0
    text = source if isinstance(source, str) else str(value)
    if isinstance(value, float) and not isinstance(source, str):
        text = _getal(value)  # a parsed number: 30, 10,5
    if len(text) > 40:
        text = text[:37] + "..."
    return f"'{visible(text)}'"


def _fields_at(model: type[BaseModel], path: YamlPath) -> list[str]:
    """The field names allowed at a path inside a model, for 'did you mean' hints."""
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(part)
        if info is None:
            return []
        current = _inner_model(info.annotation)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def json_schema() -> str:
    """A JSON Schema per content file, for editors with a YAML language server."""
    defs: dict[str, Any] = {}
    files: dict[str, Any] = {}
    for name, model in {**SECTION_MODELS, **FOLDER_MODELS}.items():
        schema = editor_schema(model)
        defs.update(schema.pop("$defs", {}))
        defs[model.__name__] = schema
        files[name] = {"$ref": f"#/$defs/{model.__name__}"}
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "regiodocs-inhoud",
        "description": "Schema's van de inhoudsbestanden van regiodocs, per bestand onder $defs.",
        "$defs": defs,
        "properties": files,
    }
    return json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def file_schema(name: str) -> str:
    """The JSON Schema of one kind of content file (e.g. 'regeling')."""
    return editor_schema_text({**SECTION_MODELS, **FOLDER_MODELS}[name])
