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
    r"\b(?P<art>[Aa]rtikel (?P<num>\d+[a-z]?))(?:, (?P<lid>" + "|".join(_ORDINALS) + r") lid)?"
    r"(?:, onderdeel (?P<ond>[a-z])\b)?"
)
_SAME_LID = re.compile(r"\b(?P<het>[Hh]et) (?P<lid>" + "|".join(_ORDINALS) + r") lid\b")
MAX_IMPORT_BYTES = 20 * 1024 * 1024
_TOELICHTING = re.compile(r"^(algemene |artikelsgewijze |nota van )?toelichting\b", re.IGNORECASE)
# The toelichting found by the last ``parse`` (kept apart from the articles).
PARSED_TOELICHTING: list[str] = []
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


def _clean(text: str) -> str:
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


@dataclass
class _Artikel:
    nummer: str
    kop: str | None
    paragraphs: list[str] = field(default_factory=list)
    leden: list[_Lid] = field(default_factory=list)


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
    return re.sub(r"^(\d+°\.?|\d+\.|[a-z]\.)(?!\d)\s*", "", text.strip())


def _parse_leden(paragraphs: list[str]) -> list[_Lid]:
    """Leden, onderdelen and subonderdelen of one article body.

    The body is read as one stream, because published texts break lines anywhere: a lid
    may start mid-line ("gemeente.2. Het") or right after an onderdeel.
    """
    body = " ".join(" ".join(paragraphs).replace("*", "").split()).lstrip(_LINE_START)
    pieces = _split_sequential(body, "num") if re.match(r"^1\.(?!\d)", body) else [body]
    pieces = [_clean(piece) for piece in pieces]
    leden: list[_Lid] = []
    for piece in pieces:
        lid = _Lid(
            _strip_label(piece)
            if len(pieces) > 1 or re.match(r"^1\.(?!\d)", piece)
            else piece.strip()
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
                onderdeel.tekst = re.sub(r"[\s;,.]+$", "", onderdeel.tekst)
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


def parse(text: str) -> tuple[str | None, str, list[_Hoofdstuk], list[str]]:
    """(title, preamble, chapters, omitted parts) of a published regeling."""
    lines = text.splitlines()
    if lines and lines[0].startswith("SOURCE:"):
        lines = lines[1:]
    title: str | None = None
    preamble: list[str] = []
    chapters: list[_Hoofdstuk] = []
    omitted: list[str] = []
    current: _Artikel | None = None
    pending_chapter_title = False
    buffer: list[str] = []
    # Headings and text after an article that is not followed by a new one: either the
    # ondertekening, or the title and aanhef of the regeling annexed to a besluit.
    loose_headings: list[str] = []
    loose_text: list[str] = []

    def flush() -> None:
        nonlocal buffer
        lines = [
            _LINE_START + x if current is not None and re.match(r"^\s*\d+\.\s+\S", x) else x
            for x in buffer
        ]
        paragraphs = [" ".join(p.split()) for p in "\n".join(lines).split("\n\n") if p.strip()]
        if current is not None:
            current.paragraphs.extend(paragraphs)
        elif not chapters or not any(h.artikelen for h in chapters):
            preamble.extend(paragraphs)
        else:
            loose_text.extend(paragraphs)
        buffer = []

    def chapter() -> _Hoofdstuk:
        if not chapters:
            chapters.append(_Hoofdstuk(0, None))
        return chapters[-1]

    toelichting: list[str] = []
    for line in lines:
        heading = _HEADING.match(line)
        if toelichting:
            # Everything after the toelichting heading explains the regeling: kept apart.
            text = _clean(heading.group(1) if heading else line)
            if text:
                toelichting.append(text)
            continue
        if heading and _TOELICHTING.match(_clean(heading.group(1))):
            flush()
            current = None
            toelichting.append(_clean(heading.group(1)))
            continue
        if not heading:
            buffer.append(line)
            continue
        flush()
        label = _clean(heading.group(1))
        if not label:
            continue
        bare = _BARE_ARTICLE.match(label)
        article: re.Match[str] | None = _ARTICLE.match(label)
        if bare and current is not None and bare.group(1) == str(_next_number(current.nummer)):
            article = bare  # a heading without the word "Artikel"
        if (m := article) is not None:
            number = m.group(1)
            earlier = [a for h in chapters for a in h.artikelen]
            if number == "1" and earlier:
                # The articles so far belonged to a besluit; the regeling itself starts here.
                omitted.append(f"{len(earlier)} artikel(en) van het besluit vóór de regeling")
                opening = chapters[-1] if not chapters[-1].artikelen else None
                chapters[:] = [opening] if opening else []
                named = [h for h in loose_headings if not re.match(r"^bijlage\b", h, re.I)]
                title = named[0] if named else title
                # Without headings (plain text) the regeling's title and aanhef follow the
                # besluit's ondertekening inside its last article.
                besluit_end = earlier[-1].paragraphs
                signed = next(
                    (i for i, x in enumerate(besluit_end) if i > 0 and _is_signature(x)), None
                )
                after_signature = besluit_end[signed:] if signed is not None else []
                preamble[:] = (
                    after_signature
                    + [h for h in loose_headings[1:] if not h.lower().startswith("besluit")]
                    + loose_text
                )
                loose_headings.clear()
                loose_text.clear()
            current = _Artikel(number, m.group(2) or None)
            chapter().artikelen.append(current)
            pending_chapter_title = False
        elif (m := _CHAPTER.match(label)) is not None:
            chapters.append(_Hoofdstuk(_roman(m.group(1)), m.group(2).strip(" .") or None))
            pending_chapter_title = not m.group(2)
            current = None
        elif (m := _PARAGRAPH.match(label)) is not None:
            omitted.append(
                f"paragraafkop '{label}' (paragrafen worden als hoofdstukindeling gelezen)"
            )
        elif pending_chapter_title:
            chapters[-1].titel = label.strip(" .")
            pending_chapter_title = False
        elif title is None and not chapters:
            title = label
        elif current is not None or loose_headings:
            loose_headings.append(label)
            current = None
        else:
            preamble.append(label)
    flush()
    if loose_headings:
        omitted.append(f"ondertekening na het laatste artikel ({len(loose_headings)} kop(pen))")
    if chapters and chapters[-1].artikelen:
        last = chapters[-1].artikelen[-1]
        for i, paragraph in enumerate(last.paragraphs):
            if i > 0 and _is_signature(paragraph):
                omitted.append(
                    f"ondertekening na artikel {last.nummer} ({len(last.paragraphs) - i} regel(s))"
                )
                last.paragraphs = last.paragraphs[:i]
                break
    for hoofdstuk in chapters:
        for artikel in hoofdstuk.artikelen:
            artikel.leden = _parse_leden(artikel.paragraphs)
    if toelichting:
        omitted.append(
            f"toelichting ({len(toelichting)} regels) apart gehouden als toelichting, niet als artikelen"
        )
    PARSED_TOELICHTING[:] = toelichting
    return title, " ".join(_clean(p) for p in preamble), chapters, omitted


_OTHER_LAW = re.compile(
    r"\b(van|uit|in) (de|het|die|dat) (?!regeling\b)|\b\w*[Ww]et\b|\bWetboek\b|\bbesluit\b|\bverordening\b"
)


def _external(after: str) -> bool:
    """Whether a citation 'artikel 26' is of another law: the rest of its phrase (up to the
    next ';', ':' or sentence end) names one ('van de Archiefwet 1995', 'van die wet',
    'Gemeentewet'), as in 'artikel 26, eerste en tweede lid, van de Archiefwet'."""
    phrase = re.split(r"[;:]|\.(?:\s|$)", after, maxsplit=1)[0][:120]
    return bool(_OTHER_LAW.search(phrase))


def _references(chapters: list[_Hoofdstuk]) -> int:
    """Replace recognisable internal citations by [[id]] references; returns how many."""
    leden_count = {a.nummer: len(a.leden) for h in chapters for a in h.artikelen}
    onderdelen = {
        (a.nummer, i + 1): len(lid.onderdelen)
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
            elif lid_word is not None and not single and _ORDINALS[lid_word] <= leden_count[num]:
                lid = _ORDINALS[lid_word]
                key = f"artikel-{num}.lid-{lid}"
                if ond:
                    if ord(ond) - ord("a") >= onderdelen.get((num, lid), 0):
                        return m.group(0)
                    key += f".{ond}"
            elif (
                lid_word is None
                and ond
                and single
                and ord(ond) - ord("a") < onderdelen.get((num, 1), 0)
            ):
                key = f"artikel-{num}.{ond}"
            else:
                return m.group(0)
            count += 1
            return f"[[{key}]]"

        def same(m: re.Match[str]) -> str:
            nonlocal count
            lid = _ORDINALS[m.group("lid")]
            if leden_count.get(here, 0) < lid or leden_count.get(here) == 1:
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

_PLAIN_HEADING = re.compile(
    r"^(Artikel\s+\d+[a-z]?|Hoofdstuk\s+([IVXLC]+|\d+)|Paragraaf\s+\d+|§\s*\d+|Bijlage|Toelichting)\b",
    re.IGNORECASE,
)
# A label alone on its line, as wetten.overheid.nl copies leden and onderdelen: "1", "2.", "a."
_BARE_LABEL = re.compile(r"^(\d+[a-z]?\.?|[a-z]\.|\d+°\.?)$")


def plain_to_layout(text: str) -> str:
    """Text copied from wetten.overheid.nl (or any plain text): headings are lines that start
    with 'Artikel 4', 'Hoofdstuk 2', 'Paragraaf 1', 'Bijlage' or 'Toelichting' and do not read as
    a sentence; a label on a line of its own ('1', 'a.') is joined to the text after it."""
    out: list[str] = []
    pending: str | None = None
    untitled = False  # the last line was 'Hoofdstuk II' without its title
    for line in text.splitlines():
        stripped = " ".join(line.split())
        if not stripped:
            if pending is None:
                out.append("")
            continue
        if pending is not None:
            stripped = f"{pending} {stripped}"
            pending = None
        elif _BARE_LABEL.match(stripped):
            pending = stripped if stripped.endswith((".", "°")) else stripped + "."
            continue
        heading = _PLAIN_HEADING.match(stripped)
        short = len(stripped.split()) <= 14 and not stripped.endswith((";", ",", ":"))
        if not any(x.strip() for x in out) and short:
            out += [f"## {stripped}", ""]  # the title
        elif heading and short:
            out += ["", f"### {stripped}", ""]
            untitled = bool(re.match(r"^(Hoofdstuk|Paragraaf|§)\s*\S+\.?$", stripped, re.I))
            continue
        elif untitled and short and not stripped.endswith("."):
            out += [f"#### {stripped}", ""]
        elif stripped.endswith(",") and len(stripped) < 120:
            out += ["", stripped, ""]  # a line of an ondertekening ("De voorzitter,")
        else:
            out.append(stripped)
        untitled = False
    if pending is not None:
        out.append(pending)
    return "\n".join(out)


def docx_to_layout(path: Path) -> str:
    """A Word document: headings by style (Kop/Heading) or by their words, text per paragraph."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    from regiodocs.diagnostics import ContentError, Diagnostic

    try:
        document = Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ContentError(
            [Diagnostic(str(path), 1, 1, "", f"geen leesbaar Word-document (.docx): {error}")]
        ) from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        text = " ".join(paragraph.text.split())
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        if text and style.lower().startswith(("heading", "kop", "title", "titel")):
            lines += ["", f"### {text}", ""]
        else:
            lines += [text, ""]
    return plain_to_layout("\n".join(lines))


def read_source(path: Path) -> str:
    """The text of a published regeling in the layout ``parse`` reads, whatever its form:
    Word (.docx), the markdown mirror of wetten.overheid.nl, or plain text."""
    shown = str(display_path(path))
    if path.suffix.lower() == ".docx":
        return docx_to_layout(path)
    try:
        raw, _encoding = decode_pasted(read_regular_file(path, limit=MAX_IMPORT_BYTES))
    except UnreadableFile as exc:
        raise ContentError([Diagnostic(shown, 1, 1, "", str(exc), code="import")]) from None
    except DecodeError as exc:
        raise ContentError(
            [Diagnostic(shown, exc.line, exc.column, "", str(exc), code="import")]
        ) from None
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").splitlines()
    if lines and lines[0].startswith("SOURCE:"):
        lines = lines[1:]
    if any(line.lstrip().startswith("#") for line in lines):
        return "\n".join(lines)
    return plain_to_layout("\n".join(lines))


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
    raw = read_source(path)
    shown = str(display_path(path))
    title, preamble, chapters, omitted = parse(raw)
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
    found_date = _DATE.search(raw)
    datum = date(2000, 1, 1)
    if found_date:
        try:
            datum = date(
                int(found_date.group(3)),
                MAANDEN.index(found_date.group(2)) + 1,
                int(found_date.group(1)),
            )
        except ValueError:
            before = raw[: found_date.start()]
            raise ContentError(
                [
                    Diagnostic(
                        shown,
                        before.count("\n") + 1,
                        found_date.start() - (before.rfind("\n") + 1) + 1,
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
        "algemene_toelichting": "\n\n".join(PARSED_TOELICHTING)
        if PARSED_TOELICHTING
        else f"Geïmporteerd uit {path.name}; de bron bevat geen toelichting. De Wgr-toets en de 'regelt'-onderwerpen moeten nog worden aangevuld.",
    }
    for n, hoofdstuk in enumerate(chapters, start=1):
        data["hoofdstukken"].append(
            {
                "id": f"hoofdstuk-{n}",  # positional: published texts repeat or skip chapter numbers
                "titel": hoofdstuk.titel or "Bepalingen",
                "artikelen": [_artikel_data(a) for a in hoofdstuk.artikelen],
            }
        )
    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = StringIO()
    out.write(
        f"# Geïmporteerd uit {path.name} door 'regiodocs import'. Controleer en vul 'regelt' aan.\n"
    )
    yaml.dump(data, out)
    telling = [
        (a.nummer, len(a.leden), sum(len(lid.onderdelen) for lid in a.leden)) for a in articles
    ]
    return ImportResult(out.getvalue(), len(articles), refs, omitted, telling, organen)


def _artikel_data(artikel: _Artikel) -> dict[str, Any]:
    leden = []
    for i, lid in enumerate(artikel.leden, start=1):
        # A one-lid article's onderdelen are cited as artikel-5.a, so its lid needs no id.
        item: dict[str, Any] = (
            {"id": f"lid-{i}", "tekst": lid.tekst}
            if len(artikel.leden) > 1
            else {"tekst": lid.tekst}
        )
        if lid.onderdelen:
            item["onderdelen"] = []
            for j, onderdeel in enumerate(lid.onderdelen):
                entry: dict[str, Any] = {"id": chr(ord("a") + j), "tekst": onderdeel.tekst}
                if onderdeel.subonderdelen:
                    entry["subonderdelen"] = [{"tekst": s} for s in onderdeel.subonderdelen]
                item["onderdelen"].append(entry)
        leden.append(item)
    data: dict[str, Any] = {"id": f"artikel-{artikel.nummer}"}
    if artikel.kop:
        data["kop"] = artikel.kop
    data["leden"] = leden or [{"tekst": "(leeg artikel in de bron)"}]
    return data
