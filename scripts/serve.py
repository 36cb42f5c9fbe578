"""make serve: check the data, then ONE strict ProperDocs build, served with live reload; it says only what matters.

    python scripts/serve.py [--addr 127.0.0.1:8000]

The package is validated first: invalid data prints every error and serves nothing (exit 1). Then ProperDocs
builds the site once, in a temporary folder, and serves it; a change to anything mkdocs.yml watches (docs/,
data/, datapackage.json, scripts/, overrides/) rebuilds it and reloads the pages open in a browser.

What is printed: the build starting, warnings and errors, the watched folders and, on the last line, the
address; then one line per rebuild. ProperDocs' INFO chatter (the i18n plugin's lines, "Documentation built
in", each browser connecting) is left out, and the theme's end-of-life banner is not printed (it shows under
the `mkdocs` command only).

Live reload works under the site's content-security policy: ProperDocs writes its reload script inline into
every page, which the policy refuses (scripts only from the site, or the theme's by hash); here the page loads
it from the server instead (`/.livereload.js`).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys

import properdocs.replacement  # noqa: F401  before spf: every `mkdocs` import is ProperDocs'
from properdocs.commands import serve as properdocs_serve
from properdocs.exceptions import ProperDocsException
from properdocs.livereload import _SCRIPT_TEMPLATE, LiveReloadServer, _timestamp

from spf.paths import DATAPACKAGE, MKDOCS_YML
from spf.validator import validate
from spf.validator.render import as_text, split

SPOKEN = ("properdocs.commands.serve", "properdocs.livereload")  # their INFO lines: building, serving, reloading
QUIET = ("Browser connected",)


class Spoken(logging.Filter):
    """Warnings and errors from anywhere; INFO only from the server (building, watching, serving on, reloading)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno >= logging.WARNING:
            return True
        return record.name in SPOKEN and not any(q in record.getMessage() for q in QUIET)


def quiet_logging() -> None:
    """What ProperDocs' own command line sets up, with the filter above on the one handler."""
    logger = logging.getLogger("properdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    legacy = logging.getLogger("mkdocs")  # plugins that log under the old name
    legacy.parent, legacy.propagate = logger, True
    legacy.setLevel(logging.NOTSET)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    handler.addFilter(Spoken())
    logger.addHandler(handler)


class LiveReload(LiveReloadServer):
    """ProperDocs' server, with the reload script loaded from the server rather than written inline."""

    SCRIPT = "/.livereload.js"

    def _inject_js_into_html(self, content: bytes, epoch: int) -> bytes:
        end = content.rfind(b"</body>")
        end = len(content) if end < 0 else end
        tag = f'<script src="{self.SCRIPT}?{epoch}-{_timestamp()}"></script>'.encode()
        return content[:end] + tag + content[end:]

    def _serve_request(self, environ, start_response):
        if environ["PATH_INFO"] == self.SCRIPT:
            match = re.fullmatch(r"([0-9]+)-([0-9]+)", environ.get("QUERY_STRING", ""))
            if match:
                script = _SCRIPT_TEMPLATE.substitute(epoch=match[1], request_id=match[2]).encode()
                start_response("200 OK", [("Content-Type", "application/javascript")])
                return [script]
            return None  # not found
        return super()._serve_request(environ, start_response)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--addr", default="127.0.0.1:8000", help="host:port to serve on (default 127.0.0.1:8000)")
    args = parser.parse_args(argv)
    errors, _ = split(validate(DATAPACKAGE, notices=True))
    if errors:
        print(as_text(errors, color=sys.stdout.isatty()))
        print("\nThe data package is not valid: nothing is served. Fix the errors above and run `make serve` again.")
        return 1
    quiet_logging()
    properdocs_serve.LiveReloadServer = LiveReload
    try:
        properdocs_serve.serve(config_file=str(MKDOCS_YML), dev_addr=args.addr, strict=True)
    except ProperDocsException as error:
        print(f"The site could not be built or served: {error.format_message()}", file=sys.stderr)
        return 1
    except OSError as error:  # such as the address being in use
        print(f"Cannot serve on {args.addr}: {error.strerror or error}. Try: make serve PORT=8001", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
