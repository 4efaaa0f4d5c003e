"""The bench's words: the one table from a message code to its English source text, and the word lists.

Every code the services emit has its headline, detail and a short label for lists here, as
English *source* strings of Qt's translation system (context ``messages``); what the packer
reads is their translation, made when it is shown (``gui.messages``). ``%n`` in a text is a
count with real plural forms in every language (``Text.n`` names the parameter it counts);
``{name}`` placeholders are filled from the outcome's parameters afterwards.

A new outcome code (a new verdict, a printing outcome) gets its words by one row in
``TEXTS``; a new mismatch kind also by a row in ``MISMATCH_WORDS``. Then run
``python tools/translations.py update`` and translate the new rows.
"""

from __future__ import annotations

from typing import NamedTuple


class _Source:
    """Marks a string for ``pyside6-lupdate`` without translating it yet (the table is built at import).

    lupdate reads ``<anything>.translate(context, text[, disambiguation, n])``; an integer
    literal as ``n`` makes it a plural message. Returns ``text`` unchanged.
    """

    @staticmethod
    def translate(context: str, text: str, disambiguation: str = "", n: int = -1) -> str:
        return text


_s = _Source()


class Text(NamedTuple):
    headline: str  # read from two metres away: short and loud
    detail: str = ""
    short: str = ""  # the recent-scans list
    n: str | None = None  # the parameter ``%n`` counts, in headline and detail


# fmt: off
TEXTS: dict[str, Text] = {
    "idle": Text(
        _s.translate("messages", "Scan a packing slip"),
        _s.translate("messages", "or press F6 for the next order in the queue"),
    ),
    "scan.accepted": Text(
        _s.translate("messages", "OK  +{quantity}  ·  {scanned} / {required}"),
        _s.translate("messages", "{name}"),
        _s.translate("messages", "OK"),
    ),
    "scan.complete": Text(
        _s.translate("messages", "COMPLETE: %n unit(s)", "", 1),
        _s.translate("messages", "{name} was the last one. Scan FINISH (F12)."),
        _s.translate("messages", "OK"),
        n="units",
    ),
    "scan.complete_auto": Text(
        _s.translate("messages", "COMPLETE: %n unit(s)", "", 1),
        _s.translate("messages", "{name} was the last one. Finishing now: Esc or UNDO keeps the order open."),
        _s.translate("messages", "OK"),
        n="units",
    ),
    "scan.wrong_item": Text(
        _s.translate("messages", "WRONG ITEM"),
        _s.translate("messages", "{name} is not on this order. Take it out, then scan REMOVED (F9)."),
        _s.translate("messages", "WRONG ITEM"),
    ),
    "scan.over_scan": Text(
        _s.translate("messages", "TOO MANY"),
        _s.translate("messages", "{name}: all {required} are in the box already. Take one out, then scan REMOVED "
                                 "(F9)."),
        _s.translate("messages", "TOO MANY"),
    ),
    "scan.over_scan_pack": Text(
        _s.translate("messages", "TOO MANY"),
        _s.translate("messages", "{name}: this pack counts {quantity}, only %n more needed. Take it out, then scan "
                                 "REMOVED (F9).", "", 1),
        _s.translate("messages", "TOO MANY"),
        n="remaining",
    ),
    "scan.unknown_barcode": Text(
        _s.translate("messages", "UNKNOWN BARCODE"),
        _s.translate("messages", "{barcode} is no product we know. Take it out, then scan REMOVED (F9)."),
        _s.translate("messages", "UNKNOWN"),
    ),
    "scan.no_order_open": Text(
        _s.translate("messages", "No order open"),
        _s.translate("messages", "{name}: scan the order's packing slip first."),
        _s.translate("messages", "NO ORDER"),
    ),
    "scan.unknown_no_order": Text(
        _s.translate("messages", "Unknown barcode"),
        _s.translate("messages", "{barcode} is no order, product or badge."),
        _s.translate("messages", "UNKNOWN"),
    ),
    "scan.too_long": Text(
        _s.translate("messages", "Scan refused"),
        _s.translate("messages", "%n character(s) long: not a barcode. Nothing was counted.", "", 1),
        _s.translate("messages", "REFUSED"),
        n="length",
    ),
    "scan.control_chars": Text(
        _s.translate("messages", "Scan refused"),
        _s.translate("messages", "“{text}” holds control characters: check the scanner's set-up. Nothing was counted."),
        _s.translate("messages", "REFUSED"),
    ),
    "scan.undecodable": Text(
        _s.translate("messages", "Scan refused"),
        _s.translate("messages", "“{text}”: the scanner sent bytes that are no text. Check its set-up. Nothing was "
                                 "counted."),
        _s.translate("messages", "REFUSED"),
    ),
    "scan.empty": Text(
        _s.translate("messages", "Empty scan"),
        _s.translate("messages", "The scanner sent only a terminator or blanks."),
        _s.translate("messages", "EMPTY"),
    ),
    "scan.undone": Text(
        _s.translate("messages", "UNDONE"),
        _s.translate("messages", "{name} no longer counts: take it back out of the box. Now {scanned} / {required}."),
        _s.translate("messages", "UNDONE"),
    ),
    "scan.undone_mismatch": Text(
        _s.translate("messages", "UNDONE"),
        _s.translate("messages", "The scan of {name} is cancelled: it needs no REMOVED any more."),
        _s.translate("messages", "UNDONE"),
    ),
    "undo.nothing": Text(
        _s.translate("messages", "Nothing to undo"),
        _s.translate("messages", "{number} has no scan to take back."),
    ),
    "finish.kept_open": Text(
        _s.translate("messages", "KEPT OPEN"),
        _s.translate("messages", "{number} stays open. Check the box, then scan FINISH (F12)."),
    ),
    "hold.choose_reason": Text(
        _s.translate("messages", "HOLD: WHY?"),
        _s.translate("messages", "Scan a reason barcode or press 1 to 4 for {number}. Esc: keep packing."),
    ),
    "order.opened": Text(
        _s.translate("messages", "NEW ORDER {number}"),
        _s.translate("messages", "Take a new box and scan every unit."),
        _s.translate("messages", "OPENED"),
    ),
    "order.resumed": Text(
        _s.translate("messages", "ORDER {number}"),
        _s.translate("messages", "Resumed: {scanned} of %n unit(s) are in the box already. Carry on.", "", 1),
        "",
        n="required",
    ),
    "order.already_open": Text(
        _s.translate("messages", "Already open"),
        _s.translate("messages", "Order {number} is open here already."),
    ),
    "order.finish_or_hold_first": Text(
        _s.translate("messages", "Finish {number} first"),
        _s.translate("messages", "It has scans already: finish it or put it on hold before opening {requested}."),
    ),
    "order.not_found": Text(
        _s.translate("messages", "No such order"),
        _s.translate("messages", "There is no order {number}."),
    ),
    "order.not_openable": Text(
        _s.translate("messages", "Cannot be packed"),
        _s.translate("messages", "Order {number} is {status}."),
    ),
    "order.claimed_elsewhere": Text(
        _s.translate("messages", "Open elsewhere"),
        _s.translate("messages", "Order {number} is being packed at {station}."),
    ),
    "order.released": Text(
        _s.translate("messages", "Back in the queue"),
        _s.translate("messages", "Order {number} waits in the queue again."),
    ),
    "order.held": Text(
        _s.translate("messages", "ON HOLD"),
        _s.translate("messages", "Order {number}: {reason}. A supervisor will look at it."),
    ),
    "order.shipped": Text(
        _s.translate("messages", "LABEL PRINTED"),
        _s.translate("messages", "Stick it on the box of {number} (tracking {tracking}). Then a NEW box for {next}."),
    ),
    "order.shipped_last": Text(
        _s.translate("messages", "LABEL PRINTED"),
        _s.translate("messages", "Stick it on the box of {number} (tracking {tracking})."),
    ),
    "order.cancelled_by_shop": Text(
        _s.translate("messages", "STOP: CANCELLED"),
        _s.translate("messages", "The shop cancelled {number}. Do not ship it: unpack the box, then scan OK."),
    ),
    "order.changed_by_shop": Text(
        _s.translate("messages", "STOP: ORDER CHANGED"),
        _s.translate("messages", "The shop changed this order: {changes}. Check the box, then scan OK."),
    ),
    "order.changes_seen": Text(
        _s.translate("messages", "Change noted"),
        _s.translate("messages", "Carry on packing {number}."),
    ),
    "order.cancellation_seen": Text(
        _s.translate("messages", "Cancellation noted"),
        _s.translate("messages", "{number}: put its units back. Scan the next slip or press F6."),
    ),
    "order.lost_claim": Text(
        _s.translate("messages", "NOT YOURS ANY MORE"),
        _s.translate("messages", "Order {number} is {status} now. Put the box aside."),
    ),
    "order.not_finishable": Text(
        _s.translate("messages", "NOT FINISHED"),
        _s.translate("messages", "%n unit(s) missing. Scan {name}: {remaining} more.", "", 1),
        "",
        n="missing",
    ),
    "order.wrong_units_in_box": Text(
        _s.translate("messages", "NOT FINISHED"),
        _s.translate("messages", "A wrong unit is in the box: take out {remove_name}, then scan REMOVED (F9)."),
    ),
    "order.illegal_transition": Text(
        _s.translate("messages", "Not allowed"),
        _s.translate("messages", "An order cannot go from {current} to {target}."),
    ),
    "mismatch.removed": Text(
        _s.translate("messages", "TAKEN OUT"),
        _s.translate("messages", "{name} is out. Nothing wrong is left in the box."),
        _s.translate("messages", "REMOVED"),
    ),
    "mismatch.removed_auto": Text(
        _s.translate("messages", "TAKEN OUT"),
        _s.translate("messages", "{name} is out and the box is right: finishing now. Esc or UNDO keeps it open."),
        _s.translate("messages", "REMOVED"),
    ),
    "mismatch.removed_more": Text(
        _s.translate("messages", "TAKEN OUT"),
        _s.translate("messages", "{name} is out. Still %n wrong unit(s) in the box: next {next_name}.", "", 1),
        _s.translate("messages", "REMOVED"),
        n="remaining",
    ),
    "mismatch.none_open": Text(
        _s.translate("messages", "Nothing to take out"),
        _s.translate("messages", "No wrong unit waits to be removed."),
    ),
    "packer.logged_in": Text(
        _s.translate("messages", "Hello, {name}"),
        _s.translate("messages", "Your scans are recorded under your name."),
    ),
    "packer.logged_out": Text(
        _s.translate("messages", "Logged out"),
        _s.translate("messages", "Scans are recorded under the station's name."),
    ),
    "packer.unknown_badge": Text(
        _s.translate("messages", "Unknown badge"),
        _s.translate("messages", "{badge} is no packer's badge."),
    ),
    "command.no_order": Text(
        _s.translate("messages", "No order open"),
        _s.translate("messages", "Scan an order's packing slip first."),
    ),
    "command.unknown": Text(
        _s.translate("messages", "Unknown command"),
        _s.translate("messages", "CMD-{name} is no Packstation command barcode."),
    ),
    "printer.not_configured": Text(
        _s.translate("messages", "NO PRINTER"),
        _s.translate("messages", "No printer is set up: nothing was printed or shipped."),
    ),
    "printer.unavailable": Text(
        _s.translate("messages", "PRINTER PROBLEM"),
        _s.translate("messages", "Nothing was shipped: {reason}"),
    ),
    "storage.unavailable": Text(
        _s.translate("messages", "DATABASE AWAY"),
        _s.translate("messages", "The scan was NOT counted. Reconnecting… scan the unit again when this turns back."),
    ),
    "storage.back": Text(
        _s.translate("messages", "Database back"),
        _s.translate("messages", "Scanning works again."),
    ),
    "queue.empty": Text(
        _s.translate("messages", "Queue empty"),
        _s.translate("messages", "No order waits to be packed."),
    ),
    "system.os_error": Text(
        _s.translate("messages", "SYSTEM PROBLEM"),
        _s.translate("messages", "Nothing was shipped: {error} {path}. Call a supervisor."),
    ),
    "internal.error": Text(
        _s.translate("messages", "SOFTWARE ERROR"),
        _s.translate("messages", "Call a supervisor: {error}"),
    ),
    "barcode.invalid": Text(
        _s.translate("messages", "LABEL PROBLEM"),
        _s.translate("messages", "The label cannot be printed: {detail}"),
    ),
    "next.open": Text(
        _s.translate("messages", "Scan a packing slip, or F6 for the next order"),
    ),
    "next.scan": Text(
        _s.translate("messages", "Scan: {name}  ·  bin {bin}  ·  %n left", "", 1),
        "",
        "",
        n="remaining",
    ),
    "next.scan_nobin": Text(
        _s.translate("messages", "Scan: {name}  ·  %n left", "", 1),
        "",
        "",
        n="remaining",
    ),
    "next.take_out": Text(
        _s.translate("messages", "Take out: {name} ({kind})"),
    ),
    "next.finish": Text(
        _s.translate("messages", "All %n in: scan FINISH (F12)", "", 1),
        "",
        "",
        n="units",
    ),
    "next.finishing": Text(
        _s.translate("messages", "All %n in: finishing… Esc keeps the order open", "", 1),
        "",
        "",
        n="units",
    ),
    "next.stick_label": Text(
        _s.translate("messages", "Stick the label on the box of {number}"),
    ),
    "next.stick_label_then": Text(
        _s.translate("messages", "Stick the label on {number}; new box for {next}"),
    ),
    "next.hold_reason": Text(
        _s.translate("messages", "Why on hold? Scan a reason, or press 1 to 4"),
    ),
    "next.acknowledge": Text(
        _s.translate("messages", "Check the box against the shop's change, then scan OK"),
    ),
    "next.acknowledge_cancel": Text(
        _s.translate("messages", "Unpack the box of {number}, then scan OK"),
    ),
    "next.db_down": Text(
        _s.translate("messages", "Wait: the database is away, scans are not counted"),
    ),
    # Devices, printing, storage faults and many benches.
    "scan.expired": Text(
        _s.translate("messages", "EXPIRED"),
        _s.translate("messages", "{name}: expires {expiry} (lot {lot}); units need {margin_days} day(s) "
                                 "left. Take it out, then scan REMOVED (F9)."),
        _s.translate("messages", "EXPIRED"),
    ),
    "scan.duplicate_serial": Text(
        _s.translate("messages", "SERIAL ALREADY PACKED"),
        _s.translate("messages", "{name}: serial {serial} is already packed in order {order}. Take it out, "
                                 "then scan REMOVED (F9)."),
        _s.translate("messages", "DUPLICATE"),
    ),
    "scan.already_counted": Text(
        _s.translate("messages", "Already counted"),
        _s.translate("messages", "{name}: serial {serial} is counted already — this is the same unit again."),
        _s.translate("messages", "AGAIN"),
    ),
    "scan.lot_missing": Text(
        _s.translate("messages", "Scan the unit's lot code"),
        _s.translate("messages", "{name} is tracked by lot: scan its GS1 code with the lot (10)."),
        _s.translate("messages", "NO LOT"),
    ),
    "scan.serial_missing": Text(
        _s.translate("messages", "Scan the unit's serial code"),
        _s.translate("messages", "{name} is tracked by serial: scan each unit's own code (21)."),
        _s.translate("messages", "NO SERIAL"),
    ),
    "scan.serial_per_unit": Text(
        _s.translate("messages", "Scan each unit"),
        _s.translate("messages", "{name} is tracked by serial: this code counts {count} units — scan them "
                                 "one by one."),
        _s.translate("messages", "PER UNIT"),
    ),
    "scan.gs1_invalid": Text(
        _s.translate("messages", "GS1 CODE DAMAGED"),
        _s.translate("messages", "“{text}”: {detail}. Nothing was counted."),
        _s.translate("messages", "REJECTED"),
    ),
    "scan.sscc": Text(
        _s.translate("messages", "SSCC SHIPPING LABEL"),
        _s.translate("messages", "SSCC {sscc}: not a product, nothing was counted."),
        _s.translate("messages", "SSCC"),
    ),
    "print.retrying": Text(
        _s.translate("messages", "LABEL NOT PRINTED"),
        _s.translate("messages", "The box stays here. Attempt {attempts}: {reason}. Retrying in {retry_in} "
                                 "s. F12 retries now; CMD-ASIDE sets the box aside."),
    ),
    "print.failed": Text(
        _s.translate("messages", "LABEL PRINTER DOWN"),
        _s.translate("messages", "{reason}. Set the box aside (CMD-ASIDE), or fix the printer and press F12."),
    ),
    "print.uncertain": Text(
        _s.translate("messages", "Did the label come out?"),
        _s.translate("messages", "The printer stopped mid-label. Yes: scan CMD-LABEL-OK. No: CMD-LABEL-AGAIN."),
    ),
    "print.label_pending": Text(
        _s.translate("messages", "Label of {number} not out yet"),
        _s.translate("messages", "Wait for it, press F12, or scan CMD-ASIDE."),
    ),
    "print.nothing_uncertain": Text(
        _s.translate("messages", "No label to confirm"),
    ),
    "print.nothing_to_set_aside": Text(
        _s.translate("messages", "Nothing to set aside"),
    ),
    "print.already_out": Text(
        _s.translate("messages", "The label of {number} is out"),
    ),
    "print.waiting_label_failed": Text(
        _s.translate("messages", "Label of {number} not printed"),
        _s.translate("messages", "{reason}. The box keeps waiting: try a bench whose printer works."),
    ),
    "print.reprinted": Text(
        _s.translate("messages", "Reprinted: {kind} of {number}"),
    ),
    "print.reprint_waits": Text(
        _s.translate("messages", "Reprint failed: {number}"),
        _s.translate("messages", "{reason}"),
    ),
    "print.nothing_to_reprint": Text(
        _s.translate("messages", "Nothing to reprint"),
        _s.translate("messages", "Order {number} has no {kind} yet."),
    ),
    "print.not_packed": Text(
        _s.translate("messages", "{number} not packed yet"),
    ),
    "print.carrier_label_format": Text(
        _s.translate("messages", "Label needs another printer"),
        _s.translate("messages", "{number}: the label is {format}, and the label printer {printer} takes "
                                 "another format. Pack it at a bench whose printer takes it."),
    ),
    "order.set_aside": Text(
        _s.translate("messages", "BOX SET ASIDE"),
        _s.translate("messages", "{number} waits for its label: it prints when its slip is scanned at a "
                                 "working printer."),
    ),
    "order.label_printed": Text(
        _s.translate("messages", "LABEL PRINTED"),
        _s.translate("messages", "{number} shipped. Tracking {tracking}."),
    ),
    "storage.corrupt": Text(
        _s.translate("messages", "DATABASE DAMAGED"),
        _s.translate("messages", "The scan was NOT counted. Call a supervisor: the last backup must be restored."),
    ),
    "storage.read_only": Text(
        _s.translate("messages", "DATABASE READ-ONLY"),
        _s.translate("messages", "The scan was NOT counted. Call a supervisor: this bench may not write the "
                                 "database."),
    ),
    "storage.disk_full": Text(
        _s.translate("messages", "DISK FULL"),
        _s.translate("messages", "The scan was NOT counted. Call a supervisor: free space on {where}."),
    ),
    "storage.locked": Text(
        _s.translate("messages", "DATABASE BUSY"),
        _s.translate("messages", "The scan was NOT counted. Another program holds it {holders}. Scan the "
                                 "unit again in a moment."),
    ),
    "storage.unreachable": Text(
        _s.translate("messages", "DATABASE AWAY"),
        _s.translate("messages", "The scan was NOT counted. Reconnecting… scan the unit again when this turns back."),
    ),
    "storage.auth_failed": Text(
        _s.translate("messages", "DATABASE LOGIN REFUSED"),
        _s.translate("messages", "The scan was NOT counted. Call a supervisor: check the user name and password."),
    ),
    "storage.no_database": Text(
        _s.translate("messages", "NO SUCH DATABASE"),
        _s.translate("messages", "The scan was NOT counted. Call a supervisor: the database in the settings "
                                 "does not exist."),
    ),
    "storage.cannot_open": Text(
        _s.translate("messages", "DATABASE WON'T OPEN"),
        _s.translate("messages", "The scan was NOT counted. Call a supervisor: check the database file's folder."),
    ),
    "device.disconnected": Text(
        _s.translate("messages", "SCANNER {device} DISCONNECTED"),
        _s.translate("messages", "Reconnecting by itself… Meanwhile use another scanner."),
    ),
    "device.disconnected_partial": Text(
        _s.translate("messages", "SCANNER {device} DISCONNECTED"),
        _s.translate("messages", "The scan it was sending (“{discarded}”) was dropped: scan that unit again. "
                                 "Reconnecting…"),
    ),
    "device.unavailable": Text(
        _s.translate("messages", "SCANNER {device} NOT AVAILABLE"),
        _s.translate("messages", "{reason}"),
    ),
    "device.reconnected": Text(
        _s.translate("messages", "Scanner {device} is back"),
        _s.translate("messages", "Scanning works again."),
    ),
    "device.port_missing": Text(
        _s.translate("messages", "DEVICE NOT CONNECTED"),
        _s.translate("messages", "{reason}"),
    ),
    "device.permission_denied": Text(
        _s.translate("messages", "DEVICE NOT ALLOWED"),
        _s.translate("messages", "{reason}"),
    ),
    "device.busy": Text(
        _s.translate("messages", "DEVICE IN USE"),
        _s.translate("messages", "{reason}"),
    ),
    "device.io_error": Text(
        _s.translate("messages", "DEVICE PROBLEM"),
        _s.translate("messages", "{reason}"),
    ),
    "scale.unstable": Text(
        _s.translate("messages", "NOT WEIGHED"),
        _s.translate("messages", "The weight does not settle. {reason}"),
    ),
    "scale.no_answer": Text(
        _s.translate("messages", "NOT WEIGHED"),
        _s.translate("messages", "The scale does not answer. {reason}"),
    ),
    "scale.garbled": Text(
        _s.translate("messages", "NOT WEIGHED"),
        _s.translate("messages", "The scale's answers are unreadable. {reason}"),
    ),
    "scale.overload": Text(
        _s.translate("messages", "NOT WEIGHED"),
        _s.translate("messages", "Too heavy for the scale. {reason}"),
    ),
    "scale.underload": Text(
        _s.translate("messages", "NOT WEIGHED"),
        _s.translate("messages", "The scale is below zero. {reason}"),
    ),
    "parcel.box_chosen": Text(
        _s.translate("messages", "Box {box} for parcel {parcel}"),
        _s.translate("messages", "{size}, tare {tare} kg."),
        _s.translate("messages", "BOX"),
    ),
    "parcel.unknown_box": Text(
        _s.translate("messages", "No box {box}"),
        _s.translate("messages", "Boxes: {boxes}."),
    ),
    "parcel.empty": Text(
        _s.translate("messages", "Parcel {parcel} is empty"),
        _s.translate("messages", "Scan the units into it first."),
    ),
    "parcel.too_many": Text(
        _s.translate("messages", "No more parcels"),
        _s.translate("messages", "An order ships in {limit} parcels at most."),
    ),
    "parcel.closed": Text(
        _s.translate("messages", "Parcel {parcel} closed — {weight} kg"),
        _s.translate("messages", "{units} unit(s) in box {box}. Next parcel."),
        _s.translate("messages", "PARCEL"),
    ),
    "parcel.weight_overridden": Text(
        _s.translate("messages", "WEIGHT OVERRIDDEN"),
        _s.translate("messages", "By a supervisor."),
        _s.translate("messages", "OVERRIDE"),
    ),
    "parcel.no_weight_mismatch": Text(
        _s.translate("messages", "Nothing to accept"),
        _s.translate("messages", "Parcel {parcel} has no wrong weight."),
    ),
    "parcel.weight_mismatch": Text(
        _s.translate("messages", "WRONG WEIGHT"),
        _s.translate("messages", "Parcel {parcel} weighs {weight} kg, should weigh {expected} kg (± "
                                 "{allowed}). Check the contents, then weigh again."),
        _s.translate("messages", "WEIGHT"),
    ),
    "bench.registered": Text(
        _s.translate("messages", "Station {station} ready"),
    ),
    "bench.name_taken": Text(
        _s.translate("messages", "STATION NAME IN USE"),
        _s.translate("messages", "{station} is in use by {host} (bench {bench}), last heard of {seconds} s "
                                 "ago. Use another station name, or if that machine is gone, wait until it "
                                 "has been silent for {ttl} s."),
    ),
    "bench.name_lost": Text(
        _s.translate("messages", "STATION NAME TAKEN"),
        _s.translate("messages", "Another machine took {station}: this bench was silent too long. Restart "
                                 "it, or give it another station name."),
    ),
    # People and supervisors.
    "auth.pin_required": Text(
        _s.translate("messages", "Hello, {name}"),
        _s.translate("messages", "Supervisor badge scanned: type your PIN to open the panel."),
    ),
    "auth.supervisor_in": Text(
        _s.translate("messages", "Supervisor {name} at this bench"),
        _s.translate("messages", "F11 opens the supervisor panel."),
    ),
    "auth.supervisor_out": Text(
        _s.translate("messages", "Supervisor {name} left"),
    ),
    "auth.wrong_pin": Text(
        _s.translate("messages", "Wrong PIN"),
        _s.translate("messages", "{attempts_left} attempt(s) left before the badge locks."),
    ),
    "auth.locked": Text(
        _s.translate("messages", "Badge of {name} is locked"),
        _s.translate("messages", "Too many wrong PINs: an admin must unlock it."),
    ),
    "auth.unknown_badge": Text(
        _s.translate("messages", "Unknown badge"),
    ),
    "auth.not_supervisor": Text(
        _s.translate("messages", "{name} is not a supervisor"),
    ),
    "auth.no_badge": Text(
        _s.translate("messages", "Scan a supervisor's badge first"),
    ),
    "auth.pin_cancelled": Text(
        _s.translate("messages", "No PIN typed"),
        _s.translate("messages", "Scan the supervisor's badge again when ready."),
    ),
    "auth.no_supervisor": Text(
        _s.translate("messages", "No supervisor at this bench"),
    ),
    "auth.supervisor_required": Text(
        _s.translate("messages", "A supervisor is needed"),
        _s.translate("messages", "Scan a supervisor's badge and type the PIN."),
    ),
    "auth.login_required": Text(
        _s.translate("messages", "Scan your badge"),
        _s.translate("messages", "Nobody is logged in at this bench: nothing was counted."),
    ),
    "auth.idle_logout": Text(
        _s.translate("messages", "Logged out"),
        _s.translate("messages", "{name} was idle for {minutes} minute(s). Scan your badge."),
    ),
    "scan.manual": Text(
        _s.translate("messages", "OK  {scanned} / {required} (by hand)"),
        _s.translate("messages", "{name} ({sku}) confirmed by hand by {by}."),
        _s.translate("messages", "BY HAND"),
    ),
    "manual.not_on_order": Text(
        _s.translate("messages", "{sku} is not on order {number}"),
        _s.translate("messages", "Nothing was counted."),
    ),
    "manual.line_complete": Text(
        _s.translate("messages", "{name}: all {required} counted"),
        _s.translate("messages", "Nothing more to confirm by hand."),
    ),
    "manual.tracked": Text(
        _s.translate("messages", "{name} needs its code"),
        _s.translate("messages", "It is tracked by {tracking}: scan or type its GS1 code."),
    ),
    "manual.try_again": Text(
        _s.translate("messages", "Counted elsewhere meanwhile"),
        _s.translate("messages", "Confirm {sku} again."),
    ),
    "mismatch.overridden": Text(
        _s.translate("messages", "Wrong unit accepted by {name}"),
        _s.translate("messages", "{remaining} wrong unit(s) still to take out."),
        _s.translate("messages", "OVERRIDE"),
    ),
    "supervisor.released": Text(
        _s.translate("messages", "{number} back in the queue"),
        _s.translate("messages", "Released by a supervisor."),
    ),
    "supervisor.resumed": Text(
        _s.translate("messages", "Order {number} opened here"),
        _s.translate("messages", "{scanned} of {required} units already scanned."),
    ),
    "supervisor.partial_approved": Text(
        _s.translate("messages", "Order {number} ships partially"),
        _s.translate("messages", "Tracking {tracking}. {reason}"),
    ),
    "supervisor.cancelled": Text(
        _s.translate("messages", "Order {number} cancelled"),
        _s.translate("messages", "Reason: {reason}; cost so far {cost}."),
    ),
    "supervisor.expedited": Text(
        _s.translate("messages", "{number} to the front"),
    ),
    "supervisor.unexpedited": Text(
        _s.translate("messages", "{number} back in its place"),
    ),
    "supervisor.reopened": Text(
        _s.translate("messages", "Order {number} reopened"),
        _s.translate("messages", "Its tracking number is void: a new label prints when it is finished again."),
    ),
    "supervisor.not_held": Text(
        _s.translate("messages", "Order {number} is not on hold"),
        _s.translate("messages", "It is {status}."),
    ),
    "supervisor.not_waiting": Text(
        _s.translate("messages", "Order {number} is {status}"),
        _s.translate("messages", "Only waiting orders can be expedited."),
    ),
    "supervisor.not_reopenable": Text(
        _s.translate("messages", "Order {number} is {status}"),
        _s.translate("messages", "Only packed or shipped orders reopen."),
    ),
    "supervisor.reason_required": Text(
        _s.translate("messages", "Give a reason"),
    ),
    "supervisor.nothing_packed": Text(
        _s.translate("messages", "Nothing of {number} is packed"),
        _s.translate("messages", "Cancel it instead."),
    ),
    "supervisor.bad_cancellation": Text(
        _s.translate("messages", "Cancellation not accepted"),
        _s.translate("messages", "{detail}"),
    ),
}

# Human names of order statuses (the queue, banners).
STATUS_NAMES: dict[str, str] = {
    "new": _s.translate("messages", "New"),
    "packing": _s.translate("messages", "Packing"),
    "packed": _s.translate("messages", "Packed"),
    "shipped": _s.translate("messages", "Shipped"),
    "delivered": _s.translate("messages", "Delivered"),
    "archived": _s.translate("messages", "Archived"),
    "on_hold": _s.translate("messages", "On hold"),
    "cancelled": _s.translate("messages", "Cancelled"),
}

# Why an order is on hold (commands.HOLD_REASONS), with the key that picks it on the screen.
HOLD_REASON_NAMES: dict[str, str] = {
    "missing_unit": _s.translate("messages", "A unit is missing"),
    "damaged_unit": _s.translate("messages", "A unit is damaged"),
    "wrong_address": _s.translate("messages", "Wrong address"),
    "other": _s.translate("messages", "Another reason"),
}

# What is wrong with a unit that must come out of the box (a mismatch kind).
MISMATCH_WORDS: dict[str, str] = {
    "wrong_item": _s.translate("messages", "not on this order"),
    "over_scan": _s.translate("messages", "one too many"),
    "unknown_barcode": _s.translate("messages", "unknown barcode"),
}
# fmt: on
