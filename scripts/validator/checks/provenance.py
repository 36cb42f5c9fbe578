"""missing-provenance: every row that carries a figure names an existing source and a verification label.

A figure is a non-empty `value`, `amount` or `people_covered` cell. `people_covered` has its own source and
label (`people_source_id`, `people_verification`) because it often comes from another source than the row.
An unknown source id is reported too (where the schema's foreign key already caught it, the runner keeps
only the first error for that cell)."""

from __future__ import annotations

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["missing-provenance"]
FORKED = False
AFTER_OTHERS = False
LABELS = {"verified", "reported", "unverified"}
FIGURES = {
    "value": ("source_id", "verification"),
    "amount": ("source_id", "verification"),
    "people_covered": ("people_source_id", "people_verification"),
}


def check(ctx: Context):
    sources = ctx.table("sources")
    known = set(sources.column("source_id")) if sources else None
    for table in ctx.tables.values():
        for figure, (source_col, label_col) in FIGURES.items():
            if figure not in table.index:
                continue
            source_ids, labels = table.column(source_col), table.column(label_col)
            for i, cell in enumerate(table.column(figure)):
                if not cell.strip():
                    continue
                where = dict(path=table.path, resource=table.name, row=table.lines[i], note=figure)
                source = source_ids[i].strip()
                if source_col not in table.index:
                    yield make_error(
                        "missing-provenance", field=source_col, problem="is missing from the table", **where
                    )
                elif not source:
                    yield make_error("missing-provenance", field=source_col, problem="is empty", **where)
                elif known is not None and source not in known:
                    yield make_error(
                        "missing-provenance",
                        field=source_col,
                        problem=f'names "{source}", which is not in data/sources.csv',
                        **where,
                    )
                label = labels[i].strip()
                if label_col not in table.index:
                    yield make_error(
                        "missing-provenance", field=label_col, problem="is missing from the table", **where
                    )
                elif label not in LABELS:
                    problem = f'holds "{label}", which is not a label' if label else "is empty"
                    yield make_error("missing-provenance", field=label_col, problem=problem, **where)
