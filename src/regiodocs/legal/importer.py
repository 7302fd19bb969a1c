"""Import the published text of an existing regeling into regiodocs' YAML.

Published texts (wetten.overheid.nl and its Markdown mirrors) have quirks: an enclosing
ministerial besluit whose articles restart at 1 before the regeling itself, headings as
"### Artikel  1", "###Artikel 1" or "####*Artikel 1*", chapter titles inline or on the
next heading line, leden and onderdelen run together on one line ("gemeente.2. Het ...",
"onder: a.de minister: ...;b.de gemeenten: ..."), and the ondertekening after the last
article without a heading in between. The importer copes with these, gives every
provision a stable id (artikel-4, artikel-4.lid-2, artikel-4.lid-2.b), and turns the
citations it can recognise ("artikel 16, achtste lid", "het tweede lid") into [[id]]
references, leaving citations of other laws ("artikel 26 van de Wet ...") as text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from regiodocs.content.decode import DecodeError, decode_pasted
from regiodocs.content.load import UnreadableFile, display_path, read_regular_file
from regiodocs.diagnostics import ContentError, Diagnostic
from regiodocs.fmt import MAANDEN
from regiodocs.legal.numbering import ordinal

_HEADING = re.compile(r"^#+\s*(.*?)\s*$")
_CHAPTER = re.compile(r"^Hoofdstuk\s+([IVXLC]+|\d+)\b\.?\s*(.*)$", re.IGNORECASE)
_PARAGRAPH = re.compile(r"^(?:Paragraaf|§)\s*(\d+)\.?\s*(.*)$", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:Artikel|Art\.)\s*(\d+[a-z]?)\.?\s*(.*)$", re.IGNORECASE)
# A heading that is only a number ("### 5" or "### 5. Toetreding"): an article when it is the
# next number after the article before it.
_BARE_ARTICLE = re.compile(r"^(\d+[a-z]?)\.?(?:\s+(\D.*))?$")
# Marks a line that starts with a lid number in the source, so a lid whose text lacks its
# closing full stop still ends where the next lid's line begins.
_LINE_START = "\ue000"
_ORDINALS = {ordinal(n): n for n in range(1, 21)}
_CITATION = re.compile(
    # not 'artikel 4:34' or 'artikel 1.1': an article of a law numbered by chapter
    r"\b(?P<art>[Aa]rtikel (?P<num>\d+[a-z]?))(?![:.]\d|[a-z\d])"
    r"(?:, (?P<lid>" + "|".join(_ORDINALS) + r") lid)?"
    r"(?:, onderdeel (?P<ond>[a-z])\b)?"
)
_SAME_LID = re.compile(r"\b(?P<het>[Hh]et) (?P<lid>" + "|".join(_ORDINALS) + r") lid\b")
MAX_IMPORT_BYTES = 20 * 1024 * 1024
_BIJLAGE = re.compile(r"^(financiële )?bijlage\b", re.IGNORECASE)
_TOELICHTING = re.compile(r"^(algemene |artikelsgewijze |nota van )?toelichting\b", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MAANDEN) + r") (\d{4})\b")


def _roman(value: str) -> int:
    if value.isdigit():
        return int(value)
    numerals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(value.upper()):
        n = numerals[ch]
        total += -n if i + 1 < len(value) and numerals[value[i + 1].upper()] > n else n
    return total


# An empty bold marker between two words is where the mirror lost a space around an empty
# <strong> ("Het RHC Drents Archief**stelt de minister", Drents Archief art. 27).
_EMPTY_BOLD = re.compile(r"(?<=\w)\*{2,}(?=\w)")


def _clean(text: str) -> str:
    text = _EMPTY_BOLD.sub(" ", text)
    text = text.replace("*", "").replace(_LINE_START, "")
    return " ".join(text.split())


@dataclass
class _Onderdeel:
    tekst: str
    subonderdelen: list[str] = field(default_factory=list)


@dataclass
class _Lid:
    tekst: str
    onderdelen: list[_Onderdeel] = field(default_factory=list)
    nummer: str = ""  # as printed in the source: "1", "3a"; "" for an article with one lid


@dataclass
class _Artikel:
    nummer: str
    kop: str | None
    paragraphs: list[str] = field(default_factory=list)
    leden: list[_Lid] = field(default_factory=list)
    regel: int = 0  # source line of the heading
    lines: list[int] = field(default_factory=list)  # source line of each paragraph
    vervallen: bool = False  # an editorial note says the article lapsed


@dataclass(frozen=True)
class Aantekening:
    """An editorial note in the published text ('[Vervallen per 01-01-2010]', '[Red: ...]'):
    kept apart from the law text, with where it stood."""

    regel: int
    plaats: str  # "artikel 5", or "" before the first article
    tekst: str


@dataclass
class _Hoofdstuk:
    nummer: int
    titel: str | None
    artikelen: list[_Artikel] = field(default_factory=list)


@dataclass
class ImportResult:
    yaml: str
    artikelen: int
    verwijzingen: int
    weggelaten: list[str]
    telling: list[tuple[str, int, int]] = field(default_factory=list)  # nummer, leden, onderdelen
    organen: list[str] = field(default_factory=list)
    aantekeningen: list[Aantekening] = field(default_factory=list)
    meldingen: list[Diagnostic] = field(default_factory=list)  # text that was not placed


def _split_sequential(text: str, marker: str, first: int = 1) -> list[str]:
    """Split run-together numbered items: '1. x.2. y' -> ['1. x.', '2. y'].

    ``marker`` 'num' splits leden (the text starts with the first number); 'letter' splits
    onderdelen (the first letter follows the intro's colon, which stays as item 0). Each
    next item must be exactly the next number or letter and follow . : or ; so that
    'artikel 2. ' in running text is left alone.
    """

    def label(n: int) -> str:
        return {"num": str(n), "sub": f"{n}°", "letter": chr(ord("a") + n - 1)}[marker]

    # After . : or ; but not after the dot of an abbreviation like 'd.d.' or 'o.a.'.
    after = r"(?:(?<=[.:;])(?<!\b[a-z]\.)|(?<=[.:;]\s)(?<!\b[a-z]\.\s)|(?<=\ue000))"
    if marker == "num":
        opener = re.compile(r"^" + re.escape(label(first)) + r"\.(?!\d)")
    else:
        opener = re.compile(
            r"(?:(?<=:)|(?<=:\s))" + re.escape(label(first)) + r"\.?(?!\d)\s*(?=\S)"
        )
    match = opener.search(text)
    if not match:
        return [text]
    pieces = [text[: match.start()]] if marker != "num" else []
    position = match.start()
    expected = first + 1
    while True:
        dot = r"\.?" if marker == "sub" else r"\."
        following = re.compile(after + re.escape(label(expected)) + dot + r"(?!\d)\s*(?=\S)")
        match = following.search(text, position + 1)
        if not match:
            pieces.append(text[position:])
            return pieces
        pieces.append(text[position : match.start()])
        position = match.start()
        expected += 1


def _next_number(nummer: str) -> int:
    digits = re.match(r"\d+", nummer)
    return int(digits.group(0)) + 1 if digits else 1


def _strip_label(text: str) -> str:
    return re.sub(r"^(\d+°\.?|\d+[a-z]{0,2}\.|[a-z]\.)(?!\d)\s*", "", text.strip())


_AFTER = r"(?:(?<=[.:;])(?<!\b[a-z]\.)|(?<=[.:;]\s)(?<!\b[a-z]\.\s)|(?<=\ue000))"


def _split_leden(text: str) -> list[tuple[str, str]]:
    """Run-together leden with their numbers, lettered leden included:
    '1. x. 2. y. 2a. z. 3. w' -> [('1', '1. x. '), ('2', '2. y. '), ('2a', '2a. z. '), ('3', ...)].

    After lid 2 the next lid is 3 or 2a (after 2a: 3 or 2b), as published texts number a
    lid inserted by an amendment; the number must follow '.', ':' or ';' or start a line.
    """
    if not re.match(r"^1\.(?!\d)", text):
        return [("", text)]
    pieces: list[tuple[str, str]] = []
    label, position = "1", 0
    while True:
        digits = re.match(r"\d+", label)
        assert digits is not None
        suffix = label[digits.end() :]
        lettered = digits.group(0) + (chr(ord(suffix[-1]) + 1) if suffix else "a")
        best: tuple[str, re.Match[str]] | None = None
        for candidate in (str(int(digits.group(0)) + 1), lettered):
            found = re.compile(_AFTER + re.escape(candidate) + r"\.(?!\d)\s*(?=\S)").search(
                text, position + 1
            )
            if found and (best is None or found.start() < best[1].start()):
                best = (candidate, found)
        if best is None:
            pieces.append((label, text[position:]))
            return pieces
        pieces.append((label, text[position : best[1].start()]))
        label, position = best[0], best[1].start()


def _parse_leden(paragraphs: list[str]) -> list[_Lid]:
    """Leden, onderdelen and subonderdelen of one article body.

    The body is read as one stream, because published texts break lines anywhere: a lid
    may start mid-line ("gemeente.2. Het") or right after an onderdeel.
    """
    joined = re.sub(_EMPTY_BOLD, " ", " ".join(paragraphs))
    body = " ".join(joined.replace("*", "").split()).lstrip(_LINE_START)
    pieces = [(label, _clean(piece)) for label, piece in _split_leden(body)]
    leden: list[_Lid] = []
    for label, piece in pieces:
        lid = _Lid(
            _strip_label(piece) if label else piece.strip(),
            nummer=label if len(pieces) > 1 else "",
        )
        parts = _split_sequential(lid.tekst, "letter")
        if len(parts) > 2:
            lid.tekst = parts[0].strip()
            for part in parts[1:]:
                text = _strip_label(part)
                subs = _split_sequential(text, "sub")
                onderdeel = _Onderdeel(subs[0].strip() if len(subs) > 2 else text)
                if len(subs) > 2:
                    onderdeel.subonderdelen = [
                        re.sub(r"[\s;,.]+$", "", _strip_label(s)) for s in subs[1:]
                    ]
                onderdeel.tekst = re.sub(r"[\s;,.:]+$", "", onderdeel.tekst)
                lid.onderdelen.append(onderdeel)
        leden.append(lid)
    return leden


def _is_signature(paragraph: str) -> bool:
    """The ondertekening: short lines ending in a comma or without a sentence end."""
    text = _clean(paragraph)
    return (
        bool(text)
        and len(text) < 120
        and (text.endswith(",") or not text.endswith((".", ";", ":")))
    )


# Editorial notes of the publisher, not law text: a line wholly in square brackets
# ("[Vervallen per 01-01-2010]", "[Red: ...]"), or the status lines wetten.overheid.nl adds
# ("Treedt in werking op een nader te bepalen tijdstip", "Vervallen per 1 januari 2013").
_NOTE_LINE = re.compile(
    r"^(\[[^\[\]]*\]\.?"
    r"|Treedt in werking op een nader (bij [^.]* )?te bepalen tijdstip\.?"
    r"|(Vervallen|Vervalt|Geldend|Gewijzigd|Ingevoegd|Vernummerd) (per|van|vanaf|met ingang van|bij) [^.]{0,80}\.?"
    r"|Dit artikel is (vervallen|gewijzigd|ingevoegd)[^.]{0,80}\.?"
    r"|Vervallen\.?)$",
    re.IGNORECASE,
)
# A note inside a line of law text: "[Red: ...]", "[Vervallen]".
_NOTE_INLINE = re.compile(
    r"\s*\[(?:Red\b|Red\.|Redactie|Redactioneel|Vervallen|Vervalt|Wijziging|Gewijzigd|Ingevoegd|Vernummerd)[^\[\]]*\]",
    re.IGNORECASE,
)
_RUN_ON_SIGNATURE = re.compile(
    r"(?<=\.)\s*De\s+(?:Staatssecretaris|Minister|voorzitter|burgemeester)\b[^.;:]*,\s*\S[^;:]*$"
)
_PLAATSINGSFORMULE = re.compile(
    r"(?:^|(?<=\.))\s*(?:Deze|Dit) (?:regeling|besluit) zal\b[^.]*"
    r"\b(?:Staatscourant|[Gg]emeenteblad|[Pp]rovinciaal blad|[Ww]aterschapsblad)\b[^.]*"
    r"\b(?:geplaatst|bekendgemaakt)\.\s*$"
)
_SIGNING_OFFICER = re.compile(r"\b(voorzitter|griffier|secretaris|burgemeester)\W*$", re.I)
_LAPSED = re.compile(r"\bvervall?en\b|\bvervalt\b", re.IGNORECASE)

Layout = list[tuple[int, str]]  # (line in the source, line in the heading-marked layout)


@dataclass
class Parsed:
    titel: str | None
    aanhef: str
    hoofdstukken: list[_Hoofdstuk]
    weggelaten: list[str]
    toelichting: list[str]
    aantekeningen: list[Aantekening]
    niet_geplaatst: list[tuple[int, str, str]]  # line, quoted text, why


def _as_layout(text: str | Layout) -> Layout:
    if isinstance(text, str):
        return list(enumerate(text.splitlines(), start=1))
    return text


def parse(text: str | Layout) -> Parsed:
    """Title, aanhef, chapters, what was left out and why, editorial notes and text that could
    not be placed (each with its source line) of a published regeling."""
    lines = _as_layout(text)
    if lines and lines[0][1].startswith("SOURCE:"):
        lines = lines[1:]
    title: str | None = None
    preamble: list[str] = []
    chapters: list[_Hoofdstuk] = []
    omitted: list[str] = []
    notes: list[Aantekening] = []
    unplaced: list[tuple[int, str, str]] = []
    current: _Artikel | None = None
    pending_chapter_title = False
    buffer: list[tuple[int, str]] = []
    # Headings and text after an article that is not followed by a new one: either the
    # ondertekening, or the title and aanhef of the regeling annexed to a besluit.
    loose_headings: list[tuple[int, str]] = []
    loose_text: list[tuple[int, str]] = []

    def where() -> str:
        return f"artikel {current.nummer}" if current is not None else ""

    def note(line: int, text: str) -> None:
        notes.append(Aantekening(line, where(), text))

    def flush() -> None:
        nonlocal buffer
        paragraphs: list[tuple[int, str]] = []
        first: int | None = None
        part: list[str] = []
        for n, x in buffer + [(0, "")]:
            if not x.strip():
                if part:
                    assert first is not None
                    paragraphs.append((first, " ".join(" ".join(part).split())))
                part, first = [], None
                continue
            if current is not None and re.match(r"^\s*\d+[a-z]?\.\s+\S", x):
                x = _LINE_START + x
            first = n if first is None else first
            part.append(x)
        if current is not None:
            current.paragraphs.extend(p for _, p in paragraphs)
            current.lines.extend(n for n, _ in paragraphs)
        elif not chapters or not any(h.artikelen for h in chapters):
            preamble.extend(p for _, p in paragraphs)
        else:
            loose_text.extend(paragraphs)
        buffer = []

    def chapter() -> _Hoofdstuk:
        if not chapters:
            chapters.append(_Hoofdstuk(0, None))
        return chapters[-1]

    def report_loose(why: str) -> None:
        for n, x in sorted(loose_headings + loose_text):
            unplaced.append((n, _clean(x), why))
        loose_headings.clear()
        loose_text.clear()

    toelichting: list[str] = []
    annexes: list[tuple[int, str]] = []  # a bijlage after the toelichting (Drents Archief)
    for number, line in lines:
        heading = _HEADING.match(line)
        if toelichting:
            # Everything after the toelichting heading explains the regeling: kept apart.
            text = _clean(heading.group(1) if heading else line)
            if heading and _BIJLAGE.match(text):
                annexes.append((number, text))
            if text:
                toelichting.append(text)
            continue
        if heading and _TOELICHTING.match(_clean(heading.group(1))):
            flush()
            current = None
            toelichting.append(_clean(heading.group(1)))
            continue
        if not heading:
            stripped = _clean(line)
            if stripped and _NOTE_LINE.match(stripped):
                note(number, stripped)
                if current is not None and _LAPSED.search(stripped) and not current.paragraphs:
                    current.vervallen = True
                continue
            for found in _NOTE_INLINE.finditer(line):
                note(number, found.group(0).strip())
            buffer.append((number, _NOTE_INLINE.sub("", line)))
            continue
        flush()
        label = _clean(heading.group(1))
        if not label:
            continue
        if _NOTE_LINE.match(label):
            note(number, label)
            continue
        bare = _BARE_ARTICLE.match(label)
        article: re.Match[str] | None = _ARTICLE.match(label)
        if bare and current is not None and bare.group(1) == str(_next_number(current.nummer)):
            article = bare  # a heading without the word "Artikel"
        if (m := article) is not None:
            number_text = m.group(1)
            earlier = [a for h in chapters for a in h.artikelen]
            if number_text == "1" and earlier:
                # The articles so far belonged to a besluit; the regeling itself starts here.
                counted = f"{len(earlier)} {'artikel' if len(earlier) == 1 else 'artikelen'}"
                omitted.append(f"{counted} van het besluit vóór de regeling")
                opening = chapters[-1] if not chapters[-1].artikelen else None
                chapters[:] = [opening] if opening else []
                named = [h for _, h in loose_headings if not _BIJLAGE.match(_clean(h))]
                title = named[0] if named else title
                # Without headings (plain text) the regeling's title and aanhef follow the
                # besluit's ondertekening inside its last article.
                besluit_end = earlier[-1].paragraphs
                signed = next(
                    (i for i, x in enumerate(besluit_end) if i > 0 and _is_signature(x)), None
                )
                after_signature = besluit_end[signed:] if signed is not None else []
                # The besluit's ondertekening ("De Staatssecretaris ..., M.C. van der Laan")
                # and the "Bijlage" and title headings are not the regeling's aanhef.
                while after_signature and _is_signature(after_signature[0]):
                    after_signature = after_signature[1:]
                preamble[:] = (
                    after_signature
                    + [
                        h
                        for _, h in loose_headings
                        if h != title
                        and not _BIJLAGE.match(_clean(h))
                        and not h.lower().startswith("besluit")
                    ]
                    + [x for _, x in loose_text if not _is_signature(x)]
                )
                loose_headings.clear()
                loose_text.clear()
                notes[:] = [n for n in notes if not n.plaats]  # the besluit's notes go too
            else:
                report_loose("tussen twee artikelen; hoort het bij het artikel ervoor?")
            kop = m.group(2) or None
            lapsed = False
            if kop:
                for found in re.finditer(r"\[[^\[\]]*\]", kop):
                    lapsed = lapsed or bool(_LAPSED.search(found.group(0)))
                    notes.append(Aantekening(number, f"artikel {number_text}", found.group(0)))
                kop = _clean(re.sub(r"\[[^\[\]]*\]", "", kop)).strip(" .") or None
            current = _Artikel(number_text, kop, regel=number, vervallen=lapsed)
            chapter().artikelen.append(current)
            pending_chapter_title = False
        elif (m := _CHAPTER.match(label)) is not None:
            chapters.append(_Hoofdstuk(_roman(m.group(1)), m.group(2).strip(" .") or None))
            pending_chapter_title = not m.group(2)
            current = None
        elif (m := _PARAGRAPH.match(label)) is not None:
            unplaced.append(
                (number, label, "paragraafkop: paragrafen worden als hoofdstukindeling gelezen")
            )
        elif pending_chapter_title:
            chapters[-1].titel = label.strip(" .")
            pending_chapter_title = False
        elif title is None and not chapters:
            title = label
        elif current is not None or loose_headings:
            loose_headings.append((number, label))
            current = None
        else:
            preamble.append(label)
    flush()
    last_line = lines[-1][0] if lines else 1
    if loose_headings or loose_text:
        first = min(n for n, _ in loose_headings + loose_text)
        omitted.append(
            f"ondertekening na het laatste artikel (regels {first}-{last_line}): "
            + _quote_short(" ".join(x for _, x in sorted(loose_headings + loose_text)))
        )
    if chapters and chapters[-1].artikelen:
        last = chapters[-1].artikelen[-1]
        for i, paragraph in enumerate(last.paragraphs):
            if i > 0 and _is_signature(paragraph):
                omitted.append(
                    f"ondertekening na artikel {last.nummer} (regels {last.lines[i]}-{last_line}): "
                    + _quote_short(" ".join(last.paragraphs[i:]))
                )
                last.paragraphs = last.paragraphs[:i]
                last.lines = last.lines[:i]
                break
        # A signature run on to the last sentence: "... geplaatst.De Staatssecretaris van
        # Onderwijs, Cultuur en Wetenschap,M.C. van der Laan" (Brabants Historisch Centrum).
        if last.paragraphs:
            run_on = _RUN_ON_SIGNATURE.search(last.paragraphs[-1])
            # Up to 160 characters, or longer when it ends in a signing officer: "... De
            # Raad van de gemeente Assen De voorzitter De griffier ... De secretaris" (Drents).
            if run_on and (
                len(run_on.group(0)) < 160
                or (len(run_on.group(0)) < 400 and _SIGNING_OFFICER.search(run_on.group(0)))
            ):
                omitted.append(
                    f"ondertekening aan het eind van artikel {last.nummer} (regel "
                    f"{last.lines[-1]}): " + _quote_short(run_on.group(0))
                )
                last.paragraphs[-1] = last.paragraphs[-1][: run_on.start()]
        # The plaatsingsformule after the last article ("Deze regeling zal met de toelichting
        # in de Staatscourant worden geplaatst.") closes the besluit; it is no provision of
        # the regeling, whether on a line of its own or run on to the last sentence.
        if last.paragraphs:
            text = last.paragraphs[-1]
            formule = _PLAATSINGSFORMULE.search(text)
            if formule and (formule.start() > 0 or len(last.paragraphs) > 1):
                omitted.append(
                    f"plaatsingsformule na artikel {last.nummer} (regel {last.lines[-1]}): "
                    + _quote_short(formule.group(0).strip())
                )
                rest = text[: formule.start()].rstrip()
                if rest:
                    last.paragraphs[-1] = rest
                else:
                    last.paragraphs, last.lines = last.paragraphs[:-1], last.lines[:-1]
    for hoofdstuk in chapters:
        gone = [a for a in hoofdstuk.artikelen if a.vervallen and not a.paragraphs]
        hoofdstuk.artikelen = [a for a in hoofdstuk.artikelen if a not in gone]
        for artikel in gone:
            omitted.append(
                f"artikel {artikel.nummer} (vervallen volgens de bron, regel {artikel.regel})"
            )
        for artikel in hoofdstuk.artikelen:
            artikel.leden = _parse_leden(artikel.paragraphs)
    for hoofdstuk in chapters:
        if not hoofdstuk.artikelen and hoofdstuk.nummer:
            omitted.append(f"hoofdstuk {hoofdstuk.nummer} zonder geldende artikelen")
    chapters[:] = [h for h in chapters if h.artikelen]
    if toelichting:
        omitted.append(
            f"toelichting ({len(toelichting)} regels) apart gehouden als toelichting, niet als artikelen"
        )
    for number, name in annexes:
        # regiodocs' regeling has no bijlagen: the text is kept, and said where.
        omitted.append(
            f"bijlage '{name}' (regel {number} en verder) staat in de algemene toelichting, "
            "want een regeling in regiodocs heeft geen bijlagen"
        )
    return Parsed(
        title,
        " ".join(_clean(p) for p in preamble),
        chapters,
        omitted,
        toelichting,
        notes,
        sorted(unplaced),
    )


def _quote_short(text: str) -> str:
    text = _clean(text)
    return f"'{text}'" if len(text) <= 80 else f"'{text[:77]}...'"


# "van de Archiefwet 1995", "van die wet", "uit het Burgerlijk Wetboek" right after the
# citation, or a law named in its phrase.
_OF_THE = re.compile(r"(van|uit|in) (de|het|die|dat) (?!regeling\b)")
_LAW_WORD = re.compile(r"\b\w*[Ww]et\b|\bWetboek\b|\bbesluit\b|\bverordening\b")


_CITED_PART = re.compile(
    r"^(?:,?\s*(?:(?:"
    + "|".join(_ORDINALS)
    + r")(?:(?:,| en| tot en met) (?:"
    + "|".join(_ORDINALS)
    + r"))* lid|aanhef(?: en)?|onderdeel \w+|onder \w+|sub \w+|\w+ (?:volzin|zin))\b)*"
)


def _external(after: str) -> bool:
    """Whether a citation 'artikel 26' is of another law: the rest of its phrase (up to the
    next ';', ':' or sentence end) names one ('van de Archiefwet 1995', 'van die wet',
    'Gemeentewet'), as in 'artikel 26, eerste en tweede lid, van de Archiefwet'."""
    phrase = re.split(r"[;:]|\.(?:\s|$)", after, maxsplit=1)[0][:120]
    # Only the words right after the lid and onderdeel that belong to the citation: in
    # "bedoeld in artikel 2, vierde lid, de algemene aanwijzingen, ... van de afspraken" the
    # 'van de' is no law (Letterhoeke art. 20); "artikel 26 tweede lid van de Archiefwet" is.
    rest = _CITED_PART.sub("", phrase, count=1).lstrip(" ,")
    segment = re.split(r"[,(]", rest, maxsplit=1)[0]
    return bool(_OF_THE.match(segment) or _LAW_WORD.search(segment))


def _lid_label(artikel: _Artikel, index: int) -> str:
    """The lid's number as printed ('3a'), or its position when the source printed none."""
    return artikel.leden[index].nummer or str(index + 1)


def _references(chapters: list[_Hoofdstuk]) -> int:
    """Replace recognisable internal citations by [[id]] references; returns how many."""
    leden_count = {a.nummer: len(a.leden) for h in chapters for a in h.artikelen}
    labels = {
        a.nummer: [_lid_label(a, i) for i in range(len(a.leden))]
        for h in chapters
        for a in h.artikelen
    }
    onderdelen = {
        (a.nummer, _lid_label(a, i)): len(lid.onderdelen)
        for h in chapters
        for a in h.artikelen
        for i, lid in enumerate(a.leden)
    }
    count = 0

    def convert(text: str, here: str) -> str:
        nonlocal count

        def cross(m: re.Match[str]) -> str:
            nonlocal count
            num, lid_word, ond = m.group("num"), m.group("lid"), m.group("ond")
            if num == here or num not in leden_count or _external(text[m.end() :]):
                return m.group(0)
            single = leden_count[num] == 1
            if lid_word is None and ond is None:
                key = f"artikel-{num}"
            elif lid_word is not None and not single and str(_ORDINALS[lid_word]) in labels[num]:
                lid = str(_ORDINALS[lid_word])
                key = f"artikel-{num}.lid-{lid}"
                if ond:
                    if ord(ond) - ord("a") >= onderdelen.get((num, lid), 0):
                        return m.group(0)
                    key += f".{ond}"
            elif (
                lid_word is None
                and ond
                and single
                and ord(ond) - ord("a") < onderdelen.get((num, "1"), 0)
            ):
                key = f"artikel-{num}.{ond}"
            else:
                return m.group(0)
            count += 1
            return f"[[{key}]]"

        def same(m: re.Match[str]) -> str:
            nonlocal count
            lid = str(_ORDINALS[m.group("lid")])
            if lid not in labels.get(here, []) or leden_count.get(here) == 1:
                return m.group(0)
            count += 1
            return f"[[artikel-{here}.lid-{lid}]]"

        return _SAME_LID.sub(same, _CITATION.sub(cross, text))

    for hoofdstuk in chapters:
        for artikel in hoofdstuk.artikelen:
            for lid in artikel.leden:
                lid.tekst = convert(lid.tekst, artikel.nummer)
                for onderdeel in lid.onderdelen:
                    onderdeel.tekst = convert(onderdeel.tekst, artikel.nummer)
                    onderdeel.subonderdelen = [
                        convert(s, artikel.nummer) for s in onderdeel.subonderdelen
                    ]
    return count


# --- readers: every input form becomes the heading-marked text layout that ``parse`` reads ---
# Each layout line carries the line of the source it came from (for a Word document: the
# number of the paragraph), so what cannot be placed is reported where the user finds it.

_PLAIN_HEADING = re.compile(
    r"^(Artikel\s+\d+[a-z]?|Hoofdstuk\s+([IVXLC]+|\d+)|Paragraaf\s+\d+|§\s*\d+|(?:Financiële )?Bijlage|Toelichting)\b",
    re.IGNORECASE,
)
# A label alone on its line, as wetten.overheid.nl copies leden and onderdelen: "1", "2.", "a."
_BARE_LABEL = re.compile(r"^(\d+[a-z]?\.?|[a-z]\.|\d+°\.?)$")


def plain_to_layout(text: str | Layout) -> Layout:
    """Text copied from wetten.overheid.nl (or any plain text): headings are lines that start
    with 'Artikel 4', 'Hoofdstuk 2', 'Paragraaf 1', 'Bijlage' or 'Toelichting' and do not read as
    a sentence; a label on a line of its own ('1', 'a.') is joined to the text after it."""
    out: Layout = []
    pending: tuple[int, str] | None = None
    untitled = False  # the last line was 'Hoofdstuk II' without its title
    for n, line in _as_layout(text):
        stripped = " ".join(line.split())
        if not stripped:
            if pending is None:
                out.append((n, ""))
            continue
        if pending is not None:
            n, stripped = pending[0], f"{pending[1]} {stripped}"
            pending = None
        elif _BARE_LABEL.match(stripped):
            pending = (n, stripped if stripped.endswith((".", "°")) else stripped + ".")
            continue
        heading = _PLAIN_HEADING.match(stripped)
        short = len(stripped.split()) <= 14 and not stripped.endswith((";", ",", ":"))
        if not any(x.strip() for _, x in out) and short:
            out += [(n, f"## {stripped}"), (n, "")]  # the title
        elif heading and short:
            out += [(n, ""), (n, f"### {stripped}"), (n, "")]
            # 'Hoofdstuk II' or 'Bijlage' without its title: the next short line is the title
            untitled = bool(
                re.match(r"^((Hoofdstuk|Paragraaf|§)\s*\S+|Bijlage(\s+\S+)?)\.?$", stripped, re.I)
            )
            continue
        elif untitled and short and not stripped.endswith("."):
            out += [(n, f"#### {stripped}"), (n, "")]
        elif stripped.endswith(",") and len(stripped) < 120:
            out += [
                (n, ""),
                (n, stripped),
                (n, ""),
            ]  # a line of an ondertekening ("De voorzitter,")
        else:
            out.append((n, stripped))
        untitled = False
    if pending is not None:
        out.append(pending)
    return out


def docx_to_layout(path: Path) -> Layout:
    """A Word document: headings by style (Kop/Heading) or by their words, text per paragraph
    (the 'line' of a message is the paragraph's number)."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ContentError(
            [Diagnostic(str(path), 1, 1, "", f"geen leesbaar Word-document (.docx): {error}")]
        ) from None
    from regiodocs.output.docx_xml import list_labels

    # Word list numbering (leden "1.", onderdelen "a.") is not in the paragraph text.
    numbering = document.part.numbering_part.element if _has_numbering(document) else None
    labels = list_labels(document.element.body, numbering)
    lines: Layout = []
    for n, paragraph in enumerate(document.paragraphs, start=1):
        text = " ".join(paragraph.text.split())
        if paragraph._p in labels and text:
            text = f"{labels[paragraph._p]} {text}"
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if text and style.lower().startswith(("heading", "kop", "title", "titel")):
            lines += [(n, ""), (n, f"### {text}"), (n, "")]
        else:
            lines += [(n, text), (n, "")]
    return plain_to_layout(lines)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _xml_text(
    element: Any, skip: tuple[str, ...] = ("lijst", "redactie", "opmerkingen-inhoud")
) -> str:
    """The words of an element, without nested lists and editorial notes."""
    parts = [element.text or ""]
    for child in element:
        if _local(child.tag) not in skip:
            parts.append(_xml_text(child, skip))
        parts.append(child.tail or "")
    return " ".join("".join(parts).split())


def xml_to_layout(path: Path, data: bytes) -> Layout:
    """The official XML of a regeling: CVDR (lokaleregelgeving.overheid.nl) or a BWB toestand
    (wetten.overheid.nl). Both use <artikel> with <kop><label/><nr/><titel/></kop>, <lid> with
    <lidnr>, <al> for a paragraph, <lijst>/<li> with <li.nr> for onderdelen, <hoofdstuk> and
    <paragraaf> with a <kop>, and <redactie> or <opmerkingen-inhoud> for editorial notes."""
    from lxml import etree  # type: ignore[import-untyped]

    shown = str(display_path(path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (1, 1)
        raise ContentError(
            [
                Diagnostic(
                    shown,
                    line or 1,
                    (column or 0) + 1,
                    "",
                    f"geen geldige XML: {error.msg}",
                    code="import",
                )
            ]
        ) from None
    out: Layout = []

    def at(element: Any) -> int:
        return int(element.sourceline or 1)

    def kop(element: Any) -> str:
        head = next((c for c in element if _local(c.tag) == "kop"), None)
        if head is None:
            return ""
        parts = {_local(c.tag): _xml_text(c) for c in head}
        return " ".join(p for p in (parts.get("label"), parts.get("nr"), parts.get("titel")) if p)

    def lijst(element: Any) -> None:
        for li in (c for c in element if _local(c.tag) == "li"):
            nr = next((_xml_text(c) for c in li if _local(c.tag) == "li.nr"), "")
            first = True
            for child in li:
                name = _local(child.tag)
                if name == "al":
                    text = _xml_text(child)
                    out.append((at(child), f"{nr} {text}" if first and nr else text))
                    first = False
                elif name == "lijst":
                    lijst(child)
                elif name in ("redactie", "opmerkingen-inhoud"):
                    out.append((at(child), f"[{_xml_text(child, ())}]"))
            if first and nr:
                out.append((at(li), nr))

    def body(element: Any) -> None:
        for child in element:
            name = _local(child.tag)
            if name in ("kop", "meta-data", "meta", "lidnr", "li.nr"):
                continue
            if name == "artikel":
                out.extend(
                    [
                        (at(child), ""),
                        (at(child), f"### {kop(child) or 'Artikel'}"),
                        (at(child), ""),
                    ]
                )
                notes = [c for c in child if _local(c.tag) in ("redactie", "opmerkingen-inhoud")]
                if (
                    child.get("status") == "vervallen"
                    and not notes
                    and not list(child.iter("{*}al", "al"))
                ):
                    out.append((at(child), "[Vervallen]"))
                body(child)
            elif name in ("hoofdstuk", "paragraaf", "afdeling", "titeldeel"):
                heading = kop(child)
                if heading:
                    out.extend([(at(child), ""), (at(child), f"### {heading}"), (at(child), "")])
                body(child)
            elif name == "lid":
                nr = next((_xml_text(c) for c in child if _local(c.tag) == "lidnr"), "")
                nr = nr if not nr or nr.endswith(".") else nr + "."
                first = True
                for part in child:
                    part_name = _local(part.tag)
                    if part_name == "al":
                        text = _xml_text(part)
                        out.append((at(part), f"{nr} {text}" if first and nr else text))
                        first = False
                    elif part_name == "lijst":
                        lijst(part)
                    elif part_name in ("redactie", "opmerkingen-inhoud"):
                        out.append((at(part), f"[{_xml_text(part, ())}]"))
                out.append((at(child), ""))
            elif name == "al":
                out.extend([(at(child), _xml_text(child)), (at(child), "")])
            elif name == "lijst":
                lijst(child)
                out.append((at(child), ""))
            elif name in ("redactie", "opmerkingen-inhoud"):
                out.extend([(at(child), f"[{_xml_text(child, ())}]"), (at(child), "")])
            elif name in ("toelichting", "nota-toelichting"):
                out.extend([(at(child), ""), (at(child), "### Toelichting"), (at(child), "")])
                out.extend((at(a), _xml_text(a)) for a in child.iter("{*}al", "al"))
            elif name in ("aanhef", "wij", "considerans", "afkondiging", "slotformulering"):
                out.extend((at(a), _xml_text(a)) for a in child.iter("{*}al", "al"))
                out.append((at(child), ""))
            elif name in ("regeling-sluiting", "wet-besluit-sluiting", "ondertekening"):
                out.extend([(at(child), ""), (at(child), "### Ondertekening"), (at(child), "")])
                out.extend((at(a), _xml_text(a)) for a in child.iter("{*}al", "al"))
            else:
                body(child)

    titles = [
        e
        for e in root.iter()
        if _local(e.tag) in ("citeertitel", "intitule", "title", "titel")
        and _local(e.getparent().tag) != "kop"
    ]
    if titles:
        out += [(at(titles[0]), f"## {_xml_text(titles[0])}"), (at(titles[0]), "")]
    texts = [
        e
        for e in root.iter()
        if _local(e.tag) in ("regeling-tekst", "wettekst", "wet-besluit", "regeling")
    ]
    start = texts[0] if texts else root
    aanhef = [e for e in root.iter() if _local(e.tag) == "aanhef"]
    if aanhef and not any(a is start or start in a.iterancestors() for a in aanhef):
        out.extend((at(a), _xml_text(a)) for a in aanhef[0].iter("{*}al", "al"))
        out.append((at(aanhef[0]), ""))
    body(start)
    return out


def _has_numbering(document: Any) -> bool:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return any(rel.reltype == RT.NUMBERING for rel in document.part.rels.values())


def read_source(path: Path) -> Layout:
    """The text of a published regeling in the layout ``parse`` reads, whatever its form:
    Word (.docx), official XML (CVDR or BWB), the markdown mirror of wetten.overheid.nl, or
    plain text."""
    shown = str(display_path(path))
    if path.suffix.lower() == ".docx":
        return docx_to_layout(path)
    try:
        data = read_regular_file(path, limit=MAX_IMPORT_BYTES)
    except UnreadableFile as exc:
        raise ContentError([Diagnostic(shown, 1, 1, "", str(exc), code="import")]) from None
    if path.suffix.lower() == ".xml" or data.lstrip()[:5] == b"<?xml":
        return xml_to_layout(path, data)
    try:
        raw, _encoding = decode_pasted(data)
    except DecodeError as exc:
        raise ContentError(
            [Diagnostic(shown, exc.line, exc.column, "", str(exc), code="import")]
        ) from None
    lines = list(enumerate(raw.replace("\r\n", "\n").replace("\r", "\n").splitlines(), start=1))
    if lines and lines[0][1].startswith("SOURCE:"):
        lines = lines[1:]
    if any(line.lstrip().startswith("#") for _, line in lines):
        return lines
    return plain_to_layout(lines)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "regeling"


# The regeling type as asked for on the command line, and the bodies that adopt it.
SOORTEN: dict[str, list[str]] = {
    "raadsregeling": ["raad"],
    "collegeregeling": ["college"],
    "burgemeestersregeling": ["burgemeester"],
    "gemengd": ["raad", "college"],
}


def import_regeling(path: Path, soort: str | None = None) -> ImportResult:
    """Turn a published regeling into regeling.yaml text (and what was left out)."""
    layout = read_source(path)
    shown = str(display_path(path))
    parsed = parse(layout)
    title, preamble, chapters, omitted = (
        parsed.titel,
        parsed.aanhef,
        parsed.hoofdstukken,
        parsed.weggelaten,
    )
    articles = [a for h in chapters for a in h.artikelen]
    if not articles:
        raise ContentError(
            [
                Diagnostic(
                    str(path), 1, 1, "", "geen artikelen gevonden (verwacht koppen als 'Artikel 1')"
                )
            ]
        )
    refs = _references(chapters)
    title = _clean(title or path.stem)
    citeertitel = title
    for artikel in articles:
        for lid in artikel.leden:
            found = re.search(r"aangehaald als:?\s*(.+?)(?:\.\s|\.?$)", lid.tekst.split("\n\n")[0])
            if found:
                citeertitel = found.group(1).strip(" '`‘’")
    found_date, date_line, date_column = None, 1, 1
    for n, line in layout:
        found_date = _DATE.search(line)
        if found_date:
            date_line, date_column = n, found_date.start() + 1
            break
    datum = date(2000, 1, 1)
    if found_date:
        try:
            datum = date(
                int(found_date.group(3)),
                MAANDEN.index(found_date.group(2)) + 1,
                int(found_date.group(1)),
            )
        except ValueError:
            raise ContentError(
                [
                    Diagnostic(
                        shown,
                        date_line,
                        date_column,
                        "",
                        f"datum '{found_date.group(0)}' bestaat niet; verbeter de datum in de bron",
                        code="import",
                    )
                ]
            ) from None
    lowered = preamble.lower()
    organen = [
        organ
        for organ, pattern in (
            ("raad", r"\b(gemeente)?ra(ad|den)\b(?! van (state|bestuur|toezicht))"),
            ("college", r"\bcolleges? van burgemeester|\bburgemeester en wethouders\b"),
            ("burgemeester", r"\bburgemeesters?\b(?! en wethouders)"),
        )
        if re.search(pattern, lowered)
    ]
    if soort is not None:
        organen = SOORTEN[soort]
    elif not organen:
        raise ContentError(
            [
                Diagnostic(
                    shown,
                    1,
                    1,
                    "",
                    "de aanhef noemt geen raad, college of burgemeester die de regeling treffen; "
                    "geef het soort regeling op met --soort "
                    f"({', '.join(SOORTEN)})",
                )
            ]
        )
    gelet = re.search(r"[Gg]elet op (.+?)[;,:]", preamble)
    data: dict[str, Any] = {
        "id": _slug(citeertitel),
        "titel": title,
        "citeertitel": citeertitel,
        "status": "geimporteerd",
        "versie": "geïmporteerd",
        "datum_versie": datum.isoformat(),
        "aanhef": {
            "bestuursorganen": organen,
            "overwegingen": [preamble or "(geen aanhef in de bron)"],
            "gelet_op": [gelet.group(1) if gelet else "de Wet gemeenschappelijke regelingen"],
        },
        "hoofdstukken": [],
        "algemene_toelichting": "\n\n".join(parsed.toelichting)
        if parsed.toelichting
        else f"Geïmporteerd uit {path.name}; de bron bevat geen toelichting. De Wgr-toets en de 'regelt'-onderwerpen moeten nog worden aangevuld.",
    }
    previous = "0"
    for n, hoofdstuk in enumerate(chapters, start=1):
        artikelen = []
        for artikel in hoofdstuk.artikelen:
            artikelen.append(_artikel_data(artikel, previous))
            previous = artikel.nummer
        data["hoofdstukken"].append(
            {
                "id": f"hoofdstuk-{n}",  # positional: published texts repeat or skip chapter numbers
                "titel": hoofdstuk.titel or "Bepalingen",
                "artikelen": artikelen,
            }
        )
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = StringIO()
    out.write(
        f"# Geïmporteerd uit {path.name} door 'regiodocs import'. Controleer en vul 'regelt' aan.\n"
    )
    if parsed.aantekeningen:
        out.write("# Redactionele aantekeningen in de bron (geen regelingtekst):\n")
        for aantekening in parsed.aantekeningen:
            plaats = f", {aantekening.plaats}" if aantekening.plaats else ""
            out.write(f"#   regel {aantekening.regel}{plaats}: {aantekening.tekst}\n")
    yaml.dump(data, out)
    telling = [
        (a.nummer, len(a.leden), sum(len(lid.onderdelen) for lid in a.leden)) for a in articles
    ]
    meldingen = [
        Diagnostic(
            shown,
            line,
            1,
            "",
            f"tekst niet geplaatst ({why}): {_quote_short(text)}",
            severity="waarschuwing",
            code="import",
        )
        for line, text, why in parsed.niet_geplaatst
    ]
    return ImportResult(
        out.getvalue(),
        len(articles),
        refs,
        omitted,
        telling,
        organen,
        parsed.aantekeningen,
        meldingen,
    )


def _counted_on(previous: str) -> str:
    return str(_next_number(previous))


def _artikel_data(artikel: _Artikel, previous: str = "0") -> dict[str, Any]:
    """The article as YAML data; its number and a lid's number are recorded where they do not
    follow from the order (an inserted 5a, the article after a lapsed one)."""
    leden = []
    lid_before = "0"
    for i, lid in enumerate(artikel.leden, start=1):
        label = lid.nummer or str(i)
        # A one-lid article's onderdelen are cited as artikel-5.a, so its lid needs no id.
        item: dict[str, Any] = (
            {"id": f"lid-{label}", "tekst": lid.tekst}
            if len(artikel.leden) > 1
            else {"tekst": lid.tekst}
        )
        if len(artikel.leden) > 1 and label != _counted_on(lid_before):
            item = {"id": item["id"], "nummer": label, "tekst": lid.tekst}
        lid_before = label
        if lid.onderdelen:
            item["onderdelen"] = []
            for j, onderdeel in enumerate(lid.onderdelen):
                entry: dict[str, Any] = {"id": chr(ord("a") + j), "tekst": onderdeel.tekst}
                if onderdeel.subonderdelen:
                    entry["subonderdelen"] = [{"tekst": s} for s in onderdeel.subonderdelen]
                item["onderdelen"].append(entry)
        leden.append(item)
    data: dict[str, Any] = {"id": f"artikel-{artikel.nummer}"}
    if artikel.nummer != _counted_on(previous):
        data["nummer"] = artikel.nummer
    if artikel.kop:
        data["kop"] = artikel.kop
    data["leden"] = leden or [{"tekst": "(leeg artikel in de bron)"}]
    return data
