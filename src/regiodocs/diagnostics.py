"""Located messages about the content: what is wrong, where, and what is expected."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["fout", "waarschuwing"]
PathPart = str | int
YamlPath = tuple[PathPart, ...]


def format_path(root: str, path: YamlPath) -> str:
    """Render a YAML path the way a reader finds it: ``regeling.hoofdstukken[2].artikelen[0]``."""
    out = root
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out


@dataclass(frozen=True)
class Diagnostic:
    """One message for the user, in Dutch, with file, line, column and YAML path."""

    file: str
    line: int  # 1-based
    column: int  # 1-based
    yaml_path: str
    message: str
    severity: Severity = "fout"
    # Stable kind of problem for tools: 'yaml', 'schema.<pydantic type>', 'notatie',
    # 'inhoud' (semantic checks), 'sjabloon', 'import'.
    code: str = "inhoud"

    def as_json(self) -> dict[str, object]:
        """The machine-readable form (``--format json``): severity in English for tools."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "severity": "error" if self.severity == "fout" else "warning",
            "code": self.code,
            "yaml_path": self.yaml_path,
            "message": self.message,
        }

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        path = f" [{self.yaml_path}]" if self.yaml_path else ""
        return f"{where}: {self.severity}:{path} {self.message}"


class ContentError(Exception):
    """The content cannot be used; carries every diagnostic found, not only the first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = sorted(diagnostics, key=lambda d: (d.file, d.line, d.column))
        super().__init__("\n".join(str(d) for d in self.diagnostics))

    def __reduce__(self) -> tuple[type[ContentError], tuple[list[Diagnostic]]]:
        # So the error survives a process pool (one region per process).
        return (ContentError, (self.diagnostics,))


class UsageError(Exception):
    """The command was called wrongly (unknown region or municipality, bad option)."""


def errors_only(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity == "fout"]
