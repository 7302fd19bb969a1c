"""The peildatum of the cost key: which inwoners figures a begrotingsjaar is shared by.

The rule is read from the words the regeling prints ("op 1 januari van het jaar voorafgaand
aan het begrotingsjaar"), from financien.yaml's ``peildatum_regel``, and compared with the
peildatum of each inwonertal in regio.yaml for every begrotingsjaar that is shared out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from regiodocs import fmt
from regiodocs.content.region import Region
from regiodocs.fmt import MAANDEN

_JAREN = {
    "het begrotingsjaar": 0,
    "het jaar voorafgaand aan het begrotingsjaar": 1,
    "het jaar voorafgaande aan het begrotingsjaar": 1,
    "het voorafgaande jaar": 1,
    "het tweede jaar voorafgaand aan het begrotingsjaar": 2,
}
_REGEL = re.compile(
    r"\b(\d{1,2}) (" + "|".join(MAANDEN) + r") van (" + "|".join(_JAREN) + r")\b", re.IGNORECASE
)
VOORBEELD = "1 januari van het jaar voorafgaand aan het begrotingsjaar"


@dataclass(frozen=True)
class Peildatumregel:
    dag: int
    maand: int
    jaren_voor: int  # 0: in the begrotingsjaar itself, 1: the year before, ...

    def voor(self, begrotingsjaar: int) -> date:
        """The peildatum of the inwoners figures for ``begrotingsjaar``."""
        return date(begrotingsjaar - self.jaren_voor, self.maand, self.dag)

    def valt_op(self, peildatum: date) -> bool:
        return (peildatum.day, peildatum.month) == (self.dag, self.maand)


def lees_regel(text: str, *, geheel: bool = True) -> Peildatumregel | None:
    """The rule in ``text``: all of it (``geheel``, the field in financien.yaml) or a phrase
    inside it (an article of the regeling). None when it names no rule regiodocs can read."""
    text = " ".join(text.split())
    match = _REGEL.fullmatch(text) if geheel else _REGEL.search(text)
    if match is None:
        return None
    dag, maand, jaar = (
        int(match.group(1)),
        MAANDEN.index(match.group(2).lower()) + 1,
        match.group(3),
    )
    try:
        date(2001, maand, dag)  # a day that exists in every year
    except ValueError:
        return None
    return Peildatumregel(dag, maand, _JAREN[jaar.lower()])


def raming_zin(region: Region) -> str:
    """What the documents say next to the bijdragen when the inwoners figures are older than
    the peildatum a begrotingsjaar asks for: generated from the data, then the reason given
    under ``raming`` in financien.yaml. Empty when the figures are on the peildatum."""
    financien = region.financien
    if financien is None:
        return ""
    regel = lees_regel(financien.verdeelsleutel.peildatum_regel)
    if regel is None:
        return ""
    peildata = sorted({d.inwoners.peildatum for d in region.regio.deelnemers})
    vraagt = []
    for jaar in sorted({p.jaar for p in financien.begrotingsposten}):
        nodig = regel.voor(jaar)
        if any(p < nodig for p in peildata):
            vraagt.append(f"voor {jaar} de inwonertallen op {fmt.datum(nodig)}")
    if not vraagt:
        return ""
    zin = (
        "De bijdragen zijn een raming: zij zijn berekend met de inwonertallen op "
        f"{fmt.opsomming([fmt.datum(p) for p in peildata])}, terwijl de verdeelsleutel "
        f"{fmt.opsomming(vraagt)} vraagt."
    )
    reden = financien.verdeelsleutel.raming
    return f"{zin} {reden.strip()}" if reden else zin
