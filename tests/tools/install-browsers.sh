#!/usr/bin/env bash
# Makes sure the Debian browsers DeskLink's demo and tests drive are present (no browser
# downloads work here: Playwright's and Puppeteer's own browsers are never used).
# Usage: install-browsers.sh chromium [firefox-esr]. Installs what is missing with apt-get
# (as root, or through sudo), with openssl for the sandbox's certificate and fonts-noto-cjk for
# Japanese in screenshots; honours
# CHROMIUM_PATH / FIREFOX_PATH (a custom path is never installed over, only checked).
set -euo pipefail

missing=()
for browser in "$@"; do
  case "$browser" in
    chromium) custom="${CHROMIUM_PATH:-}" default=/usr/bin/chromium ;;
    firefox-esr) custom="${FIREFOX_PATH:-}" default=/usr/bin/firefox-esr ;;
    *) echo "install-browsers: unknown browser '$browser'" >&2; exit 2 ;;
  esac
  if [[ -n "$custom" ]]; then
    [[ -x "$custom" ]] || { echo "install-browsers: $custom (from the environment) is not an executable $browser" >&2; exit 1; }
  elif [[ ! -x "$default" ]]; then
    missing+=("$browser")
  fi
done
command -v openssl >/dev/null || missing+=(openssl)
# Japanese text (the options page and panel in 日本語) renders in screenshots only with a CJK font.
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
((${#missing[@]})) || exit 0

if ! command -v apt-get >/dev/null; then
  echo "install-browsers: missing ${missing[*]} and no apt-get here: install them (or set CHROMIUM_PATH / FIREFOX_PATH)" >&2
  exit 1
fi
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-browsers: missing ${missing[*]}: run as root or install them" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "install-browsers: installing ${missing[*]} (Debian packages)"
# `env` after sudo: sudo resets the environment, so DEBIAN_FRONTEND set before it is lost.
# The browsers' Depends bring their runtime libraries and a Latin font (fontconfig → fonts-dejavu-core);
# fonts-noto-cjk adds the Japanese glyphs.
"${sudo_cmd[@]}" apt-get update
"${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
