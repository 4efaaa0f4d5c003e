"""Station configuration: a TOML file, environment variables and command-line options, in that order."""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from packstation import paths
from packstation.domain.benches import BenchIdentity
from packstation.domain.errors import DomainError
from packstation.domain.records import Address


class ConfigError(DomainError):
    code = "config.invalid"


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
    scanner_burst_gap_ms: int = 35
    # Printers per document kind as targets: folder:/path, cups:QUEUE, cups-raw:QUEUE, tcp:HOST:PORT,
    # win:PRINTER, win-raw:PRINTER. Empty: the folder printer (``print_to``).
    label_printer: str = ""
    slip_printer: str = ""
    label_dpi: int = 203
    # The shop's contact line and after-sales texts (returns, complaints, warranty, service) on the slip.
    shop_contact: str = ""
    after_sales: dict[str, str] = field(default_factory=dict)
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
    section = data.get("station", {})
    simple = {f.name: f.type for f in fields(Config) if f.name not in _SECTIONS}
    for key, value in section.items():
        if key == "print_to":
            cfg.print_to = Path(value)
        elif key in simple:
            expected = int if key.endswith(("_seconds", "_ms")) else bool if key == "auto_next" else str
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


_SECTIONS = ("sender", "print_to", "label_printer", "slip_printer", "label_dpi", "shop_contact", "after_sales")
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


def _check_ranges(cfg: Config, path: Path) -> None:
    """Refuse settings that would make a bench misbehave rather than fail loudly."""
    for key in ("claim_ttl_seconds", "heartbeat_seconds", "scanner_burst_gap_ms"):
        if getattr(cfg, key) <= 0:
            raise ConfigError(f"{path}: [station] {key} must be above 0", key=key)
    if cfg.claim_ttl_seconds < 3 * cfg.heartbeat_seconds:
        # A claim must survive a couple of missed heartbeats, or a busy bench loses its order.
        raise ConfigError(
            f"{path}: [station] claim_ttl_seconds must be at least 3 × heartbeat_seconds", key="claim_ttl_seconds"
        )
    if not (cfg.gs1_company_prefix.isdigit() and 6 <= len(cfg.gs1_company_prefix) <= 12):
        raise ConfigError(f"{path}: [station] gs1_company_prefix must be 6 to 12 digits", key="gs1_company_prefix")
