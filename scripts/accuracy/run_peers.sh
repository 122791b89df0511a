#!/usr/bin/env bash
# Recomputes fixtures/bench/peers/<case>.json with r_peers.R for every line of
# fixtures/bench/cases.tsv that has none yet (FORCE=1: all of them). A few minutes per case.
# Needs Debian's r-base-core, r-cran-forecast, r-cran-prophet and r-cran-jsonlite; R is a
# development tool, never needed by npm ci, npm start or npm test.
set -u
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../../fixtures/bench" && mkdir -p peers
tail -n +2 cases.tsv | while IFS=$'\t' read -r case file _source target freq _kind; do
  [ -s "peers/$case.json" ] && [ -z "${FORCE:-}" ] && continue
  TZ=UTC Rscript "$here/r_peers.R" "$file" "$target" "$freq" 20 > "peers/$case.json.tmp" 2>/dev/null \
    && mv "peers/$case.json.tmp" "peers/$case.json" && echo "$case done"
done
