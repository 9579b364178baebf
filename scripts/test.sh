#!/usr/bin/env bash
# The README's test command: sets everything up, builds both targets, runs every test.
#   native: doctest unit tests (CTest) and shader validation (glslangValidator)
#   sanitize: the same unit tests under AddressSanitizer + UndefinedBehaviorSanitizer
#   web: the app built with em++, driven in headless Chromium (Playwright)
#   generator: the synthetic report generator's determinism and the engine's ground truth
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
ctest --preset sanitize

step "report generator and ground truth"
python3 tests/gen/test_generator.py
if [ -f tests/gen/check_truth.py ] && [ -x build/native/seller-health ]; then
  truth_dir="$(mktemp -d)"
  python3 tests/gen/generate_reports.py --orders 100000 --seed 7 --out "$truth_dir" >/dev/null
  python3 tests/gen/check_truth.py --cli build/native/seller-health "$truth_dir"
  rm -rf "$truth_dir"
fi

step "web build and browser tests"
cmake --preset web >/dev/null
cmake --build --preset web
node --test tests/browser/
