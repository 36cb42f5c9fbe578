"""Write plotly.js's own style rules as a stylesheet (docs/assets/vendor/plotly/plotly.css), so that the site's
content-security policy can refuse inline <style> elements: charts.js marks the <link> that loads this file
with plotly.js's id and the class `no-inline-styles`, and plotly.js then inserts no <style> of its own.

The rules are read from the vendored bundle (plotly.js's src/css/_*.scss, compiled into one object literal
keyed by selectors in which X stands for `.js-plotly-plot .plotly` and Y for `.plotly-notifier`).
Run by scripts/vendor/build_plotly.sh after each upgrade:  python3 scripts/vendor/plotly_css.py
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent.parent / "docs" / "assets" / "vendor" / "plotly"
RULES = re.compile(r'\{"X,X div":.*?\}(?=;for\()', re.S)


def css(bundle: str) -> str:
    found = RULES.search(bundle)
    if found is None:
        sys.exit("plotly_css.py: the style rules were not found in the bundle (did plotly.js change?)")
    # a JavaScript object literal of strings: node (which build_plotly.sh needs anyway) turns it into JSON
    out = subprocess.run(
        [
            "node",
            "-e",
            "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.stringify(eval('('+s+')'))))",
        ],
        input=found.group(0),
        capture_output=True,
        text=True,
        check=True,
    )
    rules = json.loads(out.stdout)
    lines = ["/* plotly.js's own style rules (scripts/vendor/plotly_css.py); plotly.js licence: LICENSE */"]
    for selector, body in rules.items():
        full = re.sub(r"^,", " ,", selector).replace("X", ".js-plotly-plot .plotly").replace("Y", ".plotly-notifier")
        lines.append(f"{full}{{{body}}}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    text = css((VENDOR / "plotly-basic.min.js").read_text(encoding="utf-8"))
    (VENDOR / "plotly.css").write_text(text, encoding="utf-8")
    print(f"wrote {VENDOR / 'plotly.css'} ({text.count(chr(10)) - 1} rules)")
