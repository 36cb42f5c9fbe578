"""Late filling (scripts/sitegen/late.py): blocks held back from Markdown and download placeholders."""

from __future__ import annotations

from spf.sitegen import late
from spf.sitegen.components import Block, SearchableBlock
from spf.sitegen.page import Page


def _job(values: dict[str, tuple[str, str]]) -> late.ReleaseJob:
    return late.ReleaseJob(lambda: values)


def test_searchable_blocks_go_back_first_and_the_others_with_the_downloads():
    fill = late.LateFill(_job({"a.csv": ("1 KB", "ab" * 32)}))
    page = Page("x.md", "X", "d").add(SearchableBlock("<table>s</table>"), Block("<figure>f</figure>"))
    text = page.markdown(fill.blocks) + "<!--spf-block 99--> @@spf-download:size:a.csv@@"
    assert "<table>" not in text and "<figure>" not in text
    searchable = fill.searchable(text)
    assert "<table>s</table>" in searchable and "<figure>" not in searchable
    done = fill.rest(searchable)
    assert "<figure>f</figure>" in done and "1 KB" in done
    assert "<!--spf-block 99-->" in done  # only looks like a placeholder: left alone


def test_pages_that_wait_for_downloads_are_ordered_last():
    fill = late.LateFill(_job({}))
    planned = late.download_placeholder("sha256", "a.csv")
    held = fill.blocks.hold(f"<td>{planned}</td>", searchable=True)
    pages = {"a.md": held, "b.md": "no wait", "c.md": planned, "d.md": "none either"}
    assert fill.order(pages) == ["b.md", "d.md", "a.md", "c.md"]


def test_a_page_without_blocks_renders_the_same_markdown_either_way():
    page = Page("x.md", "X", "d").add("text", Block("<figure>f</figure>"))
    blocks = late.Blocks()
    assert late.fill_blocks(page.markdown(blocks), blocks) == page.markdown()


def test_the_plugin_keeps_its_state_on_the_instance():
    from spf.sitegen import plugin

    a, b = plugin.SpfPlugin(), plugin.SpfPlugin()
    assert a.late is None and b.late is None
    state = (dict, list, set, late.LateFill, late.ReleaseJob, late.Blocks)
    module_state = [k for k, v in vars(plugin).items() if not k.startswith("__") and isinstance(v, state)]
    assert module_state == []
