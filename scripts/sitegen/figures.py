"""Figures as objects: the one way a number reaches a generated sentence.

A `Fig` carries its value, unit, qualifier, period, source and verification label (and what it counts).
Its only text rendering, `Fig.text()`, always ends in a parenthesis that names the label ("148 institutional
changes (2021-2024, verified)", "10 institutional changes (unverified)"), so a sentence built from figures
cannot show a number without its label. `series()` writes "went from A to B" only when every figure counts
the same thing; otherwise it lists them one by one, so two different measures are never joined as one series.

The rule the label scan of the built site checks (tests/test_figure_labels.py, `unlabelled_numbers`): in a
generated sentence, every number is followed by a label word (verified, reported, unverified, computed)
before the next number or the end of the sentence. Years (1900-2099) and identifiers ("phase 2", "step 1",
"SDG 1.3.1") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spf.sitegen.text import figure, is_blank

LABELS = ("verified", "reported", "unverified", "computed")
COMPUTED = "computed"  # counted from the rows of this package


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

    def words(self) -> str:
        """The value in words without its label: only for places that show the label beside it (a badge)."""
        text = figure(self.value, self.unit, self.qualifier)
        return ("over " + text) if self.floor and self.qualifier != "at_least" else text

    def text(self, period: bool = True) -> str:
        """The value in words with its period and label: 'over 55 million people (2021 to March 2025, reported)'."""
        meta = [self.period] if period and self.period else []
        return f"{self.words()} ({', '.join(meta + [self.verification])})"


def _states_floor(row: dict) -> bool:
    """A target whose source says 'over N' (the qualifier can mark only one of the two)."""
    return row.get("qualifier") == "target" and "'over' this number" in (row.get("label") or "")


def same_thing(figs: list[Fig]) -> bool:
    """True when the figures count one thing (one measure and one description), so they form a series."""
    return len({(f.measure, f.what, f.unit) for f in figs}) <= 1


def series(what: str, figs: list[Fig]) -> str:
    """'What went from A to B' when the figures form one series; else each figure with what it counts."""
    if not figs:
        return f"{what}: no figure"
    if len(figs) == 1:
        return f"{what}: {figs[0].text()}"
    if same_thing(figs):
        return f"{what} went from {figs[0].text()} to {figs[-1].text()}"
    return f"{what}: " + "; ".join(f"{f.what or what}: {f.text()}" for f in figs)


def trend(what: str, figs: list[Fig]) -> str:
    """'Coverage in Togo rose from 5.7 % (2015, reported) to 12.1 % (2023, reported).' for one series."""
    if not figs:
        return f"No data for {what}."
    if not same_thing(figs):
        raise ValueError(f"{what}: a trend joins figures of one measure only")
    first, last = figs[0], figs[-1]
    if len(figs) == 1:
        return f"{what} was {first.text()}, the only year of data."
    verb = "rose" if last.value > first.value else "fell" if last.value < first.value else "stayed the same"
    if verb == "stayed the same":
        return f"{what} was {first.text()} and {last.text()}."
    return f"{what} {verb} from {first.text()} to {last.text()}."


def listing(figs: list[tuple[str, Fig]], joiner: str = ", ") -> str:
    """'Pensions 77.5 % (2023, unverified), ...': each figure after its name."""
    return joiner.join(f"{name} {f.text()}" for name, f in figs)


# --- the label scan ------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
_YEAR = re.compile(r"(?:19|20)\d\d")
_IDENTIFIER = re.compile(r"(?:phase|phases|step|steps|sdg|level)[\s-]*(?:\d[\d.]*)(?:\s*(?:and|or|,)\s*\d)*$", re.I)
_LABEL = re.compile(r"\b(?:" + "|".join(LABELS) + r")\b", re.I)
_SENTENCE_END = re.compile(r";|[.:!?](?=\s+[A-Z(]|\s*$)")  # not "c. 2006"


def unlabelled_numbers(sentence: str) -> list[str]:
    """The numbers of a generated sentence that no label follows (see the module docstring for the rule)."""
    found = []
    matches = [m for m in _NUMBER.finditer(sentence) if _is_figure(sentence, m)]
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(sentence)
        stop = _SENTENCE_END.search(sentence, m.end())
        window = sentence[m.end() : min(stop.start(), end) if stop else end]
        if not _LABEL.search(window):
            found.append(m.group(0))
    return found


def _is_figure(sentence: str, m: re.Match) -> bool:
    token = m.group(0)
    if _YEAR.fullmatch(token) or re.search(r"(?:19|20)\d\d-(?:\d\d-)?$", sentence[: m.start()]):
        return False  # a year, a date's month or day, a period's end (2021-10-29, 2021-2025)
    before = sentence[max(0, m.start() - 12) : m.end()]
    return not _IDENTIFIER.search(before)


def count_text(n: int, unit: str) -> str:
    """A count of rows of this package, labelled: '12 changes (computed)'."""
    return Fig.count(n, unit).text()
