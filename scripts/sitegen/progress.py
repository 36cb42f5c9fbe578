"""The home page's first screen: phase-2 results against their targets as static SVG bars, each with its
figure in words, period, verification label and source (the cards below hold every figure in full)."""

from __future__ import annotations

from spf.sitegen import svg
from spf.sitegen.charts import PALETTE, TARGET_COLOR
from spf.sitegen.components import Raw, badge, data_text, sentence, source_of
from spf.sitegen.i18n import N_, _
from spf.sitegen.pages.common import headline
from spf.sitegen.text import figure, h, short

BAR_W, BAR_H = 300, 14
MEASURES = [
    (N_("People reached"), "phase2_people"),
    (N_("Institutional changes"), "phase2_institutional_changes"),
    (N_("Focus countries"), "phase2_focus_countries"),
]


def _pick(rows: list[dict]) -> dict | None:
    """The latest verified row, else the latest one."""
    verified = [r for r in rows if r["verification"] == "verified"]
    return (verified or rows or [None])[-1]


def bar(result: dict, target: dict, idx: str) -> str:
    """A track as long as the larger of result and target, the result filled (hatched when not verified)
    and the target as a tick."""
    value, goal = float(result["value"]), float(target["value"])
    scale = BAR_W / max(value, goal)
    fill = PALETTE[0]
    defs = ""
    if result["verification"] != "verified":
        defs = f"<defs>{svg.hatch(f'{idx}-h', fill)}</defs>"
        fill = f"url(#{idx}-h)"
    words = _(
        "{result} of a target of {target}",
        result=figure(value, result["unit"], result["qualifier"]),
        target=figure(goal, target["unit"]),
    )
    x_t = svg.num(min(goal * scale, BAR_W - 1.5))
    body = (
        f'{defs}<rect class="spfc-track" width="{BAR_W}" height="{BAR_H}" fill="#e8e8e8"/>'
        f'<rect width="{svg.num(value * scale)}" height="{BAR_H}" fill="{fill}" stroke="{PALETTE[0]}"/>'
        f'<line x1="{x_t}" x2="{x_t}" y1="-3" y2="{BAR_H + 3}" stroke="{TARGET_COLOR}" stroke-width="3"/>'
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="progress__bar" viewBox="0 -3 {BAR_W} {BAR_H + 6}" '
        f'width="{BAR_W}" height="{BAR_H + 6}" role="img" aria-label="{h(words)}">{body}</svg>'
    )


def row(pkg, title: str, measure: str) -> str | None:
    result = _pick(headline(pkg, measure))
    if result is None:
        return None
    target = _pick(pkg.measure(measure, targets=True))
    value = h(figure(result["value"], result["unit"], result["qualifier"]))
    what = f"<strong>{value}</strong>"
    meta = f"{data_text(result['period'])} {badge(result['verification'])} {source_of(pkg, result['source_id'])}"
    graphic = ""
    if target is not None:
        what = sentence(
            _("{result} of a target of {target}"), result=what, target=h(short(target["value"], target["unit"]))
        )
        meta += h(_("; ")) + sentence(_("target {label}"), label=badge(target["verification"]))
        if target["source_id"] != result["source_id"]:
            meta += " " + source_of(pkg, target["source_id"])
        graphic = bar(result, target, f"progress-{measure}")
    return (
        f'<div class="progress__row"><p class="progress__what"><span class="progress__title">{h(_(title))}</span> '
        f'{what}</p>{graphic}<p class="progress__meta">{meta}</p></div>'
    )


def block(pkg) -> Raw | None:
    rows = [r for r in (row(pkg, title, measure) for title, measure in MEASURES) if r]
    if not rows:
        return None
    caption = _("Phase 2 (2021-2025) so far, against its targets")
    key = _("(bar: result, hatched when not verified; tick: target)")
    return Raw(
        '<figure class="progress" aria-labelledby="progress-caption">'
        f'<figcaption id="progress-caption">{h(caption)} <span class="progress__key">{h(key)}</span></figcaption>'
        + "".join(rows)
        + "</figure>"
    )
