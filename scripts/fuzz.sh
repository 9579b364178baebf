#!/usr/bin/env bash
# The fuzz command (tests/fuzz/README.md): builds every libFuzzer target of tests/fuzz with
# clang-14 under ASan + UBSan and runs each for SECONDS_PER_TARGET (default 60).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     e.g. scripts/fuzz.sh 30 reader dates
# New corpus entries go to build/fuzz/corpus/<target>/ (seeded from tests/fuzz/corpus/<target>/);
# a crash is written to build/fuzz/crashes/<target>/ and the script exits 1 after all targets ran.
# Keep a fixed crash's input in tests/fuzz/regressions/<target>/: CTest replays it.
# Environment: SH_FUZZ_BUILD (build directory, default build/fuzz), SH_FUZZ_JOBS (build -j, default 2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-60}"
shift || true
build="${SH_FUZZ_BUILD:-build/fuzz}"
jobs="${SH_FUZZ_JOBS:-2}"

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for src in tests/fuzz/fuzz_*.cpp; do
    name="$(basename "$src" .cpp)"
    targets+=("${name#fuzz_}")
  done
fi

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER=clang++-14 -DSH_FUZZ=ON >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
cmake --build "$build" -j "$jobs" --target "${build_targets[@]}"

failed=()
for t in "${targets[@]}"; do
  corpus="$build/corpus/$t"
  crashes="$build/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  max_len=65536
  case "$t" in dates) max_len=256 ;; feedback) max_len=8192 ;; reader) max_len=16384 ;; esac
  printf '\n=== fuzz_%s for %ss\n' "$t" "$seconds"
  seeds=()
  [ -d "tests/fuzz/corpus/$t" ] && seeds+=("tests/fuzz/corpus/$t")
  [ -d "tests/fuzz/regressions/$t" ] && seeds+=("tests/fuzz/regressions/$t")
  if ! "$build/fuzz_$t" -max_total_time="$seconds" -max_len="$max_len" -timeout=20 \
         -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$crashes/" \
         "$corpus" "${seeds[@]}" 2>"$build/fuzz_$t.log"; then
    failed+=("$t")
    tail -n 40 "$build/fuzz_$t.log"
  else
    grep -E '^(stat::number_of_executed_units|Done)' "$build/fuzz_$t.log" || tail -n 3 "$build/fuzz_$t.log"
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nfuzz: crashes in %s (inputs under %s/crashes/)\n' "${failed[*]}" "$build"
  exit 1
fi
printf '\nfuzz: %s target(s), %ss each, no crash\n' "${#targets[@]}" "$seconds"
