"""Decoding text that users paste or save from a word processor (the import command).

Accepted: UTF-8 (with or without byte order mark), UTF-16 and UTF-32 with a byte order
mark (what Word's "Unicode text" writes), and Windows-1252/Latin-1 when that reading is
unambiguous. Anything else is refused with a message that names the encoding to save as.
"""

from __future__ import annotations

import codecs

SAVE_AS = "sla het bestand op als UTF-8 (in Word: Opslaan als > Platte tekst > Unicode (UTF-8))"
# Bytes Windows-1252 leaves undefined: text containing them is not Windows-1252, and as
# Latin-1 they would be invisible control characters.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The bytes are not text in an encoding regiodocs can recognise without guessing."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


def _position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def decode_pasted(raw: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read as; raises DecodeError."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"het bestand begint als {encoding.upper()} maar is dat niet overal "
                    f"(byte {exc.start}); {SAVE_AS}"
                ) from None
            return text.lstrip("\ufeff"), encoding.removesuffix("-sig").upper()
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    if raw.count(b"\x00") > len(raw) // 4:
        raise DecodeError(f"het bestand lijkt UTF-16 zonder byte order mark; {SAVE_AS}")
    undefined = next((i for i, b in enumerate(raw) if b in _CP1252_UNDEFINED), None)
    if undefined is not None:
        line, column = _position(raw, undefined)
        raise DecodeError(
            f"het bestand is geen UTF-8 en de tekenset is niet eenduidig te bepalen "
            f"(byte 0x{raw[undefined]:02X}); {SAVE_AS}",
            line,
            column,
        )
    # Without bytes 0x80-0x9F Latin-1 and Windows-1252 read the same; with them only
    # Windows-1252 gives printable text (curly quotes, euro sign, dashes).
    name = "Windows-1252" if any(0x80 <= b <= 0x9F for b in raw) else "Latin-1"
    return raw.decode("cp1252"), name
