"""A number field's bounds (ge, gt, le, lt) in the editor schema, also for numbers as text.

pydantic cannot put a bound into the schema of our number types (they carry their own JSON
Schema: a number, or a string in Dutch notation). So the editor schema gets them here:

- the number option gets ``minimum``, ``exclusiveMinimum``, ``maximum``, ``exclusiveMaximum``;
- JSON Schema cannot compare a number inside a string, so the string option's pattern is
  rebuilt to match only the numbers within the bounds, in the same notation (``1.500`` for
  a count, ``14,5`` for a measure, ``7,45%`` for a percentage). An option that can hold no
  allowed number at all (a count of at most 4 written with a thousands dot) is dropped;
- the field's description says the bounds in Dutch ("ten minste 1, hoogstens 100").

Only whole-number bounds are supported (every bound in the models is one); another bound
raises at schema time, so a test catches it before a user does.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import annotated_types

from regiodocs.content.models.common import (
    AANTAL_TEKST,
    BEDRAG_TEKST,
    KOMMAGETAL_TEKST,
    PERCENTAGE_TEKST,
)


@dataclass(frozen=True)
class Bounds:
    low: int | None = None
    low_open: bool = False  # gt instead of ge
    high: int | None = None
    high_open: bool = False  # lt instead of le

    def __bool__(self) -> bool:
        return self.low is not None or self.high is not None

    def admits(self, value: Decimal) -> bool:
        if self.low is not None and (value < self.low or (self.low_open and value == self.low)):
            return False
        return self.high is None or not (
            value > self.high or (self.high_open and value == self.high)
        )

    def dutch(self) -> str:
        """'Ten minste 2 en hoogstens 10.000.' (a dot between thousands from 10.000 on)."""

        def shown(number: int) -> str:
            return f"{number:,}".replace(",", ".") if abs(number) >= 10000 else str(number)

        parts = []
        if self.low is not None:
            parts.append(f"{'groter dan' if self.low_open else 'ten minste'} {shown(self.low)}")
        if self.high is not None:
            parts.append(f"{'kleiner dan' if self.high_open else 'hoogstens'} {shown(self.high)}")
        return " en ".join(parts).capitalize() + "."


def field_bounds(metadata: list[Any]) -> Bounds:
    """The bounds among a pydantic field's metadata (annotated_types Ge, Gt, Le, Lt)."""
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            found.update(low=item.ge, low_open=False)
        elif isinstance(item, annotated_types.Gt):
            found.update(low=item.gt, low_open=True)
        elif isinstance(item, annotated_types.Le):
            found.update(high=item.le, high_open=False)
        elif isinstance(item, annotated_types.Lt):
            found.update(high=item.lt, high_open=True)
    for key in ("low", "high"):
        if key in found:
            number = found[key]
            if isinstance(number, bool) or int(number) != number:
                raise ValueError(f"only whole-number bounds are supported, got {number!r}")
            found[key] = int(number)
    return Bounds(**found)


@dataclass(frozen=True)
class _Notation:
    """How a number of one type is written as text (see the patterns in models/common.py)."""

    dots: str  # thousands dots: "required" (14.000), "optional" (1500 or 1.500), "none"
    fraction: str  # regex of any decimal part, "" when the type has none
    zero_fraction: str  # regex of a decimal part that is zero (1,0)
    nonzero_fraction: str  # regex of a decimal part that is not zero (1,05)
    before: str = ""  # after the leading blanks: a currency sign
    after: str = ""  # before the trailing blanks: a percent sign


NOTATIONS = {
    AANTAL_TEKST: _Notation("required", "", "", ""),
    BEDRAG_TEKST: _Notation(
        "optional",
        r",(?:\d{1,2}|-{1,2})",
        r",(?:0{1,2}|-{1,2})",
        r",(?:0?[1-9]|[1-9]\d)",
        before=r"(?:€|EUR)?\s*",
    ),
    KOMMAGETAL_TEKST: _Notation("optional", r",\d+", r",0+", r",\d*[1-9]\d*"),
    PERCENTAGE_TEKST: _Notation("none", r",\d+", r",0+", r",\d*[1-9]\d*", after=r"\s*%?"),
}


def apply(prop: dict[str, Any], bounds: Bounds) -> None:
    """Put a field's bounds into its property schema (in place); see the module docstring."""
    _strip_leaked(prop)
    _narrow(prop, bounds)
    prop["description"] = f"{prop.get('description', '')} {bounds.dutch()}".strip()


def _strip_leaked(node: Any) -> None:
    """pydantic copies ge/gt/le/lt as-is next to a custom schema: no JSON Schema keywords."""
    if isinstance(node, dict):
        for key in ("ge", "gt", "le", "lt"):
            node.pop(key, None)
        for key, value in node.items():
            if key not in ("properties", "enum", "const", "default"):
                _strip_leaked(value)
    elif isinstance(node, list):
        for value in node:
            _strip_leaked(value)


def _narrow(node: dict[str, Any], bounds: Bounds) -> bool:
    """Narrow one schema node; False when it is a text option no allowed number fits."""
    if node.get("type") in ("integer", "number"):
        if bounds.low is not None:
            node["exclusiveMinimum" if bounds.low_open else "minimum"] = bounds.low
        if bounds.high is not None:
            node["exclusiveMaximum" if bounds.high_open else "maximum"] = bounds.high
    if node.get("type") == "string" and node.get("pattern") in NOTATIONS:
        pattern = bounded_pattern(NOTATIONS[node["pattern"]], bounds)
        if pattern is None:
            return False
        node["pattern"] = pattern
    options = node.get("anyOf")
    if isinstance(options, list):
        kept = [option for option in options if _narrow(option, bounds)]
        if len(kept) == 1 and not (set(node) - {"anyOf"}) & set(kept[0]):
            node.pop("anyOf")
            node.update(kept[0])
        else:
            node["anyOf"] = kept
    return True


def bounded_pattern(notation: _Notation, bounds: Bounds) -> str | None:
    """A pattern for exactly the numbers within the bounds in a notation; None if none can be.

    A number I,F (whole part I, decimals F >= 0) with whole-number bounds: I,F >= lo when
    I >= lo; I,F > lo when I > lo, or I = lo and F is not zero; I,F <= hi when I < hi, or
    I = hi and F is zero; I,F < hi when I < hi.
    """
    if bounds.low is None or bounds.low < 0:
        raise ValueError("a number as text needs a lower bound of 0 or more here")
    low, high = bounds.low, bounds.high
    core_low = low + 1 if bounds.low_open else low
    extras: list[str] = []
    if not notation.fraction:  # whole numbers only: both bounds inclusive
        core_high = None if high is None else high - bounds.high_open
    else:
        core_high = None if high is None else high - 1
        if bounds.low_open and (high is None or high > low):  # low < I,F < low + 1
            extras += [w + notation.nonzero_fraction for w in _wholes(low, low, notation.dots)]
        if high is not None and not bounds.high_open and core_low <= high:  # I,F = high
            extras += [
                w + f"(?:{notation.zero_fraction})?" for w in _wholes(high, high, notation.dots)
            ]
    core = _wholes(core_low, core_high, notation.dots)
    if core and notation.fraction:
        core = [f"(?:{'|'.join(core)})(?:{notation.fraction})?"]
    options = core + extras
    if not options:
        return None
    return rf"^\s*{notation.before}(?:{'|'.join(options)}){notation.after}\s*$"


def _wholes(low: int, high: int | None, dots: str) -> list[str]:
    """Regexes for the whole numbers low..high (high None: no upper bound), no leading zeros."""
    if high is not None and high < low:
        return []
    pieces: list[list[str]] = []
    longer: int | None = None
    top = high
    if top is None:  # up to the next whole group of three digits; longer numbers below
        longer = -(-(len(str(low)) + 1) // 3) * 3
        top = 10**longer - 1
    for length in range(len(str(low)), len(str(top)) + 1):
        start = max(low, 10 ** (length - 1) if length > 1 else 0)
        end = min(top, 10**length - 1)
        if start <= end:
            pieces += _same_length(str(start), str(end))
    rendered: list[str] = []
    for piece in pieces:
        rendered += _render(piece, dots)
    if longer is not None:
        if dots != "required":
            rendered.append(rf"[1-9]\d{{{longer},}}")
        if dots != "none":
            rendered.append(rf"[1-9]\d{{0,2}}(?:\.\d{{3}}){{{longer // 3},}}")
    return rendered


def _same_length(low: str, high: str) -> list[list[str]]:
    """Digit classes, position by position, that together match exactly low..high."""
    if low == high:
        return [list(low)]
    if len(low) == 1:
        return [[f"[{low}-{high}]"]]
    if low[0] == high[0]:
        return [[low[0], *rest] for rest in _same_length(low[1:], high[1:])]
    n = len(low) - 1
    pieces: list[list[str]] = []
    first, last = int(low[0]), int(high[0])
    if low[1:] != "0" * n:
        pieces += [[low[0], *rest] for rest in _same_length(low[1:], "9" * n)]
        first += 1
    if high[1:] != "9" * n:
        last -= 1
    if first <= last:
        lead = str(first) if first == last else f"[{first}-{last}]"
        pieces.append([lead] + ["[0-9]"] * n)
    if high[1:] != "9" * n:
        pieces += [[high[0], *rest] for rest in _same_length("0" * n, high[1:])]
    return pieces


def _render(piece: list[str], dots: str) -> list[str]:
    plain = "".join(piece)
    if len(piece) < 4:
        return [] if dots == "required" else [plain]
    dotted = "".join(
        (r"\." if i and (len(piece) - i) % 3 == 0 else "") + part for i, part in enumerate(piece)
    )
    return {"required": [dotted], "optional": [plain, dotted], "none": [plain]}[dots]
