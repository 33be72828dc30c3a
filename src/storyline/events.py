"""Events inside one storyline, formed again from its members whenever the storyline changes.

The online index (:mod:`storyline.stories`) places each article once, so what it calls events
depends on the order in which articles arrive: an undated article that comes last meets a
storyline whose only event is the other happening, and joins it. Storylines are small, so
their events can be re-formed from all their members each time the storyline changes, in a
way that does not depend on order:

1. each member's bags (words and entities, :func:`storyline.story_features.features`) are
   weighted by IDF *within the storyline*: words every member uses ("earthquake",
   "magnitude") tell nothing about which happening an article reports; the names, places
   and figures one group uses and another does not do;
2. the similarity of two members is ``(1 - entity_weight)`` x the word cosine +
   ``entity_weight`` x the entity cosine (words alone when one has no entities); two
   members whose dates cannot be one happening (both dated to the day and more than
   ``days`` apart, or otherwise more than :data:`COARSE_DAYS` apart) get -1;
3. average-link agglomerative clustering cut at ``cut``;
4. a dated member left alone joins the group (of two or more) it is most similar to on
   average when that reaches ``attach``: a straggler with a date that fits and some shared
   content more likely reports that happening than one nobody else reported. An undated
   member has no such support and stays alone.

An undated member's similarity to a dated one is lowered by :data:`UNDATED_MARGIN`: with no
date to agree, it needs more shared content to count as the same happening. The months the
texts name (:func:`named_months`: "on 9 April 2025", or "on Friday" in a dated article) are
such date evidence: for two members that both name some, their cosine is blended in at
:data:`MONTH_WEIGHT`, after the margin (on ECB+'s dev half, mean event B-cubed F1 over five
arrival orders went from .921 to .940; from .878 to .913 with the source URL left in the
text). A month the lead names weighs twice one named further down (:data:`LEAD_MONTH_WEIGHT`):
in the example corpus an undated report of a repair plan, whose lead names the residents'
March deadline and whose later paragraph names the inquiry's February one, joined the
inquiry and now joins the plan (ECB+ dev and the seeds are unchanged). A date estimated from
the content (often the month of an earlier event it mentions) neither supports nor forbids a
match.

Copies (``duplicate_of``) go with their original. Event ids are ``"e-"`` + the id of the
group's first member in publication order, so the same members give the same ids in any input
order. Only the newest :data:`WINDOW` members are re-formed; older ones keep their event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from storyline.model import Article
from storyline.story_features import Doc, features

CUT = 0.08  # average similarity at which two groups stop merging
ATTACH = 0.04  # average similarity a lone dated member needs to join its nearest group
ENTITY_WEIGHT = 0.35  # share of the entity cosine in a pair's similarity
MONTH_WEIGHT = 0.2  # share of the cosine of the months two members' texts name
LEAD_MONTH_WEIGHT = 2.0  # a month named in the lead, against 1 for one named further down
LEAD_WORDS = 12  # words of the first paragraph that is a lead, not a byline
EVENT_DAYS = 7  # two members dated to the day farther apart than this are two happenings
COARSE_DAYS = 45  # the same when either date is only a month or a year
UNDATED_MARGIN = 0.2  # taken off the similarity of an undated member to a dated one
WINDOW = 400  # members re-formed at most (the newest); older members keep their event
_MONTH_VALUE = re.compile(r"^(\d{4}-\d\d)(?:-\d\d)?(?:T|$)")  # a value to the month or finer


def publication_order(article: Article) -> tuple[str, str]:
    """Dated articles first, oldest first; unknown dates last; ties by id (deterministic)."""
    return (article.published.value or "9999", article.id)


Codes = tuple[np.ndarray, np.ndarray]  # a bag as (its terms' string hashes, weights)


def _bag_codes(bag: dict[str, float]) -> Codes:
    """A bag as arrays for :func:`_bag_matrix`: its terms' string hashes and weights."""
    return (
        np.fromiter(map(hash, bag), dtype=np.int64, count=len(bag)),
        np.fromiter(bag.values(), dtype=float, count=len(bag)),
    )


def _doc_codes(doc: Doc, bag: str) -> Codes:
    """The ``bag`` ("words" or "ents") of ``doc`` as :func:`_bag_codes`, made once per doc."""
    if bag not in doc.codes:
        doc.codes[bag] = _bag_codes(getattr(doc, bag))
    return doc.codes[bag]


def compact(doc: Doc) -> Doc:
    """``doc`` as the event grouping reads it: its bags as arrays only (:func:`_bag_codes`;
    the term dicts are left empty), its date and language as they are. Every function of
    this module gives the same results for ``doc`` and ``compact(doc)``."""
    codes = {bag: _doc_codes(doc, bag) for bag in ("words", "ents")}
    return Doc({}, {}, doc.when, doc.language, doc.estimated, codes)


def _bag_matrix(rows: Sequence[Codes]) -> Any:
    """Rows of bags (as :func:`_bag_codes`) as a sparse matrix, IDF-weighted within the
    rows, each of unit length.

    A term's column comes from its string hash: the columns the rows use are numbered in
    order (``np.unique``), with no Python step per term. Two different terms of one call
    sharing a 64-bit hash would share a column; for k terms in a call that chance is about
    k^2 / 2^65 (3e-12 for 10,000 terms). A row's entries keep their bag's order.
    """
    from scipy.sparse import csr_matrix

    n = len(rows)
    lengths = np.fromiter((len(hashes) for hashes, _ in rows), dtype=np.int64, count=n)
    if not lengths.sum():
        return csr_matrix((n, 1))
    columns, indices = np.unique(np.concatenate([h for h, _ in rows]), return_inverse=True)
    freq = np.bincount(indices, minlength=len(columns))  # a bag holds a term once
    data = np.concatenate([w for _, w in rows]) * (np.log((n + 1) / (freq + 1)) + 1.0)[indices]
    row = np.repeat(np.arange(n), lengths)
    data /= np.sqrt(np.bincount(row, weights=data * data, minlength=n))[row]
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    return csr_matrix((data, indices, indptr), shape=(n, len(columns)))


def named_months(article: Article) -> dict[str, float]:
    """The months (YYYY-MM) the article's time expressions name, to the month or finer:
    weight :data:`LEAD_MONTH_WEIGHT` for a month its lead names, 1 for the others.

    Reports of one happening name the same days and months; a year alone ("formed in 2014")
    is background more often than not and is left out. An undated article's relative
    expressions ("on Friday") have no month, so only its explicit dates count. The lead
    (:func:`lead_end`) says when the happening it reports took place; later paragraphs add
    background and other happenings' dates ("the inquiry is due to report by the end of
    February").
    """
    months: dict[str, float] = {}
    lead = lead_end(article.text)
    for t in article.analysis.times if article.analysis else ():
        if t.type in ("DATE", "TIME") and (m := _MONTH_VALUE.match(t.value)):
            weight = LEAD_MONTH_WEIGHT if t.start < lead else 1.0
            months[m[1]] = max(months.get(m[1], 0.0), weight)
    return months


def lead_end(text: str) -> int:
    """Where an article's lead ends: after its first paragraph (line) of at least
    :data:`LEAD_WORDS` words, which passes over a byline or a kicker; 0 when none has."""
    start = 0
    while start <= len(text):  # paragraph by paragraph, stopping at the lead (a hot path)
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if len(text[start:end].split()) >= LEAD_WORDS:
            return end
        start = end + 1
    return 0


def _cosines(rows: Sequence[Codes]) -> tuple[np.ndarray, np.ndarray]:
    """The IDF-weighted cosines of the rows' bags, and which rows have a bag at all."""
    matrix = _bag_matrix(rows)
    return (matrix @ matrix.T).toarray(), np.array([len(h) > 0 for h, _ in rows])


def similarity_matrix(
    docs: Sequence[Doc],
    entity_weight: float = ENTITY_WEIGHT,
    days: int = EVENT_DAYS,
    months: Sequence[dict[str, float]] | None = None,
) -> np.ndarray:
    """Pairwise similarities (see the module docstring) as an n x n array; diagonal 1.

    ``months``: each doc's :func:`named_months`, blended in at :data:`MONTH_WEIGHT` for
    the pairs where both name some, after the undated margin (naming the same month is
    itself date evidence).
    """
    n = len(docs)
    if n == 0:
        return np.zeros((0, 0))
    sims, _ = _cosines([_doc_codes(d, "words") for d in docs])
    ents, has_ents = _cosines([_doc_codes(d, "ents") for d in docs])
    blended = (1.0 - entity_weight) * sims + entity_weight * ents
    sims = np.where(np.outer(has_ents, has_ents), blended, sims)
    undated = np.array([d.when is None for d in docs])
    sims -= UNDATED_MARGIN * (undated[:, None] != undated[None, :])
    if months is not None:  # months both name are date evidence: not under the margin
        named, has_months = _cosines([_bag_codes(m) for m in months])
        blended = (1.0 - MONTH_WEIGHT) * sims + MONTH_WEIGHT * named
        sims = np.where(np.outer(has_months, has_months), blended, sims)
    known = np.array([d.when is not None and not d.estimated for d in docs])
    lo = np.array([d.when[0] if d.when else 0 for d in docs])
    hi = np.array([d.when[1] if d.when else 0 for d in docs])
    exact = np.array([bool(d.when and d.when[2]) for d in docs])
    gap = np.maximum(0, np.maximum(lo[:, None] - hi[None, :], lo[None, :] - hi[:, None]))
    limit = np.where(np.outer(exact, exact), days, COARSE_DAYS)
    sims[np.outer(known, known) & (gap > limit)] = -1.0
    np.fill_diagonal(sims, 1.0)
    return sims


def cross_similarity(
    first: Sequence[Doc], second: Sequence[Doc], entity_weight: float = ENTITY_WEIGHT
) -> np.ndarray:
    """The similarities of each of ``first`` to each of ``second``, dates aside: the block
    of :func:`similarity_matrix` (words and entities, IDF weights over both groups) across
    the two groups, without the products within each."""
    k = len(first)
    both = [*first, *second]
    words = _bag_matrix([_doc_codes(d, "words") for d in both])
    ents = _bag_matrix([_doc_codes(d, "ents") for d in both])
    sims = (words[:k] @ words[k:].T).toarray()
    blended = (1.0 - entity_weight) * sims + entity_weight * (ents[:k] @ ents[k:].T).toarray()
    has_ents = np.array([len(_doc_codes(d, "ents")[0]) > 0 for d in both])
    return np.where(np.outer(has_ents[:k], has_ents[k:]), blended, sims)


def group(
    sims: np.ndarray,
    cut: float = CUT,
    attach: float = ATTACH,
    may_attach: Sequence[bool] | None = None,
) -> list[int]:
    """Average-link groups of a similarity matrix: a group label per row (0, 1, ...,
    numbered in the order of the rows that open them).

    Groups merge while their average similarity is above ``cut`` (scipy's average-link
    tree, cut as scikit-learn's ``AgglomerativeClustering(distance_threshold=1 - cut)``
    cuts it: the same groups at a third of its cost on a pool of 70). A row left alone
    joins its nearest group when ``may_attach`` allows it (all rows when None) and its
    average similarity to that group reaches ``attach``.
    """
    n = len(sims)
    if n < 2:
        return [0] * n
    from scipy.cluster.hierarchy import linkage

    distances = 1.0 - np.asarray(sims, dtype=float)
    rows, columns = np.triu_indices(n, k=1)  # the upper triangle, as scikit-learn reads it
    tree = linkage(distances[rows, columns], method="average")
    # undo the merges at or above the threshold: the last ones, the tree's heights rising
    kept = n - 1 - int(np.count_nonzero(tree[:, 2] >= 1.0 - cut))
    parent = np.arange(2 * n - 1)
    for k, (a, b) in enumerate(tree[:kept, :2].astype(np.int64)):
        parent[a] = parent[b] = n + k
    top = parent.copy()
    for node in range(n + kept - 1, -1, -1):  # children come before their parent's node
        top[node] = top[parent[node]]
    opened: dict[int, int] = {}  # a group's top node -> its label, in the order rows open them
    labels = [opened.setdefault(int(node), len(opened)) for node in top[:n]]
    return _attach_lone(sims, labels, attach, may_attach or [True] * n)


def _attach_lone(
    sims: np.ndarray, labels: list[int], attach: float, may_attach: Sequence[bool]
) -> list[int]:
    """Move each member alone in its group to the group it is most similar to on average
    (of those of two or more; the first such group on a tie), in row order."""
    found = np.asarray(labels, dtype=np.int64)
    sizes = np.bincount(found)
    for i in range(len(found)):
        if not may_attach[i] or sizes[found[i]] != 1 or np.count_nonzero(sizes) < 2:
            continue
        means = np.bincount(found, weights=sims[i], minlength=len(sizes)) / np.maximum(sizes, 1)
        means[sizes < 2] = -np.inf  # a straggler joins a group, not another straggler
        best = int(np.argmax(means))
        if sizes[best] >= 2 and means[best] >= attach:
            sizes[found[i]] -= 1
            found[i] = best
            sizes[best] += 1
    return [int(x) for x in found]


def form_events(
    members: Sequence[Article],
    cut: float = CUT,
    attach: float = ATTACH,
    entity_weight: float = ENTITY_WEIGHT,
    window: int | None = None,
    days: int = EVENT_DAYS,
    featurize: Callable[[Article], Doc] = features,
) -> dict[str, str]:
    """Article id -> event id for a storyline's members (see the module docstring).

    Members outside the newest ``window`` (:data:`WINDOW` when None) keep the event they
    have (their own id's event when they have none). ``featurize`` may be a cache of
    :func:`storyline.story_features.features` when the caller reads the same members again.
    """
    window = WINDOW if window is None else window
    ordered = sorted(members, key=publication_order)
    ids = {a.id for a in ordered}
    originals = [a for a in ordered if not (a.duplicate_of and a.duplicate_of in ids)]
    old, recent = originals[:-window] if window else [], originals[-window:] if window else []
    events = {a.id: a.event or f"e-{a.id}" for a in old}
    docs = [featurize(a) for a in recent]
    sims = similarity_matrix(docs, entity_weight, days, [named_months(a) for a in recent])
    labels = group(sims, cut, attach, [d.when is not None for d in docs])
    first: dict[int, str] = {}
    for article, label in zip(recent, labels, strict=True):
        first.setdefault(label, article.id)
        events[article.id] = f"e-{first[label]}"
    for article in ordered:  # copies: the index points them at their root original
        if article.id not in events:
            events[article.id] = events.get(article.duplicate_of or "", f"e-{article.id}")
    return events
