"""The release a build publishes: version (datapackage.json), date (CHANGELOG.md), and how to cite it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from spf.sitegen import settings

HEADING = re.compile(r"^## (\d+\.\d+\.\d+) [–-] (\d{4}-\d{2}-\d{2})\s*$", re.M)


@dataclass(frozen=True)
class Release:
    version: str
    date: str
    title: str
    publisher: str
    url: str  # where the data pages live (site_url + "data/"), may be empty
    repository: str = ""  # the source repository (mkdocs.yml extra.repository), may be empty

    @property
    def site_url(self) -> str:
        """The published address of the site's root ("" when not set); `url` is its data section."""
        return self.url.removesuffix("data/")

    @property
    def tag(self) -> str:
        return f"v{self.version}"

    def citation(self) -> str:
        where = f" {self.url}" if self.url else ""
        return (
            f"{self.publisher} ({self.date[:4]}). {self.title}, version {self.version} "
            f"(released {self.date}) [Data set]. Licence CC BY 4.0.{where}"
        )

    def cff(self, text: str) -> str:
        """CITATION.cff as released: with `url` and `repository-code` when those settings are set."""
        lines = [text.rstrip("\n")]
        for key, value in (("url", self.url), ("repository-code", self.repository)):
            if value:
                lines.append(f"{key}: {json.dumps(value)}")
        return "\n".join(lines) + "\n"

    def bibtex(self) -> str:
        """The citation as BibTeX. Every value goes through bibtex_text, so a brace in the package's title
        (contributed text) can neither close its field nor add one."""
        b = bibtex_text
        key = "spf_flagship_data_" + re.sub(r"[^0-9A-Za-z]", "_", self.version)
        lines = [
            f"@misc{{{key}",
            f"  title = {{{b(self.title)}}}",
            f"  author = {{{{{b(self.publisher)}}}}}",
            f"  year = {{{b(self.date[:4])}}}",
            f"  version = {{{b(self.version)}}}",
            f"  note = {{Released {b(self.date)}. Licence CC BY 4.0}}",
        ]
        if self.url:
            lines.append(f"  url = {{{b(self.url)}}}")
        return ",\n".join(lines) + "\n}"


BIBTEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\textbraceleft{}", "}": r"\textbraceright{}"}


def bibtex_text(text: str) -> str:
    """Text as a BibTeX field value: braces and backslashes written as LaTeX commands (whose own braces are
    balanced), line breaks as spaces, so the value always ends where the citation's code ends it."""
    text = " ".join(str(text).split())
    return "".join(BIBTEX_SPECIAL.get(ch, ch) for ch in text)


def changelog_entries(text: str) -> list[tuple[str, str]]:
    """(version, date) of each release heading, newest first as written."""
    return HEADING.findall(text)


def load(descriptor: dict, changelog: Path, publisher: str, site_url: str, repository: str | None = None) -> Release:
    """The release; `repository` defaults to mkdocs.yml's extra.repository (settings.repository())."""
    version = descriptor["version"]
    entries = dict(changelog_entries(changelog.read_text(encoding="utf-8"))) if changelog.is_file() else {}
    if version not in entries:
        raise ValueError(f"CHANGELOG.md has no '## {version} – YYYY-MM-DD' heading for the package version {version}")
    url = site_url.rstrip("/") + "/data/" if site_url else ""
    repository = settings.repository() if repository is None else repository
    return Release(
        version=version,
        date=entries[version],
        title=descriptor.get("title", ""),
        publisher=publisher,
        url=url,
        repository=repository,
    )
