"""make site: validate + (generate -> mkdocs build --strict) -> link check, into site/ only when all pass.

The build goes to build/site-staging; only a complete, strict build replaces site/ (the old site/ is moved
aside first and removed after the swap), so a failed build never leaves a broken or missing site/.

A build always ends: MkDocs runs in a process group of its own, which is killed (with every child it forked,
such as the release job and its workbook) as soon as the build has failed or finished, and its output goes to
a file, so no child can hold a pipe open. Builds are serialised by a lock on build/site.lock: a second
`make site` says that a build is running and waits for it.

    python scripts/build_site.py [--package PATH] [--site DIR] [--config MKDOCS_YML]
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from spf.linkcheck import base_path
from spf.linkcheck import check as check_links
from spf.paths import BUILD, DATAPACKAGE, MKDOCS_YML, ROOT, SITE
from spf.sitegen import settings
from spf.validator import validate
from spf.validator.render import as_text


def mkdocs_command(dest: Path, config: Path = MKDOCS_YML) -> list[str]:
    """The strict build, with ProperDocs (a maintained fork of MkDocs 1.x that reads the same mkdocs.yml)."""
    build = [sys.executable, "-m", "properdocs", "build", "--strict", "--clean", "-q"]
    return [*build, "-f", str(config), "-d", str(dest)]


LOCK = BUILD / "site.lock"


@contextlib.contextmanager
def build_lock(path: Path = LOCK):
    """One build at a time (they share build/site-staging): a second one waits, and says why."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another site build is running (lock {path}); waiting for it to finish.", file=sys.stderr)
            fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


class MkdocsBuild:
    """`mkdocs build --strict` of a package into dest, in a process group of its own. Use as a context
    manager: leaving it kills whatever of the group is still running."""

    def __init__(self, dest: Path, descriptor: Path, config: Path = MKDOCS_YML):
        env = {**os.environ, "SPF_DATAPACKAGE": str(descriptor), "NO_MKDOCS_2_WARNING": "1"}
        self._log = tempfile.TemporaryFile(mode="w+", prefix="spf-mkdocs-")
        self.process = subprocess.Popen(
            mkdocs_command(dest, config),
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )

    def wait(self) -> tuple[int, str]:
        """(exit status, output) once MkDocs has ended; then nothing it started is left running."""
        code = self.process.wait()
        self.kill()
        self._log.seek(0)
        return code, self._log.read()

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.kill()
        self._log.close()


def swap(staging: Path, site: Path) -> None:
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def run(descriptor: Path, site: Path, config: Path = MKDOCS_YML) -> int:
    with build_lock():
        return _run(descriptor, site, config)


def _run(descriptor: Path, site: Path, config: Path) -> int:
    # Process: validate and build into a staging folder at the same time (two cores); the build is only
    # kept when the package is valid, so nothing is ever published from invalid data.
    staging = BUILD / "site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    with MkdocsBuild(staging, descriptor, config) as build:
        errors = validate(descriptor)
        if errors:
            build.kill()  # no need to finish a build that will not be kept
        returncode, output = build.wait()
    if errors:
        print(as_text(errors, color=sys.stdout.isatty()))
        print(f"\nThe data package is not valid: the site was not built; {site} is unchanged.", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    if returncode != 0:
        print(output, file=sys.stderr)
        print(f"The strict build (properdocs build --strict) failed; {site} is unchanged.", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    problems, _, _ = check_links(staging, base_path(settings.site_url(config)))  # as published: under its path
    if problems:
        print("\n".join(problems), file=sys.stderr)
        print(f"The built site has {len(problems)} broken links; {site} is unchanged.", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    # Save outputs: swap the finished build into place.
    swap(staging, site)
    pages = sum(1 for _ in site.rglob("index.html"))
    print(f"Built {pages} pages into {site}")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, default=DATAPACKAGE)
    parser.add_argument("--site", type=Path, default=SITE)
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="the MkDocs configuration (default mkdocs.yml)")
    args = parser.parse_args()
    sys.exit(run(args.package.resolve(), args.site.resolve(), args.config.resolve()))
