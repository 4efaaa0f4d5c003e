"""The verification engine: one verdict for each product scan of the open order."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class VerdictKind(StrEnum):
    ACCEPTED = "accepted"
    WRONG_ITEM = "wrong_item"
    OVER_SCAN = "over_scan"
    UNKNOWN_BARCODE = "unknown_barcode"


# Every verdict but ``accepted`` is a mismatch: a unit that must come out of the box.
MISMATCH_KINDS = frozenset({VerdictKind.WRONG_ITEM, VerdictKind.OVER_SCAN, VerdictKind.UNKNOWN_BARCODE})


@dataclass
class PackLine:
    """One order line as the bench sees it."""

    line_id: int
    sku: str
    name: str
    required: int
    scanned: int = 0
    bin_location: str = ""

    @property
    def remaining(self) -> int:
        return max(self.required - self.scanned, 0)

    @property
    def complete(self) -> bool:
        return self.scanned >= self.required


@dataclass
class PackState:
    """The open order: its lines and how many mismatches still wait for removal."""

    order_number: str
    lines: list[PackLine]
    open_mismatches: int = 0

    def line_for(self, sku: str) -> PackLine | None:
        """The first line of ``sku`` that still needs units, else the first line of it."""
        matches = [line for line in self.lines if line.sku == sku]
        for line in matches:
            if not line.complete:
                return line
        return matches[0] if matches else None

    @property
    def complete(self) -> bool:
        return all(line.complete for line in self.lines)

    @property
    def finishable(self) -> bool:
        return self.complete and self.open_mismatches == 0

    @property
    def units_required(self) -> int:
        return sum(line.required for line in self.lines)

    @property
    def units_scanned(self) -> int:
        return sum(min(line.scanned, line.required) for line in self.lines)


@dataclass(frozen=True)
class ProductMatch:
    """What a barcode identifies: a product and how many units one scan of it is."""

    sku: str
    name: str
    quantity: int = 1


@dataclass(frozen=True)
class Verdict:
    """The engine's answer. ``code`` and ``params`` are turned into words by the UI."""

    kind: VerdictKind
    code: str
    params: dict[str, object] = field(default_factory=dict)
    line_id: int | None = None
    quantity: int = 0

    @property
    def is_mismatch(self) -> bool:
        return self.kind in MISMATCH_KINDS


def verify(state: PackState, code: str, match: ProductMatch | None) -> Verdict:
    """Judge one product scan against the open order (pure: the caller applies the result)."""
    if match is None:
        return Verdict(VerdictKind.UNKNOWN_BARCODE, "scan.unknown_barcode", {"barcode": code})
    line = state.line_for(match.sku)
    if line is None:
        return Verdict(
            VerdictKind.WRONG_ITEM, "scan.wrong_item", {"sku": match.sku, "name": match.name, "barcode": code}
        )
    if match.quantity > line.remaining:
        return Verdict(
            VerdictKind.OVER_SCAN,
            "scan.over_scan",
            {
                "sku": line.sku,
                "name": line.name,
                "quantity": match.quantity,
                "remaining": line.remaining,
                "required": line.required,
            },
            line_id=line.line_id,
        )
    new_count = line.scanned + match.quantity
    return Verdict(
        VerdictKind.ACCEPTED,
        "scan.accepted",
        {
            "sku": line.sku,
            "name": line.name,
            "scanned": new_count,
            "required": line.required,
            "quantity": match.quantity,
        },
        line_id=line.line_id,
        quantity=match.quantity,
    )


def apply(state: PackState, verdict: Verdict) -> None:
    """Apply a verdict to the in-memory state, exactly as the stored scan event does."""
    if verdict.kind is VerdictKind.ACCEPTED:
        for line in state.lines:
            if line.line_id == verdict.line_id:
                line.scanned += verdict.quantity
                break
    elif verdict.is_mismatch:
        state.open_mismatches += 1
