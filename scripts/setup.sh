#!/usr/bin/env bash
# Installs everything Seller Health needs on Debian 12, idempotently: Debian packages,
# Dear ImGui from Debian's source package, and the pinned npm dev dependencies.
# A second run checks and returns in seconds. No registry host name is written here:
# sources are derived from the machine's own apt configuration.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
third_party="$root/third_party"
imgui_version="1.90.1"
imgui_debian_version="1.90.1+ds-1"

say() { printf '[setup] %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Debian packages ------------------------------------------------------------
packages=(
  build-essential cmake ninja-build pkg-config git xz-utils
  emscripten nlohmann-json3-dev doctest-dev
  glslang-tools chromium
  clang-14 libclang-rt-14-dev
  fonts-droid-fallback python3-fonttools python3
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  log="$(mktemp)"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 \
    || { cat "$log" >&2; exit 1; }
  rm -f "$log"
else
  say "Debian packages present"
fi

# --- Dear ImGui from Debian's source package (trixie) -------------------------------
if [ ! -f "$third_party/imgui/imgui.cpp" ] || [ ! -f "$third_party/imgui/backends/imgui_impl_glfw.cpp" ]; then
  src_list=/etc/apt/sources.list.d/seller-health-imgui-src.sources
  if [ ! -f "$src_list" ]; then
    say "adding a deb-src entry (suite trixie) derived from the machine's debian.sources"
    # First stanza of debian.sources, with Types → deb-src and Suites → trixie.
    awk 'BEGIN{RS="";ORS="\n\n"} NR==1{print; exit}' /etc/apt/sources.list.d/debian.sources \
      | sed -e 's/^Types:.*/Types: deb-src/' -e 's/^Suites:.*/Suites: trixie/' \
      | as_root tee "$src_list" >/dev/null
    as_root apt-get update -qq
  fi
  work="$(mktemp -d)"
  say "fetching imgui $imgui_debian_version source"
  chmod 755 "$work"  # apt's _apt user downloads into it
  (cd "$work" && apt-get source -qq --download-only "imgui=$imgui_debian_version" >/dev/null)
  orig="$(ls "$work"/imgui_*.orig.tar.* | head -n 1)"
  rm -rf "$third_party/imgui"
  mkdir -p "$third_party/imgui"
  tar -xf "$orig" -C "$third_party/imgui" --strip-components=1
  rm -rf "$work"
  grep -Eq "define IMGUI_VERSION +\"$imgui_version\"" "$third_party/imgui/imgui.h" \
    || { echo "unexpected imgui version in $third_party/imgui" >&2; exit 1; }
  say "imgui $imgui_version unpacked into third_party/imgui"
else
  say "imgui present"
fi

# --- npm dev dependencies (pinned by package-lock.json) -----------------------------
if [ ! -d "$root/node_modules/playwright-core" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing npm dev dependencies"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
else
  say "npm dependencies present"
fi
