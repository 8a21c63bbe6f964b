#!/usr/bin/env python3
"""Does a general jargon detector help on pages the rules were never fitted to?

Rules fitted to the tune half score well there and poorly on new pages, so a
new idea is judged on "fresh" tune pages: the tune pages collected after an
older commit, scored with that commit's rules (which never saw them). The
candidate's word lists are learned from the older tune pages only. Held-out
pages are never read.

Two candidates:
1. Acronyms nobody spelled out: a run of 2 to 6 capitals not on a list of
   plain acronyms (everyday ones, plus those the older tune pages show in
   clean sentences more often than in jargon ones), not defined in the
   sentence, not in a sentence written in capitals.
2. Rare words (needs PyPI's wordfreq): a lowercase word whose Zipf frequency
   in English is below a threshold, unless the older tune pages show it in a
   clean sentence.

Measured (round six, fresh pages 275-336 against commit 5f9cba5's rules):
jargon recall 0.56 -> 0.66 with acronyms for a false-positive rate of
0.012 -> 0.020 (shipped, as `plain_acronyms.txt`); rare words add at most
0.02 recall for 0.01 or more false-positive rate at every threshold (not
shipped).

Run:
    git worktree add /tmp/old 5f9cba5
    (cd /tmp/old && cargo build --release -p herald-core --example corpus_predictions)
    /tmp/old/target/release/examples/corpus_predictions \
        src-tauri/crates/core/corpus/guardrails.txt \
        src-tauri/crates/core/corpus/status-pages.txt > /tmp/old.tsv
    python3 .dev/fresh-pages-experiment.py /tmp/old.tsv 275
"""

import collections
import re
import sys

CORPUS = "src-tauri/crates/core/corpus/status-pages.txt"
ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,5}(?:'s|s)?\b")
WORD = re.compile(r"(?<![\w.@/-])[a-z][a-z]+(?:-[a-z]+)*(?![\w@/.-]\w)")
EVERYDAY = set(
    """UTC GMT BST PST PDT EST EDT CST CDT MST MDT CET CEST IST AEST AEDT JST
    NZST NZDT AM PM US USA UK EU UAE NYC OK ID IT TV PC FAQ CEO CTO CFO COO ASAP
    FYI ETA PDF SMS GPS ATM PIN VIP HR PR DIY ISP EDIT UPDATE UPDATED NOTE
    IMPORTANT RESOLVED FIXED URGENT NB PS Q1 Q2 Q3 Q4 TBD TBC""".split()
)


def labels(field):
    return {x for x in field.split(",") if x}


def page_numbers():
    pages, page = [], 0
    for line in open(CORPUS, encoding="utf-8"):
        if line.startswith("@source"):
            page += 1
        elif "|" in line and not line.startswith(("#", "@")):
            pages.append(page)
    return pages


def score(rows, extra=None):
    tp = fp = fn = tn = 0
    for row in rows:
        expected = "jargon" in labels(row[3])
        found = "jargon" in labels(row[4]) or (extra is not None and extra(row[5]))
        tp += expected and found
        fp += found and not expected
        fn += expected and not found
        tn += not expected and not found
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return f"P {precision:.2f} R {recall:.2f} FPR {fp / (fp + tn):.3f} ({tp + fn} positives)"


def written_in_capitals(text):
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) * 10 > len(letters) * 6


def acronym_detector(older):
    clean, jargon = collections.Counter(), collections.Counter()
    for row in older:
        for token in {m.group(0).replace("'s", "").rstrip("s") for m in ACRONYM.finditer(row[5])}:
            (jargon if "jargon" in labels(row[3]) else clean)[token] += 1
    plain = EVERYDAY | {t for t in set(clean) | set(jargon) if clean[t] > jargon[t]}

    def detect(text):
        if written_in_capitals(text):
            return False
        for m in ACRONYM.finditer(text):
            token = m.group(0).replace("'s", "")
            token = token.rstrip("s") if len(token) > 2 else token
            if token not in plain and f"({token})" not in text and f"{token} (" not in text:
                return True
        return False

    return detect


def rare_word_detector(older, threshold):
    import wordfreq

    seen_clean = set()
    for row in older:
        if "jargon" not in labels(row[3]):
            seen_clean.update(WORD.findall(row[5]))

    def detect(text):
        return any(
            w not in seen_clean and wordfreq.zipf_frequency(w, "en") < threshold
            for w in WORD.findall(text)
        )

    return detect


def main():
    rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
    rows = [r for r in rows if r[0].endswith("status-pages.txt")]
    pages = page_numbers()
    assert len(pages) == len(rows), "predictions and corpus disagree"
    first = int(sys.argv[2])
    fresh = [r for r, p in zip(rows, pages) if p >= first and r[1] == "tune"]
    older = [r for r, p in zip(rows, pages) if p < first and r[1] == "tune"]
    print(f"fresh tune sentences (pages >= {first}): {len(fresh)}; older tune: {len(older)}")
    print(f"  rules alone          fresh {score(fresh)}   older {score(older)}")
    acronyms = acronym_detector(older)
    print(f"  + acronyms           fresh {score(fresh, acronyms)}   older {score(older, acronyms)}")
    try:
        for threshold in (1.5, 2.0, 2.5, 3.0):
            rare = rare_word_detector(older, threshold)
            both = lambda text: acronyms(text) or rare(text)
            print(f"  + rare words < {threshold}  fresh {score(fresh, both)}   older {score(older, both)}")
    except ImportError:
        print("  (rare words skipped: pip install wordfreq)")


if __name__ == "__main__":
    main()
