"""The ship-by date in the import formats: a date or a time with its offset, stored as naive UTC."""

from __future__ import annotations

from datetime import datetime

import pytest

from packstation.adapters.importers.csv_format import parse_csv
from packstation.adapters.importers.json_format import parse_json
from packstation.domain.errors import ImportRejected

HEADER = "order_number,ship_by,sku,quantity\n"


def test_csv_ship_by_dates_and_times() -> None:
    batch = parse_csv(HEADER + "1,2026-05-04,A,1\n2,2026-05-04T14:30+02:00,A,1\n3,2026-05-04T14:30Z,A,1\n4,,A,1\n",
                      "o.csv")  # fmt: skip
    assert [o.ship_by for o in batch.orders] == [datetime(2026, 5, 4), datetime(2026, 5, 4, 12, 30),
                                                 datetime(2026, 5, 4, 14, 30), None]  # fmt: skip


def test_json_ship_by_and_a_bad_one_named_by_line() -> None:
    batch = parse_json('{"orders": [{"order_number": "1", "ship_by": "2026-05-04T08:00:00+01:00", '
                       '"lines": [{"sku": "A", "quantity": 1}]}]}', "o.json")  # fmt: skip
    assert batch.orders[0].ship_by == datetime(2026, 5, 4, 7)
    with pytest.raises(ImportRejected) as caught:
        parse_csv(HEADER + "1,4.05.2026,A,1\n2,1900-01-01,A,1\n", "o.csv")
    lines = [(line, reason.split(",")[0]) for line, reason in caught.value.errors]
    assert lines == [(2, "ship_by must be a date like 2026-05-04 or a time like 2026-05-04T14:00+02:00"),
                     (3, "ship_by '1900-01-01' is not a plausible date")]  # fmt: skip
