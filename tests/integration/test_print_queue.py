"""The durable print queue with real parts: SQLite, a TCP 9100 listener, a real process killed with SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from packstation.services.bench.commands import ConfirmLabel, Finish, PrintTick, Resume
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order
from packstation.services.users import add_user
from tests.integration.packing_support import BADGE, MUG_EAN, PACKER, batch, make_app, open_order, order
from tests.printing_support import ROOT, Listener


def _app(db_url: str, tmp_path: Path, port: int):  # type: ignore[no-untyped-def]
    return make_app(db_url, "bench-1", tmp_path / "printed", label_printer=f"tcp:127.0.0.1:{port}",
                    slip_printer=f"tcp:127.0.0.1:{port}", auto_next=False)  # fmt: skip


def _all_printed(app, number: str) -> bool:  # type: ignore[no-untyped-def]
    """Every print job of the order has reached ``printed`` (its last recorded state)."""
    last: dict[int, str] = {}
    for event in show_order(app.uow, number)["prints"]:
        last[event["job"]] = event["to"]
    return bool(last) and set(last.values()) == {"printed"}


def _packed_and_ready(app, number: str = "Q-1"):  # type: ignore[no-untyped-def]
    import_batch(app.uow, batch(order(number, ("SKU-MUG", 1))), "t")
    add_user(app.uow, PACKER, BADGE)
    bench = app.bench()
    bench.scan(BADGE)
    open_order(bench, number)
    assert bench.scan(MUG_EAN).kind == "accepted"
    return bench


def test_printer_down_then_up_prints_each_job_once_in_order_across_a_restart(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    listener = Listener()  # bound, not listening yet: the printer is off
    app = _app(sqlite_url, tmp_path, listener.port)
    bench = _packed_and_ready(app)
    first = bench.handle(Finish())
    assert first is not None and first.code == "print.retrying" and first.params["attempts"] == 1
    assert show_order(app.uow, "Q-1")["status"] == "packed"
    app.dispose()  # the bench restarts while the printer is still off: nothing is lost
    app = _app(sqlite_url, tmp_path, listener.port)
    bench = app.bench()
    resumed = bench.handle(Resume())
    assert resumed is not None and resumed.code == "print.retrying" and resumed.order.number == "Q-1"
    listener.start()  # the printer comes on
    deadline = time.monotonic() + 30
    shipped = None
    while time.monotonic() < deadline and show_order(app.uow, "Q-1")["status"] != "shipped":
        shipped = bench.handle(PrintTick()) or shipped
        time.sleep(0.2)
    assert shipped is not None and shipped.code == "order.shipped"
    while time.monotonic() < deadline and not _all_printed(app, "Q-1"):
        bench.handle(PrintTick())  # the slip's retry falls due after its backoff
        time.sleep(0.05)
    assert _all_printed(app, "Q-1")
    jobs = listener.jobs
    assert len(jobs) == 2 and jobs[0].startswith(b"^XA^CI28") and jobs[1].startswith(b"%PDF")  # label, then slip
    doc = show_order(app.uow, "Q-1")
    assert [h["to"] for h in doc["history"]] == ["packing", "packed", "shipped"]
    listener.close()
    app.dispose()


def test_kill_9_between_the_printers_acceptance_and_the_commit_prints_one_label(sqlite_url, tmp_path) -> None:  # type: ignore[no-untyped-def]
    child: list[subprocess.Popen[bytes]] = []

    def kill_sender(_job: bytes) -> None:  # the printer has every byte; the sender never hears back
        if child and child[0].poll() is None:
            os.kill(child[0].pid, signal.SIGKILL)

    listener = Listener(on_job=kill_sender).start()
    app = _app(sqlite_url, tmp_path, listener.port)
    _packed_and_ready(app)
    bench_id = app.config.identity.bench_id  # the same bench restarts: same installation, same name
    app.dispose()
    code = (
        "from packstation import bootstrap, config\n"
        "from packstation.services.bench.commands import Finish, Resume\n"
        f"cfg = config.load(db_url={sqlite_url!r}, station='bench-1')\n"
        f"cfg.label_printer = cfg.slip_printer = 'tcp:127.0.0.1:{listener.port}'\n"
        "bench = bootstrap.bootstrap(cfg).bench()\n"
        "bench.handle(Resume())\n"
        "bench.handle(Finish())\n"
        "import time; time.sleep(30)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PACKSTATION_HOME": str(tmp_path / "child-home"),
           "PACKSTATION_BENCH_ID": bench_id}  # fmt: skip
    child.append(subprocess.Popen([sys.executable, "-c", code], env=env, cwd=ROOT))
    assert child[0].wait(timeout=60) == -signal.SIGKILL
    assert len(listener.jobs) == 1  # the label reached the printer; the kill came before the commit
    app = _app(sqlite_url, tmp_path, listener.port)
    bench = app.bench()
    asked = bench.handle(Resume())
    assert asked is not None and asked.code == "print.uncertain"  # a raw port cannot say: ask the packer
    assert show_order(app.uow, "Q-1")["status"] == "packed"
    done = bench.handle(ConfirmLabel(True))  # "yes, the label came out"
    assert done is not None and done.code == "order.shipped"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not _all_printed(app, "Q-1"):
        bench.handle(PrintTick())  # the slip, still queued, goes when its retry is due
        time.sleep(0.05)
    labels = [job for job in listener.wait_for(2) if job.startswith(b"^XA")]
    assert len(labels) == 1  # one label, not two
    doc = show_order(app.uow, "Q-1")
    assert doc["status"] == "shipped" and len({p["tracking_number"] for p in doc["parcels"]}) == 1
    listener.close()
    app.dispose()
