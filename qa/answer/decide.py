"""The fitted decision: how likely a candidate sentence answers the question, and whether
the best one is good enough to answer at all.

One model does both: a logistic regression over `qa.answer.features` scores every
candidate ("this sentence answers the question": it overlaps the gold evidence of an
answerable development question; every candidate of an unanswerable one is a negative),
and the answerer abstains when the best candidate's probability is below a threshold
chosen for the CRAG score (+1 correct, 0 abstained, -1 wrong) on development questions.
Logistic regression because its parameters are a few numbers in a JSON file, its
prediction is a dot product (microseconds per question), and it is fitted with
scikit-learn (at fit time only) rather than by hand.

The parameters ship as `decision.json` beside this module (`corpus-qa fit` writes it from
the development split of every eval corpus); `Settings.answer_model` points elsewhere.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from qa.answer.features import FEATURE_NAMES
from qa.errors import CorpusQAError

PACKAGED = Path(__file__).with_name("decision.json")


class ModelMismatch(CorpusQAError):
    """The decision file does not fit this code's features."""


@dataclass
class DecisionModel:
    features: list[str]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    abstain_below: float = 0.5  # answer only when the best candidate's probability reaches it
    companion_ratio: float = 0.8  # a further sentence joins at >= ratio x the best probability
    other_document_ratio: float = 0.6  # another document's best sentence joins at this ratio
    # The hard rules (qa.answer.rules) that the fit kept, each with its similarity bound.
    rules: dict[str, float] = field(default_factory=dict)
    fitted: dict = field(default_factory=dict)  # what it was fitted on (provenance)

    def __post_init__(self) -> None:
        self._mean = np.asarray(self.mean, np.float64)
        self._scale = np.asarray(self.scale, np.float64)
        self._coef = np.asarray(self.coef, np.float64)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """P(answers the question) for each row of features."""
        if x.size == 0:
            return np.zeros(0)
        z = ((np.asarray(x, np.float64) - self._mean) / self._scale) @ self._coef
        return 1.0 / (1.0 + np.exp(-(z + self.intercept)))

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True) + "\n"

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(self.to_json(), encoding="utf-8")
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: Path) -> DecisionModel:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ModelMismatch(
                f"cannot read the answer model {path}: {exc}. Run `corpus-qa fit`, or unset "
                "CORPUS_QA_ANSWER_MODEL to use the packaged one."
            ) from exc
        model = cls(**{k: data[k] for k in data if k in cls.__dataclass_fields__})
        if model.features != FEATURE_NAMES:
            raise ModelMismatch(
                f"the answer model {path} was fitted on other features "
                f"({', '.join(sorted(set(model.features) ^ set(FEATURE_NAMES)))} differ). "
                "Run `corpus-qa fit` to fit it again."
            )
        return model


def fit_classifier(
    x: np.ndarray, y: np.ndarray, sample_weight: np.ndarray | None = None, c: float = 1.0
) -> DecisionModel:
    """Logistic regression on standardised features (scikit-learn, L2, balanced classes)."""
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(x, np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit((x - mean) / scale, y, sample_weight=sample_weight)
    return DecisionModel(
        features=list(FEATURE_NAMES),
        mean=[round(float(v), 6) for v in mean],
        scale=[round(float(v), 6) for v in scale],
        coef=[round(float(v), 6) for v in clf.coef_[0]],
        intercept=round(float(clf.intercept_[0]), 6),
    )


def crag_threshold(best: np.ndarray, answerable: np.ndarray, correct: np.ndarray) -> float:
    """The abstention threshold with the best CRAG score over the items: answering scores
    +1 when right and -1 when wrong, abstaining scores +1 on an unanswerable item and 0
    otherwise. Of equally good thresholds, the middle of the widest plateau."""
    best = np.asarray(best, float)
    candidates = np.unique(np.concatenate([[0.0, 1.0], best, np.nextafter(best, 2)]))
    scores = []
    for t in candidates:
        answer = best >= t
        score = np.where(answer, np.where(correct, 1, -1), np.where(answerable, 0, 1))
        scores.append(score.sum())
    scores = np.array(scores)
    top = np.flatnonzero(scores == scores.max())
    # the longest run of consecutive optimal candidates, and its middle
    runs, start = [], top[0]
    for a, b in zip(top, [*top[1:], -1], strict=True):
        if b != a + 1:
            runs.append((start, a))
            start = b
    lo, hi = max(runs, key=lambda r: (candidates[r[1]] - candidates[r[0]], -r[0]))
    return round(float((candidates[lo] + candidates[hi]) / 2), 6)


_LOADED: dict[tuple[str, float], DecisionModel] = {}
_LOCK = threading.Lock()


def model_for(path: Path | None = None) -> DecisionModel:
    """The model at `path` (default: the packaged one), read once per file version."""
    path = Path(path or PACKAGED)
    try:
        key = (str(path.resolve()), path.stat().st_mtime)
    except OSError as exc:
        raise ModelMismatch(
            f"the answer model {path} does not exist. Run `corpus-qa fit` (it writes the "
            "packaged qa/answer/decision.json), or unset CORPUS_QA_ANSWER_MODEL."
        ) from exc
    with _LOCK:
        model = _LOADED.get(key)
        if model is None:
            model = _LOADED[key] = DecisionModel.load(path)
        return model
