"""Configuration files: values are checked, mistakes named."""

from __future__ import annotations

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
