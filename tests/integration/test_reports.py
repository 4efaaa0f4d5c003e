"""The mismatch report and the packer statistics against a history whose figures are known in advance
(tests/reports_support.py), in memory, on SQLite and on PostgreSQL; and the CSV, JSON and PDF exports of
``packstation report`` read back and compared.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2 as pdfium
import pytest

from packstation import cli
from packstation.adapters.db.engine import make_engine
from packstation.adapters.db.migrate import upgrade
from packstation.adapters.db.unit_of_work import uow_factory
from packstation.adapters.memory import MemoryStore
from packstation.domain.reports import Period, ReportFilter
from packstation.services.reports import local_day_bounds, mismatch_report, packer_statistics
from tests.reports_support import (
    BY_DAY,
    BY_SHIFT,
    MISMATCHES,
    PER_DAY,
    SHIFTS,
    ZONE,
    known_history,
    load_memory,
    load_sql,
)

pytestmark = pytest.mark.timeout(120)
WARSAW = ZoneInfo(ZONE)


@pytest.fixture(
    params=[
        pytest.param("memory", id="memory"),
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def history(request: pytest.FixtureRequest, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A unit-of-work factory over the known history."""
    if request.param == "memory":
        store = MemoryStore()
        load_memory(store, known_history())
        yield store.unit_of_work
        return
    url = f"sqlite:///{tmp_path}/reports.db" if request.param == "sqlite" else request.getfixturevalue(
        "pg_cluster").new_database("rep")  # fmt: skip
    engine = make_engine(url)
    upgrade(engine)
    load_sql(engine, known_history())
    yield uow_factory(engine)
    engine.dispose()


def period_filter(**fields: str) -> ReportFilter:
    since, until = local_day_bounds(WARSAW, date(2026, 5, 4), date(2026, 5, 6))
    return ReportFilter(since, until, **fields)


def shown(report) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    return [
        (r.at.replace(tzinfo=ZoneInfo("UTC")).astimezone(WARSAW).isoformat(), r.station, r.packer, r.order, r.kind,
         r.scanned_sku, r.resolution, r.resolved_by)
        for r in report.rows
    ]  # fmt: skip


def test_the_mismatch_report_holds_every_mismatch_grouped(history) -> None:  # type: ignore[no-untyped-def]
    report = mismatch_report(history, period_filter(), WARSAW)
    assert shown(report) == MISMATCHES
    wrong = report.rows[0]
    assert (wrong.scanned_name, wrong.expected, wrong.scanned_code) == ("Mydło szare", "SKU-A ×2; SKU-B ×1", "C")
    override = report.rows[1]
    assert (override.note, override.scanned_name) == ("extra spoon is a gift", "Łyżka drewniana")
    weight = report.rows[2]
    assert (weight.scanned_code, weight.scanned_name) == ("0.900 kg", "parcel 1")
    assert [(c.key, c.count) for c in report.per_day] == PER_DAY + [("2026-05-06", 0)]
    groups = {name: [(c.key, c.count) for c in counts] for name, counts in report.groups.items()}
    assert groups["packer"] == [("Anna", 2), ("Jan", 2)]
    assert groups["resolution"] == [("removed", 2), ("override", 1), ("reweighed", 1)]
    assert groups["kind"] == [("over_scan", 1), ("unknown_barcode", 1), ("weight_mismatch", 1), ("wrong_item", 1)]
    assert [(c.key, c.count, c.name) for c in report.top_skus] == [("SKU-B", 1, "Łyżka drewniana"),
                                                                  ("SKU-C", 1, "Mydło szare")]  # fmt: skip
    assert [(m.key, m.count) for m in report.manual_by_packer] == [("Jan", 2), ("Anna", 1)]
    assert [(m.key, m.count, m.name, m.bad_barcode) for m in report.manual_by_sku] == [("SKU-C", 3, "Mydło szare",
                                                                                         True)]  # fmt: skip
    assert [m.key for m in report.bad_barcodes] == ["SKU-C"]


def test_the_mismatch_report_filters(history) -> None:  # type: ignore[no-untyped-def]
    def orders(**fields: str) -> list[str]:
        return [r.order for r in mismatch_report(history, period_filter(**fields), WARSAW).rows]

    assert orders(station="B2") == ["O3", "O4"]
    assert orders(packer="Anna") == ["O2", "O6"]
    assert orders(sku="SKU-B") == ["O3"]
    assert orders(kind="weight_mismatch") == ["O6"]
    assert orders(kind="unknown_barcode", station="B2") == ["O4"]
    since, until = local_day_bounds(WARSAW, date(2026, 5, 5), date(2026, 5, 5))
    one_day = mismatch_report(history, ReportFilter(since, until), WARSAW)
    assert [r.order for r in one_day.rows] == ["O6", "O4"]
    assert [(c.key, c.count) for c in one_day.per_day] == [("2026-05-05", 2)]


def _figures(stats) -> dict[tuple[str, str, str], tuple]:  # type: ignore[no-untyped-def]
    return {(s.packer, s.period, s.size): (s.orders, s.units, round(s.packing_seconds, 3), s.median_seconds, s.scans,
                                           s.mismatched_scans) for s in stats.rows}  # fmt: skip


def test_packer_statistics_by_day(history) -> None:  # type: ignore[no-untyped-def]
    stats = packer_statistics(history, period_filter(), Period(WARSAW))
    assert _figures(stats) == BY_DAY
    anna = next(s for s in stats.rows if (s.packer, s.period, s.size) == ("Anna", "2026-05-04", "multi"))
    assert (anna.orders_per_hour, anna.units_per_hour, anna.mismatch_rate) == (12.0, 36.0, 0.25)
    assert [(s.period, s.packer, s.size) for s in stats.rows][:3] == [
        ("2026-05-04", "Anna", "multi"), ("2026-05-04", "Anna", "single"), ("2026-05-04", "Jan", "multi")]  # fmt: skip


def test_packer_statistics_by_shift_cross_midnight(history) -> None:  # type: ignore[no-untyped-def]
    stats = packer_statistics(history, period_filter(), Period(WARSAW, SHIFTS, by_shift=True))
    assert _figures(stats) == BY_SHIFT
    night = next(s for s in stats.rows if s.period == "2026-05-05 night")
    assert (night.orders_per_hour, night.mismatch_rate) == (20.0, 1 / 3)


def test_packer_statistics_for_one_packer(history) -> None:  # type: ignore[no-untyped-def]
    stats = packer_statistics(history, period_filter(packer="Jan"), Period(WARSAW))
    assert _figures(stats) == {key: value for key, value in BY_DAY.items() if key[0] == "Jan"}


# -- the command line's exports ---------------------------------------------------------------


@pytest.fixture
def seeded_db(db_url: str, tmp_path: Path) -> tuple[str, Path]:
    engine = make_engine(db_url)
    upgrade(engine)
    load_sql(engine, known_history())
    engine.dispose()
    config = tmp_path / "station.toml"
    shifts = "".join(
        f'[[shift]]\nname = "{s.name}"\nstart = "{s.start:%H:%M}"\nend = "{s.end:%H:%M}"\n' for s in SHIFTS
    )
    config.write_text(f'[station]\nstation = "B9"\ntime_zone = "{ZONE}"\n{shifts}', encoding="utf-8")
    return db_url, config


def report(seeded: tuple[str, Path], tmp_path: Path, *args: str) -> bytes:
    url, config = seeded
    out = tmp_path / f"out-{'-'.join(args)}"
    code = cli.main(["--db", url, "--config", str(config), "report", *args, "--since", "2026-05-04", "--until",
                     "2026-05-06", "-o", str(out)])  # fmt: skip
    assert code == 0
    return out.read_bytes()


def pdf_text(data: bytes) -> str:
    return "\n".join(page.get_textpage().get_text_range() for page in pdfium.PdfDocument(data))


def test_mismatch_exports_read_back(seeded_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(report(seeded_db, tmp_path, "mismatches", "--format", "csv").decode(
        "utf-8-sig"))))  # fmt: skip
    columns = ("time", "station", "packer", "order", "kind", "scanned_sku", "resolution", "resolved_by")
    assert [tuple(r[c] for c in columns) for r in rows] == MISMATCHES
    assert rows[0]["scanned_name"] == "Mydło szare" and rows[1]["note"] == "extra spoon is a gift"

    document = json.loads(report(seeded_db, tmp_path, "mismatches", "--format", "json"))
    assert [tuple(r[c] for c in columns) for r in document["rows"]] == MISMATCHES
    assert [(d["key"], d["count"]) for d in document["per_day"]] == PER_DAY + [("2026-05-06", 0)]
    assert document["bad_barcodes"] == ["SKU-C"] and document["filter"]["time_zone"] == ZONE
    assert document["manual_by_packer"] == [{"key": "Jan", "units": 2, "name": "", "bad_barcode": False},
                                            {"key": "Anna", "units": 1, "name": "", "bad_barcode": False}]  # fmt: skip

    text = pdf_text(report(seeded_db, tmp_path, "mismatches", "--format", "pdf"))
    assert "4 mismatch(es)" in text and "BAD BARCODE" in text and "Mydło szare" in text
    flat = "".join(text.split())  # table cells wrap long words over lines
    for _time, _station, _packer, number, kind, _sku, resolution, by in MISMATCHES:
        assert all("".join(value.split()) in flat for value in (number, kind, resolution, by))
    assert "override:extraspoonisagift" in flat


def test_packer_exports_read_back(seeded_db, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(report(seeded_db, tmp_path, "packers", "--format", "csv").decode(
        "utf-8-sig"))))  # fmt: skip
    figures = {(r["packer"], r["period"], r["size"]): (int(r["orders"]), int(r["units"]), r["packing_hours"],
                                                       float(r["median_seconds"]), int(r["scans"]),
                                                       int(r["mismatched_scans"])) for r in rows}  # fmt: skip
    assert figures == {k: (v[0], v[1], f"{v[2] / 3600:.3f}", *v[3:]) for k, v in BY_DAY.items()}
    document = json.loads(report(seeded_db, tmp_path, "packers", "--by", "shift", "--format", "json"))
    assert document["grouping"] == "shift" and document["time_zone"] == ZONE
    by_shift = {(r["packer"], r["period"], r["size"]): (r["orders"], r["units"], r["median_seconds"], r["scans"],
                                                        r["mismatched_scans"], r["mismatch_rate"])
                for r in document["rows"]}  # fmt: skip
    assert by_shift == {k: (v[0], v[1], v[3], v[4], v[5], round(v[5] / v[4], 4)) for k, v in BY_SHIFT.items()}
    text = pdf_text(report(seeded_db, tmp_path, "packers", "--by", "shift", "--format", "pdf"))
    assert "per shift" in text and "2026-05-05 night" in text and "33.3%" in text and "20.00" in text


def test_report_command_line_mistakes_are_one_line(seeded_db, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    url, _config = seeded_db
    assert cli.main(["--db", url, "report", "packers", "--by", "shift", "--format", "csv"]) == 1
    assert "needs [[shift]] tables" in capsys.readouterr().err
    assert cli.main(["--db", url, "report", "mismatches", "--format", "pdf"]) == 1
    assert "needs -o FILE" in capsys.readouterr().err


def test_the_migration_backfills_units_and_packed_orders(db_url: str) -> None:
    """Orders packed before 0009 get their facts from their history, so the statistics cover them too."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import text

    from packstation.adapters.db import migrate

    engine = make_engine(db_url)
    cfg = Config(str(Path(migrate.__file__).parent / "alembic.ini"))
    cfg.set_main_option("script_location", str(Path(migrate.__file__).parent / "migrations"))
    at = "2026-05-04 08:{:02d}:00"
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
            conn.execute(text(
                "INSERT INTO orders (id, number, external_id, source, status, customer_name, email, phone, street, "
                "postal_code, city, country, carrier, service, payment, currency, notes, tracking_number, created_at, "
                "updated_at) VALUES (1, 'OLD-1', 'OLD-1', 'csv', 'shipped', 'Jan', '', '', '', '', '', 'PL', '', '', "
                "'prepaid', 'PLN', '', '', '2026-05-04 07:00:00', '2026-05-04 07:00:00')"))  # fmt: skip
            conn.execute(text("INSERT INTO order_lines (order_id, position, sku, name, quantity, scanned) VALUES "
                              "(1, 1, 'A', 'A', 2, 2), (1, 2, 'B', 'B', 3, 1)"))  # fmt: skip
            for old, new, minute in (("new", "packing", 0), ("packing", "on_hold", 2), ("on_hold", "packing", 30),
                                     ("packing", "packed", 33), ("packed", "shipped", 34)):  # fmt: skip
                conn.execute(text("INSERT INTO status_changes (order_id, from_status, to_status, at, actor, who, "
                                  "station, note) VALUES (1, :old, :new, :at, 'packer', 'Jan', 'B2', '')"),
                             {"old": old, "new": new, "at": at.format(minute)})  # fmt: skip
        assert migrate.upgrade(engine)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT units FROM orders")).scalar_one() == 5
            packed = conn.execute(text("SELECT order_id, packer, station, units, packing_seconds FROM packed_orders"))
            assert [tuple(r) for r in packed] == [(1, "Jan", "B2", 3, 300.0)]
    finally:
        engine.dispose()
