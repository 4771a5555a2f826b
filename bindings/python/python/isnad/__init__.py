"""isnad: who said what in Arabic news text.

``analyze(text)`` finds reported speech in an Arabic news article -- the speakers, with their
titles, and each statement they made, claim or denial -- and returns it as the ``isnad`` CLI's
JSON, as Python objects, with offsets in code points (``text[s["start"]:s["end"]] == s["text"]``).
``analyze_many(texts)`` does the same for many texts on every core. ``analyze_jsonl(lines)``
writes what ``isnad --jsonl`` writes for an archive's lines (for Spark's ``mapPartitions``), and
``summarize(records, by="outlet")`` says what the analyses of an archive say, as
``isnad summarize`` does.
"""

import itertools
import json

from ._isnad import __version__, _jsonl_records, _summarize, analyze, analyze_many

__all__ = ["analyze", "analyze_many", "analyze_jsonl", "summarize", "__version__"]


def analyze_jsonl(lines, threads=None, *, chunk=1000):
    """Analyzes the lines of a JSON-lines archive as ``isnad --jsonl`` does; yields its records.

    ``lines`` is any iterable of str or bytes, one line of the archive each (an open file, a
    list, a Spark partition), each a JSON object with a string ``text``. For each non-blank line
    this yields the line ``isnad --jsonl`` writes for it, as a str without the line break: the
    input object without ``text`` and with ``analysis`` added, or an error record
    ``{"id": …, "line": N, "error": "…"}`` for a line that cannot be analyzed (``line`` counts
    from 1 in ``lines``, blank lines included). Equal to the CLI's output on the same lines, byte
    for byte.

    It reads ``chunk`` lines at a time and analyzes them on ``threads`` threads (default: one
    per core) with the GIL released, so memory stays bounded whatever the input's length. In
    Spark: ``rdd.mapPartitions(lambda part: isnad.analyze_jsonl(part, threads=1))``.

    Raises:
        TypeError: ``lines`` is a single str or bytes, or a line is neither str nor bytes.
        ValueError: a str line holds a lone surrogate, or ``threads`` or ``chunk`` is less than 1.
    """
    if isinstance(lines, (str, bytes, bytearray)):
        raise TypeError(
            "analyze_jsonl(): lines must be an iterable of lines (an open file, a list of str), "
            f"not a single {type(lines).__name__}; for one document use analyze(text)"
        )
    if chunk < 1:
        raise ValueError(f"analyze_jsonl(): chunk must be 1 or more, not {chunk}")
    return _records(iter(lines), threads, chunk)


def _records(lines, threads, chunk):
    number = 1
    while True:
        part = list(itertools.islice(lines, chunk))
        if not part:
            return
        yield from _jsonl_records(part, number, threads)
        number += len(part)


def summarize(records, by=None):
    """Summarizes the analyses of an archive, as ``isnad summarize`` does: who speaks, and how often anonymously.

    ``records`` is any iterable of the records ``isnad --jsonl`` or ``analyze_jsonl`` writes
    (str or bytes lines, or dicts such as ``json.loads`` gives; error records are counted, not
    summarized) or of bare analyses (``analyze``'s dicts). ``by`` names a field of the records
    (``"outlet"``) whose values group the documents.

    Returns a dict: ``speakers`` and ``groups``, each a list of dicts with the columns of
    ``isnad summarize``'s ``speakers.csv`` and ``groups.csv`` (``pandas.DataFrame(s["groups"])``),
    ``documents`` and ``errors``. ``gender`` columns appear when the analyses carry a speaker's
    ``gender``.

    Raises:
        TypeError: ``records`` is a single str, or an item is not a str, bytes or dict.
        ValueError: an item is not a record of ``isnad --jsonl`` (the message names it).
    """
    if isinstance(records, (str, bytes, bytearray)):
        raise TypeError("summarize(): records must be an iterable of records, not a single " + type(records).__name__)
    lines = []
    for i, r in enumerate(records):
        if isinstance(r, str):
            lines.append(r)
        elif isinstance(r, (bytes, bytearray)):
            lines.append(bytes(r).decode("utf-8"))
        elif isinstance(r, dict):
            lines.append(json.dumps(r, ensure_ascii=False))
        else:
            raise TypeError(f"summarize(): records[{i}] must be a str, bytes or dict record, not {type(r).__name__}")
    speakers, groups, documents, errors = _summarize(lines, by)
    return {"speakers": speakers, "groups": groups, "documents": documents, "errors": errors}
