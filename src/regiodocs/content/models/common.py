"""Shared building blocks of the content model, and the one text policy for every string.

Every string field is ``Tekst``, ``Naam``, ``Id`` or ``Kleur``; each applies
``text_policy`` when the content is validated, so no later stage (Markdown, the Word writer,
the per-municipality values put straight into the document XML) ever sees a character a
reader cannot see:

- control characters, lone surrogates and non-characters (NUL, vertical tab, form feed,
  U+FFFE, U+FFFF, ...) are refused with a located message;
- bidirectional overrides and isolates, zero-width and other invisible characters, and
  private-use characters are shown as a visible marker ``<U+202E>`` and never applied;
- in a ``Naam`` (names, kenmerken, roles, titles) runs of whitespace become one space.

Numbers and dates follow ``content/notatie.py`` (``Aantal``, ``Bedrag``, ``Datum``, ...):
``true`` is no number and a number is no date. Yes/no fields take only true or false, and
a field left as plain int/float refuses true/false too (``Model._strict_scalars``).
"""

from __future__ import annotations

import re
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from regiodocs.content import notatie

# Refused: C0 controls except tab and line feed, DEL, C1 controls, lone surrogates and the
# Unicode non-characters (U+FDD0-U+FDEF and the last two code points of every plane).
_REFUSED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p * 0x10000 + 0xFFFE)}{chr(p * 0x10000 + 0xFFFF)}" for p in range(1, 17))
    + "]"
)
# Shown, not applied: bidi marks, overrides and isolates; zero-width and invisible
# characters; line/paragraph separators; interlinear annotation; byte order mark; and the
# private-use area (no agreed meaning, and regiodocs' own placeholders live there).
_MARKED = re.compile(
    "[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ue000-\uf8ff]"
)
_WHITESPACE = re.compile(r"\s+")
# Every character that must never reach a document or a message as itself.
UNSEEN = re.compile("[" + _REFUSED.pattern[1:-1] + _MARKED.pattern[1:-1] + "]")


def marker(char: str) -> str:
    """The visible stand-in for a character that must not act in the document."""
    return f"<U+{ord(char):04X}>"


def visible(text: str) -> str:
    """Text for a message: every refused or marked character replaced by its marker."""
    text = _REFUSED.sub(lambda m: marker(m.group()), text)
    return _MARKED.sub(lambda m: marker(m.group()), text)


def _describe(char: str) -> str:
    code = ord(char)
    if code in (0x0B, 0x0C):
        return "een stuurteken (verticale tab of nieuwe pagina)"
    if code == 0:
        return "een NUL-teken"
    if 0xD800 <= code <= 0xDFFF:
        return "een losse surrogaathelft"
    if code <= 0x9F:
        return "een stuurteken"
    return "geen geldig teken (Unicode-niet-teken)"


def text_policy(value: Any) -> Any:
    """Refuse what a reader cannot see or the writers cannot store; mark what could mislead."""
    if not isinstance(value, str):
        return value  # the type check that follows reports it
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    bad = _REFUSED.search(value)
    if bad:
        raise ValueError(
            f"ongeldig teken {marker(bad.group())} ({_describe(bad.group())}) op positie "
            f"{bad.start() + 1} van de tekst; verwijder het"
        )
    return _MARKED.sub(lambda m: marker(m.group()), value)


def name_policy(value: Any) -> Any:
    """``text_policy``, then inner whitespace collapsed: a name is one line with single spaces."""
    value = text_policy(value)
    return _WHITESPACE.sub(" ", value).strip() if isinstance(value, str) else value


# Ids are used in references, file names and anchors: lower-case letters, digits and hyphens.
# (The policy validator comes after the constraints, so it runs first and the JSON Schema
# keeps the pattern.)
Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,63}$"),
    BeforeValidator(text_policy),
    Field(
        description="Stabiele sleutel: kleine letters, cijfers en koppeltekens (bijv. 'woerden')."
    ),
]
Tekst = Annotated[
    str, StringConstraints(min_length=1, strip_whitespace=True), BeforeValidator(text_policy)
]
# Names, kenmerken, roles and titles: one line, single spaces, at most NAAM_MAX characters
# (a title becomes a heading, a bookmark and a document property; longer belongs in a text).
NAAM_MAX = 1000
Naam = Annotated[
    str,
    StringConstraints(min_length=1, max_length=NAAM_MAX, strip_whitespace=True),
    BeforeValidator(name_policy),
]
Kleur = Annotated[
    str,
    StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$"),
    BeforeValidator(text_policy),
    Field(description="Kleur als hexadecimale code, bijv. '#1F4E79'."),
]

_WOORD_DATUM = (
    r"^(?:0?[1-9]|[12]\d|3[01]) (?:januari|februari|maart|april|mei|juni|juli|augustus"
    r"|september|oktober|november|december) \d{4}$"
)
# Numbers and dates follow the Dutch rule in content/notatie.py: the YAML source text is
# parsed, so `aantal: 14.000` is 14000, never 14. Every number and date field uses one of
# these types (a test walks the models to make sure).
# The editor schema's pattern for a number written as text (a plain number is a YAML number);
# content/editor.py narrows them to a field's bounds (ge, gt, le, lt).
AANTAL_TEKST = r"^\s*\d{1,3}(\.\d{3})+\s*$"
BEDRAG_TEKST = r"^\s*(€|EUR)?\s*\d{1,3}((\.\d{3})*|\d*)(,(\d{1,2}|-{1,2}))?\s*$"
KOMMAGETAL_TEKST = r"^\s*[+-]?\d{1,3}(\.\d{3})*(,\d+)?\s*$|^\s*[+-]?\d+(,\d+)?\s*$"
PERCENTAGE_TEKST = r"^\s*\d+(,\d+)?\s*%?\s*$"
Aantal = Annotated[
    int,
    BeforeValidator(notatie.geheel_getal),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string", "pattern": AANTAL_TEKST}]}),
]
Bedrag = Annotated[
    Decimal,
    BeforeValidator(notatie.bedrag),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": BEDRAG_TEKST}]}),
]
Kommagetal = Annotated[
    float,
    BeforeValidator(notatie.kommagetal),
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string", "pattern": KOMMAGETAL_TEKST}]}
    ),
]
Percentage = Annotated[
    float,
    BeforeValidator(notatie.percentage),
    WithJsonSchema(
        {"anyOf": [{"type": "number"}, {"type": "string", "pattern": PERCENTAGE_TEKST}]}
    ),
]
# JSON Schema cannot compare numbers inside a string, but a pattern can refuse impossible
# days: 31 only in long months, 30 never in February, 29 February only in leap years.
_ISO_DATUM = (
    r"^(?:\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)"
    r"|02-(?:0[1-9]|1\d|2[0-8]))"
    r"|(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
)
_NL_DATUM = (
    r"^(?:(?:0?[1-9]|[12]\d|3[01])-(?:0?[13578]|1[02])|(?:0?[1-9]|[12]\d|30)-(?:0?[469]|11)"
    r"|(?:0?[1-9]|1\d|2[0-8])-0?2)-\d{4}$"
    r"|^29-0?2-(?:\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)$"
)
Datum = Annotated[
    date,
    BeforeValidator(notatie.datum),
    WithJsonSchema(
        {
            "type": "string",
            "anyOf": [{"pattern": _ISO_DATUM}, {"pattern": _NL_DATUM}, {"pattern": _WOORD_DATUM}],
        }
    ),
]


def _scalar_kinds(annotation: Any) -> set[type]:
    """The scalar types a field annotation admits (int, float, Decimal, bool)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _scalar_kinds(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        return set().union(*(_scalar_kinds(a) for a in typing.get_args(annotation)))
    if annotation in (int, float, Decimal, bool):
        return {annotation}
    return set()


class Model(BaseModel):
    """Base of every content model: unknown keys are errors, values are immutable.

    A field's description is the docstring under it. Only the editor schemas show them, so
    they are read there (content/editor.py), not by pydantic when every command starts:
    that reading (the source of each of some 70 classes) cost about a tenth of a check."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    @field_validator("*", mode="before")
    @classmethod
    def _strict_scalars(cls, value: Any, info: ValidationInfo) -> Any:
        """A yes/no field takes only true or false; a number field never true or false."""
        if info.field_name is None or value is None:
            return value
        kinds = _scalar_kinds(cls.model_fields[info.field_name].annotation)
        if isinstance(value, bool) and kinds & {int, float, Decimal} and bool not in kinds:
            raise ValueError(f"verwacht een getal, gevonden ja/nee-waarde '{str(value).lower()}'")
        if bool in kinds and not isinstance(value, bool) and not kinds & {int, float, Decimal}:
            raise ValueError(f"verwacht ja/nee (true/false), gevonden '{visible(str(value))}'")
        return value


class Visieonderdeel(Model):
    """A titled piece of prose with a stable id (uitgangspunt, doel, randvoorwaarde, ...)."""

    id: Id
    """Nodig wanneer naar dit onderdeel wordt verwezen."""
    titel: Naam = Field(description="Korte titel, verschijnt als kopje.")
    tekst: Tekst = Field(description="Lopende tekst; een lege regel begint een nieuwe alinea.")
    punten: list[Tekst] = Field(
        default_factory=list, description="Optionele opsomming na de tekst."
    )
