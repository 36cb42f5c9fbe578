"""`make serve` on a fresh copy of the repository: one build, a short output with the address on its last line, a
page that answers there, and a data edit that reaches the open browser tab after one rebuild (live reload,
under the site's content-security policy). Bounded in time so that it cannot hang; the time itself is measured
by the benchmark, not here."""

from __future__ import annotations

import os
import signal
import threading
import time
import urllib.request

import pytest

from spf.bench_serve import free_port, start_serve
from test_contributor_flow import CHANGES, ROW, copy_repository

BOUND = 600  # seconds: a cold build on a busy two-core machine; only there to end a hung run


class Serve:
    """`make serve` in `repo`, in a process group of its own; its output lines are collected as they come."""

    def __init__(self, repo, port: int):
        self.process = start_serve(repo, port)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, predicate, what: str) -> list[str]:
        deadline = time.monotonic() + BOUND
        while not predicate(self.lines):
            assert self.process.poll() is None or predicate(self.lines), "make serve ended:\n" + "\n".join(self.lines)
            assert time.monotonic() < deadline, f"no {what} after {BOUND} s:\n" + "\n".join(self.lines)
            time.sleep(0.2)
        return list(self.lines)

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


@pytest.fixture
def served(tmp_path):
    repo = copy_repository(tmp_path / "repo")
    port = free_port()
    server = Serve(repo, port)
    try:
        yield repo, f"http://127.0.0.1:{port}/", server
    finally:
        server.stop()


def builds(lines: list[str]) -> int:
    return sum("Building documentation" in line for line in lines)


@pytest.mark.browser
@pytest.mark.repo_data
def test_make_serve_builds_once_says_little_and_reloads_a_data_edit(served, browser):
    repo, url, server = served
    lines = server.wait_for(lambda ls: any("Serving on" in line for line in ls), "address")
    assert lines[-1].endswith(f"Serving on {url}"), lines  # the address is the last line
    assert len(lines) <= 15 and builds(lines) == 1, lines
    text = "\n".join(lines)
    assert "end of life" not in text and 'not included in the "nav"' not in text and "Traceback" not in text
    with urllib.request.urlopen(url + "countries/bdi/", timeout=60) as response:
        assert response.status == 200 and "Burundi" in response.read().decode("utf-8")

    context = browser.new_context()
    pg = context.new_page()
    errors = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    with pg.expect_request(lambda request: "/livereload/" in request.url):  # the page polls for a rebuild
        pg.goto(url + "countries/bdi/")
    added = "Serve test row: a change that the open page shows after one rebuild"
    path = repo / CHANGES
    path.write_text(
        path.read_text(encoding="utf-8")
        + ROW.format(people="100").replace("Web-editor test row: a national social protection strategy adopted", added)
        + "\n",
        encoding="utf-8",
    )
    pg.wait_for_function(f"() => document.body?.textContent.includes({added!r})", timeout=BOUND * 1000)
    assert builds(server.lines) == 2, server.lines  # one rebuild for the edit
    assert errors == []  # the reload script ran under the content-security policy
    context.close()
