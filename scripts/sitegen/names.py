"""Reviewed names: countries as the UN writes them, ILO regions and World Bank income groups, per language.

Country names come from CLDR (Babel's territory names, `i18n.country`). Where the UN short name (UNTERM),
which ILO texts use, differs from CLDR, it is listed here: a reviewed table, changed only with a source.
pycountry is used for codes only (ISO 3166-1 alpha-3 to alpha-2).

ILO region names are those of ILO texts in French and Spanish; income groups are the World Bank's names in its
French and Spanish publications. Both are proper names of groupings, so they live here rather than in the
message catalogues; a language without an entry shows the English name, marked as data text.
"""

from __future__ import annotations

# UN short names (UNTERM) where CLDR writes another name. English pages keep the data's own names.
UN_SHORT_NAMES: dict[str, dict[str, str]] = {
    "fr": {
        "CIV": "Côte d'Ivoire",
        "COD": "République démocratique du Congo",
        "CPV": "Cabo Verde",
        "IRQ": "Iraq",
        "KGZ": "Kirghizistan",
        "LAO": "République démocratique populaire lao",
        "NGA": "Nigéria",
        "PSE": "État de Palestine",
        "SLV": "El Salvador",
        "TLS": "Timor-Leste",
        "TZA": "République-Unie de Tanzanie",
        "VNM": "Viet Nam",
    },
    "es": {
        "CIV": "Côte d'Ivoire",
        "IRQ": "Iraq",
        "KEN": "Kenya",
        "LAO": "República Democrática Popular Lao",
        "MWI": "Malawi",
        "PSE": "Estado de Palestina",
        "RWA": "Rwanda",
        "SUR": "Suriname",
        "SWZ": "Eswatini",
        "TZA": "República Unida de Tanzanía",
        "VNM": "Viet Nam",
    },
}

# The ILO's five regions, as ILO texts name them in each language.
ILO_REGIONS: dict[str, dict[str, str]] = {
    "fr": {
        "Africa": "Afrique",
        "Americas": "Amériques",
        "Arab States": "États arabes",
        "Asia and the Pacific": "Asie et Pacifique",
        "Europe and Central Asia": "Europe et Asie centrale",
    },
    "es": {
        "Africa": "África",
        "Americas": "Américas",  # ILO texts: "las Américas"; a label drops the article
        "Arab States": "Estados Árabes",
        "Asia and the Pacific": "Asia y el Pacífico",
        "Europe and Central Asia": "Europa y Asia Central",
    },
}

# World Bank income groups, as the World Bank names them in French and Spanish.
INCOME_GROUPS: dict[str, dict[str, str]] = {
    "fr": {
        "high-income countries": "pays à revenu élevé",
        "upper-middle-income countries": "pays à revenu intermédiaire, tranche supérieure",
        "lower-middle-income countries": "pays à revenu intermédiaire, tranche inférieure",
        "low-income countries": "pays à faible revenu",
    },
    "es": {
        "high-income countries": "países de ingreso alto",
        "upper-middle-income countries": "países de ingreso mediano alto",
        "lower-middle-income countries": "países de ingreso mediano bajo",
        "low-income countries": "países de ingreso bajo",
    },
}


def un_short_name(lang: str, iso3: str) -> str | None:
    """The UN short name of a country in `lang` where it differs from CLDR's, else None."""
    return UN_SHORT_NAMES.get(lang, {}).get(iso3.upper())


def group(lang: str, english: str) -> str | None:
    """An ILO region or income group in `lang` ('Arab States' -> 'États arabes'), or None when not listed."""
    return ILO_REGIONS.get(lang, {}).get(english) or INCOME_GROUPS.get(lang, {}).get(english)
