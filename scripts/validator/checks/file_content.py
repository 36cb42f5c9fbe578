"""file-too-large, encoding-error, empty-file, no-rows, malformed-csv: each declared file is UTF-8 text of a
bounded size with a header and data rows, and reads exactly as CSV (the formatter's strict parse)."""

from __future__ import annotations

from spf.validator.catalogue import make_error
from spf.validator.tables import MAX_FILE_BYTES, Context, CsvProblem, Table

ERRORS = ["file-too-large", "encoding-error", "empty-file", "no-rows", "malformed-csv"]
FORKED = False
AFTER_OTHERS = False


def check(ctx: Context):
    for res in ctx.safe:
        name, path = res["name"], res["path"]
        size = (ctx.root / path).stat().st_size
        if size > MAX_FILE_BYTES:
            yield make_error("file-too-large", resource=name, path=path, value=f"{size:,}", note=f"{MAX_FILE_BYTES:,}")
            continue
        raw = (ctx.root / path).read_bytes()
        if not raw.strip():
            yield make_error("empty-file", resource=name, path=path)
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            byte = raw[exc.start : exc.start + 1].hex()
            yield make_error(
                "encoding-error",
                resource=name,
                path=path,
                row=line,
                note=f"byte 0x{byte} on line {line} is not valid UTF-8",
            )
            continue
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.strip("\r\n").count("\n"):  # a header line and nothing after it
            yield make_error("no-rows", resource=name, path=path)
            continue
        table = Table(name=name, path=path, descriptor=res, raw=raw, text=text)
        try:
            _ = table.records  # parsed now, so that no later check meets a file it cannot read
        except CsvProblem as exc:
            yield make_error("malformed-csv", resource=name, path=path, row=exc.line, note=exc.reason)
            continue
        ctx.tables[name] = table
        ctx.readable.append(res)
