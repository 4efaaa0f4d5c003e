"""The verification engine: one verdict per product scan, pure Python, no storage.

Covers every verdict kind (accepted with its new count, wrong_item, over_scan — including a
multi-unit pack larger than what remains — and unknown_barcode), multi-unit packs counting
their quantity, two lines of one SKU, ``apply`` and the finishable rules.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from packstation.domain.tracking import Tracking, TrackingRules, UnitFacts
from packstation.domain.verification import (
    MISMATCH_KINDS,
    PackLine,
    PackState,
    ProductMatch,
    Verdict,
    VerdictKind,
    apply,
    verify,
)

MUG = ProductMatch("SKU-MUG", "Kubek „Żubr”")
SPOON = ProductMatch("SKU-SPOON", "Łyżka drewniana")
MUG_BOX6 = ProductMatch("SKU-MUG", "Kubek „Żubr”", quantity=6)
SOAP = ProductMatch("SKU-SOAP", "Mydło szare")  # known product, never on the order


def order(*lines: tuple[str, int], scanned: tuple[int, ...] | None = None) -> PackState:
    pack_lines = [
        PackLine(line_id=10 + i, sku=sku, name=sku.lower(), required=qty, scanned=(scanned or (0,) * len(lines))[i])
        for i, (sku, qty) in enumerate(lines)
    ]
    return PackState("PL-1", tuple(pack_lines))


def scan(state: PackState, match: ProductMatch | None, code: str = "05901234123457") -> tuple[PackState, Verdict]:
    """Judge and apply one scan: the new state and the verdict."""
    verdict = verify(state, code, match)
    return apply(state, verdict), verdict


def test_accepted_carries_line_and_new_count() -> None:
    state = order(("SKU-MUG", 3))
    verdict = verify(state, "05901234123457", MUG)
    assert verdict.kind is VerdictKind.ACCEPTED
    assert verdict.code == "scan.accepted"
    assert verdict.line_id == 10
    assert verdict.quantity == 1
    assert verdict.params == {"sku": "SKU-MUG", "name": "sku-mug", "scanned": 1, "required": 3, "quantity": 1}
    assert not verdict.is_mismatch
    # verify is pure, and apply returns a new state: a snapshot already handed out never changes
    assert state.lines[0].scanned == 0
    before = state
    state = apply(state, verdict)
    assert state.lines[0].scanned == 1 and before.lines[0].scanned == 0
    assert state.open_mismatches == 0
    state, second = scan(state, MUG)
    assert second.params["scanned"] == 2
    with pytest.raises(AttributeError):
        state.lines[0].scanned = 5  # type: ignore[misc]  # frozen


def test_wrong_item_is_a_known_product_not_on_the_order() -> None:
    state = order(("SKU-MUG", 1))
    verdict = verify(state, "05900000000001", SOAP)
    assert verdict.kind is VerdictKind.WRONG_ITEM
    assert verdict.code == "scan.wrong_item"
    assert verdict.params == {"sku": "SKU-SOAP", "name": "Mydło szare", "barcode": "05900000000001"}
    assert verdict.line_id is None and verdict.quantity == 0
    assert verdict.is_mismatch
    state = apply(state, verdict)
    assert state.open_mismatches == 1
    assert state.lines[0].scanned == 0


def test_over_scan_when_the_line_is_complete() -> None:
    state = order(("SKU-MUG", 2), scanned=(2,))
    verdict = verify(state, "x", MUG)
    assert verdict.kind is VerdictKind.OVER_SCAN
    assert verdict.code == "scan.over_scan"
    assert verdict.line_id == 10
    assert verdict.quantity == 0
    assert verdict.params["remaining"] == 0
    assert verdict.params["required"] == 2
    assert verdict.params["quantity"] == 1
    state = apply(state, verdict)
    assert state.lines[0].scanned == 2  # nothing counted
    assert state.open_mismatches == 1


def test_unknown_barcode() -> None:
    state = order(("SKU-MUG", 1))
    verdict = verify(state, "ABC-123", None)
    assert verdict.kind is VerdictKind.UNKNOWN_BARCODE
    assert verdict.code == "scan.unknown_barcode"
    assert verdict.params == {"barcode": "ABC-123"}
    assert verdict.is_mismatch
    state = apply(state, verdict)
    assert state.open_mismatches == 1


def test_multi_unit_pack_counts_its_quantity() -> None:
    state = order(("SKU-MUG", 8))
    state, verdict = scan(state, MUG_BOX6)
    assert verdict.kind is VerdictKind.ACCEPTED
    assert verdict.quantity == 6
    assert verdict.params["scanned"] == 6
    assert state.lines[0].scanned == 6
    assert state.lines[0].remaining == 2
    # two single units complete it
    state, _ = scan(state, MUG)
    state, last = scan(state, MUG)
    assert last.params["scanned"] == 8
    assert state.complete


def test_multi_unit_pack_exceeding_what_remains_is_over_scan() -> None:
    state = order(("SKU-MUG", 8), scanned=(3,))
    verdict = verify(state, "box", MUG_BOX6)
    assert verdict.kind is VerdictKind.OVER_SCAN
    assert verdict.params["quantity"] == 6
    assert verdict.params["remaining"] == 5
    assert verdict.quantity == 0
    state = apply(state, verdict)
    assert state.lines[0].scanned == 3  # the pack counted nothing
    assert state.open_mismatches == 1


def test_multi_unit_pack_exactly_what_remains_is_accepted() -> None:
    state = order(("SKU-MUG", 6))
    state, verdict = scan(state, MUG_BOX6)
    assert verdict.kind is VerdictKind.ACCEPTED
    assert state.lines[0].complete


def test_two_lines_of_the_same_sku_fill_in_order() -> None:
    state = order(("SKU-MUG", 2), ("SKU-SPOON", 1), ("SKU-MUG", 1))
    state, first = scan(state, MUG)
    state, second = scan(state, MUG)
    state, third = scan(state, MUG)
    assert [v.kind for v in (first, second, third)] == [VerdictKind.ACCEPTED] * 3
    assert [v.line_id for v in (first, second, third)] == [10, 10, 12]
    assert third.params["scanned"] == 1 and third.params["required"] == 1
    assert [line.scanned for line in state.lines] == [2, 0, 1]
    state, fourth = scan(state, MUG)
    assert fourth.kind is VerdictKind.OVER_SCAN
    assert [line.scanned for line in state.lines] == [2, 0, 1]


def test_finishable_needs_every_line_complete_and_no_open_mismatch() -> None:
    state = order(("SKU-MUG", 1), ("SKU-SPOON", 2))
    assert not state.complete and not state.finishable
    assert state.units_required == 3
    state, _ = scan(state, MUG)
    state, _ = scan(state, SPOON)
    assert not state.finishable
    assert state.units_scanned == 2
    state, _ = scan(state, SOAP)  # wrong unit into the box
    state, _ = scan(state, SPOON)
    assert state.complete
    assert state.units_scanned == 3
    assert not state.finishable  # the wrong unit is still in the box
    state = replace(state, open_mismatches=state.open_mismatches - 1)  # confirmed out (CMD-REMOVED)
    assert state.finishable


def test_an_order_without_lines_is_trivially_complete() -> None:
    state = PackState("PL-EMPTY", ())
    assert state.complete and state.finishable


def test_pack_line_properties() -> None:
    line = PackLine(1, "A", "a", required=3, scanned=5)
    assert line.remaining == 0
    assert line.complete
    assert PackLine(1, "A", "a", required=3, scanned=1).remaining == 2


def test_mismatch_kinds_are_the_units_that_must_come_out() -> None:
    # A unit scanned twice or without its lot/serial is refused, but nothing was counted for it
    # and it is the right product: it stays in the box.
    assert set(VerdictKind) - MISMATCH_KINDS == {
        VerdictKind.ACCEPTED,
        VerdictKind.ALREADY_COUNTED,
        VerdictKind.TRACKING_MISSING,
    }


TODAY = date(2026, 3, 1)
SERIAL_MUG = replace(MUG, tracking=Tracking.SERIAL)


@pytest.mark.parametrize("kind", list(VerdictKind))
def test_verdicts_carry_codes_not_sentences(kind: VerdictKind) -> None:
    state = order(("SKU-MUG", 1), scanned=(1 if kind is VerdictKind.OVER_SCAN else 0,))
    match, unit = {
        VerdictKind.ACCEPTED: (MUG, None),
        VerdictKind.OVER_SCAN: (MUG, None),
        VerdictKind.WRONG_ITEM: (SOAP, None),
        VerdictKind.UNKNOWN_BARCODE: (None, None),
        VerdictKind.EXPIRED: (MUG, UnitFacts(expiry=date(2026, 2, 28))),
        VerdictKind.DUPLICATE_SERIAL: (SERIAL_MUG, UnitFacts(serial="S1", serial_packed_in="PL-0")),
        VerdictKind.ALREADY_COUNTED: (SERIAL_MUG, UnitFacts(serial="S1", serial_packed_in="PL-1")),
        VerdictKind.TRACKING_MISSING: (SERIAL_MUG, UnitFacts()),
    }[kind]
    verdict = verify(state, "CODE", match, unit, TrackingRules(TODAY))
    assert verdict.kind is kind
    expected = "scan.serial_missing" if kind is VerdictKind.TRACKING_MISSING else f"scan.{kind.value}"
    assert verdict.code == expected
    assert " " not in verdict.code
