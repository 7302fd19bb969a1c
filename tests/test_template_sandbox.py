"""Templates run sandboxed and bounded: a hostile or broken template (``--templates`` may be
any folder) gives a located message, exit 1 and an untouched build/, never a traceback, a
hang or an OS command.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import snapshot

from regiodocs.documents import render

SECOND_LINE = "# Regiovisie\n"

CASES = {
    "os-command": (
        SECOND_LINE + "{{ cycler.__init__.__globals__.os.popen('touch PWNED').read() }}\n",
        "onveilige bewerking in sjabloon geweigerd",
        2,
    ),
    "subclasses": (
        SECOND_LINE + "{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
        "onveilige bewerking in sjabloon geweigerd",
        2,
    ),
    "mutation": (
        SECOND_LINE + "{% set xs = [1] %}{{ xs.append(2) }}\n",
        "onveilige bewerking in sjabloon geweigerd",
        2,
    ),
    "endless-loop": (
        SECOND_LINE
        + "{% for i in range(100000) %}{% for j in range(100000) %}{{ j }}{% endfor %}"
        + "{% endfor %}\n",
        "sjabloon gestopt: het sjabloon duurt langer dan",
        2,
    ),
    "division-by-zero": (SECOND_LINE + "\n{{ 1 / 0 }}\n", "deling door nul", 3),
    "recursive-macro": (
        SECOND_LINE + "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}\n{{ f(1) }}\n",
        "aanroepen in het sjabloon zijn dieper genest dan 50",
        2,
    ),
    "recursive-include": (
        SECOND_LINE + '{% include "regiovisie.md.j2" %}\n',
        "het sjabloon roept zichzelf (of een include) eindeloos aan",
        2,
    ),
    "huge-power": (SECOND_LINE + "{{ 10 ** 100000 }}\n", "is te groot (grens 1000)", 2),
    "huge-string": (SECOND_LINE + "{{ 'x' * 10 ** 9 }}\n", "vermenigvuldiging maakt meer", 2),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_template_is_stopped_with_a_located_message(
    name: str,
    project: Path,
    run: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text, message, line = CASES[name]
    monkeypatch.setattr(render, "RENDER_SECONDS", 1.0)
    assert run("build", "regiovisie").exit_code == 0
    before = snapshot(project / "build")
    (project / "templates/regiovisie.md.j2").write_text(text, encoding="utf-8")
    result = run("build", "regiovisie")
    assert result.exit_code == 1, result.output
    assert message in result.output, result.output
    assert f"templates/regiovisie.md.j2:{line}:1:" in result.output, result.output
    assert "Traceback" not in result.output
    assert snapshot(project / "build") == before
    assert not (project / "PWNED").exists()


def test_a_template_that_is_a_fifo_is_not_read(project: Path, run: Callable[..., Result]) -> None:
    template = project / "templates/regiovisie.md.j2"
    template.unlink()
    os.mkfifo(template)  # opening it for reading would block until a writer comes
    result = run("build", "regiovisie")
    assert result.exit_code == 1, result.output
    assert "regiovisie.md.j2 is geen gewoon bestand" in result.output
