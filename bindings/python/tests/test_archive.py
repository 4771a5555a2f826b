"""analyze_jsonl and summarize against the CLI (`isnad --jsonl`, `isnad summarize`), byte for
byte and row for row, on the repository's real articles; run by `cargo xtask test python`."""

import csv
import json
import subprocess

import pytest

import isnad
from test_isnad import CLI, REAL, read

# Lines an archive may hold that give no analysis, and the odd ones that do: every way the CLI
# reports a line, a blank line (no record, but it counts), a CRLF line end, fields the record
# must keep byte for byte (a 20-digit id, a nested object with its own key order).
BAD = [
    b'{"id": "no-text", "outlet": "x"}',
    b'{"id": 7, "text": 5}',
    b"not json at all",
    b'["an", "array"]',
    b"",
    b"   ",
    b'{"id": "latin1", "text": "caf\xe9"}',
    b'{"id": 123456789012345678901234, "meta": {"z": 1, "a": [1.0]}, "text": "\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 \xd8\xa5\xd9\x86 \xd8\xa7\xd9\x84\xd8\xae\xd8\xb7\xd8\xa9 \xd8\xac\xd8\xa7\xd9\x87\xd8\xb2\xd8\xa9."}\r',
    b'{"id": "dup-analysis", "analysis": 1, "error": 2, "text": "x"}',
]
OUTLETS = ["alarabia", "bbc", "cnn", "sabq", "okaz"]


@pytest.fixture(scope="module")
def cli():
    if not CLI.is_file():
        pytest.fail(f"no CLI at {CLI}: build it (cargo build --release) or set ISNAD_CLI")
    return CLI


@pytest.fixture(scope="module")
def archive():
    """The real articles as archive lines (bytes), with an outlet each and the bad lines spread
    among them; a byte-order mark before the first."""
    lines = []
    for i, p in enumerate(REAL):
        rec = {"id": p.stem, "outlet": OUTLETS[i % len(OUTLETS)], "text": read(p)}
        lines.append(json.dumps(rec, ensure_ascii=False).encode())
        if i % 20 == 7:
            lines.append(BAD[(i // 20) % len(BAD)])
    lines[0] = b"\xef\xbb\xbf" + lines[0]
    assert len(lines) > len(REAL) + 5
    return lines


def cli_jsonl(cli, data: bytes) -> list[str]:
    out = subprocess.run([cli, "--jsonl"], input=data, check=True, capture_output=True).stdout
    return out.decode("utf-8").splitlines()


@pytest.mark.parametrize("threads,chunk", [(1, 1000), (2, 7), (None, 1)])
def test_analyze_jsonl_is_the_clis_output_byte_for_byte(cli, archive, threads, chunk):
    expected = cli_jsonl(cli, b"\n".join(archive) + b"\n")
    got = list(isnad.analyze_jsonl(archive, threads=threads, chunk=chunk))
    assert got == expected
    errors = [r for r in map(json.loads, got) if "error" in r]
    assert len(errors) >= 5, "the bad lines gave error records"
    assert all(e["line"] > 1 for e in errors), "lines are counted across chunks"


def test_analyze_jsonl_takes_str_lines_and_an_open_file(cli, archive, tmp_path):
    good = [line.decode("utf-8") for line in archive if b"\xe9" not in line]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(good) + "\n", encoding="utf-8")
    expected = cli_jsonl(cli, path.read_bytes())
    assert list(isnad.analyze_jsonl(good, chunk=50)) == expected
    with open(path, encoding="utf-8") as f:  # lines with their "\n"
        assert list(isnad.analyze_jsonl(f)) == expected
    with open(path, "rb") as f:
        assert list(isnad.analyze_jsonl(f, threads=2)) == expected


@pytest.mark.parametrize(
    "lines,exc,message",
    [
        ("{}", TypeError, "not a single str"),
        ([1], TypeError, "line 1 must be str or bytes"),
        (['{"text": "a"}', None], TypeError, "line 2 must be str or bytes .*, not NoneType"),
        (['{"text": "\ud83d"}'], ValueError, "lone surrogate"),
    ],
)
def test_analyze_jsonl_rejects_what_is_not_lines(lines, exc, message):
    with pytest.raises(exc, match=message):
        list(isnad.analyze_jsonl(lines))


def test_analyze_jsonl_rejects_no_threads():
    with pytest.raises(ValueError, match="threads must be 1 or more"):
        list(isnad.analyze_jsonl(['{"text": "a"}'], threads=0))
    with pytest.raises(ValueError, match="chunk must be 1 or more"):
        isnad.analyze_jsonl([], chunk=0)


# --- summarize ----------------------------------------------------------------------------------


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def typed(row, template):
    """A CSV row with the types of the Python row's values."""
    return {k: type(template[k])(v) for k, v in row.items()}


def cli_summary(cli, records_path, tmp_path, by):
    out = tmp_path / f"summary-{by}"
    args = [cli, "summarize", "--out", out, records_path] + (["--by", by] if by else [])
    subprocess.run(args, check=True, capture_output=True)
    return read_csv(out / "speakers.csv"), read_csv(out / "groups.csv"), (out / "report.html").read_text("utf-8")


@pytest.mark.parametrize("by", ["outlet", None])
def test_summarize_is_the_clis_summary(cli, archive, tmp_path, by):
    records = cli_jsonl(cli, b"\n".join(archive) + b"\n")
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(records) + "\n", encoding="utf-8")
    speakers_csv, groups_csv, html = cli_summary(cli, path, tmp_path, by)
    for given in (records, [json.loads(r) for r in records], [r.encode() for r in records]):
        s = isnad.summarize(given, by=by)
        assert s["errors"] == sum("analysis" not in json.loads(r) for r in records) >= 5
        assert s["documents"] == len(records) - s["errors"]
        assert [typed(r, p) for r, p in zip(speakers_csv, s["speakers"])] == s["speakers"]
        assert [typed(r, p) for r, p in zip(groups_csv, s["groups"])] == s["groups"]
        assert len(s["speakers"]) == len(speakers_csv) and len(s["groups"]) == len(groups_csv)
    # The analyses say a person's gender (issue 16): the gender columns are there.
    assert "gender" in s["speakers"][0] and "persons_female" in s["groups"][0]
    groups = {g[by or "group"]: g for g in s["groups"]}
    # Two of the odd lines are analyzed and have no outlet: the group "".
    assert set(groups) == (set(OUTLETS) | {""} if by else {"all"})
    # Each figure recounted here from the records themselves, by other code.
    docs = [json.loads(r) for r in records if "analysis" in json.loads(r)]
    for name, g in groups.items():
        mine = [d for d in docs if not by or d.get("outlet", "") == name]
        assert g["documents"] == len(mine)
        assert g["statements"] == sum(len(d["analysis"]["statements"]) for d in mine)
        assert g["denials"] == sum(st["kind"] == "denial" for d in mine for st in d["analysis"]["statements"])
        anonymous = sum(len({" ".join(sp["name"].split()) for sp in d["analysis"]["speakers"] if sp["kind"] == "anonymous"}) for d in mine)
        assert g["anonymous"] <= anonymous and (anonymous == 0 or g["anonymous"] > 0)
        # (A group whose analyses name no speaker has a share of 0.)
        assert g["anonymous_share"] == (round(g["anonymous"] / g["speakers"], 4) if g["speakers"] else 0.0)
        assert g["persons"] + g["organizations"] + g["media"] + g["anonymous"] == g["speakers"]
    assert sum(g["anonymous"] for g in groups.values()) > 0, "real news quotes anonymous sources"
    top = s["speakers"][0]
    assert top["statements"] == top["claims"] + top["denials"] >= s["speakers"][-1]["statements"]
    assert "<svg" in html and top["name"] in html


def test_a_speakers_gender_is_summarized_when_the_analysis_has_it(cli, archive, tmp_path):
    # The analyses as they will be once speakers carry `gender` (issue 16): female for the
    # speakers of denials here, male for the others, organizations too — only persons count.
    records = [json.loads(r) for r in cli_jsonl(cli, b"\n".join(archive) + b"\n")]
    for r in records:
        for st in r.get("analysis", {}).get("statements", []):
            r["analysis"]["speakers"][st["speaker"]]["gender"] = "female" if st["kind"] == "denial" else "male"
    path = tmp_path / "gendered.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    speakers_csv, groups_csv, html = cli_summary(cli, path, tmp_path, "outlet")
    s = isnad.summarize(records, by="outlet")
    assert "gender" in s["speakers"][0] and "persons_female" in s["groups"][0]
    assert [typed(r, p) for r, p in zip(groups_csv, s["groups"])] == s["groups"]
    assert [typed(r, p) for r, p in zip(speakers_csv, s["speakers"])] == s["speakers"]
    assert {p["gender"] for p in s["speakers"]} >= {"male", "female"}
    for g in s["groups"]:
        assert g["persons_female"] + g["persons_male"] + g["persons_unmarked"] == g["persons"]
    assert sum(g["persons_female"] for g in s["groups"]) > 0
    assert "Women and men" in html


@pytest.mark.parametrize(
    "records,exc,message",
    [
        ('{"analysis": {}}', TypeError, "not a single str"),
        ([1], TypeError, r"records\[0\] must be a str, bytes or dict"),
        (['{"id": 1, "text": "x"}'], ValueError, r"records\[0\]: .*not its input"),
        ([{"analysis": {"speakers": []}}], ValueError, '"statements"'),
    ],
)
def test_summarize_says_what_is_not_a_record(records, exc, message):
    with pytest.raises(exc, match=message):
        isnad.summarize(records)


def test_a_summary_makes_dataframes(cli, archive):
    pd = pytest.importorskip("pandas")
    s = isnad.summarize(isnad.analyze_jsonl(archive), by="outlet")
    groups = pd.DataFrame(s["groups"]).set_index("outlet")
    assert groups["documents"].sum() == s["documents"]
    assert pd.DataFrame(s["speakers"])["statements"].is_monotonic_decreasing
