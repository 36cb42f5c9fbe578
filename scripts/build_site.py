"""make site: validate + (generate -> mkdocs build --strict) -> link check, into site/ only when all pass.

The build goes to build/site-staging; only a complete, strict build replaces site/ (the old site/ is moved
aside first and removed after the swap), so a failed build never leaves a broken or missing site/.

    python scripts/build_site.py [--package PATH] [--site DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

from spf.linkcheck import check as check_links
from spf.paths import BUILD, DATAPACKAGE, MKDOCS_YML, ROOT, SITE
from spf.validator import validate
from spf.validator.render import as_text


def mkdocs_command(dest: Path, config: Path = MKDOCS_YML) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(config), "-d", str(dest)]


def mkdocs_build(dest: Path, descriptor: Path, config: Path = MKDOCS_YML) -> subprocess.Popen:
    """Start `mkdocs build --strict` of this package into dest; the caller waits for it."""
    env = {**os.environ, "SPF_DATAPACKAGE": str(descriptor), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        mkdocs_command(dest, config), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def swap(staging: Path, site: Path) -> None:
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def run(descriptor: Path, site: Path) -> int:
    # Process: validate and build into a staging folder at the same time (two cores); the build is only
    # kept when the package is valid, so nothing is ever published from invalid data.
    staging = BUILD / "site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    build = mkdocs_build(staging, descriptor)
    errors = validate(descriptor)
    output, _ = build.communicate()
    if errors:
        print(as_text(errors, color=sys.stdout.isatty()))
        print(f"\nThe data package is not valid: the site was not built; {site} is unchanged.", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    if build.returncode != 0:
        print(output, file=sys.stderr)
        print(f"mkdocs build --strict failed; {site} is unchanged.", file=sys.stderr)
        shutil.rmtree(staging, ignore_errors=True)
        return 1
    problems, _, _ = check_links(staging)
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
    args = parser.parse_args()
    sys.exit(run(args.package.resolve(), args.site.resolve()))
