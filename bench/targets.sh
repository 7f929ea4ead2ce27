#!/bin/sh
# Every figure of the README's performance table (section "Performance"), each with its target, median, spread
# (lowest to highest run), commit and machine. Run from the repository root or a worktree:
#
#   bench/targets.sh                 # publishes the FastStart build of this commit first (~3 min), then measures
#   SKIP_PUBLISH=1 bench/targets.sh  # measures the .build/fast/ already there
#
# Data is generated into bench-data/ on first use (git-ignored; ~6 GB, 20-30 min once); with it in place the whole
# script takes under 12 minutes on the 2-core reference machine. The table is printed last and also written to
# bench-data/targets-<commit>.md. Extra arguments go to the bench (e.g. --repeat 7).
set -eu
cd "$(dirname "$0")/.."
if [ "${SKIP_PUBLISH:-0}" != 1 ]; then
  dotnet publish src/ChatOpsBot -p:PublishProfile=FastStart -nologo -v quiet
fi
dotnet build -c Release bench/ChatOpsBot.Bench -nologo -v quiet
out="bench-data/targets-$(git rev-parse --short=12 HEAD).md"
mkdir -p bench-data
dotnet bench/ChatOpsBot.Bench/bin/Release/net10.0/ChatOpsBot.Bench.dll --targets 1 "$@" | tee "$out"
echo "written to $out"
