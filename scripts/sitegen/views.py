"""Charts and headline cards declared as data (views.yml), and the build check that guards them.

Page modules ask `for_page(pkg, page)` for their views; it loads views.yml once and checks every
declaration against the package being built: a chart kind, page or message id that does not exist, or a
measure id that is not in the package's headline_figures, stops the build with a ViewError that names the
file, the view, the unknown id, the known ids and how to fix it. A typo never silently drops a card.

A smaller package (a test fixture) may lack some declared measures: a measure absent from the package but
present in the repository's own data/headline_figures.csv is accepted, and its card or chart is left out as
for any missing data. A measure absent from both is unknown.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from spf.paths import DATA, rel
from spf.sitegen.charts import KINDS, ChartSpec
from spf.sitegen.components import Column
from spf.sitegen.i18n import pgettext

VIEWS_YML = Path(__file__).resolve().parent / "views.yml"
PAGES = ("home", "results", "countries", "changes", "thematic", "partners", "global_context", "gaps")
REFERENCE_FIGURES = DATA / "headline_figures.csv"


class ViewError(ValueError):
    """A declaration in views.yml that the build cannot honour."""


@dataclass(frozen=True)
class Item:
    """A labelled group of measures inside a chart: a bar, a step, a dimension, a region."""

    measures: tuple[str, ...] = ()
    label: str | None = None  # message id
    key: str | None = None  # matched against the data (a region name, a phase)


@dataclass(frozen=True)
class Card:
    id: str
    page: str
    section: str
    order: int
    title: str  # message id
    measure: str
    target_measure: str | None = None
    note: str | None = None  # message id
    targets: bool = True

    @property
    def all_measures(self) -> tuple[str, ...]:
        return (self.measure,) + ((self.target_measure,) if self.target_measure else ())

    def message_ids(self) -> list[str]:
        return [m for m in (self.title, self.note) if m]


class _ReadsMeasures:
    """What a chart or a table reads: its own measures and those of its items."""

    measures: tuple[str, ...]
    items: tuple[Item, ...]

    @property
    def all_measures(self) -> tuple[str, ...]:
        return self.measures + tuple(m for item in self.items for m in item.measures)


@dataclass(frozen=True)
class Chart(_ReadsMeasures):
    id: str  # may hold {iso3}: see chart_id()
    kind: str
    page: str
    order: int
    title: str  # message id
    unit: str
    summary: str | None = None  # message id
    heading: str | None = None
    what: str | None = None
    build: str | None = None  # which builder of the page module makes the data
    x: str = "period"
    y: str = "value"
    series: str | None = None
    text_col: str | None = None
    topic: str | None = None
    measures: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()

    def message_ids(self) -> list[str]:
        own = [self.title, self.summary, self.heading, self.what]
        return [m for m in own + [i.label for i in self.items] if m]

    def chart_id(self, **params) -> str:
        return self.id.format(**params)

    def spec(self, data: list[dict], summary: str, columns: list[Column], title: str = "", **extra) -> ChartSpec:
        """The ChartSpec of this view for the page's data (`title` defaults to the declared title)."""
        return ChartSpec(
            id=self.chart_id(**extra.pop("id_params", {})),
            title=title or text(self.title),
            kind=self.kind,
            data=data,
            x=self.x,
            y=self.y,
            unit=self.unit,
            summary=summary,
            columns=columns,
            series=self.series,
            text_col=self.text_col,
            **extra,
        )


@dataclass(frozen=True)
class Table(_ReadsMeasures):
    """A table that compares the package with headline figures (its text stays in the page module)."""

    id: str
    page: str
    measures: tuple[str, ...] = ()
    items: tuple[Item, ...] = ()

    def message_ids(self) -> list[str]:
        return [i.label for i in self.items if i.label]


@dataclass(frozen=True)
class Views:
    path: Path
    messages: dict[str, str]
    cards: tuple[Card, ...] = ()
    charts: tuple[Chart, ...] = field(default_factory=tuple)
    tables: tuple[Table, ...] = ()

    @property
    def all(self) -> tuple:
        return self.cards + self.charts + self.tables


def _fail(path: Path, view: str, what: str, unknown, known, fix: str) -> ViewError:
    return ViewError(
        f"{rel(path)}: view {view!r} names an unknown {what} {unknown!r}.\n"
        f"Known {what}s: {', '.join(sorted(map(str, known)))}.\nTo fix it: {fix}"
    )


def parse(path: Path = VIEWS_YML) -> Views:
    """Read a declarations file; checks what needs no package (kinds, pages, message ids)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    messages = {str(k): str(v) for k, v in raw.get("messages", {}).items()}
    try:
        cards = tuple(Card(**c) for c in raw.get("cards", []))
        charts = tuple(
            Chart(**{**c, "measures": tuple(c.get("measures", ())), "items": _items(c.get("items", ()))})
            for c in raw.get("charts", [])
        )
        tables = tuple(
            Table(**{**t, "measures": tuple(t.get("measures", ())), "items": _items(t.get("items", ()))})
            for t in raw.get("tables", [])
        )
    except TypeError as err:
        raise ViewError(f"{rel(path)}: a declaration has a key the loader does not know: {err}") from err
    views = Views(path, messages, cards, charts, tables)
    for view in views.all:
        if isinstance(view, Chart) and view.kind not in KINDS:
            raise _fail(path, view.id, "chart kind", view.kind, KINDS, "use one of the known kinds.")
        if view.page not in PAGES:
            raise _fail(path, view.id, "page", view.page, PAGES, "use the name of a page module that reads views.")
        for mid in view.message_ids():
            if mid not in messages:
                raise _fail(path, view.id, "message id", mid, messages, f"add {mid!r} under messages: in {path.name}.")
    ids = [v.id for v in views.all]
    if len(set(ids)) != len(ids):
        raise ViewError(
            f"{rel(path)}: view ids must be unique; repeated: {sorted({i for i in ids if ids.count(i) > 1})}"
        )
    return views


def _items(items) -> tuple[Item, ...]:
    return tuple(Item(**{**i, "measures": tuple(i.get("measures", ()))}) for i in items)


@cache
def _reference_measures(path: Path = REFERENCE_FIGURES) -> frozenset[str]:
    with path.open(encoding="utf-8", newline="") as f:
        return frozenset(r["measure"] for r in csv.DictReader(f))


def check(views: Views, measures: set[str]) -> None:
    """Fail on a declared measure that is neither in the package's headline_figures nor in the repository's."""
    for view in views.all:
        for m in view.all_measures:
            if m not in measures and m not in _reference_measures():
                raise _fail(
                    views.path,
                    view.id,
                    "measure id",
                    m,
                    measures | _reference_measures(),
                    f"correct the id in {views.path.name}, or add figures of {m!r} to headline_figures.csv.",
                )


@cache
def _loaded() -> Views:
    return parse(VIEWS_YML)


def text(message_id: str, **params) -> str:
    """A message in the language of the page being generated (its English text is the msgid, its id the
    context; see i18n.py), with its {fields} filled in."""
    return pgettext(message_id, _loaded().messages[message_id], **params)


def for_page(pkg, page: str) -> tuple[list[Card], list[Chart]]:
    """The cards and charts of one page, in order, after checking every declaration against the package."""
    views = _loaded()
    check(views, {r["measure"] for r in pkg.figures.values()})
    cards = sorted((c for c in views.cards if c.page == page), key=lambda c: (c.section, c.order))
    charts = sorted((c for c in views.charts if c.page == page), key=lambda c: c.order)
    return cards, charts


def table(pkg, page: str, view_id: str) -> Table:
    """A declared table, after checking every declaration against the package."""
    views = _loaded()
    check(views, {r["measure"] for r in pkg.figures.values()})
    for t in views.tables:
        if t.page == page and t.id == view_id:
            return t
    raise ViewError(f"{rel(VIEWS_YML)}: no table {view_id!r} on page {page!r}")


def chart(pkg, page: str, build: str | None = None, view_id: str | None = None) -> Chart:
    """The one chart of a page declared with this builder or id."""
    for c in for_page(pkg, page)[1]:
        if (build is None or c.build == build) and (view_id is None or c.id == view_id):
            return c
    raise ViewError(f"{rel(VIEWS_YML)}: no chart on page {page!r} with build={build!r}, id={view_id!r}")
