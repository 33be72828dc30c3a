"""Which happening a figure of nobody is about (:mod:`storyline.facts`).

A figure with neither holder nor place ("84 people were killed") is about the happening its
sentence tells. In one story two such figures of unrelated happenings (the toll of a
ferry sinking, the toll of a dam burst years before) must neither conflict nor
corroborate; two reports of one happening share words besides the figure's own ("Tolven",
"dam", "ferry"). So a group of statements is split by those words (single link), and two
groups join only when their words meet.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from storyline.timeline_items import content_words

Key = tuple[str, str, str, str]  # holder, unit, place, attribute


class _Stated(Protocol):
    text: str  # the sentence that states the figure


S = TypeVar("S", bound=_Stated)


def nobodys(key: Key) -> bool:
    """A figure with neither holder nor place ("84 people were killed")."""
    return not key[0] and not key[2]


def told(key: Key, stmts: Iterable[_Stated]) -> set[str]:
    """What the sentences of a figure's statements tell besides the figure: their content
    words without the figure's own (unit, attribute) and without numbers."""
    own = content_words(f"{key[1]} {key[3]}")
    return {w for st in stmts for w in content_words(st.text) - own if not w.isdigit()}


def by_happening(key: Key, stmts: list[S]) -> list[list[S]]:
    """The statements of one figure, split by happening when the figure is nobody's (those
    whose sentences share a word of :func:`told` go together, single link); otherwise
    whole."""
    if not nobodys(key) or len(stmts) == 1:
        return [stmts]
    root = list(range(len(stmts)))

    def find(i: int) -> int:
        while root[i] != i:
            i = root[i]
        return i

    first: dict[str, int] = {}
    for i, st in enumerate(stmts):
        for word in sorted(told(key, [st])):
            root[find(i)] = find(first.setdefault(word, i))
    parts: dict[int, list[S]] = {}
    for i, st in enumerate(stmts):
        parts.setdefault(find(i), []).append(st)
    return list(parts.values())
