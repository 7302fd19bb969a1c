"""The cost-sharing key and the contributions, by largest-remainder rounding.

Method (also printed in the documents): each municipality's exact share is inhabitants /
total. Shares are rounded down to the stated number of decimals; the units still missing
to reach exactly 100 go, one each, to the largest remainders (ties: the larger
population, then alphabetical order). Contributions use the same method in cents, so they
add up to the budget line to the cent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

METHODE = (
    "Het aandeel van iedere gemeente is haar inwonertal gedeeld door het totaal. De aandelen "
    "worden naar beneden afgerond op {decimalen} decimalen; wat dan nog aan 100% ontbreekt, gaat "
    "in stappen van {eenheid} naar de gemeenten met de grootste afrondingsrest (bij gelijke "
    "rest eerst de gemeente met meer inwoners). Bijdragen worden op dezelfde manier in hele "
    "centen verdeeld, zodat zij samen precies het begrote bedrag zijn."
)


def _largest_remainder(weights: Mapping[str, int], units: int) -> dict[str, int]:
    """Divide ``units`` whole units over keys in proportion to ``weights``; sums exactly."""
    total = sum(weights.values())
    if total <= 0:
        raise ValueError("de gewichten moeten samen groter dan nul zijn")
    exact = {k: Fraction(w * units, total) for k, w in weights.items()}
    floors = {k: int(v) for k, v in exact.items()}  # values are non-negative: int() floors
    missing = units - sum(floors.values())
    order = sorted(weights, key=lambda k: (-(exact[k] - floors[k]), -weights[k], k))
    for key in order[:missing]:
        floors[key] += 1
    return floors


@dataclass(frozen=True)
class Aandeel:
    gemeente: str
    inwoners: int
    procent: Decimal  # e.g. Decimal('22.71')


def verdeelsleutel(inwoners: Mapping[str, int], decimalen: int = 2) -> dict[str, Aandeel]:
    """Percentages with ``decimalen`` decimals that add up to exactly 100."""
    scale = 10**decimalen
    units = _largest_remainder(inwoners, 100 * scale)
    return {k: Aandeel(k, inwoners[k], Decimal(units[k]).scaleb(-decimalen)) for k in inwoners}


def bijdragen(bedrag: Decimal, sleutel: Mapping[str, Aandeel]) -> dict[str, Decimal]:
    """Split ``bedrag`` (euro) by the key's percentages, in whole cents summing to ``bedrag``."""
    cents = int((bedrag * 100).to_integral_value())
    if Decimal(cents) != bedrag * 100:
        raise ValueError(f"bedrag {bedrag} heeft meer dan twee decimalen")
    weights = {k: int(a.procent.scaleb(4)) for k, a in sleutel.items()}  # exact integer weights
    split = _largest_remainder(weights, cents)
    return {k: Decimal(v).scaleb(-2) for k, v in split.items()}
