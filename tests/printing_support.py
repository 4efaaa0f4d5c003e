"""Real parts for printing tests: a TCP 9100 listener, a private CUPS, the ZPL renderer (not a test module)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ZPL_TOOL = ROOT / "tools" / "zpl"


class Listener:
    """A raw-port "printer" on 127.0.0.1: each connection's bytes are one job (``jobs``), in order.

    ``on_job`` runs after a job's last byte arrived and before the connection closes (a test
    kills the sender there: the printer has the label, the sender has not heard back).
    """

    def __init__(self, on_job: Callable[[bytes], None] | None = None) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.jobs: list[bytes] = []
        self.on_job = on_job
        self.arrived: list[float] = []
        self._stop = False

    def start(self) -> Listener:
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        threading.Thread(target=self._serve, daemon=True).start()
        return self

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(10)
                chunks = []
                while True:
                    data = conn.recv(65536)
                    if not data:
                        break
                    chunks.append(data)
                job = b"".join(chunks)
                self.arrived.append(time.perf_counter())
                self.jobs.append(job)
                if self.on_job is not None:
                    self.on_job(job)

    def close(self) -> None:
        self._stop = True
        self.sock.close()

    def wait_for(self, count: int, timeout: float = 20.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.jobs) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.jobs


def render_zpl(zpl: bytes, dpi: int, out: Path) -> Path:
    """Render with zpl-renderer-js (zebrash, WASM) under node, offline; the PNG's path."""
    source = out.with_suffix(".zpl")
    source.write_bytes(zpl)
    dpmm = {203: 8, 300: 12}[dpi]
    subprocess.run(["node", str(ZPL_TOOL / "render.cjs"), str(source), str(out), "100", "150", str(dpmm)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    return out


def zpl_renderer_missing() -> str | None:
    if shutil.which("node") is None:
        return "node is needed to render ZPL (apt-get install nodejs)"
    if not (ZPL_TOOL / "node_modules" / "zpl-renderer-js").exists():
        return "zpl-renderer-js is not installed (cd tools/zpl && npm ci)"
    return None


CUPSD_CONF = """Listen {dir}/cups.sock
Listen 127.0.0.1:{port}
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
CUPS_FILES = """ServerRoot {dir}/conf
RequestRoot {dir}/spool
CacheDir {dir}/cache
StateDir {dir}/state
TempDir {dir}/tmp
AccessLog {dir}/log/access_log
ErrorLog {dir}/log/error_log
PageLog {dir}/log/page_log
User lp
Group lp
SystemGroup root
"""
PDF_PPD = "/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"


class Cups:
    """A private cupsd (no systemd): its own config, spool and port; a cups-pdf queue and raw queues."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="packstation-cups-", dir="/tmp"))
        os.chmod(self.dir, 0o755)  # filters run as lp and read the spool and PPDs below
        for sub in ("conf/ppd", "spool", "cache", "state", "log", "tmp", "pdf-out"):
            (self.dir / sub).mkdir(parents=True)
        os.chmod(self.dir / "tmp", 0o1777)
        os.chmod(self.dir / "pdf-out", 0o777)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        (self.dir / "conf" / "cupsd.conf").write_text(CUPSD_CONF.format(dir=self.dir, port=self.port))
        (self.dir / "conf" / "cups-files.conf").write_text(CUPS_FILES.format(dir=self.dir))
        for name in ("raw.convs", "raw.types"):
            if Path("/etc/cups", name).exists():
                shutil.copy(Path("/etc/cups", name), self.dir / "conf" / name)
        self.env = {**os.environ, "CUPS_SERVER": f"127.0.0.1:{self.port}"}
        self.proc: subprocess.Popen[bytes] | None = None
        self.pdf_queue = f"pspdf{os.getpid()}"
        self.pdf_conf = Path(f"/etc/cups/cups-pdf-{self.pdf_queue}.conf")

    def start(self) -> None:
        conf = self.dir / "conf"
        self.proc = subprocess.Popen(
            ["cupsd", "-f", "-c", str(conf / "cupsd.conf"), "-s", str(conf / "cups-files.conf")],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"cupsd exited {self.proc.returncode}: {self.log_tail()}")
            # lpstat -r exits 0 either way: read what it says.
            answer = subprocess.run(["lpstat", "-r"], env=self.env, capture_output=True, text=True).stdout
            if "scheduler is running" in answer:
                return
            time.sleep(0.1)
        raise RuntimeError(f"cupsd did not answer: {self.log_tail()}")

    def add_pdf_queue(self) -> str:
        """A cups-pdf queue writing into ``pdf_out`` (its per-queue cups-pdf configuration)."""
        self.pdf_conf.write_text(f"Out {self.pdf_out}\nAnonDirName {self.pdf_out}\nLabel 0\n")
        self.lpadmin("-p", self.pdf_queue, "-E", "-v", f"cups-pdf:/{self.pdf_queue}", "-P", PDF_PPD)
        return self.pdf_queue

    def add_raw_queue(self, name: str, port: int) -> str:
        self.lpadmin("-p", name, "-E", "-v", f"socket://127.0.0.1:{port}", "-m", "raw")
        return name

    def hold(self, queue: str, held: bool) -> None:
        """Stop (or restart) a queue's printing: its jobs wait, pending, with their names visible."""
        tool = "cupsdisable" if held else "cupsenable"
        done = subprocess.run([tool, queue], env=self.env, capture_output=True, text=True, timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"{tool} {queue}: {done.stderr}")

    def lpadmin(self, *args: str) -> None:
        done = subprocess.run(["lpadmin", *args], env=self.env, capture_output=True, text=True, timeout=30)
        if done.returncode != 0:
            raise RuntimeError(f"lpadmin {' '.join(args)}: {done.stderr}")

    @property
    def pdf_out(self) -> Path:
        return self.dir / "pdf-out"

    def log_tail(self) -> str:
        try:
            return "\n".join((self.dir / "log" / "error_log").read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no log)"

    def close(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.pdf_conf.unlink(missing_ok=True)
        shutil.rmtree(self.dir, ignore_errors=True)
