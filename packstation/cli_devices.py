"""``packstation devices list|listen|weigh`` and ``packstation doctor``: an installer's tools, no GUI.

- ``devices list [--json]``: the machine's serial ports with their stable ``/dev/serial/by-id`` names;
- ``devices listen --serial PORT [--baud N] [--json] [--count N]``: every scan a serial scanner
  sends, decoded as the bench decodes it (one JSON object a line with ``--json``);
- ``devices weigh --scale PORT --protocol mt-sics|nci [--json]``: one stable weight;
- ``doctor [--listen SECONDS]``: the database, the printer, every configured scanner and scale;
- ``cartons list [--json]``, ``cartons add NAME --size LxWxH --tare KG [--barcode CODE]``: the boxes.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from packstation.adapters.devices.serial_scanner import DeviceEvent
    from packstation.bootstrap import App
    from packstation.config import Config
    from packstation.domain.parcels import Carton


def add_device_commands(sub: argparse._SubParsersAction) -> None:
    """The ``devices`` and ``doctor`` subcommands."""
    devices = sub.add_parser("devices", help="serial scanners and scales: list, listen, weigh").add_subparsers(
        dest="devices_command", required=True, metavar="ACTION"
    )
    listing = devices.add_parser("list", help="list the serial ports of this machine")
    listing.add_argument("--json", action="store_true")
    listen = devices.add_parser("listen", help="print every scan a serial scanner sends")
    listen.add_argument("--serial", metavar="PORT", help="the port (default: the first configured serial scanner)")
    listen.add_argument("--count", type=int, default=0, help="stop after this many scans")
    listen.add_argument("--seconds", type=float, default=0, help="stop after this long")
    weigh = devices.add_parser("weigh", help="print one stable weight of a serial scale")
    weigh.add_argument("--scale", metavar="PORT", help="the port (default: the configured scale)")
    weigh.add_argument("--protocol", choices=("mt-sics", "nci"), help="default: the configured one, else mt-sics")
    weigh.add_argument("--timeout", type=float, help="seconds to wait for a stable weight")
    for parser in (listen, weigh):
        parser.add_argument("--baud", type=int, help="baud rate (default: as configured, else 9600)")
        parser.add_argument("--json", action="store_true", help="JSON output")
    doctor = sub.add_parser("doctor", help="check every configured device, the printer and the database")
    doctor.add_argument("--listen", type=float, default=0, metavar="SECONDS", help="listen to each serial scanner")
    cartons = sub.add_parser("cartons", help="the catalogue of boxes (CMD-BOX-<name>)").add_subparsers(
        dest="cartons_command", required=True, metavar="ACTION"
    )
    cartons.add_parser("list", help="list the cartons").add_argument("--json", action="store_true")
    add = cartons.add_parser("add", help="add a carton, or replace the one of that name")
    add.add_argument("name", help="scanned as CMD-BOX-<NAME>")
    add.add_argument("--size", required=True, metavar="LxWxH", help="inner size in mm, e.g. 350x250x150")
    add.add_argument("--tare", required=True, metavar="KG", help="the empty box's weight in kg, e.g. 0.3")
    add.add_argument("--barcode", default="", help="a barcode printed on the carton itself")


def run_device_command(args: argparse.Namespace, config: Config) -> int:
    if args.command == "doctor":
        from packstation.doctor import report, run_doctor

        text, ok = report(run_doctor(config, args.listen))
        print(text)
        return 0 if ok else 1
    if args.devices_command == "list":
        return _list(args, config)
    if args.devices_command == "listen":
        return _listen(args, config)
    return _weigh(args, config)


def _list(args: argparse.Namespace, config: Config) -> int:
    from packstation.adapters.devices.serial_ports import list_serial_ports

    configured = tuple(s.serial.port for s in config.serial_scanners)
    if config.scale is not None:
        configured += (config.scale.serial.port,)
    ports = list_serial_ports(configured)
    if args.json:
        print(json.dumps([p.as_dict() for p in ports], indent=1))
        return 0
    if not ports:
        print("no serial ports found")
    for port in ports:
        stable = f"  ({port.stable_name})" if port.stable_name else ""
        print(f"{port.device:<16} {port.description}{stable}")
    return 0


def _listen(args: argparse.Namespace, config: Config) -> int:
    from dataclasses import replace

    from packstation.adapters.devices.serial_scanner import SerialScanner
    from packstation.config import SerialPortSettings, SerialScannerSettings
    from packstation.domain.scan_decoding import decode_scan

    base = config.serial_scanners[0] if config.serial_scanners else None
    if args.serial is None and base is None:
        raise ValueError("devices listen needs --serial PORT (no [[serial_scanner]] is configured)")
    settings = base or SerialScannerSettings("listen", SerialPortSettings(args.serial))
    port = replace(settings.serial, port=args.serial or settings.serial.port)
    if args.baud:
        port = replace(port, baudrate=args.baud)
    scans: queue.Queue[str] = queue.Queue()
    scanner = SerialScanner(replace(settings, serial=port), scans.put, lambda e: _say(e, port.framing))
    scanner.start()
    seen, deadline = 0, time.monotonic() + args.seconds if args.seconds else None
    try:
        while not args.count or seen < args.count:
            if deadline is not None and time.monotonic() >= deadline:
                break
            try:
                text = scans.get(timeout=0.1)
            except queue.Empty:
                continue
            seen += 1
            decoded = decode_scan(text, config.gs1_separator)
            fields = decoded.as_dict()
            print(json.dumps(fields, ensure_ascii=False) if args.json else _human(fields), flush=True)
    except KeyboardInterrupt:
        pass  # Ctrl+C is how a listen ends
    finally:
        scanner.stop()
    return 0


def _say(event: DeviceEvent, framing: str) -> None:
    """Device states go to stderr, so ``--json`` output stays one scan a line."""
    reason = f": {event.reason}" if event.reason else ""
    extra = f" (dropped unfinished scan {event.discarded!r})" if event.discarded else ""
    print(f"[{event.state}] {event.port} {framing}{reason}{extra}", file=sys.stderr, flush=True)


def _human(fields: dict[str, str | int | None]) -> str:
    return "  ".join(f"{key}={value}" for key, value in fields.items() if value is not None)


def _weigh(args: argparse.Namespace, config: Config) -> int:
    from dataclasses import replace

    from packstation.adapters.devices.scale import SerialScale
    from packstation.config import ScaleSettings, SerialPortSettings
    from packstation.domain.weights import grams

    base = config.scale
    if args.scale is None and base is None:
        raise ValueError("devices weigh needs --scale PORT (no [scale] is configured)")
    settings = base or ScaleSettings(SerialPortSettings(args.scale))
    port = replace(
        settings.serial, port=args.scale or settings.serial.port, baudrate=args.baud or settings.serial.baudrate
    )
    settings = replace(settings, serial=port, protocol=args.protocol or settings.protocol)
    scale = SerialScale(settings)
    try:
        kg = grams(scale.stable_weight(args.timeout))
    finally:
        scale.close()
    if args.json:
        print(json.dumps({"kg": str(kg), "port": port.port, "protocol": settings.protocol}))
    else:
        print(f"{kg} kg")
    return 0


def run_carton_command(args: argparse.Namespace, app: App) -> int:
    from decimal import Decimal, InvalidOperation

    from packstation.domain.parcels import Carton
    from packstation.services.orders_admin import cartons, save_carton

    if args.cartons_command == "list":
        found = cartons(app.uow)
        if args.json:
            print(json.dumps([_carton_row(c) for c in found], indent=1))
        for c in () if args.json else found:
            print(f"{c.name:<8} {c.size:<20} tare {c.tare_kg} kg  {c.command}{'  ' + c.barcode if c.barcode else ''}")
        return 0
    try:
        length, width, height = (int(part) for part in args.size.lower().replace("×", "x").split("x"))
        tare = Decimal(args.tare.replace(",", "."))
    except (ValueError, InvalidOperation):
        raise ValueError(f"--size must be LxWxH in mm (e.g. 350x250x150) and --tare a weight in kg, got "
                         f"{args.size!r} and {args.tare!r}") from None  # fmt: skip
    carton = Carton(args.name.upper(), length, width, height, tare, args.barcode)
    save_carton(app.uow, carton)
    print(f"carton {carton.name} ({carton.size}, tare {carton.tare_kg} kg): scan {carton.command}")
    return 0


def _carton_row(carton: Carton) -> dict[str, str | int | None]:
    """The ``cartons list --json`` contract."""
    c = carton
    return {"name": c.name, "length_mm": c.length_mm, "width_mm": c.width_mm, "height_mm": c.height_mm,
            "tare_kg": str(c.tare_kg), "barcode": c.barcode or None, "command": c.command}  # fmt: skip
