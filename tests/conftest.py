"""Shared test helpers: import path for scripts/, and packages built from fixtures in a temp dir."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"

from validator.checks.stale_checksum import file_facts  # noqa: E402


def apply_patch(descriptor: dict, patch: list[dict]) -> None:
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for op in patch:
        res = by_name[op["resource"]]
        res.update(op.get("set", {}))
        for key in op.get("delete", []):
            res.pop(key, None)
        if "field" in op:
            field = next(f for f in res["schema"]["fields"] if f["name"] == op["field"])
            field["constraints"] = op["set_constraints"]


def build_package(dest: Path, slug: str | None = None) -> Path:
    """Copy the valid fixture to dest, overlay the invalid fixture `slug`, refresh checksums; return the
    path of datapackage.json."""
    shutil.copytree(VALID, dest, dirs_exist_ok=True)
    meta = {}
    if slug:
        src = INVALID / slug
        meta = json.loads((src / "fixture.json").read_text(encoding="utf-8"))
        for path in src.rglob("*"):
            if path.is_file() and path.name != "fixture.json":
                target = dest / path.relative_to(src)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        for name in meta.get("delete", []):
            (dest / name).unlink()
        for link, target in meta.get("symlinks", {}).items():
            (dest / link).symlink_to(target)
    descriptor_path = dest / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return descriptor_path  # the invalid-json fixture: leave it as written
    apply_patch(descriptor, meta.get("patch", []))
    if not meta.get("keep_checksums"):
        for res in descriptor["resources"]:
            path = dest / str(res.get("path", ""))
            if (
                isinstance(res.get("path"), str)
                and path.is_file()
                and not path.is_symlink()
                and ".." not in res["path"]
                and path.resolve().is_relative_to(dest.resolve())
            ):
                res.update(file_facts(path.read_bytes()))
    descriptor_path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return descriptor_path


@pytest.fixture
def package(tmp_path):
    """A factory: package("slug") builds that invalid fixture; package() the valid one."""

    def make(slug: str | None = None) -> Path:
        return build_package(tmp_path / (slug or "valid"), slug)

    return make


def fixture_meta(slug: str) -> dict:
    return json.loads((INVALID / slug / "fixture.json").read_text(encoding="utf-8"))


def invalid_slugs() -> list[str]:
    return sorted(p.name for p in INVALID.iterdir() if (p / "fixture.json").is_file())
