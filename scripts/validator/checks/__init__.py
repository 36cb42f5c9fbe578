"""The validator's checks, in the order they run. Each module declares

- ERRORS: the slugs it can report (tests/test_validator_rules.py proves that together with tables.ERRORS,
  what loading the descriptor reports, they are exactly the catalogue's slugs);
- FORKED: whether it runs in a forked process while the others run (the slow frictionless check);
- AFTER_OTHERS: whether it runs once every other check has reported, and reads their errors in ctx.errors;
- check(ctx): yields catalogue errors, and never prints or raises on bad data;
- optionally prepare(ctx): what an AFTER_OTHERS check can work out in advance, while the forked checks run.

validate() (validator/__init__.py) reads these attributes; it never picks a check out by name."""

from spf.validator.checks import (
    canonical_form,
    catalogues,
    changelog_entry,
    descriptor_text,
    domain_rules,
    drawn_text,
    file_content,
    frictionless_schema,
    iso3,
    percentages,
    phase_window,
    pinned_schema,
    provenance,
    resource_names,
    resource_paths,
    stale_checksum,
    unsafe_text,
)

# File checks first, one after the other: the descriptor's text is read as contributed, then the pinned schemas
# replace the contributed ones, then the file checks decide which tables are safe to open at all.
FILE_CHECKS = [descriptor_text, pinned_schema, resource_names, resource_paths, file_content]
TABLE_CHECKS = [
    frictionless_schema,
    iso3,
    phase_window,
    percentages,
    unsafe_text,
    domain_rules,
    drawn_text,
    provenance,
    canonical_form,
    stale_checksum,
    catalogues,
    changelog_entry,
]
ALL = FILE_CHECKS + TABLE_CHECKS


def name(check) -> str:
    """A check's name in messages: its module's name in words."""
    return check.__name__.rsplit(".", 1)[-1].replace("_", " ")
