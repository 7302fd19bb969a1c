"""regio.yaml: the region and its participating municipalities."""

from __future__ import annotations

from datetime import date

from pydantic import Field

from regiodocs.content.models.common import Aantal, Datum, Id, Kleur, Kommagetal, Model, Naam, Tekst


class Inwonertal(Model):
    aantal: Aantal = Field(gt=0, description="Aantal inwoners op de peildatum.")
    peildatum: Datum = Field(description="Peildatum van het inwonertal (JJJJ-MM-DD).")
    bron: Naam = Field(description="Bron van het cijfer, bijv. 'CBS, bevolking op 1 januari'.")


class Ondertekenaars(Model):
    """Names of the public officials who sign a municipality's documents (office holders only)."""

    burgemeester: Tekst | None = Field(
        default=None,
        description="Naam van de burgemeester zoals onder een besluit, bijv. 'mr. A.B. de Vries'; "
        "de burgemeester is ook voorzitter van de raad.",
    )
    secretaris: Tekst | None = Field(
        default=None, description="Naam van de gemeentesecretaris (secretaris van het college)."
    )
    griffier: Tekst | None = Field(default=None, description="Naam van de griffier van de raad.")


class Deelnemer(Model):
    """A participating municipality and everything its own documents need."""

    id: Id = Field(description="Sleutel van de gemeente, bijv. 'de-ronde-venen'.")
    naam: Naam = Field(description="Naam zoals in lopende tekst: 'De Ronde Venen'.")
    officiele_naam: Naam = Field(description="Officiële naam: 'gemeente De Ronde Venen'.")
    inwoners: Inwonertal
    """Inwonertal met peildatum en bron; basis van de verdeelsleutel."""
    huisstijl: Id | None = Field(
        default=None, description="Id van een huisstijl uit regio.yaml; leeg = standaardhuisstijl."
    )
    contactrol: Naam = Field(
        description="Rol van het aanspreekpunt (geen persoonsnaam), bijv. 'beleidsadviseur Jeugd'."
    )
    portefeuillehouder: Naam = Field(
        description="Rol van de portefeuillehouder (geen persoonsnaam), bijv. 'wethouder Zorg'."
    )
    kenmerk_prefix: Naam = Field(
        description="Voorvoegsel van kenmerken; {jaar} wordt het jaar van de datum van het document (2025), {jj} de laatste twee cijfers (25), bijv. 'Z/{jj}/'."
    )
    raadsvergaderingen: list[Datum] = Field(
        default_factory=list,
        description="Data van de raadsvergaderingen waarop besluiten kunnen vallen.",
    )

    def kenmerk(self, volgnummer: str, datum: date) -> str:
        """The full kenmerk of a document dated ``datum``: prefix with its year filled in."""
        prefix = self.kenmerk_prefix.replace("{jaar}", f"{datum.year:04d}")
        return prefix.replace("{jj}", f"{datum.year % 100:02d}") + volgnummer

    ondertekening: Ondertekenaars | None = None
    """Namen van wie de documenten van deze gemeente ondertekenen; zonder namen staan alleen de
    functies (de burgemeester, de secretaris, de griffier) onder het document."""


class Huisstijl(Model):
    """House style of a municipality, applied through the Word reference document."""

    id: Id
    lettertype: Naam = Field(default="Arial", description="Lettertype van de platte tekst.")
    lettertype_koppen: Naam | None = Field(default=None, description="Lettertype van de koppen.")
    lettergrootte: Kommagetal = Field(
        default=10.5, ge=8, le=14, description="Puntgrootte platte tekst."
    )
    kleur_koppen: Kleur = "#1F3864"
    kleur_accent: Kleur = "#2E75B6"
    marge_cm: Kommagetal = Field(
        default=2.5, ge=1.0, le=5.0, description="Paginamarges in cm (A4)."
    )
    sjabloon: Naam | None = Field(
        default=None,
        description="Eigen Word-sjabloon (.dotx of .docx) van deze huisstijl, ten opzichte van "
        "de map van regio.yaml, bijv. 'huisstijl/montfoort.dotx': stijlen, briefhoofd, logo, "
        "voettekst en pagina-instelling komen dan uit het sjabloon; zonder sjabloon maakt "
        "regiodocs er een uit de velden hierboven.",
    )


class Regio(Model):
    """The region: its name, its participants and their house styles."""

    id: Id
    naam: Naam = Field(description="Naam van de regio, bijv. 'Utrecht West'.")
    omschrijving: Tekst = Field(description="Eén zin over de samenwerking.")
    deelnemers: list[Deelnemer] = Field(min_length=2)
    """De deelnemende gemeenten (ten minste twee)."""
    huisstijl: Id | None = Field(
        default=None,
        description="Id van de huisstijl van de regionale documenten (regiovisie, regeling); "
        "leeg = standaardhuisstijl.",
    )
    huisstijlen: list[Huisstijl] = Field(default_factory=list)
    """Huisstijlen waarnaar deelnemers verwijzen."""
