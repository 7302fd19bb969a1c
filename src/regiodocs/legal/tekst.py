"""The consolidated text of a regeling as a lawyer reads it, and instructions replayed on it.

A ``Tekst`` holds the regeling with every number in force, every citation written out and no
markup: what an amendment is drafted against and what replaying its instructions by hand must
give. Ids ride along only to pair the two versions; replay finds provisions by their number,
as a reader of the instructions would.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from regiodocs.content.models.regeling import Regeling
from regiodocs.legal.numbering import (
    enacted_numbers,
    iter_articles,
    letter,
    lid_numbers,
    number_regeling,
)
from regiodocs.legal.regeling_view import artikel_view

_TRAILING = re.compile(r"[\s;:,.]+$")


@dataclass
class TOnderdeel:
    tekst: str  # without its closing mark (';', '.', ':' follow from the position)
    subs: list[str] = field(default_factory=list)


@dataclass
class TLid:
    tekst: str
    onderdelen: list[TOnderdeel] = field(default_factory=list)
    nummer: str | None = None  # recorded number in force ("2a"); None: counts on

    def inhoud(self) -> tuple[str, list[TOnderdeel]]:
        return self.tekst, self.onderdelen


@dataclass
class TArtikel:
    id: str
    nummer: str
    kop: str | None
    leden: list[TLid]

    def inhoud(self) -> tuple[str | None, list[TLid]]:
        return self.kop, self.leden


@dataclass
class TParagraaf:
    id: str
    nummer: str
    titel: str
    artikelen: list[TArtikel] = field(default_factory=list)


@dataclass
class THoofdstuk:
    id: str
    nummer: str
    titel: str
    artikelen: list[TArtikel] = field(default_factory=list)
    paragrafen: list[TParagraaf] = field(default_factory=list)


@dataclass
class Tekst:
    hoofdstukken: list[THoofdstuk]

    def copy(self) -> Tekst:
        return copy.deepcopy(self)

    def containers(self) -> list[tuple[THoofdstuk, TParagraaf | None, list[TArtikel]]]:
        out: list[tuple[THoofdstuk, TParagraaf | None, list[TArtikel]]] = []
        for h in self.hoofdstukken:
            out.append((h, None, h.artikelen))
            out += [(h, p, p.artikelen) for p in h.paragrafen]
        return out

    def artikelen(self) -> list[TArtikel]:
        return [a for _, _, articles in self.containers() for a in articles]


def _unescape(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", md)


def consolidated(regeling: Regeling) -> Tekst:
    """The regeling's text in force: enacted numbers, citations written out."""
    index = number_regeling(regeling)
    enacted = enacted_numbers(regeling)
    numbers = {a.id: n for n, (*_, a, _) in enumerate(iter_articles(regeling), start=1)}

    def article(h: int, a: object) -> TArtikel:
        from regiodocs.content.models.regeling import Artikel

        assert isinstance(a, Artikel)
        view = artikel_view(a, numbers[a.id], h, index, enacted.artikelen[a.id], link=False)
        leden = [
            TLid(
                _unescape(lid.tekst),
                [
                    TOnderdeel(
                        _TRAILING.sub("", _unescape(o.tekst)),
                        [_TRAILING.sub("", _unescape(s.tekst)) for s in o.subonderdelen],
                    )
                    for o in lid.onderdelen
                ],
                model.nummer,
            )
            for lid, model in zip(view.leden, a.leden, strict=True)
        ]
        return TArtikel(a.id, view.nummer, a.kop, leden)

    return Tekst(
        [
            THoofdstuk(
                h.id,
                enacted.hoofdstukken[h.id],
                h.titel,
                [article(n, a) for a in h.artikelen],
                [
                    TParagraaf(
                        p.id,
                        enacted.paragrafen[(h.id, p.id)],
                        p.titel,
                        [article(n, a) for a in p.artikelen],
                    )
                    for p in h.paragrafen
                ],
            )
            for n, h in enumerate(regeling.hoofdstukken, start=1)
        ]
    )


# A line of consolidated text: (kind, text). Kinds: hoofdstuk, paragraaf, artikel, lid,
# onderdeel, sub. Label and text are separated by a tab in numbered lines.
Regel = tuple[str, str]


def lid_lines(lid: TLid, nummer: str) -> list[Regel]:
    out: list[Regel] = [("lid", f"{nummer}\t{lid.tekst}" if nummer else lid.tekst)]
    last = len(lid.onderdelen) - 1
    for j, o in enumerate(lid.onderdelen):
        end = "." if j == last else ";"
        out.append(("onderdeel", f"{letter(j)}.\t{o.tekst}{':' if o.subs else end}"))
        out += [
            ("sub", f"{k}°.\t{s}{end if k == len(o.subs) else ';'}")
            for k, s in enumerate(o.subs, start=1)
        ]
    return out


def onderdeel_lines(lid: TLid, index: int) -> list[Regel]:
    """One onderdeel with its subonderdelen, as it reads inside its lid."""
    lines = lid_lines(lid, "")[1:]
    start = sum(1 + len(o.subs) for o in lid.onderdelen[:index])
    return lines[start : start + 1 + len(lid.onderdelen[index].subs)]


def article_lines(a: TArtikel) -> list[Regel]:
    out: list[Regel] = [
        ("artikel", f"Artikel {a.nummer}. {a.kop}" if a.kop else f"Artikel {a.nummer}")
    ]
    single = len(a.leden) == 1
    for lid, label in zip(a.leden, lid_numbers(a.leden), strict=True):
        out += lid_lines(lid, "" if single else f"{label}.")
    return out


def paragraph_lines(p: TParagraaf) -> list[Regel]:
    out: list[Regel] = [("paragraaf", f"Paragraaf {p.nummer}. {p.titel}")]
    for a in p.artikelen:
        out += article_lines(a)
    return out


def chapter_lines(h: THoofdstuk) -> list[Regel]:
    out: list[Regel] = [("hoofdstuk", f"Hoofdstuk {h.nummer}. {h.titel}")]
    for a in h.artikelen:
        out += article_lines(a)
    for p in h.paragrafen:
        out += paragraph_lines(p)
    return out


def text_lines(tekst: Tekst) -> list[Regel]:
    """The whole consolidated text, line by line, numbers included."""
    return [line for h in tekst.hoofdstukken for line in chapter_lines(h)]


def plain(lines: list[Regel]) -> str:
    return " ".join(text.replace("\t", " ") for _, text in lines)
