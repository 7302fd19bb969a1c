"""Dutch formatting of dates, amounts, percentages and lists."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MAANDEN = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]


def datum(value: date) -> str:
    """date(2024, 6, 27) -> '27 juni 2024'."""
    return f"{value.day} {MAANDEN[value.month - 1]} {value.year}"


def maand(value: date) -> str:
    """date(2024, 10, 1) -> 'oktober 2024' (when only the month is known)."""
    return f"{MAANDEN[value.month - 1]} {value.year}"


def decimaal(value: Decimal) -> str:
    """Decimal('87.9') -> '87,9'; Decimal('64') -> '64'; thousands grouped: '1.234,5'."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    return sign + _group(whole) + ("," + fraction if fraction else "")


def _group(digits: str) -> str:
    out = ""
    while len(digits) > 3:
        out = "." + digits[-3:] + out
        digits = digits[:-3]
    return digits + out


def bedrag(value: Decimal, *, centen: bool = False) -> str:
    """Decimal('1234567') -> '€ 1.234.567' (a non-breaking space after €); with centen: ',00'."""
    sign = "-" if value < 0 else ""
    value = abs(value)
    if centen:
        q = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        whole, _, cents = f"{q:.2f}".partition(".")
        return f"€\u00a0{sign}{_group(whole)},{cents}"
    q = value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"€\u00a0{sign}{_group(str(int(q)))}"


def getal(value: int) -> str:
    """46000 -> '46.000'."""
    return ("-" if value < 0 else "") + _group(str(abs(value)))


def procent(value: Decimal, decimalen: int = 2) -> str:
    """Decimal('22.71') -> '22,71%'."""
    q = value.quantize(Decimal(1).scaleb(-decimalen), rounding=ROUND_HALF_UP)
    return f"{q:.{decimalen}f}".replace(".", ",") + "%"


def opsomming(items: Sequence[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b en c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]


def maand_jaar(text: str) -> date | None:
    """'oktober 2024' -> date(2024, 10, 1); None when the text is not a month and a year."""
    parts = text.strip().lower().split()
    if len(parts) != 2 or parts[0] not in MAANDEN or not parts[1].isdigit():
        return None
    year = int(parts[1])
    if not 1900 <= year <= 2200:
        return None
    return date(year, MAANDEN.index(parts[0]) + 1, 1)


_TELWOORDEN = (
    "nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
    "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
    "negentien", "twintig",
)  # fmt: skip


def telwoord(value: int) -> str:
    """Numbers up to twenty in words, as Dutch house style writes them in running text
    (6 -> 'zes', 1 -> 'één'); larger numbers in figures (51 -> '51', 1200 -> '1.200')."""
    return _TELWOORDEN[value] if 0 <= value <= 20 else getal(value)


def aantal(value: int, enkelvoud: str, meervoud: str) -> str:
    """A count with a noun that agrees: (1, 'stem', 'stemmen') -> 'één stem', 3 -> 'drie stemmen'."""
    return f"{telwoord(value)} {enkelvoud if value == 1 else meervoud}"


def werkwoord(value: int, enkelvoud: str = "is", meervoud: str = "zijn") -> str:
    """The verb that agrees with a count: 1 -> 'is', otherwise 'zijn'."""
    return enkelvoud if value == 1 else meervoud
