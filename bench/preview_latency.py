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

import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium, find_chromium  # noqa: E402

REGION = "utrecht-west"
RUNS = 30


def _wait_painted(driver: Any, started: float, timeout: float = 10.0) -> float:
    """The moment the page painted the new text (an 'update' painted after the write)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        painted = driver.execute_script("return window.regiodocsPainted || null")
        if painted and painted["soort"] == "update" and painted["tijd"] >= started:
            return float(painted["tijd"])
        time.sleep(0.01)
    raise RuntimeError("de pagina werd niet bijgewerkt")


def _measure(driver: Any, path: Path, variants: tuple[str, str]) -> list[float]:
    latencies: list[float] = []
    for run in range(RUNS):
        text = variants[run % 2]
        time.sleep(0.15)  # let the previous update settle, as between two saves
        started = time.time() * 1000
        path.write_text(text, encoding="utf-8")
        latencies.append(_wait_painted(driver, started) - started)
    return latencies


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
        folder = work / "content" / REGION

        regeling = folder / "regeling.yaml"
        original = regeling.read_text(encoding="utf-8")
        clause = re.search(r"tekst: (Het openbaar lichaam is gevestigd in [^\n]+)", original)
        if clause is None:
            print("de bepaling voor de meting is niet gevonden in regeling.yaml")
            return 1
        edited = original.replace(
            clause.group(1), clause.group(1).rstrip(".") + ", aan de Blekerijlaan.", 1
        )
        driver.get(base + "doc/regio/utrecht-west-regeling")
        clause_ms = _measure(driver, regeling, (edited, original))

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
        date_ms = _measure(driver, voorstel, (moved, text))
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    results = {
        "gemeten": time.strftime("%Y-%m-%d"),
        "kernen": _cores(),
        "bepaling_in_regeling": _summary(clause_ms),
        "vergaderdatum_woerden": _summary(date_ms),
    }
    out = ROOT / "build" / "bench-preview.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("Voorbeeld: van opslaan tot bijgewerkte pagina (ms)")
    print(f"{'wijziging':<26}{'min':>8}{'mediaan':>9}{'p95':>8}{'max':>8}")
    for name in ("bepaling_in_regeling", "vergaderdatum_woerden"):
        s = results[name]
        assert isinstance(s, dict)
        print(f"{name:<26}{s['min_ms']:>8}{s['median_ms']:>9}{s['p95_ms']:>8}{s['max_ms']:>8}")
    print(f"-> {out.relative_to(ROOT)}")
    return 0


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


if __name__ == "__main__":
    raise SystemExit(main())
