"""``packstation devices list|listen|weigh`` and ``packstation doctor`` as an installer runs them.

Real processes of the command line against real serial ports (pseudo-terminals): a scanner
sending GS1 DataMatrix codes, scales answering MT-SICS and NCI, a scanner set to the wrong baud
rate, a scale that never settles, a port that is missing, a port the user may not open.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from packstation.domain import barcodes
from tests.devices_support import Pty, ScaleSimulator, mt_sics_line, nci_frame, wait_for

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]
GS = barcodes.GS


def command(*args: str, config: Path | None = None) -> list[str]:
    extra = ["--config", str(config)] if config else []
    return [sys.executable, "-m", "packstation", *extra, *args]


def environment(home: Path) -> dict[str, str]:
    # PYTHONPATH: the processes must run this worktree's package, whatever is installed.
    return {**os.environ, "PACKSTATION_HOME": str(home), "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}


def run(
    *args: str, home: Path, config: Path | None = None, prefix: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, *command(*args, config=config)],
        capture_output=True,
        text=True,
        env=environment(home),
        timeout=90,
        cwd=ROOT,
    )


def write_config(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_listen_prints_each_decoded_scan_as_json(tmp_path: Path) -> None:
    pty = Pty()
    proc = subprocess.Popen(
        command("devices", "listen", "--serial", pty.path, "--json", "--count", "3"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment(tmp_path),
        cwd=ROOT,
    )
    errors: list[str] = []
    reader = threading.Thread(target=lambda: errors.extend(proc.stderr), daemon=True)  # type: ignore[arg-type]
    reader.start()
    try:
        wait_for(lambda: any("[connected]" in line for line in errors), 30, "the listener to open the port")
        datamatrix = "]d2" + "0109501101530003" + "17251231" + "10AB-123" + GS + "21SN0001"
        pty.write(datamatrix.encode() + b"\r\n" + b"]E05901234123457\r\n" + b"\xff\xfe\r\n")
        out, _ = proc.communicate(timeout=30)
    finally:
        proc.kill()
        pty.close()
    first, second, third = (json.loads(line) for line in out.splitlines())
    assert first == {
        "raw": "0109501101530003" + "17251231" + "10AB-123" + GS + "21SN0001",
        "code": "09501101530003",
        "symbology": "]d2",
        "gtin": "09501101530003",
        "lot": "AB-123",
        "expiry": "2025-12-31",
        "serial": "SN0001",
        "sscc": None,
        "count": None,
        "problem": None,
    }
    assert (second["code"], second["symbology"], second["gtin"], second["problem"]) == (
        "05901234123457",
        "]E0",
        None,
        None,
    )
    assert third["problem"] == "scan.undecodable" and third["raw"] == "<0xdcff><0xdcfe>"
    assert proc.returncode == 0


@pytest.mark.parametrize(
    ("protocol", "answers", "expected"),
    [
        ("nci", [nci_frame(None, status="10"), nci_frame("2.50", "lb")], "1.134"),
        ("mt-sics", [mt_sics_line("D", "812.0", "g"), mt_sics_line("S", "1234.0", "g")], "1.234"),
    ],
)
def test_weigh_prints_one_stable_weight(tmp_path: Path, protocol: str, answers, expected: str) -> None:  # type: ignore[no-untyped-def]
    scale = ScaleSimulator(protocol, answers)
    try:
        result = run("devices", "weigh", "--scale", scale.path, "--protocol", protocol, "--json", home=tmp_path)
    finally:
        scale.stop()
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"kg": expected, "port": scale.path, "protocol": protocol}
    text = run("devices", "weigh", "--scale", str(tmp_path / "none"), "--protocol", protocol, home=tmp_path)
    assert text.returncode == 1 and "is missing" in text.stderr


def test_list_shows_configured_ports_by_their_stable_names(tmp_path: Path) -> None:
    pty = Pty()
    link = tmp_path / "usb-Honeywell_Xenon-if00"
    link.symlink_to(pty.path)
    config = write_config(tmp_path / "bench.toml", f'[[serial_scanner]]\nname = "fixed"\nport = "{link}"\n')
    result = run("devices", "list", "--json", home=tmp_path, config=config)
    pty.close()
    assert result.returncode == 0, result.stderr
    ports = json.loads(result.stdout)
    assert {"device": pty.path, "stable_name": str(link), "description": "configured", "hardware_id": ""} in ports


def _keep_writing(pty: Pty, data: bytes, seconds: float) -> threading.Thread:
    """A scanner scanning again and again while the doctor listens (whenever it opens the port)."""

    def scanning() -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and not pty.closed:
            pty.write(data)
            time.sleep(0.1)

    thread = threading.Thread(target=scanning, daemon=True)
    thread.start()
    return thread


def test_doctor_finds_a_wrong_baud_a_missing_port_and_a_scale_that_never_settles(tmp_path: Path) -> None:
    garbling = Pty()
    scale = ScaleSimulator("mt-sics", [mt_sics_line("D", "0.5")])
    config = write_config(
        tmp_path / "bench.toml",
        f'[station]\ndb_url = "sqlite:///{tmp_path}/bench.db"\nprint_to = "{tmp_path}/printed"\n'
        f'[[serial_scanner]]\nname = "fixed"\nport = "{garbling.path}"\nbaud = 9600\n'
        f'[[serial_scanner]]\nname = "hand"\nport = "{tmp_path}/usb-gone"\n'
        f'[scale]\nport = "{scale.path}"\nprotocol = "mt-sics"\nstable_timeout_seconds = 1\n',
    )
    writer = _keep_writing(garbling, bytes([0xF8, 0x80, 0xE6, 0x1E, 0x98, 0x00, 0xFE]), 30)
    try:
        result = run("doctor", "--listen", "1.5", home=tmp_path, config=config)
    finally:
        garbling.close()
        writer.join(5)
        scale.stop()
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "3 check(s) failed"
    assert any(line.startswith("WARN  database sqlite:///") and "empty" in line for line in lines)
    assert any(line.startswith("OK    printer folder:") for line in lines)
    fixed = next(line for line in lines if "scanner fixed" in line)
    assert fixed.startswith("FAIL") and "baud rate or framing is probably wrong (configured 9600 8N1" in fixed
    hand = next(line for line in lines if "scanner hand" in line)
    assert hand.startswith("FAIL") and "usb-gone is missing" in hand
    weighing = next(line for line in lines if "scale scale" in line)
    assert weighing.startswith("FAIL") and "did not settle within 1 s" in weighing


def test_doctor_all_well_reads_scans_and_a_stable_weight(tmp_path: Path) -> None:
    scanner = Pty()
    scale = ScaleSimulator("nci", [nci_frame("0.420", "kg")])
    config = write_config(
        tmp_path / "bench.toml",
        f'[station]\ndb_url = "sqlite:///{tmp_path}/bench.db"\nprint_to = "{tmp_path}/printed"\n'
        f'[[serial_scanner]]\nname = "fixed"\nport = "{scanner.path}"\n'
        f'[scale]\nport = "{scale.path}"\nprotocol = "nci"\n',
    )
    assert run("db", "upgrade", home=tmp_path, config=config).returncode == 0
    writer = _keep_writing(scanner, b"5901234123457\r\n", 30)
    try:
        result = run("doctor", "--listen", "1", home=tmp_path, config=config)
    finally:
        scanner.close()
        writer.join(5)
        scale.stop()
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[-1] == "all checks passed"
    assert any("schema" in line and "(current)" in line for line in lines if line.startswith("OK    database"))
    assert any(line.startswith("OK") and "scan(s): 5901234123457" in line for line in lines)
    assert any(line.startswith("OK") and "stable weight 0.420 kg" in line for line in lines)


def test_doctor_says_which_group_to_join_when_permission_is_denied(tmp_path: Path) -> None:
    pty = Pty()
    config = write_config(
        tmp_path / "bench.toml",
        f'[station]\ndb_url = "sqlite:///{tmp_path}/bench.db"\nprint_to = "{tmp_path}/printed"\n'
        f'[[serial_scanner]]\nname = "fixed"\nport = "{pty.path}"\n',
    )
    prefix: tuple[str, ...] = ()
    if os.geteuid() == 0:
        # Root ignores file permissions: drop its capabilities (it stays uid 0, so it may still run the
        # interpreter under /root) and give the port to another owner, group dialout, mode 0660.
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.fail("setpriv (util-linux) is needed to test permissions as root", pytrace=False)
        os.chown(pty.path, 65534, 20)
        prefix = (setpriv, "--inh-caps=-all", "--bounding-set=-all", "--clear-groups", "--")
        group = "dialout" if _group_name(20) == "dialout" else _group_name(20)
        os.chmod(pty.path, 0o660)
    else:
        group = _group_name(os.stat(pty.path).st_gid)
        os.chmod(pty.path, 0o000)
    try:
        result = run("doctor", home=tmp_path, config=config, prefix=prefix)
    finally:
        pty.close()
    fixed = next(line for line in result.stdout.splitlines() if "scanner fixed" in line)
    assert fixed.startswith("FAIL") and f"permission denied on {pty.path}" in fixed, result.stdout + result.stderr
    assert f"add the user to the group {group}: sudo usermod -aG {group} $USER" in fixed
    assert result.returncode == 1


def _group_name(gid: int) -> str:
    import grp

    return grp.getgrgid(gid).gr_name


def test_cartons_from_the_command_line_and_an_import_file(tmp_path: Path) -> None:
    db = ["--db", f"sqlite:///{tmp_path}/bench.db"]
    added = run(*db, "cartons", "add", "xl", "--size", "600x400x400", "--tare", "0,9", home=tmp_path)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "carton XL (600×400×400 mm, tare 0.9 kg): scan CMD-BOX-XL"
    bad = run(*db, "cartons", "add", "x y", "--size", "1x1", "--tare", "0", home=tmp_path)
    assert bad.returncode == 1 and "--size must be LxWxH" in bad.stderr
    csv = tmp_path / "cartons.csv"
    csv.write_text("carton;length_mm;width_mm;height_mm;tare_kg\nS;250;180;100;0,15\n", encoding="utf-8")
    imported = run(*db, "import", str(csv), home=tmp_path)
    assert imported.returncode == 0 and imported.stdout.strip().endswith("cartons: 1 saved"), imported.stderr
    listed = run(*db, "cartons", "list", "--json", home=tmp_path)
    assert [(c["name"], c["tare_kg"], c["command"]) for c in json.loads(listed.stdout)] == [
        ("S", "0.150", "CMD-BOX-S"),
        ("XL", "0.900", "CMD-BOX-XL"),
    ]
