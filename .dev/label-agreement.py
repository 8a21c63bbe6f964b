#!/usr/bin/env python3
"""How far can any rule get? The corpus labeller against themself.

Issue 15 asks for precision and recall of 0.90 per rule. A score is bounded
by how consistently the labels themselves are given: if the same person,
reading the same sentence again with the same written readings (the
corpus header), gives a different answer one time in ten, no rule can be
held to agree with the stored labels more often than that. This script
measures it, on the tune half only (the held-out half stays unread):

    python3 .dev/label-agreement.py sample 200 7 > /tmp/blind.tsv
        prints 200 tune sentences of status-pages.txt, drawn with seed 7,
        as "number <TAB> page address <TAB> sentence", without labels.
        Label each again from the readings in the corpus header, not
        looking at the stored labels, as "number <TAB> labels <TAB>
        sentence" (labels comma-separated, "-" for none) in a new file.
    python3 .dev/label-agreement.py score RELABELS
        compares the new labels with the ones the corpus stores for the
        same sentences (found by their text, so pages added later do not
        move them): per rule, the stored labels' precision and recall
        read against the new ones, Cohen's kappa, and the sentences where
        they differ.

The sample and the new labels of 2026-12-03 are kept in
`src-tauri/crates/core/corpus/relabelled-sample.tsv` (README, "Guardrails
corpus", gives the numbers).
"""

import random
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent / "src-tauri/crates/core/corpus/status-pages.txt"
RULES = ["speculation", "blame", "unconfirmed_eta", "premature_resolution", "jargon", "person_name"]


def tune_sentences():
    """(address, stored labels, sentence) for every tune entry, in file order."""
    rows, address, split = [], "", "tune"
    for line in open(CORPUS, encoding="utf-8"):
        line = line.strip()
        if line.startswith("@source"):
            address = line[len("@source"):].strip()
        elif line.startswith("@split"):
            split = line[len("@split"):].strip()
        elif "|" in line and not line.startswith(("#", "@")) and split == "tune":
            _, labels, sentence = (part.strip() for part in line.split("|", 2))
            rows.append((address, labels_of(labels), sentence))
    return rows


def labels_of(field):
    return {label.strip() for label in field.split(",") if label.strip() not in ("", "-")}


def sample(count, seed):
    rows = tune_sentences()
    picked = sorted(random.Random(seed).sample(range(len(rows)), count))
    return [(n + 1, rows[i]) for n, i in enumerate(picked)]


def kappa(a, b):
    n = len(a)
    agree = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    chance = pa * pb + (1 - pa) * (1 - pb)
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def score(path):
    stored_labels = {}
    for _, labels, sentence in tune_sentences():
        stored_labels.setdefault(sentence, labels)
    drawn, again = {}, {}
    for line in open(path, encoding="utf-8"):
        if line.strip() and not line.startswith("#"):
            number, labels, sentence = line.rstrip("\n").split("\t")[:3]
            assert sentence in stored_labels, f"line {number} is not a tune sentence of the corpus"
            drawn[int(number)] = ("", stored_labels[sentence], sentence)
            again[int(number)] = labels_of(labels)
    print(f"{len(drawn)} tune sentences labelled again")
    print(f"{'rule':22} {'stored':>6} {'again':>6} {'both':>5}  stored P / R against the new  kappa")
    for rule in RULES:
        stored = [rule in drawn[n][1] for n in sorted(drawn)]
        new = [rule in again[n] for n in sorted(drawn)]
        both = sum(s and a for s, a in zip(stored, new))
        precision = both / sum(stored) if sum(stored) else 1.0
        recall = both / sum(new) if sum(new) else 1.0
        print(f"{rule:22} {sum(stored):6} {sum(new):6} {both:5}  {precision:13.2f} / {recall:.2f}"
              f"          {kappa(stored, new):.2f}")
    print("\nwhere they differ (stored -> again):")
    for n in sorted(drawn):
        _, stored, sentence = drawn[n]
        if stored != again[n]:
            print(f"{n:4} {','.join(sorted(stored)) or '-'} -> {','.join(sorted(again[n])) or '-'}: {sentence}")


if __name__ == "__main__":
    if sys.argv[1] == "sample":
        for number, (address, _, sentence) in sample(int(sys.argv[2]), int(sys.argv[3])):
            print(f"{number}\t{address}\t{sentence}")
    elif sys.argv[1] == "score":
        score(sys.argv[2])
