"""Serial scales over real pseudo-terminals: MT-SICS and NCI, stable and moving loads, units, and every failure.

Each simulated scale answers the requests the driver really writes to the port; the tests check
the requests too (``SI`` CR LF, ``W`` CR).
"""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from packstation.adapters.devices.scale import GarbledReply, SerialScale, parse_mt_sics, parse_nci
from packstation.config import ScaleSettings, SerialPortSettings
from packstation.domain.errors import DeviceUnavailable
from tests.devices_support import Pty, ScaleSimulator, mt_sics_line, nci_frame

pytestmark = pytest.mark.timeout(60)


def scale_on(path: str, protocol: str, seconds: float = 2.0) -> SerialScale:
    return SerialScale(ScaleSettings(SerialPortSettings(path, 9600), protocol, "bench scale", seconds))


@pytest.fixture
def simulators():  # type: ignore[no-untyped-def]
    made: list[tuple[ScaleSimulator, SerialScale]] = []

    def make(protocol: str, answers: list[bytes] | None, seconds: float = 2.0) -> tuple[ScaleSimulator, SerialScale]:
        simulator = ScaleSimulator(protocol, answers)
        scale = scale_on(simulator.path, protocol, seconds)
        made.append((simulator, scale))
        return simulator, scale

    yield make
    for simulator, scale in made:
        scale.close()
        simulator.stop()


@pytest.mark.parametrize(
    ("value", "unit", "kg"),
    [("1.234", "kg", "1.234"), ("1234.5", "g", "1.2345"), ("2.50", "lb", "1.133980925"), ("16.0", "oz", "0.45359237")],
)
def test_mt_sics_settles_and_units_become_kg(simulators, value: str, unit: str, kg: str) -> None:  # type: ignore[no-untyped-def]
    answers = [mt_sics_line("D", "0.812", unit), mt_sics_line("I"), mt_sics_line("D", "1.1", unit)]
    simulator, scale = simulators("mt-sics", [*answers, mt_sics_line("S", value, unit)])
    assert scale.stable_weight() == Decimal(kg)
    assert simulator.requests == [b"SI"] * 4


@pytest.mark.parametrize(("value", "unit", "kg"), [("1.234", "kg", "1.234"), ("  3.00", "lb", "1.36077711")])
def test_nci_status_only_while_moving_then_weight(simulators, value: str, unit: str, kg: str) -> None:  # type: ignore[no-untyped-def]
    moving = [nci_frame(None, status="10"), nci_frame("0.9", unit, status="10")]
    simulator, scale = simulators("nci", [*moving, nci_frame(value, unit)])
    assert scale.stable_weight() == Decimal(kg)
    assert simulator.requests == [b"W"] * 3


@pytest.mark.parametrize(
    ("protocol", "answers", "code", "words"),
    [
        ("mt-sics", [mt_sics_line("D", "1.0")], "scale.unstable", "did not settle within 0.6 s"),
        ("nci", [nci_frame(None, status="10")], "scale.unstable", "keep the parcel still"),
        ("mt-sics", [mt_sics_line("+")], "scale.overload", "over the scale's range"),
        ("nci", [nci_frame(None, status="02")], "scale.overload", "over the scale's range"),
        ("mt-sics", [mt_sics_line("-")], "scale.underload", "zero it"),
        ("nci", [nci_frame(None, status="01")], "scale.underload", "zero it"),
        ("mt-sics", [bytes([0x8F, 0xF3, 0x1C, 0xE0]) * 3 + b"\r\n"], "scale.garbled", "configured 9600 8N1"),
        ("nci", [b"\n?\r\x03"], "scale.garbled", "its protocol (configured nci)"),
        ("mt-sics", None, "scale.no_answer", "no answer from the scale"),
    ],
)
def test_no_stable_weight_says_why(simulators, protocol, answers, code: str, words: str) -> None:  # type: ignore[no-untyped-def]
    _, scale = simulators(protocol, answers, seconds=0.6)
    started = time.monotonic()
    with pytest.raises(DeviceUnavailable) as info:
        scale.stable_weight()
    assert info.value.code == code and words in str(info.value)
    assert time.monotonic() - started < 0.6 + 1.0, "gives up soon after the configured time"


def test_a_missing_port_and_an_unplugged_scale(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(DeviceUnavailable) as info:
        scale_on(str(tmp_path / "usb-scale"), "nci").stable_weight()
    assert info.value.code == "device.port_missing"
    pty = Pty()
    scale = scale_on(pty.path, "mt-sics", 1.0)
    with pytest.raises(DeviceUnavailable) as silent:
        scale.stable_weight()
    assert silent.value.code == "scale.no_answer"
    pty.close()
    with pytest.raises(DeviceUnavailable) as gone:
        scale.stable_weight()
    assert gone.value.code in ("device.port_missing", "device.io_error")
    scale.close()


def test_parsers_refuse_what_is_not_their_protocol() -> None:
    assert parse_mt_sics(b"S S     -0.020 kg\r\n").kg == Decimal("-0.020")
    assert parse_nci(b"\n_1234g_\r\n00\r\x03".replace(b"_", b" ")).kg == Decimal("1.234")
    for reply in (b"ES\r\n", b"S S abc kg\r\n", b"S S 1.0 stone\r\n", b"\xff\xfe"):
        with pytest.raises(GarbledReply):
            parse_mt_sics(reply)
    for reply in (b"\n1.0kg\r\n00\r", b"\n1.0kg\r\nZZ\r\x03", b"\n1.0kg\r\n04\r\x03"):
        with pytest.raises(GarbledReply):
            parse_nci(reply)
