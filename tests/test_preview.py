"""Live preview: a real browser sees every save, the numbering follows, errors show and clear.

The browser tests need Debian's chromium and chromium-driver. On a developer machine
without them they say so and skip; in CI (CI=true) a missing browser is a failure, because
.ci/run installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import warnings
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser import chromium, find_chromium
from ruamel.yaml import YAML

from regiodocs import fmt
from regiodocs.preview.server import PreviewServer, serve

ROOT = Path(__file__).resolve().parent.parent
REGION = "utrecht-west"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content" / REGION, tmp_path / "content" / REGION)
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


@pytest.fixture
def server(workspace: Path) -> Iterator[PreviewServer]:
    running = serve(workspace / "content", workspace / "templates", REGION, "127.0.0.1", 0)
    yield running
    running.stopping.set()
    running.shutdown()
    running.server_close()


def _url(server: PreviewServer, path: str) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}{path}"


def _get(url: str, host: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _wait(condition: Callable[[], Any], timeout: float = 10.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("de pagina werd niet bijgewerkt binnen de tijd")


def _yaml() -> YAML:
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _insert_article(regeling: Path) -> None:
    """Insert a new first article in the second chapter (an ordinary lawyer's edit)."""
    yaml = _yaml()
    data = yaml.load(regeling.read_text(encoding="utf-8"))
    article = {
        "id": "proefartikel",
        "kop": "Proefartikel voor het voorbeeld",
        "leden": [{"tekst": "Dit artikel is in het voorbeeld ingevoegd."}],
        "toelichting": "Ingevoegd door de test van het voorbeeld.",
    }
    data["hoofdstukken"][1]["artikelen"].insert(0, article)
    with regeling.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)


def _browser() -> Any:
    if find_chromium() is None:
        if os.environ.get("CI"):
            pytest.fail(
                "chromium ontbreekt in CI: .ci/run had chromium en chromium-driver moeten installeren"
            )
        warnings.warn(
            "chromium ontbreekt: de browsertest van het voorbeeld is OVERGESLAGEN", stacklevel=2
        )
        pytest.skip("CHROMIUM ONTBREEKT: installeer chromium en chromium-driver")
    return chromium()


def _headings(driver: Any) -> list[str]:
    # Read in one script: the page body may be replaced between two WebDriver calls.
    return list(
        driver.execute_script(
            "return Array.from(document.querySelectorAll('main h3, main h4'))"
            ".map(h => h.textContent)"
        )
    )


def _last_article(headings: list[str]) -> int:
    return max(int(m.group(1)) for h in headings if (m := re.match(r"Artikel (\d+)\.", h)))


def _main_text(driver: Any) -> str:
    return str(driver.execute_script("return document.getElementById('document').innerText"))


def test_browser_follows_edits_numbering_and_errors(server: PreviewServer, workspace: Path) -> None:
    driver = _browser()
    try:
        driver.get(_url(server, "/doc/regio/utrecht-west-regeling"))
        assert driver.find_element("css selector", "html").get_attribute("lang") == "nl"
        assert len(driver.find_elements("css selector", "h1")) == 1
        before = _headings(driver)
        first_of_chapter_2 = next(h for h in before if h.startswith("Artikel 2."))
        old_title = first_of_chapter_2.split(". ", 1)[1]
        driver.execute_script("window.scrollTo(0, 600)")
        # Mark the section of article 1: an edit further down must leave its nodes alone.
        driver.execute_script(
            "document.getElementById('artikel-1').closest('.deel').setAttribute('data-probe', '1')"
        )

        # 1. An article inserted: it appears, and everything after it is renumbered.
        _insert_article(workspace / "content" / REGION / "regeling.yaml")
        _wait(lambda: "Artikel 2. Proefartikel voor het voorbeeld" in _headings(driver))
        assert f"Artikel 3. {old_title}" in _headings(driver)
        assert _last_article(_headings(driver)) == _last_article(before) + 1
        assert driver.execute_script("return window.scrollY") == 600  # stays where it was
        assert driver.execute_script("return document.querySelectorAll('[data-probe]').length") == 1

        # 2. A broken edit: the located message of `check`, the last good text underneath.
        regeling = workspace / "content" / REGION / "regeling.yaml"
        good = regeling.read_text(encoding="utf-8")
        regeling.write_text(
            good.replace("kop: Proefartikel voor het voorbeeld", "kopp: Proefartikel", 1),
            encoding="utf-8",
        )
        banner = driver.find_element("id", "meldingen")
        _wait(lambda: banner.is_displayed() and "regeling.yaml:" in banner.text)
        assert re.search(
            r"regeling\.yaml:\d+:\d+: fout: \[regeling\.hoofdstukken\[1\]", banner.text
        )
        assert "kopp" in banner.text
        assert "Artikel 2. Proefartikel voor het voorbeeld" in _headings(driver)

        # 3. Fixed: the message disappears by itself.
        regeling.write_text(good, encoding="utf-8")
        _wait(lambda: not banner.is_displayed())
    finally:
        driver.quit()


def test_browser_shows_a_new_meeting_date_and_citation_links(
    server: PreviewServer, workspace: Path
) -> None:
    folder = workspace / "content" / REGION
    voorstel = folder / "raadsvoorstellen" / "01-regiovisie-vaststellen.yaml"
    yaml = _yaml()
    data = yaml.load(voorstel.read_text(encoding="utf-8"))
    old = str(data["per_gemeente"]["woerden"]["raadsvergadering"])
    meetings = [
        str(d)
        for d in next(
            d
            for d in yaml.load((folder / "regio.yaml").read_text(encoding="utf-8"))["deelnemers"]
            if d["id"] == "woerden"
        )["raadsvergaderingen"]
    ]
    new = next(m for m in meetings if m > old)
    driver = _browser()
    try:
        driver.get(_url(server, "/doc/woerden/raadsvoorstel-regiovisie-vaststellen"))
        assert fmt.datum(date.fromisoformat(old)) in _main_text(driver)
        voorstel.write_text(
            voorstel.read_text(encoding="utf-8").replace(
                f"raadsvergadering: {old}", f"raadsvergadering: {new}", 1
            ),
            encoding="utf-8",
        )
        expected = fmt.datum(date.fromisoformat(new))
        _wait(lambda: expected in _main_text(driver))
        # The check of the whole region runs after the page is shown; its result shows too.
        status = driver.find_element("id", "controle")
        _wait(lambda: status.text == "Gecontroleerd: geen fouten")

        # Citations in the regeling are links to the cited article, as in the Word file.
        driver.get(_url(server, "/doc/regio/utrecht-west-regeling"))
        links = [
            a.get_attribute("href") for a in driver.find_elements("css selector", "main a[href]")
        ]
        cited = [h for h in links if "#artikel-" in h]
        assert cited, links
        anchor = cited[0].rsplit("#", 1)[1]
        target = driver.find_element("id", anchor)
        assert re.match(r"Artikel \d+\. ", target.text)
        number = target.text.split(".")[0].removeprefix("Artikel ")
        link_text = driver.find_element("css selector", f'main a[href$="#{anchor}"]').text
        assert f"artikel {number}" in link_text or "lid" in link_text
    finally:
        driver.quit()


def test_index_lists_every_document_per_municipality(server: PreviewServer) -> None:
    status, page = _get(_url(server, "/"))
    assert status == 200
    for naam in ("De Ronde Venen", "Montfoort", "Oudewater", "Stichtse Vecht", "Woerden"):
        assert f"<h2>{naam}</h2>" in page
    assert page.count('href="/doc/') == 35


def test_serves_only_its_own_pages_on_loopback(server: PreviewServer) -> None:
    assert server.server_address[0] == "127.0.0.1"
    assert _get(_url(server, "/doc/../../etc/passwd"))[0] == 404
    assert _get(_url(server, "/doc/%2e%2e/%2e%2e/pyproject.toml"))[0] == 404
    assert _get(_url(server, "/templates/regeling.md.j2"))[0] == 404
    # A page asked for under another host name (DNS rebinding) is refused.
    assert _get(_url(server, "/"), host="aanvaller.example")[0] == 403


def test_preview_command_starts_and_stops_cleanly_on_ctrl_c(workspace: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "regiodocs.cli", "preview", "--poort", "0"],
        cwd=workspace,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        assert match, line
        status, page = _get(match.group(0) + "doc/regio/utrecht-west-regiovisie")
        assert status == 200 and "<h1" in page
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "Voorbeeld gestopt." in out
    assert "Traceback" not in err


def test_preview_of_an_unknown_region_is_a_usage_error(workspace: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "regiodocs.cli", "preview", "--regio", "nergens", "--poort", "0"],
        cwd=workspace,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 2
    assert "onbekende regio 'nergens'" in result.stderr
    assert "Traceback" not in result.stderr


REGELING_KEY = "regio/utrecht-west-regeling"
VOORSTEL_KEY = "woerden/raadsvoorstel-regiovisie-vaststellen"
VOORSTEL = Path("raadsvoorstellen") / "01-regiovisie-vaststellen.yaml"


def _fresh_bodies(workspace: Path, keys: list[str]) -> dict[str, str]:
    """The HTML body of each document from a full fresh run: load, check, render, HTML."""
    from regiodocs.content.pipeline import load_checked
    from regiodocs.documents import html
    from regiodocs.documents.plan import plan_documents
    from regiodocs.documents.render import make_environment, render_document
    from regiodocs.documents.views.common import EXTRA_KINDS, KINDS
    from regiodocs.preview.session import document_key

    checked = load_checked(workspace / "content", REGION)
    env = make_environment(workspace / "templates")
    jobs = {document_key(job): job for job in plan_documents(checked.facts, KINDS + EXTRA_KINDS)}
    return {key: html.body_html(render_document(env, jobs[key]))[1] for key in keys}


def _woerden_dates(folder: Path) -> tuple[str, str]:
    """The Woerden meeting date of the voorstel and a later meeting of Woerden's council."""
    yaml = _yaml()
    data = yaml.load((folder / VOORSTEL).read_text(encoding="utf-8"))
    old = str(data["per_gemeente"]["woerden"]["raadsvergadering"])
    regio = yaml.load((folder / "regio.yaml").read_text(encoding="utf-8"))
    woerden = next(d for d in regio["deelnemers"] if d["id"] == "woerden")
    return old, next(str(m) for m in woerden["raadsvergaderingen"] if str(m) > old)


def test_preview_after_edits_equals_a_fresh_render(workspace: Path) -> None:
    """Honesty: after edits (the new pages shown before the deferred check, then the check),
    each page is exactly what a full fresh run of the same content makes."""
    from regiodocs.preview.session import PreviewSession

    folder = workspace / "content" / REGION
    session = PreviewSession(workspace / "content", workspace / "templates", REGION)
    assert session.load() is None
    keys = [REGELING_KEY, VOORSTEL_KEY]
    for key in keys:
        session.page(key)
    regeling = folder / "regeling.yaml"
    text = regeling.read_text(encoding="utf-8")
    clause = re.search(r"tekst: (Het openbaar lichaam is gevestigd in [^\n]+)\.\n", text)
    assert clause is not None
    moved = clause.group(1) + ", aan de Blekerijlaan."
    regeling.write_text(text.replace(clause.group(1) + ".", moved, 1), encoding="utf-8")
    _insert_article(regeling)
    old, new = _woerden_dates(folder)
    voorstel = folder / VOORSTEL
    voorstel.write_text(
        voorstel.read_text(encoding="utf-8").replace(
            f"raadsvergadering: {old}", f"raadsvergadering: {new}", 1
        ),
        encoding="utf-8",
    )
    result = session.refresh(set(keys))
    assert result.errors is None and result.pending is not None
    assert sorted(result.changed) == keys
    shown = {key: "".join(page.sections) for key, page in result.changed.items()}
    refused = session.finish(result.pending)
    assert refused is None, [str(d) for d in refused if d.severity == "fout"]
    fresh = _fresh_bodies(workspace, keys)
    assert shown == fresh  # what was sent before the check
    assert {key: "".join(session.page(key).sections) for key in keys} == fresh  # type: ignore[union-attr]
    assert "aan de Blekerijlaan." in fresh[REGELING_KEY]
    assert fmt.datum(date.fromisoformat(new)) in fresh[VOORSTEL_KEY]


def _events(client: Any) -> list[tuple[str, dict[str, Any]]]:
    import json

    found = []
    while not client.events.empty():
        event, data = client.events.get_nowait()
        found.append((event, json.loads(data)))
    return found


@pytest.fixture
def quiet_server(workspace: Path) -> Iterator[PreviewServer]:
    """A server without its watcher: the test itself says when a change is published."""
    from regiodocs.preview.session import PreviewSession

    session = PreviewSession(workspace / "content", workspace / "templates", REGION)
    assert session.load() is None
    running = PreviewServer(session, "127.0.0.1", 0)
    yield running
    running.server_close()


def test_an_error_the_deferred_check_finds_brings_back_the_last_good_page(
    quiet_server: PreviewServer, workspace: Path
) -> None:
    """A meeting date that validates but that the check refuses: the page first gets the
    new text, then the located message of `check` with the last good text underneath."""
    from regiodocs.preview.server import _Client

    server = quiet_server
    folder = workspace / "content" / REGION
    client = _Client(VOORSTEL_KEY)
    good = server.session.page(VOORSTEL_KEY)
    assert good is not None
    server.clients.append(client)
    old, _ = _woerden_dates(folder)
    voorstel = folder / VOORSTEL
    text = voorstel.read_text(encoding="utf-8")
    voorstel.write_text(
        text.replace(f"raadsvergadering: {old}", "raadsvergadering: 2025-12-31", 1),
        encoding="utf-8",
    )
    server.publish(templates_changed=False)
    (first, shown), (second, refused) = _events(client)
    assert first == "update"
    assert "31 december 2025" in "".join(part for _, part in shown["sections"])
    assert second == "fout"
    assert re.search(
        r"01-regiovisie-vaststellen\.yaml:\d+:\d+: fout: "
        r"\[raadsvoorstel\.per_gemeente\.woerden\.raadsvergadering\] 2025-12-31 is geen "
        r"raadsvergadering van Woerden",
        refused["html"],
    )
    restored = "".join(part for _, part in refused["sections"])
    assert "31 december 2025" not in restored
    assert fmt.datum(date.fromisoformat(old)) in restored
    assert server.session.page(VOORSTEL_KEY) is good  # the last good version stays current

    # Fixed: the same page again (nothing to send) and the check's all-clear.
    voorstel.write_text(text, encoding="utf-8")
    server.publish(templates_changed=False)
    assert [event for event, _ in _events(client)] == ["gecontroleerd"]
    assert server.session.errors is None


def test_the_error_banner_counts_its_errors_in_dutch() -> None:
    from regiodocs.diagnostics import Diagnostic
    from regiodocs.preview.server import errors_html

    one = Diagnostic("regio.yaml", 3, 1, "naam", "verplicht veld 'naam' ontbreekt")
    warning = Diagnostic("regio.yaml", 4, 1, "kleur", "te licht", severity="waarschuwing")
    assert "De inhoud bevat 1 fout.</strong>" in errors_html([one, warning])
    assert "De inhoud bevat 2 fouten.</strong>" in errors_html([one, one])
