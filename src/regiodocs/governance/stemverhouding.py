"""Votes in the algemeen bestuur: equal, or weighted by inhabitants under a cap.

Weighted method: the total votes are divided by inhabitants with the largest-remainder
method (each municipality at least ``minimaal_stemmen``). A municipality above the cap is
set to the cap and its surplus is divided over the others in the same way, until no one
is above it. The result must leave no municipality a majority on its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from regiodocs.content.models.bestuur import Stemverhouding
from regiodocs.governance.verdeelsleutel import _largest_remainder


class StemverhoudingFout(ValueError):
    """The rule cannot be applied, or leaves one municipality a majority."""


@dataclass(frozen=True)
class Stemmen:
    gemeente: str
    stemmen: int
    procent: Decimal


def stemmen(
    regel: Stemverhouding, inwoners: Mapping[str, int], leden_per_deelnemer: int
) -> dict[str, Stemmen]:
    """Votes per municipality under the rule; raises StemverhoudingFout on a violation."""
    if regel.soort == "gelijk":
        votes = dict.fromkeys(inwoners, regel.stemmen_per_lid * leden_per_deelnemer)
    else:
        votes = _weighted(regel, inwoners)
    total = sum(votes.values())
    result = {
        k: Stemmen(k, v, (Decimal(100 * v) / total).quantize(Decimal("0.01")))
        for k, v in votes.items()
    }
    alone = [k for k, v in votes.items() if 2 * v > total]
    if alone:
        raise StemverhoudingFout(
            f"gemeente '{alone[0]}' heeft met {votes[alone[0]]} van de {total} stemmen alleen een meerderheid"
        )
    return result


def _weighted(regel: Stemverhouding, inwoners: Mapping[str, int]) -> dict[str, int]:
    total = regel.totaal_stemmen
    minimum = regel.minimaal_stemmen
    if minimum * len(inwoners) > total:
        raise StemverhoudingFout(
            f"{len(inwoners)} gemeenten met elk minimaal {minimum} stemmen past niet in {total} stemmen"
        )
    cap = (
        int(total * regel.maximaal_aandeel_procent / 100)
        if regel.maximaal_aandeel_procent
        else total
    )
    if cap * len(inwoners) < total:
        raise StemverhoudingFout(
            f"het plafond van {regel.maximaal_aandeel_procent}% is te laag: {len(inwoners)} gemeenten kunnen samen geen 100% halen"
        )
    fixed: dict[str, int] = {}
    while True:
        free = {k: w for k, w in inwoners.items() if k not in fixed}
        remaining = total - sum(fixed.values()) - minimum * len(free)
        shares = _largest_remainder(free, remaining)
        votes = {k: minimum + shares[k] for k in free}
        over = [k for k, v in votes.items() if v > cap]
        if not over:
            return {**fixed, **votes}
        for k in over:
            fixed[k] = cap
