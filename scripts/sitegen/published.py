"""Where the pages of a build are published, and which release they show: the context generate.pages sets
around the page modules (as i18n.using sets the language), so a chart or a data page can write absolute
addresses in its metadata without passing them around.

Without a published address (site_url) every function here returns "" for an address: no absolute URL is
written anywhere, and callers fall back to relative references."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from spf.sitegen import i18n
from spf.sitegen.release import Release


@dataclass(frozen=True)
class Published:
    site_url: str  # ends with "/", or "" when the site has no published address
    release: Release


_published: ContextVar[Published | None] = ContextVar("spf_published", default=None)


@contextmanager
def using(site_url: str, release: Release) -> Iterator[None]:
    token = _published.set(Published(site_url.rstrip("/") + "/" if site_url else "", release))
    try:
        yield
    finally:
        _published.reset(token)


def current() -> Published | None:
    return _published.get()


def root(path: str) -> str:
    """The published address of a file that exists once, at the site's root (the release downloads)."""
    pub = _published.get()
    return pub.site_url + path if pub and pub.site_url else ""


def absolute(path: str) -> str:
    """The published address of a path of the current language's site ("" without a published address)."""
    lang = i18n.current()
    return root(path if lang == i18n.DEFAULT else f"{lang}/{path}")
