"""Configuration files: values are checked, mistakes named."""

from __future__ import annotations

from decimal import Decimal

import pytest

from packstation.config import ConfigError, load


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[station]\nheartbeat_seconds = 0\n", "heartbeat_seconds must be above 0"),
        ("[station]\nheartbeat_seconds = true\n", "heartbeat_seconds must be int"),
        ("[station]\nclaim_ttl_seconds = 30\nheartbeat_seconds = 20\n", "at least 3 × heartbeat_seconds"),
        ('[station]\ngs1_company_prefix = "59A"\n', "gs1_company_prefix"),
        ('[station]\ncolour = "red"\n', "unknown setting [station] colour"),
        ("[station\n", "not valid TOML"),
        ("[station]\nvolume_percent = 150\n", "volume_percent must be 0 to 100"),
        ("[station]\nfinish_delay_ms = -1\n", "finish_delay_ms must be 0 to 10000"),
        ("[station]\nfinish_on_last_unit = 1\n", "finish_on_last_unit must be bool"),
        ('[station]\nlanguage = "de"\n', "language must be one of en, pl, uk"),
        ('[station]\nfullscreen = "yes"\n', "fullscreen must be bool"),
    ],
)
def test_bad_settings_are_refused_with_the_reason(tmp_path, text, message):
    path = tmp_path / "bench.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load(str(path))


def test_file_environment_and_command_line_in_that_order(tmp_path, monkeypatch):
    path = tmp_path / "bench.toml"
    path.write_text(
        '[station]\nstation = "from-file"\nprint_to = "/srv/labels"\n'
        '[sender]\nname = "Sklep Łódź"\nstreet = "ul. Długa 1"\npostal_code = "90-001"\ncity = "Łódź"\n',
        encoding="utf-8",
    )
    assert load(str(path)).station == "from-file"
    monkeypatch.setenv("PACKSTATION_STATION", "from-env")
    assert load(str(path)).station == "from-env"
    cfg = load(str(path), station="from-cli")
    assert cfg.station == "from-cli" and str(cfg.print_to) == "/srv/labels" and cfg.sender.city == "Łódź"


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        load(str(tmp_path / "nope.toml"))


DEVICES = """
[station]
scanner_min_length = 4
scanner_prefix = "@"
scanner_terminator = "tab"
scanner_layout = "os"
gs1_separator = "~"
expiry_margin_days = 30

[[serial_scanner]]
name = "fixed"
port = "/dev/serial/by-id/usb-Datalogic_Scanner-if00"
baud = 115200
terminator = "crlf"

[[serial_scanner]]
port = "COM4"
parity = "E"
bytesize = 7
stopbits = 2

[scale]
port = "/dev/ttyUSB0"
protocol = "nci"
tolerance_kg = 0.1
tolerance_percent = "2.5"
stable_timeout_seconds = 3
"""


def test_device_sections(tmp_path):
    path = tmp_path / "bench.toml"
    path.write_text(DEVICES, encoding="utf-8")
    cfg = load(str(path))
    assert (cfg.scanner_min_length, cfg.scanner_prefix, cfg.scanner_terminator, cfg.scanner_layout) == (
        4,
        "@",
        "tab",
        "os",
    )
    assert (cfg.gs1_separator, cfg.expiry_margin_days) == ("~", 30)
    fixed, second = cfg.serial_scanners
    assert (fixed.name, fixed.serial.port, fixed.serial.framing, fixed.terminator) == (
        "fixed",
        "/dev/serial/by-id/usb-Datalogic_Scanner-if00",
        "115200 8N1",
        "crlf",
    )
    assert (second.name, second.serial.framing, second.terminator) == ("serial-2", "9600 7E2", "any")
    assert cfg.scale is not None
    assert (cfg.scale.protocol, cfg.scale.serial.port, cfg.scale.stable_timeout_seconds) == ("nci", "/dev/ttyUSB0", 3.0)
    assert (cfg.scale.tolerance_kg, cfg.scale.tolerance_percent) == (Decimal("0.1"), Decimal("2.5"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[station]\nscanner_terminator = "esc"\n', "scanner_terminator must be one of any, enter, tab, none"),
        ('[station]\nscanner_layout = "azerty"\n', "scanner_layout must be us or os"),
        ('[station]\ngs1_separator = "ab"\n', "gs1_separator must be one character"),
        ("[station]\nscanner_min_length = 0\n", "scanner_min_length must be above 0"),
        ("[[serial_scanner]]\nbaud = 9600\n", "[serial_scanner] port is required"),
        ('[[serial_scanner]]\nport = "COM1"\nbaud = 9601\n', "[serial_scanner] baud must be one of"),
        ('[[serial_scanner]]\nport = "COM1"\nspeed = 9600\n', "[serial_scanner] speed is not a setting"),
        ('[[serial_scanner]]\nport = "COM1"\n[[serial_scanner]]\nport = "COM2"\nname = "serial-1"\n', "same name"),
        ('[scale]\nport = "COM1"\nprotocol = "dibal"\n', "[scale] protocol must be one of mt-sics, nci"),
        ('[scale]\nport = "COM1"\ntolerance_kg = -1\n', "[scale] tolerance_kg must be a number of 0 or more"),
        ('[scale]\nport = "COM1"\nparity = "X"\n', "[scale] parity must be one of N, E, O, M, S"),
        ("[scanner]\nport = 1\n", "unknown section [scanner]"),
    ],
)
def test_bad_device_settings_name_section_and_key(tmp_path, text, message):
    path = tmp_path / "bench.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load(str(path))


def test_bench_screen_settings(tmp_path):
    assert (load().fullscreen, load().finish_on_last_unit, load().finish_delay_ms, load().language) == (
        True,
        True,
        1500,
        "",
    )
    path = tmp_path / "bench.toml"
    path.write_text(
        "[station]\nfullscreen = false\nfinish_on_last_unit = false\nfinish_delay_ms = 800\n"
        'sound = false\nvolume_percent = 35\nlanguage = "uk"\n',
        encoding="utf-8",
    )
    cfg = load(str(path))
    assert (cfg.fullscreen, cfg.finish_on_last_unit, cfg.finish_delay_ms) == (False, False, 800)
    assert (cfg.sound, cfg.volume_percent, cfg.language) == (False, 35, "uk")
