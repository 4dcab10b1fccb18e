"""When systems or troops sent abroad stay their sender's: the checks on their own."""

from __future__ import annotations

from armswatch.extract.deployments import named_destination, troops_moved
from armswatch.extract.roles import Roles
from armswatch.extract.triggers import Trigger
from armswatch.models import Mention


def _mention(sentence: str, text: str) -> Mention:
    start = sentence.index(text)
    return Mention(start, start + len(text), text, "generic", "other", category="other")


def _trigger(sentence: str, text: str) -> Trigger:
    start = sentence.index(text)
    return Trigger(start, start + len(text), text, "deployment", None)


def test_a_destination_is_one_a_marker_or_a_place_names() -> None:
    assert named_destination(Roles("RUS", "SYR", ("origin", "marker-to")))
    assert named_destination(Roles("RUS", "SYR", ("origin", "place-at")))
    assert not named_destination(Roles("USA", "TWN", ("origin", "previous-recipient")))


def test_troops_move_only_by_a_verb_near_them_and_not_when_killed() -> None:
    sent = "Russia deployed 1,500 troops to Belarus."
    assert troops_moved(sent, _mention(sent, "troops"), _trigger(sent, "deployed"))
    killed = "The army deployed its units after it killed 1,500 enemy troops."
    assert not troops_moved(killed, _mention(killed, "troops"), _trigger(killed, "deployed"))
