"""One search index per language, so a page loads only its own language's index and stemmer.

mkdocs-static-i18n merges the entries of every language into the root `search/search_index.json`, with the
stemmers of all of them: every page then fetched three indexes' worth of entries and the French and Spanish
stemmers (about 50 KB gzip on a page's first view). After the last language is built, split() writes
`<lang>/search/search_index.json` with that language's entries (locations relative to `/<lang>/`) and only
its stemmer, and leaves the default language's entries at the root; as each translated page is written,
point_search() points its search (`base` in Material's `__config`) at its language's folder (the spf-language
plugin calls it from on_post_page). Search results stay within the page's language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{.*?"base": ")([^"]*)(")', re.S)


def split(site: Path, default: str, others: list[str]) -> None:
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    docs: dict[str, list[dict]] = {lang: [] for lang in [default, *others]}
    for doc in index["docs"]:
        lang = next((o for o in others if doc["location"].startswith(f"{o}/")), default)
        if lang != default:
            doc = {**doc, "location": doc["location"][len(lang) + 1 :]}
        docs[lang].append(doc)
    for lang, entries in docs.items():
        target = path if lang == default else site / lang / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = {**index, "config": {**index["config"], "lang": [lang]}, "docs": entries}
        target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def point_search(html: str) -> str:
    """A translated page (one under /<lang>/) with its search pointed at its language's folder."""
    return CONFIG_BASE.sub(lambda m: m.group(1) + _one_up_less(m.group(2)) + m.group(3), html, count=1)


def _one_up_less(base: str) -> str:
    """The page's path to its language's folder, from its path to the site root: '../..' -> '..', '..' -> '.'."""
    parts = base.split("/")
    return "/".join(parts[:-1]) if len(parts) > 1 else "."
