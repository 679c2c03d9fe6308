#!/usr/bin/env bash
# Benchmarks `palisade test` (Release build) over generated Calico policies: wall time and peak memory (max RSS).
# Usage: bench/conftest-test/run.sh [N]   (default 5000 files)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
count=${1:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$repo/bench/conftest-test/generate.sh" "$work" "$count"
dotnet build "$repo/src/Palisade.Cli" -c Release -o "$work/bin" -v q -nologo >/dev/null
cd "$work"
echo "palisade test: $count files, $(ls policy | wc -l) policy files, $(nproc) cores"
set +e
/usr/bin/time -f "wall %e s, peak memory %M KB" dotnet bin/palisade.dll test -p policy policies --no-color > out.txt
code=$?
set -e
tail -n 1 out.txt
echo "exit code $code"
