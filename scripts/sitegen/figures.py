"""Figures as objects: the one way a number reaches a generated sentence.

A `Fig` carries its value, unit, qualifier, period, source and verification label (and what it counts).
Its only text rendering, `Fig.text()`, always ends in a parenthesis that names the label ("148 institutional
changes (2021-2024, verified)", "10 institutional changes (unverified)"), so a sentence built from figures
cannot show a number without its label. A count of this package's own rows reads plainly instead, with the
word "here" as its label ("10 documented here", "12 focus countries here"): the page says once what
such counts are (`count_note()`). `series()` writes "went from A to B" only when every figure counts the same
thing, naming the unit once; otherwise it lists them one by one, so two measures are never joined as one.

The rule the label scan of the built site checks (tests/test_figure_labels.py, `unlabelled_numbers`): in a
generated sentence, every number is followed by a label word (verified, reported, unverified, computed, or
the catalogue's "here" of a plain count) before the next number or the end of the sentence. Years
(1900-2099) and identifiers ("phase 2", "step 1", "SDG 1.3.1") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spf.sitegen import i18n
from spf.sitegen.components import LABEL_NAMES
from spf.sitegen.i18n import _, ngettext, pgettext
from spf.sitegen.text import as_data, figure, h, h_message, is_blank, period_in_words

LABELS = ("verified", "reported", "unverified", "computed")
COMPUTED = "computed"  # counted from the rows of this package
COUNTS = ("focus countries", "entries", "documented")  # what the package's own counts count (count_text)


def _count(unit: str, n: int) -> str:
    """A count of this package's rows in plain words, with the plural form of the language and the word
    "here" (HERE) that says what it counts: '12 focus countries here', '1 documented here'."""
    count = i18n.decimal(f"{n:,}")
    if unit == "focus countries":
        return ngettext("{count} focus country here", "{count} focus countries here", n, count=count)
    if unit == "entries":
        return ngettext("{count} entry here", "{count} entries here", n, count=count)
    return ngettext("{count} documented here", "{count} documented here", n, count=count)


def here() -> str:
    """The word of every plain count's message (a test holds each catalogue's counts to it)."""
    return pgettext("plain count", "here")


def count_note() -> str:
    """The page's one note on its plain counts."""
    return _(
        "Numbers followed by “here” count the rows of this data package (what it documents), not figures "
        "the programme published."
    )


@dataclass(frozen=True)
class Fig:
    value: float
    unit: str
    verification: str
    qualifier: str = "exact"  # exact | at_least | about | target
    period: str = ""
    source_id: str = ""
    what: str = ""  # what is counted (headline_figures.label)
    measure: str = ""
    floor: bool = False  # a figure the source states as a floor although its qualifier is another ('over 90')

    def __post_init__(self):
        if self.verification not in LABELS:
            raise ValueError(f"figure {self.what or self.measure!r} has no known label: {self.verification!r}")

    @classmethod
    def of(cls, row: dict, unit: str | None = None, floor: bool = False) -> Fig:
        """A figure from a data row (headline_figures, coverage); `unit` when the row has none."""
        period = row.get("period")
        if is_blank(period) and not is_blank(row.get("year")):
            period = str(int(row["year"]))
        return cls(
            value=float(row["value"]),
            unit=unit if unit is not None else (row.get("unit") or ""),
            verification=row["verification"],
            qualifier=row.get("qualifier") or "exact",
            period="" if is_blank(period) else str(period),
            source_id=row.get("source_id") or "",
            what=row.get("label") or "",
            measure=row.get("measure") or "",
            floor=floor or _states_floor(row),
        )

    @classmethod
    def count(cls, n: int, unit: str, what: str = "") -> Fig:
        """A number counted from the rows of this package."""
        return cls(value=float(n), unit=unit, verification=COMPUTED, what=what)

    def words(self, unit: bool = True) -> str:
        """The value in words without its label: only for places that show the label beside it (a badge).
        Without `unit`, a figure of a counted unit (people, institutional changes) is its number alone, for a
        series that names the unit once; symbols (%, US$) stay."""
        if self.is_plain_count():
            return _count(self.unit, int(self.value))
        named = unit or self.unit.startswith(("USD", "percent", "index"))
        text = figure(self.value, self.unit if named else "", self.qualifier)
        return _("over {figure}", figure=text) if self.floor and self.qualifier != "at_least" else text

    def is_plain_count(self) -> bool:
        return self.verification == COMPUTED and self.unit in COUNTS and self.value == int(self.value)

    def label(self) -> str:
        """The verification label in the page's language (the words the label scan looks for)."""
        return _(LABEL_NAMES[self.verification])

    def text(self, period: bool = True, unit: bool = True) -> str:
        """The value in words with its period and label: 'over 55 million people (2021 to March 2025, reported)';
        a plain count of rows as its words alone ('10 documented here')."""
        if self.is_plain_count():
            return self.words()
        if period and self.period:
            return pgettext(
                "figure, its period and label",
                "{figure} ({period}, {label})",
                figure=self.words(unit),
                period=period_text(self.period),
                label=self.label(),
            )
        return pgettext("figure and its label", "{figure} ({label})", figure=self.words(unit), label=self.label())


def period_text(period: str) -> str:
    """A period as the data writes it: in digits ('2021-2024') it reads the same in every language; in words
    ('2021 to March 2025') it is data text in English (text.as_data)."""
    return as_data(period) if period_in_words(period) else period


def _states_floor(row: dict) -> bool:
    """A target whose source says 'over N' (the qualifier can mark only one of the two)."""
    return row.get("qualifier") == "target" and "'over' this number" in (row.get("label") or "")


def same_thing(figs: list[Fig]) -> bool:
    """True when the figures count one thing (one measure and one description), so they form a series."""
    return len({(f.measure, f.what, f.unit) for f in figs}) <= 1


def series(what: str, figs: list[Fig]) -> str:
    """'What went from A to B' when the figures form one series (the unit named once, after B); else each
    figure with what it counts."""
    if not figs:
        return pgettext("series", "{what}: no figure", what=what)
    if len(figs) == 1:
        return pgettext("series", "{what}: {figure}", what=what, figure=figs[0].text())
    if same_thing(figs):  # the unit once, with the last figure: 'went from 56 (…) to 149 institutional changes (…)'
        first = figs[0].text(unit=False)
        return pgettext("series", "{what} went from {first} to {last}", what=what, first=first, last=figs[-1].text())
    items = [
        pgettext("series", "{what}: {figure}", what=as_data(f.what) if f.what else what, figure=f.text()) for f in figs
    ]
    return pgettext("series", "{what}: {figure}", what=what, figure=_("; ").join(items))


def trend(what: str, figs: list[Fig]) -> str:
    """'Coverage in Togo rose from 5.7 % (2015, reported) to 12.1 % (2023, reported).' for one series."""
    if not figs:
        return pgettext("trend", "No data for {what}.", what=what)
    if not same_thing(figs):
        raise ValueError(f"{what}: a trend joins figures of one measure only")
    first, last = figs[0], figs[-1]
    if len(figs) == 1:
        return pgettext("trend", "{what} was {first}, the only year of data.", what=what, first=first.text())
    if last.value > first.value:
        template = pgettext(
            "trend", "{what} rose from {first} to {last}.", what=what, first=first.text(), last=last.text()
        )
    elif last.value < first.value:
        template = pgettext(
            "trend", "{what} fell from {first} to {last}.", what=what, first=first.text(), last=last.text()
        )
    else:
        template = pgettext("trend", "{what} was {first} and {last}.", what=what, first=first.text(), last=last.text())
    return template


def listing(figs: list[tuple[str, Fig]], joiner: str = ", ", html: bool = False) -> str:
    """'Pensions 77.5 % (2023, unverified), ...': each figure after its name. With `html`, the names are
    HTML already (data text marked with its language) and the rest is escaped."""
    if not html:
        return joiner.join(pgettext("listing", "{name} {figure}", name=name, figure=f.text()) for name, f in figs)
    return h(joiner).join(
        h_message(pgettext("listing", "{name} {figure}")).format(name=name, figure=h(f.text())) for name, f in figs
    )


# --- the label scan ------------------------------------------------------------------------------------

# Numbers as every language writes them: 1,234.5 / 1\u202f234,5 / 1.234,5 (one decimal or grouping mark at a time)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[,.\u202f\u00a0]\d{3})*(?:[.,]\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_IDENTIFIER = re.compile(
    r"(?:phase|phases|fase|fases|step|steps|étape|étapes|etapa|etapas|sdg|odd|ods|level|niveau|nivel|nível|"
    r"المرحلة|المرحلتان|المرحلتين|مرحلة|الخطوة|خطوة|المؤشر|مؤشر|المستوى|المستدامة)[\s-]*"
    r"(?:\d[\d.]*)(?:\s*(?:and|or|et|ou|y|o|e|و|,|،)\s*\d)*$",
    re.I,
)


@cache
def _label_pattern() -> re.Pattern:
    """The label words in every language of the site (the catalogue's translations of LABEL_NAMES)."""
    words = set(LABELS)
    for lang in i18n.languages():
        with i18n.using(lang):
            words |= {str(_(LABEL_NAMES[label])) for label in LABELS} | {str(here())}
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b", re.I)


_SENTENCE_END = re.compile(r";|[.:!?](?=\s+[A-Z(]|\s*$)")  # not "c. 2006"


def unlabelled_numbers(sentence: str) -> list[str]:
    """The numbers of a generated sentence that no label follows (see the module docstring for the rule)."""
    found = []
    matches = [m for m in _NUMBER.finditer(sentence) if _is_figure(sentence, m)]
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        stop = _SENTENCE_END.search(sentence, m.end())
        window = sentence[m.end() : min(stop.start(), end) if stop else end]
        if not _label_pattern().search(window):
            found.append(m.group(0))
    return found


def _is_figure(sentence: str, m: re.Match) -> bool:
    token = m.group(0)
    if _YEAR.fullmatch(token) or re.search(r"(?:19|20)\d\d-(?:\d\d-)?$", sentence[: m.start()]):
        return False  # a year, a date's month or day, a period's end (2021-10-29, 2021-2025)
    before = sentence[max(0, m.start() - 12) : m.end()]
    return not _IDENTIFIER.search(before)


def count_text(n: int, unit: str) -> str:
    """A count of rows of this package in plain words: '12 entries here' (see count_note)."""
    return Fig.count(n, unit).text()
