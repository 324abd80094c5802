#!/usr/bin/env bash
# `npm test`: every test file, in two runs of Node's test runner.
# - The sample sites many files only read are built once, first (scripts/build-test-sites.ts), and handed
#   to the files in OPSNOTE_TEST_SAMPLE_SITE / OPSNOTE_TEST_BROWSER_SITE (tests/helpers/sample-site.ts).
# - Files outside tests/browser/ run several at a time (`--test-concurrency`): most of their time is spent
#   waiting on child builds and file I/O, so a 2-core machine runs three of them in the wall time of two.
#   Each file gets build caches of its own (tests/helpers/test-environment.mjs), so they cannot interfere.
#   The runner starts files in the order given: the slowest go first, so that the run does not end
#   waiting on one long file while the other cores are idle.
# - The browser tests run one at a time, after (also when the first run failed): Chromium's timings and
#   screenshots must not compete with builds for the CPU.
# Node 20's runner finds no .ts files by itself, so the shell lists them. Extra arguments go to both runs
# (e.g. `npm test -- --test-name-pattern=slug`).
set -euo pipefail
cd "$(dirname "$0")/.."

# Slowest first (summed test time per file in a whole run, scripts/test-file-times.mjs); the others
# follow in name order.
slow=(
  tests/hardening/cli-and-kill.test.ts
  tests/check/content-warnings-site.test.ts
  tests/hardening/bad-input.test.ts
  tests/cli/import.test.ts
  tests/check/check-cli.test.ts
  tests/cli/new-post.test.ts
  tests/hardening/symlink-loop.test.ts
  tests/markdown/render-cache-build.test.ts
  tests/markdown/client-assets.test.ts
  tests/cli/quiet-output.test.ts
  tests/site/time-zone.test.ts
  tests/hardening/concurrent-builds.test.ts
  tests/llms/llms-txt.test.ts
  tests/site/url-conflicts.test.ts
  tests/deploy/nginx.test.ts
  tests/markdown/languages-build.test.ts
  tests/static/published-files.test.ts
  tests/preview/front-matter-banner.test.ts
  tests/content/hugo-zola-pages-site.test.ts
  tests/site/path-prefix.test.ts
)
files=()
for file in "${slow[@]}"; do [[ -f $file ]] && files+=("$file"); done
while IFS= read -r file; do [[ " ${slow[*]} " == *" $file "* ]] || files+=("$file"); done < <(find tests -name '*.test.ts' -not -path 'tests/browser/*' | sort)

sites=$(mktemp -d "${TMPDIR:-/tmp}/opsnote-test-sites-XXXXXX")
trap 'rm -rf "$sites"' EXIT
# A production build with the default settings, whatever this shell's environment says (as buildInChild does).
if ! env -u OPSNOTE_DRAFTS -u ELEVENTY_RUN_MODE -u OPSNOTE_POSTS -u OPSNOTE_OUTPUT OPSNOTE_CACHE_DIR="$sites/.cache" \
  node --import tsx scripts/build-test-sites.ts "$sites" >"$sites/build.log" 2>&1; then
  cat "$sites/build.log" >&2
  echo "scripts/test.sh: the shared sample sites did not build" >&2
  exit 1
fi
export OPSNOTE_TEST_SAMPLE_SITE="$sites/sample" OPSNOTE_TEST_BROWSER_SITE="$sites/browser"

run=(node --import tsx --import ./tests/helpers/test-environment.mjs --test)
status=0
"${run[@]}" --test-concurrency="${OPSNOTE_TEST_CONCURRENCY:-3}" "$@" "${files[@]}" || status=$?
"${run[@]}" --test-concurrency=1 "$@" $(find tests/browser -name '*.test.ts' | sort) || status=$?
exit "$status"
