#!/usr/bin/env bash
# The README's test command: sets everything up, builds both targets, runs every test.
#   native: doctest unit tests (CTest) and shader validation (glslangValidator)
#   sanitize: the same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   web: the app built with em++, driven in headless Chromium (Playwright)
#   (CTest also runs the report generator's checks and the engine against its ground truth)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export NODE_PATH=/usr/share/nodejs

step() { printf '\n=== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "native build and unit tests"
cmake --preset native >/dev/null
cmake --build --preset native
ctest --preset native

step "unit tests under ASan + UBSan"
cmake --preset sanitize >/dev/null
cmake --build --preset sanitize
ctest --preset sanitize -E 'generator|ground_truth|shader'   # the Python and GLSL checks ran above

step "web build and browser tests"
cmake --preset web >/dev/null
cmake --build --preset web
node --test tests/browser/
