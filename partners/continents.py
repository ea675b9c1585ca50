"""The continent of every country (ISO 3166-1 alpha-2), following the UN's M49 regions."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Continent(models.TextChoices):
    """A continent, as the partner-city filter offers it."""

    AFRICA = "africa", _("Africa")
    ASIA = "asia", _("Asia")
    EUROPE = "europe", _("Europe")
    NORTH_AMERICA = "north-america", _("North America")
    SOUTH_AMERICA = "south-america", _("South America")
    OCEANIA = "oceania", _("Oceania")


# M49 counts Central America and the Caribbean to North America, Russia to Europe, Turkey and
# Cyprus to Asia. Antarctica (AQ) belongs to none of the six.
_COUNTRIES = {
    Continent.AFRICA: (
        "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW IO KE KM LR LS LY "
        "MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA "
        "ZM ZW"
    ),
    Continent.ASIA: (
        "AE AF AM AZ BD BH BN BT CN CY GE HK ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM "
        "MN MO MV MY NP OM PH PK PS QA SA SG SY TH TJ TL TM TR TW UZ VN YE"
    ),
    Continent.EUROPE: (
        "AD AL AT AX BA BE BG BY CH CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI "
        "LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA"
    ),
    Continent.NORTH_AMERICA: (
        "AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX "
        "NI PA PM PR SV SX TC TT US VC VG VI"
    ),
    Continent.SOUTH_AMERICA: "AR BO BR BV CL CO EC FK GF GS GY PE PY SR UY VE",
    Continent.OCEANIA: (
        "AS AU CC CK CX FJ FM GU HM KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS"
    ),
}

CONTINENT_OF = {
    code: continent for continent, codes in _COUNTRIES.items() for code in codes.split()
}


def countries_in(continent: str) -> list[str]:
    """Return the country codes of a continent, none for an unknown one."""
    return _COUNTRIES.get(continent, "").split()
