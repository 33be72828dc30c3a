"""What the spaCy components storyline runs cost in speed, and what they buy in entities.

Each variant of the pipeline parses the same texts (the MEANTIME development corpora) in
the same run: the words per second it reaches, as a ratio to the pipeline storyline
configures (:func:`storyline.nlp.load_pipeline`: tok2vec, tagger, parser, attribute ruler,
lemmatizer, NER), and the entity scores ``storyline eval entities`` gives with the
mentions :func:`storyline.entities.extract_mentions` reads off that variant's parse.

    .venv/bin/python bench/ner_components.py [--repeat 5] [--gold DIR]

Variants: ``full`` (as configured); ``no-parser`` (parser left out, the sentence
recogniser switched on for sentences: lemmas kept, no dependency tree); ``ner+tagger``
(NER with tok2vec, tagger and attribute ruler: part-of-speech tags, no lemmas, no tree);
``ner-only`` (the NER alone: it has its own token-to-vector layer in this model).
Claims need the tree and lemmas, quantities the lemmas, so only ``full`` serves the whole
pipeline; the others say what entity mentions alone would cost.

Not a test: run it on purpose. Prints a table; exits 0 when the gold is absent.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import spacy

from storyline.entities import extract_mentions
from storyline.evaluation.entities import evaluate_entities, read_corpora, resolve_storyline
from storyline.nlp import MODEL_NAME, load_pipeline

DEFAULT_GOLD = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "data"
    / "meantime-english"
    / "intra_cross-doc_annotation"
)
NON_NER = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"]


def variants() -> dict[str, Any]:
    """Name -> loaded pipeline; ``full`` is exactly the one storyline uses."""
    no_parser = spacy.load(MODEL_NAME, exclude=["parser"])
    no_parser.enable_pipe("senter")
    return {
        "full": load_pipeline(),
        "no-parser": no_parser,
        "ner+tagger": spacy.load(MODEL_NAME, exclude=["parser", "lemmatizer"]),
        "ner-only": spacy.load(MODEL_NAME, exclude=NON_NER),
    }


def words_per_second(pipes: dict[str, Any], texts: list[str], repeat: int) -> dict[str, float]:
    """Words per second of each pipeline, best of ``repeat`` passes, one call per text as
    storyline makes them. The passes take turns (a pass of each variant, then again) so
    that a busy spell on a shared machine does not fall on one variant only."""
    words = sum(len(t.split()) for t in texts)
    best = dict.fromkeys(pipes, float("inf"))
    for _ in range(repeat):
        for name, nlp in pipes.items():
            start = time.perf_counter()
            for text in texts:
                nlp(text)
            best[name] = min(best[name], time.perf_counter() - start)
    return {name: words / seconds for name, seconds in best.items()}


def entity_scores(nlp: Any, corpora: dict) -> dict[str, float]:
    """CoNLL (found, end to end) and mentions found of storyline's grouping on ``nlp``."""
    result = evaluate_entities(
        corpora,
        half="dev",
        finder=lambda text: extract_mentions(nlp(text)),
        systems={"storyline": resolve_storyline},
    )
    rows = {r.view: r for r in result.rows if r.corpus == "all"}
    found = sum(d["found"] for d in result.detection.values())
    gold = sum(d["gold"] for d in result.detection.values())
    return {
        "found": rows["found"].scores.conll,
        "end-to-end": rows["end-to-end"].scores.conll,
        "b3 e2e": rows["end-to-end"].scores.b_cubed.f1,
        "mentions": found / gold if gold else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes per variant")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()
    if not args.gold.exists():
        print(f"skipped: {args.gold} is absent")
        return 0
    corpora = {c: d for c, d in read_corpora(args.gold).items() if c in ("airbus", "gm")}
    texts = [doc.text for docs in corpora.values() for doc in docs]
    pipes = variants()
    for nlp in pipes.values():  # warm up: first calls allocate
        nlp(texts[0])
    speed = words_per_second(pipes, texts, args.repeat)
    scores = {name: entity_scores(nlp, corpora) for name, nlp in pipes.items()}
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} MEANTIME dev documents, {words:,} words, best of {args.repeat} passes")
    print(
        f"{'variant':<11} {'components':<55} {'speed':>6} "
        f"{'CoNLL found':>11} {'CoNLL e2e':>9} {'B3 e2e':>7} {'mentions':>8}"
    )
    for name, nlp in pipes.items():
        s = scores[name]
        print(
            f"{name:<11} {','.join(nlp.pipe_names):<55} {speed[name] / speed['full']:>5.2f}x "
            f"{100 * s['found']:>11.1f} {100 * s['end-to-end']:>9.1f} {100 * s['b3 e2e']:>7.1f} "
            f"{100 * s['mentions']:>7.1f}%"
        )
    print("speed: words per second as a ratio to 'full' (higher is faster)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
