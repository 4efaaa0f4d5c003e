"""The order status machine: one table of allowed changes and who may make them."""

from __future__ import annotations

from enum import StrEnum

from packstation.domain.errors import IllegalTransition


class Status(StrEnum):
    NEW = "new"
    PACKING = "packing"
    PACKED = "packed"
    # Packed and set aside because its label could not print: the box waits, labelled by
    # nobody, until its slip is scanned at a bench whose label printer works.
    AWAITING_LABEL = "awaiting_label"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    ARCHIVED = "archived"
    ON_HOLD = "on_hold"
    CANCELLED = "cancelled"


class Actor(StrEnum):
    """Who makes a change. ``system`` is the station software acting on its own."""

    PACKER = "packer"
    SUPERVISOR = "supervisor"
    SYSTEM = "system"
    SHOP = "shop"
    CARRIER = "carrier"
    ADMIN = "admin"


S, A = Status, Actor

# (from, to) -> who may make that change. Anything absent is illegal.
TRANSITIONS: dict[tuple[Status, Status], frozenset[Actor]] = {
    (S.NEW, S.PACKING): frozenset({A.PACKER, A.SUPERVISOR}),
    (S.PACKING, S.NEW): frozenset({A.PACKER, A.SUPERVISOR, A.SYSTEM}),
    (S.PACKING, S.PACKED): frozenset({A.PACKER, A.SUPERVISOR}),
    (S.PACKED, S.SHIPPED): frozenset({A.PACKER, A.SUPERVISOR, A.SYSTEM}),
    (S.PACKED, S.AWAITING_LABEL): frozenset({A.PACKER, A.SUPERVISOR, A.SYSTEM}),
    (S.AWAITING_LABEL, S.SHIPPED): frozenset({A.PACKER, A.SUPERVISOR, A.SYSTEM}),
    (S.SHIPPED, S.DELIVERED): frozenset({A.CARRIER, A.ADMIN, A.SUPERVISOR}),
    (S.DELIVERED, S.ARCHIVED): frozenset({A.ADMIN, A.SUPERVISOR, A.SYSTEM}),
    (S.SHIPPED, S.ARCHIVED): frozenset({A.ADMIN, A.SUPERVISOR, A.SYSTEM}),
    (S.PACKING, S.ON_HOLD): frozenset({A.PACKER, A.SUPERVISOR}),
    (S.ON_HOLD, S.PACKING): frozenset({A.SUPERVISOR}),
    (S.ON_HOLD, S.PACKED): frozenset({A.SUPERVISOR}),
    (S.NEW, S.CANCELLED): frozenset({A.SUPERVISOR, A.SHOP}),
    (S.PACKING, S.CANCELLED): frozenset({A.SUPERVISOR, A.SHOP}),
    (S.ON_HOLD, S.CANCELLED): frozenset({A.SUPERVISOR, A.SHOP}),
    (S.PACKED, S.CANCELLED): frozenset({A.SUPERVISOR, A.SHOP}),
    (S.AWAITING_LABEL, S.CANCELLED): frozenset({A.SUPERVISOR, A.SHOP}),
    # A supervisor sends a held order back to the queue, and reopens an order finished by mistake.
    (S.ON_HOLD, S.NEW): frozenset({A.SUPERVISOR}),
    (S.PACKED, S.PACKING): frozenset({A.SUPERVISOR}),
    (S.AWAITING_LABEL, S.PACKING): frozenset({A.SUPERVISOR}),
    (S.SHIPPED, S.PACKING): frozenset({A.SUPERVISOR}),
}
# Statuses a supervisor may reopen (back to ``packing`` at their bench, tracking number voided).
REOPENABLE = frozenset({S.PACKED, S.AWAITING_LABEL, S.SHIPPED})

# Statuses a packer can still open at a bench.
OPENABLE = frozenset({S.NEW, S.PACKING})


def check_transition(current: Status | str, target: Status | str, actor: Actor | str) -> None:
    """Raise :class:`IllegalTransition` unless ``actor`` may move an order ``current -> target``."""
    cur, tgt, who = Status(current), Status(target), Actor(actor)
    allowed = TRANSITIONS.get((cur, tgt))
    if allowed is None:
        raise IllegalTransition(
            f"an order cannot go from {cur} to {tgt}", current=cur.value, target=tgt.value, actor=who.value
        )
    if who not in allowed:
        raise IllegalTransition(
            f"a {who} may not move an order from {cur} to {tgt}",
            current=cur.value,
            target=tgt.value,
            actor=who.value,
        )


def transition_table_markdown() -> str:
    """The table as Markdown, the same text the README prints."""
    rows = ["| from | to | who may |", "|---|---|---|"]
    for (cur, tgt), who in TRANSITIONS.items():
        rows.append(f"| {cur} | {tgt} | {', '.join(sorted(w.value for w in who))} |")
    return "\n".join(rows)
