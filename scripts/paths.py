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
