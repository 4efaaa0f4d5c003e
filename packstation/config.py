"""Station configuration: a TOML file, environment variables and command-line options, in that order."""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field, fields
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from packstation import paths
from packstation.domain.benches import BenchIdentity
from packstation.domain.errors import DomainError
from packstation.domain.records import Address
from packstation.domain.reports import Shift, shift_problem


class ConfigError(DomainError):
    code = "config.invalid"


PARITIES = ("N", "E", "O", "M", "S")  # none, even, odd, mark, space (pyserial's letters)
LINE_TERMINATORS = {"any": b"", "cr": b"\r", "lf": b"\n", "crlf": b"\r\n", "tab": b"\t", "etx": b"\x03"}
SCALE_PROTOCOLS = ("mt-sics", "nci")
WEDGE_TERMINATORS = ("any", "enter", "tab", "none")
WEDGE_LAYOUTS = ("us", "os")


@dataclass(frozen=True)
class SerialPortSettings:
    """A serial port and its framing: ``/dev/ttyACM0``, ``/dev/serial/by-id/…`` or ``COM3``."""

    port: str
    baudrate: int = 9600
    bytesize: int = 8
    parity: str = "N"
    stopbits: float = 1

    @property
    def framing(self) -> str:
        """``9600 8N1``: as scanner and scale manuals write it."""
        return f"{self.baudrate} {self.bytesize}{self.parity}{self.stopbits:g}"


@dataclass(frozen=True)
class SerialScannerSettings:
    """A scanner on a serial (or USB CDC / virtual COM) port; ``terminator`` ends each scan (see LINE_TERMINATORS)."""

    name: str
    serial: SerialPortSettings
    terminator: str = "any"


@dataclass(frozen=True)
class ScaleSettings:
    """A serial scale: protocol, how long to wait for a stable weight, and the weight check's tolerance.

    A parcel passes when ``|measured - expected| <= max(tolerance_kg, expected * tolerance_percent / 100)``.
    """

    serial: SerialPortSettings
    protocol: str = "mt-sics"
    name: str = "scale"
    stable_timeout_seconds: float = 5.0
    tolerance_kg: Decimal = Decimal("0.050")
    tolerance_percent: Decimal = Decimal("5")


@dataclass
class Config:
    """Everything a bench is set up with. See README "Configuration" for the file format."""

    db_url: str = ""
    station: str = field(default_factory=lambda: socket.gethostname().split(".")[0] or "station-1")
    print_to: Path | None = None
    claim_ttl_seconds: int = 300
    heartbeat_seconds: int = 20
    gs1_company_prefix: str = "5901234"
    auto_next: bool = True
    # Keyboard-wedge scanners (see gui/scan_capture.py): keys closer than the gap form a burst; a burst
    # of at least min_length characters ended by the terminator (or, with "none", by timeout_ms of
    # quiet) is a scan, the prefix and suffix the scanner adds are stripped; with layout "us" keys are
    # read from their scan codes as a US keyboard (the scanner's default), whatever the desktop's layout.
    scanner_burst_gap_ms: int = 35
    scanner_min_length: int = 3
    scanner_prefix: str = ""
    scanner_suffix: str = ""
    scanner_terminator: str = "any"
    scanner_timeout_ms: int = 50
    scanner_layout: str = "us"
    gs1_separator: str = ""  # a character the scanners send for FNC1 instead of GS (e.g. "~")
    expiry_margin_days: int = 0  # refuse units expiring within this many days
    idle_logout_seconds: int = 900  # log the packer (and a supervisor) out after this long idle; 0: never
    time_zone: str = ""  # the station's time zone for days and shifts in reports (IANA name); "": the system's
    shifts: tuple[Shift, ...] = ()  # [[shift]] tables: name, start, end ("22:00" to "06:00" crosses midnight)
    serial_scanners: tuple[SerialScannerSettings, ...] = ()
    scale: ScaleSettings | None = None
    # Printers per document kind as targets: folder:/path, cups:QUEUE, cups-raw:QUEUE, tcp:HOST:PORT,
    # win:PRINTER, win-raw:PRINTER. Empty: the folder printer (``print_to``).
    label_printer: str = ""
    slip_printer: str = ""
    label_dpi: int = 203
    # The shop's contact line and after-sales texts (returns, complaints, warranty, service) on the slip.
    shop_contact: str = ""
    after_sales: dict[str, str] = field(default_factory=dict)
    # The bench screen (README "Using the bench").
    fullscreen: bool = True  # open full-screen; false: a normal, maximised window
    finish_on_last_unit: bool = True  # the last required unit finishes the order by itself
    finish_delay_ms: int = 1500  # ...after this long on screen, in which CMD-UNDO / Esc keeps it open
    sound: bool = True  # false: mute
    volume_percent: int = 80
    language: str = ""  # "en", "pl", "uk"; empty: the operating system's language (also the documents')
    sender: Address = field(
        default_factory=lambda: Address(
            "Packstation Demo Sp. z o.o.", "ul. Magazynowa 1", "00-001", "Warszawa", "PL", "+48 22 000 00 00"
        )
    )

    @property
    def identity(self) -> BenchIdentity:
        """This bench: the installation's id (``PACKSTATION_BENCH_ID`` overrides it), station name and host."""
        bench_id = os.environ.get("PACKSTATION_BENCH_ID") or paths.bench_id()
        return BenchIdentity(bench_id, self.station, socket.gethostname())

    @property
    def documents_dir(self) -> Path:
        return paths.data_dir() / "documents"

    @property
    def printer_dir(self) -> Path:
        return self.print_to or paths.data_dir() / "printed"

    @property
    def zone(self) -> ZoneInfo:
        """The station's time zone: ``time_zone``, else the system's (``localtime``), else UTC."""
        if self.time_zone:
            return ZoneInfo(self.time_zone)
        try:
            return ZoneInfo("localtime")
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo("UTC")

    def printer_target(self, kind: str) -> str:
        """The configured target for documents of ``kind`` (label, slip, pick)."""
        chosen = self.label_printer if kind == "label" else self.slip_printer
        return chosen or f"folder:{self.printer_dir}"


def load(
    config_file: str | None = None, db_url: str | None = None, station: str | None = None, print_to: str | None = None
) -> Config:
    """Build the configuration; command-line values win over environment, which wins over the file."""
    cfg = Config()
    file = config_file or os.environ.get("PACKSTATION_CONFIG")
    if file:
        _apply_file(cfg, Path(file))
    cfg.db_url = db_url or os.environ.get("PACKSTATION_DB_URL") or cfg.db_url or paths.default_db_url()
    cfg.station = station or os.environ.get("PACKSTATION_STATION") or cfg.station
    cfg.label_printer = os.environ.get("PACKSTATION_LABEL_PRINTER") or cfg.label_printer
    cfg.slip_printer = os.environ.get("PACKSTATION_SLIP_PRINTER") or cfg.slip_printer
    target = print_to or os.environ.get("PACKSTATION_PRINT_TO")
    if target:
        cfg.print_to = Path(target)
    return cfg


def _apply_file(cfg: Config, path: Path) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"configuration file not found: {path}", path=str(path)) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"configuration file {path} is not valid TOML: {exc}", path=str(path)) from None
    unknown = set(data) - {"station", "sender", "serial_scanner", "scale", "printers", "slip", "shift"}
    if unknown:
        raise ConfigError(f"{path}: unknown section [{sorted(unknown)[0]}]", key=sorted(unknown)[0])
    section = data.get("station", {})
    simple = {f.name: f.type for f in fields(Config) if f.name not in _SECTIONS}
    for key, value in section.items():
        if key == "print_to":
            cfg.print_to = Path(value)
        elif key in simple:
            expected = _TYPES[str(simple[key])]
            # bool is an int to Python, not to a person writing `heartbeat_seconds = true`
            if not isinstance(value, expected) or (expected is int and isinstance(value, bool)):
                raise ConfigError(f"{path}: [station] {key} must be {expected.__name__}", key=key)
            setattr(cfg, key, value)
        else:
            raise ConfigError(f"{path}: unknown setting [station] {key}", key=key)
    _check_ranges(cfg, path)
    _apply_printing(cfg, data, path)
    if "sender" in data:
        try:
            cfg.sender = Address(**data["sender"])
        except TypeError as exc:
            raise ConfigError(f"{path}: [sender] {exc}") from None
    _apply_devices(cfg, path, data)
    cfg.shifts = _shifts(path, data.get("shift", []))


def _shifts(path: Path, tables: object) -> tuple[Shift, ...]:
    """The ``[[shift]]`` tables: ``name``, ``start`` and ``end`` as ``"HH:MM"`` local times."""
    if not isinstance(tables, list):
        raise ConfigError(f"{path}: shifts are [[shift]] tables", key="shift")
    shifts = []
    for data in tables:
        table = _Table(path, "shift", data)
        name = table.get("name", str)
        try:
            start, end = (time.fromisoformat(table.get(key, str)) for key in ("start", "end"))
        except ValueError:
            raise table.fail("start", "and end must be times like 06:00") from None
        table.done()
        shifts.append(Shift(name, start, end))
    problem = shift_problem(tuple(shifts))
    if problem:
        raise ConfigError(f"{path}: [[shift]] {problem}", key="shift")
    return tuple(shifts)


def _apply_devices(cfg: Config, path: Path, data: dict[str, Any]) -> None:
    """The ``[[serial_scanner]]`` tables and the ``[scale]`` table."""
    scanners = data.get("serial_scanner", [])
    if not isinstance(scanners, list):
        raise ConfigError(f"{path}: serial scanners are [[serial_scanner]] tables", key="serial_scanner")
    cfg.serial_scanners = tuple(_serial_scanner(_Table(path, "serial_scanner", t), i) for i, t in enumerate(scanners))
    names = [s.name for s in cfg.serial_scanners]
    if len(set(names)) != len(names):
        raise ConfigError(f"{path}: two [[serial_scanner]] tables have the same name", key="serial_scanner")
    if "scale" in data:
        cfg.scale = _scale(_Table(path, "scale", data["scale"]))


_TYPES: dict[str, type] = {"int": int, "bool": bool, "str": str}


# Settings that are not simple [station] keys: read by their own functions.
_SECTIONS = (
    "sender",
    "print_to",
    "label_printer",
    "slip_printer",
    "label_dpi",
    "shop_contact",
    "after_sales",
    "serial_scanners",
    "scale",
    "shifts",
)
AFTER_SALES_KEYS = ("returns", "complaints", "warranty", "service")


def _apply_printing(cfg: Config, data: dict[str, object], path: Path) -> None:
    """``[printers]`` label / slip targets and ``label_dpi``; ``[slip]`` contact and after-sales texts."""
    from packstation.domain.printing import target_format

    printers = data.get("printers", {})
    slip = data.get("slip", {})
    if not isinstance(printers, dict) or not isinstance(slip, dict):
        raise ConfigError(f"{path}: [printers] and [slip] must be tables")
    for key, value in printers.items():
        if key in ("label", "slip") and isinstance(value, str) and ":" in value:
            setattr(cfg, f"{key}_printer", value)
            target_format(value)
        elif key == "label_dpi" and value in (203, 300):
            cfg.label_dpi = value
        else:
            raise ConfigError(f"{path}: [printers] {key} = {value!r} is not a printer target or 203/300", key=key)
    for key, value in slip.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}: [slip] {key} must be text", key=key)
        if key == "contact":
            cfg.shop_contact = value
        elif key in AFTER_SALES_KEYS:
            cfg.after_sales[key] = value
        else:
            raise ConfigError(f"{path}: unknown setting [slip] {key}", key=key)


LANGUAGES = ("en", "pl", "uk")  # the bench's translations (resources/translations)


def _check_screen(cfg: Config, path: Path) -> None:
    """The bench screen's settings."""
    if not 0 <= cfg.volume_percent <= 100:
        raise ConfigError(f"{path}: [station] volume_percent must be 0 to 100", key="volume_percent")
    if not 0 <= cfg.finish_delay_ms <= 10_000:
        raise ConfigError(f"{path}: [station] finish_delay_ms must be 0 to 10000", key="finish_delay_ms")
    if cfg.language and cfg.language not in LANGUAGES:
        raise ConfigError(f"{path}: [station] language must be one of {', '.join(LANGUAGES)}", key="language")


def _check_ranges(cfg: Config, path: Path) -> None:
    """Refuse settings that would make a bench misbehave rather than fail loudly."""
    for key in ("claim_ttl_seconds", "heartbeat_seconds", "scanner_burst_gap_ms", "scanner_min_length"):
        if getattr(cfg, key) <= 0:
            raise ConfigError(f"{path}: [station] {key} must be above 0", key=key)
    if cfg.claim_ttl_seconds < 3 * cfg.heartbeat_seconds:
        # A claim must survive a couple of missed heartbeats, or a busy bench loses its order.
        raise ConfigError(
            f"{path}: [station] claim_ttl_seconds must be at least 3 × heartbeat_seconds", key="claim_ttl_seconds"
        )
    _check_screen(cfg, path)
    if not (cfg.gs1_company_prefix.isdigit() and 6 <= len(cfg.gs1_company_prefix) <= 12):
        raise ConfigError(f"{path}: [station] gs1_company_prefix must be 6 to 12 digits", key="gs1_company_prefix")
    if cfg.scanner_terminator not in WEDGE_TERMINATORS:
        raise ConfigError(f"{path}: [station] scanner_terminator must be one of {', '.join(WEDGE_TERMINATORS)}",
                          key="scanner_terminator")  # fmt: skip
    if cfg.scanner_layout not in WEDGE_LAYOUTS:
        raise ConfigError(f"{path}: [station] scanner_layout must be us or os", key="scanner_layout")
    if not 10 <= cfg.scanner_timeout_ms <= 2000:
        raise ConfigError(f"{path}: [station] scanner_timeout_ms must be 10 to 2000", key="scanner_timeout_ms")
    if len(cfg.gs1_separator) > 1 or (cfg.gs1_separator and cfg.gs1_separator.isalnum()):
        raise ConfigError(f"{path}: [station] gs1_separator must be one character that is no letter or digit",
                          key="gs1_separator")  # fmt: skip
    if not 0 <= cfg.expiry_margin_days <= 3650:
        raise ConfigError(f"{path}: [station] expiry_margin_days must be 0 to 3650", key="expiry_margin_days")
    _check_people(cfg, path)


def _check_people(cfg: Config, path: Path) -> None:
    """The idle logout and the time zone of the reports' days and shifts."""
    if cfg.idle_logout_seconds < 0:
        raise ConfigError(f"{path}: [station] idle_logout_seconds must be 0 (never) or more", key="idle_logout_seconds")
    if cfg.time_zone:
        try:
            ZoneInfo(cfg.time_zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"{path}: [station] time_zone {cfg.time_zone!r} is not a known time zone",
                              key="time_zone") from None  # fmt: skip


class _Table:
    """One TOML table of a device section: typed reads that name the file, section and key on a mistake."""

    def __init__(self, path: Path, section: str, data: object) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: [{section}] must be a table", key=section)
        self.path, self.section, self.data = path, section, dict(data)

    def fail(self, key: str, what: str) -> ConfigError:
        return ConfigError(f"{self.path}: [{self.section}] {key} {what}", key=key)

    def get(self, key: str, kind: type, default: Any = None, choices: tuple[Any, ...] = ()) -> Any:
        value = self.data.pop(key, default)
        if value is None:
            raise self.fail(key, "is required")
        ok = isinstance(value, kind) and not (kind in (int, float) and isinstance(value, bool))
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise self.fail(key, f"must be {kind.__name__}")
        if choices and value not in choices:
            raise self.fail(key, f"must be one of {', '.join(map(str, choices))}")
        return value

    def decimal(self, key: str, default: Decimal) -> Decimal:
        value = self.data.pop(key, None)
        if value is None:
            return default
        try:
            number = (
                Decimal(str(value)) if isinstance(value, (int, float, str)) and not isinstance(value, bool) else None
            )
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number < 0:
            raise self.fail(key, "must be a number of 0 or more")
        return number

    def done(self) -> None:
        if self.data:
            raise self.fail(sorted(self.data)[0], "is not a setting")


def _port(table: _Table) -> SerialPortSettings:
    port = table.get("port", str)
    if not port.strip():
        raise table.fail("port", "is empty")
    return SerialPortSettings(
        port=port,
        baudrate=table.get("baud", int, 9600, (1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200)),
        bytesize=table.get("bytesize", int, 8, (5, 6, 7, 8)),
        parity=table.get("parity", str, "N", PARITIES),
        stopbits=table.get("stopbits", float, 1.0, (1.0, 1.5, 2.0)),
    )


def _serial_scanner(table: _Table, index: int) -> SerialScannerSettings:
    name = table.get("name", str, f"serial-{index + 1}")
    scanner = SerialScannerSettings(name, _port(table), table.get("terminator", str, "any", tuple(LINE_TERMINATORS)))
    table.done()
    return scanner


def _scale(table: _Table) -> ScaleSettings:
    scale = ScaleSettings(
        serial=_port(table),
        protocol=table.get("protocol", str, "mt-sics", SCALE_PROTOCOLS),
        name=table.get("name", str, "scale"),
        stable_timeout_seconds=table.get("stable_timeout_seconds", float, 5.0),
        tolerance_kg=table.decimal("tolerance_kg", Decimal("0.050")),
        tolerance_percent=table.decimal("tolerance_percent", Decimal("5")),
    )
    if not 0.2 <= scale.stable_timeout_seconds <= 60:
        raise table.fail("stable_timeout_seconds", "must be 0.2 to 60")
    table.done()
    return scale
