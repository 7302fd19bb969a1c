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
from collections.abc import Iterator, Mapping, Sequence
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
    # "het vorige lid", "het voorgaande artikel": Ar 3.29, tweede lid, cites them by number.
    r"|\b(het|dit)\s+(vorige|voorgaande|volgende)\s+(lid|artikel)\b"
    # "artikel 7" of this regeling; "artikel 28 van de wet", "... van de Jeugdwet", "... van
    # de Algemene wet bestuursrecht", "artikel 96 van de Provinciewet", "... van die wet" is fine.
    r"|\bartikel\s+\d+(\.\d+)*[a-z]?\b(?![^;]*?\bvan\s+(de|het|die|Boek)\s+((?:(?!regeling\b)\w+\s+){0,3}\w*wet\b|Wetboek|Burgerlijk|\d))",
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
    paragraaf: str | None = None  # paragraph number in force, for a paragraph itself
    paragraaf_index: int | None = None  # its position in the chapter, to order paragraphs
    lid_label: str | None = None  # lid number in force when not its position, e.g. "2a"

    @property
    def nummer(self) -> str:
        return self.label or str(self.artikel)

    @property
    def hoofdstuk_nummer(self) -> str:
        return self.hoofdstuk_label or str(self.hoofdstuk)

    @property
    def anchor(self) -> str:
        if self.artikel:
            return f"artikel-{self.nummer}"
        if self.paragraaf is not None:
            return paragraph_anchor(self.hoofdstuk_nummer, self.paragraaf)
        return f"hoofdstuk-{self.hoofdstuk_nummer}"

    @property
    def soort(self) -> str:
        """What the address names: hoofdstuk, paragraaf, artikel, lid, onderdeel or sub."""
        if self.artikel is None:
            return "hoofdstuk" if self.paragraaf is None else "paragraaf"
        if self.lid is None:
            return "artikel"
        if self.onderdeel is None:
            return "lid"
        return "onderdeel" if self.subonderdeel is None else "sub"

    def order(self) -> tuple[int, int, int, int, int, str, int]:
        """Position in reading order (onderdelen a < z < aa)."""
        o = self.onderdeel or ""
        return (
            self.hoofdstuk,
            self.paragraaf_index if self.paragraaf_index is not None else -1,
            self.artikel or 0,
            self.lid or 0,
            len(o),
            o,
            self.subonderdeel or 0,
        )


def paragraph_anchor(hoofdstuk: str, paragraaf: str) -> str:
    return f"paragraaf-{hoofdstuk}-{paragraaf}"


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


def lid_numbers(leden: Sequence[object]) -> list[str]:
    """The lid numbers in force: the recorded ``nummer`` or the previous lid's digits plus
    one (1, 2, 2a, 3). Any object with an optional ``nummer`` attribute will do."""
    out: list[str] = []
    previous: str | None = None
    for lid in leden:
        previous = _count_on(previous, getattr(lid, "nummer", None))
        out.append(previous)
    return out


def lid_word(label: str) -> str:
    """'2' -> 'tweede lid'; a lid inserted as '2a' -> 'tweede lid a'.

    Ar 3.29 (2015 numbering: 80), first lid, cites a lid as "artikel 5, tweede lid", and its
    toelichting says forms like "lid 2" are avoided. The Ar says nothing about a lid that
    keeps a letter: Ar 6.16 (2015: 236) letters inserted articles, chapters and paragraphs,
    and leden are as a rule renumbered (2015: 238, second lid). So a lettered lid keeps the
    ordinal form of 3.29 with its letter after it, "artikel 8, tweede lid a", never "lid 2a".
    """
    digits = re.match(r"\d+", label)
    rest = label[digits.end() :] if digits else label
    word = f"{ordinal(int(digits.group(0)))} lid" if digits else "lid"
    return f"{word} {rest}" if rest else word


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
        chapter = enacted.hoofdstukken[hoofdstuk.id]
        index.setdefault(hoofdstuk.id, Address(hoofdstuk=h, hoofdstuk_label=chapter))
        for p, paragraaf in enumerate(hoofdstuk.paragrafen):
            index.setdefault(
                paragraaf.id,
                Address(
                    hoofdstuk=h,
                    hoofdstuk_label=chapter,
                    paragraaf=enacted.paragrafen[(hoofdstuk.id, paragraaf.id)],
                    paragraaf_index=p,
                ),
            )
    number = 0
    for h, _, _, artikel, _ in iter_articles(regeling):
        number += 1
        single = len(artikel.leden) == 1
        label = labels.get(artikel.id)
        index.setdefault(artikel.id, Address(hoofdstuk=h + 1, artikel=number, label=label))
        lid_labels = lid_numbers(artikel.leden)
        for l_index, lid in enumerate(artikel.leden, start=1):
            lid_key = f"{artikel.id}.{lid.id}" if lid.id else None
            lid_label = lid_labels[l_index - 1] if lid_labels[l_index - 1] != str(l_index) else None
            if lid_key:
                index.setdefault(
                    lid_key,
                    Address(h + 1, number, l_index, single, label=label, lid_label=lid_label),
                )
            # Onderdelen are cited through their lid, or directly in a one-lid article.
            parent = lid_key or (artikel.id if single else None)
            if parent is None:
                continue
            for o_index, onderdeel in enumerate(lid.onderdelen):
                if not onderdeel.id:
                    continue
                o_key = f"{parent}.{onderdeel.id}"
                o_addr = Address(
                    h + 1,
                    number,
                    l_index,
                    single,
                    letter(o_index),
                    label=label,
                    lid_label=lid_label,
                )
                index.setdefault(o_key, o_addr)
                for s_index, sub in enumerate(onderdeel.subonderdelen, start=1):
                    if sub.id:
                        index.setdefault(
                            f"{o_key}.{sub.id}",
                            Address(
                                h + 1,
                                number,
                                l_index,
                                single,
                                letter(o_index),
                                s_index,
                                label,
                                lid_label=lid_label,
                            ),
                        )
    return index


def cite(target: Address, here: Address | None = None) -> str:
    """The Ar citation of ``target`` as written at ``here`` (lower case; callers capitalise).

    A provision cites itself as "dit artikel" or "dit hoofdstuk"; a preceding lid or article is
    cited by its number, never as "het vorige lid" (Ar 3.29, tweede lid).
    """
    if target.soort == "paragraaf":
        return f"paragraaf {target.paragraaf}{_of_chapter(target, here)}"
    if target.artikel is None:
        if here is not None and here.artikel is not None and here.hoofdstuk == target.hoofdstuk:
            return "dit hoofdstuk"
        return f"hoofdstuk {target.hoofdstuk_nummer}"
    same_article = here is not None and here.artikel == target.artikel
    parts: list[str] = []
    if target.lid is None:
        return "dit artikel" if same_article else f"artikel {target.nummer}"
    show_lid = not target.single_lid
    lid = lid_word(target.lid_label or str(target.lid))
    if same_article:
        if target.onderdeel is None:
            return f"het {lid}"
        if show_lid and (here is None or here.lid != target.lid):
            parts.append(f"het {lid}")
    else:
        parts.append(f"artikel {target.nummer}")
        if show_lid:
            parts.append(lid)
    if target.onderdeel is not None:
        parts.append(f"onderdeel {target.onderdeel}")
    text = ", ".join(parts)
    if target.subonderdeel is not None:
        text += f", onder {target.subonderdeel}°"
    return text


def _of_chapter(target: Address, here: Address | None) -> str:
    """' van hoofdstuk 3' for a paragraph cited from outside its chapter."""
    if here is not None and here.hoofdstuk == target.hoofdstuk:
        return ""
    return f" van hoofdstuk {target.hoofdstuk_nummer}"


class VerwijzingFout(ValueError):
    """A reference that cannot be resolved; the message is Dutch and names the reference.

    ``unknown`` is the id that does not exist, so a caller can suggest a close one.
    """

    def __init__(self, message: str, unknown: str | None = None) -> None:
        super().__init__(message)
        self.unknown = unknown


@dataclass(frozen=True)
class Verwijzing:
    """A resolved [[...]]: one provision, a list ("a en b", "a, b en c"), or a range
    ("a tot en met c"); ``aanhef`` cites the opening words of the list with its onderdelen
    (Ar 3.29, vierde lid)."""

    targets: tuple[Address, ...]
    reeks: bool = False
    aanhef: bool = False


_SOORT_MEERVOUD = {
    "hoofdstuk": "hoofdstukken",
    "paragraaf": "paragrafen",
    "artikel": "artikelen",
    "lid": "leden",
    "onderdeel": "onderdelen",
    "sub": "subonderdelen",
}


def _container(a: Address) -> tuple[object, ...]:
    """What provisions of one list must share: leden one article, onderdelen one lid, ..."""
    soort = a.soort
    if soort == "paragraaf":
        return (a.hoofdstuk,)
    if soort == "lid":
        return (a.artikel,)
    if soort == "onderdeel":
        return (a.artikel, a.lid)
    if soort == "sub":
        return (a.artikel, a.lid, a.onderdeel)
    return ()


def parse_reference(raw: str, index: Mapping[str, Address]) -> Verwijzing:
    """Resolve the inside of [[...]]: 'id', 'id en id', 'id, id en id', 'id tot en met id',
    each optionally preceded by 'aanhef en' for onderdelen. Raises ``VerwijzingFout`` with a
    Dutch message for an unknown id or a combination the Ar cannot cite in one go."""
    shown = f"[[{raw}]]"
    text = " ".join(raw.split())
    aanhef = text.startswith("aanhef en ")
    if aanhef:
        text = text.removeprefix("aanhef en ")
    reeks = " tot en met " in text
    keys = text.split(" tot en met ") if reeks else re.split(r", | en ", text)
    for key in keys:
        if not REFERENCE_KEY.match(key):
            raise VerwijzingFout(
                f"ongeldige verwijzing '{shown}'; verwacht [[artikel-id]], [[artikel-id.lid-id]], "
                "[[artikel-id.lid-id.onderdeel-id]], meer ids als [[id en id]] of [[id, id en id]], "
                "een reeks als [[id tot en met id]], of [[aanhef en artikel-id.lid-id.onderdeel-id]]"
            )
        if key not in index:
            raise VerwijzingFout(f"verwijzing naar onbekend '{key}' in '{shown}'", unknown=key)
    if reeks and len(keys) != 2:
        raise VerwijzingFout(f"verwijzing '{shown}': een reeks heeft één begin en één einde")
    targets = tuple(index[k] for k in keys)
    soorten = {t.soort for t in targets}
    if len(soorten) > 1:
        raise VerwijzingFout(
            f"verwijzing '{shown}' noemt ongelijksoortige bepalingen "
            f"({' en '.join(sorted(soorten))}); één verwijzing noemt alleen artikelen, alleen "
            "leden van één artikel of alleen onderdelen van één lid; schrijf er twee"
        )
    soort = targets[0].soort
    if len({_container(t) for t in targets}) > 1:
        binnen = {
            "lid": "één artikel",
            "onderdeel": "één lid",
            "sub": "één onderdeel",
            "paragraaf": "één hoofdstuk",
        }
        raise VerwijzingFout(
            f"verwijzing '{shown}': de {_SOORT_MEERVOUD[soort]} horen niet bij {binnen[soort]} "
            f"({'; '.join(cite(t) for t in targets)}); schrijf twee verwijzingen"
        )
    pairs = list(zip(keys, targets, strict=True))
    for (k1, a1), (k2, a2) in zip(pairs, pairs[1:], strict=False):
        if a1 == a2 or k1 == k2:
            raise VerwijzingFout(f"verwijzing '{shown}' noemt '{k2}' twee keer")
        if a2.order() <= a1.order():
            wat = "het einde van de reeks" if reeks else f"'{k2}'"
            raise VerwijzingFout(
                f"verwijzing '{shown}': {wat} ({cite(a2)}) staat vóór {cite(a1)}; "
                "noem de bepalingen in de volgorde van de regeling"
            )
    if aanhef and soort != "onderdeel":
        raise VerwijzingFout(
            f"verwijzing '{shown}': 'aanhef en' hoort bij een onderdeel van een opsomming "
            "(Ar 3.29, vierde lid), niet bij een " + soort
        )
    return Verwijzing(targets, reeks, aanhef)


def cite_reference(v: Verwijzing, here: Address | None = None) -> str:
    """The Ar citation of a resolved reference: 'de artikelen 4 en 31', 'artikel 4 tot en met
    7' is written 'de artikelen 4 tot en met 7', 'het eerste en tweede lid', 'artikel 7, tweede
    lid, onderdelen a tot en met c', 'artikel 9, eerste lid, aanhef en onderdeel b'."""
    first = v.targets[0]
    if len(v.targets) == 1 and not v.aanhef:
        return cite(first, here)
    soort = first.soort
    join = " tot en met " if v.reeks else None

    def reeks(items: list[str]) -> str:
        return join.join(items) if join else _opsomming(items)

    if len(v.targets) == 1:  # aanhef en onderdeel b
        plural = False
        names = [first.onderdeel or ""]
    else:
        plural = True
        names = []
    if soort == "hoofdstuk":
        return "de hoofdstukken " + reeks([t.hoofdstuk_nummer for t in v.targets])
    if soort == "paragraaf":
        return (
            "de paragrafen "
            + reeks([t.paragraaf or "" for t in v.targets])
            + _of_chapter(first, here)
        )
    if soort == "artikel":
        return "de artikelen " + reeks([t.nummer for t in v.targets])
    same_article = here is not None and here.artikel == first.artikel
    if soort == "lid":
        if any(t.lid_label and not t.lid_label.isdigit() for t in v.targets):
            # a lettered lid among them: each lid named whole ("tweede lid en tweede lid a")
            leden = reeks([lid_word(t.lid_label or str(t.lid)) for t in v.targets])
        else:
            leden = reeks([ordinal(int(t.lid_label or t.lid or 0)) for t in v.targets]) + " lid"
        return f"het {leden}" if same_article else f"artikel {first.nummer}, {leden}"
    # onderdelen (of one lid) and subonderdelen (of one onderdeel)
    parts: list[str] = []
    if not same_article:
        parts.append(f"artikel {first.nummer}")
        if not first.single_lid:
            parts.append(lid_word(first.lid_label or str(first.lid or 0)))
    elif not first.single_lid and (here is None or here.lid != first.lid):
        parts.append(f"het {lid_word(first.lid_label or str(first.lid or 0))}")
    if soort == "sub":
        parts.append(f"onderdeel {first.onderdeel}")
        subs = reeks([f"{t.subonderdeel}°" for t in v.targets])
        return ", ".join(parts) + f", onder {subs}"
    if plural:
        names = [t.onderdeel or "" for t in v.targets]
    noun = "onderdelen" if plural else "onderdeel"
    tail = f"{noun} {reeks(names)}"
    if v.aanhef:
        tail = f"aanhef en {tail}"
    if not parts:
        return f"de {tail}"
    return ", ".join([*parts, tail])


def _opsomming(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def references_in(text: str) -> list[str]:
    return [m.group(1).strip() for m in REFERENCE.finditer(text)]
