"""The one place that knows where things live. Every script and test asks here; none uses the cwd."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATAPACKAGE = ROOT / "datapackage.json"
DATA = ROOT / "data"
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
SITE = ROOT / "site"
BUILD = ROOT / "build"  # scratch space for generated docs and staged builds (git-ignored)
CHANGELOG = ROOT / "CHANGELOG.md"
CITATION = ROOT / "CITATION.cff"
SHARED_SOURCES = ROOT.parent / "shared" / "source-data"


def rel(path: Path, root: Path = ROOT) -> str:
    """A path as shown to people: relative to the repository root, with forward slashes."""
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()


class OutsideRepository(ValueError):
    """A path from a descriptor that does not resolve to a place inside its repository."""


def inside(root: Path, value) -> Path:
    """`root / value`, resolved (symbolic links followed), when that is inside `root`; else OutsideRepository,
    whose message says which path and why. Every tool that reads or writes a path a descriptor gives asks here
    first, so a contributed `../` or absolute path or a link out of the repository is never opened."""
    if not isinstance(value, str) or not value:
        raise OutsideRepository(f"the path {value!r} is not a relative file path")
    base = Path(root).resolve()
    target = (base / value).resolve()
    if Path(value).is_absolute() or not target.is_relative_to(base) or target == base:
        raise OutsideRepository(f"the path {value!r} leads outside the repository ({base})")
    return target
