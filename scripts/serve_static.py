"""A small static file server for the built site on 127.0.0.1, with gzip like real hosts. Used by the tests
and the benchmark; `make serve` uses ProperDocs' live-reload server instead (scripts/serve.py).

    python scripts/serve_static.py [SITE_DIR] [--port 8000]
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
    """Static files; gzip for text types when the client accepts it; one hour of browser caching."""

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self):
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


def serve(directory: Path, port: int = 0):
    """Start serving `directory` in a thread; returns (server, base URL without trailing slash)."""
    directory.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(Handler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"

    from spf.paths import SITE

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", type=Path, default=SITE)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    srv, url = serve(args.site, args.port)
    print(f"Serving {args.site} on {url}/ (Ctrl-C to stop)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        srv.shutdown()
