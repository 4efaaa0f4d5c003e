"""The order status machine: every (from, to) pair of statuses, for every actor.

A change is allowed exactly when the table lists it for that actor; anything else raises
``IllegalTransition`` whose message names both statuses (and the actor when only the actor
is wrong) and whose params carry the codes the GUI turns into words.
"""

from __future__ import annotations

import itertools

import pytest

from packstation.domain.errors import DomainError, IllegalTransition
from packstation.domain.status import OPENABLE, TRANSITIONS, Actor, Status, check_transition, transition_table_markdown

ALL_CASES = list(itertools.product(Status, Status, Actor))


def test_the_statuses_and_the_lifecycle_of_the_design() -> None:
    assert {s.value for s in Status} == {
        "new",
        "packing",
        "packed",
        "awaiting_label",
        "shipped",
        "delivered",
        "archived",
        "on_hold",
        "cancelled",
    }
    # The happy path and the side exits DESIGN.md names are all in the table.
    for pair in [
        ("new", "packing"),
        ("packing", "packed"),
        ("packed", "shipped"),
        ("packed", "awaiting_label"),  # the label printer is down: the box is set aside
        ("awaiting_label", "shipped"),  # its label printed when its slip was scanned again
        ("shipped", "delivered"),
        ("delivered", "archived"),
        ("packing", "new"),
        ("packing", "on_hold"),
        ("on_hold", "packing"),
        ("on_hold", "packed"),
        ("new", "cancelled"),
        ("packing", "cancelled"),
        ("on_hold", "cancelled"),
    ]:
        assert (Status(pair[0]), Status(pair[1])) in TRANSITIONS, pair
    assert OPENABLE == {Status.NEW, Status.PACKING}


def test_table_entries_are_well_formed() -> None:
    for (cur, tgt), who in TRANSITIONS.items():
        assert isinstance(cur, Status) and isinstance(tgt, Status)
        assert cur != tgt
        assert who, f"{cur}->{tgt} allows nobody"
        assert all(isinstance(actor, Actor) for actor in who)


def test_terminal_statuses_have_no_way_out() -> None:
    for terminal in (Status.ARCHIVED, Status.CANCELLED):
        assert not [pair for pair in TRANSITIONS if pair[0] is terminal]


@pytest.mark.parametrize(("current", "target", "actor"), ALL_CASES, ids=[f"{c}->{t}-by-{a}" for c, t, a in ALL_CASES])
def test_every_pair_for_every_actor(current: Status, target: Status, actor: Actor) -> None:
    allowed = actor in TRANSITIONS.get((current, target), frozenset())
    if allowed:
        check_transition(current, target, actor)  # no exception
        # plain strings work the same as the enums (the database stores strings)
        check_transition(current.value, target.value, actor.value)
        return
    with pytest.raises(IllegalTransition) as caught:
        check_transition(current, target, actor)
    error = caught.value
    assert isinstance(error, DomainError)
    assert error.code == "order.illegal_transition"
    assert error.params == {"current": current.value, "target": target.value, "actor": actor.value}
    message = str(error)
    assert f"from {current.value} to {target.value}" in message
    if (current, target) in TRANSITIONS:
        # the change exists, but not for this actor: the message says who was refused
        assert actor.value in message
        assert "may not" in message
    else:
        assert "cannot go" in message


def test_counts_of_allowed_and_refused_cases() -> None:
    allowed = sum(1 for c, t, a in ALL_CASES if a in TRANSITIONS.get((c, t), frozenset()))
    assert allowed == sum(len(who) for who in TRANSITIONS.values())
    assert len(ALL_CASES) == 9 * 9 * len(Actor)


def test_unknown_status_or_actor_is_refused() -> None:
    with pytest.raises(ValueError):
        check_transition("new", "teleported", Actor.PACKER)
    with pytest.raises(ValueError):
        check_transition("new", "packing", "intern")


def test_markdown_table_has_every_row() -> None:
    table = transition_table_markdown()
    lines = table.splitlines()
    assert lines[0] == "| from | to | who may |"
    assert lines[1] == "|---|---|---|"
    body = lines[2:]
    assert len(body) == len(TRANSITIONS)
    for (cur, tgt), who in TRANSITIONS.items():
        expected = f"| {cur.value} | {tgt.value} | {', '.join(sorted(a.value for a in who))} |"
        assert expected in body, expected
