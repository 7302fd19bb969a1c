"""Load stage: read a region's YAML files into plain data, keeping file:line:column per node.

Only plain YAML is accepted. Aliases, anchors and explicit tags are refused before anything
is constructed, so alias bombs and ``!!python/object`` never reach a constructor; files
larger than MAX_FILE_BYTES or nested deeper than MAX_DEPTH are refused with a message.
Dates stay strings here: the schema stage parses them and reports impossible ones.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import (
    AliasEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
)
from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from regiodocs.diagnostics import ContentError, Diagnostic, UsageError, YamlPath, format_path

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 40

# Section name -> file (or folder of files, one item each) inside a region folder.
SINGLE_FILES = {
    "regio": "regio.yaml",
    "visie": "visie.yaml",
    "taken": "taken.yaml",
    "bestuur": "bestuur.yaml",
    "afwegingskader": "afwegingskader.yaml",
    "financien": "financien.yaml",
    "consultatie": "consultatie.yaml",
    "regeling": "regeling.yaml",
    "toekomstnotitie": "toekomstnotitie.yaml",
    "wgrvorm": "wgr-vorm.yaml",
    "overgang": "overgang.yaml",
}
# Folder section -> the YAML path root of each file in it (one document per file).
FOLDERS = {
    "raadsvoorstellen": "raadsvoorstel",
    "informatiebrieven": "informatiebrief",
    "opgaven": "opgave",
}
REQUIRED = ("regio", "visie")


class YamlInt(int):
    """An integer read from YAML, with the text the writer typed (e.g. '0o14')."""

    source: str

    def __new__(cls, value: int, source: str) -> YamlInt:
        made = super().__new__(cls, value)
        made.source = source
        return made

    def __reduce__(self) -> tuple[type[YamlInt], tuple[int, str]]:
        return (YamlInt, (int(self), self.source))


class YamlFloat(float):
    """A float read from YAML, with the text the writer typed: YAML reads '14.000' as 14.0,
    a Dutch writer means 14000; the number types of the models parse ``source``."""

    source: str

    def __new__(cls, value: float, source: str) -> YamlFloat:
        made = super().__new__(cls, value)
        made.source = source
        return made

    def __reduce__(self) -> tuple[type[YamlFloat], tuple[float, str]]:
        return (YamlFloat, (float(self), self.source))


def _with_source(value: Any, node: ScalarNode) -> Any:
    """Keep the source text of numbers; everything else as constructed."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    if isinstance(value, int):
        return YamlInt(int(value), str(node.value))
    return YamlFloat(float(value), str(node.value))


class _PlainConstructor(RoundTripConstructor):
    """Round-trip constructor (for positions) that leaves timestamps as text and keeps the
    source text of numbers."""

    def construct_yaml_int(self, node: Any) -> Any:
        return _with_source(SafeConstructor.construct_yaml_int(self, node), node)

    def construct_yaml_float(self, node: Any) -> Any:
        return _with_source(SafeConstructor.construct_yaml_float(self, node), node)


_PlainConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp",
    lambda self, node: self.construct_scalar(node),
)
_PlainConstructor.add_constructor("tag:yaml.org,2002:int", _PlainConstructor.construct_yaml_int)
_PlainConstructor.add_constructor("tag:yaml.org,2002:float", _PlainConstructor.construct_yaml_float)


@dataclass
class SourceFile:
    """One YAML file: its data as plain Python and the position of every node in it."""

    path: Path  # as shown to the user (relative to the working directory where possible)
    root: str  # the YAML path's first word, e.g. "regeling" or "raadsvoorstel"
    data: Any
    positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: YamlPath, *, key: bool = False) -> tuple[int, int]:
        """1-based line and column of a node, or of its nearest ancestor that exists."""
        table = self.key_positions if key else self.positions
        probe = path
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))

    def diagnostic(
        self,
        path: YamlPath,
        message: str,
        *,
        key: bool = False,
        warning: bool = False,
        code: str = "inhoud",
    ) -> Diagnostic:
        line, column = self.locate(path, key=key)
        return Diagnostic(
            file=str(self.path),
            line=line,
            column=column,
            yaml_path=format_path(self.root, path),
            message=message,
            severity="waarschuwing" if warning else "fout",
            code=code,
        )


@dataclass
class RawRegion:
    """Everything read from one region folder, before the schema is applied."""

    region_id: str
    folder: Path
    singles: dict[str, SourceFile]
    folders: dict[str, list[SourceFile]]


def display_path(path: Path) -> Path:
    """The path as the user knows it: relative to the working directory, with a symlink
    shown under its own name (not where it points)."""
    cwd = Path.cwd()
    for candidate in (Path(os.path.abspath(path)), path.parent.resolve() / path.name):
        for base in (cwd, cwd.resolve()):
            try:
                return candidate.relative_to(base)
            except ValueError:
                continue
    return path


def region_folder(content_dir: Path, region_id: str) -> Path:
    folder = content_dir / region_id
    if (
        not region_id.strip()
        or any(sep in region_id for sep in "/\\:")
        or region_id.startswith(".")
        or not folder.is_dir()
    ):
        try:
            known = (
                sorted(p.name for p in content_dir.iterdir() if p.is_dir())
                if content_dir.is_dir()
                else []
            )
        except OSError:
            known = []
        raise UsageError(
            f"onbekende regio '{region_id}' in {content_dir}; bekend: {', '.join(known) or 'geen'}"
        )
    return folder


class UnreadableFile(Exception):
    """A content path that is not a readable regular file or folder; the message says why."""


def is_editor_file(name: str) -> bool:
    """Lock files, backups and swap files that editors leave next to the content."""
    return name.startswith((".", "#", "~$")) or name.endswith(
        ("~", ".swp", ".swo", ".swx", ".bak", ".tmp", "#")
    )


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "een map"
    if stat.S_ISFIFO(mode):
        return "een FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "een apparaat"
    if stat.S_ISSOCK(mode):
        return "een socket"
    if stat.S_ISREG(mode):
        return "een bestand"
    return "geen gewoon bestand"


def _stat(path: Path) -> os.stat_result | None:
    """The file's status (following symlinks); None if nothing is there at all."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise UnreadableFile(
                f"{path.name} is een snelkoppeling (symlink) naar '{os.readlink(path)}', "
                "maar dat bestand bestaat niet"
            ) from None
        return None
    except OSError as exc:
        raise UnreadableFile(f"{path.name} kan niet worden gelezen: {os_reason(exc)}") from None


def os_reason(exc: OSError) -> str:
    """A Dutch reason why a file or folder could not be read."""
    if isinstance(exc, PermissionError):
        return "geen leesrechten (controleer de rechten van het bestand of de map)"
    return exc.strerror or str(exc)


def read_regular_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, never blocking: FIFOs, devices and folders are refused
    before they are opened, and the file is opened non-blocking and checked again."""
    status = _stat(path)
    if status is None:
        raise UnreadableFile(f"{path.name} bestaat niet")
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile(f"{path.name} is {_kind(status.st_mode)}, geen YAML-bestand")
    if status.st_size > limit:
        raise UnreadableFile(
            f"bestand is {status.st_size:,} bytes; de grens is {limit:,} bytes".replace(",", ".")
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise UnreadableFile(f"{path.name} kan niet worden gelezen: {os_reason(exc)}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced between stat and open
            raise UnreadableFile(f"{path.name} is geen gewoon bestand")
        chunks = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise UnreadableFile(
                    f"bestand is groter dan {limit:,} bytes (de grens)".replace(",", ".")
                )
        return b"".join(chunks)
    except OSError as exc:
        raise UnreadableFile(f"{path.name} kan niet worden gelezen: {os_reason(exc)}") from None
    finally:
        os.close(fd)


def _folder_files(folder: Path, problems: list[Diagnostic], root: str) -> list[Path]:
    """The *.yaml files of a content folder, editor files left out; an unreadable folder or
    an entry that is not a regular file is a problem, never an empty result."""

    def fail(path: Path, message: str) -> None:
        problems.append(Diagnostic(str(display_path(path)), 1, 1, root, message, code="yaml"))

    try:
        status = _stat(folder)
    except UnreadableFile as exc:
        fail(folder, str(exc))
        return []
    if status is None:
        return []
    if not stat.S_ISDIR(status.st_mode):
        fail(
            folder, f"{folder.name} is {_kind(status.st_mode)}; verwacht een map met YAML-bestanden"
        )
        return []
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:
        fail(folder, f"map {folder.name}/ kan niet worden gelezen: {os_reason(exc)}")
        return []
    return [folder / n for n in names if n.endswith(".yaml") and not is_editor_file(n)]


class FileCache:
    """Parsed files by path and bytes, so a resident process (the preview) re-reads only the
    files that changed. Only files that loaded without problems are kept."""

    def __init__(self) -> None:
        self._files: dict[tuple[Path, str], tuple[bytes, SourceFile]] = {}
        # id(source) -> (source, model class, validated model): kept by content/schema.py
        self.models: dict[int, tuple[SourceFile, type, Any]] = {}

    def load(self, path: Path, root: str, problems: list[Diagnostic]) -> SourceFile | None:
        try:
            raw = read_regular_file(path)
        except UnreadableFile:
            return _load_file(path, root, problems)  # which reports why
        known = self._files.get((path, root))
        if known is not None and known[0] == raw:
            return known[1]
        if known is not None:  # the file changed: its validated model goes too
            self.models.pop(id(known[1]), None)
        loaded = _load_file(path, root, problems)
        if loaded is not None:
            self._files[(path, root)] = (raw, loaded)
        return loaded


def load_region(content_dir: Path, region_id: str, files: FileCache | None = None) -> RawRegion:
    """Read every YAML file of a region; raise ContentError listing all problems found."""
    load = files.load if files is not None else _load_file
    folder = region_folder(content_dir, region_id)
    problems: list[Diagnostic] = []
    singles: dict[str, SourceFile] = {}
    for section, name in SINGLE_FILES.items():
        path = folder / name
        try:
            present = _stat(path) is not None
        except UnreadableFile as exc:
            problems.append(
                Diagnostic(str(display_path(path)), 1, 1, section, str(exc), code="yaml")
            )
            continue
        if not present:
            if section in REQUIRED:
                problems.append(
                    Diagnostic(
                        str(display_path(path)),
                        1,
                        1,
                        section,
                        f"bestand {name} ontbreekt",
                        code="yaml",
                    )
                )
            continue
        loaded = load(path, section, problems)
        if loaded is not None:
            singles[section] = loaded
    folders: dict[str, list[SourceFile]] = {}
    for section, root in FOLDERS.items():
        found: list[SourceFile] = []
        for path in _folder_files(folder / section, problems, root):
            loaded = load(path, root, problems)
            if loaded is not None:
                found.append(loaded)
        folders[section] = found
    if problems:
        raise ContentError(problems)
    return RawRegion(region_id=region_id, folder=folder, singles=singles, folders=folders)


def load_yaml_file(path: Path, root: str) -> SourceFile:
    """Load one file on its own (used by tools and tests); raise ContentError on problems."""
    problems: list[Diagnostic] = []
    loaded = _load_file(path, root, problems)
    if loaded is None:
        raise ContentError(problems)
    return loaded


def _load_file(path: Path, root: str, problems: list[Diagnostic]) -> SourceFile | None:
    """Fast path first (libyaml); anything irregular is read again by the careful path,
    which finds the problem and says where it is."""
    shown = str(display_path(path))
    try:
        raw = read_regular_file(path)
    except UnreadableFile as exc:
        problems.append(Diagnostic(shown, 1, 1, root, str(exc), code="yaml"))
        return None
    try:
        fast = load_fast(raw, Path(shown), root)
        if fast is not None:
            return fast
    except Exception:  # noqa: BLE001 - every irregularity goes to the careful path below
        pass
    return _load_careful(path, root, problems, raw)


class _SafeScalars(SafeConstructor):
    """ruamel's safe constructor, used for scalars only; timestamps stay text."""


_SafeScalars.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda self, node: self.construct_scalar(node)
)
_STANDARD_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}


def load_fast(raw: bytes, shown: Path, root: str) -> SourceFile | None:
    """Parse with libyaml (C) and build plain data with positions; None if anything is off
    (the careful reader then finds and places the problem). The preview uses it too."""
    text = raw.decode("utf-8-sig")
    yaml = YAML(typ="safe", pure=False)
    yaml.Constructor = _SafeScalars
    depth = 0
    for event in yaml.parse(text):
        if isinstance(event, AliasEvent) or (
            isinstance(event, NodeEvent) and event.anchor is not None
        ):
            return None
        if getattr(event, "tag", None) is not None:
            return None  # explicit tags: the careful path explains
        if isinstance(event, CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                return None
        elif type(event).__name__ in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1
    node = yaml.compose(text)
    if not isinstance(node, MappingNode) or not node.value:
        return None
    source = SourceFile(path=shown, root=root, data=None)
    constructor = yaml.constructor
    source.positions[()] = (node.value[0][0].start_mark.line + 1, 1)
    try:
        source.data = _from_node(node, (), source, constructor)
    except ValueError:  # duplicate or complex key, unknown tag
        return None
    return source


def _from_node(node: Any, path: YamlPath, source: SourceFile, constructor: Any) -> Any:
    if isinstance(node, MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                raise ValueError("complex key")
            key = str(constructor.construct_object(key_node, deep=True))
            if key in out:
                raise ValueError("duplicate key")
            child = (*path, key)
            key_mark, value_mark = key_node.start_mark, value_node.start_mark
            source.key_positions[child] = (key_mark.line + 1, key_mark.column + 1)
            container = isinstance(value_node, (MappingNode, SequenceNode))
            mark = key_mark if container else value_mark
            source.positions[child] = (mark.line + 1, mark.column + 1)
            out[key] = _from_node(value_node, child, source, constructor)
        return out
    if isinstance(node, SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            child = (*path, index)
            source.positions[child] = (item.start_mark.line + 1, item.start_mark.column + 1)
            items.append(_from_node(item, child, source, constructor))
        return items
    if node.tag not in _STANDARD_TAGS:
        raise ValueError("tag")
    value = constructor.construct_object(node, deep=True)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _with_source(value, node)
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return str(value)


def _load_careful(
    path: Path, root: str, problems: list[Diagnostic], raw: bytes | None = None
) -> SourceFile | None:
    shown = str(display_path(path))

    def fail(line: int, column: int, message: str) -> None:
        problems.append(Diagnostic(shown, line, column, root, message, code="yaml"))

    if raw is None:
        try:
            raw = read_regular_file(path)
        except UnreadableFile as exc:
            fail(1, 1, str(exc))
            return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        fail(line, column, "bestand is geen geldige UTF-8-tekst; sla het op als UTF-8")
        return None
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        fail(1, 1, "bestand is leeg; verwacht een mapping (sleutel: waarde)")
        return None
    yaml = YAML(typ="rt")
    yaml.Constructor = _PlainConstructor
    try:
        depth = 0
        # Per open collection: is it a mapping, and how many child nodes it has had; a
        # mapping's even-numbered children are its keys (to find merge keys "<<").
        open_nodes: list[list[Any]] = []
        for event in yaml.parse(text):
            mark = event.start_mark
            if isinstance(event, NodeEvent) and not isinstance(event, AliasEvent):
                if open_nodes:
                    is_key = open_nodes[-1][0] and open_nodes[-1][1] % 2 == 0
                    open_nodes[-1][1] += 1
                    if (
                        is_key
                        and isinstance(event, ScalarEvent)
                        and event.value == "<<"
                        and event.style is None
                    ):
                        fail(
                            mark.line + 1,
                            mark.column + 1,
                            "samenvoegsleutels (<<:) zijn niet toegestaan, net als ankers; "
                            "schrijf de sleutels voluit",
                        )
                        return None
                if isinstance(event, CollectionStartEvent):
                    open_nodes.append([isinstance(event, MappingStartEvent), 0])
            elif type(event).__name__ in ("MappingEndEvent", "SequenceEndEvent"):
                open_nodes.pop()
            if isinstance(event, AliasEvent):
                fail(mark.line + 1, mark.column + 1, "aliassen (*naam) zijn niet toegestaan")
                return None
            if isinstance(event, NodeEvent) and event.anchor is not None:
                fail(mark.line + 1, mark.column + 1, "ankers (&naam) zijn niet toegestaan")
                return None
            tag = getattr(event, "tag", None)
            if tag is not None and not (isinstance(event, CollectionStartEvent) and tag == "!"):
                fail(mark.line + 1, mark.column + 1, f"tags zoals '{tag}' zijn niet toegestaan")
                return None
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    fail(
                        mark.line + 1,
                        mark.column + 1,
                        f"inhoud is dieper genest dan {MAX_DEPTH} niveaus",
                    )
                    return None
            elif type(event).__name__ in ("MappingEndEvent", "SequenceEndEvent"):
                depth -= 1
        data = yaml.load(text)
    except DuplicateKeyError as exc:
        mark = exc.problem_mark
        key = str(exc.problem).split('"')[1] if '"' in str(exc.problem) else "?"
        fail(mark.line + 1, mark.column + 1, f"sleutel '{key}' komt twee keer voor")
        return None
    except ReaderError as exc:
        before = text[: exc.position]
        line = before.count("\n") + 1
        column = exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        fail(line, column, f"ongeldig teken U+{ord(char):04X} (een stuurteken); verwijder het")
        return None
    except MarkedYAMLError as exc:
        # For something left open (a quote, [ or {), where it was opened helps most.
        opened = str(exc.context or "").startswith(
            ("while scanning a quoted", "while parsing a flow")
        )
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        fail(line, column, f"YAML-syntaxfout: {_yaml_problem(exc)}")
        return None
    if not isinstance(data, CommentedMap):
        kind = "een lijst" if isinstance(data, CommentedSeq) else "een losse waarde"
        fail(1, 1, f"bestand bevat {kind}; verwacht een mapping (sleutel: waarde)")
        return None
    source = SourceFile(path=Path(shown), root=root, data=None)
    first_key = next(iter(data), None)
    source.positions[()] = (data.lc.key(first_key)[0] + 1, 1) if first_key is not None else (1, 1)
    source.data = _plain(data, (), source)
    return source


_YAML_PROBLEMS = {
    "found character '\\t' that cannot start any token": "tab-teken gevonden; gebruik spaties",
    "found unexpected end of stream": "onverwacht einde van het bestand (aanhalingsteken niet gesloten?)",
    "mapping values are not allowed here": "dubbele punt op een onverwachte plek (inspringing of aanhalingstekens?)",
    "could not find expected ':'": "dubbele punt ':' verwacht",
    "expected <block end>, but found": "onverwachte inspringing",
    "expected ',' or ']'": "lijst tussen [ ] niet gesloten: ']' ontbreekt",
    "expected ',' or '}'": "mapping tussen { } niet gesloten: '}' ontbreekt",
    "while scanning a quoted scalar": "aanhalingsteken niet gesloten",
}


def _yaml_problem(exc: MarkedYAMLError) -> str:
    problem = str(exc.problem or exc.context or "")
    for english, dutch in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return dutch
    return problem


def _plain(node: Any, path: YamlPath, source: SourceFile) -> Any:
    """Convert ruamel's round-trip nodes to dict/list/str/int/float/bool/None, recording positions."""
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key, value in node.items():
            child = (*path, str(key))
            kl, kc = node.lc.key(key)
            vl, vc = node.lc.value(key)
            source.key_positions[child] = (kl + 1, kc + 1)
            # A mapping or list is found by its key line ("antwoorden:"), a value where it stands.
            container = isinstance(value, (CommentedMap, CommentedSeq))
            source.positions[child] = (kl + 1, kc + 1) if container else (vl + 1, vc + 1)
            out[str(key)] = _plain(value, child, source)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for index, value in enumerate(node):
            child = (*path, index)
            line, column = node.lc.item(index)
            source.positions[child] = (line + 1, column + 1)
            items.append(_plain(value, child, source))
        return items
    if isinstance(node, bool) or node is None or isinstance(node, (YamlInt, YamlFloat)):
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def location_label(source: SourceFile, path: YamlPath) -> str:
    line, column = source.locate(path)
    return f"{source.path}:{line}:{column}"


__all__ = [
    "FOLDERS",
    "SINGLE_FILES",
    "RawRegion",
    "SourceFile",
    "YamlFloat",
    "YamlInt",
    "format_path",
    "load_region",
    "load_yaml_file",
]
