"""Parquet files of a release: one per resource, column types from its Table Schema, for DuckDB, Polars,
Arrow, pandas and R (arrow).

The rows are the ones downloads.typed_rows reads from the CSV (numbers typed, empty cells as null), so the
Parquet file holds exactly the CSV's rows in the CSV's order. Each field's Table Schema description and the
resource's title, licence and version are kept in the file's metadata. The file is deterministic: no
timestamp is written, so the same data and the pinned pyarrow give the same bytes (and checksum).
"""

from __future__ import annotations

import io
import json
from importlib.metadata import version

# part of the release cache key: another writer may write other bytes. pyarrow itself is imported only when a
# file is written (a build whose downloads come from the cache never loads it).
ENGINE = f"pyarrow {version('pyarrow')}"

# Table Schema type -> Arrow type name. Dates and years stay text where the schema says string; a field typed as
# a calendar date in a future schema would need a converter here before it could be listed.
ARROW_TYPES = {"integer": "int64", "number": "float64", "boolean": "bool_", "string": "string"}


def arrow_type(field: dict):
    import pyarrow as pa

    kind = field.get("type", "string")
    if kind not in ARROW_TYPES:
        raise ValueError(
            f"field {field.get('name')!r} has Table Schema type {kind!r}, which the Parquet release cannot write; "
            f"known types: {', '.join(ARROW_TYPES)}"
        )
    return getattr(pa, ARROW_TYPES[kind])()


def _column(values: list, kind):
    import pyarrow as pa

    if kind == pa.float64():
        values = [None if v is None else float(v) for v in values]
    elif kind == pa.bool_():
        values = [None if v is None else str(v).strip().lower() in ("true", "1", "yes") for v in values]
    return pa.array(values, type=kind)


def table_bytes(res: dict, header: list[str], rows: list[list], version: str) -> bytes:
    """The resource as one Parquet file (zstd)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = {f["name"]: f for f in res["schema"]["fields"]}
    schema_fields = []
    columns = []
    for i, name in enumerate(header):
        field = fields.get(name, {"name": name})
        kind = arrow_type(field)
        meta = {"description": field["description"]} if field.get("description") else None
        schema_fields.append(pa.field(name, kind, metadata=meta))
        columns.append(_column([r[i] for r in rows], kind))
    about = {
        "resource": res["name"],
        "title": res.get("title", ""),
        "version": version,
        "licence": "CC-BY-4.0",
        "source_csv": res["path"],
    }
    schema = pa.schema(schema_fields, metadata={"spf": json.dumps(about, ensure_ascii=False, sort_keys=True)})
    table = pa.Table.from_arrays(columns, schema=schema)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd", store_schema=True, write_statistics=True)
    return buf.getvalue()
