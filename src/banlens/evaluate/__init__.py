"""Evaluation against a hand-annotated gold set.

:mod:`~banlens.evaluate.gold` reads and checks gold files;
:mod:`~banlens.evaluate.scoring` matches predictions to the gold and reports
precision, recall and F1 for actors, relations and flags.
"""

from .gold import GOLD_SUBSETS, evidence_spans, load_gold
from .scoring import (
    DEFAULT_SYMMETRIC,
    FLAGS,
    GOLD_CLASSES,
    ErrorItem,
    EvaluationReport,
    FlagScore,
    Score,
    evaluate_file,
    evaluate_records,
    predict,
    select_ids,
    symmetric_labels,
)

__all__ = [
    "DEFAULT_SYMMETRIC",
    "FLAGS",
    "GOLD_CLASSES",
    "GOLD_SUBSETS",
    "ErrorItem",
    "EvaluationReport",
    "FlagScore",
    "Score",
    "evaluate_file",
    "evaluate_records",
    "evidence_spans",
    "load_gold",
    "predict",
    "select_ids",
    "symmetric_labels",
]
