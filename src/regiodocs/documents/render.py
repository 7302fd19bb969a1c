"""Render stage: Jinja2 templates to Markdown. Templates only lay out.

Templates run in Jinja's immutable sandbox (``--templates`` may point at any folder): no
attribute starting with '_', no method that changes data, no OS access. A render is bounded:
a time limit, a limit on nesting of calls, on the size of the output and of ``*``/``**``
results, and ``range`` stops at the sandbox's limit. A missing variable is an error
(StrictUndefined), and every template error is reported with the template file and line,
in the same form as content errors; never a traceback.
"""

from __future__ import annotations

import os
import re
import stat
import threading
import time
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import jinja2
from jinja2.exceptions import SecurityError
from jinja2.sandbox import ImmutableSandboxedEnvironment, safe_range

from regiodocs.content.load import display_path
from regiodocs.diagnostics import ContentError, Diagnostic
from regiodocs.documents.markdown import TAB, finalize
from regiodocs.documents.views.common import Job

RENDER_SECONDS = 20.0  # one document renders in milliseconds; this only stops a runaway
MAX_CALL_DEPTH = 50  # nested macro/function calls
MAX_OUTPUT_CHARS = 20_000_000
MAX_POWER = 1000  # largest exponent of '**'


class _Limit(Exception):
    """A template ran into one of the render limits; the message says which."""


class _Loader(jinja2.FileSystemLoader):
    """Only regular files are templates: a FIFO or device named *.j2 is refused, not read."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for searchpath in self.searchpath:
            candidate = os.path.join(searchpath, *pieces)
            try:
                mode = os.stat(candidate).st_mode
            except OSError:
                continue
            if not stat.S_ISREG(mode):
                raise jinja2.TemplateNotFound(template, f"{candidate} is geen gewoon bestand")
            break
        return super().get_source(environment, template)


class _Range:
    """``range`` for templates: the sandbox's size limit, and the time limit per step."""

    def __init__(self, env: _Sandbox, *args: int) -> None:
        self._env = env
        self._range = safe_range(*args)

    def __len__(self) -> int:
        return len(self._range)

    def __iter__(self) -> Iterator[int]:
        for value in self._range:
            self._env.tick()
            yield value


class _Sandbox(ImmutableSandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._state = threading.local()

    def start(self) -> None:
        self._state.deadline = time.monotonic() + RENDER_SECONDS
        self._state.depth = 0

    def tick(self) -> None:
        deadline = getattr(self._state, "deadline", None)
        if deadline is not None and time.monotonic() > deadline:
            raise _Limit(
                f"het sjabloon duurt langer dan {RENDER_SECONDS:g} seconden "
                "(een lus die niet eindigt?)"
            )

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.tick()
        depth = getattr(__self._state, "depth", 0) + 1
        if depth > MAX_CALL_DEPTH:
            raise _Limit(
                f"aanroepen in het sjabloon zijn dieper genest dan {MAX_CALL_DEPTH} "
                "(een macro die zichzelf aanroept?)"
            )
        __self._state.depth = depth
        try:
            return super().call(__context, __obj, *args, **kwargs)
        finally:
            __self._state.depth = depth - 1

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.tick()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.tick()
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.tick()
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER:
            raise _Limit(f"macht met exponent {right} is te groot (grens {MAX_POWER})")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if (
                    isinstance(seq, (str, list, tuple))
                    and isinstance(times, int)
                    and len(seq) * times > MAX_OUTPUT_CHARS
                ):
                    raise _Limit(f"vermenigvuldiging maakt meer dan {MAX_OUTPUT_CHARS:,} tekens")
        return super().call_binop(context, operator, left, right)


def make_environment(
    template_dir: Path, bytecode_cache: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    env = _Sandbox(
        loader=_Loader(str(template_dir)),
        bytecode_cache=bytecode_cache,
        undefined=jinja2.StrictUndefined,
        finalize=finalize,
        autoescape=False,  # escaping is for Markdown, done by finalize
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["TAB"] = TAB
    env.globals["range"] = lambda *args: _Range(env, *args)
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
        text = _render_bounded(env, template, job.context)
    except jinja2.TemplateSyntaxError as exc:
        name = exc.filename or str(template_dir / (exc.name or job.template))
        raise ContentError(
            [_diag(name, exc.lineno, f"syntaxfout in sjabloon: {exc.message}")]
        ) from None
    except jinja2.TemplateNotFound as exc:
        reason = exc.message if exc.message and exc.message != exc.name else "sjabloon bestaat niet"
        if "geen gewoon bestand" not in reason:
            reason = "sjabloon bestaat niet"
        raise ContentError([_diag(str(template_dir / str(exc.name)), 1, reason)]) from None
    except Exception as exc:  # noqa: BLE001 - whatever a template does wrong is reported, located
        file, line = _template_frame(exc.__traceback__, template_dir / job.template)
        raise ContentError([_diag(file, line, _explain(exc))]) from None
    return _tidy(text)


def _render_bounded(env: jinja2.Environment, template: jinja2.Template, context: Any) -> str:
    sandbox = env if isinstance(env, _Sandbox) else None
    if sandbox is not None:
        sandbox.start()
    pieces: list[str] = []
    size = 0
    output = cast(Generator[str, None, None], template.generate(**context))
    for piece in output:
        size += len(piece)
        try:
            if size > MAX_OUTPUT_CHARS:
                raise _Limit(
                    f"het sjabloon maakt meer dan {MAX_OUTPUT_CHARS:,} tekens".replace(",", ".")
                )
            if sandbox is not None:
                sandbox.tick()
        except _Limit as exc:
            output.throw(exc)  # raised where the template is, so the message has its line
            raise
        pieces.append(piece)
    return "".join(pieces)


def _explain(exc: BaseException) -> str:
    message = str(exc)
    if isinstance(exc, jinja2.UndefinedError):
        missing = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", message)
        name = next((g for g in missing.groups() if g), message) if missing else message
        return f"onbekende variabele in sjabloon: '{name}' bestaat niet"
    if isinstance(exc, SecurityError):
        return f"onveilige bewerking in sjabloon geweigerd: {message}"
    if isinstance(exc, _Limit):
        return f"sjabloon gestopt: {message}"
    if isinstance(exc, RecursionError):
        return "sjabloon gestopt: het sjabloon roept zichzelf (of een include) eindeloos aan"
    if isinstance(exc, ZeroDivisionError):
        return "fout bij het invullen van het sjabloon: deling door nul"
    if isinstance(exc, (TypeError, ValueError, AttributeError)):
        return f"fout bij het invullen van het sjabloon: {message}"
    return f"fout bij het invullen van het sjabloon: {type(exc).__name__}: {message}"


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
