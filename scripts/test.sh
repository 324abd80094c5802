#!/usr/bin/env bash
# `npm test`: every test file, in two runs of Node's test runner.
# - Files outside tests/browser/ run several at a time (`--test-concurrency`): most of their time is spent
#   waiting on child builds and file I/O, so a 2-core machine runs three of them in the wall time of two.
#   Each file gets build caches of its own (tests/helpers/test-environment.mjs), so they cannot interfere.
# - The browser tests run one at a time, after: Chromium's timings and screenshots must not compete with
#   builds for the CPU.
# Node 20's runner finds no .ts files by itself, so the shell lists them. Extra arguments go to both runs
# (e.g. `npm test -- --test-name-pattern=slug`).
set -euo pipefail
cd "$(dirname "$0")/.."
run=(node --import tsx --import ./tests/helpers/test-environment.mjs --test)
"${run[@]}" --test-concurrency="${OPSNOTE_TEST_CONCURRENCY:-3}" "$@" $(find tests -name '*.test.ts' -not -path 'tests/browser/*' | sort)
"${run[@]}" --test-concurrency=1 "$@" $(find tests/browser -name '*.test.ts' | sort)
