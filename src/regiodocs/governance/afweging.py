"""Apply the afwegingskader to an opgave: the decision rule as written in the content.

A 'ja' on any gate question makes regional cooperation compulsory. Otherwise the number of
'ja' answers on the questions decides: at least ``minimaal_ja`` means regional cooperation
is recommended. Whether the municipalities also carry out the work together, or only
prepare it, follows from the questions listed in ``uitvoering_als_ja``.
"""

from __future__ import annotations

from dataclasses import dataclass

from regiodocs.content.models.afwegingskader import Afwegingskader, Opgave
from regiodocs.fmt import opsomming


@dataclass(frozen=True)
class Advies:
    regionaal: bool
    verplicht: bool
    uitvoering: bool
    uitkomst: str
    redenering: str


def beoordeel(kader: Afwegingskader, opgave: Opgave) -> Advies:
    answers = {a.vraag: a for a in opgave.antwoorden}
    gates = [v for v in kader.poortvragen if answers[v.id].antwoord == "ja"]
    yes = [v for v in kader.vragen if answers[v.id].antwoord == "ja"]
    numbers = {v.id: n for n, v in enumerate(kader.vragen, start=1)}
    execution = [
        q
        for q in kader.beslisregel.uitvoering_als_ja
        if q in answers and answers[q].antwoord == "ja"
    ]
    uitvoering = bool(execution)
    scope = "de voorbereiding en de uitvoering" if uitvoering else "alleen de voorbereiding"
    if execution:
        which = opsomming([str(numbers[q]) for q in execution])
        why = f" Ook de uitvoering samen, omdat {'vraag' if len(execution) == 1 else 'de vragen'} {which} met ja {'is' if len(execution) == 1 else 'zijn'} beantwoord."
    else:
        listed = opsomming(
            [str(numbers[q]) for q in kader.beslisregel.uitvoering_als_ja if q in numbers]
        )
        why = f" Alleen de voorbereiding samen: geen van de vragen over de uitvoering ({listed}) is met ja beantwoord."
    if gates:
        return Advies(
            True,
            True,
            True,
            "Regionale samenwerking is verplicht of noodzakelijk",
            f"Poortvraag beantwoord met ja: {gates[0].vraag} {kader.beslisregel.poortvraag_ja}",
        )
    if len(yes) >= kader.beslisregel.minimaal_ja:
        return Advies(
            True,
            False,
            uitvoering,
            f"Regionale samenwerking aanbevolen, voor {scope}",
            f"{len(yes)} van de {len(kader.vragen)} vragen met ja beantwoord (drempel: {kader.beslisregel.minimaal_ja}).{why}",
        )
    return Advies(
        False,
        False,
        False,
        "Regionale samenwerking niet aanbevolen: de gemeenten pakken de opgave lokaal op",
        f"Geen poortvraag en {len(yes)} van de {len(kader.vragen)} vragen met ja beantwoord (drempel: {kader.beslisregel.minimaal_ja}).",
    )
