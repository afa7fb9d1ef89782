#!/usr/bin/env bash
# Builds the example native plugins into a folder (default .build/plugins):
#   libzhima.so (C) and libdaycount.so (Swift with @_cdecl), each against
#   Sources/CSuanpanPlugin/include/suanpan_plugin.h only.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/.build/plugins}"
mkdir -p "$out"
include="$root/Sources/CSuanpanPlugin/include"
cc -std=c11 -Wall -Wextra -Werror -shared -fPIC -I "$include" -o "$out/libzhima.so" "$root/Examples/plugins/zhima/zhima.c"
swiftc -emit-library -parse-as-library -I "$include" -module-name DayCount \
  -o "$out/libdaycount.so" "$root/Examples/plugins/daycount/DayCount.swift"
echo "$out/libzhima.so"
echo "$out/libdaycount.so"
