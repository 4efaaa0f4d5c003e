"""Station configuration: a TOML file, environment variables and command-line options, in that order."""

from __future__ import annotations

import os
import socket
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from packstation import paths
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
    def documents_dir(self) -> Path:
        return paths.data_dir() / "documents"

    @property
    def printer_dir(self) -> Path:
        return self.print_to or paths.data_dir() / "printed"


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
    simple = {f.name: f.type for f in fields(Config) if f.name not in ("sender", "print_to")}
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
    if "sender" in data:
        try:
            cfg.sender = Address(**data["sender"])
        except TypeError as exc:
            raise ConfigError(f"{path}: [sender] {exc}") from None


_TYPES: dict[str, type] = {"int": int, "bool": bool, "str": str}
LANGUAGES = ("en", "pl", "uk")  # the bench's translations (resources/translations)


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
    if not 0 <= cfg.volume_percent <= 100:
        raise ConfigError(f"{path}: [station] volume_percent must be 0 to 100", key="volume_percent")
    if not 0 <= cfg.finish_delay_ms <= 10_000:
        raise ConfigError(f"{path}: [station] finish_delay_ms must be 0 to 10000", key="finish_delay_ms")
    if cfg.language and cfg.language not in LANGUAGES:
        raise ConfigError(f"{path}: [station] language must be one of {', '.join(LANGUAGES)}", key="language")
    if not (cfg.gs1_company_prefix.isdigit() and 6 <= len(cfg.gs1_company_prefix) <= 12):
        raise ConfigError(f"{path}: [station] gs1_company_prefix must be 6 to 12 digits", key="gs1_company_prefix")
