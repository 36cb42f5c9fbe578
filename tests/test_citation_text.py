"""The BibTeX citation is built from the package's title (contributed text): a brace in it can neither close
its field nor add one (spf.sitegen.release.bibtex_text)."""

from __future__ import annotations

import re

from spf.sitegen.release import Release


def fields(bibtex: str) -> dict[str, str]:
    """The entry's fields as a BibTeX reader finds them: name = {balanced value}, one after another."""
    body = bibtex[bibtex.index(",") + 1 : bibtex.rindex("}")]
    out, at = {}, 0
    while m := re.compile(r"\s*([a-z]+)\s*=\s*\{").match(body, at):
        depth, i = 1, m.end()
        while depth:
            depth += {"{": 1, "}": -1}.get(body[i], 0)
            i += 1
        out[m.group(1)] = body[m.end() : i - 1]
        at = i + 1 if body[i : i + 1] == "," else i
    assert body[at:].strip() == "", f"text after the last field: {body[at:]!r}"
    return out


def test_a_brace_in_the_title_adds_no_field():
    title = "Data}, url = {https://evil.example}, note = {x\\\nand { one more"
    release = Release(version="0.2.0", date="2026-12-01", title=title, publisher="ILO }", url="", repository="")
    text = release.bibtex()
    assert text.startswith("@misc{spf_flagship_data_0_2_0,\n")
    assert list(fields(text)) == ["title", "author", "year", "version", "note"]
    assert "evil.example" in fields(text)["title"]
