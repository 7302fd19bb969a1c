"""Amending instructions (wijzigingsopdrachten) as data, and replaying them on a text.

Every instruction names what it changes by its number at that moment, as the words of the
instruction do: replaying them one after the other on the old text is exactly what a reader
does by hand. ``toepassen`` refuses anything a reader could not place unambiguously.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Literal

from regiodocs.legal.tekst import TArtikel, Tekst, THoofdstuk, TLid, TOnderdeel, TParagraaf


class NietToepasbaar(Exception):
    """An instruction does not fit the text it is applied to."""


@dataclass
class Plaats:
    """Where an article goes: after or before an article, or into an empty division."""

    na: str | None = None
    voor: str | None = None
    hoofdstuk: str | None = None
    paragraaf: str | None = None


SubSoort = Literal[
    "opschrift",
    "vervangen",
    "lid-luidt",
    "lid-vervalt",
    "lid-invoegen",
    "onderdeel-luidt",
    "onderdeel-vervalt",
    "onderdeel-invoegen",
]


@dataclass
class SubOp:
    """One change inside an article; ``lid`` and ``onderdeel`` are 0-based positions."""

    soort: SubSoort
    lid: int = 0
    onderdeel: int | None = None
    oud: str = ""
    nieuw: str = ""
    kop: str | None = None
    tekst_lid: TLid | None = None
    tekst_onderdeel: TOnderdeel | None = None


Soort = Literal[
    "artikel-wijzigen",
    "artikel-luidt",
    "artikelen-vervallen",
    "artikelen-invoegen",
    "artikel-verplaatsen",
    "artikelen-vernummeren",
    "hoofdstuk-opschrift",
    "hoofdstuk-vervalt",
    "hoofdstuk-invoegen",
    "hoofdstukken-vernummeren",
    "paragraaf-opschrift",
    "paragraaf-vervalt",
    "paragraaf-invoegen",
    "paragrafen-vernummeren",
]


@dataclass
class Op:
    soort: Soort
    artikelen: list[str] = field(default_factory=list)  # numbers of the articles concerned
    nieuw_nummer: str | None = None
    plaats: Plaats | None = None
    inhoud: list[TArtikel] = field(default_factory=list)
    sub: list[SubOp] = field(default_factory=list)
    hoofdstuk: str | None = None
    paragraaf: str | None = None
    titel: str = ""
    na: str | None = None  # chapter/paragraph insertion: after this one (None: before ``voor``)
    voor: str | None = None
    hoofdstuk_inhoud: THoofdstuk | None = None
    paragraaf_inhoud: TParagraaf | None = None
    vernummering: list[tuple[str, str]] = field(default_factory=list)


def _find_article(tekst: Tekst, nummer: str) -> tuple[list[TArtikel], int]:
    found = [
        (articles, i)
        for _, _, articles in tekst.containers()
        for i, a in enumerate(articles)
        if a.nummer == nummer
    ]
    if len(found) != 1:
        raise NietToepasbaar(f"artikel {nummer} komt {len(found)} keer voor")
    return found[0]


def _find_chapter(tekst: Tekst, nummer: str | None) -> THoofdstuk:
    found = [h for h in tekst.hoofdstukken if h.nummer == nummer]
    if len(found) != 1:
        raise NietToepasbaar(f"hoofdstuk {nummer} komt {len(found)} keer voor")
    return found[0]


def _find_paragraph(h: THoofdstuk, nummer: str | None) -> TParagraaf:
    found = [p for p in h.paragrafen if p.nummer == nummer]
    if len(found) != 1:
        raise NietToepasbaar(f"paragraaf {nummer} komt {len(found)} keer voor")
    return found[0]


def _container(tekst: Tekst, plaats: Plaats) -> tuple[list[TArtikel], int]:
    if plaats.na is not None:
        articles, i = _find_article(tekst, plaats.na)
        return articles, i + 1
    if plaats.voor is not None:
        return _find_article(tekst, plaats.voor)
    h = _find_chapter(tekst, plaats.hoofdstuk)
    articles = (
        h.artikelen if plaats.paragraaf is None else _find_paragraph(h, plaats.paragraaf).artikelen
    )
    if articles:
        raise NietToepasbaar("de plaats is niet leeg")
    return articles, 0


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise NietToepasbaar(f'"{old}" komt {text.count(old)} keer voor')
    return text.replace(old, new)


def _apply_sub(artikel: TArtikel, sub: SubOp) -> None:
    leden = artikel.leden
    if sub.soort == "opschrift":
        artikel.kop = sub.kop
    elif sub.soort == "vervangen":
        lid = leden[sub.lid]
        if sub.onderdeel is None:
            lid.tekst = _replace_once(lid.tekst, sub.oud, sub.nieuw)
        else:
            o = lid.onderdelen[sub.onderdeel]
            o.tekst = _replace_once(o.tekst, sub.oud, sub.nieuw)
    elif sub.soort == "lid-luidt":
        assert sub.tekst_lid is not None
        leden[sub.lid] = sub.tekst_lid
    elif sub.soort == "lid-vervalt":
        del leden[sub.lid]
    elif sub.soort == "lid-invoegen":
        assert sub.tekst_lid is not None
        if sub.lid > len(leden):
            raise NietToepasbaar("lid buiten het artikel")
        leden.insert(sub.lid, sub.tekst_lid)
    else:
        onderdelen = leden[sub.lid].onderdelen
        assert sub.onderdeel is not None
        if sub.soort == "onderdeel-luidt":
            assert sub.tekst_onderdeel is not None
            onderdelen[sub.onderdeel] = sub.tekst_onderdeel
        elif sub.soort == "onderdeel-vervalt":
            del onderdelen[sub.onderdeel]
        else:
            assert sub.tekst_onderdeel is not None
            onderdelen.insert(sub.onderdeel, sub.tekst_onderdeel)


def toepassen(tekst: Tekst, op: Op) -> None:
    """Carry out one instruction on ``tekst`` (in place)."""
    op = copy.deepcopy(op)  # the quoted text becomes part of ``tekst``; keep the instruction's own
    s = op.soort
    if s == "artikel-wijzigen":
        articles, i = _find_article(tekst, op.artikelen[0])
        for sub in op.sub:
            try:
                _apply_sub(articles[i], sub)
            except IndexError:
                raise NietToepasbaar("lid of onderdeel bestaat niet") from None
    elif s == "artikel-luidt":
        articles, i = _find_article(tekst, op.artikelen[0])
        [nieuw] = op.inhoud
        articles[i] = TArtikel(nieuw.id, articles[i].nummer, nieuw.kop, nieuw.leden)
    elif s == "artikelen-vervallen":
        for nummer in op.artikelen:
            articles, i = _find_article(tekst, nummer)
            del articles[i]
    elif s == "artikelen-invoegen":
        assert op.plaats is not None
        articles, i = _container(tekst, op.plaats)
        articles[i:i] = op.inhoud
    elif s == "artikel-verplaatsen":
        assert op.plaats is not None
        articles, i = _find_article(tekst, op.artikelen[0])
        moved = articles.pop(i)
        moved.nummer = op.nieuw_nummer or moved.nummer
        articles, i = _container(tekst, op.plaats)
        articles.insert(i, moved)
    elif s == "artikelen-vernummeren":
        targets = [_find_article(tekst, old) for old, _ in op.vernummering]
        for (articles, i), (_, new) in zip(targets, op.vernummering, strict=True):
            articles[i].nummer = new
    elif s == "hoofdstuk-opschrift":
        _find_chapter(tekst, op.hoofdstuk).titel = op.titel
    elif s == "hoofdstuk-vervalt":
        tekst.hoofdstukken.remove(_find_chapter(tekst, op.hoofdstuk))
    elif s == "hoofdstuk-invoegen":
        assert op.hoofdstuk_inhoud is not None
        if op.na is not None:
            at = tekst.hoofdstukken.index(_find_chapter(tekst, op.na)) + 1
        elif op.voor is not None:
            at = tekst.hoofdstukken.index(_find_chapter(tekst, op.voor))
        else:
            raise NietToepasbaar("geen plaats voor het hoofdstuk")
        tekst.hoofdstukken.insert(at, op.hoofdstuk_inhoud)
    elif s == "hoofdstukken-vernummeren":
        chapters = [_find_chapter(tekst, old) for old, _ in op.vernummering]
        for h, (_, new) in zip(chapters, op.vernummering, strict=True):
            h.nummer = new
    elif s == "paragraaf-opschrift":
        _find_paragraph(_find_chapter(tekst, op.hoofdstuk), op.paragraaf).titel = op.titel
    elif s == "paragraaf-vervalt":
        h = _find_chapter(tekst, op.hoofdstuk)
        h.paragrafen.remove(_find_paragraph(h, op.paragraaf))
    elif s == "paragraaf-invoegen":
        assert op.paragraaf_inhoud is not None
        h = _find_chapter(tekst, op.hoofdstuk)
        if op.na is not None:
            at = h.paragrafen.index(_find_paragraph(h, op.na)) + 1
        elif op.voor is not None:
            at = h.paragrafen.index(_find_paragraph(h, op.voor))
        else:
            at = len(h.paragrafen)
        h.paragrafen.insert(at, op.paragraaf_inhoud)
    elif s == "paragrafen-vernummeren":
        h = _find_chapter(tekst, op.hoofdstuk)
        paragraphs = [_find_paragraph(h, old) for old, _ in op.vernummering]
        for p, (_, new) in zip(paragraphs, op.vernummering, strict=True):
            p.nummer = new
