"""Spark, run for real: a local Spark job over a sharded archive, two ways, each against one
`isnad --jsonl` run over the same shards. Run by `cargo xtask test spark`, which installs pyspark
(bindings/python/requirements-spark.txt) and Java when missing, and builds the CLI and the wheel.

1. `RDD.pipe` through the CLI, as the README's recipe says: each partition's lines streamed
   through one `isnad --jsonl --threads 1` process found on PATH.
2. `mapPartitions` with the Python package: `isnad.analyze_jsonl(partition, threads=1)`.

The archive: ARCHIVE_N articles drawn from ../shared/corpus/ (every k-th line of each collection,
as published), or, where ../shared is absent, the real articles of tests/data/real/ with
their outlets; with lines that cannot be analyzed spread among them. It is written as SHARDS
files, which Spark reads as one partition each (asserted), so an error record's `line` counts
in its shard both in Spark and in the one run over the shard files.
"""

import gzip
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import isnad

REPO = Path(__file__).resolve().parents[2]
# $ISNAD_CORPUS: another corpus folder (a missing one tries the fallback: tests/data/real).
CORPUS = Path(os.environ.get("ISNAD_CORPUS") or REPO.parent / "shared" / "corpus")
CLI = Path(os.environ.get("ISNAD_CLI") or REPO / "target/release/isnad").resolve()
ARCHIVE_N = 3000
SHARDS = 8

# Lines that give error records, at these places in the archive (each shard gets some).
BAD = [
    b'{"id": "bad-no-text", "outlet": "x"}',
    b'{"id": "bad-number", "outlet": "x", "text": 17}',
    b"{not json",
    b'["an", "array"]',
    b'{"id": "bad-null", "text": null}',
    b'"just a string"',
]
# Blank lines: no record, but they count as lines.
BLANK = b"   "
# Not UTF-8: isnad alone reports it; Spark decodes lines before anyone sees them (see below).
NOT_UTF8 = b'{"id": "latin-1", "outlet": "x", "text": "\xd9\x82\xd8\xa7\xd9\x84 caf\xe9"}'


def corpus_lines():
    files = sorted(CORPUS.glob("*.jsonl.gz"))
    if not files:
        return None
    total = 0
    per_file = []
    for f in files:
        with gzip.open(f, "rb") as g:
            lines = [line.rstrip(b"\n") for line in g]
        per_file.append(lines)
        total += len(lines)
    step = max(1, total // ARCHIVE_N)
    return [line for lines in per_file for line in lines[::step]]


def repo_lines():
    real = REPO / "tests/data/real"
    rows = (real / "SOURCES.tsv").read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for row in rows:
        name, _, outlet, *_ = row.split("\t")
        text = (real / name).read_text(encoding="utf-8")
        out.append(json.dumps({"id": name, "outlet": outlet, "text": text}, ensure_ascii=False).encode())
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    lines = corpus_lines()
    source = f"{CORPUS} (every k-th article)"
    if lines is None:
        lines = repo_lines()
        source = "tests/data/real (../shared/corpus is absent)"
    n = len(lines)
    at = lambda frac: int(n * frac)  # noqa: E731
    inserts = [(at(0.05 + 0.15 * i), b) for i, b in enumerate(BAD)] + [(at(0.33), BLANK), (at(0.61), NOT_UTF8)]
    for pos, line in sorted(inserts, reverse=True):
        lines.insert(pos, line)
    root = tmp_path_factory.mktemp("archive")
    shards = root / "shards"
    shards.mkdir()
    size = -(-len(lines) // SHARDS)
    paths = []
    for i in range(SHARDS):
        p = shards / f"part-{i:05d}.jsonl"
        p.write_bytes(b"".join(line + b"\n" for line in lines[i * size : (i + 1) * size]))
        paths.append(p)
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"\narchive: {n} articles from {source}, {len(inserts)} odd lines, {SHARDS} shards, {mb:.1f} MB")
    return {"root": root, "shards": paths, "lines": lines}


@pytest.fixture(scope="module")
def reference(archive):
    """One `isnad --jsonl` run over the shard files: the records, and the lines they came from."""
    t = time.perf_counter()
    out = subprocess.run([CLI, "--jsonl", *archive["shards"]], check=True, capture_output=True).stdout
    print(f"isnad --jsonl, one run: {time.perf_counter() - t:.1f} s")
    records = out.decode("utf-8").splitlines()
    assert len(records) == sum(1 for line in archive["lines"] if line.strip())
    return records


@pytest.fixture(scope="module")
def spark(archive):
    pyspark = pytest.importorskip("pyspark", reason="cargo xtask test spark installs pyspark")
    # The Python workers run the venv's python, which has the wheel.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    t = time.perf_counter()
    conf = (
        pyspark.SparkConf()
        .setMaster("local[2]")
        .setAppName("isnad-test")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
        .set("spark.driver.memory", "1g")
    )
    sc = pyspark.SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    print(f"Spark {sc.version} local[2] started in {time.perf_counter() - t:.1f} s")
    yield sc
    sc.stop()


def saved(rdd, out: Path) -> list[str]:
    """rdd saved as text files, as the recipe does, and read back part by part, in order."""
    rdd.saveAsTextFile(str(out))
    parts = sorted(out.glob("part-*"))
    return [line for p in parts for line in p.read_text(encoding="utf-8").splitlines()]


def lines_rdd(sc, archive):
    rdd = sc.textFile(str(archive["root"] / "shards" / "part-*.jsonl"))
    assert rdd.getNumPartitions() == SHARDS, "one partition per shard"
    return rdd


def compare(got, reference, archive):
    """Spark's records against the one run's, record for record and in order."""
    assert len(got) == len(reference)
    errors = utf8 = 0
    for g, r in zip(got, reference):
        rec = json.loads(r)
        if rec.get("error", "").startswith("not valid UTF-8"):
            # Spark's textFile decodes each line as UTF-8, bytes that are not UTF-8 replaced by
            # U+FFFD, before the pipe or the Python worker sees it: the line is analyzed there,
            # where isnad alone reports it. Exactly what isnad gives for the decoded line.
            utf8 += 1
            decoded = NOT_UTF8.decode("utf-8", "replace").encode("utf-8") + b"\n"
            alone = subprocess.run([CLI, "--jsonl"], input=decoded, check=True, capture_output=True).stdout
            assert g == alone.decode("utf-8").rstrip("\n")
        elif "error" in rec:
            # The same error record, without `file`: the process reads a pipe, not the shard.
            # `line` counts in the partition, which is the shard here.
            errors += 1
            assert json.loads(g) == {k: v for k, v in rec.items() if k != "file"}
            assert rec["line"] > 1
        else:
            assert g == r  # byte for byte
    assert (errors, utf8) == (len(BAD), 1)
    return errors


def test_rdd_pipe_through_the_cli_equals_one_run(spark, archive, reference):
    t = time.perf_counter()
    lines = lines_rdd(spark, archive)
    # The README's recipe: the binary by its full path, since PySpark's pipe runs the command in
    # an empty environment (no PATH: a bare name is looked for in /bin and /usr/bin only), and
    # checkCode=True so that a failed isnad fails the task.
    got = saved(lines.pipe(f"{CLI} --jsonl --threads 1", checkCode=True), archive["root"] / "out-pipe")
    secs = time.perf_counter() - t
    errors = compare(got, reference, archive)
    print(f"RDD.pipe: {len(got)} records ({errors} error records) equal to the one run, in order; {secs:.1f} s")


def test_map_partitions_with_the_package_equals_one_run(spark, archive, reference):
    t = time.perf_counter()
    lines = lines_rdd(spark, archive)
    records = lines.mapPartitions(lambda part: isnad.analyze_jsonl(part, threads=1))
    got = saved(records, archive["root"] / "out-python")
    secs = time.perf_counter() - t
    errors = compare(got, reference, archive)
    print(f"mapPartitions + analyze_jsonl: {len(got)} records ({errors} error records) equal, in order; {secs:.1f} s")
    pipe = archive["root"] / "out-pipe"
    if pipe.is_dir():
        assert got == saved_lines(pipe), "the two ways agree byte for byte, the U+FFFD line included"


def saved_lines(out: Path) -> list[str]:
    return [line for p in sorted(out.glob("part-*")) for line in p.read_text(encoding="utf-8").splitlines()]


def test_a_failing_isnad_fails_the_task(spark, archive):
    # With checkCode=True (the recipe), isnad's exit status 2 fails the job: here an option it
    # does not know.
    lines = lines_rdd(spark, archive)
    print("a failing isnad, on purpose: its usage message and Spark's traceback follow")
    spark.setLogLevel("OFF")
    with pytest.raises(Exception, match="PIPE_FUNCTION_EXITED"):
        lines.pipe(f"{CLI} --jsonl --no-such-option", checkCode=True).count()
    # Without it (PySpark's default) the same failure passes unnoticed, with no output.
    assert lines.pipe(f"{CLI} --jsonl --no-such-option").count() == 0
    spark.setLogLevel("ERROR")


def test_the_summary_of_spark_output_is_the_summary_of_the_one_run(archive, reference, tmp_path):
    pipe = archive["root"] / "out-pipe"
    if not pipe.is_dir():
        pytest.skip("needs the RDD.pipe output")
    parts = sorted(pipe.glob("part-*"))
    subprocess.run([CLI, "summarize", "--by", "outlet", "--out", tmp_path / "spark", *parts], check=True, capture_output=True)
    one = tmp_path / "one.jsonl"
    one.write_text("\n".join(reference) + "\n", encoding="utf-8")
    subprocess.run([CLI, "summarize", "--by", "outlet", "--out", tmp_path / "one", one], check=True, capture_output=True)
    spark_groups = (tmp_path / "spark" / "groups.csv").read_text(encoding="utf-8")
    one_groups = (tmp_path / "one" / "groups.csv").read_text(encoding="utf-8")
    # The one U+FFFD line is a document in Spark (outlet "x"), an error record alone.
    assert [r for r in spark_groups.splitlines() if not r.startswith("x,")] == one_groups.splitlines()
    assert len(one_groups.splitlines()) >= 3
