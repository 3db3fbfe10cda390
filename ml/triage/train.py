"""Trains the triage model on ml/triage/corpus/train.jsonl (and the hand-written sets that are
development material now) and writes the layer's weights
file (shared/aftercare/tickets/triage/weights.bin). `make train-triage`.

Three multinomial logistic regressions (scikit-learn, a dev dependency; lbfgs, which is
deterministic), one per head, over the layer's own feature function, so training and
inference read text identically. Features seen in fewer than `MIN_DF` training messages
are dropped before training; after it, features whose weights are all below `PRUNE` are
left out of the file. The regularisation strength was chosen by 5-fold cross-validation
on the training split only (`--search`); the held-out split is never read here.

Reproducible: the same corpus gives the same file, byte for byte (fixed solver, sorted
features, weights rounded to integers).

    python -m ml.triage.train [--search | --dev]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "shared"))

from aftercare.tickets.triage.features import features  # noqa: E402
from aftercare.tickets.triage.model import HEADS, INT16, dumps, pack  # noqa: E402
from ml.triage.evaluate import SETS, predict_all, score  # noqa: E402
from ml.triage.evaluate import read as read_set  # noqa: E402

CORPUS = ROOT / "ml" / "triage" / "corpus"
WEIGHTS = ROOT / "shared" / "aftercare" / "tickets" / "triage" / "weights.bin"
LABELS = {
    "category": [
        "ORDER",
        "PAYMENT",
        "LOGISTICS",
        "RETURN",
        "REFUND",
        "PRODUCT",
        "COMPLAINT",
        "PRESALE",
        "OTHER",
    ],
    "priority": ["LOW", "NORMAL", "HIGH", "URGENT"],
    "sentiment": ["NEGATIVE", "NEUTRAL", "POSITIVE"],
}
# category: chosen on the development split (--dev, three seeds; fourth pass: 0.5 against 1,
# +1.2 points English, +0.9 Chinese; 0.3 and 0.7 no better)
C = {"category": 0.5, "priority": 3.0, "sentiment": 3.0}
MIN_DF = 2
NB_SCALED = ("category",)  # grouped CV: +2.6 points for Chinese, the same for English
NB_ALPHA = 0.3
# eighth pass, on the development split: 0.1 against 0.05 kept Chinese 84.3 % (83.6 %) and
# English 86.6 % (86.9 %), within noise, with 13,039 features instead of 21,300: the weights
# file the tickets function loads at its cold start shrinks by 40 %; 0.2 lost 0.7 points.
# Tenth pass, leaving one hand-written set out at a time: 0.13 gave 90.5 % / 90.2 % against
# 0.1's 91.0 % / 90.0 % and 0.16's 90.3 % / 90.5 % (a ticket or two), with 13,291 features
# instead of 17,470, which the added training tickets had brought
PRUNE = 0.13
SCALE = 1000


# The hand-written sets already scored and read (README.md, History, step 16): development
# material, trained on from the tenth pass. Chosen by leaving one set out at a time (each scored
# by a model trained on the corpus and the other sets): category 88.6 % Chinese and 85.2 % English
# without them, 90.5 % and 87.5 % with them (repeating them three times: no better); with the
# tenth pass's paraphrases, 91.2 % and 88.7 %, and 91.0 % and 90.0 % when each is also read once
# undecorated (no subject, no channel), as every generated paraphrase is. A new set is added
# here only after it has been scored at first sight, and (until the seventeenth pass) only if the
# held-out split kept its targets with it; since the invoices were relabelled the split is short
# of its English target with or without the newest set, and a set joins when the split loses no
# more than a retraining's noise by it, both figures recorded (README.md, History, step 17: the tenth set alone took English to 89.9 %, the
# tenth and eleventh together, after the eleventh pass's rules, to 90.6 %; with the twelfth, after
# the thirteenth pass's rules, 90.4 %; with the thirteenth, after the fourteenth pass's rules,
# 90.0 %; with the fourteenth, after the fifteenth pass's rules, 90.3 %; with the fifteenth, after
# the sixteenth pass's rules, 90.3 % (without it, 89.5 %); with the sixteenth, after the
# seventeenth pass's rules and its invoices relabelled PAYMENT, 89.9 % (without it 89.8 %); with
# the seventeenth, after the eighteenth pass's rules, 89.6 % (without it 89.7 %); with the
# eighteenth, after the nineteenth pass's rules, 89.6 %, the same as without it; with the
# nineteenth, after the twentieth pass's rules, the figure in RESULTS.md: 89.4 %, without it
# 89.3 %, all short of the target). Leaving one set out at a time over the first ten: 92.7 % Chinese,
# 90.6 % English; weighting the hand-written tickets by half: 92.2 % / 90.4 %, no better, so
# every ticket counts once.
TRAINED_SETS = (
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
)


def read(path: Path) -> list[dict[str, Any]]:
    """A corpus file (.jsonl) or a hand-written set (.txt, one ticket a line)."""
    if path.suffix == ".txt":
        return read_set(path)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def training_files() -> list[Path]:
    """The generated training split, the hand-written sets that are development material now,
    and the staff corrections exported for retraining."""
    found = [
        CORPUS / "train.jsonl",
        *(SETS[f"{name} held-out set"] for name in TRAINED_SETS),
    ]
    corrections = CORPUS / "corrections.jsonl"
    if corrections.exists():
        found.append(corrections)
    return found


def examples() -> list[dict[str, Any]]:
    """Everything training reads: each hand-written ticket also once undecorated (no subject,
    no channel), as each generated paraphrase is (generate.plain), so the model learns the
    need from the message's own words."""
    found = []
    for path in training_files():
        rows = read(path)
        found += rows
        if path.suffix == ".txt":
            found += [{**row, "subject": "", "channel": None} for row in rows]
    return found


def featurise(examples: list[dict[str, Any]]) -> list[set[str]]:
    return [features(e["subject"], e["message"], e.get("channel")) for e in examples]


def _matrix(rows: list[set[str]], vocabulary: list[str]) -> Any:
    from scipy.sparse import csr_matrix

    index = {feature: i for i, feature in enumerate(vocabulary)}
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for row in rows:
        columns = sorted(index[f] for f in row if f in index)
        indices.extend(columns)
        data.extend([1.0] * len(columns))
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), len(vocabulary)))


def _nb_scale(matrix: Any, labels: list[str]) -> Any:
    """Naive-Bayes feature scaling (as in NBSVM, Wang & Manning 2012): each feature weighted
    by how unevenly the labels use it (the spread of its smoothed log probability per
    label), so the regression leans on telling words. The scaled model is still linear in
    the binary features: the exported weight is the coefficient times the scale."""
    from sklearn.naive_bayes import MultinomialNB

    nb = MultinomialNB(alpha=NB_ALPHA).fit(matrix, labels)
    return nb.feature_log_prob_.max(axis=0) - nb.feature_log_prob_.mean(axis=0)


def _fit(matrix: Any, labels: list[str], c: float, scale: Any | None) -> Any:
    from scipy.sparse import diags
    from sklearn.linear_model import LogisticRegression

    scaled = matrix @ diags(scale) if scale is not None else matrix
    return LogisticRegression(C=c, max_iter=3000, solver="lbfgs").fit(scaled, labels)


def train(examples: list[dict[str, Any]], c: dict[str, float] | None = None) -> dict[str, Any]:
    strengths = c or C
    rows = featurise(examples)
    df: Counter[str] = Counter(f for row in rows for f in row)
    vocabulary = sorted(f for f, n in df.items() if n >= MIN_DF and f != "bias")
    matrix = _matrix(rows, vocabulary)
    heads: dict[str, Any] = {}
    columns: list[list[float]] = [[] for _ in vocabulary]
    for head in HEADS:
        labels = [e[head] for e in examples]
        scale = _nb_scale(matrix, labels) if head in NB_SCALED else None
        fitted = _fit(matrix, labels, strengths[head], scale)
        order = [list(fitted.classes_).index(label) for label in LABELS[head]]
        heads[head] = {
            "labels": LABELS[head],
            "bias": [round(float(fitted.intercept_[i]) * SCALE) for i in order],
        }
        for j in range(len(vocabulary)):
            factor = float(scale[j]) if scale is not None else 1.0
            columns[j].extend(float(fitted.coef_[i, j]) * factor for i in order)
    weights = {
        feature: [max(-INT16, min(INT16, round(w * SCALE))) for w in row]
        for feature, row in zip(vocabulary, columns, strict=True)
        if max(abs(w) for w in row) >= PRUNE
    }
    return {"scale": SCALE, "heads": heads, **pack(weights)}


def cross_validate(examples: list[dict[str, Any]], head: str, c: float, folds: int = 5) -> float:
    """Accuracy of one head over folds cut by paraphrase (all variants of a paraphrase in one
    fold), as the held-out split is cut: the score is for wordings the fit never saw."""
    right = 0

    def fold_of(e: dict[str, Any]) -> int:
        return int(hashlib.sha256(e.get("paraphrase", e["message"]).encode()).hexdigest(), 16) % folds

    for fold in range(folds):
        fit_on = [e for e in examples if fold_of(e) != fold]
        check = [e for e in examples if fold_of(e) == fold]
        model = train(fit_on, {**C, head: c})
        predicted = predict_all(model, check)
        right += sum(p[head] == e[head] for p, e in zip(predicted, check, strict=True))
    return right / len(examples)


def development() -> dict[str, float]:
    """Trains on the training paraphrases less a development split cut from them the way the
    held-out split is cut (paraphrases, and a quarter of every modifier, slot and subject),
    and scores it there: the measure for choosing between changes (generate.generate(dev=True)).
    Cross-validation by paraphrase alone reuses the greetings and closings it trained on, and
    so overrates a model the held-out split, with new ones, finds weaker."""
    from ml.triage.generate import generate

    splits = generate(dev=True)
    model = train(splits["fit"])
    measured = score(splits["dev"], predict_all(model, splits["dev"]))
    found = {
        f"category_{language}": accuracy for language, (n, accuracy) in measured.by_language.items() if n
    }
    return {**found, "urgent_recall": measured.urgent_recall, "priority": measured.priority}


def digest(paths: list[Path]) -> str:
    sha = hashlib.sha256()
    for path in paths:
        sha.update(path.read_bytes())
    return sha.hexdigest()


def build() -> dict[str, Any]:
    import sklearn

    files = training_files()
    rows = examples()
    model = train(rows)
    model["trainedOn"] = {
        "files": [str(path.relative_to(ROOT)) for path in files],
        "sha256": digest(files),
        "examples": len(rows),
        "C": C,
        "minDf": MIN_DF,
        "nbScaled": list(NB_SCALED),
        "prune": PRUNE,
        "scikitLearn": sklearn.__version__,
    }
    return model


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--search", action="store_true", help="cross-validate C on the training split")
    parser.add_argument("--c", type=float, nargs="*", default=[0.3, 1.0, 3.0, 10.0, 30.0])
    parser.add_argument("--head", nargs="*", default=list(HEADS))
    parser.add_argument("--dev", action="store_true", help="score on a development split cut from training")
    arguments = parser.parse_args()
    if arguments.dev:
        print({name: round(value, 4) for name, value in development().items()})
        return
    if arguments.search:
        rows = examples()
        for head in arguments.head:
            for c in arguments.c:
                print(f"{head} C={c}: {cross_validate(rows, head, c):.3f}")
        return
    model = build()
    WEIGHTS.write_bytes(dumps(model))
    print(
        f"{model['features'].count(chr(10)) + 1} features, {WEIGHTS.stat().st_size // 1024} KiB "
        f"-> {WEIGHTS.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
