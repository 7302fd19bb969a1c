"""Write a synthetic national content set: 42 youth-care regions, 342 municipalities.

Each region gets the Utrecht West texts (so documents are of the same size) with its own
invented municipalities: names, inhabitants between 6,000 and 250,000, meeting dates,
kenmerken and each municipality its own house style. Deterministic (fixed seed).
Usage: python bench/generate.py OUTPUT_DIR
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "content" / "utrecht-west"
REGIONS = 42
MUNICIPALITIES = 342
SYLLABLES = ["aa", "bur", "dam", "del", "dijk", "dorp", "ee", "gen", "ha", "hoven", "kerk", "lo", "meer", "molen", "oo", "rijk", "sloot", "ven", "veld", "wold", "zand", "zijl", "berg", "broek"]


def _yaml() -> YAML:
    y = YAML()
    y.width = 4096
    y.representer.ignore_aliases = lambda *_: True  # regiodocs refuses anchors and aliases
    return y


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def name(chance: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(chance.choice(SYLLABLES) for _ in range(chance.randint(2, 3)))
        word = word.capitalize()
        if word not in used:
            used.add(word)
            return word


def generate(output: Path) -> Path:
    chance = random.Random(342)
    if output.exists():
        shutil.rmtree(output)
    content = output / "content"
    sizes = [9] * (MUNICIPALITIES - 8 * REGIONS) + [8] * (REGIONS - (MUNICIPALITIES - 8 * REGIONS))
    used: set[str] = set()
    dumper = _yaml()
    for r, size in enumerate(sizes, start=1):
        region_id = f"regio-{r:02d}"
        folder = content / region_id
        shutil.copytree(SOURCE, folder)
        regio = load(SOURCE / "regio.yaml")
        regio["id"] = region_id
        regio["naam"] = f"{name(chance, used)} {chance.choice(['Oost', 'West', 'Noord', 'Zuid', 'Midden'])}"
        deelnemers, styles = [], []
        for g in range(size):
            naam = name(chance, used)
            gid = naam.lower()
            day = 8 + g % 10
            deelnemers.append({
                "id": gid, "naam": naam, "officiele_naam": f"gemeente {naam}",
                "inwoners": {"aantal": chance.randint(6000, 250000), "peildatum": "2024-01-01", "bron": "synthetisch"},
                "huisstijl": gid, "contactrol": "beleidsadviseur Sociaal Domein", "portefeuillehouder": "wethouder Sociaal Domein",
                "kenmerk_prefix": f"{naam[:3].upper()}-",
                "raadsvergaderingen": [f"2026-12-{day:02d}", f"2027-01-{day + 10:02d}", f"2027-03-{day:02d}"],
            })
            styles.append({
                "id": gid, "lettertype": chance.choice(["Arial", "Calibri", "Verdana"]),
                "kleur_koppen": f"#{chance.randrange(0x1000000):06X}", "kleur_accent": f"#{chance.randrange(0x1000000):06X}",
            })
        regio["deelnemers"], regio["huisstijlen"] = deelnemers, styles
        dumper.dump(regio, (folder / "regio.yaml").open("w", encoding="utf-8"))
        ids = [d["id"] for d in deelnemers]
        for sub, dates in (("raadsvoorstellen", None), ("informatiebrieven", None)):
            for path in sorted((folder / sub).glob("*.yaml")):
                doc = load(path)
                template = next(iter(doc["per_gemeente"].values()))
                per: dict[str, Any] = {}
                for n, d in enumerate(deelnemers):
                    entry = dict(template)
                    if "raadsvergadering" in entry:
                        meeting = d["raadsvergaderingen"][0 if "regiovisie" in path.name else 2]
                        entry["raadsvergadering"] = meeting
                        entry["collegebesluit"] = "2026-11-17" if meeting.startswith("2026") else "2027-01-05"
                    entry["kenmerk"] = f"{r:02d}{n:02d}"
                    per[d["id"]] = entry
                doc["per_gemeente"] = per
                dumper.dump(doc, path.open("w", encoding="utf-8"))
            del dates
        consultatie = load(folder / "consultatie.yaml")
        for n, bron in enumerate(consultatie["bronnen"]):
            if bron.get("gemeente"):
                bron["gemeente"] = ids[n % len(ids)]
        dumper.dump(consultatie, (folder / "consultatie.yaml").open("w", encoding="utf-8"))
    return content


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "data"
    print(f"geschreven: {generate(target)}")
