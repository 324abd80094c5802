#!/usr/bin/env bash
# `npm test`: every test file, in one run of Node's test runner.
# - The test files and the commands they start (`build`, `check`, `preview`, …) run from one esbuild
#   bundle of the same source, made as `npm run build`'s own (src/cli/bundle.mjs, about two seconds): on
#   Node 20, tsx's loader hooks cost 40% of a small test file's CPU and half of a small child build's.
#   `npm start` and `npm run …` inside the tests run from it too (OPSNOTE_TEST_BUNDLE, src/cli/launch.mjs).
#   Run one file with tsx: `node --import tsx --import ./tests/helpers/test-environment.mjs --test tests/x/y.test.ts`.
# - The sample sites many files only read are built once, first (scripts/build-test-sites.ts), and handed
#   to the files in OPSNOTE_TEST_SAMPLE_SITE / OPSNOTE_TEST_BROWSER_SITE (tests/helpers/sample-site.ts).
# - The files run four at a time (`--test-concurrency`); sampled, both cores of a 2-core machine stay busy
#   from the first seconds to the last. Each file's process gets build caches and temporary folders of
#   its own (tests/helpers/test-environment.mjs), so files cannot interfere.
#   Node 20's runner starts them in path order, so scripts/test-bundle.mjs names them in the order it
#   wants (runOrder): the browser files (the longest) early, so the run does not end waiting on one of
#   them, but spread out, so the other slots keep both cores busy. The browser tests assert no
#   timings: builds beside them slow them down but cannot fail them.
# - Test files that start no process and change nothing a process shares (they call functions, read
#   files, build sites in the process) share a process, a group of them per process
#   (scripts/test-bundle.mjs, planProcesses): a process of their own cost more CPU than their tests.
# Node 20's runner finds no .ts files by itself, so the shell lists them. Extra arguments go to the runner
# (e.g. `npm test -- --test-name-pattern=slug`).
set -euo pipefail
cd "$(dirname "$0")/.."

mapfile -t files < <(find tests -name '*.test.ts' | sort)

sites=$(mktemp -d "${TMPDIR:-/tmp}/opsnote-test-sites-XXXXXX")
# Inside the repository (.cache/ is ignored by git): Node resolves the bundle's packages from its folder.
mkdir -p .cache
bundle=$(mktemp -d "$PWD/.cache/test-bundle-XXXXXX")
trap 'rm -rf "$sites" "$bundle"' EXIT
# It also lists the files to hand the runner in "$bundle/test-files.txt": each test file that needs a process
# of its own, and a few files that each run a group of the rest in one process (see planProcesses there).
node scripts/test-bundle.mjs "$bundle" "${files[@]}"
export OPSNOTE_TEST_BUNDLE="$bundle"
# What src/cli/skip-esm-resolver.ts does for `npm run build` and `npm start`: in the bundle, Eleventy's
# import is hoisted above that module's code, so it is set here for every test file and command.
export ELEVENTY_SKIP_ESM_RESOLVER=1

# A production build with the default settings, whatever this shell's environment says (as buildInChild does).
if ! env -u OPSNOTE_DRAFTS -u ELEVENTY_RUN_MODE -u OPSNOTE_POSTS -u OPSNOTE_OUTPUT OPSNOTE_CACHE_DIR="$sites/.cache" \
  node "$bundle/scripts/build-test-sites.mjs" "$sites" >"$sites/build.log" 2>&1; then
  cat "$sites/build.log" >&2
  echo "scripts/test.sh: the shared sample sites did not build" >&2
  exit 1
fi
export OPSNOTE_TEST_SAMPLE_SITE="$sites/sample" OPSNOTE_TEST_BROWSER_SITE="$sites/browser"

run=(node --import ./tests/helpers/test-environment.mjs --enable-source-maps --test)
# --test-timeout: on Node 20's runner, a limit per test file. The longest file takes under a minute on
# a busy 2-core machine; a file whose process does not end (a browser left open once kept a run going
# for 15 minutes) fails after 10 minutes, named, instead of holding the run until CI's limit.
mapfile -t bundled < "$bundle/test-files.txt"
"${run[@]}" --test-concurrency="${OPSNOTE_TEST_CONCURRENCY:-4}" --test-timeout=600000 "$@" "${bundled[@]}"
