"""The bench screen, driven like a packer drives it: scans as key bursts, keys, the real worker.

Each scenario checks what the packer reads (banner, the line saying what to do now, the
picking list), what they hear (the tone asked for) and, where it matters, what was stored.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication

from packstation.domain.clock import utcnow
from packstation.domain.journal import OrderChange
from packstation.domain.records import ImportBatch
from packstation.services.demo import demo_batch, ean13
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order
from tests.gui.keys import scan, type_keys

pytestmark = pytest.mark.timeout(90)
BATCH = demo_batch()
BARCODE = {p.sku: p.barcodes[0] for p in BATCH.products}
PACK = {p.sku: p.packs[0].barcode for p in BATCH.products if p.packs}
ORDERS = {o.number: o for o in BATCH.orders}


def _scan(qtbot, window, raw: str):
    before = window.outcomes_shown
    scan(raw)
    qtbot.waitUntil(lambda: window.outcomes_shown > before, timeout=15000)
    return window.last_outcome


def _key(qtbot, window, key: Qt.Key):
    before = window.outcomes_shown
    qtbot.keyClick(window, key)
    qtbot.waitUntil(lambda: window.outcomes_shown > before, timeout=15000)
    return window.last_outcome


def _units(number: str, packs: bool = False) -> list[str]:
    units = []
    for line in ORDERS[number].lines:
        if packs and line.sku in PACK and line.quantity == 6:
            units.append(PACK[line.sku])
        else:
            units += [BARCODE[line.sku]] * line.quantity
    return units


def _not_on(number: str):
    skus = {line.sku for line in ORDERS[number].lines}
    return next(p for p in BATCH.products if p.sku not in skus)


def _next(window) -> str:
    return window.parts.next_action.text()


def test_the_next_action_line_for_each_state(qtbot, bench):
    assert _next(bench) == "Scan a packing slip, or F6 for the next order"
    _scan(qtbot, bench, "PL-10012")  # two lines of one unit each
    first = ORDERS["PL-10012"].lines[0]
    name = next(p.name for p in BATCH.products if p.sku == first.sku)
    assert _next(bench).startswith(f"Scan: {name}  ·  bin ") and _next(bench).endswith("1 left")
    assert "NEW ORDER PL-10012" in bench.parts.header.text()
    wrong = _not_on("PL-10012")
    _scan(qtbot, bench, wrong.barcodes[0])
    assert _next(bench) == f"Take out: {wrong.name} (not on this order)"
    assert "NEW ORDER" not in bench.parts.header.text()
    _scan(qtbot, bench, "CMD-REMOVED")
    _scan(qtbot, bench, BARCODE[first.sku])
    second = ORDERS["PL-10012"].lines[1]
    assert _next(bench).startswith("Scan: " + next(p.name for p in BATCH.products if p.sku == second.sku))
    complete = _scan(qtbot, bench, BARCODE[second.sku])
    assert (complete.kind, complete.code, complete.params["finish_in_ms"]) == ("accepted", "scan.complete", 1500)
    assert _next(bench) == "All 2 in: finishing… Esc keeps the order open"
    assert bench.banner.text().startswith("COMPLETE: 2 units")
    kept = _key(qtbot, bench, Qt.Key.Key_Escape)
    assert kept.code == "finish.kept_open"
    assert _next(bench) == "All 2 in: scan FINISH (F12)"
    shipped = _key(qtbot, bench, Qt.Key.Key_F12)
    assert shipped.kind == "shipped" and shipped.params["next"] == "PL-10001"
    assert _next(bench) == "Stick the label on PL-10012; new box for PL-10001"
    assert bench.banner.text().startswith("LABEL PRINTED\nStick it on the box of PL-10012")
    assert "NEW ORDER PL-10001: new box" in bench.parts.header.text()
    # The stored outcome: shipped with its label, the wrong unit removed, nothing voided.
    doc = show_order(bench.app.uow, "PL-10012")
    assert doc["status"] == "shipped" and doc["mismatches"][0]["resolution"] == "removed"


def test_the_order_finishes_by_itself_on_its_last_unit(qtbot, bench):
    _scan(qtbot, bench, "PL-10015")  # one line, one unit
    last = _scan(qtbot, bench, _units("PL-10015")[0])
    assert last.code == "scan.complete" and bench.sounds.played[-1] == "complete"
    qtbot.waitUntil(lambda: bench.last_outcome.kind == "shipped", timeout=10000)
    assert bench.last_outcome.params["number"] == "PL-10015"
    assert bench.sounds.played[-1] == "shipped"
    assert show_order(bench.app.uow, "PL-10015")["status"] == "shipped"


def test_undo_takes_the_last_scan_back(qtbot, bench):
    _scan(qtbot, bench, "PL-10013")  # three of one product
    unit = _units("PL-10013")[0]
    _scan(qtbot, bench, unit)
    _scan(qtbot, bench, unit)
    undone = _key(qtbot, bench, Qt.Key.Key_Escape)
    assert (undone.kind, undone.params["scanned"]) == ("undone", 1)
    assert bench.banner.text().startswith("UNDONE\n")
    assert "take it back out of the box. Now 1 / 3" in bench.banner.text()
    assert _next(bench).endswith("2 left")
    scans = show_order(bench.app.uow, "PL-10013")["scans"]
    assert [(s["verdict"], s["voided"]) for s in scans] == [("accepted", False), ("accepted", True), ("command", False)]


def test_removed_names_the_unit_it_cleared_and_what_remains(qtbot, bench):
    _scan(qtbot, bench, "PL-10013")
    wrong = _not_on("PL-10013")
    unknown = ean13(999_998)
    _scan(qtbot, bench, wrong.barcodes[0])
    shown = _scan(qtbot, bench, unknown)
    assert shown.kind == "unknown_barcode" and unknown in bench.banner.text()  # as scanned, not its GTIN-14
    rows = bench.parts.pick.rows
    assert [r.kind for r in rows[:2]] == ["remove", "remove"] and wrong.name in rows[0].texts[1]
    assert unknown in rows[1].texts[1]
    first = _scan(qtbot, bench, "CMD-REMOVED")
    assert first.kind == "removed_more" and bench.banner.tone == "info"
    assert f"{wrong.name} is out. Still 1 wrong unit in the box: next {unknown}." in bench.banner.text()
    assert _next(bench) == f"Take out: {unknown} (unknown barcode)"
    last = _scan(qtbot, bench, "CMD-REMOVED")
    assert last.kind == "removed" and bench.banner.tone == "good"
    assert f"{unknown} is out. Nothing wrong is left in the box." in bench.banner.text()
    assert [r.kind for r in bench.parts.pick.rows] == ["next"]


def test_finish_refused_names_the_missing_line(qtbot, bench):
    _scan(qtbot, bench, "PL-10013")
    name = next(p.name for p in BATCH.products if p.sku == ORDERS["PL-10013"].lines[0].sku)
    _scan(qtbot, bench, _units("PL-10013")[0])
    refused = _key(qtbot, bench, Qt.Key.Key_F12)
    assert refused.code == "order.not_finishable" and bench.sounds.played[-1] == "refused"
    assert bench.banner.text() == f"NOT FINISHED\n2 units missing. Scan {name}: 2 more."


def test_a_six_pack_shows_plus_six(qtbot, bench):
    _scan(qtbot, bench, "PL-10001")
    pack = _scan(qtbot, bench, PACK["SKU-0034"])
    assert (pack.kind, pack.params["quantity"], pack.params["scanned"]) == ("accepted", 6, 6)
    assert bench.banner.text().startswith("OK  +6  ·  6 / 6")
    pick = bench.parts.pick
    flashing = pick.flashing_row
    assert flashing >= 0 and pick.item(flashing, 2).text() == "✓ 6 / 6  +6"
    assert pick.rows[-1].kind == "done" and pick.rows[flashing].line_id == pick.rows[-1].line_id  # sunk, grey
    qtbot.waitUntil(lambda: pick.flashing_row == -1, timeout=5000)
    assert pick.item(len(pick.rows) - 1, 2).text() == "✓ 6 / 6"
    assert pick.rows[0].kind == "next"


def test_each_refusal_sounds_different(qtbot, bench):
    _scan(qtbot, bench, "PL-10013")
    unit = _units("PL-10013")[0]
    heard = []
    for raw in (unit, _not_on("PL-10013").barcodes[0], ean13(999_997)):
        _scan(qtbot, bench, raw)
        heard.append(bench.sounds.played[-1])
    for _ in range(2):
        _scan(qtbot, bench, unit)
    _scan(qtbot, bench, unit)  # one too many
    heard.append(bench.sounds.played[-1])
    assert heard == ["accepted", "wrong_item", "unknown_barcode", "over_scan"]


def test_hold_asks_for_a_reason_and_its_key_holds(qtbot, bench):
    _scan(qtbot, bench, "PL-10013")
    _scan(qtbot, bench, _units("PL-10013")[0])
    asked = _key(qtbot, bench, Qt.Key.Key_F8)
    assert asked.kind == "hold_asked" and bench.ui.orderStack.currentWidget() is bench.ui.holdPage
    assert _next(bench) == "Why on hold? Scan a reason, or press 1 to 4"
    buttons = [b.text() for b in bench.parts.hold_buttons.values()]
    assert buttons == ["1   A unit is missing", "2   A unit is damaged", "3   Wrong address", "4   Another reason"]
    assert show_order(bench.app.uow, "PL-10013")["status"] == "packing"  # nothing held yet
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bench.ui.holdPage, timeout=5000)
    before = bench.outcomes_shown
    type_keys("2", 120, terminator=None)  # a person's key, not a scanner burst
    qtbot.waitUntil(lambda: bench.outcomes_shown > before, timeout=15000)
    held = bench.last_outcome
    assert (held.kind, held.params["reason"]) == ("held", "damaged_unit")
    assert bench.banner.text().startswith("ON HOLD\nOrder PL-10013: A unit is damaged.")
    assert show_order(bench.app.uow, "PL-10013")["history"][-1]["note"] == "damaged_unit"
    assert bench.ui.orderStack.currentWidget() is bench.ui.pickPage


def test_esc_closes_the_hold_question_and_a_reason_barcode_holds(qtbot, bench):
    _scan(qtbot, bench, "PL-10014")
    _key(qtbot, bench, Qt.Key.Key_F8)
    qtbot.keyClick(bench, Qt.Key.Key_Escape)
    assert bench.ui.orderStack.currentWidget() is bench.ui.pickPage and _next(bench).startswith("Scan: ")
    held = _scan(qtbot, bench, "CMD-HOLD-ADDRESS")
    assert held.params["reason"] == "wrong_address"
    assert show_order(bench.app.uow, "PL-10014")["status"] == "on_hold"


def test_a_shop_cancellation_is_a_red_page_until_cmd_ok(qtbot, make_bench):
    from dataclasses import replace

    bench = make_bench(heartbeat_seconds=1)
    _scan(qtbot, bench, "PL-10013")
    _scan(qtbot, bench, _units("PL-10013")[0])
    cancelled = replace(ORDERS["PL-10013"], status="cancelled")
    import_batch(bench.app.uow, ImportBatch(orders=(cancelled,)), "shop")
    qtbot.waitUntil(lambda: bench.last_outcome.kind == "order_cancelled", timeout=10000)
    assert bench.ui.orderStack.currentWidget() is bench.ui.stopPage and not bench.ui.queuePane.isVisible()
    assert bench.parts.stop_title.text() == "STOP: ORDER CANCELLED"
    assert bench.banner.tone == "bad" and bench.sounds.played[-1] == "alert"
    assert _next(bench) == "Unpack the box of PL-10013, then scan OK"
    _scan(qtbot, bench, ean13(999_996))  # anything else: the page stays
    assert bench.ui.orderStack.currentWidget() is bench.ui.stopPage
    seen = _scan(qtbot, bench, "CMD-OK")
    assert seen.code == "order.cancellation_seen"
    assert bench.ui.orderStack.currentWidget() is bench.ui.pickPage
    assert _next(bench) == "Scan a packing slip, or F6 for the next order"


def test_a_shop_change_is_a_red_page_until_cmd_ok(qtbot, make_bench):
    bench = make_bench(heartbeat_seconds=1)
    opened = _scan(qtbot, bench, "PL-10013")
    with bench.app.uow() as uow:
        uow.journal.add_order_change(OrderChange(opened.order.order_id, utcnow(), "shop", "lines: SKU-0029×3 -> ×2"))
        uow.commit()
    qtbot.waitUntil(lambda: bench.last_outcome.kind == "order_changed", timeout=10000)
    assert bench.ui.orderStack.currentWidget() is bench.ui.stopPage
    assert "lines: SKU-0029×3 -> ×2" in bench.parts.stop_text.text()
    assert _next(bench) == "Check the box against the shop's change, then scan OK"
    assert _scan(qtbot, bench, "CMD-OK").code == "order.changes_seen"
    assert bench.ui.orderStack.currentWidget() is bench.ui.pickPage


def test_cash_on_delivery_and_the_note_are_blocks(qtbot, bench):
    shown = _scan(qtbot, bench, "PL-10010")
    amount = shown.order.cod_amount
    assert bench.parts.cod.isVisible() and bench.parts.cod.text() == f"CASH ON DELIVERY {amount} PLN"
    assert bench.parts.note.isVisible() and bench.parts.note.text() == "NOTE: Proszę zapakować ostrożnie — szkło!"
    assert bench.parts.note.shown_lines()[-1].endswith("szkło!")  # the whole note on screen, not elided
    _scan(qtbot, bench, "CMD-RELEASE")
    assert not bench.parts.cod.isVisible() and not bench.parts.note.isVisible()


def test_a_number_typed_or_scanned_by_its_digits_opens_the_order(qtbot, bench):
    assert _scan(qtbot, bench, "10010").params["number"] == "PL-10010"


def test_queue_filter_accents_enter_and_the_pinned_open_order(qtbot, bench):
    queue = bench.queue
    qtbot.keyClick(bench, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bench.ui.queueFilter)
    type_keys("lodz", 90, terminator=None)
    qtbot.waitUntil(lambda: queue.rows and all(row.city == "Łódź" for row in queue.rows), timeout=5000)
    assert len(queue.rows) == 4
    assert bench.ui.queueTable.item(0, 4).text() == "New"  # a status in words
    bench.ui.queueFilter.clear()
    type_keys("ćwikła", 90, terminator=None)
    qtbot.waitUntil(lambda: [row.number for row in queue.rows] == ["PL-10012", "PL-10024", "PL-10036"], timeout=5000)
    bench.ui.queueFilter.clear()
    type_keys("10013", 90, terminator=None)
    qtbot.waitUntil(lambda: [row.number for row in queue.rows] == ["PL-10013"], timeout=5000)
    before = bench.outcomes_shown
    type_keys("", 90, terminator="\r")  # a person's Enter: the only match opens
    qtbot.waitUntil(lambda: bench.outcomes_shown > before, timeout=15000)
    assert bench.last_outcome.params["number"] == "PL-10013"
    # The open order stays in the list whatever the filter says, pinned first.
    bench.find_in_queue()
    bench.ui.queueFilter.setText("gdansk")
    qtbot.waitUntil(lambda: queue.rows and queue.rows[0].city == "Gdańsk", timeout=5000)
    table = bench.ui.queueTable
    assert table.item(0, 0).text() == "PL-10013" and table.item(0, 4).text() == "Packing"
    assert {table.item(i, 2).text() for i in range(1, table.rowCount())} == {"Gdańsk"}


def test_the_queue_shows_while_idle_and_on_f2(qtbot, bench):
    assert bench.ui.queuePane.isVisible()
    _scan(qtbot, bench, "PL-10013")
    assert not bench.ui.queuePane.isVisible()  # the open order is the screen
    qtbot.keyClick(bench, Qt.Key.Key_F2)
    assert bench.ui.queuePane.isVisible()
    qtbot.keyClick(bench, Qt.Key.Key_F2)
    assert not bench.ui.queuePane.isVisible()


def test_a_badge_switches_the_packer_without_closing_the_order(qtbot, bench):
    assert bench.parts.packer.text() == "Nobody: scan your badge"
    _scan(qtbot, bench, "PL-10013")
    _scan(qtbot, bench, "PKR-0001")
    assert bench.parts.packer.text() == "Packer: Anna Kowalska"
    switched = _scan(qtbot, bench, "PKR-0002")
    assert switched.order.number == "PL-10013" and bench.parts.packer.text() == "Packer: Marek Wiśniewski"


def test_pictures_load_off_the_gui_thread_and_show_beside_the_next_line(qtbot, make_bench):
    bench = make_bench(pictures=True)
    shown = _scan(qtbot, bench, "PL-10013")
    path = shown.order.image_of(shown.order.lines[0].sku)
    assert path.endswith(".png")
    cache, side = bench.pictures, bench.side
    qtbot.waitUntil(lambda: not side.picture.pixmap().isNull(), timeout=10000)
    assert cache.known(path, side.picture_px)
    fresh = "images/SKU-0001.png"
    assert cache.get(fresh, 64) is None  # answered at once; the file is read by the pool
    qtbot.waitUntil(lambda: cache.known(fresh, 64), timeout=10000)
    assert cache.get(fresh, 64) is not None
    assert cache.get("images/none-such.png", 64) is None
    qtbot.waitUntil(lambda: cache.known("images/none-such.png", 64), timeout=10000)
    assert cache.get("images/none-such.png", 64) is None  # no picture: no crash, a placeholder


def test_recent_scans_show_product_names(qtbot, bench):
    _scan(qtbot, bench, "PL-10013")
    _scan(qtbot, bench, _units("PL-10013")[0])
    name = next(p.name for p in BATCH.products if p.sku == "SKU-0029")
    assert bench.side.recent.lines[0][0] == f"OK  {name}"


def test_the_headline_is_painted_at_the_top_of_the_banner(qtbot, bench):
    """The headline's large glyphs (drawn from their own cache) land in the headline's band, whole."""
    _scan(qtbot, bench, "PL-10013")
    _scan(qtbot, bench, _units("PL-10013")[0])
    image = bench.banner.grab().toImage()
    white = [
        y
        for y in range(image.height())
        if any(image.pixelColor(x, y).lightness() > 240 for x in range(0, image.width(), 3))
    ]
    band = QFontMetricsF(bench.banner.headline_font).lineSpacing()
    assert white and white[0] < bench.banner.padding + band * 0.5  # the capitals start near the top
    head_rows = [y for y in white if y < bench.banner.padding + band]
    assert len(head_rows) > band * 0.5  # and fill most of the headline's line


def test_the_same_refusal_twice_is_counted_on_the_banner(qtbot, bench):
    """Two identical refusals must not look identical: the second says ×2, so the key did register."""
    _scan(qtbot, bench, "PL-10013")
    _key(qtbot, bench, Qt.Key.Key_F12)
    assert bench.banner.repeat == 1
    _key(qtbot, bench, Qt.Key.Key_F12)
    assert bench.banner.repeat == 2 and bench.banner.text().startswith("NOT FINISHED")
    _scan(qtbot, bench, _units("PL-10013")[0])
    assert bench.banner.repeat == 1
