"""Say in plain words what changed in the data package between a git ref and the working tree.

    python scripts/diff.py [BASE_REF] [--format text|markdown] [--repo DIR]

Per resource: rows added, removed and changed (which fields, old -> new), matched by primary key; resources
and columns added or removed; and what the change does to the headline figures. BASE_REF defaults to
origin/main, or main when there is no remote. Exit status 0 (also when there are changes), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from spf.paths import ROOT, OutsideRepository, inside

SHOW = 15  # rows listed per kind of change before "and N more"
LABEL_FIELDS = ("label", "name", "description", "title", "area_name")


@dataclass
class ResourceDiff:
    name: str
    added: list[dict] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    changed: list[tuple[dict, dict, list[str]]] = field(default_factory=list)
    columns_added: list[str] = field(default_factory=list)
    columns_removed: list[str] = field(default_factory=list)
    status: str = "changed"  # changed | new | deleted
    key: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.status == "changed" and not (
            self.added or self.removed or self.changed or self.columns_added or self.columns_removed
        )


def git_show(repo: Path, ref: str, path: str) -> str | None:
    result = subprocess.run(["git", "-C", str(repo), "show", f"{ref}:{path}"], capture_output=True)
    return result.stdout.decode("utf-8") if result.returncode == 0 else None


def rows_of(text: str | None) -> tuple[list[str], list[dict]]:
    if not text:
        return [], []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    return list(reader.fieldnames or []), list(reader)


def key_of(res: dict) -> list[str]:
    pk = res.get("schema", {}).get("primaryKey") or [f["name"] for f in res.get("schema", {}).get("fields", [])]
    return [pk] if isinstance(pk, str) else pk


def compare(res_old: dict | None, res_new: dict | None, old_text: str | None, new_text: str | None) -> ResourceDiff:
    res = res_new or res_old
    diff = ResourceDiff(res["name"], status="new" if res_old is None else "deleted" if res_new is None else "changed")
    old_cols, old_rows = rows_of(old_text)
    new_cols, new_rows = rows_of(new_text)
    diff.columns_added = [c for c in new_cols if c not in old_cols] if old_cols else []
    diff.columns_removed = [c for c in old_cols if c not in new_cols] if new_cols else []
    key = diff.key = key_of(res)
    old = {tuple(r.get(k, "") for k in key): r for r in old_rows}
    new = {tuple(r.get(k, "") for k in key): r for r in new_rows}
    diff.added = [new[k] for k in new if k not in old]
    diff.removed = [old[k] for k in old if k not in new]
    for k in new:
        if k in old:
            fields = [c for c in new_cols if c in old_cols and old[k].get(c, "") != new[k].get(c, "")]
            if fields:
                diff.changed.append((old[k], new[k], fields))
    return diff


def describe(row: dict, key: list[str]) -> str:
    ident = ", ".join(row.get(k, "") for k in key)
    label = next((row[f] for f in LABEL_FIELDS if row.get(f)), "")
    return f"{ident}" + (f" ({label[:80]})" if label else "")


def package_diff(repo: Path, base: str) -> list[ResourceDiff]:
    old_desc = json.loads(git_show(repo, base, "datapackage.json") or '{"resources": []}')
    new_desc = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))
    old_res = {r["name"]: r for r in old_desc.get("resources", [])}
    new_res = {r["name"]: r for r in new_desc.get("resources", [])}
    diffs = []
    for name in list(new_res) + [n for n in old_res if n not in new_res]:
        o, n = old_res.get(name), new_res.get(name)
        old_text = git_show(repo, base, inside(repo, o["path"]).relative_to(repo.resolve()).as_posix()) if o else None
        new_path = inside(repo, n["path"]) if n else None
        new_text = new_path.read_text(encoding="utf-8") if new_path and new_path.is_file() else None
        diffs.append(compare(o, n, old_text, new_text))
    return diffs


def headline_effects(diffs: list[ResourceDiff]) -> list[str]:
    out = []
    for d in diffs:
        if d.name == "headline_figures":
            for row in d.added:
                out.append(
                    f"New headline figure: {row.get('label')} = {row.get('value')} {row.get('unit')} "
                    f"({row.get('period')}, {row.get('verification')})."
                )
            for old, new, fields in d.changed:
                if {"value", "verification", "qualifier"} & set(fields):
                    out.append(
                        f"{new.get('label')} ({new.get('period')}): {old.get('value')} {old.get('unit')} "
                        f"({old.get('verification')}) -> {new.get('value')} {new.get('unit')} "
                        f"({new.get('verification')})."
                    )
            for row in d.removed:
                out.append(f"Headline figure removed: {row.get('label')} ({row.get('period')}).")
        elif d.name == "institutional_changes" and (d.added or d.removed):
            out.append(f"Documented institutional changes: {len(d.added)} added, {len(d.removed)} removed.")
    return out


def render(diffs: list[ResourceDiff], base: str, markdown: bool) -> str:
    h2, h3, bullet = ("## ", "### ", "- ") if markdown else ("", "", "  - ")
    changed = [d for d in diffs if not d.empty]
    lines = [f"{h2}Data changes compared with {base}", ""]
    if not changed:
        return "\n".join(lines + ["No data changed."]) + "\n"
    for d in changed:
        key = d.key
        summary = {"new": "new resource", "deleted": "resource deleted"}.get(
            d.status, f"{len(d.added)} rows added, {len(d.removed)} removed, {len(d.changed)} changed"
        )
        lines.append(f"{h3}{d.name}: {summary}")
        if d.columns_added or d.columns_removed:
            lines.append(
                f"{bullet}columns added: {', '.join(d.columns_added) or 'none'}; removed: "
                f"{', '.join(d.columns_removed) or 'none'}"
            )
        for kind, rows in (("added", d.added), ("removed", d.removed)):
            for row in rows[:SHOW]:
                lines.append(f"{bullet}{kind}: {describe(row, key)}")
            if len(rows) > SHOW:
                lines.append(f"{bullet}... and {len(rows) - SHOW} more {kind}")
        for old, new, fields in d.changed[:SHOW]:
            parts = "; ".join(f"{f}: '{old.get(f, '')}' -> '{new.get(f, '')}'" for f in fields)
            lines.append(f"{bullet}changed {describe(new, key)}: {parts}")
        if len(d.changed) > SHOW:
            lines.append(f"{bullet}... and {len(d.changed) - SHOW} more changed")
        lines.append("")
    effects = headline_effects(changed)
    lines.append(f"{h3}Effect on the headline figures")
    lines += [f"{bullet}{e}" for e in effects] or [f"{bullet}none"]
    return "\n".join(lines) + "\n"


def default_base(repo: Path) -> str:
    for ref in ("origin/main", "main"):
        if (
            subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "-q", ref], capture_output=True).returncode
            == 0
        ):
            return ref
    return "HEAD"


def schema_changes(repo: Path, markdown: bool) -> str:
    """Lines for the changes to the pinned structure and schemas (validator/pinning.py): they need a
    maintainer, whatever the data diff says."""
    from spf.validator import pinning

    try:
        descriptor = json.loads((repo / "datapackage.json").read_text(encoding="utf-8"))
        found = pinning.differences(pinning.load(), descriptor)
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return ""  # an unreadable datapackage.json: the validator reports it
    if not found:
        return ""
    h3, bullet = ("### ", "- ") if markdown else ("", "  - ")
    lines = [f"{h3}Needs a maintainer: changes to the pinned schemas ({len(found)})"]
    lines += [f"{bullet}schema-changed: {what}" for _, _, what in found]
    return "\n" + "\n".join(lines) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Plain-language diff of the data package against a git ref.")
    parser.add_argument("base", nargs="?", help="git ref to compare with (default origin/main or main)")
    parser.add_argument("--format", choices=["text", "markdown"], default="text")
    parser.add_argument("--repo", type=Path, default=ROOT)
    parser.add_argument("--output", type=Path, help="also append the report to this file (e.g. the job summary)")
    args = parser.parse_args(argv)
    base = args.base or default_base(args.repo)
    check = subprocess.run(
        ["git", "-C", str(args.repo), "rev-parse", "--verify", "-q", base + "^{commit}"], capture_output=True
    )
    if check.returncode != 0:
        print(
            f"diff: '{base}' is not a commit in {args.repo}. Fetch it first (git fetch origin main).", file=sys.stderr
        )
        return 2
    try:
        diffs = package_diff(args.repo, base)
    except OutsideRepository as exc:
        print(f"diff: datapackage.json ({base} or the working tree): {exc}. Nothing was read.", file=sys.stderr)
        return 2
    report = render(diffs, base, args.format == "markdown")
    report += schema_changes(args.repo, args.format == "markdown")
    print(report, end="")
    if args.output:
        with open(args.output, "a", encoding="utf-8") as fh:
            fh.write(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
