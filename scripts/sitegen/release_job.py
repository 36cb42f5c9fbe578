"""Build the release downloads in a second process while MkDocs renders the pages.

The workbook of a large package takes many seconds, and the pages only need each file's name (known from
the descriptor) until the very end, when the data pages show its size and checksum. So the hook starts this
job as soon as it has the package, the data pages carry placeholders (downloads.Planned), and the hook fills
them in the rendered HTML once the job is done. The job writes the files straight into the site folder,
which MkDocs has cleaned before it starts. A failure in the job fails the build, with the job's traceback.
"""

from __future__ import annotations

from pathlib import Path

from spf.forked import Forked
from spf.sitegen import downloads


def _write(inputs, site_dir: Path) -> dict[str, tuple[int, str]]:
    made = downloads.build_cached(inputs.pkg, inputs.release, inputs.citation_cff, inputs.cache_dir)
    for path, content in downloads.files(made, inputs.release).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return {d.name: (d.size, d.sha256) for d in made}


class ReleaseJob:
    """Downloads of one release, being built in a forked process into site_dir."""

    def __init__(self, inputs, site_dir: Path):
        self.planned = downloads.plan(inputs.pkg, inputs.release)
        # not a daemon: downloads.build forks the workbook off in turn; cancel() ends it on a failed build
        self._job = Forked("building the release downloads", _write, inputs, Path(site_dir), daemon=False)

    def result(self) -> dict[str, tuple[int, str]]:
        """{file name: (size, sha256)}, waiting for the job; raises RuntimeError if it failed."""
        return self._job.result()

    def fill(self, html: str) -> str:
        """The page with the size and checksum of each download written in (waits for the job if needed)."""
        if downloads.PLACEHOLDER.search(html) is None:
            return html
        return downloads.fill(html, self.result())

    def cancel(self) -> None:
        self._job.cancel()
