"""translation-placeholder, translation-markup, translation-control-character, translation-too-long,
unsafe-setting: the translation catalogues (scripts/sitegen/locale/<lang>/LC_MESSAGES/messages.po) and the
texts of mkdocs.yml that every page shows are contributed like data, and are text, never markup.

The rules are spf.sitegen.msgrules, the same that i18n applies when it loads a catalogue (a msgstr that
breaks them is shown in English there), so the validator says why a translation does not show."""

from __future__ import annotations

from pathlib import Path

import yaml
from babel.messages.pofile import read_po

from spf.sitegen import msgrules
from spf.sitegen.svg import DRAWN_MAX
from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = [
    "translation-placeholder",
    "translation-markup",
    "translation-control-character",
    "translation-too-long",
    "unsafe-setting",
]
FORKED = False
AFTER_OTHERS = False
LOCALE = Path("scripts") / "sitegen" / "locale"
SETTINGS = ("site_name", "site_description")


def _short(text: str) -> str:
    one = " ".join(str(text).split())
    return one if len(one) <= 80 else one[:77] + "..."


def _catalogue(ctx: Context, po: Path):
    path = po.relative_to(ctx.root).as_posix()
    try:
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name, abort_invalid=True)
    except Exception as exc:  # noqa: BLE001 (any unreadable catalogue is one error, never a traceback)
        yield make_error("translation-markup", path=path, msgid="(the whole file)", note=f"it cannot be read: {exc}")
        return
    for message in catalog:
        if not message.id or message.fuzzy:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        for slug, note in msgrules.message_problems(message):
            yield make_error(slug, path=path, row=message.lineno, msgid=_short(msgid), note=note)


class _AnyTag(yaml.SafeLoader):
    """mkdocs.yml's !ENV and !!python tags do not matter for its texts."""


_AnyTag.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTag.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _titles(items):
    for item in items or []:
        if isinstance(item, dict):
            for title, value in item.items():
                yield "nav", title
                if isinstance(value, list):
                    yield from _titles(value)


def _settings(ctx: Context):
    config_path = ctx.root / "mkdocs.yml"
    if not config_path.is_file():
        return
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_AnyTag) or {}
    except (yaml.YAMLError, UnicodeDecodeError):
        return  # MkDocs itself refuses the file, with its own words
    extra = config.get("extra") if isinstance(config.get("extra"), dict) else {}
    texts = [(key, config.get(key)) for key in SETTINGS] + [("extra.publisher", extra.get("publisher"))]
    for key, text in texts + list(_titles(config.get("nav"))):
        if not isinstance(text, str):
            continue
        if bad := msgrules.markup(text) or msgrules.not_text(text):
            note = f"holds {bad}, which could become markup on every page"
        elif len(text) > DRAWN_MAX:  # shown on every page, and cited (the publisher is the citation's author)
            note = f"is {len(text):,} characters long; a setting shown on every page holds at most {DRAWN_MAX}"
        else:
            continue
        yield make_error("unsafe-setting", path="mkdocs.yml", field=key, value=_short(text), note=note)


def check(ctx: Context):
    for po in sorted((ctx.root / LOCALE).glob("*/LC_MESSAGES/messages.po")):
        yield from _catalogue(ctx, po)
    yield from _settings(ctx)
