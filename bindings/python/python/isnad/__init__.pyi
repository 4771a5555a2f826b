"""isnad: who said what in Arabic news text.

The types below describe what ``analyze`` returns: plain dicts and lists (the ``isnad`` CLI's
JSON), typed here for type checkers. They exist only in this stub: use them in annotations
(``from isnad import Analysis`` under ``typing.TYPE_CHECKING``, or with
``from __future__ import annotations``).
"""

from collections.abc import Iterable, Iterator
from typing import Any, Literal, TypedDict

from typing_extensions import NotRequired

__version__: str
"""The version of isnad, e.g. ``"0.1.0"``."""

class Span(TypedDict):
    """A range of the analyzed text: ``text[start:end] == span["text"]`` (code points)."""

    start: int
    """First code point of the span."""
    end: int
    """One past the last code point."""
    text: str
    """The text the span covers."""

class Speaker(TypedDict):
    """Someone a statement is attributed to."""

    id: int
    """Its index in ``speakers``."""
    name: str
    """The most complete name the text gives."""
    role: str
    """Titles and appositions, e.g. «المتحدث الرسمي باسم الرئاسة الروسية»; ``""`` when none."""
    kind: Literal["person", "organization", "media", "anonymous"]
    """Who the speaker is; ``anonymous`` is an unnamed source («مصدر مطلع»)."""
    gender: NotRequired[Literal["female", "male"]]
    """A person's gender where the text marks it (قالت، الوزيرة); absent otherwise."""
    mentions: list[Span]
    """Every place the text names or refers to this speaker, in text order."""

class Target(TypedDict):
    """What a denial answers: words of the text (code points), and the statement they are the
    content of, when they are one."""

    start: int
    """First code point of the answered words."""
    end: int
    """One past the last code point."""
    text: str
    """The answered words."""
    statement: NotRequired[int]
    """Index into ``statements``: the statement whose content they are; absent for an
    accusation in the journalist's words."""

class Statement(TypedDict):
    """One claim or denial: who said it, the cue that introduces it and what was said."""

    id: int
    """Its index in ``statements``, which are in text order."""
    speaker: int
    """Index into ``speakers``."""
    chain: NotRequired[list[int]]
    """The isnad: indices into ``speakers`` from the party that reports the words to the one
    they started from, ``speaker`` among them («ذكرت رويترز نقلاً عن مصادر» → [رويترز، مصادر]);
    absent for words heard directly."""
    kind: Literal["claim", "denial"]
    """Asserted, or denied or refuted."""
    form: Literal["direct", "indirect", "mixed"]
    """A quotation, the journalist's words, or reported with quoted words."""
    cue: Span
    """The verb or phrase that introduces the speech (قال، نفى، بحسب …)."""
    content: Span
    """What was said."""
    rejects: NotRequired[Target]
    """For a denial: the claim or accusation it answers, when the text states it outside the
    denial's own content."""
    confidence: float
    """0 to 1: how strong the evidence for this attribution is."""
    explain: NotRequired[str]
    """Which rule found the statement and why this speaker; only with ``explain=True``."""

class Sources(TypedDict):
    """How many speakers of each kind the text quotes."""

    person: int
    organization: int
    media: int
    anonymous: int

class Analysis(TypedDict):
    """Who spoke and what each claimed or denied in one text."""

    speakers: list[Speaker]
    """Everyone a statement is attributed to, and every party of a chain."""
    statements: list[Statement]
    """What was said, in text order."""
    sources: Sources
    """How many speakers of each kind."""
    diagnostics: list[str]
    """Notes on odd input (no Arabic, unclosed quotes, …); analysis never fails, it says so here."""

def analyze(text: str, *, explain: bool = False) -> Analysis:
    """Analyzes Arabic news text: who spoke, and what each claimed or denied.

    Returns the analysis as the ``isnad`` CLI prints it, as Python objects: a dict with
    ``speakers``, ``statements``, ``sources`` and ``diagnostics``. Offsets count code points, so
    ``text[span["start"]:span["end"]] == span["text"]`` for every cue, content, mention and
    denial's target.

    Without ``explain=True`` statements have no ``explain`` key; with it, the result equals
    ``json.loads`` of the CLI's output (``isnad FILE``) exactly.

    Never fails on a str: odd input gives an empty analysis and ``diagnostics``. Releases the
    GIL while it works.

    Raises:
        TypeError: ``text`` is not a str (bytes: decode them first).
        ValueError: ``text`` holds a lone surrogate (not valid Unicode); the message gives its index.
    """

def analyze_many(texts: Iterable[str], threads: int | None = None, *, explain: bool = False) -> list[Analysis]:
    """Analyzes many texts on several threads; returns their analyses in the order of ``texts``.

    ``texts`` is any iterable of str (a list, a tuple, a pandas Series, a generator). The result
    equals ``[analyze(t, explain=explain) for t in texts]``. ``threads`` is the number of
    analysis threads (default: one per core the process may use). The GIL is released during
    the analysis, so other Python threads run meanwhile.

    Every item is checked before any work starts.

    Raises:
        TypeError: ``texts`` is a single str, or not iterable, or an item is not a str (the
            message names its index).
        ValueError: an item holds a lone surrogate (the message gives which item and where), or
            ``threads`` is less than 1.
    """

def analyze_jsonl(
    lines: Iterable[str | bytes], threads: int | None = None, *, chunk: int = 1000
) -> Iterator[str]:
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

class Summary(TypedDict):
    """What ``summarize`` returns: two tables as lists of dicts, and two counts."""

    speakers: list[dict[str, Any]]
    """One dict per speaker (folded name and kind): ``name``, ``folded``, ``kind``, ``gender``
    (when the analyses carry it), ``documents``, ``statements``, ``claims``, ``denials``."""
    groups: list[dict[str, Any]]
    """One dict per value of ``by`` (one, ``all``, without it): documents, statements, sources by
    kind, ``anonymous_share`` …, the columns of ``groups.csv``."""
    documents: int
    """Documents summarized."""
    errors: int
    """Error records met (lines that could not be analyzed)."""

def summarize(records: Iterable[str | bytes | dict[str, Any]], by: str | None = None) -> Summary:
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
