"""Apply the afwegingskader to an opgave, as the Lekstroom afwegingskader (2024) decides.

1. The first question (its parts are the ``poortvragen``: obliged to do it together, or a
   joint supra-regional position) decides at once: a 'ja' on any part means the region takes
   the opgave up together; the other questions are then not needed.
2. Otherwise the questions follow; one or more 'ja' makes the opgave a possible focus of the
   cooperation; none means the municipalities take it up locally.
3. After a regional outcome the municipalities choose, and record, whether they only prepare
   together or also carry out together. No answer decides that: it is a choice.
4. A municipality may stay out of a regional opgave, recorded with its reason and the effect
   on the others that was discussed beforehand.

This module holds the rule only; ``content.check`` reports content that breaks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from regiodocs.content.models.afwegingskader import Afwegingskader, NietMeedoen, Opgave, Vraag
from regiodocs.fmt import opsomming

Route = Literal["verplicht", "focus", "lokaal"]

KEUZE = {
    "voorbereiding": "alleen de voorbereiding samen; de uitvoering blijft bij iedere gemeente",
    "voorbereiding-en-uitvoering": "de voorbereiding én de uitvoering samen",
}


@dataclass(frozen=True)
class Advies:
    route: Route
    uitkomst: str
    redenering: str
    keuze: str  # the recorded choice in words; "" when the outcome is local
    niet_meedoen: tuple[NietMeedoen, ...] = ()

    @property
    def regionaal(self) -> bool:
        return self.route != "lokaal"

    @property
    def uitvoering(self) -> bool:
        return self.keuze == KEUZE["voorbereiding-en-uitvoering"]


def route(kader: Afwegingskader, antwoorden: Mapping[str, str]) -> Route:
    """The outcome of the rule for answers by question id ('ja' or 'nee').

    Only the first question's parts and, if none of them is 'ja', the questions are read.
    """
    if any(antwoorden.get(v.id) == "ja" for v in kader.poortvragen):
        return "verplicht"
    if any(antwoorden.get(v.id) == "ja" for v in kader.vragen):
        return "focus"
    return "lokaal"


def needed_questions(kader: Afwegingskader, antwoorden: Mapping[str, str]) -> list[Vraag]:
    """The questions an opgave must answer: the first question's parts, and the other
    questions only when no part of the first was answered 'ja'."""
    if any(antwoorden.get(v.id) == "ja" for v in kader.poortvragen):
        return list(kader.poortvragen)
    return [*kader.poortvragen, *kader.vragen]


def beoordeel(kader: Afwegingskader, opgave: Opgave) -> Advies:
    answers = {a.vraag: a.antwoord for a in opgave.antwoorden}
    outcome = route(kader, answers)
    keuze = KEUZE[opgave.keuze] if opgave.keuze and outcome != "lokaal" else ""
    if outcome == "verplicht":
        gate = next(v for v in kader.poortvragen if answers.get(v.id) == "ja")
        return Advies(
            outcome,
            "De regio pakt de opgave samen op",
            f"De eerste vraag is met ja beantwoord ({gate.vraag}); daarmee staat vast dat de "
            "gemeenten de opgave samen oppakken, de andere vragen zijn niet meer nodig.",
            keuze,
            tuple(opgave.niet_meedoen),
        )
    yes = [str(n) for n, v in enumerate(kader.vragen, start=1) if answers.get(v.id) == "ja"]
    if outcome == "focus":
        which = f"vraag {yes[0]} is" if len(yes) == 1 else f"de vragen {opsomming(yes)} zijn"
        return Advies(
            outcome,
            "De opgave kan tot de focus van de regionale samenwerking horen",
            f"De eerste vraag is met nee beantwoord; {which} met ja beantwoord, en één ja is "
            "genoeg.",
            keuze,
            tuple(opgave.niet_meedoen),
        )
    return Advies(
        outcome,
        "De opgave hoort niet bij de regionale samenwerking: iedere gemeente pakt haar lokaal op",
        f"De eerste vraag en alle {len(kader.vragen)} volgende vragen zijn met nee beantwoord.",
        "",
    )
