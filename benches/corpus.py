#!/usr/bin/env python3
"""Real-scale figures (BENCHMARKS.md, "The whole corpus"): the whole of ../shared/corpus/ through
the CLI at 1 and 2 threads, the Python package's analyze_many, and Spark local[2] both ways
(RDD.pipe through the CLI, mapPartitions with analyze_jsonl).

Run it with the venv's python, after `cargo xtask test spark` (which builds the CLI and the wheel
and installs pyspark there):

    target/py-venv/bin/python benches/corpus.py [--skip cli,python,spark] [--runs N] [--wait-idle]

It writes target/bench/corpus.jsonl (the three collections, unzipped: 69,468 lines, 213 MB) and
keeps the CLI's output, target/bench/corpus.isnad.jsonl, for `isnad summarize`. Each line of the
report says the load average before and after, since the machine is shared.
"""

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
BENCH = REPO / "target" / "bench"
CLI = REPO / "target" / "release" / "isnad"
ARCHIVE = BENCH / "corpus.jsonl"
OUTPUT = BENCH / "corpus.isnad.jsonl"


def load():
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


WAIT_IDLE = False
PATIENCE = 600


def settle():
    """With --wait-idle: waits until both cores are 90 % idle over 2 s (batch.py's wait), at
    most --patience seconds."""
    if WAIT_IDLE:
        sys.path.insert(0, str(Path(__file__).parent))
        from batch import wait_idle

        wait_idle(patience=PATIENCE)


def archive():
    if not ARCHIVE.is_file():
        BENCH.mkdir(parents=True, exist_ok=True)
        with open(ARCHIVE, "wb") as out:
            for f in sorted(CORPUS.glob("*.jsonl.gz")):
                with gzip.open(f, "rb") as g:
                    shutil.copyfileobj(g, out)
    size = ARCHIVE.stat().st_size
    with open(ARCHIVE, "rb") as f:
        docs = sum(1 for line in f if line.strip())
    return docs, size


def timed_child(args, stdout):
    """Runs args; returns (wall seconds, user+sys seconds, peak RSS MiB) of that child alone."""
    t = time.perf_counter()
    p = subprocess.Popen(args, stdout=stdout)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{args} failed with {status}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024


def row(what, docs, size, wall, cpu, rss, before):
    rss_s = f"{rss:.1f} MiB" if rss is not None else "—"
    cpu_s = f"{cpu:.1f} s" if cpu is not None else "—"
    print(
        f"| {what} | {wall:.1f} s | {docs / wall:,.0f} | {size / 1e6 / wall:.1f} | {cpu_s} | {rss_s} | {before} → {load()} |",
        flush=True,
    )


def cli(docs, size, runs):
    for threads in (1, 2):
        for _ in range(runs):
            settle()
            before = load()
            with open(OUTPUT, "wb") as out:
                wall, cpu, rss = timed_child([CLI, "--jsonl", "--threads", str(threads), ARCHIVE], out)
            row(f"CLI `--threads {threads}`", docs, size, wall, cpu, rss, before)
    errors = sum(1 for line in open(OUTPUT, encoding="utf-8") if '"error":' in line and '"analysis":' not in line)
    print(f"\nCLI output: {OUTPUT.stat().st_size / 1e6:.0f} MB, {errors} error records\n")


def python_child(threads, chunk):
    """In a child process (so its peak memory is its own): analyze_many over the corpus's texts."""
    import isnad

    texts = [json.loads(line)["text"] for line in open(ARCHIVE, encoding="utf-8") if line.strip()]
    t = time.perf_counter()
    statements = 0
    for i in range(0, len(texts), chunk):
        for a in isnad.analyze_many(texts[i : i + chunk], threads=threads):
            statements += len(a["statements"])
    print(json.dumps({"seconds": time.perf_counter() - t, "statements": statements}))


def python(docs, size, runs, chunk):
    for threads in (1, 2):
        for _ in range(runs):
            settle()
            before = load()
            t = time.perf_counter()
            p = subprocess.Popen(
                [sys.executable, __file__, "--python-child", str(threads), "--chunk", str(chunk)], stdout=subprocess.PIPE
            )
            out = p.stdout.read()
            _, status, ru = os.wait4(p.pid, 0)
            r = json.loads(out)
            # Only analyze_many is timed (reading the JSON lines is not); CPU and memory are the
            # whole child's, reading included.
            row(
                f"Python `analyze_many(threads={threads})`, {chunk:,} texts a call",
                docs,
                size,
                r["seconds"],
                ru.ru_utime + ru.ru_stime,
                ru.ru_maxrss / 1024,
                before,
            )


def spark(docs, size, shards):
    import pyspark

    import isnad

    os.environ["PYSPARK_PYTHON"] = sys.executable
    shard_dir = BENCH / "corpus-shards"
    if not shard_dir.is_dir():
        shard_dir.mkdir()
        lines = open(ARCHIVE, "rb").read().splitlines(keepends=True)
        per = -(-len(lines) // shards)
        for i in range(shards):
            (shard_dir / f"part-{i:05d}.jsonl").write_bytes(b"".join(lines[i * per : (i + 1) * per]))
    t = time.perf_counter()
    conf = (
        pyspark.SparkConf()
        .setMaster("local[2]")
        .setAppName("isnad-bench")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    sc = pyspark.SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    print(f"\nSpark {sc.version} local[2], {shards} shards: started in {time.perf_counter() - t:.1f} s\n")
    cli = str(CLI)
    ways = {
        "Spark local[2] `RDD.pipe` (`--threads 1`)": lambda rdd: rdd.pipe(f"{cli} --jsonl --threads 1", checkCode=True),
        "Spark local[2] `mapPartitions(analyze_jsonl)`": lambda rdd: rdd.mapPartitions(
            lambda part: isnad.analyze_jsonl(part, threads=1)
        ),
    }
    for what, way in ways.items():
        out = BENCH / "corpus-spark-out"
        shutil.rmtree(out, ignore_errors=True)
        settle()
        before = load()
        t = time.perf_counter()
        way(sc.textFile(str(shard_dir / "part-*.jsonl"))).saveAsTextFile(str(out))
        wall = time.perf_counter() - t
        row(what, docs, size, wall, None, None, before)
        got = [line for p in sorted(out.glob("part-*")) for line in p.read_text(encoding="utf-8").splitlines()]
        if OUTPUT.is_file():
            same = got == OUTPUT.read_text(encoding="utf-8").splitlines()
            print(f"  {len(got):,} records; equal to the CLI's output, in order: {same}", flush=True)
    sc.stop()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip", default="", help="comma-separated: cli, python, spark")
    ap.add_argument("--runs", type=int, default=1, help="runs of each CLI and Python row")
    ap.add_argument("--chunk", type=int, default=10_000, help="texts per analyze_many call")
    ap.add_argument("--shards", type=int, default=16)
    ap.add_argument("--wait-idle", action="store_true", help="start each run when the cores are idle")
    ap.add_argument("--patience", type=int, default=600, help="with --wait-idle: wait at most this many seconds")
    ap.add_argument("--python-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    global WAIT_IDLE, PATIENCE
    WAIT_IDLE, PATIENCE = args.wait_idle, args.patience
    if args.python_child:
        return python_child(args.python_child, args.chunk)
    skip = set(filter(None, args.skip.split(",")))
    docs, size = archive()
    print(f"{ARCHIVE}: {docs:,} documents, {size / 1e6:.1f} MB; {os.cpu_count()} cores; load average {load()}\n")
    print("| run | wall | documents/s | MB/s | CPU (user + sys) | peak RSS | load before → after |")
    print("|---|---:|---:|---:|---:|---:|---|")
    if "cli" not in skip:
        cli(docs, size, args.runs)
    if "python" not in skip:
        python(docs, size, args.runs, args.chunk)
    if "spark" not in skip:
        spark(docs, size, args.shards)


if __name__ == "__main__":
    main()
