"""Words and colours for outcomes: the one table from a message code to what the packer reads.

Every code the services emit has its headline, detail and a short label for lists here;
colours come from the outcome's tone (``TONE_COLOURS``), never from the code.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from packstation.services.bench.outcome import OutcomeKind, Tone, tone_of


class Text(NamedTuple):
    headline: str  # read from two metres away: short and loud
    detail: str
    short: str  # the recent-scans list


TEXTS: dict[str, Text] = {
    "scan.accepted": Text("OK  {scanned} / {required}", "{name} ({sku})", "OK"),
    "scan.wrong_item": Text(
        "WRONG ITEM — take it out", "{name} ({sku}) is not on this order. Then scan CMD‑REMOVED (F9).", "WRONG ITEM"
    ),
    "scan.over_scan": Text(
        "TOO MANY — take it out",
        "{name}: {required} ordered, {remaining} still missing, this scan counts {quantity}. "
        "Then scan CMD‑REMOVED (F9).",
        "TOO MANY",
    ),
    "scan.unknown_barcode": Text(
        "UNKNOWN BARCODE — take it out", "{barcode} is not a known product. Then scan CMD‑REMOVED (F9).", "UNKNOWN"
    ),
    "scan.no_order_open": Text("No order open", "{name}: scan the order's packing slip first.", "NO ORDER"),
    "scan.unknown_no_order": Text("Unknown barcode", "{barcode} is not an order, product or badge.", "UNKNOWN"),
    "scan.too_long": Text(
        "Scan rejected: too long", "{length} characters — not a barcode. Nothing was counted.", "REJECTED"
    ),
    "scan.control_chars": Text(
        "Scan rejected: control characters",
        "“{text}” — check the scanner set-up. Nothing was counted.",
        "REJECTED",
    ),
    "scan.undecodable": Text(
        "Scan rejected: unreadable bytes",
        "“{text}” — the scanner sent bytes that are not text. Check its set-up. Nothing was counted.",
        "REJECTED",
    ),
    "scan.empty": Text("Empty scan", "The scanner sent only a terminator or blanks.", "EMPTY"),
    # GS1 and product tracking (lots, expiry dates, serials)
    "scan.expired": Text(
        "EXPIRED — take it out",
        "{name}: expires {expiry} (lot {lot}); units need {margin_days} day(s) left. Then scan CMD‑REMOVED (F9).",
        "EXPIRED",
    ),
    "scan.duplicate_serial": Text(
        "SERIAL ALREADY PACKED — take it out",
        "{name}: serial {serial} is already packed in order {order}. Then scan CMD‑REMOVED (F9).",
        "DUPLICATE",
    ),
    "scan.already_counted": Text(
        "Already counted", "{name}: serial {serial} is counted already — this is the same unit again.", "AGAIN"
    ),
    "scan.lot_missing": Text(
        "Scan the unit's lot code", "{name} is tracked by lot: scan its GS1 code with the lot (10).", "NO LOT"
    ),
    "scan.serial_missing": Text(
        "Scan the unit's serial code", "{name} is tracked by serial: scan each unit's own code (21).", "NO SERIAL"
    ),
    "scan.serial_per_unit": Text(
        "Scan each unit",
        "{name} is tracked by serial: this code counts {count} units — scan them one by one.",
        "PER UNIT",
    ),
    "scan.gs1_invalid": Text("Scan rejected: damaged GS1 code", "“{text}”: {detail}. Nothing was counted.", "REJECTED"),
    "scan.sscc": Text("Shipping label (SSCC {sscc})", "Not a product: nothing was counted.", "SSCC"),
    "order.opened": Text("Order {number} open", "Scan every unit.", "OPENED"),
    "order.resumed": Text("Order {number} resumed", "{scanned} of {required} units already scanned — carry on.", ""),
    "order.already_open": Text("Order {number} is already open", "", ""),
    "order.finish_or_hold_first": Text("Finish or hold {number} first", "It already has scans.", ""),
    "order.not_found": Text("No order {number}", "", ""),
    "order.not_openable": Text("Order {number} is {status}", "It cannot be packed.", ""),
    "order.claimed_elsewhere": Text("Order {number} is open at {station}", "Another station is packing it.", ""),
    "order.released": Text("Order {number} back in the queue", "", ""),
    "order.held": Text("Order {number} on hold", "Reason: {reason}. A supervisor will look at it.", ""),
    "order.shipped": Text("SHIPPED {number}", "Tracking {tracking} — label sent to {printer}.", ""),
    "order.cancelled_by_shop": Text(
        "STOP — order {number} cancelled by the shop", "Do not ship it. Unpack the box.", ""
    ),
    "order.changed_by_shop": Text("The shop changed this order", "{changes} — then scan CMD-OK.", ""),
    "order.changes_seen": Text("Shop change noted", "", ""),
    "order.lost_claim": Text("Order {number} is no longer yours", "Status: {status}.", ""),
    "order.not_finishable": Text(
        "Not finished: {missing} unit(s) missing", "{open_mismatches} wrong unit(s) still to take out.", ""
    ),
    "order.illegal_transition": Text("Not allowed", "An order cannot go from {current} to {target}.", ""),
    "mismatch.removed": Text("Removal confirmed", "{remaining} wrong unit(s) still to take out.", "REMOVED"),
    "mismatch.none_open": Text("Nothing to take out", "", ""),
    "packer.logged_in": Text("Hello, {name}", "", ""),
    "packer.logged_out": Text("Logged out", "Scans are recorded under the station's name.", ""),
    "packer.unknown_badge": Text("Unknown badge {badge}", "", ""),
    "command.no_order": Text("No order open", "Scan an order's packing slip first.", ""),
    "command.unknown": Text("Unknown command CMD-{name}", "Not a Packstation command barcode.", ""),
    "printer.not_configured": Text("No printer configured", "", ""),
    "printer.unavailable": Text("PRINTER PROBLEM — nothing shipped", "{reason}", ""),
    "print.retrying": Text(
        "LABEL NOT PRINTED — box stays here",
        "Attempt {attempts}: {reason}. Retrying in {retry_in} s. F12 retries now; CMD-ASIDE sets the box aside.",
        "",
    ),
    "print.failed": Text(
        "LABEL PRINTER DOWN — set the box aside", "{reason}. Scan CMD-ASIDE, or fix the printer and press F12.", ""
    ),
    "print.uncertain": Text(
        "Did the label come out?", "The printer stopped mid-label. Yes: scan CMD-LABEL-OK. No: CMD-LABEL-AGAIN.", ""
    ),
    "print.label_pending": Text("Label of {number} not out yet", "Wait for it, press F12, or scan CMD-ASIDE.", ""),
    "print.nothing_uncertain": Text("No label to confirm", "", ""),
    "print.nothing_to_set_aside": Text("Nothing to set aside", "", ""),
    "print.already_out": Text("The label of {number} is out", "", ""),
    "print.waiting_label_failed": Text(
        "Label of {number} not printed", "{reason}. The box keeps waiting: try a bench whose printer works.", ""
    ),
    "print.reprinted": Text("Reprinted: {kind} of {number}", "", ""),
    "print.reprint_waits": Text("Reprint of {number} not printed", "{reason}", ""),
    "print.nothing_to_reprint": Text("Nothing to reprint", "Order {number} has no {kind} yet.", ""),
    "print.not_packed": Text("Order {number} is not packed yet", "", ""),
    "print.carrier_label_format": Text(
        "Carrier label of {number} cannot print here",
        "It is {format}, the label printer {printer} takes another format. Pack it at a bench whose printer takes it.",
        "",
    ),
    "order.set_aside": Text(
        "Box {number} set aside — awaiting label", "Its label prints when its slip is scanned at a working printer.", ""
    ),
    "order.label_printed": Text("LABEL PRINTED — {number} shipped", "Tracking {tracking}.", ""),
    "storage.unavailable": Text(
        "DATABASE UNAVAILABLE — scan NOT counted", "Reconnecting… scan the unit again when this turns back.", ""
    ),
    "storage.back": Text("Database back", "Scanning works again.", ""),
    "storage.corrupt": Text(
        "DATABASE DAMAGED — scan NOT counted", "Call a supervisor: the last backup must be restored.", ""
    ),
    "storage.read_only": Text(
        "DATABASE READ-ONLY — scan NOT counted", "Call a supervisor: this bench may not write the database.", ""
    ),
    "storage.disk_full": Text("DISK FULL — scan NOT counted", "Call a supervisor: free space on {where}.", ""),
    "storage.locked": Text(
        "DATABASE BUSY — scan NOT counted", "Another program holds it {holders}. Scan the unit again in a moment.", ""
    ),
    "storage.unreachable": Text(
        "DATABASE SERVER UNREACHABLE — scan NOT counted", "Reconnecting… scan the unit again when this turns back.", ""
    ),
    "storage.auth_failed": Text(
        "DATABASE REFUSED THE LOGIN — scan NOT counted", "Call a supervisor: check the user name and password.", ""
    ),
    "storage.no_database": Text(
        "DATABASE NOT FOUND — scan NOT counted", "Call a supervisor: the database in the settings does not exist.", ""
    ),
    "storage.cannot_open": Text(
        "DATABASE CANNOT BE OPENED — scan NOT counted", "Call a supervisor: check the database file's folder.", ""
    ),
    "device.disconnected": Text(
        "SCANNER {device} DISCONNECTED", "Reconnecting by itself… Meanwhile use another scanner.", ""
    ),
    "device.disconnected_partial": Text(
        "SCANNER {device} DISCONNECTED",
        "The scan it was sending (“{discarded}”) was dropped: scan that unit again. Reconnecting…",
        "",
    ),
    "device.unavailable": Text("SCANNER {device} NOT AVAILABLE", "{reason}", ""),
    "device.reconnected": Text("Scanner {device} is back", "Scanning works again.", ""),
    "device.port_missing": Text("DEVICE NOT CONNECTED", "{reason}", ""),
    "device.permission_denied": Text("DEVICE NOT ALLOWED", "{reason}", ""),
    "device.busy": Text("DEVICE IN USE", "{reason}", ""),
    "device.io_error": Text("DEVICE PROBLEM", "{reason}", ""),
    # Scales and parcels
    "scale.unstable": Text("NOT WEIGHED — the weight does not settle", "{reason}", ""),
    "scale.no_answer": Text("NOT WEIGHED — the scale does not answer", "{reason}", ""),
    "scale.garbled": Text("NOT WEIGHED — the scale's answers are unreadable", "{reason}", ""),
    "scale.overload": Text("NOT WEIGHED — too heavy for the scale", "{reason}", ""),
    "scale.underload": Text("NOT WEIGHED — the scale is below zero", "{reason}", ""),
    "parcel.box_chosen": Text("Box {box} for parcel {parcel}", "{size}, tare {tare} kg.", "BOX"),
    "parcel.unknown_box": Text("No box {box}", "Boxes: {boxes}.", ""),
    "parcel.empty": Text("Parcel {parcel} is empty", "Scan the units into it first.", ""),
    "parcel.too_many": Text("No more parcels", "An order ships in {limit} parcels at most.", ""),
    "parcel.closed": Text(
        "Parcel {parcel} closed — {weight} kg", "{units} unit(s) in box {box}. Next parcel.", "PARCEL"
    ),
    "parcel.weight_overridden": Text("Weight accepted by a supervisor", "", "OVERRIDE"),
    "parcel.no_weight_mismatch": Text("Nothing to accept", "Parcel {parcel} has no wrong weight.", ""),
    "parcel.weight_mismatch": Text(
        "WRONG WEIGHT — check parcel {parcel}",
        "Weighs {weight} kg, should weigh {expected} kg (± {allowed}). Check the contents, then weigh again.",
        "WEIGHT",
    ),
    # People and supervisors (issue 10)
    "auth.pin_required": Text(
        "Hello, {name} — type your PIN", "Supervisor badge scanned: the PIN opens the panel.", ""
    ),
    "auth.supervisor_in": Text("Supervisor {name} at this bench", "F11 opens the supervisor panel.", ""),
    "auth.supervisor_out": Text("Supervisor {name} left", "", ""),
    "auth.wrong_pin": Text("Wrong PIN", "{attempts_left} attempt(s) left before the badge locks.", ""),
    "auth.locked": Text("Badge of {name} is locked", "Too many wrong PINs: an admin must unlock it.", ""),
    "auth.unknown_badge": Text("Unknown badge", "", ""),
    "auth.not_supervisor": Text("{name} is not a supervisor", "", ""),
    "auth.no_badge": Text("Scan a supervisor's badge first", "", ""),
    "auth.pin_cancelled": Text("No PIN typed", "Scan the supervisor's badge again when ready.", ""),
    "auth.no_supervisor": Text("No supervisor at this bench", "", ""),
    "auth.supervisor_required": Text("A supervisor is needed", "Scan a supervisor's badge and type the PIN.", ""),
    "auth.login_required": Text("Scan your badge", "Nobody is logged in at this bench: nothing was counted.", ""),
    "auth.idle_logout": Text("Logged out", "{name} was idle for {minutes} minute(s). Scan your badge.", ""),
    "scan.manual": Text("OK  {scanned} / {required} (by hand)", "{name} ({sku}) confirmed by hand by {by}.", "BY HAND"),
    "manual.not_on_order": Text("{sku} is not on order {number}", "Nothing was counted.", ""),
    "manual.line_complete": Text("{name}: all {required} counted", "Nothing more to confirm by hand.", ""),
    "manual.tracked": Text("{name} needs its code", "It is tracked by {tracking}: scan or type its GS1 code.", ""),
    "manual.try_again": Text("Counted elsewhere meanwhile", "Confirm {sku} again.", ""),
    "mismatch.overridden": Text(
        "Wrong unit accepted by {name}", "{remaining} wrong unit(s) still to take out.", "OVERRIDE"
    ),
    "supervisor.released": Text("Order {number} back in the queue", "Released by a supervisor.", ""),
    "supervisor.resumed": Text("Order {number} opened here", "{scanned} of {required} units already scanned.", ""),
    "supervisor.partial_approved": Text("Order {number} ships partially", "Tracking {tracking}. {reason}", ""),
    "supervisor.cancelled": Text("Order {number} cancelled", "Reason: {reason}; cost so far {cost}.", ""),
    "supervisor.expedited": Text("Order {number} to the front of the queue", "", ""),
    "supervisor.unexpedited": Text("Order {number} back in its place", "", ""),
    "supervisor.reopened": Text(
        "Order {number} reopened", "Its tracking number is void: a new label prints when it is finished again.", ""
    ),
    "supervisor.not_held": Text("Order {number} is not on hold", "It is {status}.", ""),
    "supervisor.not_waiting": Text("Order {number} is {status}", "Only waiting orders can be expedited.", ""),
    "supervisor.not_reopenable": Text("Order {number} is {status}", "Only packed or shipped orders reopen.", ""),
    "supervisor.reason_required": Text("Give a reason", "", ""),
    "supervisor.nothing_packed": Text("Nothing of {number} is packed", "Cancel it instead.", ""),
    "supervisor.bad_cancellation": Text("Cancellation not accepted", "{detail}", ""),
    "queue.empty": Text("The queue is empty", "", ""),
    "bench.registered": Text("Station {station} ready", "", ""),
    "bench.name_taken": Text(
        "Station name {station} is in use by {host}",
        "That machine (bench {bench}) was last heard of {seconds} s ago. Use another station name, "
        "or if that machine is gone, wait until it has been silent for {ttl} s.",
        "",
    ),
    "bench.name_lost": Text(
        "Station name {station} was taken by another machine",
        "This bench was silent too long. Restart it, or give it another station name.",
        "",
    ),
    "system.os_error": Text("SYSTEM PROBLEM — nothing shipped", "{error} {path} — call a supervisor.", ""),
    "internal.error": Text("SOFTWARE ERROR — call a supervisor", "{error}", ""),
    "barcode.invalid": Text("Label cannot be printed", "{detail}", ""),
}

# Background and text colour per tone: the banner, the recent-scans list and anything else.
TONE_COLOURS: dict[str, tuple[str, str]] = {
    Tone.GOOD: ("#1b7f3b", "white"),
    Tone.BAD: ("#c62828", "white"),
    Tone.INFO: ("#1f4e8c", "white"),
    "idle": ("#e8eaed", "#202124"),
}


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def describe(code: str, params: Mapping[str, object]) -> tuple[str, str]:
    """(headline, detail) for an outcome; unknown codes still say something useful."""
    text = TEXTS.get(code)
    if text is None:
        return code, ", ".join(f"{k}={v}" for k, v in params.items())
    values = _Defaults({k: str(v) for k, v in params.items()})
    return text.headline.format_map(values), text.detail.format_map(values)


def short_label(message_code: str, verdict: str) -> str:
    """The recent-scans list's label for a stored scan."""
    text = TEXTS.get(message_code)
    return text.short if text and text.short else verdict.upper()


def verdict_tone(verdict: str) -> Tone:
    """The tone of a stored scan's verdict (a command scan is neutral)."""
    try:
        return tone_of(OutcomeKind(verdict))
    except ValueError:
        return Tone.INFO
