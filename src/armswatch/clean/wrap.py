"""Undo hard line wrapping in plain-text news.

Wire archives and e-mailed copy (Reuters-21578 among them) break every line
near 70 characters, mid-sentence. Read line by line, such text looks like a
run of headings and loses its prose, so a wrapped document's paragraphs are
joined back into one line each first. The join replaces a newline with a space,
so every offset into the text stays valid.
"""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*\s*$")
_NEW_PARAGRAPH = re.compile(r"^(?:\s{2,}|\t|\s*(?:[-*•▪►]|\d+[.)])\s)")
# What a wrapped line looks like: the width typewriters and wire services used.
_SHORTEST_WRAP = 40
_LONGEST_WRAP = 80
# No wrapped text holds a line this long.
_UNWRAPPED = 2 * _LONGEST_WRAP
_MIN_LINES = 4
_WRAPPED_SHARE = 0.6
_OPEN_SHARE = 0.5


def unwrap(text: str) -> str:
    """The text with each hard-wrapped paragraph on one line; other text as it was."""
    lines = text.split("\n")
    if not _is_wrapped(lines):
        return text
    joined: list[str] = []
    for index, line in enumerate(lines):
        following = lines[index + 1] if index + 1 < len(lines) else ""
        continues = (
            line.strip()
            and following.strip()
            and not _NEW_PARAGRAPH.match(following)
            and not _SENTENCE_END.search(line)
        )
        joined.append(line + (" " if continues else "\n"))
    return "".join(joined)[: len(text)]


def _is_wrapped(lines: list[str]) -> bool:
    """Most lines fill the wrap width, and most of those stop mid-sentence."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < _MIN_LINES or any(len(line) > _UNWRAPPED for line in filled):
        # A paragraph on one long line: the page is not wrapped, whatever its short
        # menu, teaser and footer lines look like.
        return False
    at_width = [line for line in filled if _SHORTEST_WRAP <= len(line.rstrip()) <= _LONGEST_WRAP]
    if len(at_width) < _WRAPPED_SHARE * len(filled):
        return False
    open_ended = [line for line in at_width if not _SENTENCE_END.search(line)]
    return len(open_ended) >= _OPEN_SHARE * len(at_width)
