"""The Scan command: decoded once (``domain.scan_decoding``) into what it is, then routed.

A product scan of the open order is judged and stored in one short transaction: the
claim check and the scan event are one guarded INSERT, the line count one guarded UPDATE,
a serialised unit's GTIN + serial one INSERT the database's unique constraint guards,
then the commit — durable before the packer sees green.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal

from packstation.domain import barcodes, search
from packstation.domain.clock import iso, utcnow
from packstation.domain.errors import ClaimLost
from packstation.domain.journal import MismatchRecord, ScanRecord
from packstation.domain.parcels import BOX_COMMAND
from packstation.domain.scan_decoding import DecodedScan, decode_scan
from packstation.domain.tracking import TrackingRules, UnitFacts
from packstation.domain.users import User
from packstation.domain.verification import PackState, Param, ProductMatch, Verdict, VerdictKind, apply, verify
from packstation.services.bench import people
from packstation.services.bench.autofinish import arm_auto_finish
from packstation.services.bench.commands import MANUAL_COMMAND, SCANNED, ChooseBox, ManualConfirm, OpenOrder, Scan
from packstation.services.bench.outcome import OpenMismatch, Outcome, OutcomeKind, ScanLine, outcome
from packstation.services.bench.session import BenchContext
from packstation.services.bench.snapshots import RECENT_SCANS, order_snapshot
from packstation.services.ports import UnitOfWork

log = logging.getLogger(__name__)
MAX_CODE_LENGTH = 300  # the stored code column
MIN_ORDER_DIGITS = 3  # a typed number this long may name an order by its digits (10010: PL-10010)


@dataclass(frozen=True)
class _Product:
    match: ProductMatch | None  # None: no product has this barcode


@dataclass(frozen=True)
class _OrderNumber:
    number: str


@dataclass(frozen=True)
class _Badge:
    user: User


@dataclass(frozen=True)
class _Box:
    name: str  # a carton whose own barcode was scanned


class _StaleCounts(Exception):
    """The stored state moved under the verdict (a line count, or a serial another bench packed): judge again."""


def handle_scan(ctx: BenchContext, command: Scan) -> Outcome | None:
    """Whatever the scanner sent gets exactly one outcome."""
    scan = decode_scan(command.raw, ctx.config.gs1_separator)
    if people.login_needed(ctx) and not barcodes.is_command(scan.text):
        return people.badge_or_refusal(ctx, scan.text)  # nothing but a badge is taken, and nothing stored
    if scan.problem is not None:
        _store(ctx, None, scan_record(ctx, scan.text, "", "invalid_scan", scan.problem, decoded=scan))
        params: dict[str, Param] = {"length": len(command.raw), "text": scan.text[:40]}
        if scan.detail:
            params["detail"] = scan.detail[:120]
        return outcome(OutcomeKind.INVALID_SCAN, scan.problem, params, raw=scan.text)
    text = scan.text
    name = barcodes.command_name(text)
    if name is not None and name.startswith(BOX_COMMAND) and len(name) > len(BOX_COMMAND):
        result = ctx.dispatch(ChooseBox(name[len(BOX_COMMAND) :]))
        return None if result is None else replace(result, raw=text)
    if name is not None and name.startswith(MANUAL_COMMAND) and len(name) > len(MANUAL_COMMAND):
        # CMD-MANUAL-<SKU> from a sheet: the SKU as printed (command names are read upper case)
        result = ctx.dispatch(ManualConfirm(text[len(barcodes.COMMAND_PREFIX) + len(MANUAL_COMMAND) :]))
        return None if result is None else replace(result, raw=text)
    if name is not None:
        if name not in SCANNED:
            return outcome(OutcomeKind.REFUSED, "command.unknown", {"name": name}, raw=text, stored=False)
        result = ctx.dispatch(SCANNED[name])
        return None if result is None else replace(result, raw=text)
    if scan.gs1 is not None and scan.gs1.sscc and not scan.gs1.gtin:
        return _logistic_unit(ctx, scan)
    try:
        return _route(ctx, scan)
    except _StaleCounts:
        _reload(ctx)  # the stored counts moved under us: judge again on what is stored
        try:
            return _route(ctx, scan)
        except _StaleCounts:
            raise ClaimLost("counts changed elsewhere twice") from None


def _logistic_unit(ctx: BenchContext, scan: DecodedScan) -> Outcome:
    """An SSCC (a pallet's or parcel's label) is recognised and stored, but counts nothing."""
    sscc = scan.gs1.sscc if scan.gs1 else ""
    _store(ctx, None, scan_record(ctx, scan.text, scan.code, "logistic_unit", "scan.sscc", decoded=scan))
    return outcome(OutcomeKind.LOGISTIC_UNIT, "scan.sscc", {"sscc": sscc}, raw=scan.text)


def _route(ctx: BenchContext, scan: DecodedScan) -> Outcome | None:
    text, code = scan.text, scan.code
    with ctx.uow() as uow:
        target = _classify(uow, text, code)
        if isinstance(target, _Badge):
            return replace(people.badge_scanned(ctx, target.user), raw=text)
        if isinstance(target, _Product):
            if ctx.session.order_id is not None:
                return _verify_and_store(ctx, uow, scan, target.match)
            kind = OutcomeKind.NO_ORDER if target.match else OutcomeKind.UNKNOWN_BARCODE
            message = "scan.no_order_open" if target.match else "scan.unknown_no_order"
            _store(ctx, uow, scan_record(ctx, text, code, str(kind), message, decoded=scan))
            uow.commit()
            params = {"barcode": text, **({"name": target.match.name} if target.match else {})}
            return outcome(kind, message, params, raw=text)
    # Outside the transaction: these commands open their own.
    result = ctx.dispatch(ChooseBox(target.name) if isinstance(target, _Box) else OpenOrder(target.number))
    return None if result is None else replace(result, raw=text)


def _classify(uow: UnitOfWork, text: str, code: str) -> _Product | _OrderNumber | _Badge | _Box:
    """What a clean scan is. Product barcodes win; an order number is tried as typed, then as a slip."""
    match = uow.products.lookup(code)
    if match is not None:
        return _Product(match)
    carton = uow.cartons.by_barcode(text)
    if carton is not None:
        return _Box(carton.name)
    for number in (text, barcodes.order_number_from_slip(text)):
        if number and uow.orders.by_number(number) is not None:
            return _OrderNumber(number)
    user = uow.users.by_badge(text)
    if user is not None:
        return _Badge(user)
    if len(text) >= MIN_ORDER_DIGITS and text.isdigit():
        numbers = uow.orders.numbers_with_digits(search.digits(text))
        if len(numbers) == 1:  # two orders with these digits: neither is meant more than the other
            return _OrderNumber(numbers[0])
    return _Product(None)


def _verify_and_store(ctx: BenchContext, uow: UnitOfWork, scan: DecodedScan, match: ProductMatch | None) -> Outcome:
    """Judge a product scan against the open order and store it.

    The counts come from memory: while this station holds the claim nobody else may
    count on the order. The scan is stored only if the claim still holds, the guarded
    UPDATE proves the stored count is the one judged, and a unit's serial is taken only
    if no order holds it yet (the database's unique constraint decides a race).
    """
    snapshot = ctx.session.snapshot
    assert snapshot is not None  # an order is open: the caller checked
    text, code = scan.text, scan.code
    unit = _unit_facts(uow, scan)
    rules = TrackingRules(datetime.now().date(), ctx.config.expiry_margin_days)  # expiry dates are local dates
    verdict = verify(snapshot.state, code, match, unit, rules)
    scan_event = scan_record(
        ctx, text, code, verdict.kind.value, verdict.code, verdict.line_id, verdict.quantity, decoded=scan
    )
    event_id = uow.journal.record_claimed_scan(scan_event, ctx.bench.bench_id)
    if event_id is None:  # cancelled by the shop or taken over since the last scan
        raise ClaimLost(f"order {snapshot.number} no longer held here", number=snapshot.number)
    if verdict.kind is VerdictKind.ACCEPTED:
        line = next(line for line in snapshot.state.lines if line.line_id == verdict.line_id)
        if not uow.orders.add_scanned(line.line_id, verdict.quantity, line.scanned):
            raise _StaleCounts()
        if unit.serial and unit.gtin:
            if not uow.journal.reserve_serial(unit.gtin, unit.serial, snapshot.order_id, event_id, scan_event.at):
                raise _StaleCounts()  # another bench packed it a moment ago: judged again, it is a duplicate
    elif verdict.is_mismatch:
        _add_mismatch(ctx, uow, scan_event, event_id, verdict, text, match, expected(snapshot.state, match))
    uow.commit()  # durable before anyone sees green
    state = apply(snapshot.state, verdict)
    name = match.name if match else ""
    line_shown = ScanLine(
        iso(scan_event.at) or "", text, verdict.kind.value, verdict.code,
        lot=unit.lot or "", serial=unit.serial or "", name=name, quantity=verdict.quantity,
    )  # fmt: skip
    recent = (line_shown, *snapshot.recent)
    pending = snapshot.mismatches
    if verdict.is_mismatch:
        pending = (*pending, OpenMismatch(verdict.kind.value, text, match.sku if match else "", name))
    ctx.session.snapshot = replace(snapshot, state=state, recent=recent[:RECENT_SCANS], mismatches=pending)
    ctx.session.scheduled = None  # a later scan replaces a finish that was on its way
    log.debug(
        "scan stored order=%s raw=%r verdict=%s line=%s units=%s lot=%s serial=%s packer=%s",
        snapshot.number, text, verdict.kind.value, verdict.line_id, verdict.quantity, unit.lot, unit.serial, ctx.who,
    )  # fmt: skip
    # The barcode as scanned, not its GTIN-14: the packer compares it with the label in hand.
    params: dict[str, Param] = {**verdict.params, "barcode": text, "open_mismatches": state.open_mismatches}
    code = verdict.code
    if verdict.kind is VerdictKind.ACCEPTED and state.finishable:  # the unit that completed the order
        code = "scan.complete"
        params.update(units=state.units_required, finish_in_ms=arm_auto_finish(ctx))
    return outcome(OutcomeKind(verdict.kind.value), code, params, raw=text)


def _unit_facts(uow: UnitOfWork, scan: DecodedScan) -> UnitFacts:
    """What the scan's GS1 fields say about the unit, with the order already holding its serial (if any)."""
    fields = scan.gs1
    if fields is None:
        return UnitFacts()
    gtin = fields.gtin or scan.code
    owner = uow.journal.serial_owner(gtin, fields.serial) if fields.serial else None
    return UnitFacts(gtin, fields.lot, fields.expiry, fields.serial, fields.count or 1, owner)


def _add_mismatch(
    ctx: BenchContext,
    uow: UnitOfWork,
    scan: ScanRecord,
    event_id: int,
    verdict: Verdict,
    text: str,
    match: ProductMatch | None,
    wanted: str,
) -> None:
    assert scan.order_id is not None
    uow.journal.add_mismatch(
        MismatchRecord(
            order_id=scan.order_id,
            scan_event_id=event_id,
            kind=verdict.kind.value,
            code=text,
            sku=match.sku if match else "",
            station=ctx.station,
            packer=ctx.who,
            created_at=scan.at,
            expected=wanted,
        )
    )


def expected(state: PackState, match: ProductMatch | None) -> str:
    """What the order needed when a wrong unit was scanned, for the mismatch report.

    A unit of an order line (too many, expired, serial packed already) expected that line; any other
    scan expected one of the lines still short.
    """
    line = state.line_for(match.sku) if match else None
    if line is not None:
        return f"{line.sku} {line.name}: {line.scanned}/{line.required}"
    short = [f"{ln.sku} {ln.name} ×{ln.remaining}" for ln in state.lines if ln.remaining]
    return "; ".join(short)[:1000] or "nothing more"


def scan_record(
    ctx: BenchContext,
    raw: str,
    code: str,
    verdict: str,
    message: str,
    line_id: int | None = None,
    quantity: int = 0,
    *,
    decoded: DecodedScan | None = None,
    weight_kg: Decimal | None = None,
) -> ScanRecord:
    """A scan event of this bench, for the open order (and its open parcel) if there is one, with the scan's
    symbology and GS1 fields."""
    fields = decoded.gs1 if decoded else None
    snapshot = ctx.session.snapshot
    return ScanRecord(
        at=utcnow(),
        order_id=ctx.session.order_id,
        line_id=line_id,
        raw=raw[: barcodes.MAX_SCAN_LENGTH],
        code=code[:MAX_CODE_LENGTH],
        verdict=verdict,
        message_code=message,
        quantity=quantity,
        station=ctx.station,
        packer=ctx.who,
        symbology=(decoded.symbology or None) if decoded else None,
        gtin=fields.gtin if fields else None,
        lot=fields.lot if fields else None,
        serial=fields.serial if fields else None,
        expiry=fields.expiry if fields else None,
        parcel=snapshot.parcel if snapshot is not None else None,
        weight_kg=weight_kg,
    )


def _store(ctx: BenchContext, uow: UnitOfWork | None, scan: ScanRecord) -> None:
    """Store a scan that counts nothing (a refused or unusable one), in ``uow`` or its own transaction."""
    if uow is not None:
        uow.journal.add_scan(scan)
        return
    with ctx.uow() as own:
        own.journal.add_scan(scan)
        own.commit()


def _reload(ctx: BenchContext) -> None:
    if ctx.session.order_id is None:
        return
    with ctx.uow() as uow:
        ctx.session.snapshot = order_snapshot(uow, uow.orders.get(ctx.session.order_id))
