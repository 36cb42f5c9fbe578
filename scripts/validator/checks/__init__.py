"""The validator's checks, in the order they run. Each module has ERRORS (the slugs it can report) and
check(ctx), which yields catalogue errors and never prints or raises on bad data."""

from spf.validator.checks import (
    canonical_form,
    file_content,
    frictionless_schema,
    iso3,
    percentages,
    phase_window,
    provenance,
    resource_paths,
    stale_checksum,
    unsafe_text,
)

# File checks first: they decide which tables are safe to open at all.
FILE_CHECKS = [resource_paths, file_content]
TABLE_CHECKS = [
    frictionless_schema,
    iso3,
    phase_window,
    percentages,
    unsafe_text,
    provenance,
    canonical_form,
    stale_checksum,
]
ALL = FILE_CHECKS + TABLE_CHECKS
