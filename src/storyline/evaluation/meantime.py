"""MEANTIME (English, cross-document part) read for entity coreference.

Each corpus folder (``corpus_airbus`` ...) is one story. A gold entity mention is an
``ENTITY_MENTION`` joined by a ``REFERS_TO`` relation to an ``ENTITY``; mentions of one
entity share its ``instance_id`` across the corpus (an entity without one is local to its
document, unless the annotators gave it the name of another entity of the corpus). The
text is rebuilt from the ``<token>`` elements, one line per sentence, with light
detokenisation ("Boeing 's" -> "Boeing's", quotes as ``"``).

Scope (what storyline is asked to find): mentions of people, organisations and places
(``PER``/``ORG``/``LOC``; products and financial items are not storyline's business) that
are *named*: the head is capitalised, neither a pronoun nor a role noun ("the Prime
Minister", "CEO of GM"), and the mention is not typed nominal or pronominal; a mention
that contains another in-scope mention with the same head (an apposition such as "Dana
Perino, the press secretary") is left to that inner mention.
The head is the last word before a comma, bracket, "of", "and", a relative pronoun or a
preposition, possessive, quotes and a legal suffix ("Ltd.") dropped.

Alignment of a system mention (:func:`align`): with a gold mention whose span, once a
leading article and a trailing possessive are dropped, it equals; failing that, with the
smallest gold mention that contains it and whose head it covers together with the
capitalised words just before the head (so "China" does not align with "Air China").
One to one, exact pairs first. Only the file system is touched by :func:`read_corpora`.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from storyline.entity_words import PERSONAL_TITLES, TITLE_WORDS
from storyline.evaluation.cat_text import rebuild_cat_text
from storyline.evaluation.timeml import GoldReadError

__all__ = [
    "DEV_CORPORA",
    "EntityDoc",
    "GoldMention",
    "align",
    "cat_entities",
    "half_of_corpus",
    "read_corpora",
]

DEV_CORPORA = ("airbus", "gm")  # developed on; every other corpus is held out ("test")
SCOPE_TYPES = frozenset({"PER", "ORG", "LOC"})
NOT_NAMED = frozenset({"NOM", "PRO", "PRE.NOM", "PTV"})
_PRONOUNS = """i me my we us our ours he him his she her hers it its they them their theirs
you your this that these those which who whom whose itself themselves ourselves"""
PRONOUNS = frozenset(_PRONOUNS.split())
_CUT = ", ( [ -- : ; of and or who which that whose in at on for from to with by as"
CUT = frozenset(_CUT.split())
ARTICLES = frozenset({"the", "a", "an"})
LEGAL = frozenset({"ltd", "inc", "llc", "co", "corp", "plc", "n.v", "nv", "sa", "ag", "gmbh"})
# capitalised role nouns ("the Prime Minister", "CEO of GM"): nominal, not names
ROLES = TITLE_WORDS | PERSONAL_TITLES | {"ceo", "officer", "executive", "executives", "officials"}
TRAILING = frozenset({"'s", "'", "''", "’s", "’", '"', "``", ".", ","})


@dataclass(frozen=True, slots=True)
class GoldMention:
    """One gold entity mention: character span, its head's span, entity and scope.

    ``cluster`` is the entity's ``instance_id`` (or "<doc>#<m_id>" for an entity local to
    its document); ``core`` is the span without a leading article or trailing possessive.
    """

    id: str
    start: int
    end: int
    core: tuple[int, int]
    head: tuple[int, int]
    name: tuple[int, int]  # the head with the capitalised words just before it
    text: str
    cluster: str
    type: str  # PER | ORG | LOC | PRO | FIN | MIX
    in_scope: bool
    descriptor: str = ""  # the annotators' name of the entity (TAG_DESCRIPTOR)


@dataclass(frozen=True, slots=True)
class EntityDoc:
    """A gold document: rebuilt text, gold mentions, end of the fully annotated part.

    MEANTIME annotates every entity mention in the first sentences only (those of the
    document-level annotation, whose mentions carry a ``syntactic_type``); later
    sentences hold mentions of the corpus's chosen entities only. ``dense_end`` is the
    end of the last sentence holding a document-level mention.
    """

    name: str
    corpus: str
    text: str
    mentions: tuple[GoldMention, ...]
    dense_end: int  # end of the fully annotated part (title, dateline, first sentences)


def _head(words: list[str]) -> int:
    """Index of the head word: last word before a cut word, possessive, quotes and a
    legal suffix ("Ltd.", "LLC") dropped."""
    stop = next((i for i, w in enumerate(words) if i and w.lower() in CUT), len(words))
    last = stop - 1
    while last > 0 and (words[last] in TRAILING or words[last].lower().strip(".") in LEGAL):
        last -= 1
    return last


def cat_entities(root: ET.Element, name: str, corpus: str) -> EntityDoc:
    """An :class:`EntityDoc` from the root of a MEANTIME CAT document."""
    text, spans, sentence_ends = rebuild_cat_text(root)
    markables = root.find("Markables")
    entities = {
        e.get("m_id"): e for e in (markables.iterfind("ENTITY") if markables is not None else [])
    }
    target: dict[str, str] = {}
    for rel in root.iterfind("Relations/REFERS_TO"):
        tgt = rel.find("target")
        for src in rel.iterfind("source"):
            if tgt is not None and tgt.get("m_id") in entities:
                target.setdefault(src.get("m_id", ""), tgt.get("m_id", ""))
    raw: list[tuple[str, list[str], ET.Element, ET.Element]] = []
    for m in root.iterfind("Markables/ENTITY_MENTION"):
        anchors = [a.get("t_id", "") for a in m.iterfind("token_anchor")]
        entity = entities.get(target.get(m.get("m_id", ""), ""))
        if not anchors or entity is None:
            continue
        if any(a not in spans for a in anchors):
            raise GoldReadError(f"{name}: ENTITY_MENTION {m.get('m_id')} anchors unknown tokens")
        raw.append((m.get("m_id", ""), sorted(anchors, key=lambda a: spans[a][0]), m, entity))
    found = [_mention(name, text, spans, *r) for r in raw]
    mentions = _drop_appositions(found)
    dense = [spans[r[1][0]][0] for r in raw if r[2].get("syntactic_type") is not None]
    last = max(dense, default=-1)
    dense_end = next((e for e in sentence_ends if e > last), len(text))
    return EntityDoc(name, corpus, text, tuple(mentions), dense_end)


def _mention(
    doc: str,
    text: str,
    spans: dict[str, tuple[int, int]],
    m_id: str,
    anchors: list[str],
    m: ET.Element,
    entity: ET.Element,
) -> GoldMention:
    words = [text[spans[a][0] : spans[a][1]] for a in anchors]
    head = _head(words)
    first, last = 0, len(words) - 1
    while first < last and words[first].lower() in ARTICLES:
        first += 1
    while last > first and words[last] in TRAILING:
        last -= 1
    name_start = head
    while (
        name_start > first
        and words[name_start - 1][:1].isupper()
        and words[name_start - 1].lower() not in TITLE_WORDS
    ):
        name_start -= 1
    kind = entity.get("ent_type", "")
    head_word = words[head]
    named = (
        kind in SCOPE_TYPES
        and (m.get("syntactic_type") or "") not in NOT_NAMED
        and head_word[:1].isupper()
        and head_word.lower().strip(".") not in ROLES
        and (head_word.lower() not in PRONOUNS or head_word.isupper() and len(head_word) > 1)
    )
    cluster = entity.get("instance_id") or f"{doc}#{entity.get('m_id')}"
    return GoldMention(
        id=f"{doc}#{m_id}",
        start=spans[anchors[0]][0],
        end=spans[anchors[-1]][1],
        core=(spans[anchors[first]][0], spans[anchors[last]][1]),
        head=spans[anchors[head]],
        name=(spans[anchors[name_start]][0], spans[anchors[head]][1]),
        text=text[spans[anchors[0]][0] : spans[anchors[-1]][1]],
        cluster=cluster,
        type=kind,
        in_scope=named,
        descriptor=" ".join(entity.get("TAG_DESCRIPTOR", "").split()).lower(),
    )


def _drop_appositions(mentions: list[GoldMention]) -> list[GoldMention]:
    """Out of scope: an in-scope mention holding a smaller in-scope one with its head."""
    out = []
    for g in mentions:
        inner = g.in_scope and any(
            o is not g
            and o.in_scope
            and o.head == g.head
            and g.start <= o.start
            and o.end <= g.end
            and (o.end - o.start) < (g.end - g.start)
            for o in mentions
        )
        out.append(_replace_scope(g) if inner else g)
    return sorted(out, key=lambda g: (g.start, g.end))


def _replace_scope(g: GoldMention) -> GoldMention:
    return replace(g, in_scope=False)


def _link_local_entities(docs: list[EntityDoc]) -> list[EntityDoc]:
    """A document-local gold entity whose annotators' name is that of a corpus entity (or
    of a local entity of another document) is that entity: the cross-document pass left
    some entities unlinked ("Los Angeles" in two articles)."""
    named: dict[str, str] = {}
    for doc in docs:
        for g in doc.mentions:
            if "#" not in g.cluster and g.descriptor:
                named.setdefault(g.descriptor, g.cluster)
    for doc in docs:
        for g in doc.mentions:
            if "#" in g.cluster and g.descriptor:
                named.setdefault(g.descriptor, g.cluster)
    return [
        replace(
            doc,
            mentions=tuple(
                replace(g, cluster=named.get(g.descriptor, g.cluster)) if "#" in g.cluster else g
                for g in doc.mentions
            ),
        )
        for doc in docs
    ]


def cat_documents(path: str | Path) -> Iterator[tuple[str, str, ET.Element]]:
    """(corpus, document name, root element) of every CAT document under ``path`` (a
    folder of ``corpus_*`` folders, or one corpus folder), corpora and files by name; a
    GoldReadError names a file that cannot be read, or a folder that holds none."""
    path = Path(path)
    if not path.is_dir():
        raise GoldReadError(f"{path}: not a folder")
    folders = sorted(p for p in path.iterdir() if p.is_dir() and p.name.startswith("corpus_"))
    found = False
    for folder in folders or [path]:
        for file in sorted(folder.glob("*.xml")):
            try:
                root = ET.parse(file).getroot()
            except (ET.ParseError, OSError, UnicodeDecodeError) as exc:
                raise GoldReadError(f"{file}: cannot read gold ({exc})") from exc
            if root.tag == "Document":
                found = True
                yield folder.name.removeprefix("corpus_"), file.stem, root
    if not found:
        raise GoldReadError(f"{path}: no MEANTIME CAT (.xml) document found")


def read_corpora(path: str | Path) -> dict[str, list[EntityDoc]]:
    """Corpus name -> its documents (sorted by name), from the cross-document folder
    (holding ``corpus_*`` folders) or from one corpus folder."""
    corpora: dict[str, list[EntityDoc]] = {}
    for corpus, name, root in cat_documents(path):
        corpora.setdefault(corpus, []).append(cat_entities(root, name, corpus))
    return {corpus: _link_local_entities(docs) for corpus, docs in corpora.items()}


def half_of_corpus(corpus: str) -> str:
    """ "dev" for the corpora rules were developed on, "test" for every other one."""
    return "dev" if corpus in DEV_CORPORA else "test"


# --------------------------------------------------------------------------- alignment

Span = tuple[int, int]


def align(gold: tuple[GoldMention, ...], predicted: list[Span]) -> dict[int, GoldMention]:
    """Index of a predicted span -> the gold mention it aligns with (see module doc)."""
    out: dict[int, GoldMention] = {}
    taken: set[str] = set()
    by_core: dict[Span, list[GoldMention]] = {}
    for g in gold:
        by_core.setdefault(g.core, []).append(g)
    for i, span in enumerate(predicted):
        for g in by_core.get(span, []):
            if g.id not in taken:
                out[i] = g
                taken.add(g.id)
                break
    for i, (s, e) in enumerate(predicted):
        if i in out:
            continue
        holders = [
            g
            for g in gold
            if g.id not in taken and g.start <= s and e <= g.end and s <= g.name[0] < g.name[1] <= e
        ]
        if holders:
            g = min(holders, key=lambda g: (g.end - g.start, g.start))
            out[i] = g
            taken.add(g.id)
    return out
