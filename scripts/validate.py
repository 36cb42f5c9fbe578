"""Validate the data package and report every problem at once.

    python scripts/validate.py [--format text|json|github|markdown] [--package PATH]

Exit status: 0 when the package is valid (notices, such as a row out of canonical order, are shown but do not
count), 1 when it has errors, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spf.paths import DATAPACKAGE
from spf.validator import validate
from spf.validator.render import FORMATS, as_markdown, as_text, split


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate the SPF Flagship data package.")
    parser.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="text",
        help="text (default, coloured on a terminal), json (stable contract), github "
        "(workflow annotations) or markdown (a report for a PR comment or job summary)",
    )
    parser.add_argument("--package", type=Path, default=DATAPACKAGE, help="path to datapackage.json")
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--summary", type=Path, help="also append the markdown report to this file (CI job summary)")
    parser.add_argument("--guide-url", help="address of the published Validator errors page; markdown links to it")
    args = parser.parse_args(argv)

    findings = validate(args.package, notices=True)
    errors, _ = split(findings)
    if args.format == "text":
        report = as_text(findings, color=sys.stdout.isatty())
    elif args.format == "markdown":
        report = as_markdown(findings, args.guide_url)
    else:
        report = FORMATS[args.format](findings)
    print(report)
    if args.output:
        args.output.write_text(report + "\n", encoding="utf-8")
    if args.summary:
        with open(args.summary, "a", encoding="utf-8") as fh:
            fh.write(as_markdown(findings, args.guide_url) + "\n")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
