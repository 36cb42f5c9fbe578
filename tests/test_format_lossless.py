"""`make format` runs unattended on main (the tidy workflow), so it must never lose data: a file it cannot read
exactly is refused (file and line named, exit 2, nothing written), and every rewrite keeps the multiset of rows
and cells. Seeded generators (fixed seeds, temp dirs) play many files and many corruptions."""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys

import pytest

from conftest import ROOT
from spf.canonical import NotReadable, row_multiset, strict_rows, why_not_canonical

FORMAT = ROOT / "scripts" / "format.py"
FIELDS = [
    {"name": "key", "type": "string"},
    {"name": "year", "type": "integer"},
    {"name": "text", "type": "string"},
]
RESOURCE = {"name": "things", "path": "data/things.csv", "schema": {"fields": FIELDS, "primaryKey": ["key", "year"]}}
NAMES = [f["name"] for f in FIELDS]
ALPHABET = "ab,\"; \t'éß€\n0123456789-."


def make_package(tmp_path, raw: bytes):
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "things.csv").write_bytes(raw)
    descriptor = tmp_path / "datapackage.json"
    descriptor.write_text(json.dumps({"name": "t", "resources": [RESOURCE]}), encoding="utf-8")
    return descriptor


def run_format(descriptor, *args):
    return subprocess.run(
        [sys.executable, str(FORMAT), "--package", str(descriptor), *args], capture_output=True, text=True, cwd="/"
    )


def random_file(rng: random.Random) -> tuple[bytes, list[dict]]:
    """A readable CSV of random rows (quotes, commas, newlines, spaces, non-ASCII), columns in a random order,
    LF or CRLF, with or without a final line ending."""
    order = rng.sample(NAMES, len(NAMES))
    rows = []
    for _ in range(rng.randint(0, 12)):
        row = {n: "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 8))) for n in NAMES}
        row["year"] = rng.choice(["", str(rng.randint(1990, 2030)), "x"])
        rows.append(row)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator=rng.choice(["\n", "\r\n"]), quoting=rng.choice([0, 1]))
    writer.writerow(order)
    writer.writerows([[r[n] for n in order] for r in rows])
    text = buf.getvalue()
    if rng.random() < 0.3:
        text = text.rstrip("\r\n")
    return text.encode("utf-8"), rows


@pytest.mark.parametrize("seed", range(40))
def test_format_keeps_every_row_and_cell(tmp_path, seed):
    rng = random.Random(seed)
    raw, rows = random_file(rng)
    descriptor = make_package(tmp_path, raw)
    result = run_format(descriptor)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "data" / "things.csv").read_bytes()
    assert row_multiset(strict_rows(written, NAMES)) == row_multiset(rows)
    assert why_not_canonical(RESOURCE, written.decode()) is None
    assert run_format(descriptor, "--check").returncode == 0  # and a second run changes nothing
    assert not list((tmp_path / "data").glob(".*.tmp"))


@pytest.mark.parametrize("seed", range(40))
def test_a_corrupted_file_is_refused_or_kept_whole(tmp_path, seed):
    """Random damage (a byte deleted, inserted or changed): format either refuses and writes nothing, or its
    output holds exactly the rows and cells a strict reading of the damaged file holds."""
    rng = random.Random(1000 + seed)
    raw, _ = random_file(rng)
    damaged = bytearray(raw)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(damaged) + 1)
        op = rng.choice(["delete", "insert", "change"])
        byte = rng.choice(b'",\n\r x\xff\xef')
        if op == "delete" and at < len(damaged):
            del damaged[at]
        elif op == "insert":
            damaged.insert(at, byte)
        elif at < len(damaged):
            damaged[at] = byte
    damaged = bytes(damaged)
    descriptor = make_package(tmp_path, damaged)
    result = run_format(descriptor)
    after = (tmp_path / "data" / "things.csv").read_bytes()
    if result.returncode == 2:
        assert after == damaged and "data/things.csv" in result.stderr and "nothing was written" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert row_multiset(strict_rows(after, NAMES)) == row_multiset(strict_rows(damaged, NAMES))


GOOD = b"key,year,text\nb,2020,two\na,2019,one\n"


@pytest.mark.parametrize(
    ("raw", "line", "words"),
    [
        (b'key,year,text\na,2019,"one\nb,2020,two\n', 2, "cannot be read exactly"),  # a quote never closed
        (b'key,year,text\na,2019,"one"x\n', 2, "cannot be read exactly"),  # text after a closing quote
        (b"key,yr,text\na,2019,one\n", 1, "header"),  # a renamed column
        (b"key,year,year\na,2019,one\n", 1, "header"),  # a repeated column
        (b"key,year,text\na,2019,one,extra\n", 2, "4 cells"),  # too many cells
        (b"key,year,text\na,2019\n", 2, "2 cells"),  # too few cells
        (b"key,year,text\na,2019,one\n\nb,2020,two\n", 3, "0 cells"),  # a blank line between rows
        (b"key,year,text\na,2019,caf\xe9\n", 2, "not UTF-8"),
    ],
)
def test_a_file_that_cannot_be_read_exactly_is_refused(tmp_path, raw, line, words):
    descriptor = make_package(tmp_path, raw)
    result = run_format(descriptor)
    assert result.returncode == 2
    assert f"data/things.csv, line {line}" in result.stderr and words in result.stderr
    assert (tmp_path / "data" / "things.csv").read_bytes() == raw
    assert run_format(descriptor, "--check").returncode == 2


def test_a_byte_order_mark_and_trailing_blank_lines_hold_no_data(tmp_path):
    descriptor = make_package(tmp_path, b"\xef\xbb\xbf" + GOOD + b"\n\n")
    assert run_format(descriptor).returncode == 0
    assert (tmp_path / "data" / "things.csv").read_bytes() == b"key,year,text\na,2019,one\nb,2020,two\n"


def test_a_rewrite_that_would_lose_a_row_is_not_written(tmp_path):
    from spf.format import Refused, replace_proved

    path = tmp_path / "things.csv"
    path.write_bytes(GOOD)
    with pytest.raises(Refused):
        replace_proved(path, NAMES, strict_rows(GOOD, NAMES), b"key,year,text\na,2019,one\n")
    assert path.read_bytes() == GOOD and list(tmp_path.iterdir()) == [path]
    with pytest.raises(NotReadable):
        strict_rows(b"", NAMES)


def test_advise_shows_the_fix_and_passes(tmp_path):
    descriptor = make_package(tmp_path, GOOD)
    summary = tmp_path / "summary.md"
    result = run_format(descriptor, "--advise", "--summary", str(summary))
    assert result.returncode == 0 and (tmp_path / "data" / "things.csv").read_bytes() == GOOD
    assert "-a,2019,one" in result.stdout and "+a,2019,one" in result.stdout  # the row moves up
    assert summary.read_text(encoding="utf-8") == result.stdout
