"""Build the release downloads in a second process while MkDocs renders the pages.

The workbook of a large package takes many seconds, and the pages only need each file's name (known from
the descriptor) until the very end, when the data pages show its size and checksum. So the hook starts this
job as soon as it has the package, the data pages carry placeholders (downloads.Planned), and the hook fills
them in the rendered HTML once the job is done. The job writes the files straight into the site folder,
which MkDocs has cleaned before it starts.

The child is forked, so it shares the loaded package instead of reading it again. A failure in the child is
raised in MkDocs, with the child's traceback, and fails the build.
"""

from __future__ import annotations

import multiprocessing
import traceback
from pathlib import Path

from sitegen import downloads


def _run(send, inputs, site_dir: Path) -> None:
    try:
        made = downloads.build_cached(inputs.pkg, inputs.release, inputs.citation_cff, inputs.cache_dir)
        for path, content in downloads.files(made, inputs.release).items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        send.send(("ok", {d.name: (d.size, d.sha256) for d in made}))
    except BaseException:  # noqa: BLE001 - every failure goes back to the parent, which raises it
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()


class ReleaseJob:
    """Downloads of one release, being built in a forked process into site_dir."""

    def __init__(self, inputs, site_dir: Path):
        self.planned = downloads.plan(inputs.pkg, inputs.release)
        ctx = multiprocessing.get_context("fork")
        self._receive, send = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_run, args=(send, inputs, Path(site_dir)), name="spf-release", daemon=True)
        self._process.start()
        send.close()
        self._made: dict[str, tuple[int, str]] | None = None

    def result(self) -> dict[str, tuple[int, str]]:
        """{file name: (size, sha256)}, waiting for the job; raises RuntimeError if it failed."""
        if self._made is None:
            try:
                status, payload = self._receive.recv()
            except EOFError:
                status, payload = "error", "the process building the downloads ended without a word"
            self._process.join()
            if status != "ok":
                raise RuntimeError(f"building the release downloads failed:\n{payload}")
            self._made = payload
        return self._made

    def fill(self, html: str) -> str:
        """The page with the size and checksum of each download written in (waits for the job if needed)."""
        if downloads.PLACEHOLDER.search(html) is None:
            return html
        return downloads.fill(html, self.result())

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
