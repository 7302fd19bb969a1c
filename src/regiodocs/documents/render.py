"""Render stage: Jinja2 templates to Markdown. Templates only lay out.

A missing variable is an error (StrictUndefined), and every template error is reported
with the template file and line, in the same form as content errors.
"""

from __future__ import annotations

import re
from pathlib import Path
from types import TracebackType

import jinja2

from regiodocs.content.load import display_path
from regiodocs.diagnostics import ContentError, Diagnostic
from regiodocs.documents.markdown import TAB, finalize
from regiodocs.documents.views.common import Job


def make_environment(template_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir)),
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,  # escaping is for Markdown, done by finalize
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["TAB"] = TAB
    return env


def render_document(env: jinja2.Environment, job: Job) -> str:
    """The Markdown of one document; raises ContentError naming template file and line."""
    template_dir = (
        Path(env.loader.searchpath[0])
        if isinstance(env.loader, jinja2.FileSystemLoader)
        else Path(".")
    )
    try:
        template = env.get_template(job.template)
        text = template.render(**job.context)
    except jinja2.TemplateSyntaxError as exc:
        name = exc.filename or str(template_dir / (exc.name or job.template))
        raise ContentError(
            [_diag(name, exc.lineno, f"syntaxfout in sjabloon: {exc.message}")]
        ) from None
    except jinja2.TemplateNotFound as exc:
        raise ContentError(
            [_diag(str(template_dir / str(exc.name)), 1, "sjabloon bestaat niet")]
        ) from None
    except (jinja2.UndefinedError, TypeError, ValueError, AttributeError) as exc:
        file, line = _template_frame(exc.__traceback__, template_dir / job.template)
        message = str(exc)
        if isinstance(exc, jinja2.UndefinedError):
            missing = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message)
            name = next((g for g in missing.groups() if g), message) if missing else message
            message = f"onbekende variabele in sjabloon: '{name}' bestaat niet"
        else:
            message = f"fout bij het invullen van het sjabloon: {message}"
        raise ContentError([_diag(file, line, message)]) from None
    return _tidy(text)


def _diag(file: str, line: int, message: str) -> Diagnostic:
    return Diagnostic(str(display_path(Path(file))), line, 1, "", message, code="sjabloon")


def _template_frame(tb: TracebackType | None, fallback: Path) -> tuple[str, int]:
    """The innermost traceback frame that belongs to a template (Jinja keeps their lines)."""
    found = (str(fallback), 1)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            found = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _tidy(text: str) -> str:
    """Collapse runs of blank lines the template loops leave behind; end with one newline."""
    lines: list[str] = []
    for line in text.splitlines():
        stripped = line.rstrip()
        if not stripped and lines and not lines[-1]:
            continue
        lines.append(stripped)
    return "\n".join(lines).strip() + "\n"
