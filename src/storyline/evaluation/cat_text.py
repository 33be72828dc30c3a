"""The text of a MEANTIME CAT document, rebuilt from its ``<token>`` elements.

One line per sentence, with light detokenisation so the text reads as the article did
and a tagger sees ordinary prose: no space before closing punctuation, clitics and
closing quotes ("Boeing 's" -> "Boeing's", "March 01 , 2008" -> "March 01, 2008",
"U.S ." -> "U.S."), none after opening brackets, currency signs and opening quotes, and
PTB quotes (````` and ``''``) written as ``"``. Shared by every MEANTIME reader (timexes,
entities, quantities) so their offsets agree.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

__all__ = ["NO_SPACE_AFTER", "NO_SPACE_BEFORE", "QUOTES", "rebuild_cat_text"]

_NO_SPACE_BEFORE = ", . ; : ! ? ) ] % 's ' n't 're 've 'll 'd 'm '' ... ’s ’ ”"
NO_SPACE_BEFORE = frozenset(_NO_SPACE_BEFORE.split())
NO_SPACE_AFTER = frozenset({"(", "[", "$", "#", "``", "“"})
QUOTES = {"``": '"', "''": '"'}


def rebuild_cat_text(root: ET.Element) -> tuple[str, dict[str, tuple[int, int]], list[int]]:
    """Text, t_id -> (start, end) of each token in it, and the end offset of each sentence."""
    pieces: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    sentence_ends: list[int] = []
    length, sentence, glue = 0, None, True
    for tok in root.iter("token"):
        raw = tok.text or ""
        word = QUOTES.get(raw, raw)
        if pieces:
            sep = "\n" if tok.get("sentence") != sentence else " "
            if sep == " " and (glue or raw in NO_SPACE_BEFORE):
                sep = ""
            pieces.append(sep)
            length += len(sep)
        if tok.get("sentence") != sentence:
            sentence_ends.append(length)
        sentence = tok.get("sentence")
        spans[tok.get("t_id", "")] = (length, length + len(word))
        pieces.append(word)
        length += len(word)
        sentence_ends[-1] = length
        glue = raw in NO_SPACE_AFTER
    return "".join(pieces), spans, sentence_ends
