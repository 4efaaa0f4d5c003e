"""People at a bench, on the in-memory store: badges, a supervisor's PIN, the lock, idle logout, the login rule.

(tests/integration/test_people.py runs the same rules on SQLite and PostgreSQL.)
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from packstation.domain.settings import LOGIN_REQUIRED
from packstation.domain.users import MAX_PIN_ATTEMPTS, Role, hash_pin, pin_problem, verify_pin
from packstation.services.bench.commands import (
    CancelOrder,
    CancelPin,
    EndSupervision,
    EnterPin,
    Expedite,
    Heartbeat,
    Hold,
    Login,
    Logout,
    OpenOrder,
    OverrideMismatch,
    PrintTick,
    ReleaseHeld,
    Reopen,
    Scan,
)
from packstation.services.orders_admin import show_order
from packstation.services.settings import set_setting
from packstation.services.users import add_user, list_users, unlock
from tests.bench_support import BADGE, MUG, PACKER, SOAP, bench_on, opened, order, store_with

SUPERVISOR, SUP_BADGE, PIN = "Ewa Nadzorcza", "SUP-0001", "2468"


@pytest.fixture
def store():  # type: ignore[no-untyped-def]
    made = store_with(order("PL-1", ("SKU-MUG", 2)), order("PL-2", ("SKU-SPOON", 1)))
    add_user(made.unit_of_work, SUPERVISOR, SUP_BADGE, Role.SUPERVISOR, PIN)
    add_user(made.unit_of_work, "Jan Pakowacz", "PKR-0002")
    set_setting(made.unit_of_work, LOGIN_REQUIRED, "on")
    return made


@pytest.fixture
def bench(store, tmp_path: Path):  # type: ignore[no-untyped-def]
    return bench_on(store, tmp_path)


def run(bench, command):  # type: ignore[no-untyped-def]
    outcome = bench.handle(command)
    assert outcome is not None, command
    return outcome


def supervise(bench, pin: str = PIN):  # type: ignore[no-untyped-def]
    """Scan the supervisor's badge and type the PIN: the outcome of the PIN."""
    asked = bench.scan(SUP_BADGE)
    assert (asked.kind, asked.code, asked.params["name"]) == ("pin_required", "auth.pin_required", SUPERVISOR)
    return run(bench, EnterPin(pin))


def test_pins_are_stored_as_salted_slow_hashes() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first != second  # a salt per hash
    assert first.startswith("scrypt$16384$8$1$") and "2468" not in first
    assert verify_pin("2468", first) and verify_pin("2468", second)
    assert not verify_pin("2469", first) and not verify_pin("", first) and not verify_pin("2468", None)
    assert not verify_pin("2468", "md5$whatever") and not verify_pin("2468", "scrypt$x$y$z$a$b")
    assert [pin_problem(p) is None for p in ("1234", "12345678", "123", "123456789", "12a4", "١٢٣٤")] == [
        True, True, False, False, False, False,
    ]  # fmt: skip


def test_with_the_login_rule_a_scan_before_a_badge_is_refused_and_nothing_is_counted(bench, store) -> None:  # type: ignore[no-untyped-def]
    for refused in (bench.scan("PL-1"), bench.scan(MUG), bench.scan("CMD-NEXT"), run(bench, OpenOrder("PL-1"))):
        assert (refused.kind, refused.code, refused.stored) == ("refused", "auth.login_required", False)
    doc = show_order(store.unit_of_work, "PL-1")
    assert doc["status"] == "new" and doc["scans"] == []
    assert bench.scan(BADGE).code == "packer.logged_in"
    assert bench.scan("PL-1").kind == "order_opened"
    accepted = bench.scan(MUG)
    assert accepted.kind == "accepted" and accepted.packer == PACKER
    assert show_order(store.unit_of_work, "PL-1")["scans"][0]["packer"] == PACKER


def test_packers_change_at_shift_change_and_the_open_order_stays(bench, store) -> None:  # type: ignore[no-untyped-def]
    bench.scan(BADGE)
    opened(bench, "PL-1")
    bench.scan(MUG)
    changed = bench.scan("PKR-0002")
    assert (changed.code, changed.packer, changed.order.number) == ("packer.logged_in", "Jan Pakowacz", "PL-1")
    bench.scan(MUG)
    packers = [s["packer"] for s in show_order(store.unit_of_work, "PL-1")["scans"]]
    assert packers == [PACKER, "Jan Pakowacz"]
    assert run(bench, Logout()).code == "packer.logged_out"
    assert bench.scan(MUG).code == "auth.login_required"


def test_a_packer_cannot_override_release_cancel_expedite_or_reopen(bench, store) -> None:  # type: ignore[no-untyped-def]
    bench.scan(BADGE)
    opened(bench, "PL-1")
    assert bench.scan(SOAP).kind == "wrong_item"
    for command in (
        OverrideMismatch("it is fine"),
        ReleaseHeld("PL-1"),
        ReleaseHeld("PL-1", to_packing=True),
        CancelOrder("PL-2", "customer_request"),
        Expedite("PL-2"),
        Reopen("PL-2", "mistake"),
    ):
        refused = run(bench, command)
        assert (refused.kind, refused.code, refused.stored) == ("refused", "auth.supervisor_required", False), command
    doc = show_order(store.unit_of_work, "PL-1")
    assert [m["resolved"] for m in doc["mismatches"]] == [False]
    assert show_order(store.unit_of_work, "PL-2")["status"] == "new"
    # A packer's badge asks for no PIN, and a PIN without a supervisor's badge is refused.
    assert run(bench, EnterPin("2468")).code == "auth.no_badge"


def test_badge_and_pin_let_a_supervisor_override_beside_the_packer(bench, store) -> None:  # type: ignore[no-untyped-def]
    bench.scan(BADGE)
    opened(bench, "PL-1")
    bench.scan(SOAP)
    welcome = supervise(bench)
    assert (welcome.kind, welcome.supervisor, welcome.packer) == ("supervisor_in", SUPERVISOR, PACKER)
    done = run(bench, OverrideMismatch("customer asked for the soap too"))
    assert (done.kind, done.code, done.params["remaining"]) == ("supervisor_action", "mismatch.overridden", 0)
    mismatch = show_order(store.unit_of_work, "PL-1")["mismatches"][0]
    assert (mismatch["resolution"], mismatch["resolved_by"]) == ("override", SUPERVISOR)
    left = run(bench, EndSupervision())
    assert (left.code, left.supervisor, left.packer) == ("auth.supervisor_out", None, PACKER)
    assert run(bench, OverrideMismatch("again")).code == "auth.supervisor_required"


def test_a_wrong_pin_is_refused_and_the_badge_locks_after_five(bench, store) -> None:  # type: ignore[no-untyped-def]
    bench.scan(BADGE)
    assert bench.scan(SUP_BADGE).code == "auth.pin_required"
    for attempt in range(1, MAX_PIN_ATTEMPTS):
        wrong = run(bench, EnterPin("0000"))
        assert (wrong.kind, wrong.code, wrong.params["attempts_left"]) == ("refused", "auth.wrong_pin", 5 - attempt)
        assert wrong.supervisor is None
    locked = run(bench, EnterPin("0000"))
    assert locked.code == "auth.locked"
    # Locked: even the right PIN is refused, and scanning the badge says so at once.
    assert bench.scan(SUP_BADGE).code == "auth.locked"
    assert run(bench, EnterPin(PIN)).code == "auth.no_badge"
    user = next(u for u in list_users(store.unit_of_work) if u.badge == SUP_BADGE)
    assert user.locked and user.failed_pins == MAX_PIN_ATTEMPTS
    unlock(store.unit_of_work, SUP_BADGE)  # an admin, on the command line
    assert supervise(bench).code == "auth.supervisor_in"
    assert next(u for u in list_users(store.unit_of_work) if u.badge == SUP_BADGE).failed_pins == 0


def test_a_right_pin_resets_the_count_of_wrong_ones(bench, store) -> None:  # type: ignore[no-untyped-def]
    bench.scan(SUP_BADGE)
    for _ in range(MAX_PIN_ATTEMPTS - 1):
        assert run(bench, EnterPin("1111")).code == "auth.wrong_pin"
    assert run(bench, EnterPin(PIN)).code == "auth.supervisor_in"
    run(bench, EndSupervision())
    bench.scan(SUP_BADGE)
    assert run(bench, EnterPin("1111")).params["attempts_left"] == MAX_PIN_ATTEMPTS - 1
    assert run(bench, CancelPin()).code == "auth.pin_cancelled"
    assert run(bench, EnterPin(PIN)).code == "auth.no_badge"


def test_a_supervisor_alone_is_logged_in_and_leaving_logs_out(bench, store) -> None:  # type: ignore[no-untyped-def]
    welcome = supervise(bench)
    assert (welcome.packer, welcome.supervisor) == (SUPERVISOR, SUPERVISOR)
    assert bench.scan("PL-1").kind == "order_opened"
    assert run(bench, EndSupervision()).packer is None
    assert bench.scan(MUG).code == "auth.login_required"


def test_idle_logout_after_the_configured_time(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path, idle_logout_seconds=60)
    bench.scan(BADGE)
    supervise(bench)
    assert bench.handle(PrintTick()) is None  # a tick is no activity, and not idle yet
    bench.session.active_at = time.monotonic() - 59
    assert bench.handle(Heartbeat()) is None
    bench.session.active_at = time.monotonic() - 61
    out = bench.handle(PrintTick())
    assert out is not None and (out.kind, out.code, out.packer, out.supervisor) == ("logout", "auth.idle_logout", None,
                                                                                     None)  # fmt: skip
    assert out.params["name"] == PACKER
    assert bench.scan(MUG).code == "auth.login_required"
    # Any command of a person is activity: the clock starts again.
    bench.scan(BADGE)
    bench.session.active_at = time.monotonic() - 59
    run(bench, Login(BADGE))
    assert bench.handle(PrintTick()) is None and bench.session.packer == PACKER


def test_idle_logout_zero_means_never(store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bench = bench_on(store, tmp_path, idle_logout_seconds=0)
    bench.scan(BADGE)
    bench.session.active_at = time.monotonic() - 86_400
    assert bench.handle(PrintTick()) is None and bench.session.packer == PACKER


def test_a_disabled_badge_logs_nobody_in(bench, store) -> None:  # type: ignore[no-untyped-def]
    from packstation.services.users import set_active

    set_active(store.unit_of_work, BADGE, False)
    assert bench.scan(BADGE).code == "auth.login_required"
    assert run(bench, Login(BADGE)).code == "packer.unknown_badge"


def test_a_held_order_needs_a_supervisor_and_goes_back_to_the_queue(bench, store) -> None:  # type: ignore[no-untyped-def]
    bench.scan(BADGE)
    opened(bench, "PL-1")
    bench.scan(MUG)
    assert run(bench, Hold("unit missing")).kind == "held"
    supervise(bench)
    released = run(bench, ReleaseHeld("PL-1", reason="found the mug"))
    assert (released.kind, released.code) == ("supervisor_action", "supervisor.released")
    doc = show_order(store.unit_of_work, "PL-1")
    assert doc["status"] == "new" and doc["lines"][0]["scanned"] == 1  # counted units stay counted
    assert doc["history"][-1] | {"at": None} == {"from": "on_hold", "to": "new", "at": None, "actor": "supervisor",
                                                  "who": SUPERVISOR, "station": "bench-1",
                                                  "note": "found the mug"}  # fmt: skip
    assert bench.scan(BADGE).packer == PACKER  # the packer logs in again; the supervisor stays
    resumed = run(bench, Scan("PL-1"))
    assert resumed.kind == "order_opened" and resumed.order.state.units_scanned == 1
