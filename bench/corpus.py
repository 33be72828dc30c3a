"""Source texts for bench/stream.py: the shared corpora as paragraph templates, and names.

The BBC full-text corpus (one group per category) and the ECB+ documents (one group per
topic) are read from ``../shared/data`` at run time; nothing is copied into the project.
Each paragraph is compiled once into a template of literal text and slots (names, words
that have a synonym in a small hand-written list, years) that the stream fills per article.
"""

from __future__ import annotations

import bisect
import random
import re
import zlib
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

SYNONYMS: dict[str, tuple[str, ...]] = {
    "said": ("stated", "added", "noted"), "big": ("large", "major"), "rise": ("increase", "climb"),
    "fall": ("drop", "decline"), "firm": ("company", "business"), "company": ("firm", "group"),
    "government": ("administration", "executive"), "plan": ("proposal", "scheme"),
    "plans": ("proposals", "schemes"), "cut": ("reduce", "trim"), "show": ("reveal", "indicate"),
    "shows": ("reveals", "indicates"), "people": ("residents", "citizens"), "began": ("started",),
    "start": ("begin", "launch"), "end": ("finish", "close"), "help": ("assist", "aid"),
    "buy": ("purchase", "acquire"), "sell": ("offload", "market"), "win": ("victory", "triumph"),
    "lost": ("was beaten", "fell"), "important": ("key", "significant"), "told": ("informed",),
    "chief": ("head", "boss"), "deal": ("agreement", "pact"), "talks": ("negotiations",),
    "killed": ("left dead",), "attack": ("assault", "strike"), "police": ("officers",),
    "officials": ("authorities",), "expected": ("forecast", "predicted"), "hit": ("struck",),
    "warned": ("cautioned",), "film": ("movie", "picture"), "music": ("songs",),
    "growth": ("expansion",), "profits": ("earnings",), "sales": ("revenue", "turnover"),
    "game": ("match", "fixture"), "players": ("squad members",), "team": ("side", "squad"),
    "phone": ("handset",), "users": ("customers",), "technology": ("tech",),
    "fans": ("supporters",),
    "however": ("but", "yet"), "about": ("around", "roughly"), "more than": ("over",),
    "announced": ("unveiled", "revealed"), "claimed": ("alleged", "asserted"),
}  # fmt: skip
_SYN = "|".join(sorted(SYNONYMS, key=len, reverse=True))
_CAPS = r"\b(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,}))*\b"
_SLOTS = re.compile(rf"(?P<name>{_CAPS})|\b(?P<syn>{_SYN})\b|\b(?P<year>19[5-9]\d|20[0-3]\d)\b")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-3]\d)\b")
_SENT = re.compile(r"[^\n.!?]+[.!?]*")


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_LEAD = frozenset(
    _words(
        "The A An In On At By For From To Of And But Or If As When While After Before This That "
        "These Those It Its He She His Her They Their We Our I You Mr Mrs Ms Dr Sir So Yet Now "
        "Then There Here What Who Why How Where Some Many Most All One Two Last Next Both"
    )
)
_CALENDAR = frozenset(
    _words(
        "January February March April May June July August September October November December "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    )
)
_SYLLABLES = _words(
    "ka ri to ben mar lo vi sa dun el or pa ne tis gra ho ul fen da mi ro ste an ko lu zer "
    "ba ti no we har ig sel vo ra cu len pe mo"
)
OUTLETS = tuple(f"{a} {b}" for a in ("Daily", "Evening", "Global", "City") for b in (
    "Herald", "Courier", "Post", "Wire", "Times", "Ledger", "Observer", "Gazette"))  # fmt: skip


# --------------------------------------------------------------------------- corpus


Slot = tuple[str, str, int]  # ("name" | "syn" | "year", the text, crc32 of a name)
Template = tuple[str | Slot, ...]  # literal pieces and slots, in text order


def compile_text(text: str) -> Template:
    """``text`` as literal pieces and slots to fill per article: names (capitalised runs,
    leading function words, dates and sentence-initial single words left literal), words
    with synonyms, and years."""
    parts: list[str | Slot] = []
    pos = 0
    for match in _SLOTS.finditer(text):
        kind, value, start = match.lastgroup or "", match.group(), match.start()
        if kind == "name":
            words = value.split(" ")
            lead = 0
            while lead < len(words) and words[lead] in _LEAD:
                lead += 1
            rest = words[lead:]
            initial = text[:start].rstrip()[-1:] in ("", ".", "!", "?", '"', "'", ":", "\u201c")
            if not rest or (len(rest) == 1 and (rest[0] in _CALENDAR or (initial and not lead))):
                continue
            start += sum(len(w) + 1 for w in words[:lead])
            value = " ".join(rest)
        if start > pos:
            parts.append(text[pos:start])
        parts.append((kind, value, zlib.crc32(value.encode()) if kind == "name" else 0))
        pos = match.end()
    if pos < len(text):
        parts.append(text[pos:])
    return tuple(parts)


@dataclass(frozen=True, slots=True)
class Doc:
    """One source text: its title and paragraphs as templates, and the year it is written from."""

    name: str
    title: Template
    paragraphs: tuple[Template, ...]
    year: int


@dataclass(frozen=True, slots=True)
class Group:
    """Documents about one kind of news: a BBC category or an ECB+ topic."""

    name: str
    docs: tuple[Doc, ...]


def detokenise(text: str) -> str:
    """ECB+ text ("free - agent slugger , 12 / 16 / 08") back to ordinary spacing."""
    text = re.sub(r" ([,.;:!?%)\]]|'s|n't)", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return re.sub(r"(\w) ([-/]) (\w)", r"\1\2\3", text)


def chunks(text: str, size: int = 3) -> tuple[str, ...]:
    """A one-paragraph text cut into paragraphs of ``size`` sentences."""
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z\"])", text) if s.strip()]
    return tuple(" ".join(sentences[i : i + size]) for i in range(0, len(sentences), size))


def base_year(text: str, default: int) -> int:
    """The latest plausible year the text mentions (what its dates are relative to)."""
    years = [int(y) for y in _YEAR.findall(text) if 1995 <= int(y) <= 2014]
    return max(years) if years else default


def bbc_doc(name: str, raw: str) -> Doc | None:
    """A BBC file: the title line, then paragraphs separated by blank lines (cut into pieces
    of two sentences, so that articles drawn from one file differ enough)."""
    title, _, body = raw.strip().partition("\n")
    pieces = (c for p in body.split("\n\n") for c in chunks(p.strip(), 2))
    paragraphs = tuple(c for c in pieces if len(c.split()) >= 5)
    if not paragraphs:
        return None
    return Doc(name, compile_text(title.strip()), _compiled(paragraphs), base_year(body, 2004))


def ecb_doc(name: str, raw: str) -> Doc | None:
    """An ECB+ file: an optional URL line, then one long (tokenised) paragraph or two."""
    lines = [detokenise(x.strip()) for x in raw.splitlines() if x.strip()]
    lines = [x for x in lines if not x.startswith("http")]
    if not lines:
        return None
    first = re.split(r"(?<=[.!?])\s+", lines[0])[0]
    first = first if len(first.split()) >= 4 else lines[0]
    title = " ".join(first.split()[:12]).rstrip(".")
    paragraphs = tuple(p for line in lines for p in chunks(line) if len(p.split()) >= 5)
    if not paragraphs:
        return None
    return Doc(name, compile_text(title), _compiled(paragraphs), base_year(" ".join(lines), 2008))


def _compiled(paragraphs: tuple[str, ...]) -> tuple[Template, ...]:
    return tuple(compile_text(p) for p in paragraphs)


def load_corpus(data: Path = DEFAULT_DATA) -> list[Group]:
    """The BBC categories and ECB+ topics under ``data`` as groups (empty when absent)."""
    groups: dict[str, list[Doc]] = {}
    for path in sorted((data / "bbc-fulltext").glob("*/*.txt")):
        doc = bbc_doc(f"bbc/{path.parent.name}/{path.name}", path.read_text(errors="replace"))
        if doc:
            groups.setdefault(f"bbc/{path.parent.name}", []).append(doc)
    for path in sorted((data / "ecbplus" / "docs").glob("*.txt")):
        doc = ecb_doc(f"ecb/{path.name}", path.read_text(errors="replace"))
        if doc:
            groups.setdefault(f"ecb/{path.name.split('_')[0]}", []).append(doc)
    return [Group(name, tuple(docs)) for name, docs in sorted(groups.items())]


# --------------------------------------------------------------------------- names


def name_word(index: int) -> str:
    """A pronounceable invented name, one per index (at least two syllables)."""
    n, parts = index + len(_SYLLABLES), []
    while n:
        n, digit = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


class Zipf:
    """Draws 0..size-1 with P(k) ~ 1 / (k + offset) ** exponent (inverse CDF by bisection)."""

    def __init__(self, size: int, exponent: float, offset: int = 1) -> None:
        self._cdf = list(accumulate((k + offset) ** -exponent for k in range(size)))

    def draw(self, rng: random.Random) -> int:
        return min(bisect.bisect(self._cdf, rng.random() * self._cdf[-1]), len(self._cdf) - 1)


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by end punctuation and line breaks."""
    return [(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]
