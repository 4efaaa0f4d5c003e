"""The reports' definitions in the domain: time in packing, local days and shifts (across midnight and
daylight-saving changes), and the stretches a period is cut into."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from packstation.domain.reports import PackerStats, Period, Shift, packing_seconds, shift_problem

WARSAW = ZoneInfo("Europe/Warsaw")
SHIFTS = (Shift("early", time(6), time(14)), Shift("late", time(14), time(22)), Shift("night", time(22), time(6)))


def test_time_in_packing_leaves_out_holds_and_time_back_in_the_queue() -> None:
    at = lambda h, m: datetime(2026, 5, 4, h, m)  # noqa: E731
    history = [("new", "packing", at(8, 0)), ("packing", "on_hold", at(8, 2)), ("on_hold", "packing", at(8, 30)),
               ("packing", "new", at(8, 31)), ("new", "packing", at(9, 0))]  # fmt: skip
    assert packing_seconds(history, at(9, 3)) == 120 + 60 + 180
    assert packing_seconds([], at(9, 0)) == 0


def test_days_and_shifts_in_the_station_time_zone() -> None:
    by_day, by_shift = Period(WARSAW), Period(WARSAW, SHIFTS, by_shift=True)
    late_evening = datetime(2026, 5, 5, 21, 34)  # UTC: 23:34 in Warsaw (summer time, +2)
    after_midnight = datetime(2026, 5, 5, 22, 12)  # 00:12 on May 6 in Warsaw
    assert by_day.label(late_evening) == "2026-05-05" and by_day.label(after_midnight) == "2026-05-06"
    assert by_shift.label(late_evening) == by_shift.label(after_midnight) == "2026-05-05 night"
    assert by_shift.label(datetime(2026, 5, 5, 4, 0)) == "2026-05-05 early"  # 06:00 local
    assert by_shift.label(datetime(2026, 5, 5, 3, 59)) == "2026-05-04 night"
    assert Period(WARSAW, (Shift("day", time(8), time(16)),), by_shift=True).label(datetime(2026, 5, 5, 20)) is None


def test_a_period_is_cut_where_its_label_changes_also_over_a_clock_change() -> None:
    # 2026-03-29: Warsaw's clocks go from 02:00 to 03:00 (UTC+1 -> UTC+2).
    stretches = Period(WARSAW).stretches(datetime(2026, 3, 27, 23), datetime(2026, 3, 30, 22))
    assert stretches == ((datetime(2026, 3, 27, 23), "2026-03-28"), (datetime(2026, 3, 28, 23), "2026-03-29"),
                         (datetime(2026, 3, 29, 22), "2026-03-30"))  # fmt: skip
    shifts = Period(WARSAW, SHIFTS, by_shift=True).stretches(datetime(2026, 5, 4, 22), datetime(2026, 5, 5, 22))
    expected = [(22, "2026-05-04 night"), (4, "2026-05-05 early"), (12, "2026-05-05 late"), (20, "2026-05-05 night")]
    assert [(start.hour, label) for start, label in shifts] == expected
    gaps = Period(WARSAW, (Shift("day", time(8), time(16)),), by_shift=True).stretches(
        datetime(2026, 5, 4, 22), datetime(2026, 5, 5, 22))  # fmt: skip
    assert [label for _start, label in gaps] == [None, "2026-05-05 day", None]


def test_shift_rules_and_rates() -> None:
    assert shift_problem(SHIFTS) is None
    assert shift_problem((Shift("a", time(6), time(6)),)) == "shift a: start and end are the same"
    assert (
        shift_problem((Shift("a", time(6), time(7)), Shift("a", time(8), time(9)))) == "two shifts have the same name"
    )
    stats = PackerStats("Anna", "2026-05-04", "multi", 3, 9, 540.0, 180.0, 12, 3)
    assert (stats.orders_per_hour, stats.units_per_hour, stats.mismatch_rate) == (20.0, 60.0, 0.25)
    idle = PackerStats("Anna", "2026-05-04", "single", 0, 0, 0.0, None, 0, 0)
    assert (idle.orders_per_hour, idle.units_per_hour, idle.mismatch_rate) == (None, None, None)
