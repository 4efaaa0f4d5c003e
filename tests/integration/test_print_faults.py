"""Printing faults with real parts: a writer killed with SIGKILL, a print folder that really fills up
(a tiny tmpfs), a label printer that stays down while the box is set aside and its slip rescanned at
another bench, a supervisor's batch of waiting labels, and reprints recorded in the order's history.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp

from packstation.adapters.printers.folder import ABANDONED_TMP_SECONDS, TMP_PREFIX, TMP_SUFFIX
from packstation.domain.records import CarrierLabel, ImportBatch
from packstation.services import print_admin
from packstation.services.bench.commands import Finish, OpenOrder, PrintTick, Reprint, Scan
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order
from packstation.services.users import add_user
from tests.conftest import require_service
from tests.integration.packing_support import BADGE, MUG_EAN, PACKER, PRODUCTS, batch, make_app, open_order, order
from tests.printing_support import ROOT, Listener

WRITER = """
import sys
from pathlib import Path
from packstation.adapters.printers.folder import FolderPrinter
data = b"%PDF-1.4\\n" + bytes(int(sys.argv[2]))  # a large document: the write takes a while
FolderPrinter(Path(sys.argv[1])).send("ORDER-big-slip-job1", data)
"""


def _leftovers(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"))


def _packed(app, number: str):  # type: ignore[no-untyped-def]
    """A bench with ``number`` open and complete, ready for F12."""
    bench = app.bench()
    bench.scan(BADGE)
    open_order(bench, number)
    assert bench.scan(MUG_EAN).kind == "accepted"
    return bench


def _until(condition, what: str, bench=None, timeout: float = 30.0):  # type: ignore[no-untyped-def]
    """Poll ``condition`` (sending the bench's due jobs meanwhile) until it holds; fail after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if bench is not None:
            bench.handle(PrintTick())
        if value := condition():
            return value
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def test_a_writer_killed_mid_document_leaves_a_leftover_that_the_next_bench_start_removes(
    sqlite_url: str, tmp_path: Path
) -> None:
    folder = tmp_path / "hot"
    folder.mkdir()
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(1536 * 1024 * 1024)], cwd=ROOT,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})  # fmt: skip
    try:
        _until(lambda: any(p.stat().st_size > 0 for p in _leftovers(folder)), "the writer to start writing")
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    (leftover,) = _leftovers(folder)
    assert not list(folder.glob("*.pdf"))  # the job never appeared under its name
    # A live writer's file, next to it, must survive the sweep: this process holds its lock.
    live = folder / f"{TMP_PREFIX}live{TMP_SUFFIX}"
    with open(live, "wb") as writing:
        fcntl.flock(writing.fileno(), fcntl.LOCK_EX)
        writing.write(b"%PDF-1.4 still being written")
        old = time.time() - 10 * ABANDONED_TMP_SECONDS
        os.utime(live, (old, old))
        _until(lambda: time.time() - leftover.stat().st_mtime > ABANDONED_TMP_SECONDS, "the leftover to settle")
        app = make_app(sqlite_url, "bench-1", folder)  # label and slip go to the hot folder
        app.bench()  # a bench starts
        assert _leftovers(folder) == [live]
    app.dispose()


def _mount_tmpfs(where: Path, size: str) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        require_service("a full print folder is a tiny tmpfs: needs root and mount")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True)
    if done.returncode != 0:
        require_service(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")


def test_a_print_folder_with_room_for_the_label_but_not_the_slip(sqlite_url: str, tmp_path: Path) -> None:
    hot = Path(tempfile.mkdtemp(prefix="packstation-full-"))
    _mount_tmpfs(hot, "72k")  # a label (~48 kB) fits; label and slip (~96 kB) do not
    try:
        app = make_app(sqlite_url, "bench-1", hot, auto_next=False)
        import_batch(app.uow, batch(order("F-1", ("SKU-MUG", 1))), "t")
        add_user(app.uow, PACKER, BADGE)
        bench = _packed(app, "F-1")
        shipped = bench.handle(Finish())
        assert shipped is not None and shipped.code == "order.shipped"  # the label is out: it counts as printed
        (label,) = hot.glob("*label*.pdf")
        assert not list(hot.glob("*slip*"))
        jobs = {p["kind"]: p["to"] for p in show_order(app.uow, "F-1")["prints"]}
        assert jobs == {"label": "printed", "slip": "queued"}  # the slip waits for its retry
        assert "No space left on device" in json.dumps(show_order(app.uow, "F-1")["prints"])
        collected = tmp_path / "collected"
        collected.mkdir()
        shutil.move(label, collected / label.name)  # the print server takes the label: room again
        _until(lambda: list(hot.glob("*slip*.pdf")), "the slip's retry", bench=bench)
        assert len(list(hot.glob("*label*"))) == 0 and len(list(collected.iterdir())) == 1  # no second label
        states = [(p["kind"], p["to"]) for p in show_order(app.uow, "F-1")["prints"]]
        assert states.count(("label", "printed")) == 1 and states[-1] == ("slip", "printed")
        app.dispose()
    finally:
        subprocess.run(["umount", "-l", str(hot)], check=False)
        shutil.rmtree(hot, ignore_errors=True)


def test_a_box_set_aside_gets_exactly_its_own_label_when_its_slip_is_scanned_at_a_working_bench(
    sqlite_url: str, tmp_path: Path
) -> None:
    down = Listener()  # bench 1's label printer: bound, never listening (switched off)
    up = Listener().start()  # bench 2's works
    one = make_app(sqlite_url, "bench-1", tmp_path / "p1", label_printer=f"tcp:127.0.0.1:{down.port}",
                   slip_printer=f"folder:{tmp_path / 'slips1'}", auto_next=False)  # fmt: skip
    import_batch(one.uow, batch(order("A-1", ("SKU-MUG", 1)), order("A-2", ("SKU-MUG", 1))), "t")
    add_user(one.uow, PACKER, BADGE)
    bench1 = _packed(one, "A-1")
    waiting = bench1.handle(Finish())
    assert waiting is not None and waiting.code == "print.retrying"
    aside = bench1.handle(Scan("CMD-ASIDE"))
    assert aside is not None and aside.code == "order.set_aside"
    assert show_order(one.uow, "A-1")["status"] == "awaiting_label"
    tracking = show_order(one.uow, "A-1")["tracking_number"]
    assert bench1.handle(PrintTick()) is None  # bench 1 no longer tries: the label is held for the box
    two = make_app(sqlite_url, "bench-2", tmp_path / "p2", label_printer=f"tcp:127.0.0.1:{up.port}",
                   slip_printer=f"folder:{tmp_path / 'slips2'}", auto_next=False)  # fmt: skip
    bench2 = two.bench()
    bench2.scan(BADGE)
    printed = bench2.handle(OpenOrder("A-1"))  # its slip's barcode, scanned at bench 2
    assert printed is not None and printed.code == "order.label_printed", printed
    (label,) = up.wait_for(1)
    assert f"^FD{'>;>800' + tracking if len(tracking) == 18 else tracking}^FS".encode() in label
    assert b"A-1" in label and b"A-2" not in label
    assert show_order(two.uow, "A-1")["status"] == "shipped"
    assert show_order(two.uow, "A-2")["status"] == "new"
    assert bench1.handle(PrintTick()) is None and len(up.jobs) == 1
    down.close()
    up.close()
    one.dispose()
    two.dispose()


def _decode_pages(pdf_bytes: bytes) -> list[list[str]]:
    pdf = pdfium.PdfDocument(pdf_bytes)
    out = []
    for i in range(len(pdf)):
        image = pdf[i].render(scale=203 / 72).to_pil().convert("L").point(lambda v: 255 if v > 127 else 0)
        out.append([r.text for r in zxingcpp.read_barcodes(image)])
    return out


def test_a_supervisors_batch_is_one_job_one_page_per_waiting_label_in_order(sqlite_url: str, tmp_path: Path) -> None:
    from tests.integration.test_carrier_labels import TRACKING, carrier_pdf

    # The bench's PDF label printer is down: a hot folder nobody can create (under /proc).
    app = make_app(sqlite_url, "bench-1", tmp_path / "p", label_printer="folder:/proc/packstation-printer-down",
                   slip_printer=f"folder:{tmp_path / 'slips'}", auto_next=False)  # fmt: skip
    carrier = CarrierLabel("pdf", carrier_pdf(), "w2.pdf")  # W-2 came with its carrier's own label
    orders = [order("W-1", ("SKU-MUG", 1)), replace(order("W-2", ("SKU-MUG", 1), tracking=TRACKING),
              carrier_label=carrier), order("W-3", ("SKU-MUG", 1))]  # fmt: skip
    import_batch(app.uow, ImportBatch(products=PRODUCTS, orders=tuple(orders)), "t")
    add_user(app.uow, PACKER, BADGE)
    bench = app.bench()
    bench.scan(BADGE)
    for number in ("W-1", "W-2", "W-3"):
        open_order(bench, number)
        assert bench.scan(MUG_EAN).kind == "accepted"
        assert bench.handle(Finish()).code == "print.retrying"
        assert bench.handle(Scan("CMD-ASIDE")).code == "order.set_aside"
    trackings = [show_order(app.uow, n)["tracking_number"] for n in ("W-1", "W-2", "W-3")]
    app.config.label_printer = f"folder:{tmp_path / 'office'}"  # the supervisor's office printer
    from packstation import bootstrap

    done = print_admin.print_waiting_labels(app.uow, app.config, bootstrap.documents(), bootstrap.printers(),
                                            "supervisor")  # fmt: skip
    assert done.state == "printed" and done.numbers == ("W-1", "W-2", "W-3")
    (job,) = (tmp_path / "office").iterdir()  # one job
    pages = _decode_pages(job.read_bytes())
    assert len(pages) == 3  # one page each, in order
    expected = [f"(00){t}" if len(t) == 18 and t != TRACKING else t for t in trackings]
    assert [p[0] for p in pages] == expected
    assert "DPD CLASSIC" in pdfium.PdfDocument(job.read_bytes())[1].get_textpage().get_text_range()
    assert {show_order(app.uow, n)["status"] for n in ("W-1", "W-2", "W-3")} == {"shipped"}
    app.dispose()


def test_reprints_from_the_bench_and_the_command_line_are_in_the_audit_trail(sqlite_url: str, tmp_path: Path) -> None:
    hot = tmp_path / "hot"
    app = make_app(sqlite_url, "bench-1", hot, auto_next=False)
    import_batch(app.uow, batch(order("RP-1", ("SKU-MUG", 1))), "t")
    add_user(app.uow, PACKER, BADGE)
    bench = _packed(app, "RP-1")
    assert bench.handle(Finish()).code == "order.shipped"
    again = bench.handle(Reprint("RP-1", "label"))
    assert again is not None and again.code == "print.reprinted"
    app.dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACKSTATION_HOME": str(tmp_path / "home")}
    cli = [sys.executable, "-m", "packstation", "--db", sqlite_url, "--station", "office", "--print-to", str(hot)]
    done = subprocess.run([*cli, "reprint", "RP-1", "--kind", "slip"], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    shown = subprocess.run([*cli, "orders", "show", "RP-1", "--json"], capture_output=True, text=True, env=env,
                           cwd=ROOT, timeout=120)  # fmt: skip
    prints = json.loads(shown.stdout)["prints"]
    reprints = [(p["kind"], p["who"], p["station"]) for p in prints if p["reprint_of"] and p["to"] == "printed"]
    assert reprints == [("label", PACKER, "bench-1"), ("slip", "cli", "office")]
    assert len(list(hot.glob("*label*"))) == 2 and len(list(hot.glob("*slip*"))) == 2
