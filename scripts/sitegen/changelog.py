"""CHANGELOG.md as the changelog page shows it. Contributors edit it by pull request, so it is text, not
Markdown: only a short list of structures is rebuilt from it (release headings ## and ###, paragraphs, list
items, `code` and **bold**), every piece of its text through md(), so raw HTML, links, images and attr_list
in it are shown as written, never as markup."""

from __future__ import annotations

import re

from spf.sitegen.text import md

HEADING = re.compile(r"^(#{2,3})\s+(.*)$")
ITEM = re.compile(r"^[-*]\s+(.*)$")
INLINE = re.compile(r"`([^`\n]+)`|\*\*([^*\n]+)\*\*")


def _text(piece: str) -> str:
    """md() of a piece between code spans, keeping one space at either end where it had one."""
    if not piece.strip():
        return " " if piece else ""
    return (" " if piece[0].isspace() else "") + md(piece) + (" " if piece[-1].isspace() else "")


def inline(text: str) -> str:
    """One line of text as inert Markdown, with its code spans and bold kept."""
    out, at = [], 0
    for m in INLINE.finditer(text):
        out.append(_text(text[at : m.start()]))
        code, bold = m.groups()
        out.append(f"<code>{md(code)}</code>" if code is not None else f"**{md(bold)}**")
        at = m.end()
    out.append(_text(text[at:]))
    return "".join(out)


def _blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each heading, paragraph and list item, continuation lines joined."""
    blocks: list[tuple[str, str]] = []
    for line in text.splitlines():
        if not line.strip():
            blocks.append(("blank", ""))
        elif m := HEADING.match(line):
            blocks.append((m.group(1), m.group(2)))
        elif m := ITEM.match(line):
            blocks.append(("item", m.group(1)))
        elif blocks and blocks[-1][0] in ("item", "para"):
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + " " + line.strip())
        else:
            blocks.append(("para", line.strip()))
    return [b for b in blocks if b[0] != "blank"]


def markdown(text: str) -> str:
    """The changelog's body as Markdown in which only the code's own structure is markup."""
    parts: list[str] = []
    for kind, body in _blocks(text):
        if kind == "item":
            sep = "\n" if parts and parts[-1].lstrip("\n").startswith("- ") else "\n\n"
            parts.append(sep + "- " + inline(body))
        elif kind == "para":
            parts.append("\n\n" + inline(body))
        else:
            parts.append(f"\n\n{kind} {inline(body)}")
    return "".join(parts).strip() + "\n"
