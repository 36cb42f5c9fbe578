"""The whole site as one download to take offline: downloads/offline/spf-flagship-site.zip, which works when
unzipped and opened from disk (file://): every page in every language, the charts (static and interactive),
the data downloads, the JSON API and the feeds. Left out: the charts' PNG images (a third of the site's
bytes; every chart is drawn in its page and has its SVG) and the theme's JavaScript source maps. Search does
not work from disk: it needs a worker that browsers refuse to start there (the theme's shim is third-party).

The site links to folders (`../results/`), which a web server answers with their index.html; from disk they
would open a folder listing, so in the copy every relative link to a folder gets `index.html`. The zip is
written when the last language has been built (plugin.on_post_build), is deterministic (sorted entries,
the release's date as every timestamp) and is cached by the content of what it holds, so a build that
changes nothing reuses it.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import zipfile
from pathlib import Path

PATH = "downloads/offline/spf-flagship-site.zip"
# a relative link to a folder: href="../results/", href="./", href=".." (with an optional query or fragment)
FOLDER_LINK = re.compile(r'((?:href|src)=")((?:[^":#?/][^":#?]*)?/|\.|\.\.)([?#][^"]*)?"')


def rewrite(html: str) -> str:
    """The page with each relative link to a folder pointing at the folder's index.html."""

    def fix(m: re.Match) -> str:
        folder = m.group(2)
        target = "index.html" if folder in ("./", ".") else folder.rstrip("/") + "/index.html"
        return f'{m.group(1)}{target}{m.group(3) or ""}"'

    return FOLDER_LINK.sub(fix, html)


def members(site: Path) -> list[Path]:
    """The files of the copy, sorted: everything but chart PNGs, the theme's source maps and the copy itself."""
    out = []
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if not path.is_file() or rel.startswith("downloads/offline/"):
            continue
        if path.suffix == ".map" or (path.suffix == ".png" and "/downloads/charts/" in f"/{rel}"):
            continue
        out.append(path)
    return out


def make_zip(site: Path, files: list[Path], date: str) -> bytes:
    import io

    stamp = (int(date[:4]), int(date[5:7]), int(date[8:10]), 0, 0, 0)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in files:
            data = path.read_bytes()
            if path.suffix == ".html":
                data = rewrite(data.decode("utf-8")).encode("utf-8")
            info = zipfile.ZipInfo(path.relative_to(site).as_posix(), date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)
    return buf.getvalue()


def write(site: Path, date: str, cache_dir: Path | None) -> Path:
    """Write the offline copy of `site` into it, reusing the cached zip of identical content."""
    files = members(site)
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for path in files:
        digest.update(path.relative_to(site).as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    target = site / PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    cached = cache_dir / f"{digest.hexdigest()}.zip" if cache_dir else None
    if cached is not None and cached.is_file():
        shutil.copyfile(cached, target)
        return target
    target.write_bytes(make_zip(site, files, date))
    if cached is not None:
        shutil.rmtree(cache_dir, ignore_errors=True)  # one entry: the cache never grows
        cache_dir.mkdir(parents=True)
        shutil.copyfile(target, cached)
    return target
