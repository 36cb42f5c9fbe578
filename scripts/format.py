"""Rewrite the package's CSV files in canonical form (sorted by key, LF, no stray spaces), never losing data.

    python scripts/format.py            # rewrite in place
    python scripts/format.py --check    # change nothing; exit 1 and list the files that would change
    python scripts/format.py --advise   # change nothing; show each change as a diff, exit 0 (pull requests)

Each file is read strictly (spf.canonical.strict_rows): a file that cannot be read exactly (not UTF-8, a
stray quote, a renamed or repeated column, a row with too many or too few cells) is refused with its name and
line, exit status 2, and nothing is written. Each rewrite is proved before it replaces the file: the new text
is written to a temporary file beside it, read back strictly, and must hold the same multiset of rows and
cells; only then does os.replace() put it in place. datapackage.json is never rewritten: checksums belong to
the release downloads, not to the working tree.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import os
import sys
import tempfile
from pathlib import Path

from spf.canonical import NotReadable, canonical_text, row_multiset, strict_rows, why_not_canonical
from spf.paths import DATAPACKAGE, OutsideRepository, inside, rel


class Refused(Exception):
    """A file that format.py will not rewrite; the message names the file and line."""


def formatted(descriptor_path: Path) -> dict[Path, tuple[bytes, bytes, list[dict]]]:
    """{path: (bytes on disk, canonical bytes, the rows read)} of every CSV that is not canonical. Refused when
    a file cannot be read exactly."""
    root = descriptor_path.parent
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    changes: dict[Path, tuple[bytes, bytes, list[dict]]] = {}
    for res in descriptor["resources"]:
        try:
            path = inside(root, res["path"])
        except OutsideRepository as exc:
            raise Refused(f"datapackage.json, resource {res.get('name')!r}: {exc}; use a path inside data/") from exc
        names = [f["name"] for f in res["schema"]["fields"]]
        raw = path.read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf") and _canonical(res, raw):
            continue  # the fast path: already exactly what canonical_text would write
        try:
            rows = strict_rows(raw, names)
        except NotReadable as exc:
            where = f"{rel(path, root)}, line {exc.line}" if exc.line else rel(path, root)
            raise Refused(f"{where}: {exc.reason}; fix it by hand (`make validate` explains)") from exc
        text = canonical_text(res, rows).encode("utf-8")
        if text != raw:
            changes[path] = (raw, text, rows)
    return changes


def _canonical(resource: dict, raw: bytes) -> bool:
    try:
        return why_not_canonical(resource, raw.decode("utf-8")) is None
    except (UnicodeDecodeError, csv.Error):
        return False


def replace_proved(path: Path, names: list[str], rows: list[dict], new: bytes) -> None:
    """Write `new` beside `path`, read it back, and replace `path` only if it holds exactly these rows and cells
    (read strictly from the file before)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(new)
        written = Path(tmp).read_bytes()
        if row_multiset(strict_rows(written, names)) != row_multiset(rows):
            raise Refused(f"{path.name}: the rewrite would change rows or cells; nothing was written")
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def advice(changes: dict[Path, tuple[bytes, bytes, list[dict]]], root: Path) -> str:
    """Markdown: each change `make format` would make, as a unified diff."""
    lines = [
        "## ℹ️ Files not in canonical order",
        "",
        "Nothing to do: after the pull request is merged, a bot runs `make format` on `main` and commits "
        "this change. To make it yourself, run `make format`.",
        "",
    ]
    for path, (old, new, _) in changes.items():
        name = rel(path, root)
        diff = difflib.unified_diff(
            old.decode("utf-8", "replace").splitlines(), new.decode().splitlines(), name, name, lineterm="", n=1
        )
        lines += [f"### `{name}`", "", "```diff", *diff, "```", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="report files that are not canonical; change nothing")
    mode.add_argument("--advise", action="store_true", help="show what would change as a diff; exit 0")
    parser.add_argument("--summary", type=Path, help="with --advise: also append the diff to this file")
    parser.add_argument("--package", type=Path, default=DATAPACKAGE)
    args = parser.parse_args(argv)
    descriptor_path = args.package.resolve()
    root = descriptor_path.parent
    try:
        changes = formatted(descriptor_path)
    except Refused as exc:
        print(f"format: refused, nothing was written. {exc}", file=sys.stderr)
        return 2
    except (OSError, ValueError, KeyError) as exc:
        print(f"format: cannot read the package ({exc}). Run `make validate` to see what is wrong.", file=sys.stderr)
        return 2
    if args.advise:
        if changes:
            report = advice(changes, root)
            print(report)
            if args.summary:
                with open(args.summary, "a", encoding="utf-8") as fh:
                    fh.write(report + "\n")
        else:
            print("Every CSV file is in canonical form.")
        return 0
    if args.check:
        for path in changes:
            print(f"would rewrite {rel(path, root)}")
        return 1 if changes else 0
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    fields = {inside(root, r["path"]): [f["name"] for f in r["schema"]["fields"]] for r in descriptor["resources"]}
    try:
        for path, (_, new, rows) in changes.items():
            replace_proved(path, fields[path], rows, new)
            print(f"rewrote {rel(path, root)}")
    except (Refused, NotReadable) as exc:
        print(f"format: refused. {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
