"""System printers through the CUPS spooler's own command-line interface (``lp``, ``ipptool``).

A PDF goes to a queue with the exact media size of its document (``media=Custom.100x150mm``
for a label, A4 for a slip) and ``print-scaling=none``: a thermal printer's driver that
receives any other size scales the label (and its barcode) to fit. ZPL goes to a raw queue
(``-o raw``) and reaches the printer byte for byte. Acceptance is the spooler's: ``lp``
exits 0 with a request id once the job is safely spooled.

After a crash mid-send the spooler is asked whether it holds a job of that title
(``Get-Jobs`` through ``ipptool``, which, unlike ``lpstat``, reports job names).
"""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import shutil
import subprocess
import tempfile

from .errors import PrinterError

log = logging.getLogger(__name__)
LP_TIMEOUT = 30.0
# What the CUPS server tells lp / ipptool where it is: host[:port]; a socket path means the local server.
DEFAULT_SERVER = "localhost:631"
MEDIA = {"label": "Custom.100x150mm", "slip": "A4", "pick": "A4"}
_REQUEST = re.compile(r"request id is (\S+)")
_GET_JOBS = """{
  OPERATION Get-Jobs
  GROUP operation-attributes-tag
  ATTR charset attributes-charset utf-8
  ATTR naturalLanguage attributes-natural-language en
  ATTR uri printer-uri $uri
  ATTR name requesting-user-name $user
  ATTR keyword which-jobs all
  ATTR keyword requested-attributes job-id,job-name,job-state
  DISPLAY job-id
  DISPLAY job-name
  DISPLAY job-state
}
"""
# Jobs in these states never reached paper.
_NOT_PRINTED = {"canceled", "aborted"}


class CupsPrinter:
    """A CUPS queue: ``raw`` passes the data untouched (ZPL), otherwise a PDF at ``media`` size."""

    def __init__(self, queue: str, *, raw: bool = False, media: str | None = None) -> None:
        self.queue, self.raw, self.media = queue, raw, media

    @property
    def name(self) -> str:
        return f"{'cups-raw' if self.raw else 'cups'}:{self.queue}"

    def options(self) -> list[str]:
        if self.raw:
            return ["-o", "raw"]
        out = ["-o", "print-scaling=none", "-o", "fit-to-page=false"]
        if self.media:
            out += ["-o", f"media={self.media}"]
        return out

    def send(self, title: str, data: bytes) -> str:
        """Spool ``data`` as job ``title``; return the CUPS request id. Raises PrinterError."""
        lp = shutil.which("lp")
        if lp is None:
            raise PrinterError("lp not found (install cups-client)", printer=self.name, reason="lp not found")
        command = [lp, "-d", self.queue, "-t", title, *self.options(), "--", "-"]
        try:
            done = subprocess.run(command, input=data, capture_output=True, timeout=LP_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise PrinterError(f"{self.name}: {exc}", printer=self.name, reason=str(exc)) from exc
        out = done.stdout.decode(errors="replace")
        found = _REQUEST.search(out)
        if done.returncode != 0 or found is None:
            reason = " ".join((done.stderr.decode(errors="replace") or out).split()) or f"lp exited {done.returncode}"
            raise PrinterError(f"{self.name}: {reason}", printer=self.name, reason=reason)
        log.debug("cups print title=%s queue=%s request=%s", title, self.queue, found.group(1))
        return found.group(1)

    def accepted(self, title: str) -> bool | None:
        """Whether the spooler holds (or completed) a job named ``title``; None if it cannot tell.

        CUPS lists a completed job without its name (only its owner and state), so a job not
        found while nameless ones exist may be ours: the answer is then None ("ask the
        packer"), never False, since False means printing the label again.
        """
        jobs = self.jobs()
        if jobs is None:
            return None
        if any(name == title and state not in _NOT_PRINTED for name, state in jobs):
            return True
        if any(not name for name, _ in jobs):
            return None
        return False

    def jobs(self) -> list[tuple[str, str]] | None:
        """(job name, job state) of every job the queue knows, completed ones included."""
        ipptool = shutil.which("ipptool")
        if ipptool is None:
            log.warning("ipptool not found (install cups-ipp-utils): cannot ask CUPS about a job")
            return None
        uri = f"ipp://{cups_server()}/printers/{self.queue}"
        with tempfile.NamedTemporaryFile("w", suffix=".test", delete=False) as test:
            test.write(_GET_JOBS)
        try:
            done = subprocess.run(
                [ipptool, "-c", "-d", f"user={os.environ.get('USER', 'root')}", uri, test.name],
                capture_output=True,
                timeout=LP_TIMEOUT,
                check=False,
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            log.warning("cups query failed queue=%s error=%s", self.queue, exc)
            return None
        finally:
            os.unlink(test.name)
        if done.returncode != 0:
            log.warning("cups query failed queue=%s error=%s", self.queue, done.stderr.decode(errors="replace"))
            return None
        rows = list(csv.reader(io.StringIO(done.stdout.decode(errors="replace"))))
        return [(row[1], row[2]) for row in rows[1:] if len(row) >= 3]


def cups_server() -> str:
    """``host:port`` of the CUPS server, as ``CUPS_SERVER`` names it (a socket path: the local one)."""
    server = os.environ.get("CUPS_SERVER", "")
    if not server or server.startswith("/"):
        return DEFAULT_SERVER
    return server if ":" in server else f"{server}:631"
