"""What follows from validated content, computed once and read by the checks and every view.

The numbering of the regeling, the cost key, the votes, the Wgr-toets outcomes and the
fingerprints are derived from the content alone. The checks need them to judge the
content and the document views need them to print it; both read the same ``Facts``, so
each is computed once per command however many documents are made.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from regiodocs.content.region import Region
from regiodocs.governance.verdeelsleutel import Aandeel, verdeelsleutel
from regiodocs.legal.numbering import Address, number_regeling
from regiodocs.output.template import Sjabloon, read_template

if TYPE_CHECKING:
    from regiodocs.governance.stemverhouding import Stemmen
    from regiodocs.legal.wgr import Uitkomst


class Facts:
    """Derived figures of one region; each computed on first use, then kept."""

    def __init__(self, region: Region) -> None:
        self.region = region

    @cached_property
    def sjablonen(self) -> dict[str, Sjabloon]:
        """The Word template of every house style that names one, by house-style id (the
        check has proved each can be read and used)."""
        found = {}
        for style in self.region.regio.huisstijlen:
            if style.sjabloon is not None:
                path = self.region.raw.folder / style.sjabloon
                data = read_template(path)
                if isinstance(data, bytes):
                    found[style.id] = Sjabloon.from_bytes(style.sjabloon, data)
        return found

    @cached_property
    def decimalen(self) -> int:
        """Decimals of the cost key's percentages."""
        financien = self.region.financien
        return financien.verdeelsleutel.decimalen if financien else 2

    @cached_property
    def sleutel(self) -> dict[str, Aandeel]:
        """The cost key: each municipality's share, adding up to exactly 100%."""
        return verdeelsleutel(
            {d.id: d.inwoners.aantal for d in self.region.regio.deelnemers}, self.decimalen
        )

    @cached_property
    def numbering(self) -> dict[str, Address]:
        """Every referable key of the regeling and its address; empty without a regeling."""
        return number_regeling(self.region.regeling) if self.region.regeling else {}

    @cached_property
    def stemmen(self) -> dict[str, Stemmen] | None:
        """Votes per municipality in the algemeen bestuur, or None when the content sets none.

        Raises StemverhoudingFout when the rule cannot be applied (the checks report it).
        """
        from regiodocs.governance.stemverhouding import stemmen

        bestuur = self.region.bestuur
        if bestuur is None:
            return None
        ab = next((o for o in bestuur.organen if o.soort == "algemeen-bestuur"), None)
        if ab is None or ab.leden_per_deelnemer is None:
            return None
        return stemmen(
            bestuur.stemverhouding,
            {d.id: d.inwoners.aantal for d in self.region.regio.deelnemers},
            ab.leden_per_deelnemer,
        )

    @cached_property
    def wgr(self) -> list[Uitkomst]:
        """The outcome of every Wgr rule (empty without a regeling and bestuur)."""
        from regiodocs.legal.wgr import wgr_toets

        return wgr_toets(self.region)

    @cached_property
    def fingerprints(self) -> dict[str, str]:
        """Fingerprint per fingerprinted document: regiovisie, regeling, reactienota."""
        from regiodocs.legal.regeling_view import fingerprint

        found = {"regiovisie": fingerprint(self.region.visie)}
        if self.region.regeling:
            found["regeling"] = fingerprint(self.region.regeling)
        if self.region.consultatie:
            found["reactienota"] = fingerprint(self.region.consultatie)
        return found
