"""ScanCapture: keyboard-wedge bursts vs. human typing, on real widgets.

Key events are built the way Qt delivers them under X11 with a US layout:
key, text, native scan code (X keycode), native virtual key (keysym) and an
explicit timestamp, because the filter decides on timestamps only.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import time
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QPushButton, QVBoxLayout, QWidget

from packstation.gui.scan_capture import ScanCapture

pytestmark = pytest.mark.timeout(60)

K = QEvent.Type.KeyPress
R = QEvent.Type.KeyRelease
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier

# X11 keycodes of the US layout (xkb "pc+us"); keysym doubles as virtual key.
_ROWS = {10: "1234567890", 24: "qwertyuiop", 38: "asdfghjkl", 52: "zxcvbnm"}
X11_KEYCODE = {ch: base + i for base, row in _ROWS.items() for i, ch in enumerate(row)}
X11_KEYCODE.update({" ": 65, "-": 20, "/": 61, ".": 60})
SPECIAL = {  # name -> (Qt key, text, keycode, keysym)
    "Return": (Qt.Key.Key_Return, "\r", 36, 0xFF0D),
    "KP_Enter": (Qt.Key.Key_Enter, "\r", 104, 0xFF8D),
    "Tab": (Qt.Key.Key_Tab, "\t", 23, 0xFF09),
    "F12": (Qt.Key.Key_F12, "", 96, 0xFFC9),
    "Escape": (Qt.Key.Key_Escape, "\x1b", 9, 0xFF1B),
}


def key_event(etype, key, text="", mods=Qt.KeyboardModifier.NoModifier, scan=0, vk=0, nmods=0, ts=0):
    ev = QKeyEvent(etype, int(key), mods, scan, vk, nmods, text, False, 1)
    ev.setTimestamp(ts)
    return ev


def char_events(ch: str, ts: int) -> list[QKeyEvent]:
    """Press/release of one character, wrapped in Shift for uppercase."""
    if ch.isupper():
        low = ch.lower()
        code = X11_KEYCODE[low]
        return [
            key_event(K, Qt.Key.Key_Shift, "", SHIFT, 50, 0xFFE1, 0, ts - 1),
            key_event(K, ord(ch), ch, SHIFT, code, ord(ch), 1, ts),
            key_event(R, ord(ch), ch, SHIFT, code, ord(ch), 1, ts + 2),
            key_event(R, Qt.Key.Key_Shift, "", Qt.KeyboardModifier.NoModifier, 50, 0xFFE1, 1, ts + 3),
        ]
    if ch == "\x1d":  # FNC1 as the scanner's Ctrl+]
        return [
            key_event(K, Qt.Key.Key_BracketRight, "\x1d", CTRL, 35, 0x5D, 4, ts),
            key_event(R, Qt.Key.Key_BracketRight, "\x1d", CTRL, 35, 0x5D, 4, ts + 2),
        ]
    code = X11_KEYCODE.get(ch, 0)
    key = ord(ch.upper())
    return [
        key_event(K, key, ch, scan=code, vk=ord(ch), ts=ts),
        key_event(R, key, ch, scan=code, vk=ord(ch), ts=ts + 2),
    ]


def special_events(name: str, ts: int, mods=Qt.KeyboardModifier.NoModifier) -> list[QKeyEvent]:
    key, text, code, sym = SPECIAL[name]
    if name == "KP_Enter":
        mods = mods | Qt.KeyboardModifier.KeypadModifier
    return [key_event(K, key, text, mods, code, sym, 0, ts), key_event(R, key, text, mods, code, sym, 0, ts + 2)]


def keystrokes(text: str, start: int, step: int, terminator: str | None = "Return") -> list[QKeyEvent]:
    events, ts = [], start
    for ch in text:
        events += char_events(ch, ts)
        ts += step
    if terminator:
        events += special_events(terminator, ts)
    return events


class RecordingLineEdit(QLineEdit):
    """A line edit that remembers every key event it was given."""

    def __init__(self):
        super().__init__()
        self.log: list[tuple] = []

    def event(self, ev):
        if ev.type() in (K, R):
            self.log.append(
                (
                    ev.type(),
                    ev.key(),
                    ev.text(),
                    ev.nativeScanCode(),
                    ev.nativeVirtualKey(),
                    ev.nativeModifiers(),
                    ev.timestamp(),
                )
            )
        return super().event(ev)


@dataclass
class Station:
    window: QMainWindow
    edit: RecordingLineEdit
    button: QPushButton
    capture: ScanCapture
    scans: list[str] = field(default_factory=list)
    clicks: list[bool] = field(default_factory=list)
    returns: list[bool] = field(default_factory=list)

    def send(self, widget, events):
        for ev in events:
            QApplication.sendEvent(widget, ev)


@pytest.fixture
def station(qtbot, qapp):
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    edit = RecordingLineEdit()
    button = QPushButton("Finish")
    button.setDefault(True)  # Enter on the focused button clicks it
    layout.addWidget(edit)
    layout.addWidget(button)
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    edit.setFocus()
    capture = ScanCapture()
    qapp.installEventFilter(capture)
    st = Station(window, edit, button, capture)
    capture.scanned.connect(st.scans.append)
    button.clicked.connect(lambda: st.clicks.append(True))
    edit.returnPressed.connect(lambda: st.returns.append(True))
    yield st
    qapp.removeEventFilter(capture)
    capture.deleteLater()


EAN = "5901234123457"

# Upper bound of every condition wait below: a passing test returns as soon as its condition
# holds, so this only decides how long a broken one takes to fail.
WAIT_MS = 2000
# The marker key of settle().
MARK = "z"


def settle(qtbot, station: Station, ts: int) -> list[tuple]:
    """Wait for proof that the capture has decided on every key sent so far; return what the
    line edit had received before that proof arrived.

    "Nothing held back is replayed later" is a negative claim, so it needs a real time bound:
    the hold timer, which is what would replay held keys.  Rather than sleeping for a guessed
    multiple of it, type one lone key at ``ts`` (a human gap after everything else) and wait
    for it.  The capture first delivers whatever it still holds, then holds the marker itself
    until the real hold timer expires and replays it.  Once the marker has reached the line
    edit, the hold timer has run after all earlier keys, and anything they would ever put out
    is already in the log.
    """
    before = len(station.edit.log)
    station.send(station.edit, char_events(MARK, ts))
    qtbot.waitUntil(lambda: any(e[0] == R and e[2] == MARK for e in station.edit.log[before:]), timeout=WAIT_MS)
    *earlier, press, release = station.edit.log
    assert [(press[0], press[2]), (release[0], release[2])] == [(K, MARK), (R, MARK)], station.edit.log
    return earlier


def test_scan_into_line_edit_is_swallowed(station, qtbot):
    station.send(station.edit, keystrokes(EAN, 10_000, 5))
    assert station.scans == [EAN]
    assert station.edit.text() == ""
    earlier = settle(qtbot, station, 20_000)  # the hold timer has run since: nothing replayed later
    assert station.edit.text() == MARK
    assert earlier == []  # not even the Enter release got through
    assert station.returns == []
    assert station.scans == [EAN]


def test_scanner_enter_does_not_click_focused_button(station, qtbot):
    station.button.setFocus()
    station.send(station.button, keystrokes(EAN, 10_000, 5))
    assert station.scans == [EAN]
    assert station.clicks == []
    settle(qtbot, station, 20_000)  # nor does a replay click it once the hold timer has run
    assert station.clicks == []


def test_human_typing_reaches_line_edit_unchanged(station, qtbot):
    events = keystrokes("abc", 10_000, 80, terminator=None)
    station.send(station.edit, events)
    qtbot.waitUntil(lambda: station.edit.text() == "abc", timeout=WAIT_MS)
    assert station.scans == []
    # The widget saw exactly the original events, in order, fields intact.
    expected = [
        (e.type(), e.key(), e.text(), e.nativeScanCode(), e.nativeVirtualKey(), e.nativeModifiers(), e.timestamp())
        for e in events
    ]
    assert station.edit.log == expected


def test_human_typing_in_real_time_then_enter(station, qtbot):
    # A person's key is held as a possible burst start until the real hold timer replays it,
    # before the next key comes.
    ts, typed = 10_000, ""
    for ch in "ab1":
        station.send(station.edit, char_events(ch, ts))
        assert station.edit.text() == typed  # held back for now
        typed += ch
        qtbot.waitUntil(lambda typed=typed: station.edit.text() == typed, timeout=WAIT_MS)
        ts += 80
    station.send(station.edit, special_events("Return", ts))
    assert station.edit.text() == "ab1"
    assert station.returns == [True]
    assert station.scans == []


def test_human_enter_clicks_focused_button(station, qtbot):
    station.button.setFocus()
    station.send(station.button, special_events("Return", 10_000))
    assert station.clicks == [True]
    # Also right after a scan, once a human gap has passed.
    station.send(station.button, keystrokes(EAN, 20_000, 5))
    station.send(station.button, special_events("Return", 20_500))
    assert station.scans == [EAN]
    assert len(station.clicks) == 2


def test_fifty_back_to_back_bursts_stay_separate_and_ordered(station, qtbot):
    codes = [f"20{i:05d}{i * 7 % 100000:05d}" for i in range(50)]
    events, ts = [], 10_000
    for code in codes:
        events += keystrokes(code, ts, 5)
        ts += 5 * (len(code) + 1)  # next scan starts 5 ms after the Enter
    station.send(station.edit, events)
    assert station.scans == codes
    assert station.edit.text() == ""
    assert settle(qtbot, station, ts + 1000) == []  # nothing of them replayed later
    assert station.edit.text() == MARK


def test_hundred_character_burst_is_one_scan(station):
    code = "".join(str(i % 10) for i in range(100))
    station.send(station.edit, keystrokes(code, 10_000, 5))
    assert station.scans == [code]


def test_burst_delivered_all_at_once(station, qtbot):
    # Posted with their original timestamps, then processed in one go after
    # the GUI thread "was busy" far longer than the whole burst took.
    for ev in keystrokes(EAN, 10_000, 5):
        QCoreApplication.postEvent(station.edit, ev)
    # The scenario, not a wait: the GUI thread is blocked while the whole burst queues up.
    time.sleep(0.2)
    qtbot.waitUntil(lambda: station.scans == [EAN], timeout=WAIT_MS)
    assert settle(qtbot, station, 20_000) == []  # nothing replayed later
    assert station.edit.text() == MARK
    assert station.scans == [EAN]


def test_gui_stall_in_the_middle_of_a_burst(station, qtbot):
    # The GUI thread blocks right after the first key; when it wakes up the
    # overdue hold timer is dispatched before the queued rest of the burst.
    events = keystrokes(EAN, 10_000, 5)
    hold_timer = station.capture.findChild(QTimer)
    late = []
    hold_timer.timeout.connect(lambda: late.append(True))
    station.send(station.edit, events[:2])  # first digit held, hold timer running
    assert hold_timer.isActive()
    # The scenario, not a wait: the GUI thread is blocked far past the hold timer's due time.
    time.sleep(0.2)
    QCoreApplication.processEvents()  # the late timer fires first
    assert late  # the stall really happened: the overdue timer did fire...
    assert station.edit.text() == ""  # ...and did not take the held digit for typing
    station.send(station.edit, events[2:])  # then the keys that were queued
    assert station.scans == [EAN]
    assert settle(qtbot, station, 20_000) == []  # nothing replayed later
    assert station.edit.text() == MARK


def test_ctrl_bracket_inside_burst_is_fnc1(station):
    station.send(station.edit, keystrokes("0105901234123457\x1d10LOT7A", 10_000, 5))
    assert station.scans == ["0105901234123457\x1d10LOT7A"]


def test_plain_gs_character_is_fnc1(station):
    events = keystrokes("0105901234123457", 10_000, 5, terminator=None)
    events += [key_event(K, 0, "\x1d", ts=10_080), key_event(R, 0, "\x1d", ts=10_082)]
    events += keystrokes("10ABC", 10_085, 5, terminator="Tab")
    station.send(station.edit, events)
    assert station.scans == ["0105901234123457\x1d10ABC"]


def test_human_ctrl_bracket_passes_through(station, qtbot):
    station.send(station.edit, char_events("\x1d", 10_000))
    assert [e[1] for e in station.edit.log] == [Qt.Key.Key_BracketRight] * 2
    assert station.scans == []


def test_burst_without_terminator_is_replayed_in_order(station, qtbot):
    station.send(station.edit, keystrokes("AB12cd", 10_000, 5, terminator=None))
    assert station.edit.text() == ""  # held while it might still be a scan
    qtbot.waitUntil(lambda: station.edit.text() == "AB12cd", timeout=WAIT_MS)
    station.send(station.edit, char_events("x", 11_000))
    qtbot.waitUntil(lambda: station.edit.text() == "AB12cdx", timeout=WAIT_MS)
    assert station.scans == []


def test_short_fast_burst_with_enter_is_typing(station, qtbot):
    station.send(station.edit, keystrokes("12", 10_000, 5))
    assert station.edit.text() == "12"
    assert station.returns == [True]
    assert station.scans == []


@pytest.mark.parametrize("terminator", ["KP_Enter", "Tab"])
def test_other_terminators(station, qtbot, terminator):
    station.send(station.edit, keystrokes("ABC-123", 10_000, 8, terminator=terminator))
    assert station.scans == ["ABC-123"]
    assert station.edit.text() == ""
    earlier = settle(qtbot, station, 20_000)  # the hold timer has run since
    assert station.edit.text() == MARK
    # Only the scanner's Shift presses (harmless) reached the widget; no
    # character and not the terminator, not even later.
    assert {entry[1] for entry in earlier} == {Qt.Key.Key_Shift}


def test_f12_and_ctrl_q_reach_their_actions(station, qtbot):
    fired = []
    for seq, name in (("F12", "f12"), ("Ctrl+Q", "quit")):
        action = QAction(name, station.window)
        action.setShortcut(QKeySequence(seq))
        action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        action.triggered.connect(lambda _=False, n=name: fired.append(n))
        station.window.addAction(action)
    station.send(station.edit, special_events("F12", 10_000))
    station.send(station.edit, [key_event(K, Qt.Key.Key_Q, "\x11", CTRL, 24, 0x71, 4, 10_100)])
    assert fired == ["f12", "quit"]


def test_non_text_key_flushes_held_keys_first(station, qtbot):
    # "12" is held as a possible burst; Escape (no shortcut) must arrive after it.
    station.send(station.edit, keystrokes("12", 10_000, 5, terminator=None) + special_events("Escape", 10_012))
    assert [e[1] for e in station.edit.log if e[0] == K] == [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_Escape]
    assert station.edit.text() == "12"


def test_scanner_enter_does_not_fire_return_shortcut(station, qtbot):
    fired = []
    action = QAction("confirm", station.window)
    action.setShortcut(QKeySequence(Qt.Key.Key_Return))
    action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
    action.triggered.connect(lambda: fired.append(True))
    station.window.addAction(action)
    station.button.setFocus()
    station.send(station.button, keystrokes(EAN, 10_000, 5))
    assert station.scans == [EAN]
    assert fired == []
    station.send(station.button, special_events("Return", 11_000))  # a human Enter still works
    assert fired == [True]


def test_disabled_capture_passes_everything(station):
    station.capture.enabled = False
    assert station.capture.enabled is False
    station.send(station.edit, keystrokes(EAN, 10_000, 5))
    assert station.edit.text() == EAN
    assert station.returns == [True]
    assert station.scans == []
    station.capture.enabled = True
    station.send(station.edit, keystrokes(EAN, 20_000, 5))
    assert station.scans == [EAN]


def test_disabling_flushes_held_keys(station):
    station.send(station.edit, keystrokes("789", 10_000, 5, terminator=None))
    station.capture.enabled = False
    assert station.edit.text() == "789"


def test_flush_replays_pending_burst(station):
    station.send(station.edit, keystrokes(EAN, 10_000, 5, terminator=None))
    station.capture.flush()
    assert station.edit.text() == EAN
    assert station.scans == []


def test_window_then_widget_delivery_is_handled_once(station, qtbot):
    # Sent to the QWindow, Qt forwards each key to the focus widget: the
    # filter sees every event twice and must count it once.
    handle = station.window.windowHandle()
    station.send(handle, keystrokes(EAN, 10_000, 5))
    assert station.scans == [EAN]
    station.send(handle, keystrokes("xyz", 20_000, 90, terminator=None))
    qtbot.waitUntil(lambda: station.edit.text() == "xyz", timeout=WAIT_MS)
    assert station.scans == [EAN]


def test_qtest_window_events_with_real_timestamps(station, qtbot):
    # QTest on a QWindow goes through QWindowSystemInterface like X11 input,
    # with real event timestamps.
    handle = station.window.windowHandle()
    for ch in EAN:
        QTest.sendKeyEvent(QTest.KeyAction.Click, handle, Qt.Key(ord(ch)), ch, Qt.KeyboardModifier.NoModifier)
    QTest.sendKeyEvent(QTest.KeyAction.Click, handle, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.NoModifier)
    assert station.scans == [EAN]
    assert station.edit.text() == ""


def test_zero_timestamps_from_qtest(station, qtbot):
    # qtbot.keyClick leaves every timestamp at 0: equal timestamps are a burst.
    qtbot.keyClicks(station.edit, EAN)
    qtbot.keyClick(station.edit, Qt.Key.Key_Return)
    assert station.scans == [EAN]
    assert station.edit.text() == ""
    qtbot.keyClicks(station.edit, "ab")
    assert station.edit.text() == ""  # held as a possible burst
    # A human pause in real time: the hold timer replays "ab", so the Enter after it is theirs.
    qtbot.waitUntil(lambda: station.edit.text() == "ab", timeout=WAIT_MS)
    qtbot.keyClick(station.edit, Qt.Key.Key_Return)
    assert station.returns == [True]
    assert station.scans == [EAN]
