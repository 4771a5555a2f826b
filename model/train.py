#!/usr/bin/env python3
"""Learns the weights of the ranker of unnamed subjects (src/learn.rs) from the annotated real
articles in tests/data/real/. Run through `cargo xtask train`, which builds the feature dumper
first (`cargo build --release --example features`).

What it learns: for a statement whose subject is not named (وأضاف، مشيراً), the rules list the
candidates and choose one. Each such statement whose content matches a gold statement (token F1
>= 0.5, as ../shared/eval/score.py matches contents) tells which candidates are right: those
whose name matches the gold speaker's (score.py's name matching). An averaged perceptron learns
to rank a right candidate above the others; the rules' choice is a feature and wins ties. The
weights go to model/antecedent.tsv, how they were made to model/antecedent.meta.json.

Before it writes anything it measures what the ranker does on articles it did not learn from:
for each batch in turn, it trains on the other batches and counts, on that one, the unnamed
subjects given the right speaker by the rules and by the ranker. (The analyzer's own figures,
with the ranker's choices carried on to the statements after, come from score.py.)

Deterministic: the same gold and the same features give the same weights, byte for byte.
Python 3.8+, standard library only; needs ../shared/eval/score.py for the matching.
"""
import argparse
import collections
import json
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
EPOCHS = 10
# A feature seen in fewer training documents than this is not learned (it would only memorize).
MIN_DOCS = 2


def load_score():
    if not os.path.exists(os.path.join(EVAL, "score.py")):
        sys.exit(f"error: {EVAL}/score.py not found: training matches statements the way the scorer does")
    sys.path.insert(0, EVAL)
    import score  # noqa: E402
    return score


def training_files(seeds):
    """The annotated articles of the batches whose first-seen score is recorded, by batch seed."""
    by_seed = collections.defaultdict(list)
    with open(os.path.join(ROOT, "tests/data/real/SOURCES.tsv"), encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5 and cols[4] in seeds and cols[0].endswith(".txt"):
                path = os.path.join(ROOT, "tests/data/real", cols[0])
                if os.path.exists(path[:-4] + ".gold.json"):
                    by_seed[cols[4]].append(path)
    return {s: sorted(v) for s, v in sorted(by_seed.items())}


def dump(files, exe):
    out = subprocess.run([exe] + files, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def label(score, doc):
    """[(candidates' features, indices of the right ones, index of the rules' choice)] per unnamed
    subject whose statement matches a gold statement by content."""
    gold = json.load(open(doc["file"][:-4] + ".gold.json", encoding="utf-8"))
    names, sts = score.read_system(doc["analysis"])
    gsp = {g["name"]: g for g in gold["speakers"]}
    gst = gold["statements"]
    pairs = []
    for i, st in enumerate(sts):
        for j, g in enumerate(gst):
            f = score.token_f1(st["content"], g["content"])
            if f >= 0.5:
                pairs.append((f, i, j))
    matched = dict(score.greedy(pairs))
    rows = []
    for i, cands in enumerate(doc["candidates"]):
        if not cands or i not in matched:
            continue
        speaker = gsp[gst[matched[i]]["speaker"]]
        right = [k for k, (name, _) in enumerate(cands) if score.name_matches(name, speaker)]
        rule = next((k for k, (_, feats) in enumerate(cands) if "rule" in feats), None)
        if rule is None:
            continue
        rows.append(([feats for _, feats in cands], right, rule))
    return rows


def choose(w, feats_list, rule):
    scores = [sum(w.get(f, 0.0) for f in feats) for feats in feats_list]
    best = rule
    for k, s in enumerate(scores):
        if s > scores[best]:
            best = k
    return best


def train(rows):
    """Averaged perceptron ranking; rows: [(candidates' features, right, rule)] in a fixed order."""
    docs_with = collections.Counter()
    for feats_list, _, _ in rows:
        for f in set(f for feats in feats_list for f in feats):
            docs_with[f] += 1
    rows = [([[f for f in feats if docs_with[f] >= MIN_DOCS] for feats in fl], right, rule) for fl, right, rule in rows]
    w = collections.defaultdict(float)
    total = collections.defaultdict(float)
    stamp = collections.defaultdict(int)
    order = [k for k, r in enumerate(rows) if r[1]]
    rng = random.Random(1509)
    n = 0

    def update(f, d):
        total[f] += (n - stamp[f]) * w[f]
        stamp[f] = n
        w[f] += d

    for _ in range(EPOCHS):
        rng.shuffle(order)
        for k in order:
            fl, right, rule = rows[k]
            n += 1
            pred = choose(w, fl, rule)
            if pred in right:
                continue
            good = max(right, key=lambda j: (sum(w[f] for f in fl[j]), -j))
            for f in fl[good]:
                update(f, 1.0)
            for f in fl[pred]:
                update(f, -1.0)
    avg = {}
    for f in w:
        total[f] += (n - stamp[f]) * w[f]
        v = total[f] / max(n, 1)
        if abs(v) >= 1e-4:
            avg[f] = round(v, 4)
    return avg


def evaluate(rows, w):
    """(right by the rules, right by the ranker, subjects that have a right candidate, all)."""
    r_rules = sum(1 for fl, right, rule in rows if rule in right)
    r_model = sum(1 for fl, right, rule in rows if choose(w, fl, rule) in right)
    return [r_rules, r_model, sum(1 for r in rows if r[1]), len(rows)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--exe", default=os.path.join(ROOT, "target/release/examples/features"))
    ap.add_argument("--check", action="store_true", help="only cross-validate; write nothing")
    a = ap.parse_args()
    score = load_score()
    with open(os.path.join(ROOT, "model/TRAIN_SEEDS"), encoding="utf-8") as f:
        seeds = [s for line in f if not line.startswith("#") for s in line.split()]
    batches = training_files(set(seeds))
    data = {}
    for seed, files in batches.items():
        data[seed] = [r for d in dump(files, a.exe) for r in label(score, d)]
        print(f"batch {seed}: {len(files)} articles, {len(data[seed])} unnamed subjects matched by content")

    cv = {}
    pooled = [0, 0, 0, 0]
    for held in data:
        weights = train([r for s in data if s != held for r in data[s]])
        cv[held] = evaluate(data[held], weights)
        pooled = [x + y for x, y in zip(pooled, cv[held])]
        print(f"held out {held}: right speaker: rules {cv[held][0]}, ranker {cv[held][1]} "
              f"(of {cv[held][2]} with a right candidate, {cv[held][3]} in all)")
    print(f"all batches, each held out: rules {pooled[0]}, ranker {pooled[1]} (of {pooled[2]}, {pooled[3]} in all)")
    if a.check:
        return
    every = [r for s in data for r in data[s]]
    weights = train(every)
    # Rules stay where they do better on batches they were not written from: the weights are
    # used only when the ranker, learned without a batch, beat the rules on it (pooled).
    used = pooled[1] > pooled[0]
    if not used:
        print("the ranker does not beat the rules on held-out batches: writing no weights (the rules decide)")
    with open(os.path.join(ROOT, "model/antecedent.tsv"), "w", encoding="utf-8") as f:
        f.write("# Weights of the ranker of unnamed subjects (src/learn.rs), written by `cargo xtask train`.\n")
        f.write("# feature<TAB>weight; the candidate whose features weigh most is chosen (the rules' choice on a tie).\n")
        if not used:
            f.write(f"# None: on held-out batches the ranker chose right {pooled[1]} times, the rules {pooled[0]}\n")
            f.write("# (model/antecedent.meta.json); the rules decide.\n")
        for k in sorted(weights if used else [], key=lambda k: (-abs(weights[k]), k)):
            f.write(f"{k}\t{weights[k]}\n")
    meta = {
        "model": "averaged perceptron ranking the candidates of an unnamed subject (learn::candidate_features)",
        "trained_on": {s: [os.path.basename(p) for p in batches[s]] for s in batches},
        "unnamed_subjects": len(every),
        "epochs": EPOCHS,
        "min_docs_per_feature": MIN_DOCS,
        "features": len(weights),
        "used": used,
        "held_out": {"columns": ["right by the rules", "right by the ranker", "with a right candidate", "all"],
                     "each_batch": cv, "pooled": pooled},
        "command": "cargo xtask train",
    }
    with open(os.path.join(ROOT, "model/antecedent.meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote model/antecedent.tsv ({len(weights) if used else 0} weights) and model/antecedent.meta.json")


if __name__ == "__main__":
    main()
