#!/usr/bin/env python3
"""Writes the browser benchmark's texts (benches/texts/ant-{200,2000,20000}.txt) from a corpus
collection, so the benchmark runs on real articles without ../shared. Run once; the output is
committed, with the articles' ids in SOURCES.md.

    python3 benches/texts/make.py [../shared/corpus/ant-2018.jsonl.gz]

The articles are consecutive ones of one collection, from the line of BBC Arabic's Middle East
section on (news, with reported speech), whole, separated by a blank line: the first article of
180-260 words; then the articles after it until 2,000 words; then those after until 20,000.
"""
import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else HERE / '../../../shared/corpus/ant-2018.jsonl.gz')
START = 8315  # the first line of ('BBC', 'middleEast') in ant-2018


def main():
    lines = gzip.open(SOURCE, 'rt', encoding='utf-8')
    articles = (json.loads(l) for i, l in enumerate(lines) if i >= START)
    words = lambda d: len(d['text'].split())
    picked = {}
    for d in articles:
        if 180 <= words(d) <= 260:
            picked[200] = [d]
            break
    for n in (2000, 20000):
        picked[n] = []
        for d in articles:
            picked[n].append(d)
            if sum(map(words, picked[n])) >= n:
                break
    notes = ['# Benchmark texts', '',
             f'Real articles of `{SOURCE.name}` (`../shared/corpus/`, ANT corpus, Apache-2.0), consecutive,',
             'whole, separated by a blank line; written by `make.py` beside this file. Ids in order:', '']
    for n, docs in picked.items():
        text = '\n\n'.join(d['text'].strip() for d in docs) + '\n'
        (HERE / f'ant-{n}.txt').write_text(text, encoding='utf-8')
        notes.append(f'- `ant-{n}.txt`: {len(docs)} article(s), {len(text.split())} words, '
                     f'{len(text.encode())} bytes: ' + ', '.join(f'`{d["id"]}`' for d in docs))
    (HERE / 'SOURCES.md').write_text('\n'.join(notes) + '\n', encoding='utf-8')


if __name__ == '__main__':
    main()
