"""isnad: who said what in Arabic news text.

``analyze(text)`` finds reported speech in an Arabic news article -- the speakers, with their
titles, and each statement they made, claim or denial -- and returns it as the ``isnad`` CLI's
JSON, as Python objects, with offsets in code points (``text[s["start"]:s["end"]] == s["text"]``).
``analyze_many(texts)`` does the same for many texts on every core.
"""

from ._isnad import __version__, analyze, analyze_many

__all__ = ["analyze", "analyze_many", "__version__"]
