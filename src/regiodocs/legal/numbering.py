"""Numbering of the regeling and the Ar form of citations.

Numbers follow from order: chapters 1, 2, ...; articles consecutively across the
regeling; leden 1., 2.; onderdelen a., b.; subonderdelen 1°., 2°. An article, chapter or
paragraph may record its number in force (``nummer: 5a``) after an amendment inserted or
removed one; the ones after it count on from there (5a, 6, 7), see ``enacted_numbers``. A reference in the text,
``[[artikel-id.lid-id.onderdeel-id]]``, is written as "artikel 7, tweede lid, onderdeel b",
"het derde lid" within the same article, "dit artikel", or "hoofdstuk 3".
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass

from regiodocs.content.models.regeling import Artikel, Hoofdstuk, Regeling

REFERENCE = re.compile(r"\[\[([^\[\]]*)\]\]")
REFERENCE_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*){0,3}$")
# Citations a lawyer must not write by hand (Ar: never "lid 2", "sub a" or "letter b").
FORBIDDEN_CITATION = re.compile(r"\b(lid\s+\d+|sub\s+[a-z0-9]\b|letter\s+[a-z]\b)", re.IGNORECASE)
# Citations of this regeling written by hand instead of with [[id]]: "art. 5", "het tweede
# lid", "onder b". They go stale when the regeling is renumbered; check warns about them.
HANDWRITTEN_CITATION = re.compile(
    r"\bart\.\s*\d+[a-z]?\b"
    r"|\b(het|dit|de)\s+(eerste|tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)\s+lid\b"
    r"|\bonder\s+[a-z]\b(?![°'\w-])"
    # "artikel 7" of this regeling; "artikel 28 van de wet" or "... van de Jeugdwet" is fine.
    r"|\bartikel\s+\d+(\.\d+)*[a-z]?\b(?![^;]*?\bvan\s+(de|het|Boek)\s+(wet\b|Wet\b|Jeugdwet|Gemeentewet|Archiefwet|Burgerlijk|\d))",
    re.IGNORECASE,
)

_ORDINALS = [
    "eerste",
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
    "elfde",
    "twaalfde",
    "dertiende",
    "veertiende",
    "vijftiende",
    "zestiende",
    "zeventiende",
    "achttiende",
    "negentiende",
    "twintigste",
]


def ordinal(number: int) -> str:
    """1 -> 'eerste'; past twenty: '21e'."""
    return _ORDINALS[number - 1] if 1 <= number <= len(_ORDINALS) else f"{number}e"


def letter(index: int) -> str:
    """0 -> 'a', 25 -> 'z'; then, as the Ar does, 26 -> 'aa', 27 -> 'bb', ..., 52 -> 'aaa'.

    The sequence never runs out.
    """
    if index < 0:
        raise ValueError(f"letternummering begint bij 0, niet bij {index}")
    return string.ascii_lowercase[index % 26] * (index // 26 + 1)


@dataclass(frozen=True)
class Address:
    """Where a provision stands after numbering."""

    hoofdstuk: int
    artikel: int | None = None
    lid: int | None = None
    single_lid: bool = False
    onderdeel: str | None = None
    subonderdeel: int | None = None
    label: str | None = None  # article label when it is not its ordinal number, e.g. "5a"
    hoofdstuk_label: str | None = None  # chapter number in force when not its position, "3A"

    @property
    def nummer(self) -> str:
        return self.label or str(self.artikel)

    @property
    def anchor(self) -> str:
        if self.artikel:
            return f"artikel-{self.nummer}"
        return f"hoofdstuk-{self.hoofdstuk_label or self.hoofdstuk}"


def iter_articles(
    regeling: Regeling,
) -> Iterator[tuple[int, Hoofdstuk, int | None, Artikel, tuple[int | str, ...]]]:
    """(chapter index, chapter, paragraph index, article, YAML path) in reading order."""
    for h, hoofdstuk in enumerate(regeling.hoofdstukken):
        for a, artikel in enumerate(hoofdstuk.artikelen):
            yield h, hoofdstuk, None, artikel, ("hoofdstukken", h, "artikelen", a)
        for p, paragraaf in enumerate(hoofdstuk.paragrafen):
            for a, artikel in enumerate(paragraaf.artikelen):
                yield h, hoofdstuk, p, artikel, ("hoofdstukken", h, "paragrafen", p, "artikelen", a)


def _count_on(previous: str | None, explicit: str | None) -> str:
    if explicit:
        return explicit
    digits = re.match(r"\d+", previous or "0")
    return str(int(digits.group(0) if digits else "0") + 1)


@dataclass(frozen=True)
class EnactedNumbers:
    """The numbers in force: per chapter id, per (chapter id, paragraph id), per article id."""

    hoofdstukken: dict[str, str]
    paragrafen: dict[tuple[str, str], str]
    artikelen: dict[str, str]


def enacted_numbers(regeling: Regeling) -> EnactedNumbers:
    """Each number is the recorded ``nummer`` or the previous number's digits plus one:
    1, 2, 2a, 3 (paragraphs restart in every chapter)."""
    chapters: dict[str, str] = {}
    paragraphs: dict[tuple[str, str], str] = {}
    articles: dict[str, str] = {}
    chapter: str | None = None
    article: str | None = None
    for hoofdstuk in regeling.hoofdstukken:
        chapter = chapters[hoofdstuk.id] = _count_on(chapter, hoofdstuk.nummer)
        paragraph: str | None = None
        for paragraaf in hoofdstuk.paragrafen:
            paragraph = _count_on(paragraph, paragraaf.nummer)
            paragraphs[(hoofdstuk.id, paragraaf.id)] = paragraph
    for *_, artikel, _ in iter_articles(regeling):
        article = articles[artikel.id] = _count_on(article, artikel.nummer)
    return EnactedNumbers(chapters, paragraphs, articles)


def number_regeling(regeling: Regeling, labels: dict[str, str] | None = None) -> dict[str, Address]:
    """Map every referable key ('toetreding', 'toetreding.termijn', ...) to its address.

    Articles and chapters carry their number in force (``enacted_numbers``); ``labels``
    overrides the article numbers.
    """
    enacted = enacted_numbers(regeling)
    labels = enacted.artikelen if labels is None else labels
    index: dict[str, Address] = {}
    for h, hoofdstuk in enumerate(regeling.hoofdstukken, start=1):
        index.setdefault(
            hoofdstuk.id, Address(hoofdstuk=h, hoofdstuk_label=enacted.hoofdstukken[hoofdstuk.id])
        )
    number = 0
    for h, _, _, artikel, _ in iter_articles(regeling):
        number += 1
        single = len(artikel.leden) == 1
        label = labels.get(artikel.id)
        index.setdefault(artikel.id, Address(hoofdstuk=h + 1, artikel=number, label=label))
        for l_index, lid in enumerate(artikel.leden, start=1):
            lid_key = f"{artikel.id}.{lid.id}" if lid.id else None
            if lid_key:
                index.setdefault(lid_key, Address(h + 1, number, l_index, single, label=label))
            # Onderdelen are cited through their lid, or directly in a one-lid article.
            parent = lid_key or (artikel.id if single else None)
            if parent is None:
                continue
            for o_index, onderdeel in enumerate(lid.onderdelen):
                if not onderdeel.id:
                    continue
                o_key = f"{parent}.{onderdeel.id}"
                o_addr = Address(h + 1, number, l_index, single, letter(o_index), label=label)
                index.setdefault(o_key, o_addr)
                for s_index, sub in enumerate(onderdeel.subonderdelen, start=1):
                    if sub.id:
                        index.setdefault(
                            f"{o_key}.{sub.id}",
                            Address(
                                h + 1, number, l_index, single, letter(o_index), s_index, label
                            ),
                        )
    return index


def cite(target: Address, here: Address | None = None) -> str:
    """The Ar citation of ``target`` as written at ``here`` (lower case; callers capitalise)."""
    if target.artikel is None:
        return f"hoofdstuk {target.hoofdstuk_label or target.hoofdstuk}"
    same_article = here is not None and here.artikel == target.artikel
    parts: list[str] = []
    if target.lid is None:
        return "dit artikel" if same_article else f"artikel {target.nummer}"
    show_lid = not target.single_lid
    if same_article:
        if target.onderdeel is None:
            return f"het {ordinal(target.lid)} lid"
        if show_lid and (here is None or here.lid != target.lid):
            parts.append(f"het {ordinal(target.lid)} lid")
    else:
        parts.append(f"artikel {target.nummer}")
        if show_lid:
            parts.append(f"{ordinal(target.lid)} lid")
    if target.onderdeel is not None:
        parts.append(f"onderdeel {target.onderdeel}")
    text = ", ".join(parts)
    if target.subonderdeel is not None:
        text += f", onder {target.subonderdeel}°"
    return text


def references_in(text: str) -> list[str]:
    return [m.group(1).strip() for m in REFERENCE.finditer(text)]
