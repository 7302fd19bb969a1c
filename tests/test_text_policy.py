"""The text policy and strict types, field by field.

Every string field of every content model is found by walking the models; each one that
occurs in the shipped content is then tried with a refused character, a bidi override and
(for names) doubled spaces, through the real loader and schema stage.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any, Literal

import pytest
from conftest import ROOT
from pydantic import BaseModel

from regiodocs.content.load import FOLDERS, SINGLE_FILES, SourceFile, load_yaml_file
from regiodocs.content.models.common import (
    Model,
    name_policy,
    text_policy,
)
from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS
from regiodocs.content.schema import validate_file
from regiodocs.diagnostics import ContentError, format_path
from regiodocs.legal.numbering import letter

Leaf = Literal["tekst", "naam", "id", "literal", "other"]


def _policy_of(annotation: Any) -> Leaf | None:
    """Which string policy an annotation applies, or None if it is no string."""
    if typing.get_origin(annotation) is Annotated:
        base, *meta = typing.get_args(annotation)
        if base is str:
            validators = [getattr(m, "func", None) for m in meta]
            if name_policy in validators:
                return "naam"
            if text_policy in validators:
                pattern = [m for m in meta if getattr(m, "pattern", None)]
                return "id" if pattern else "tekst"
            return "other"
        return _policy_of(base)
    if typing.get_origin(annotation) is Literal:
        return "literal"
    if annotation is str:
        return "other"
    return None


def _unwrap(annotation: Any) -> list[Any]:
    """The element types of Optional/list/dict annotations (a model or a string type)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated and typing.get_args(annotation)[0] is not str:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return [a for arg in typing.get_args(annotation) for a in _unwrap(arg)]
    if origin is list:
        return _unwrap(typing.get_args(annotation)[0])
    if origin is dict:
        key, value = typing.get_args(annotation)
        return [*_unwrap(key), *_unwrap(value)]
    if annotation is type(None):
        return []
    return [annotation]


def _annotation(info: Any) -> Any:
    """A field's annotation with the metadata pydantic moved out of its top level."""
    if info.metadata:
        return Annotated[(info.annotation, *info.metadata)]  # type: ignore[valid-type]
    return info.annotation


def string_fields() -> list[tuple[str, str, Leaf]]:
    """(model name, field name, policy) for every string-typed field of every model."""
    found: list[tuple[str, str, Leaf]] = []
    seen: set[type] = set()
    todo: list[type[BaseModel]] = [*SECTION_MODELS.values(), *FOLDER_MODELS.values()]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            for inner in _unwrap(_annotation(info)):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    todo.append(inner)
                    continue
                policy = _policy_of(inner)
                if policy is not None:
                    found.append((model.__name__, name, policy))
    return sorted(set(found))


STRING_FIELDS = string_fields()


def test_the_walk_finds_the_string_fields() -> None:
    names = {(m, f) for m, f, _ in STRING_FIELDS}
    assert ("Deelnemer", "kenmerk_prefix") in names
    assert ("RaadsvoorstelGemeente", "kenmerk") in names
    assert ("Subonderdeel", "tekst") in names
    assert len(STRING_FIELDS) > 80


@pytest.mark.parametrize(("model", "field", "policy"), STRING_FIELDS, ids=lambda v: str(v))
def test_every_string_field_applies_the_policy(model: str, field: str, policy: Leaf) -> None:
    """No plain ``str``: each string field is Tekst, Naam, Id, Kleur or a fixed choice."""
    assert policy != "other", f"{model}.{field} is a string without the text policy"


# --- behaviour, per field path that occurs in the shipped content -------------------------


def _sources() -> list[SourceFile]:
    """Every content file of every shipped region."""
    out: list[SourceFile] = []
    for base in sorted(p for p in (ROOT / "content").iterdir() if p.is_dir()):
        out += [
            load_yaml_file(base / name, section)
            for section, name in SINGLE_FILES.items()
            if (base / name).is_file()
        ]
        for folder, root in FOLDERS.items():
            out += [load_yaml_file(p, root) for p in sorted((base / folder).glob("*.yaml"))]
    return out


SOURCES = _sources()


def _utrecht_west(root: str) -> SourceFile:
    return next(s for s in SOURCES if s.root == root and "utrecht-west" in str(s.path))


MODELS = {**SECTION_MODELS, **{FOLDERS[k]: v for k, v in FOLDER_MODELS.items()}}


def _string_leaves(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(node, dict):
        return [p for key, value in node.items() for p in _string_leaves(value, (*path, key))]
    if isinstance(node, list):
        return [p for i, value in enumerate(node) for p in _string_leaves(value, (*path, i))]
    return [path] if isinstance(node, str) else []


def _strip(annotation: Any) -> Any:
    """Remove Optional and non-string Annotated layers."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is Annotated and typing.get_args(annotation)[0] is not str:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0]
        else:
            return annotation


def _policy_at(model: type[BaseModel], path: tuple[Any, ...]) -> Leaf | None:
    annotation: Any = model
    for part in path:
        annotation = _strip(annotation)
        origin = typing.get_origin(annotation)
        if origin is list:
            annotation = typing.get_args(annotation)[0]
        elif origin is dict:
            annotation = typing.get_args(annotation)[1]
        else:
            annotation = _annotation(annotation.model_fields[part])
    return _policy_of(_strip(annotation))


def _field_paths() -> list[tuple[str, tuple[Any, ...]]]:
    """One shipped path per distinct field (list indices and dict keys generalised)."""
    chosen: dict[tuple[str, str], tuple[str, tuple[Any, ...]]] = {}
    for index, source in enumerate(SOURCES):
        for path in _string_leaves(source.data):
            general = tuple("[]" if isinstance(p, int) else p for p in path)
            if source.root in ("raadsvoorstel", "informatiebrief") and "per_gemeente" in path:
                at = path.index("per_gemeente") + 1
                general = (*general[:at], "<gemeente>", *general[at + 1 :])
            chosen.setdefault((source.root, str(general)), (str(index), path))
    return sorted(chosen.values(), key=lambda v: (int(v[0]), str(v[1])))


FIELD_PATHS = _field_paths()


def _set(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = _deep(data)
    node = copy
    for part in path[:-1]:
        node = node[part]
    node[path[-1]] = value
    return copy


def _deep(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _deep(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_deep(v) for v in node]
    return node


def _get(node: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        node = (
            getattr(node, part)
            if isinstance(part, str) and not isinstance(node, dict)
            else node[part]
        )
    return node


def _validate(source: SourceFile, data: Any) -> Any:
    probe = SourceFile(source.path, source.root, data, source.positions, source.key_positions)
    return validate_file(MODELS[source.root], probe)


def _label(case: tuple[str, tuple[Any, ...]]) -> str:
    return format_path(SOURCES[int(case[0])].root, case[1])


def test_every_field_path_is_tried() -> None:
    assert len(FIELD_PATHS) > 150


@pytest.mark.parametrize("case", FIELD_PATHS, ids=_label)
@pytest.mark.parametrize("bad", ["\x0b", "\x0c", "\x00", "\ufffe", "\uffff", "\x85"])
def test_control_and_non_characters_are_refused_where_they_stand(
    case: tuple[str, tuple[Any, ...]], bad: str
) -> None:
    source = SOURCES[int(case[0])]
    path = case[1]
    original = _get(source.data, path)
    with pytest.raises(ContentError) as raised:
        _validate(source, _set(source.data, path, original[:3] + bad + original[3:]))
    (diagnostic,) = raised.value.diagnostics
    assert diagnostic.yaml_path == format_path(source.root, path)
    assert (diagnostic.line, diagnostic.column) == source.locate(path)
    assert bad not in diagnostic.message  # a message shows the marker, not the character
    if _policy_at(MODELS[source.root], path) not in ("literal", None):
        assert f"ongeldig teken <U+{ord(bad):04X}>" in diagnostic.message


@pytest.mark.parametrize("case", FIELD_PATHS, ids=_label)
def test_bidi_and_invisible_characters_are_shown_not_applied(
    case: tuple[str, tuple[Any, ...]],
) -> None:
    source = SOURCES[int(case[0])]
    path = case[1]
    policy = _policy_at(MODELS[source.root], path)
    if policy not in ("naam", "tekst"):
        pytest.skip("an id, a date or a fixed choice refuses any other character")
    original = _get(source.data, path)
    value = original[:3] + "\u202e" + original[3:5] + "\u2063\u200b" + original[5:]
    model = _validate(source, _set(source.data, path, value))
    shown = _get(model, path)
    assert "\u202e" not in shown and "\u2063" not in shown and "\u200b" not in shown
    expected = original[:3] + "<U+202E>" + original[3:5] + "<U+2063><U+200B>" + original[5:]
    if policy == "naam":
        expected = " ".join(expected.split())
    assert shown == expected.strip()


@pytest.mark.parametrize("case", FIELD_PATHS, ids=_label)
def test_names_have_single_spaces_and_prose_keeps_its_lines(
    case: tuple[str, tuple[Any, ...]],
) -> None:
    source = SOURCES[int(case[0])]
    path = case[1]
    policy = _policy_at(MODELS[source.root], path)
    if policy not in ("naam", "tekst"):
        pytest.skip("ids and fixed choices have no inner whitespace")
    original = _get(source.data, path)
    value = original[:2] + "  \t " + original[2:] + "\n\nTweede alinea."
    shown = _get(_validate(source, _set(source.data, path, value)), path)
    if policy == "naam":
        assert shown == " ".join(value.split())
    else:
        assert shown == value.strip()


def test_placeholder_syntax_is_ordinary_text() -> None:
    source = _utrecht_west("regio")
    path = ("deelnemers", 0, "naam")
    model = _validate(source, _set(source.data, path, "⟦naam⟧ en ⟦bijdrage.0⟧"))
    assert model.deelnemers[0].naam == "⟦naam⟧ en ⟦bijdrage.0⟧"


def test_private_use_characters_are_marked() -> None:
    assert text_policy("a\ue000naam\ue001b") == "a<U+E000>naam<U+E001>b"


def test_carriage_returns_become_line_breaks() -> None:
    assert text_policy("a\r\nb\rc") == "a\nb\nc"


# --- strict types --------------------------------------------------------------------------


def _regio() -> SourceFile:
    return _utrecht_west("regio")


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("deelnemers", 0, "inwoners", "aantal"), True, "ja/nee"),
        (("deelnemers", 0, "inwoners", "peildatum"), 20250101, "is geen bestaande datum"),
        (("deelnemers", 0, "inwoners", "peildatum"), 0, "is geen bestaande datum"),
        (("deelnemers", 0, "inwoners", "peildatum"), "1735689600", "is geen bestaande datum"),
        (("deelnemers", 0, "inwoners", "peildatum"), "2025-01-01T00:00", "is geen bestaande datum"),
        (("deelnemers", 0, "raadsvergaderingen", 0), 0, "is geen bestaande datum"),
        (("deelnemers", 0, "inwoners", "bron"), 12, "verwacht tekst"),
    ],
)
def test_strict_types_in_regio(path: tuple[Any, ...], value: Any, message: str) -> None:
    source = _regio()
    with pytest.raises(ContentError) as raised:
        _validate(source, _set(source.data, path, value))
    (diagnostic,) = raised.value.diagnostics
    assert message in diagnostic.message
    assert diagnostic.yaml_path == format_path("regio", path)


def test_a_version_or_date_written_as_a_number_is_refused() -> None:
    source = _utrecht_west("regeling")
    for path, value in ((("versie",), 0.4), (("datum_versie",), 20251101)):
        with pytest.raises(ContentError) as raised:
            _validate(source, _set(source.data, path, value))
        assert raised.value.diagnostics[0].yaml_path == format_path("regeling", path)


def test_a_yes_no_field_takes_only_true_or_false() -> None:
    source = _utrecht_west("afwegingskader")
    path = ("vragen", 0, "motivatie_verplicht")
    with pytest.raises(ContentError) as raised:
        _validate(source, _set(source.data, path, 1))
    assert "verwacht ja/nee" in raised.value.diagnostics[0].message
    assert _get(_validate(source, _set(source.data, path, False)), path) is False


def test_numbers_still_take_numbers() -> None:
    source = _regio()
    path = ("huisstijlen", 0, "lettergrootte")
    if not _string_leaves(source.data) or "huisstijlen" not in source.data:
        pytest.skip("no huisstijl in the shipped regio.yaml")
    assert _get(_validate(source, _set(source.data, path, 11)), path) == 11.0


def test_every_model_uses_the_common_base() -> None:
    for model in [*SECTION_MODELS.values(), *FOLDER_MODELS.values()]:
        assert issubclass(model, Model)


# --- sequences that never run out ----------------------------------------------------------


def test_letters_continue_after_z_as_the_ar_does() -> None:
    assert [letter(i) for i in (0, 25, 26, 27, 51, 52, 799)] == [
        "a",
        "z",
        "aa",
        "bb",
        "zz",
        "aaa",
        letter(799 % 26) * (799 // 26 + 1),
    ]
    assert len({letter(i) for i in range(2000)}) == 2000
