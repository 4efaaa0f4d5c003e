"""Hypothesis over the whole scan-decoding path: bytes or text in, exactly one verdict or one clear rejection out.

1. ``decode_scan`` alone, on arbitrary text and on generated GS1 element strings (valid and
   damaged, every FNC1 spelling, with and without AIM identifiers): it never raises, and each
   input is either a code to look up or a rejection with a known message code.
2. A serial scanner's byte stream in arbitrary pieces (junk, NULs, invalid UTF-8, overlong lines,
   GS1 strings) through the line framer, the decoder and the real bench on the in-memory store:
   every line gets exactly one outcome, never a software error, and the counts stay consistent.
"""

from __future__ import annotations

import string
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from packstation.adapters.devices.lines import LineFramer
from packstation.domain import barcodes
from packstation.domain.scan_decoding import decode_scan
from packstation.services.bench.commands import OpenOrder, Scan
from packstation.services.bench.outcome import OutcomeKind
from packstation.services.orders_admin import show_order
from tests.bench_support import MUG, SPOON, bench_on, order, store_with

GS = barcodes.GS
REJECTIONS = {"scan.empty", "scan.too_long", "scan.undecodable", "scan.control_chars", "scan.gs1_invalid"}
AIM = st.sampled_from(["", "]C1", "]d2", "]Q3", "]e0", "]E0", "]C0", "]Zz"])
LOT = st.text(alphabet=string.ascii_uppercase + string.digits + "-./", min_size=1, max_size=20)
GTINS = st.sampled_from([barcodes.normalise(MUG), barcodes.normalise(SPOON), "09501101530003", "09501101530004"])
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2049, 12, 31)).map(lambda d: d.strftime("%y%m%d"))
ELEMENT = st.one_of(
    st.tuples(st.just("10"), LOT),
    st.tuples(st.just("21"), LOT),
    st.tuples(st.just("17"), st.one_of(DATES, st.text(string.digits, min_size=6, max_size=6))),
    st.tuples(st.just("30"), st.integers(0, 99_999_999).map(str)),
    st.tuples(st.just("37"), st.integers(0, 99_999_999).map(str)),
)


@st.composite
def element_strings(draw: st.DrawFn) -> str:
    """A GS1 element string: (01)/(02) or (00) first, then some of (10)/(21)/(17)/(30)/(37)."""
    separator = draw(st.sampled_from([GS, "~"]))
    head = draw(st.one_of(GTINS.map(lambda g: "01" + g), GTINS.map(lambda g: "02" + g), st.just("00" + "0" * 17 + "0")))
    out = draw(st.sampled_from(["", GS])) + head
    for ai, value in draw(st.lists(ELEMENT, max_size=4)):
        out += ai + value + (separator if ai in ("10", "21", "30", "37") else "")
    return draw(AIM) + out


ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=60)


@settings(max_examples=600, deadline=None)
@given(
    text=st.one_of(ANY_TEXT, element_strings(), st.tuples(AIM, ANY_TEXT).map("".join)),
    substitute=st.sampled_from(["", "~"]),
)
def test_every_text_is_a_code_or_one_clear_rejection(text: str, substitute: str) -> None:
    scan = decode_scan(text, substitute)
    if scan.problem is None:
        assert scan.code and scan.text, (text, scan)
        assert scan.code.isprintable() or barcodes.GS in scan.code
    else:
        assert scan.problem in REJECTIONS, scan
        assert not scan.code
    scan.text.encode("utf-8")  # storable and printable whatever came in


JUNK = st.binary(max_size=40)
LINES = st.lists(
    st.one_of(
        st.sampled_from([MUG.encode(), SPOON.encode(), b"PL-1", b"CMD-REMOVED", b"PKR-0001", b"]E0" + MUG.encode()]),
        element_strings().map(lambda s: s.encode()),
        JUNK.filter(lambda b: b"\r" not in b and b"\n" not in b),
        st.just(b"9" * 5000),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=LINES, cuts=st.lists(st.integers(1, 64), min_size=1, max_size=30))
def test_serial_bytes_in_pieces_get_one_outcome_per_line(tmp_path_factory, lines: list[bytes], cuts: list[int]) -> None:  # type: ignore[no-untyped-def]
    store = store_with(order("PL-1", ("SKU-MUG", 7), ("SKU-SPOON", 2)))
    bench = bench_on(store, tmp_path_factory.mktemp("fuzz"), gs1_separator="~")
    assert bench.handle(OpenOrder("PL-1")) is not None
    stream = b"".join(line + b"\r\n" for line in lines)
    framer, seen = LineFramer(), []
    position = 0
    for cut in cuts * (len(stream) // max(sum(cuts), 1) + 1):
        if position >= len(stream):
            break
        seen += framer.feed(stream[position : position + cut])
        position += cut
    seen += framer.feed(stream[position:])
    assert len(seen) == sum(1 for line in lines if line), (lines, seen)  # empty lines are no scans
    for line in seen:
        outcome = bench.handle(Scan(line.text))
        assert outcome is not None and outcome.kind is not OutcomeKind.ERROR, (line, outcome)
        if outcome.order is not None:
            stored = [(ln["scanned"], ln["quantity"]) for ln in show_order(store.unit_of_work, "PL-1")["lines"]]
            shown = [(ln.scanned, ln.required) for ln in outcome.order.lines]
            assert shown == stored and all(scanned <= required for scanned, required in shown)
