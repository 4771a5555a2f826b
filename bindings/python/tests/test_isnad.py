"""The Python package against the CLI, on real text; run by `cargo xtask test python`.

The CLI is `$ISNAD_CLI` (xtask sets it), else target/release/isnad; the package is the installed
wheel (`import isnad`), never the source tree.
"""

import ast
import inspect
import json
import os
import random
import subprocess
import threading
import time
from pathlib import Path

import pytest

import isnad

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
REAL = sorted((REPO / "tests/data/real").glob("real_*.txt"))
CLI = Path(os.environ.get("ISNAD_CLI") or REPO / "target/release/isnad")
STUB = Path(isnad.__file__).with_name("__init__.pyi")

# Odd text: astral characters before Arabic (code points differ from UTF-16 units and bytes),
# Latin only, whitespace, an unclosed quotation, Arabic presentation forms, a line without
# punctuation.
ODD = [
    "😀🇸🇦 قال المتحدث باسم الوزارة إن الاجتماع سيعقد غدا 👍.",
    "The minister said the meeting would be held tomorrow.",
    " \n\t\n ",
    "وقال الوزير: «لن نتراجع عن هذا القرار",
    "ﻗﺎﻟﺖ الوزيرة إن الخطة جاهزة.",
    "نفى الناطق باسم الحكومة أن يكون الوزير قد استقال " * 50,
]


def read(p):
    return p.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def real_texts():
    assert len(REAL) >= 100, f"expected the real articles in {REAL[0].parent if REAL else 'tests/data/real'}"
    return [read(p) for p in REAL]


@pytest.fixture(scope="module")
def cli():
    if not CLI.is_file():
        pytest.fail(f"no CLI at {CLI}: build it (cargo build --release) or set ISNAD_CLI")
    return CLI


def without_explain(analysis):
    return {**analysis, "statements": [{k: v for k, v in s.items() if k != "explain"} for s in analysis["statements"]]}


def spans(analysis):
    for sp in analysis["speakers"]:
        yield from sp["mentions"]
    for st in analysis["statements"]:
        yield st["cue"]
        yield st["content"]
        if "rejects" in st:
            yield st["rejects"]


# --- the CLI's JSON ---------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seed_is_the_clis_json_byte_for_byte(cli, seed):
    out = subprocess.run([cli, seed], check=True, capture_output=True, text=True, encoding="utf-8").stdout
    a = isnad.analyze(read(seed), explain=True)
    assert a == json.loads(out)
    # Same keys in the same order, same numbers: json.dumps gives the CLI's bytes back.
    assert json.dumps(a, ensure_ascii=False, separators=(",", ":")) + "\n" == out
    assert a["statements"], "a seed has statements"
    assert all("explain" in s for s in a["statements"])
    assert isnad.analyze(read(seed)) == without_explain(a)
    assert not any("explain" in s for s in isnad.analyze(read(seed))["statements"])


def test_real_articles_equal_one_cli_jsonl_run(cli, real_texts, tmp_path):
    archive = tmp_path / "real.jsonl"
    lines = [json.dumps({"id": p.name, "text": t}, ensure_ascii=False) for p, t in zip(REAL, real_texts)]
    archive.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = subprocess.run([cli, "--jsonl", archive], check=True, capture_output=True, text=True, encoding="utf-8").stdout
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == [p.name for p in REAL]
    many = isnad.analyze_many(real_texts, explain=True)
    for p, t, r, m in zip(REAL, real_texts, records, many):
        assert isnad.analyze(t, explain=True) == r["analysis"], p.name
        assert m == r["analysis"], p.name
    assert sum(len(r["analysis"]["statements"]) for r in records) > 500


def test_version_is_the_clis(cli):
    out = subprocess.run([cli, "--version"], check=True, capture_output=True, text=True).stdout
    assert out.split() == ["isnad", isnad.__version__]


# --- offsets ----------------------------------------------------------------------------------


def test_every_span_slices_the_text(real_texts):
    texts = [read(p) for p in SEEDS] + real_texts + ODD
    n = 0
    for t, a in zip(texts, isnad.analyze_many(texts)):
        for s in spans(a):
            assert 0 <= s["start"] <= s["end"] <= len(t)
            assert t[s["start"] : s["end"]] == s["text"]
            n += 1
    assert n > 2000


def test_offsets_count_code_points_past_astral_characters():
    a = isnad.analyze(ODD[0])
    (st,) = a["statements"]
    assert st["cue"] == {"start": 4, "end": 7, "text": "قال"}  # 😀 is one, 🇸🇦 two, then a space
    assert ODD[0][st["content"]["start"] : st["content"]["end"]] == st["content"]["text"]


# --- analyze_many -----------------------------------------------------------------------------


@pytest.mark.parametrize("threads", [None, 1, 2, 3, 64])
def test_analyze_many_is_the_loop_in_order(real_texts, threads):
    texts = [read(p) for p in SEEDS] + real_texts[:60] + ODD + [""]
    random.Random(7).shuffle(texts)
    assert isnad.analyze_many(texts, threads) == [isnad.analyze(t) for t in texts]


def test_analyze_many_takes_any_iterable(real_texts):
    texts = real_texts[:10]
    want = [isnad.analyze(t) for t in texts]
    assert isnad.analyze_many(tuple(texts)) == want
    assert isnad.analyze_many(t for t in texts) == want
    assert isnad.analyze_many(iter(texts), threads=2) == want
    assert isnad.analyze_many({"a": 1}) == [isnad.analyze("a")]
    assert isnad.analyze_many([]) == []
    assert isnad.analyze_many([], threads=8) == []


def test_analyze_many_keeps_explain_when_asked(real_texts):
    texts = real_texts[:5]
    assert isnad.analyze_many(texts, explain=True) == [isnad.analyze(t, explain=True) for t in texts]


def test_the_gil_is_released_while_analyzing(real_texts):
    # If the GIL were held, this thread could not run during the call: its longest pause would be
    # the whole call. Released, it only waits for the switch interval (5 ms) now and then.
    long = "\n\n".join(real_texts) * 2
    done = threading.Event()
    took = []

    def work():
        t = time.perf_counter()
        isnad.analyze_many([long, long], threads=1)
        took.append(time.perf_counter() - t)
        done.set()

    worker = threading.Thread(target=work)
    worker.start()
    last, gap = time.perf_counter(), 0.0
    while not done.is_set():
        now = time.perf_counter()
        gap, last = max(gap, now - last), now
    worker.join()
    assert took[0] > 0.2, f"the call took {took[0]:.3f} s, too short to tell"
    assert gap < took[0] / 2, f"this thread stood still {gap:.3f} s of the call's {took[0]:.3f} s"


# --- edge cases -------------------------------------------------------------------------------


def test_empty_and_blank_text():
    sources = {"person": 0, "organization": 0, "media": 0, "anonymous": 0}
    empty = {"speakers": [], "statements": [], "sources": sources, "diagnostics": []}
    assert isnad.analyze("") == empty
    assert isnad.analyze(" \n\t ") == empty
    assert isnad.analyze("", explain=True) == empty


def test_non_arabic_text_says_so():
    a = isnad.analyze(ODD[1])
    assert a["statements"] == []
    assert any("no Arabic letters" in d for d in a["diagnostics"])


def test_a_long_text(real_texts):
    text = "\n\n".join(real_texts)
    assert len(text) > 300_000
    t = time.perf_counter()
    a = isnad.analyze(text)
    took = time.perf_counter() - t
    assert len(a["statements"]) > 500
    last = a["statements"][-1]["content"]
    assert text[last["start"] : last["end"]] == last["text"]
    assert last["start"] > len(text) - 20_000
    assert took < 10, f"{len(text)} code points took {took:.1f} s"


def test_a_str_subclass_is_a_str():
    class Article(str):
        pass

    assert isnad.analyze(Article(ODD[0])) == isnad.analyze(ODD[0])


# --- errors -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "arg, message",
    [
        (b"\xd9\x82\xd8\xa7\xd9\x84", r"^analyze\(\): text must be str, not bytes; decode it first"),
        (bytearray(b"x"), r"^analyze\(\): text must be str, not bytearray; decode it first"),
        (None, r"^analyze\(\): text must be str, not NoneType \(a missing value\?"),
        (float("nan"), r"^analyze\(\): text must be str, not float \(a missing value\?"),
        (42, r"^analyze\(\): text must be str, not int$"),
        (["قال"], r"^analyze\(\): text must be str, not list$"),
    ],
)
def test_analyze_rejects_a_non_str(arg, message):
    with pytest.raises(TypeError, match=message):
        isnad.analyze(arg)


def test_analyze_names_the_lone_surrogate():
    with pytest.raises(ValueError, match=r"^analyze\(\): text has a lone surrogate U\+D83D at index 4, which is not valid Unicode") as e:
        isnad.analyze("قال \ud83d الوزير")
    assert 'text.encode("utf-8", "replace").decode("utf-8")' in str(e.value)
    # The advice works, and keeps the offsets.
    fixed = "قال \ud83d الوزير".encode("utf-8", "replace").decode("utf-8")
    assert len(fixed) == len("قال \ud83d الوزير")
    isnad.analyze(fixed)
    # A surrogate pair written as two code points is not a character either.
    with pytest.raises(ValueError, match="lone surrogate U\\+D83D at index 0"):
        isnad.analyze("\ud83d\ude00")


def test_analyze_takes_explain_by_keyword_only():
    with pytest.raises(TypeError):
        isnad.analyze("قال", True)
    with pytest.raises(TypeError):
        isnad.analyze("قال", explain="yes")
    with pytest.raises(TypeError):
        isnad.analyze()


@pytest.mark.parametrize(
    "texts, exc, message",
    [
        ("قال الوزير", TypeError, r"not a single str; for one text use analyze\(text\)"),
        (b"abc", TypeError, r"texts must be an iterable of str, not bytes"),
        (42, TypeError, r"texts must be an iterable of str \(a list, a tuple, a pandas Series …\), not int"),
        (["قال", 7], TypeError, r"^analyze_many\(\): texts\[1\] must be str, not int$"),
        (["قال", "ok", None], TypeError, r"^analyze_many\(\): texts\[2\] must be str, not NoneType \(a missing value\?"),
        (["ok", "x\udc80"], ValueError, r"^analyze_many\(\): texts\[1\] has a lone surrogate U\+DC80 at index 1"),
    ],
)
def test_analyze_many_rejects_bad_texts(texts, exc, message):
    with pytest.raises(exc, match=message):
        isnad.analyze_many(texts)


@pytest.mark.parametrize("threads", [0, -1])
def test_analyze_many_rejects_no_threads(threads):
    with pytest.raises(ValueError, match=rf"threads must be 1 or more \(or None: one per core\), not {threads}$"):
        isnad.analyze_many(["قال"], threads=threads)


def test_analyze_many_passes_on_the_iterators_own_error():
    def broken():
        yield "قال"
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        isnad.analyze_many(broken())


# --- the package: stubs, docstrings, marker -----------------------------------------------------


def stub_typeddicts():
    """Each TypedDict of the stub: {field: (annotation source)}."""
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and any(ast.unparse(b) == "TypedDict" for b in node.bases):
            out[node.name] = {
                s.target.id: ast.unparse(s.annotation) for s in node.body if isinstance(s, ast.AnnAssign)
            }
    return out


def literal_values(annotation):
    return set(ast.literal_eval(annotation.removeprefix("Literal")))


def optional_fields(typeddict):
    return {k for k, ann in typeddict.items() if ann.startswith("NotRequired[")}


def keys_as_declared(d, typeddict):
    """The keys of ``d`` are the declared fields in their order, every required one there."""
    keys = list(d)
    return keys == [k for k in typeddict if k in d] and set(typeddict) - optional_fields(typeddict) <= set(keys)


def test_the_stubs_describe_real_analyses(real_texts):
    td = stub_typeddicts()
    assert set(td) == {"Span", "Speaker", "Target", "Statement", "Sources", "Analysis", "Summary"}
    kinds = {"speaker": set(), "statement": set(), "form": set(), "gender": set()}
    seen = set()
    for a in isnad.analyze_many(real_texts[:80] + [read(p) for p in SEEDS], explain=True):
        assert list(a) == list(td["Analysis"])
        assert list(a["sources"]) == list(td["Sources"])
        assert sum(a["sources"].values()) == len(a["speakers"])
        for sp in a["speakers"]:
            assert keys_as_declared(sp, td["Speaker"])
            kinds["speaker"].add(sp["kind"])
            if "gender" in sp:
                kinds["gender"].add(sp["gender"])
            assert all(list(m) == list(td["Span"]) for m in sp["mentions"])
        for st in a["statements"]:
            assert keys_as_declared(st, td["Statement"])  # with explain=True, `explain` is there too
            seen |= set(st) & optional_fields(td["Statement"])
            kinds["statement"].add(st["kind"])
            kinds["form"].add(st["form"])
            assert isinstance(st["confidence"], float) and 0 <= st["confidence"] <= 1
            assert all(isinstance(st[k], int) for k in ("id", "speaker"))
            if "chain" in st:
                assert len(st["chain"]) >= 2 and st["speaker"] in st["chain"]
                assert all(isinstance(p, int) and 0 <= p < len(a["speakers"]) for p in st["chain"])
            if "rejects" in st:
                assert keys_as_declared(st["rejects"], td["Target"])
                if "statement" in st["rejects"]:
                    seen.add("rejects.statement")
                    other = a["statements"][st["rejects"]["statement"]]
                    assert other["content"]["text"] == st["rejects"]["text"]
    assert td["Statement"]["explain"] == "NotRequired[str]"
    # Every optional field occurs somewhere, so none is checked against nothing.
    assert seen == optional_fields(td["Statement"]) | {"rejects.statement"}
    assert kinds["speaker"] <= literal_values(td["Speaker"]["kind"])
    assert kinds["gender"] == literal_values(td["Speaker"]["gender"].removeprefix("NotRequired[").removesuffix("]"))
    assert kinds["statement"] == literal_values(td["Statement"]["kind"])
    assert kinds["form"] <= literal_values(td["Statement"]["form"])
    assert len(kinds["speaker"]) >= 3 and len(kinds["form"]) >= 2


def test_the_stub_signatures_are_the_functions():
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    funcs = {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert set(funcs) == set(isnad.__all__) - {"__version__"}
    for name, node in funcs.items():
        f = getattr(isnad, name)
        params = [a.arg for a in node.args.args]
        kwonly = [a.arg for a in node.args.kwonlyargs]
        # Compiled functions have theirs from PyO3's text signature, Python ones from their def.
        sig = inspect.signature(f).parameters.values()
        assert [p.name for p in sig if p.kind is not p.KEYWORD_ONLY] == params, name
        assert [p.name for p in sig if p.kind is p.KEYWORD_ONLY] == kwonly, name
        defaults = [ast.literal_eval(d) for d in node.args.defaults]
        assert [p.default for p in sig if p.default is not p.empty and p.kind is not p.KEYWORD_ONLY] == defaults, name
        assert ast.get_docstring(node) and f.__doc__, name
        assert ast.get_docstring(node) == inspect.cleandoc(f.__doc__), name


def test_the_package_is_typed():
    assert STUB.is_file()
    assert STUB.with_name("py.typed").is_file()
    assert isnad.__doc__ and "who said what" in isnad.__doc__


def test_statements_make_a_dataframe(real_texts):
    pd = pytest.importorskip("pandas")
    rows = [
        {"doc": i, "speaker": a["speakers"][s["speaker"]]["name"], "kind": s["kind"], "content": s["content"]["text"]}
        for i, a in enumerate(isnad.analyze_many(real_texts[:20]))
        for s in a["statements"]
    ]
    df = pd.DataFrame(rows)
    assert set(df["kind"]) <= {"claim", "denial"} and len(df) > 20
