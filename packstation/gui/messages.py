"""Turn outcome codes and parameters into the words on the banner (one place, ready for Polish)."""

from __future__ import annotations

from collections.abc import Mapping

# code -> (headline, detail). Headlines are read from two metres away: short and loud.
TEXTS: dict[str, tuple[str, str]] = {
    "scan.accepted": ("OK  {scanned} / {required}", "{name} ({sku})"),
    "scan.wrong_item": ("WRONG ITEM — take it out", "{name} ({sku}) is not on this order. Then scan CMD‑REMOVED (F9)."),
    "scan.over_scan": (
        "TOO MANY — take it out",
        "{name}: {required} ordered, {remaining} still missing, "
        "this scan counts {quantity}. Then scan CMD‑REMOVED (F9).",
    ),
    "scan.unknown_barcode": (
        "UNKNOWN BARCODE — take it out",
        "{barcode} is not a known product. Then scan CMD‑REMOVED (F9).",
    ),
    "scan.no_order_open": ("No order open", "{name}: scan the order's packing slip first."),
    "scan.unknown_no_order": ("Unknown barcode", "{barcode} is not an order, product or badge."),
    "scan.too_long": ("Scan rejected: too long", "{length} characters — not a barcode. Nothing was counted."),
    "scan.control_chars": (
        "Scan rejected: control characters",
        "“{text}” — check the scanner set-up. Nothing was counted.",
    ),
    "scan.empty": ("Empty scan", "The scanner sent only a terminator."),
    "order.opened": ("Order {number} open", "Scan every unit."),
    "order.resumed": ("Order {number} resumed", "{scanned} of {required} units already scanned — carry on."),
    "order.already_open": ("Order {number} is already open", ""),
    "order.finish_or_hold_first": ("Finish or hold {number} first", "It already has scans."),
    "order.not_found": ("No order {number}", ""),
    "order.not_openable": ("Order {number} is {status}", "It cannot be packed."),
    "order.claimed_elsewhere": ("Order {number} is open at {station}", "Another station is packing it."),
    "order.released": ("Order {number} back in the queue", ""),
    "order.held": ("Order {number} on hold", "Reason: {reason}. A supervisor will look at it."),
    "order.shipped": ("SHIPPED {number}", "Tracking {tracking} — label sent to {printer}."),
    "order.cancelled_by_shop": ("STOP — order {number} cancelled by the shop", "Do not ship it. Unpack the box."),
    "order.changed_by_shop": ("The shop changed this order", "{changes}"),
    "order.lost_claim": ("Order {number} is no longer yours", "Status: {status}."),
    "order.not_finishable": (
        "Not finished: {missing} unit(s) missing",
        "{open_mismatches} wrong unit(s) still to take out.",
    ),
    "order.illegal_transition": ("Not allowed", "An order cannot go from {current} to {target}."),
    "mismatch.removed": ("Removal confirmed", "{remaining} wrong unit(s) still to take out."),
    "mismatch.none_open": ("Nothing to take out", ""),
    "packer.logged_in": ("Hello, {name}", ""),
    "packer.logged_out": ("Logged out", "Scans are recorded under the station's name."),
    "command.no_order": ("No order open", "Scan an order's packing slip first."),
    "command.unknown": ("Unknown command CMD-{name}", "Not a Packstation command barcode."),
    "printer.not_configured": ("No printer configured", ""),
    "printer.unavailable": ("PRINTER PROBLEM — nothing shipped", "{reason}"),
    "storage.unavailable": (
        "DATABASE UNAVAILABLE — scan NOT counted",
        "Reconnecting… scan the unit again when this turns back.",
    ),
    "storage.back": ("Database back", "Scanning works again."),
    "queue.empty": ("The queue is empty", ""),
    "internal.error": ("SOFTWARE ERROR — call a supervisor", "{error}"),
    "barcode.invalid": ("Label cannot be printed", "{detail}"),
}


class _Defaults(dict):
    def __missing__(self, key: str) -> str:
        return "?"


def describe(code: str, params: Mapping[str, object]) -> tuple[str, str]:
    """(headline, detail) for an outcome; unknown codes still say something useful."""
    headline, detail = TEXTS.get(code, (code, ", ".join(f"{k}={v}" for k, v in params.items())))
    values = _Defaults({k: _fmt(v) for k, v in params.items()})
    return headline.format_map(values), detail.format_map(values)


def _fmt(value: object) -> str:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)
