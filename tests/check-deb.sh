#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian packages (TAP): built from this source tree without their own test run (the suites
# run here anyway), or taken from $BANGFU_DEB_DIR when it names a folder that holds them (for
# example _build-deb/ after build-aux/dev package). Their contents and dependencies, lintian, and
# the programs unpacked into a scratch root running from there with no Bangfu variable.
# Skipped where dpkg-buildpackage or the build dependencies are missing.
# Usage: check-deb.sh SOURCE_ROOT VERSION
set -u
top=$1
version=$2
n=0
status=0

ok() {
  n=$((n + 1))
  echo "ok $n - $1"
}
not_ok() {
  n=$((n + 1))
  status=1
  echo "not ok $n - $1"
  shift
  local line
  for line in "$@"; do echo "# $line"; done
}
check() {
  local description=$1
  shift
  if [ $# -eq 0 ]; then ok "$description"; else not_ok "$description" "$@"; fi
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
debs=${BANGFU_DEB_DIR:-}
if [ -n "$debs" ] && [ -f "$debs/bangfu_${version}_$(dpkg --print-architecture 2>/dev/null).deb" ]; then
  echo "1..6"
  ok "packages taken from $debs"
else
  if ! command -v dpkg-buildpackage >/dev/null; then
    echo "1..0 # SKIP dpkg-buildpackage is missing (build-aux/dev package installs it)"
    exit 0
  fi
  if ! missing=$(cd "$top" && dpkg-checkbuilddeps -B 2>&1); then
    echo "1..0 # SKIP ${missing//$'\n'/ }"
    exit 0
  fi
  echo "1..6"
  debs=$work/out
  if DEB_BUILD_OPTIONS="nocheck ${DEB_BUILD_OPTIONS:-}" "$top/build-aux/build-deb.sh" "$debs" \
    >"$work/build.log" 2>&1; then
    ok "dpkg-buildpackage -b builds bangfu and bangfu-cli"
  else
    mapfile -t log < <(tail -n 20 "$work/build.log")
    not_ok "dpkg-buildpackage -b builds bangfu and bangfu-cli" "${log[@]}"
    exit 1
  fi
fi
arch=$(dpkg --print-architecture)
app=$debs/bangfu_${version}_$arch.deb
cli=$debs/bangfu-cli_${version}_$arch.deb

# contents DEB PATH... : the paths missing from the package, one a line.
missing_from() {
  local deb=$1 path
  shift
  local listing
  listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
  for path in "$@"; do
    grep -qx "./$path" <<<"$listing" || echo "$(basename "$deb") lacks $path"
  done
}

id=io.github.bangfu.Bangfu
icons=()
for size in 16 24 32 48 64 128 256 512; do
  icons+=("usr/share/icons/hicolor/${size}x$size/apps/$id.png")
done
mapfile -t problems < <(missing_from "$app" usr/bin/bangfu "usr/share/applications/$id.desktop" \
  "usr/share/metainfo/$id.metainfo.xml" "usr/share/glib-2.0/schemas/$id.gschema.xml" \
  "usr/share/mime/packages/$id.mime.xml" "usr/share/icons/hicolor/scalable/apps/$id.svg" \
  "usr/share/icons/hicolor/symbolic/apps/$id-symbolic.svg" "${icons[@]}" \
  usr/share/man/man1/bangfu.1.gz usr/share/doc/bangfu/copyright)
if dpkg-deb -c "$app" | grep -q gschemas.compiled; then
  problems+=("bangfu ships a compiled schema (the system's trigger compiles them)")
fi
check "dpkg-deb -c: bangfu holds the application, its data and icons" "${problems[@]}"

mapfile -t problems < <(missing_from "$cli" usr/bin/bangfu-cli \
  usr/share/locale/zh_CN/LC_MESSAGES/bangfu.mo usr/share/man/man1/bangfu-cli.1.gz \
  usr/share/bash-completion/completions/bangfu-cli usr/share/doc/bangfu-cli/copyright)
if dpkg-deb -c "$cli" | grep -q "usr/bin/bangfu$"; then
  problems+=("bangfu-cli ships the application")
fi
check "dpkg-deb -c: bangfu-cli holds the tool, its manual, completion and the translations" \
  "${problems[@]}"

# The layers show in the dependencies: the tool links no GTK; the application needs the tool's
# translations at exactly its version.
app_depends=$(dpkg-deb -f "$app" Depends)
cli_depends=$(dpkg-deb -f "$cli" Depends)
problems=()
[[ $app_depends == *"bangfu-cli (= $version)"* ]] || problems+=("bangfu: Depends: $app_depends")
[[ $app_depends == *libgtk-4-1* && $app_depends == *libadwaita-1-0* ]] ||
  problems+=("bangfu does not depend on GTK 4 and libadwaita: $app_depends")
[[ $cli_depends != *libgtk* && $cli_depends != *libadwaita* ]] ||
  problems+=("bangfu-cli depends on GTK: $cli_depends")
[[ $cli_depends == *fonts-noto-cjk* && $cli_depends == *fonts-wqy-microhei* ]] ||
  problems+=("bangfu-cli does not depend on the CJK fonts its PDFs use: $cli_depends")
check "the dependencies: GTK for bangfu only, bangfu-cli at the same version" "${problems[@]}"

if command -v lintian >/dev/null; then
  if out=$(lintian --fail-on error --tag-display-limit 0 "$app" "$cli" 2>&1); then
    ok "lintian finds no error"
  else
    mapfile -t log <<<"$out"
    not_ok "lintian finds no error" "${log[@]}"
  fi
else
  ok "lintian finds no error # SKIP lintian is missing"
fi

# Unpacked into a scratch root, as dpkg would lay them out, and the schemas compiled as the
# trigger of libglib2.0-0 does: the programs find their data beside them.
root=$work/root
dpkg-deb -x "$app" "$root" && dpkg-deb -x "$cli" "$root" &&
  glib-compile-schemas "$root/usr/share/glib-2.0/schemas"
home=$work/home
mkdir -p "$home"
clean=(env -u GSETTINGS_SCHEMA_DIR -u BANGFU_LOCALEDIR -u BANGFU_DB -u LANGUAGE -u LC_ALL
  -u LC_MESSAGES HOME="$home" XDG_DATA_DIRS=/usr/share GSETTINGS_BACKEND=memory LANG=C.UTF-8)
problems=()
out=$("${clean[@]}" "$root/usr/bin/bangfu-cli" --version 2>&1)
[ "$out" = "bangfu-cli $version" ] || problems+=("--version: $out")
out=$("${clean[@]}" "$root/usr/bin/bangfu-cli" --db "$home/t.bangfu" init --county 测试县 \
  --township 测试镇 --villages 甲村,乙村 2>&1) || problems+=("init: $out")
out=$("${clean[@]}" LANGUAGE=zh_CN "$root/usr/bin/bangfu-cli" id check 110105194912310021 2>&1)
[[ $out == *校验码* ]] || problems+=("id check in Chinese: $out")
out=$("${clean[@]}" "$root/usr/bin/bangfu" --help 2>&1) || problems+=("bangfu --help: $out")
check "the unpacked bangfu-cli and bangfu run from the scratch root" "${problems[@]}"
exit $status
