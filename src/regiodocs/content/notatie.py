"""Numbers and dates as Dutch writers write them: one rule, and a refusal where it is unclear.

The rule (also in the README):

- the comma is the decimal sign: ``7,45``, ``1.234,56``;
- a dot followed by exactly three digits separates thousands: ``14.000`` is fourteen
  thousand, ``1.234.567`` over a million. Every group after the first has three digits;
- one dot that cannot separate thousands (``350000.00``, ``10.5``, ``1234.567``) can only
  be a decimal point and is read as one; in a count that is not a whole number and is
  refused, in an amount more than two decimals are refused;
- anything else (``14,000`` in a count, ``1,234.56``, ``1.234.5``, ``14_000``, ``1e3``,
  ``0x1f``) is refused with a message that shows how to write the number.

YAML itself reads ``14.000`` as the float 14.0; the loader keeps every number's source text
(:class:`regiodocs.content.load.YamlInt` / ``YamlFloat``), and the field types in
``models/common.py`` parse that text, never the float. So ``aantal: 14.000`` is 14000.

Dates: ``2025-06-26`` (as in YAML), ``26-06-2025`` or ``26-6-2025`` (day first, as in the
Netherlands) and ``26 juni 2025``. An impossible date (``2027-02-30``) is refused.
"""

from __future__ import annotations

import calendar
import math
import re
from datetime import date
from decimal import Decimal
from typing import Any

from regiodocs.fmt import MAANDEN

_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")  # 1.234.567 or 1.234,56
_PLAIN = re.compile(r"\d+(?:,\d+)?")  # 1234567 or 1234,56
_DOT_DECIMAL = re.compile(r"\d+\.\d+")  # 350000.00, 10.5: checked after thousands
_SPACES = re.compile(r"[ \u00a0\u202f]+")

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NL_DATE = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")
_WORD_DATE = re.compile(r"(\d{1,2}) ([a-z]+) (\d{4})")


class NotatieFout(ValueError):
    """A value that does not follow the Dutch rule; the message says how to write it."""


def source_text(value: Any) -> str | None:
    """The text the writer typed: a YAML number's source, or a string; None otherwise."""
    source = getattr(value, "source", None)
    if isinstance(source, str):
        return source
    if isinstance(value, str):
        return value
    return None


def parse_getal(text: str) -> tuple[Decimal, bool]:
    """Parse a number by the Dutch rule; returns the value and whether it had a decimal part.

    Raises NotatieFout with the reason when the text is not a number in that notation or
    is ambiguous; the callers say what was expected and give an example.
    """
    raw = _SPACES.sub(" ", text.strip())
    sign = ""
    if raw[:1] in "+-" and raw[1:2].isdigit():
        sign, raw = raw[0], raw[1:]
    if _GROUPED.fullmatch(raw) or _PLAIN.fullmatch(raw):
        whole, _, fraction = raw.partition(",")
        value = Decimal(sign + whole.replace(".", "") + ("." + fraction if fraction else ""))
        return value, bool(fraction)
    if _DOT_DECIMAL.fullmatch(raw):
        return Decimal(sign + raw), True
    if re.fullmatch(r"\d+(\.\d+)+(,\d*)?", raw):
        raise NotatieFout(
            "onduidelijk: een punt scheidt duizendtallen, en elke groep na de eerste heeft "
            "dan drie cijfers"
        )
    if re.fullmatch(r"[\d.]+,[\d.,]*|[\d,]+\.[\d.,]*", raw):
        raise NotatieFout(
            "in het Nederlands scheidt de punt duizendtallen en is de komma het decimaalteken"
        )
    raise NotatieFout("dit is geen getal in cijfers")


def _refuse(wat: str, text: str, reason: str, voorbeeld: str) -> NotatieFout:
    return NotatieFout(f"verwacht {wat}, gevonden '{text.strip()}' ({reason}); {voorbeeld}")


GROOTSTE_AANTAL = 10**12
_GEHEEL = "schrijf bijv. 14000 of 14.000 (de punt scheidt duizendtallen)"


def geheel_getal(value: Any) -> Any:
    """A count (inwoners, stemmen, leden, jaar): whole, thousands with a dot, no comma."""
    if isinstance(value, bool):
        raise _refuse("een geheel getal", str(value).lower(), "ja/nee", _GEHEEL)
    text = source_text(value)
    if text is None:
        return value  # a number from code, not from a file
    try:
        number, decimal_part = parse_getal(text)
    except NotatieFout as exc:
        raise _refuse("een geheel getal", text, str(exc), _GEHEEL) from None
    if decimal_part:
        raise _refuse("een geheel getal", text, "een aantal heeft geen decimalen", _GEHEEL)
    if abs(number) > GROOTSTE_AANTAL:  # no count in these documents comes near; beyond it
        # the arithmetic (shares, ratios) would run out of decimal precision
        raise _refuse("een geheel getal", text, "te groot; hoogstens 1.000.000.000.000", _GEHEEL)
    return int(number)


_BEDRAG = "schrijf bijv. 350.000 of € 1.234,56 (punt tussen duizendtallen, komma voor centen)"


def bedrag(value: Any) -> Any:
    """An amount in euros: optional '€', thousands with a dot, cents after a comma, ',-'."""
    if isinstance(value, bool):
        raise _refuse("een bedrag", str(value).lower(), "ja/nee", _BEDRAG)
    text = source_text(value)
    if text is None:
        return value
    raw = text.strip()
    if raw.startswith("€"):
        raw = raw[1:].lstrip(" \u00a0\u202f")
    elif raw.upper().startswith("EUR "):
        raw = raw[4:].lstrip()
    if raw.endswith((",-", ",--")):
        raw = raw.rstrip("-").removesuffix(",")
    try:
        number, _ = parse_getal(raw)
    except NotatieFout as exc:
        raise _refuse("een bedrag", text, str(exc), _BEDRAG) from None
    return number


_KOMMAGETAL = "schrijf bijv. 10,5 (komma voor decimalen)"


def kommagetal(value: Any) -> Any:
    """A measure with decimals (lettergrootte, marge): '10,5' or '10.5'; '1.500' is 1500."""
    if isinstance(value, bool):
        raise _refuse("een getal", str(value).lower(), "ja/nee", _KOMMAGETAL)
    text = source_text(value)
    if text is None:
        return value
    try:
        number, _ = parse_getal(text)
    except NotatieFout as exc:
        raise _refuse("een getal", text, str(exc), _KOMMAGETAL) from None
    return _finite(number, "een getal", text, _KOMMAGETAL)


def percentage(value: Any) -> Any:
    """A percentage: '7,45', '7,45%' or '7.45'; the '%' sign is optional."""
    if isinstance(value, bool):
        raise _refuse("een percentage", str(value).lower(), "ja/nee", "schrijf bijv. 7,45")
    text = source_text(value)
    if text is None:
        return value
    try:
        number, _ = parse_getal(text.strip().removesuffix("%"))
    except NotatieFout as exc:
        raise _refuse("een percentage", text, str(exc), "schrijf bijv. 7,45 of 7,45%") from None
    return _finite(number, "een percentage", text, "schrijf bijv. 7,45 of 7,45%")


def _finite(number: Decimal, wat: str, text: str, voorbeeld: str) -> float:
    """``number`` as a float; one beyond the float range (it would become 'inf') refused."""
    result = float(number)
    if not math.isfinite(result):
        raise _refuse(wat, text, "te groot om mee te rekenen", voorbeeld)
    return result


_DATUM = "verwacht JJJJ-MM-DD (bijv. 2025-06-26), DD-MM-JJJJ (26-06-2025) of '26 juni 2025'"


def datum(value: Any) -> Any:
    """A date: 2025-06-26, 26-06-2025 or 26 juni 2025; impossible dates are refused."""
    if isinstance(value, date):
        return value
    text = source_text(value)
    if text is None or not isinstance(value, str):
        shown = text if text is not None else str(value)
        raise NotatieFout(f"'{shown}' is geen bestaande datum; {_DATUM}")
    raw = " ".join(text.split()).lower()
    parts: tuple[int, int, int] | None = None
    if match := _ISO_DATE.fullmatch(raw):
        parts = (int(match[1]), int(match[2]), int(match[3]))
    elif match := _NL_DATE.fullmatch(raw):
        parts = (int(match[3]), int(match[2]), int(match[1]))
    elif (match := _WORD_DATE.fullmatch(raw)) and match[2] in MAANDEN:
        parts = (int(match[3]), MAANDEN.index(match[2]) + 1, int(match[1]))
    if parts is None:
        raise NotatieFout(f"'{text.strip()}' is geen bestaande datum; {_DATUM}")
    reason = _impossible(*parts)
    if reason:
        raise NotatieFout(f"'{text.strip()}' is geen bestaande datum: {reason}; {_DATUM}")
    return date(*parts)


def _impossible(year: int, month: int, day: int) -> str:
    """Why a year, month and day make no date ('maand 13 bestaat niet'), or '' if they do."""
    if not 1 <= month <= 12:
        return f"maand {month} bestaat niet (een maand is 1 tot en met 12)"
    if year < 1:
        return f"jaar {year} bestaat niet"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"dag {day} bestaat niet in {MAANDEN[month - 1]} {year} (die heeft {last} dagen)"
    return ""
