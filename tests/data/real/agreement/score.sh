#!/usr/bin/env bash
# Agreement between the two annotations of the articles in this folder: each annotation is scored
# as if it were a system's output (its required statements only) against the other, with the
# project's scorer. Usage: bash tests/data/real/agreement/score.sh [path/to/shared/eval]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eval_dir=${1:-$here/../../../../../shared/eval}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
as_output() { # gold file -> analysis JSON (required statements, speakers by name)
  python3 - "$1" <<'PY'
import json, sys
g = json.load(open(sys.argv[1], encoding="utf-8"))
out = {"speakers": [{"name": s["name"], "kind": s["kind"]} for s in g["speakers"] if not s.get("optional")],
       "statements": [{"speaker": s["speaker"], "kind": "claim" if s["kind"] == "any" else s["kind"],
                       "content": s["content"], "chain": s.get("chain") or [], "rejects": s.get("rejects")}
                      for s in g["statements"] if not s.get("optional")]}
print(json.dumps(out, ensure_ascii=False))
PY
}
for dir in first second; do mkdir -p "$tmp/$dir/gold" "$tmp/$dir/out"; done
for txt in "$here"/real_*.txt; do
  name=$(basename "$txt" .txt)
  # first: the original annotation is gold, the second annotator's is the output; second: the reverse
  cp "$txt" "$tmp/first/gold/"; cp "$here/../$name.gold.json" "$tmp/first/gold/"
  as_output "$here/$name.gold.json" > "$tmp/first/out/$name.json"
  cp "$txt" "$tmp/second/gold/"; cp "$here/$name.gold.json" "$tmp/second/gold/"
  as_output "$here/../$name.gold.json" > "$tmp/second/out/$name.json"
done
echo "second annotator scored against the first:"
python3 "$eval_dir/score.py" "$tmp/first/gold" --outputs "$tmp/first/out" | tail -n 9
echo "first annotator scored against the second:"
python3 "$eval_dir/score.py" "$tmp/second/gold" --outputs "$tmp/second/out" | tail -n 9
