"""Late filling: what a page leaves as a placeholder until MkDocs has rendered it, and who fills it in.

Two kinds of placeholder, both owned here:

- Blocks. Tables and charts are finished HTML that holds no Markdown, so Page.markdown(blocks) puts a
  comment in their place and keeps them in a Blocks collection. Searchable blocks go back before the search
  plugin reads the page (LateFill.searchable, at on_page_content); the others go back in the rendered page
  (LateFill.rest, at on_post_page), so search does not parse them either.
- Downloads. The release downloads are built by a second process while MkDocs works (ReleaseJob). Until
  then a page shows each download's size and checksum as a placeholder (downloads.Planned); the pages that
  wait for them are rendered last (LateFill.order), and LateFill.rest writes the values in.

A comment or text that only looks like a placeholder stays as it is. The built pages and the search index
are the same as those of a plain build of the pages written out in full (tests/test_site_build.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spf.forked import Forked

BLOCK = re.compile(r"<!--spf-(?:search-)?block \d+-->")  # either kind
SEARCHABLE = re.compile(r"<!--spf-search-block \d+-->")
DOWNLOAD = re.compile(r"@@spf-download:(size|sha256):([^@\s]+)@@")


def download_placeholder(what: str, name: str) -> str:
    """The placeholder of a download's `size` or `sha256`, filled in by fill_downloads."""
    return f"@@spf-download:{what}:{name}@@"


class Blocks(dict[str, str]):
    """{placeholder comment: block HTML} of the blocks the pages of one build hold back."""

    def hold(self, html: str, searchable: bool) -> str:
        token = f"<!--spf-{'search-' if searchable else ''}block {len(self)}-->"
        self[token] = html
        return token


def fill_blocks(html: str, blocks: dict[str, str], token: re.Pattern = BLOCK) -> str:
    """Put back the blocks whose placeholder matches `token`."""
    return token.sub(lambda m: blocks.get(m.group(0), m.group(0)), html)


PAGE_LANG = re.compile(r'<html lang="([A-Za-z-]+)"')


def fill_downloads(text: str, made: dict[str, tuple[str, str]]) -> str:
    """Replace download placeholders with {file name: (size text, sha256)}; sizes in the page's language."""
    from spf.sitegen.downloads import local_size

    found = PAGE_LANG.search(text)
    lang = found.group(1).split("-")[0] if found else "en"

    def value(m: re.Match) -> str:
        if m.group(2) not in made:
            return m.group(0)  # not a planned download
        size_text, sha = made[m.group(2)]
        return local_size(size_text, lang) if m.group(1) == "size" else sha

    return DOWNLOAD.sub(value, text)


class ReleaseJob:
    """The release downloads, written by write(*args) in a forked process while MkDocs renders the pages.
    write returns {file name: (size text, sha256)}; a failure in it fails the build with its traceback."""

    def __init__(self, write: Callable[..., dict[str, tuple[str, str]]], *args):
        # not a daemon: building the downloads forks the workbook off in turn. Its own process group, so that
        # cancel() ends the job and the workbook together on a failed build.
        self._job = Forked("building the release downloads", write, *args, daemon=False, group=True)

    def result(self) -> dict[str, tuple[str, str]]:
        """Waits for the job; raises RuntimeError if it failed."""
        return self._job.result()

    def fill(self, html: str) -> str:
        """The page with the size and checksum of each download written in (waits for the job if needed)."""
        if DOWNLOAD.search(html) is None:
            return html
        return fill_downloads(html, self.result())

    def cancel(self) -> None:
        self._job.cancel()


class LateFill:
    """Everything one build fills in late: the blocks its pages hold back and its release job."""

    def __init__(self, job: ReleaseJob):
        self.blocks = Blocks()
        self.job = job

    def waits(self, text: str | bytes) -> bool:
        """Whether a page (with the blocks it holds) shows a download's size or checksum."""
        if isinstance(text, bytes):  # chart PNGs hold no placeholder
            return False
        texts = [text, *(self.blocks[t] for t in BLOCK.findall(text) if t in self.blocks)]
        return any(DOWNLOAD.search(t) for t in texts)

    def order(self, pages: dict[str, str | bytes]) -> list[str]:
        """Page paths, the ones waiting for the downloads last, so the job has the whole build to finish."""
        return sorted(pages, key=lambda path: (self.waits(pages[path]), path))

    def searchable(self, html: str) -> str:
        return fill_blocks(html, self.blocks, SEARCHABLE)

    def rest(self, html: str) -> str:
        return self.job.fill(fill_blocks(html, self.blocks))

    def finish(self) -> None:
        self.job.result()  # the downloads are all written, or the build fails here

    def cancel(self) -> None:
        self.job.cancel()
