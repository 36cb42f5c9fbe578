"""make site: validate -> generate -> mkdocs build --strict -> link check, into site/ only when all pass.

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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linkcheck import check as check_links  # noqa: E402
from paths import BUILD, DATAPACKAGE, MKDOCS_YML, ROOT, SITE  # noqa: E402
from validator import validate  # noqa: E402
from validator.render import as_text  # noqa: E402


def mkdocs_build(dest: Path, descriptor: Path, config: Path = MKDOCS_YML) -> subprocess.CompletedProcess:
    env = {**os.environ, "SPF_DATAPACKAGE": str(descriptor), "NO_MKDOCS_2_WARNING": "1"}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(config), "-d", str(dest)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


def swap(staging: Path, site: Path) -> None:
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    staging.rename(site)
    shutil.rmtree(old, ignore_errors=True)


def run(descriptor: Path, site: Path) -> int:
    # Load inputs: the package must be valid before anything is built from it.
    errors = validate(descriptor)
    if errors:
        print(as_text(errors, color=sys.stdout.isatty()))
        print(f"\nThe site was not built; {site} is unchanged.", file=sys.stderr)
        return 1
    # Process: generate and build into a staging folder.
    staging = BUILD / "site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    staging.parent.mkdir(parents=True, exist_ok=True)
    result = mkdocs_build(staging, descriptor)
    if result.returncode != 0:
        print(result.stdout + result.stderr, file=sys.stderr)
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
