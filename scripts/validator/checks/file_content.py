"""encoding-error, empty-file, no-rows: each declared file is UTF-8 text with a header and data rows."""

from __future__ import annotations

from spf.validator.catalogue import make_error
from spf.validator.tables import Context, Table

ERRORS = ["encoding-error", "empty-file", "no-rows"]
FORKED = False
AFTER_OTHERS = False


def check(ctx: Context):
    for res in ctx.safe:
        name, path = res["name"], res["path"]
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
        ctx.tables[name] = Table(name=name, path=path, descriptor=res, raw=raw, text=text)
        ctx.readable.append(res)
