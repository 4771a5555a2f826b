#!/usr/bin/env python3
"""Throughput and peak memory of `isnad --jsonl` on a generated archive (BENCHMARKS.md, "Batch").

    cargo build --release
    python3 benches/batch.py                      # 3,000 documents on 1 thread and on all cores,
                                                  # then peak RSS on 3,000 and 30,000 documents
    python3 benches/batch.py --docs 5000 --runs 5 --memory 5000,50000 --threads 1,2,4
    python3 benches/batch.py --wait-idle          # on a shared machine: each run starts when idle

The archive is made from the articles in the repository (seeds/, tests/data/articles/) and, when
it exists, the dev set beside it (../shared/eval/dev): each document is one to three of them,
picked at random with a fixed seed, so an archive of N documents is always the same bytes and
a larger one is a longer run of the same kind of text. Archives go to target/bench/.

Each run is `isnad --jsonl --threads T ARCHIVE > /dev/null` under `/usr/bin/time -v` (for the
peak resident set size); the wall time is measured here. The figures are documents and MB (of
UTF-8 input, 10^6 bytes) per second, the median over the runs, with the range. The output is
checked to have one line per document on a first run.
"""

import argparse
import json
import os
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def articles():
    dirs = [ROOT / "seeds", ROOT / "tests/data/articles", ROOT / "../shared/eval/dev"]
    seen, out = set(), []
    for d in dirs:
        if not d.is_dir():
            continue
        for p in sorted(d.glob("*.txt")):
            text = p.read_text(encoding="utf-8")
            if text not in seen:  # the dev set holds the seeds too
                seen.add(text)
                out.append((p.name, text))
    if not out:
        sys.exit(f"no articles under {ROOT}/seeds")
    return out


def archive(n, arts):
    path = ROOT / "target/bench" / f"archive-{n}.jsonl"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(9)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for i in range(n):
            picked = [arts[rng.randrange(len(arts))] for _ in range(rng.randint(1, 3))]
            doc = {
                "id": f"doc-{i}" if i % 2 else i,
                "source": [name for name, _ in picked],
                "text": "\n\n".join(text for _, text in picked),
            }
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    tmp.rename(path)
    return path


def idle_share(seconds):
    """The share of CPU time the whole machine spent idle over `seconds` (from /proc/stat)."""

    def read():
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        return v[3] + v[4], sum(v[:8])

    i1, t1 = read()
    time.sleep(seconds)
    i2, t2 = read()
    return (i2 - i1) / max(1, t2 - t1)


def wait_idle(share=0.9, patience=600):
    """Waits until the machine is idle (others' builds share its cores), at most `patience` s."""
    start = time.monotonic()
    while idle_share(2) < share:
        if time.monotonic() - start > patience:
            print(f"(the machine was not {share:.0%} idle within {patience} s; measuring anyway)")
            return False
    return True


def run(binary, path, threads, check=False, fmt="json"):
    cmd = ["/usr/bin/time", "-v", str(binary), "--jsonl", "--format", fmt, "--threads", str(threads), str(path)]
    out = subprocess.PIPE if check else subprocess.DEVNULL
    start = time.perf_counter()
    p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=check or None)
    wall = time.perf_counter() - start
    err = p.stderr if isinstance(p.stderr, str) else p.stderr.decode()
    if p.returncode != 0:
        sys.exit(f"isnad failed ({p.returncode}):\n{err}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", err).group(1)) for k in ["User", "System"])
    lines = p.stdout.count("\n") if check else None
    return wall, rss, lines, cpu


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target/release/isnad"))
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--threads", default=f"1,{os.cpu_count()}")
    ap.add_argument("--formats", default="json,csv", help="output formats for the throughput runs")
    ap.add_argument("--memory", default="3000,30000", help="archive sizes (documents) for peak RSS")
    ap.add_argument("--memory-threads", default=f"1,{os.cpu_count()}", help="threads for the peak RSS runs")
    ap.add_argument("--skip-throughput", action="store_true", help="only the peak RSS runs")
    ap.add_argument("--wait-idle", action="store_true", help="start each throughput run on an idle machine")
    args = ap.parse_args()
    if not Path(args.bin).exists():
        sys.exit(f"{args.bin} is missing: run `cargo build --release` first")
    if not Path("/usr/bin/time").exists():
        sys.exit("/usr/bin/time is missing (Debian: apt-get install time)")

    arts = articles()
    print(f"articles: {len(arts)}, {sum(len(t.encode()) for _, t in arts):,} bytes")
    path = archive(args.docs, arts)
    size = path.stat().st_size
    print(f"archive: {args.docs:,} documents, {size / 1e6:.1f} MB ({path.relative_to(ROOT)})")
    results = {"docs": args.docs, "bytes": size, "throughput": [], "memory": []}

    _, _, lines, _ = run(args.bin, path, 1, check=True)
    assert lines == args.docs, f"{lines} output lines for {args.docs} documents"

    if not args.skip_throughput:
        print("\n| format | threads | wall (median, range) | documents/s | MB/s | CPU time | peak RSS |")
        print("|---|---:|---:|---:|---:|---:|---:|")
    runs = [(f, int(t)) for f in args.formats.split(",") for t in args.threads.split(",")]
    for fmt, t in [] if args.skip_throughput else runs:
        walls, rsss, cpus = [], [], []
        for _ in range(args.runs):
            if args.wait_idle:
                wait_idle()
            wall, rss, _, cpu = run(args.bin, path, t, fmt=fmt)
            walls.append(wall)
            rsss.append(rss)
            cpus.append(cpu)
        med = statistics.median(walls)
        print(
            f"| {fmt} | {t} | {med:.2f} s ({min(walls):.2f}–{max(walls):.2f}) | {args.docs / med:,.0f} "
            f"({args.docs / max(walls):,.0f}–{args.docs / min(walls):,.0f}) | {size / 1e6 / med:.1f} "
            f"({size / 1e6 / max(walls):.1f}–{size / 1e6 / min(walls):.1f}) | {statistics.median(cpus):.2f} s "
            f"| {max(rsss) / 1024:.1f} MiB |"
        )
        results["throughput"].append({"format": fmt, "threads": t, "walls": walls, "cpu": cpus, "rss_kib": rsss})

    print("\n| documents | input | threads | wall | peak RSS |")
    print("|---:|---:|---:|---:|---:|")
    for n in [int(x) for x in args.memory.split(",")]:
        p = archive(n, arts)
        for t in [int(x) for x in args.memory_threads.split(",")]:
            wall, rss, _, _ = run(args.bin, p, t)
            mb = p.stat().st_size / 1e6
            print(f"| {n:,} | {mb:,.0f} MB | {t} | {wall:.1f} s ({mb / wall:.1f} MB/s) | {rss / 1024:.1f} MiB |")
            results["memory"].append({"docs": n, "bytes": p.stat().st_size, "threads": t, "wall": wall, "rss_kib": rss})

    out = ROOT / "target/bench/batch.json"
    out.write_text(json.dumps(results, indent=2))
    print(f"\nwritten to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
