"""Reviewed names: countries as the UN writes them, ILO regions and World Bank income groups, per language.

Country names come from CLDR (Babel's territory names, `i18n.country`). Where the UN short name (UNTERM),
which ILO texts use, differs from CLDR, it is listed here: a reviewed table, changed only with a source.
pycountry is used for codes only (ISO 3166-1 alpha-3 to alpha-2).

ILO region names are those of ILO texts in French and Spanish; income groups are the World Bank's names in its
French and Spanish publications ("pays à revenu intermédiaire de la tranche supérieure", "países de ingreso
mediano alto"); the UN's regions are the M49 names of the UN Statistics Division. All are proper names of
groupings, so they live here rather than in the message catalogues; a language without an entry shows the
English name, marked as data text.

Portuguese is not an official language of the UN, so there is no UNTERM short name to follow: Portuguese country
names are CLDR's pt_PT (European Portuguese, the norm of Angola, Mozambique and Cabo Verde), with a reviewed list
below: the pt_PT name where Babel's "pt" (Brazilian) differs, and the UN's name where it differs from CLDR's. ILO
regions and income groups are written as ILO texts in European Portuguese write them ("Europa e Ásia Central",
"países de rendimento médio-elevado"), not in the World Bank's Brazilian Portuguese ("renda"); UN regions follow
CLDR pt_PT for M49 where it has the name.
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
    "pt": {
        # i18n.country reads CLDR pt_PT (the catalogue header's Language, i18n.cldr): "Quénia", "Vietname",
        # "Madagáscar". The reviewed names below replace CLDR's where the UN's (and the ILO's) name differs.
        "CIV": "Côte d'Ivoire",  # CLDR: "Côte d’Ivoire (Costa do Marfim)" / "Costa do Marfim"; the UN name alone
        "COD": "República Democrática do Congo",  # CLDR: "Congo-Kinshasa", colloquial; the UN's short name
        "LAO": "República Democrática Popular do Laos",  # CLDR: "Laos"; the UN short name, as fr and es list it
        "MWI": "Malawi",  # CLDR: "Maláui"/"Malaui", Brazilian forms; Mozambique and Portugal write "Malawi"
        "PSE": "Estado da Palestina",  # CLDR: "Territórios palestinianos"; the UN name of the State
        "SLV": "El Salvador",  # pt_PT's "Salvador" reads as the Brazilian city; the country's own name
        "TZA": "República Unida da Tanzânia",  # CLDR: "Tanzânia"; the UN short name
        # Kept from CLDR: "Essuatíni" (the Portuguese form of Eswatini), "Burquina Faso", "Cabo Verde", and
        # "Vietname" (the UN's "Viet Nam" is its English spelling).
    },
    # Arabic: the UN short names (UNTERM, as in the UN's Arabic list of Member States) where CLDR `ar` differs,
    # checked against CLDR 'ar' for the 51 countries of data/countries.csv; entered from the UNTERM names (not
    # re-read online here). CLDR already writes the UN names of Eswatini (إسواتيني) and Timor-Leste (تيمور - ليشتي).
    "ar": {
        "CIV": "كوت ديفوار",  # CLDR: ساحل العاج
        "COD": "جمهورية الكونغو الديمقراطية",  # CLDR: الكونغو - كينشاسا
        "CPV": "كابو فيردي",  # CLDR: الرأس الأخضر (the UN name since 2013)
        "ECU": "إكوادور",  # CLDR: الإكوادور (the UN list writes it without the article)
        "LAO": "جمهورية لاو الديمقراطية الشعبية",  # CLDR: لاوس
        "MOZ": "موزامبيق",  # CLDR: موزمبيق
        "PSE": "دولة فلسطين",  # CLDR: الأراضي الفلسطينية
        "TZA": "جمهورية تنزانيا المتحدة",  # CLDR: تنزانيا
        "VNM": "فييت نام",  # CLDR: فيتنام
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
    "pt": {  # ILO texts in Portuguese: "Europa e Ásia Central", "Ásia e Pacífico" (a label drops the article)
        "Africa": "África",
        "Americas": "Américas",
        "Arab States": "Estados Árabes",
        "Asia and the Pacific": "Ásia e Pacífico",
        "Europe and Central Asia": "Europa e Ásia Central",
    },
    # Arabic: as ILO Arabic texts name them (المكتب الإقليمي للدول العربية, ilo.org/beirut; the regions of the
    # World Social Protection Report as the ILO's Arabic releases name them).
    "ar": {
        "Africa": "أفريقيا",
        "Americas": "الأمريكتان",
        "Arab States": "الدول العربية",
        "Asia and the Pacific": "آسيا والمحيط الهادئ",
        "Europe and Central Asia": "أوروبا وآسيا الوسطى",
    },
}

# World Bank income groups, as the World Bank names them in French and Spanish.
INCOME_GROUPS: dict[str, dict[str, str]] = {
    "fr": {
        "high-income countries": "pays à revenu élevé",
        "upper-middle-income countries": "pays à revenu intermédiaire de la tranche supérieure",
        "lower-middle-income countries": "pays à revenu intermédiaire de la tranche inférieure",
        "low-income countries": "pays à faible revenu",
    },
    "es": {
        "high-income countries": "países de ingreso alto",
        "upper-middle-income countries": "países de ingreso mediano alto",
        "lower-middle-income countries": "países de ingreso mediano bajo",
        "low-income countries": "países de ingreso bajo",
    },
    "pt": {  # as the ILO's World Social Protection Report figures are written in European Portuguese
        "high-income countries": "países de rendimento elevado",
        "upper-middle-income countries": "países de rendimento médio-elevado",
        "lower-middle-income countries": "países de rendimento médio-baixo",
        "low-income countries": "países de rendimento baixo",
    },
    # Arabic: the World Bank's Arabic names (blogs.worldbank.org/ar/opendata, country classifications by income).
    "ar": {
        "high-income countries": "البلدان مرتفعة الدخل",
        "upper-middle-income countries": "الشريحة العليا من البلدان متوسطة الدخل",
        "lower-middle-income countries": "الشريحة الدنيا من البلدان متوسطة الدخل",
        "low-income countries": "البلدان منخفضة الدخل",
    },
}


# The world and the UN's geographic regions (M49) as the data names them for SDG 1.3.1, in the UN Statistics
# Division's French and Spanish names; "(UN)" tells them from the ILO's regions, "(ONU)" in both languages.
UN_REGIONS: dict[str, dict[str, str]] = {
    "fr": {
        "World": "Monde",
        "Africa (UN)": "Afrique (ONU)",
        "Asia (UN)": "Asie (ONU)",
        "Europe (UN)": "Europe (ONU)",
        "Latin America and the Caribbean (UN)": "Amérique latine et Caraïbes (ONU)",
        "Northern America (UN)": "Amérique septentrionale (ONU)",
        "Oceania (UN)": "Océanie (ONU)",
    },
    "es": {
        "World": "Mundo",
        "Africa (UN)": "África (ONU)",
        "Asia (UN)": "Asia (ONU)",
        "Europe (UN)": "Europa (ONU)",
        "Latin America and the Caribbean (UN)": "América Latina y el Caribe (ONU)",
        "Northern America (UN)": "América septentrional (ONU)",
        "Oceania (UN)": "Oceanía (ONU)",
    },
    "pt": {  # CLDR pt_PT's M49 names ("América Setentrional" for 021); "Caraíbas" is the European form
        "World": "Mundo",
        "Africa (UN)": "África (ONU)",
        "Asia (UN)": "Ásia (ONU)",
        "Europe (UN)": "Europa (ONU)",
        "Latin America and the Caribbean (UN)": "América Latina e Caraíbas (ONU)",
        "Northern America (UN)": "América Setentrional (ONU)",
        "Oceania (UN)": "Oceânia (ONU)",
    },
    # Arabic: the M49 Arabic names of the UN Statistics Division, with "(الأمم المتحدة)" as "(ONU)" above.
    "ar": {
        "World": "العالم",
        "Africa (UN)": "أفريقيا (الأمم المتحدة)",
        "Asia (UN)": "آسيا (الأمم المتحدة)",
        "Europe (UN)": "أوروبا (الأمم المتحدة)",
        "Latin America and the Caribbean (UN)": "أمريكا اللاتينية ومنطقة البحر الكاريبي (الأمم المتحدة)",
        "Northern America (UN)": "أمريكا الشمالية (الأمم المتحدة)",
        "Oceania (UN)": "أوقيانوسيا (الأمم المتحدة)",
    },
}


def un_short_name(lang: str, iso3: str) -> str | None:
    """The UN short name of a country in `lang` where it differs from CLDR's, else None."""
    return UN_SHORT_NAMES.get(lang, {}).get(iso3.upper())


def group(lang: str, english: str) -> str | None:
    """An ILO region, income group, UN region or the world in `lang` ('Arab States' -> 'États arabes'), or None
    when not listed."""
    tables = (ILO_REGIONS, INCOME_GROUPS, UN_REGIONS)
    return next((table[lang][english] for table in tables if english in table.get(lang, {})), None)
