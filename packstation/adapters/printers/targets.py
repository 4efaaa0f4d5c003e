"""Printer targets as configured — ``folder:/path``, ``cups:QUEUE``, ``cups-raw:QUEUE``,
``tcp:HOST:PORT``, ``win:PRINTER``, ``win-raw:PRINTER`` — parsed in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from packstation.domain.printing import DocFormat, target_format

from .cups import MEDIA, CupsPrinter
from .folder import FolderPrinter
from .tcp import TcpPrinter
from .windows import WindowsPrinter

AnyPrinter = FolderPrinter | CupsPrinter | TcpPrinter | WindowsPrinter

SCHEMES = ("folder", "cups", "cups-raw", "tcp", "win", "win-raw")


@dataclass(frozen=True)
class Target:
    scheme: str
    where: str

    @property
    def format(self) -> DocFormat:
        """What a label for this target is rendered as."""
        return target_format(f"{self.scheme}:{self.where}")


def parse_target(text: str) -> Target:
    """``cups:Zebra`` -> Target("cups", "Zebra"); raises ValueError naming what is wrong."""
    scheme, sep, where = text.strip().partition(":")
    if not sep or scheme not in SCHEMES or not where:
        raise ValueError(f"printer {text!r}: expected one of {', '.join(s + ':…' for s in SCHEMES)}")
    if scheme == "tcp":
        host, _, port = where.rpartition(":")
        if not host or not port.isdigit() or not 0 < int(port) < 65536:
            raise ValueError(f"printer {text!r}: expected tcp:HOST:PORT, e.g. tcp:10.0.0.5:9100")
    return Target(scheme, where)


def make_printer(text: str, kind: str = "label") -> AnyPrinter:
    """The printer behind a target; ``kind`` (label, slip) picks the media size of a PDF queue."""
    target = parse_target(text)
    if target.scheme == "folder":
        return FolderPrinter(Path(target.where))
    if target.scheme in ("cups", "cups-raw"):
        return CupsPrinter(target.where, raw=target.scheme == "cups-raw", media=MEDIA.get(kind))
    if target.scheme == "tcp":
        host, _, port = target.where.rpartition(":")
        return TcpPrinter(host, int(port))
    return WindowsPrinter(target.where, raw=target.scheme == "win-raw")
