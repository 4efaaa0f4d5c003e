"""A US-layout scanner on Polish, German (QWERTZ) and French (AZERTY) desktops, through real Qt key events.

The events are built from the layouts' real XKB tables (tests/gui/xkb.py): for each character the
scanner presses the key a US keyboard needs, and the event carries what the desktop's layout makes
of that key — text, Qt key, native virtual key (keysym), native scan code (X keycode), modifiers and
timestamp. The capture reads the scan code through the US table (``scanner_layout = "us"``) and
recovers the code; with ``"os"`` it takes the desktop's text, and AZERTY garbles digits. Also: the
US table agrees with XKB's own ``us``; FNC1 as Ctrl+] and as a Windows Alt code (Alt + keypad
0029); prefix, suffix, terminators and the no-terminator timeout from the station's settings.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from packstation.config import Config
from packstation.domain.barcodes import GS
from packstation.domain.scan_decoding import decode_scan
from packstation.gui import keymaps
from packstation.gui.scan_capture import ScanCapture
from tests.gui.xkb import Layout, us_scanner_events

pytestmark = pytest.mark.timeout(60)
K, R = QEvent.Type.KeyPress, QEvent.Type.KeyRelease
WAIT_MS = 2000
CODES = [
    "0013748911",
    "5901234123457",
    "ABC-123/xyz.",
    "CMD-FINISH",
    "PKR-0001",
    "]d2" + "0109501101530003" + "10AB-12" + GS + "21SN7",  # GS1 DataMatrix, FNC1 as Ctrl+]
]


@pytest.fixture(scope="module")
def us() -> Layout:
    return Layout("us")


@pytest.fixture
def edit(qtbot):  # type: ignore[no-untyped-def]
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.setFocus()
    return widget


def capture_with(qapp, config: Config, platform: str | None = None) -> tuple[ScanCapture, list[str]]:  # type: ignore[no-untyped-def]
    if platform:  # another platform's scan codes: built directly, the rest as configured by default
        capture = ScanCapture(burst_gap_ms=config.scanner_burst_gap_ms, platform=platform)
    else:
        capture = ScanCapture.from_config(config)
    scans: list[str] = []
    capture.scanned.connect(scans.append)
    qapp.installEventFilter(capture)
    return capture, scans


@pytest.fixture
def capture(qapp):  # type: ignore[no-untyped-def]
    made: list[ScanCapture] = []

    def make(platform: str | None = None, **settings: object) -> list[str]:
        config = Config(db_url="sqlite://", station="t")
        for key, value in settings.items():
            setattr(config, key, value)
        instance, scans = capture_with(qapp, config, platform)
        made.append(instance)
        return scans

    yield make
    for instance in made:
        qapp.removeEventFilter(instance)
        instance.deleteLater()


def send(widget, events) -> None:  # type: ignore[no-untyped-def]
    for ev in events:
        QApplication.sendEvent(widget, ev)


def test_the_us_table_is_xkbs_us_layout(us: Layout) -> None:
    for evdev, (plain, shifted) in keymaps.US_KEYS.items():
        assert us.press(evdev + 8).text == plain, evdev
        assert us.press(evdev + 8, shift=True).text == shifted, evdev


@pytest.mark.parametrize("layout", ["pl", "de", "fr"])
def test_us_scanner_on_other_desktop_layouts(layout: str, us: Layout, edit, capture) -> None:  # type: ignore[no-untyped-def]
    desktop = Layout(layout)
    scans = capture()
    typed_by_desktop = []
    for i, code in enumerate(CODES):
        events = us_scanner_events(code, desktop, us, start=10_000 + 10_000 * i)
        typed_by_desktop.append("".join(e.text() for e in events if e.type() == K and e.text() != "\r"))
        send(edit, events)
    assert scans == CODES
    assert edit.text() == ""
    if layout == "fr":  # AZERTY: digits need Shift, the scanner sends none
        assert typed_by_desktop[0] == "àà&\"è'_ç&&"
    if layout == "de":  # QWERTZ: Y and Z swapped, "-" is "ß", "/" is "-"
        assert typed_by_desktop[2] == "ABCß123-xzy."
    if layout == "pl":  # Polish (programmer's) is US-based: the same characters
        assert typed_by_desktop[:5] == CODES[:5]


def test_with_the_os_layout_setting_the_desktops_text_is_taken(us: Layout, edit, capture) -> None:  # type: ignore[no-untyped-def]
    scans = capture(scanner_layout="os")
    send(edit, us_scanner_events("0013748911", Layout("fr"), us, start=10_000))
    assert scans == ["àà&\"è'_ç&&"]


def test_dead_keys_of_the_desktop_still_read_as_the_scanners_characters(us: Layout, edit, capture) -> None:  # type: ignore[no-untyped-def]
    # On AZERTY the US "[" key is a dead circumflex: no text at all.
    scans = capture()
    events = us_scanner_events("A[1]B", Layout("fr"), us, start=10_000)
    assert any(e.type() == K and e.key() == int(Qt.Key.Key_Dead_Circumflex) and e.text() == "" for e in events)
    send(edit, events)
    assert scans == ["A[1]B"]


def windows_events(keys: list[tuple[int, str, Qt.KeyboardModifier, int]], ts: int) -> list[QKeyEvent]:
    """Press/release pairs as Qt on Windows builds them: (Qt key, text, modifiers, set-1 scan code)."""
    out = []
    for key, text, mods, scan in keys:
        for kind in (K, R):
            ev = QKeyEvent(kind, key, mods, scan, 0, 0, text, False, 1)
            ev.setTimestamp(ts)
            out.append(ev)
            ts += 2
    return out


@pytest.mark.parametrize("windows_types_it_again", [True, False])
def test_alt_code_fnc1_from_a_windows_wedge(windows_types_it_again, edit, capture) -> None:  # type: ignore[no-untyped-def]
    scans = capture(platform="windows")
    alt, kp = Qt.KeyboardModifier.AltModifier, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.KeypadModifier
    none = Qt.KeyboardModifier.NoModifier
    # "01" + GTIN on the top row (scan codes 0x02-0x0B), then Alt + keypad 0 0 2 9, then "10AB".
    digits = {str(d): 0x02 + (d - 1) % 10 for d in range(10)}
    row = [(ord(c), c, none, digits[c]) for c in "0109501101530003"]
    ev_alt_down = QKeyEvent(K, int(Qt.Key.Key_Alt), alt, 0x38, 0x12, 0, "", False, 1)
    ev_alt_down.setTimestamp(10_066)
    keypad = [(int(Qt.Key.Key_0) + int(d), "", kp, {"0": 0x52, "2": 0x50, "9": 0x49}[d]) for d in "0029"]
    ev_alt_up = QKeyEvent(R, int(Qt.Key.Key_Alt), none, 0x38, 0x12, 0, "", False, 1)
    ev_alt_up.setTimestamp(10_084)
    # Windows then types the Alt code's character itself: it must not count twice.
    echo = windows_events([(0, GS, none, 0)], 10_086)
    tail = windows_events([(ord(c), c, none, scan) for c, scan in (("1", 0x02), ("0", 0x0B), ("a", 0x1E))], 10_090)
    tail += windows_events([(int(Qt.Key.Key_Return), "\r", none, 0x1C)], 10_104)
    send(edit, windows_events(row, 10_000) + [ev_alt_down] + windows_events(keypad, 10_067) + [ev_alt_up])
    send(edit, (echo if windows_types_it_again else []) + tail)
    assert scans == ["0109501101530003" + GS + "10a"]  # the "a" key is 0x1E, read without Shift
    assert edit.text() == ""


@pytest.mark.parametrize(
    ("settings", "terminator", "expected"),
    [
        ({"scanner_prefix": "@", "scanner_suffix": "#"}, "Return", ["5901234123457"]),
        ({"scanner_terminator": "tab"}, "Tab", ["5901234123457"]),
        ({"scanner_terminator": "tab"}, "Return", []),  # not this scanner's terminator: typing
        ({"scanner_terminator": "enter"}, "Return", ["5901234123457"]),
        ({"scanner_min_length": 20}, "Return", []),
    ],
)
def test_prefix_suffix_terminator_and_length_settings(settings, terminator, expected, us, edit, capture, qtbot):  # type: ignore[no-untyped-def]
    scans = capture(**settings)
    code = settings.get("scanner_prefix", "") + "5901234123457" + settings.get("scanner_suffix", "")
    events = us_scanner_events(code, Layout("us"), us, start=10_000)[:-2]  # without its Enter
    key, text, scan = {"Return": (Qt.Key.Key_Return, "\r", 36), "Tab": (Qt.Key.Key_Tab, "\t", 23)}[terminator]
    end = events[-1].timestamp() + 5
    for kind, ts in ((K, end), (R, end + 2)):
        ev = QKeyEvent(kind, int(key), Qt.KeyboardModifier.NoModifier, scan, 0, 0, text, False, 1)
        ev.setTimestamp(ts)
        events.append(ev)
    send(edit, events)
    assert scans == expected
    assert edit.text() == ("" if expected else code)  # a refused burst is replayed to the widget as typing


def test_no_terminator_a_quiet_pause_ends_the_scan(us, edit, capture, qtbot) -> None:  # type: ignore[no-untyped-def]
    scans = capture(scanner_terminator="none", scanner_timeout_ms=40)
    events = us_scanner_events("5901234123457", Layout("us"), us, start=10_000)[:-2]
    send(edit, events)
    assert scans == []  # not yet: the pause decides
    qtbot.waitUntil(lambda: scans == ["5901234123457"], timeout=WAIT_MS)
    assert edit.text() == ""
    # A person's keys, far apart in time, are still typing.
    for i, ch in enumerate("ab"):
        send(edit, us_scanner_events(ch, Layout("us"), us, start=30_000 + 500 * i)[:-2])
    qtbot.waitUntil(lambda: edit.text() == "ab", timeout=WAIT_MS)
    assert scans == ["5901234123457"]


TYPABLE = st.text(
    alphabet=string.ascii_letters + string.digits + "-./:+%$ *#@!()[]_=,;'\"\\`~?" + GS, min_size=3, max_size=40
)
LAYOUTS = ("us", "pl", "de", "fr")


@pytest.fixture(scope="module")
def fuzz_capture(qapp):  # type: ignore[no-untyped-def]
    """One capture for every example of the hypothesis test below (fixtures are not re-run per example)."""
    capture = ScanCapture()
    scans: list[str] = []
    capture.scanned.connect(scans.append)
    qapp.installEventFilter(capture)
    yield scans, {name: Layout(name) for name in LAYOUTS}
    qapp.removeEventFilter(capture)
    capture.deleteLater()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Not starting with FNC1: Ctrl+] alone is a person's shortcut until a burst runs (test_scan_capture.py).
@given(code=TYPABLE.filter(lambda c: c.strip(" ") == c and not c.startswith(GS)), layout=st.sampled_from(LAYOUTS))
def test_any_code_a_us_scanner_types_arrives_whole_on_any_layout(code: str, layout: str, fuzz_capture, edit) -> None:  # type: ignore[no-untyped-def]
    scans, layouts = fuzz_capture
    edit.clear()
    before = len(scans)
    send(edit, us_scanner_events(code, layouts[layout], layouts["us"], start=10_000 + 10_000 * before))
    assert scans[before:] == [code] and edit.text() == ""
    decoded = decode_scan(code)  # and on to the decoder: a code, or one clear rejection
    assert decoded.ok or decoded.problem in {"scan.gs1_invalid", "scan.empty"}
