"""Preview latency as a user feels it: from a file being written to the updated page painted.

Starts `regiodocs preview` as its own process (resident, as a user runs it), opens the page in
headless Chromium (Debian's chromium and chromium-driver), and times two kinds of edit:
a one-clause edit in the regeling and a meeting-date edit in a raadsvoorstel. The page records
the moment of painting (two animation frames after the new body is in place) with Date.now();
the writer records the moment just before it writes the file, on the same clock.

Writes build/bench-preview.json (min/median/p95/max per edit kind) and prints a table.
Run through `make bench`.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, find_chromium  # noqa: E402

from regiodocs import fmt  # noqa: E402

REGION = "utrecht-west"
RUNS = 30


_WAIT_SCRIPT = """
var started = arguments[0], done = arguments[arguments.length - 1];
function ready(kind) {
  var m = (window.regiodocsPainted || {})[kind];
  return m && m.tijd !== null && m.volgend !== null && m.tijd >= started ? m : null;
}
(function poll() {
  var update = ready("update"), checked = ready("gecontroleerd");
  if (update && checked) {
    done([update.tijd, update.volgend, checked.tijd, update.verstuurd, update.ontvangen]);
  }
  else { setTimeout(poll, 5); }
})();
"""


def _wait_painted(driver: Any, started: float) -> list[float]:
    """When the page painted the new text after the write ('update'), the start of the frame
    after that, when it painted the result of the check of the whole region, when the server
    sent the new text and when the page received it."""
    return [float(mark) for mark in driver.execute_async_script(_WAIT_SCRIPT, started)]


def _page_cpu_ms(driver: Any) -> float:
    """Milliseconds the page's main thread has been busy so far (DevTools metrics)."""
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return 1000 * float(next(m["value"] for m in metrics if m["name"] == "TaskDuration"))


def _look_at(driver: Any, text: str) -> None:
    """Scroll the part with ``text`` to the middle of the window: the writer looks at what
    they change, so the browser has to draw it (not only parts out of view)."""
    found = driver.execute_script(
        "var t = arguments[0];"
        "var part = Array.from(document.querySelectorAll('main > .deel'))"
        "  .find(function (d) { return d.textContent.indexOf(t) >= 0; });"
        "if (!part) { return false; }"
        "part.scrollIntoView({block: 'center'}); return true;",
        text,
    )
    if not found:
        raise RuntimeError(f"de tekst voor de meting staat niet op de pagina: {text}")


def _measure(driver: Any, path: Path, text_of: Callable[[int], str]) -> dict[str, list[float]]:
    """Write ``text_of(run)`` for every run and time the page's update."""
    series: dict[str, list[float]] = {
        "getekend": [],
        "volgend_frame": [],
        "gecontroleerd": [],
        "server": [],
        "browser": [],
        "browser_cpu": [],
    }
    for run in range(RUNS):
        text = text_of(run)
        time.sleep(0.15)  # let the previous update settle, as between two saves
        busy = _page_cpu_ms(driver)
        started = time.time() * 1000
        path.write_text(text, encoding="utf-8")
        painted, next_frame, checked, sent, _received = _wait_painted(driver, started)
        # CPU time of the page's main thread for the update, the check result and the
        # benchmark's own polling: what the browser needs when it has the machine to itself.
        series["browser_cpu"].append(_page_cpu_ms(driver) - busy)
        series["getekend"].append(painted - started)
        series["volgend_frame"].append(next_frame - started)
        series["gecontroleerd"].append(checked - started)
        series["server"].append(sent - started)  # noticing the save, reading, rendering
        series["browser"].append(painted - sent)  # the event on its way, patch and paint
    return series


def _in_process(work: Path, edits: list[tuple[str, Path, Callable[[int], str]]]) -> dict[str, Any]:
    """Where the time goes inside the preview, per stage (milliseconds, median and p95): the
    same refresh as in the server, called directly after each write (no watcher, no browser)."""
    import gc
    import threading

    from regiodocs.preview.server import PreviewServer, _Client
    from regiodocs.preview.session import PreviewSession

    session = PreviewSession(work / "content", work / "templates", REGION)
    session.load()
    server = PreviewServer(session, "127.0.0.1", 0)
    found: dict[str, Any] = {}
    try:
        for key, path, text_of in edits:
            client = _Client(key)
            session.page(key)
            stop = threading.Event()

            def drain(client: _Client = client, stop: threading.Event = stop) -> None:
                while not stop.is_set():
                    with contextlib.suppress(queue.Empty):
                        client.events.get(timeout=0.05)
                        if client.events.empty():
                            client.written.set()

            drainer = threading.Thread(target=drain, daemon=True)
            drainer.start()
            server.clients[:] = [client]
            stages: dict[str, list[float]] = {}
            cpu: dict[str, list[float]] = {}
            collections = 0
            for run in range(RUNS):
                path.write_text(text_of(run), encoding="utf-8")
                before = sum(s["collections"] for s in gc.get_stats())
                started = time.perf_counter()
                server.publish(templates_changed=False)
                total = (time.perf_counter() - started) * 1000
                collections += sum(s["collections"] for s in gc.get_stats()) - before
                for stage, ms in session.clock.stages.items():
                    stages.setdefault(stage, []).append(ms)
                for stage, ms in session.clock.cpu.items():
                    cpu.setdefault(stage, []).append(ms)
                stages.setdefault("totaal", []).append(total)
            stop.set()
            drainer.join()
            found[key] = {
                stage: {
                    "median_ms": round(statistics.median(v), 1),
                    "p95_ms": _p95(v),
                    "cpu_median_ms": round(statistics.median(cpu[stage]), 1)
                    if stage in cpu
                    else None,
                }
                for stage, v in stages.items()
            }
            found[key]["gc_rondes"] = collections
    finally:
        server.server_close()
    return found


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1)


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "runs": len(values),
        "min_ms": round(ordered[0], 1),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95, 1),
        "max_ms": round(ordered[-1], 1),
    }


def main() -> int:
    if find_chromium() is None:
        print("chromium en chromium-driver ontbreken: installeer ze (apt-get) voor deze meting")
        return 1
    load_before = round(os.getloadavg()[0], 2)
    work = Path(tempfile.mkdtemp(prefix="regiodocs-preview-bench-"))
    shutil.copytree(ROOT / "content" / REGION, work / "content" / REGION)
    shutil.copytree(ROOT / "templates", work / "templates")
    regiodocs = Path(sys.executable).parent / "regiodocs"
    server = subprocess.Popen(
        [str(regiodocs), "preview", "--poort", "0"],
        cwd=work,
        stdout=subprocess.PIPE,
        text=True,
    )
    driver = None
    try:
        assert server.stdout is not None
        match = re.search(r"http://127\.0\.0\.1:\d+/", server.stdout.readline())
        if match is None:
            print("het voorbeeld startte niet")
            return 1
        base = match.group(0)
        driver = chromium()
        driver.set_script_timeout(10)
        driver.execute_cdp_cmd("Performance.enable", {})
        folder = work / "content" / REGION

        regeling = folder / "regeling.yaml"
        original = regeling.read_text(encoding="utf-8")
        clause = re.search(r"tekst: (Het openbaar lichaam is gevestigd in [^\n]+)", original)
        if clause is None:
            print("de bepaling voor de meting is niet gevonden in regeling.yaml")
            return 1

        def edited(run: int) -> str:
            """The clause with a house number not written before: every run is new text,
            so no section of the page comes from the preview's own caches."""
            return original.replace(
                clause.group(1),
                clause.group(1).rstrip(".") + f", aan de Blekerijlaan {run + 1}.",
                1,
            )

        driver.get(base + "doc/regio/utrecht-west-regeling")
        _look_at(driver, "Het openbaar lichaam is gevestigd in")
        clause_ms = _measure(driver, regeling, edited)

        voorstel = folder / "raadsvoorstellen" / "01-regiovisie-vaststellen.yaml"
        text = voorstel.read_text(encoding="utf-8")
        found = re.search(r"woerden: \{raadsvergadering: (\d{4}-\d{2}-\d{2})", text)
        meetings = re.search(
            r"id: woerden\n(?:.*\n)*?\s*raadsvergaderingen: \[([^\]]+)\]",
            (folder / "regio.yaml").read_text(encoding="utf-8"),
        )
        if found is None or meetings is None:
            print("de vergaderdatum voor de meting is niet gevonden")
            return 1
        other = next(d.strip() for d in meetings.group(1).split(",") if d.strip() > found.group(1))
        moved = text.replace(
            f"woerden: {{raadsvergadering: {found.group(1)}",
            f"woerden: {{raadsvergadering: {other}",
            1,
        )
        driver.get(base + "doc/woerden/raadsvoorstel-regiovisie-vaststellen")
        _look_at(driver, fmt.datum(date.fromisoformat(found.group(1))))
        # Two valid meeting dates in turn (any other date is refused by the check).
        date_ms = _measure(driver, voorstel, lambda run: (moved, text)[run % 2])
        driver.quit()
        driver = None
        server.terminate()
        server.wait(timeout=10)
        stages = _in_process(
            work,
            [
                ("regio/utrecht-west-regeling", regeling, lambda run: edited(RUNS + run)),
                (
                    "woerden/raadsvoorstel-regiovisie-vaststellen",
                    voorstel,
                    lambda run: (moved, text)[run % 2],
                ),
            ],
        )
    finally:
        if driver is not None:
            driver.quit()
        if server.poll() is None:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    results: dict[str, Any] = {
        "gemeten": time.strftime("%Y-%m-%d"),
        "kernen": _cores(),
        # Load average (1 minute) before and after: other work on the machine shows up here.
        "belasting": [load_before, round(os.getloadavg()[0], 2)],
        "bepaling_in_regeling": {k: _summary(v) for k, v in clause_ms.items()},
        "vergaderdatum_woerden": {k: _summary(v) for k, v in date_ms.items()},
        "in_het_proces": stages,
    }
    out = ROOT / "build" / "bench-preview.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("Voorbeeld: van opslaan tot de pagina getekend is (ms); belasting", results["belasting"])
    print(f"{'wijziging':<24}{'meetpunt':<16}{'min':>8}{'mediaan':>9}{'p95':>8}{'max':>8}")
    for name in ("bepaling_in_regeling", "vergaderdatum_woerden"):
        for point, s in results[name].items():
            print(
                f"{name:<24}{point:<16}{s['min_ms']:>8}{s['median_ms']:>9}{s['p95_ms']:>8}"
                f"{s['max_ms']:>8}"
            )
    print("In het proces, per stap (ms: mediaan en p95 van de kloktijd, mediaan CPU-tijd):")
    for key, per_stage in stages.items():
        print(f"  {key}  (gc-rondes: {per_stage['gc_rondes']})")
        for stage, t in per_stage.items():
            if isinstance(t, dict):
                cpu_ms = "" if t["cpu_median_ms"] is None else t["cpu_median_ms"]
                print(f"    {stage:<12}{t['median_ms']:>8}{t['p95_ms']:>8}{cpu_ms:>8}")
    print("getekend: de nieuwe tekst staat op het scherm (frame getekend); volgend_frame: het")
    print("begin van het frame daarna; gecontroleerd: de uitkomst van de volledige controle;")
    print("server: van opslaan tot verstuurd; browser: van verstuurd tot getekend;")
    print("browser_cpu: CPU-tijd van de pagina voor de wijziging (DevTools, hoofdthread)")
    print(f"-> {out.relative_to(ROOT)}")
    return 0


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    raise SystemExit(main())
