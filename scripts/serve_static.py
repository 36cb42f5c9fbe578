"""A small static file server for the built site on 127.0.0.1 that behaves like the host the site is
published on (GitHub Pages): the site under a path (`/REPO/` for a project site), gzip for text, and the
site's own 404.html, with status 404, for any address that has no file (outside the path too). Used by the
tests and the benchmark; `make serve` uses ProperDocs' live-reload server instead
(scripts/serve.py).

    python scripts/serve_static.py [SITE_DIR] [--port 8000] [--path /REPO/]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import threading
from pathlib import Path

COMPRESSIBLE = {".html", ".js", ".css", ".json", ".csv", ".svg", ".xml", ".txt"}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Static files under `prefix`; gzip for text types when the client accepts it; one hour of browser
    caching; the site's 404.html for a missing file."""

    prefix = "/"

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        """Only addresses below the published path map to files of the site."""
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-published-path")
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
        if self.path.split("?")[0] + "/" == self.prefix:  # /REPO -> /REPO/, as the host does
            self.send_response(301)
            self.send_header("Location", self.prefix)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            "gzip" not in self.headers.get("Accept-Encoding", "")
            or path.suffix not in COMPRESSIBLE
            or not path.is_file()
        ):
            return super().send_head()
        if self.path.split("?")[0].endswith("/") is False and path.name == "index.html":
            return super().send_head()  # let the base class redirect /dir to /dir/
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, port: int = 0, path: str = "/"):
    """Start serving `directory` under `path` ('/' or '/REPO/') in a thread; returns (server, the site's base
    URL without trailing slash)."""
    directory.mkdir(parents=True, exist_ok=True)
    prefix = "/" + path.strip("/") + "/" if path.strip("/") else "/"
    handler = functools.partial(type("SiteHandler", (Handler,), {"prefix": prefix}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"

    from spf.paths import SITE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=SITE)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--path", default="/", help="the published path, e.g. /REPO/ (default /)")
    args = parser.parse_args()
    srv, url = serve(args.site, args.port, args.path)
    print(f"Serving {args.site} on {url}/ (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.shutdown()
