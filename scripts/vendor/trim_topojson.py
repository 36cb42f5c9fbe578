"""Drop the layers the site's maps never draw (rivers, lakes, subunits) from the vendored world topojson,
with the arcs only they used, so every map page downloads less. Run by build_plotly.sh after copying.

    python scripts/vendor/trim_topojson.py docs/assets/vendor/topojson/world_110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

KEEP = ("coastlines", "land", "ocean", "countries")


def _walk(arcs, visit):
    """Apply visit to every arc index in a (nested) arcs list, returning the rebuilt list."""
    if isinstance(arcs, int):
        return visit(arcs)
    return [_walk(a, visit) for a in arcs]


def trim(topo: dict) -> dict:
    objects = {k: v for k, v in topo["objects"].items() if k in KEEP}
    used: set[int] = set()
    for obj in objects.values():
        for geom in obj.get("geometries", []):
            _walk(geom.get("arcs", []), lambda i: used.add(i if i >= 0 else ~i))
    order = sorted(used)
    new = {old: n for n, old in enumerate(order)}
    for obj in objects.values():
        for geom in obj.get("geometries", []):
            if "arcs" in geom:
                geom["arcs"] = _walk(geom["arcs"], lambda i: new[i] if i >= 0 else ~new[~i])
    return {**topo, "objects": objects, "arcs": [topo["arcs"][i] for i in order]}


if __name__ == "__main__":
    path = Path(sys.argv[1])
    before = path.stat().st_size
    path.write_text(json.dumps(trim(json.loads(path.read_text())), separators=(",", ":")))
    print(f"{path}: {before} -> {path.stat().st_size} bytes")
