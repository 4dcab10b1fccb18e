"""Score predicted events against gold events, exactly as SCHEMA.md says.

Per article, gold events are taken in file order; each matches the first
not-yet-matched prediction (in output order) with the same supplier,
recipient and stage and a matching system. Counts are micro-averaged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from armswatch._text import fold

GoldEvent = Mapping[str, object]
PredictedEvent = Mapping[str, object]


@dataclass(slots=True)
class Tally:
    """Running counts for one way of matching."""

    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        """Share of predictions that matched."""
        return self.true_positive / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of gold events that were found."""
        return self.true_positive / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


@dataclass(slots=True)
class SlotAccuracy:
    """Accuracy of one slot over matched pairs whose gold value is known."""

    correct: int = 0
    total: int = 0

    @property
    def accuracy(self) -> float:
        """Share of matched pairs with the right value."""
        return self.correct / self.total if self.total else 0.0


@dataclass(slots=True)
class ArticleScore:
    """Which gold events one article missed and which predictions were false."""

    article_id: str
    matched: list[tuple[GoldEvent, PredictedEvent]] = field(default_factory=list)
    missed: list[GoldEvent] = field(default_factory=list)
    false: list[PredictedEvent] = field(default_factory=list)


def systems_match(gold: GoldEvent, predicted: PredictedEvent) -> bool:
    """Folded equality or prefix either way, against the gold name and its alternatives."""
    predicted_system = predicted.get("system")
    gold_system = gold.get("system")
    if gold_system is None:
        return predicted.get("category") == gold.get("category")
    if not isinstance(predicted_system, str) or not predicted_system:
        return False
    alternatives = gold.get("system_alt")
    extra = [str(a) for a in alternatives] if isinstance(alternatives, list) else []
    names = [str(gold_system), *extra]
    guess = fold(predicted_system)
    for name in names:
        folded = fold(name)
        if (
            guess
            and folded
            and (guess == folded or guess.startswith(folded) or folded.startswith(guess))
        ):
            return True
    return False


def _same_parties(gold: GoldEvent, predicted: PredictedEvent, ignore_stage: bool) -> bool:
    if ignore_stage:
        pair = {gold.get("supplier"), gold.get("recipient")}
        return pair == {predicted.get("supplier"), predicted.get("recipient")}
    return (
        gold.get("supplier") == predicted.get("supplier")
        and gold.get("recipient") == predicted.get("recipient")
        and gold.get("stage") == predicted.get("stage")
    )


def match_article(
    article_id: str,
    gold: Sequence[GoldEvent],
    predicted: Sequence[PredictedEvent],
    ignore_stage: bool = False,
) -> ArticleScore:
    """Greedy one-to-one matching of one article's events."""
    score = ArticleScore(article_id)
    used: set[int] = set()
    for gold_event in gold:
        for index, guess in enumerate(predicted):
            if index in used:
                continue
            if _same_parties(gold_event, guess, ignore_stage) and systems_match(gold_event, guess):
                used.add(index)
                score.matched.append((gold_event, guess))
                break
        else:
            score.missed.append(gold_event)
    score.false = [guess for index, guess in enumerate(predicted) if index not in used]
    return score
