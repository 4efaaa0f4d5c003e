"""Printing through a real CUPS (started here, no systemd) and a real TCP 9100 listener."""

from __future__ import annotations

import shutil
import time
from decimal import Decimal

import pypdfium2 as pdfium
import pytest
import zxingcpp

from packstation.adapters.labels.shipping_label import render_shipping_label
from packstation.adapters.labels.zpl_label import render_zpl_label
from packstation.adapters.printers import CupsPrinter, PrintUncertain, TcpPrinter
from packstation.adapters.printers.cups import MEDIA
from packstation.domain.records import Address, LabelLine, ShipmentDocuments
from tests.conftest import require_service
from tests.printing_support import Cups, Listener

MM = 72 / 25.4
DOC = ShipmentDocuments(
    order_number="ZAM/1", tracking_number="340123450000000017", carrier="InPost", service="Kurier",
    recipient=Address("Zofia Wójcik", "ul. Żeromskiego 12/4", "90-710", "Łódź"),
    sender=Address("Sklep", "ul. Magazynowa 1", "00-001", "Warszawa"),
    lines=(LabelLine("SKU-1", "Kubek", 1),), weight_kg=Decimal("1.2"), created="2026-12-01",
)  # fmt: skip


@pytest.fixture(scope="session")
def cups():  # type: ignore[no-untyped-def]
    missing = [tool for tool in ("cupsd", "lp", "lpadmin", "ipptool") if shutil.which(tool) is None]
    if missing or not __import__("os").path.exists("/usr/lib/cups/backend/cups-pdf"):
        require_service(f"CUPS is needed (apt-get install cups cups-ipp-utils printer-driver-cups-pdf): {missing}")
    server = Cups()
    failure = ""
    try:
        server.start()
        server.add_pdf_queue()
    except (RuntimeError, OSError) as exc:
        failure = f"private cupsd did not start: {exc}"
    if failure:
        server.close()
        require_service(failure)
    yield server
    server.close()


@pytest.fixture
def cups_env(cups, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CUPS_SERVER", cups.env["CUPS_SERVER"])
    return cups


def _wait_for_file(folder, timeout: float = 60.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in folder.iterdir() if p.suffix == ".pdf"]
        if found and found[0].stat().st_size > 0:
            time.sleep(0.2)  # cups-pdf writes, then renames: let it finish
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"nothing arrived in {folder}")


def test_pdf_label_through_cups_arrives_at_100_by_150_mm_and_decodes(cups_env) -> None:  # type: ignore[no-untyped-def]
    printer = CupsPrinter(cups_env.pdf_queue, media=MEDIA["label"])
    cups_env.hold(cups_env.pdf_queue, True)  # the job waits in the spooler, as when a bench crashes mid-print
    try:
        request = printer.send("ZAM_1-label-job1", render_shipping_label(DOC, 300))
        assert request.startswith(cups_env.pdf_queue)
        assert printer.accepted("ZAM_1-label-job1") is True  # found again by title, as after a crash
        assert printer.accepted("ZAM_1-label-job999") is False
    finally:
        cups_env.hold(cups_env.pdf_queue, False)
    out = _wait_for_file(cups_env.pdf_out)
    pdf = pdfium.PdfDocument(out.read_bytes())
    width, height = pdf[0].get_size()
    # CUPS rounds a custom size to whole points: within a quarter of a millimetre, never A4 or Letter.
    assert width == pytest.approx(100 * MM, abs=0.7) and height == pytest.approx(150 * MM, abs=0.7)
    image = pdf[0].render(scale=300 / 72).to_pil().convert("L")
    codes = zxingcpp.read_barcodes(image)
    assert [(c.text, c.symbology_identifier) for c in codes] == [("(00)340123450000000017", "]C1")]
    # Once completed, CUPS no longer lists a job's name: the lookup then says "cannot tell", never "no".
    assert printer.accepted("ZAM_1-label-job1") in (True, None)
    assert printer.accepted("ZAM_1-label-job999") in (False, None)


def test_zpl_through_a_raw_queue_and_straight_to_9100_arrives_byte_exact(cups_env) -> None:  # type: ignore[no-untyped-def]
    listener = Listener().start()
    try:
        queue = cups_env.add_raw_queue(f"zebra{listener.port}", listener.port)
        zpl = render_zpl_label(DOC, 203)
        CupsPrinter(queue, raw=True).send("ZAM_1-label-job2", zpl)
        TcpPrinter("127.0.0.1", listener.port).send("ZAM_1-label-job3", zpl)
        assert listener.wait_for(2, timeout=60) == [zpl, zpl]
    finally:
        listener.close()


def test_a_raw_port_that_refuses_printed_nothing_and_one_that_breaks_off_is_uncertain() -> None:
    from packstation.adapters.printers import PrinterError

    listener = Listener()
    port = listener.port
    listener.close()  # nobody listens: refused before a byte went out
    with pytest.raises(PrinterError) as refused:
        TcpPrinter("127.0.0.1", port, timeout=2).send("t", b"^XA^XZ")
    assert not isinstance(refused.value, PrintUncertain)

    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def reset_after_some_bytes() -> None:
        conn, _ = server.accept()
        conn.recv(1000)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()  # RST: the printer went away mid-label

    threading.Thread(target=reset_after_some_bytes, daemon=True).start()
    with pytest.raises(PrintUncertain) as broke:
        TcpPrinter("127.0.0.1", server.getsockname()[1], timeout=5).send("t", b"^XA" + b"x" * 4_000_000 + b"^XZ")
    assert broke.value.params["sent"] > 0
    server.close()
