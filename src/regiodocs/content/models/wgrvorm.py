"""wgr-vorm.yaml: the advice on the form of the gemeenschappelijke regeling (Wgr).

The forms are compared on named criteria; which form fits the region is not written down
but computed from the region's facts (governance/wgrvorm.py): the inhabitants in regio.yaml,
the tasks in taken.yaml and the few facts below that no other file holds.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from regiodocs.content.models.bestuur import Vorm
from regiodocs.content.models.common import Aantal, Datum, Id, Kommagetal, Model, Tekst

VergelekenVorm = Literal["openbaar-lichaam", "centrumgemeente", "bedrijfsvoeringsorganisatie"]


class WgrModel(Model):
    """One of the models the Wgr offers, and whether the Hervormingsagenda still allows it."""

    vorm: Vorm
    """De vorm, bijv. 'openbaar-lichaam'."""
    naam: Tekst
    """Naam zoals in de tekst, bijv. 'openbaar lichaam met algemeen bestuur, dagelijks bestuur en voorzitter'."""
    toegestaan: bool
    """Waar: de Hervormingsagenda Jeugd laat deze vorm toe voor een jeugdhulpregio."""


class Criterium(Model):
    id: Id
    vraag: Tekst
    """De vraag waarop de vormen worden vergeleken, bijv. 'Rechtspersoonlijkheid?'."""


class VormBeschrijving(Model):
    vorm: VergelekenVorm
    """openbaar-lichaam, centrumgemeente of bedrijfsvoeringsorganisatie."""
    naam: Tekst
    """Naam als kop, bijv. 'Openbaar lichaam'."""
    omschrijving: Tekst
    """Wat de vorm is; lege regel = nieuwe alinea."""
    kenmerken: list[Tekst] = Field(min_length=1)
    """De kenmerken van de vorm."""
    waarden: dict[Id, Tekst]
    """Per criterium-id het antwoord voor deze vorm (één cel van de vergelijking)."""
    regionaal_beleid: bool
    """Waar: de taak 'regionaal beleid' kan aan deze vorm worden overgedragen."""
    gebruikelijk_bij: Tekst
    """Waar de vorm in de praktijk vooral wordt gebruikt."""


class Regiofeiten(Model):
    """Facts about the region that regio.yaml and taken.yaml do not hold."""

    centrumgemeente_voert_taken_uit: bool
    """Waar: één gemeente voert nu al taken uit voor de andere gemeenten."""
    centrumgemeente_factor: Kommagetal = Field(default=2.0, gt=1)
    """Hoeveel keer zo groot als de tweede gemeente een centrumgemeente ten minste is."""
    kleine_gemeente_tot: Aantal = Field(default=20000, gt=0)
    """Onder dit inwonertal heet een gemeente klein."""
    knelpunt_beleid_en_inkoop: bool
    """Waar: de analyse noemt de ontbrekende verbinding tussen beleid en inkoop als knelpunt."""
    cultuur: Tekst
    """De huidige cultuur van samenwerken, bijv. 'gelijkwaardigheid van de vijf gemeenten'."""


class WgrVormAdvies(Model):
    """The advice on the Wgr form (seed 000, sections 4.3-4.5)."""

    titel: Tekst
    """Titel van het document."""
    datum: Datum
    """Datum van het advies (JJJJ-MM-DD)."""
    bron: Tekst
    """Waar het advies op berust, bijv. het adviesrapport en zijn paragrafen."""
    inleiding: Tekst
    """Inleiding; lege regel = nieuwe alinea."""
    modellen: list[WgrModel] = Field(min_length=1)
    """De modellen die de Wgr kent."""
    criteria: list[Criterium] = Field(min_length=1)
    """De criteria van de vergelijking, in volgorde."""
    vormen: list[VormBeschrijving] = Field(min_length=2)
    """De vormen die worden vergeleken."""
    feiten: Regiofeiten
    """Feiten over de regio die de keuze bepalen."""
    advies: VergelekenVorm
    """De geadviseerde vorm; de check toetst die aan de feiten."""
    uitgangspunt: Tekst
    """Het uitgangspunt van de keuze, bijv. dat structuur en cultuur op elkaar aansluiten."""
    inrichting: Tekst
    """Wat het advies zegt over de inrichting van de gekozen vorm."""
