"""Which Wgr form fits the region: computed from its inhabitants, tasks and facts.

Seed 000 (4.4-4.5) gives the reasoning: a centrumgemeente needs one municipality that is
clearly larger than the rest and already works for the others; a bedrijfsvoeringsorganisatie
cannot take the task 'regionaal beleid', so it does not fit a region that must bring policy
and procurement together; an openbaar lichaam can take any task and keeps the municipalities
equal. Every reason names the figures it rests on.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from regiodocs import fmt
from regiodocs.content.models.wgrvorm import WgrVormAdvies
from regiodocs.content.region import Region


@dataclass(frozen=True)
class Uitkomst:
    vorm: str
    past: bool
    redenen: list[str]


@dataclass(frozen=True)
class Omvang:
    """The municipalities by size, as the advice describes them."""

    grootste: str
    tweede: str
    factor: Decimal
    klein: list[str]
    middelgroot: list[str]


def omvang(region: Region, advies: WgrVormAdvies) -> Omvang:
    ranked = sorted(region.regio.deelnemers, key=lambda d: (-d.inwoners.aantal, d.naam))
    first, second = ranked[0], ranked[1]
    factor = (Decimal(first.inwoners.aantal) / Decimal(second.inwoners.aantal)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    grens = advies.feiten.kleine_gemeente_tot
    return Omvang(
        grootste=f"{first.naam} ({fmt.getal(first.inwoners.aantal)} inwoners)",
        tweede=f"{second.naam} ({fmt.getal(second.inwoners.aantal)} inwoners)",
        factor=factor,
        klein=[d.naam for d in ranked if d.inwoners.aantal < grens],
        middelgroot=[d.naam for d in ranked if d.inwoners.aantal >= grens],
    )


def beoordeel(region: Region, advies: WgrVormAdvies) -> list[Uitkomst]:
    """Per compared form: does it fit this region, and why (with the figures)."""
    o = omvang(region, advies)
    feiten = advies.feiten
    drempel = Decimal(str(feiten.centrumgemeente_factor))
    beleidstaken = [
        t.id
        for t in (region.taken.taken if region.taken else [])
        if t.soort == "beleid" and t.plaatsing == "regionaal"
    ]
    out = []
    for v in advies.vormen:
        redenen: list[str] = []
        past = True
        if v.vorm == "centrumgemeente":
            groot_genoeg = o.factor >= drempel
            redenen.append(
                f"de grootste gemeente, {o.grootste}, is {fmt.decimaal(o.factor)} keer zo groot "
                f"als de tweede, {o.tweede}; een centrumgemeente vraagt ten minste "
                f"{fmt.decimaal(drempel.normalize())} keer"
            )
            redenen.append(
                f"de regio telt {len(o.middelgroot)} middelgrote en {len(o.klein)} kleine "
                f"gemeenten ({fmt.opsomming(o.klein) or 'geen'} onder "
                f"{fmt.getal(feiten.kleine_gemeente_tot)} inwoners)"
            )
            if not feiten.centrumgemeente_voert_taken_uit:
                redenen.append("geen gemeente voert nu al taken uit voor de andere gemeenten")
            past = groot_genoeg and feiten.centrumgemeente_voert_taken_uit
        if not v.regionaal_beleid:
            if beleidstaken:
                redenen.append(
                    "de taak 'regionaal beleid' kan niet worden overgedragen, terwijl de regio "
                    f"regionale beleidstaken belegt ({', '.join(beleidstaken)})"
                )
                past = False
            if feiten.knelpunt_beleid_en_inkoop:
                redenen.append(
                    "de analyse noemt de ontbrekende verbinding tussen beleid en inkoop als "
                    "knelpunt; deze vorm houdt beleid en inkoop gescheiden"
                )
                past = False
        if v.vorm == "openbaar-lichaam":
            redenen.append(
                "alle taken, ook regionaal beleid, kunnen worden overgedragen, en alle raden "
                "houden hun kaderstellende en controlerende rol via begroting en jaarrekening"
            )
            redenen.append(f"de vorm gaat uit van gelijkheid en past bij de {feiten.cultuur}")
        out.append(Uitkomst(v.vorm, past, redenen))
    return out
