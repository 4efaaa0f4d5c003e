"""The command line: ``packstation [-v] [--db URL] [--station NAME] [--config FILE] [--print-to DIR] COMMAND``.

Exit codes: 0 ok, 2 usage error, 1 any other error (one clear line on stderr; the details,
traceback included, in the log file).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from packstation import __version__
from packstation.cli_devices import add_device_commands
from packstation.cli_supervisors import add_supervisor_commands
from packstation.domain.status import Status
from packstation.logs import install_excepthooks, log_file_path, mask_secrets, setup_logging

if TYPE_CHECKING:  # imported when needed: `packstation --help` stays fast
    from packstation.bootstrap import App
    from packstation.config import Config

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="packstation", description="Scan-verified packing station.")
    parser.add_argument("--version", action="version", version=f"packstation {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log in detail, and to stderr too")
    parser.add_argument("--db", metavar="URL", help="database URL (default: SQLite in the user data folder)")
    parser.add_argument("--station", metavar="NAME", help="this bench's name (default: host name)")
    parser.add_argument("--config", metavar="FILE", help="TOML configuration file")
    parser.add_argument("--print-to", metavar="DIR", help="folder printer: write printed documents here")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    demo = sub.add_parser("demo", help="create a demo database and start the bench on it")
    demo.add_argument("--no-run", action="store_true", help="only create the demo data")
    sub.add_parser("run", help="start the packing bench window")

    imp = sub.add_parser("import", help="import orders / products from a CSV or JSON file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--encoding", help="file encoding, e.g. cp1250 (default: UTF-8, BOM allowed)")

    orders = sub.add_parser("orders", help="list, show and mark orders").add_subparsers(
        dest="orders_command", required=True, metavar="ACTION"
    )
    lst = orders.add_parser("list", help="list orders")
    lst.add_argument("--status", choices=[s.value for s in Status])
    lst.add_argument("--json", action="store_true")
    lst.add_argument("--limit", type=_positive, default=1000, help="at most this many (default 1000)")
    lst.add_argument("--offset", type=_natural, default=0, help="skip this many first")
    lst.add_argument("--all", action="store_true", help="every order, however many")
    lst.add_argument("--stuck", action="store_true", help="orders packing at a bench that went silent")
    show = orders.add_parser("show", help="show one order")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    trail = orders.add_parser("trail", help="one order's audit trail: status changes, scans, prints, overrides")
    trail.add_argument("number")
    trail.add_argument("--json", action="store_true")
    mark = orders.add_parser("mark", help="mark a shipped order delivered, or archive it")
    mark.add_argument("number")
    mark.add_argument("status", choices=("delivered", "archived"))
    mark.add_argument("--note", default="")

    label = sub.add_parser("label", help="render an order's shipping label")
    label.add_argument("number")
    label.add_argument("--format", choices=("pdf", "zpl"), default="pdf")
    label.add_argument("--dpi", type=int, choices=(203, 300), default=203)
    label.add_argument("-o", "--output", type=Path, required=True)
    slip = sub.add_parser("slip", help="render an order's packing slip (A4 PDF, the customer's language)")
    slip.add_argument("number")
    slip.add_argument("--pick", action="store_true", help="the warehouse's pick copy (bins, internal note)")
    slip.add_argument("-o", "--output", type=Path, required=True)
    reprint = sub.add_parser("reprint", help="print an order's label or slip again (recorded in its history)")
    reprint.add_argument("number")
    reprint.add_argument("--kind", choices=("label", "slip"), default="label")
    waiting = sub.add_parser("print-waiting", help="print the labels of boxes set aside as one job, in order")
    waiting.add_argument("numbers", nargs="*", help="these orders (default: every box awaiting its label)")

    sheet = sub.add_parser("commands", help="print the command barcodes (and badges) as an A4 PDF")
    sheet.add_argument("-o", "--output", type=Path, required=True)
    sheet.add_argument("--badges", action="store_true", help="add the active packers' badges")

    db = sub.add_parser("db", help="database maintenance").add_subparsers(
        dest="db_command", required=True, metavar="ACTION"
    )
    db.add_parser("upgrade", help="migrate the schema to this version")
    db.add_parser("current", help="print the schema revision")
    db.add_parser("check", help="check the database's integrity and schema")
    backup = db.add_parser("backup", help="back up an SQLite database (prints pg_dump instructions for PostgreSQL)")
    backup.add_argument("-o", "--output", type=Path, help="the backup file (default: <data folder>/backups/…)")
    restore = db.add_parser("restore", help="replace an SQLite database with a backup (the current one is kept)")
    restore.add_argument("file", type=Path)
    restore.add_argument("--force", action="store_true", help="even while benches seem to be running")

    add_supervisor_commands(sub)
    add_device_commands(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    setup_logging(args.verbose)
    install_excepthooks()
    command = _command_name(args)
    # The --db URL's password is masked by the log filter; a badge is a credential of its own.
    shown = _loggable_argv(sys.argv[1:] if argv is None else argv, args)
    log.info("command started command=%s version=%s argv=%r", command, __version__, shown)
    started = time.monotonic()
    code = 1
    try:
        code = _main(args)
        return code
    finally:
        log.info("command finished command=%s exit=%d seconds=%.3f", command, code, time.monotonic() - started)


def _main(args: argparse.Namespace) -> int:
    from packstation.domain.errors import DomainError

    try:
        code = _dispatch(args)
        sys.stdout.flush()  # a reader that left shows up here, not in Python's flush at exit
        return code
    except BrokenPipeError:
        return _reader_left()
    except DomainError as error:
        log.error("command failed error=%s", error)
        _fail(str(error))
    except (OSError, ValueError) as error:
        log.error("command failed error=%s", error, exc_info=True)
        _fail(str(error))
    except KeyboardInterrupt:
        log.info("command interrupted")
        _fail("interrupted")
    except Exception as error:  # a bug: one line here, the traceback in the log
        log.critical("command crashed error=%r", error, exc_info=True)
        where = log_file_path()
        _fail(f"unexpected error: {type(error).__name__}: {error}" + (f" (details in {where})" if where else ""))
    return 1


def _reader_left() -> int:
    """``packstation orders show … | head``: the reader had enough. Not an error, and nothing to say."""
    log.info("stdout closed by its reader")
    try:
        # Python flushes stdout once more at exit: point it at /dev/null so that flush cannot fail too.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real stdout (an embedding host): nothing left to protect
        pass
    return 0


def _fail(message: str) -> None:
    print(f"packstation: {mask_secrets(message)}", file=sys.stderr)


def _command_name(args: argparse.Namespace) -> str:
    action = getattr(args, f"{args.command}_command", None)  # "orders list", "db upgrade", ...
    return f"{args.command} {action}" if action else args.command


def _loggable_argv(argv: list[str], args: argparse.Namespace) -> list[str]:
    badge = getattr(args, "badge", None)
    return ["***" if badge is not None and part == badge else part for part in argv]


def _dispatch(args: argparse.Namespace) -> int:
    from packstation import bootstrap, config

    cfg = config.load(args.config, args.db, args.station, args.print_to)
    if args.command == "db":
        return _db(args, cfg)
    if args.command in ("devices", "doctor"):  # no database needed (doctor checks it itself)
        from packstation.cli_devices import run_device_command

        return run_device_command(args, cfg)
    app = bootstrap.bootstrap(cfg)
    try:
        return _command(args, app)
    finally:
        app.dispose()


def _command(args: argparse.Namespace, app: App) -> int:
    from packstation.services import demo, orders_admin

    if args.command == "demo":
        report = demo.create_demo(app.uow)
        print(f"demo database ready at {app.config.db_url}" + (f" ({report.summary()})" if report else ""))
        _demo_pictures(offscreen=args.no_run)
        return 0 if args.no_run else _run_gui(app)
    if args.command == "run":
        return _run_gui(app)
    if args.command == "import":
        from packstation.adapters.importers import parse_import_file
        from packstation.services.importing import import_batch

        batch = parse_import_file(args.file, encoding=args.encoding)
        print(f"{args.file}: {import_batch(app.uow, batch, args.file.name, app.config.station).summary()}")
        return 0
    if args.command == "orders":
        return _orders(args, app)
    if args.command in ("label", "slip", "reprint", "print-waiting"):
        return _printing(args, app)
    if args.command == "commands":
        from packstation.adapters.labels.command_sheet import render_command_sheet

        entries = orders_admin.command_sheet_entries(app.uow, args.badges)
        args.output.write_bytes(render_command_sheet(entries))
        print(f"{args.output}: {len(entries)} barcodes")
        return 0
    if args.command == "cartons":
        from packstation.cli_devices import run_carton_command

        return run_carton_command(args, app)
    if args.command in ("users", "packers", "settings", "report"):
        from packstation.cli_supervisors import run_supervisor_command

        return run_supervisor_command(args, app)
    raise ValueError(f"unknown command {args.command}")


def _list_orders(args: argparse.Namespace, app: App) -> int:
    """Print a page of orders; say on stderr when the list stops before the end."""
    from packstation.services import orders_admin

    ttl = app.config.claim_ttl_seconds
    if args.stuck:
        rows = orders_admin.stuck_orders(app.uow, ttl)
        total, offset = len(rows), 0
    else:
        limit = 2**62 if args.all else args.limit
        statuses = (Status(args.status),) if args.status else ()
        page = orders_admin.list_orders(app.uow, statuses, limit=limit, offset=args.offset, claim_ttl_seconds=ttl)
        rows, total, offset = page.rows, page.total, page.offset
    if args.json:
        print(json.dumps([r.as_dict() for r in rows], ensure_ascii=False, indent=1))
    else:
        for r in rows:
            held = ""
            if r.station or r.claim_expired:
                silent = f", silent: resumes at {r.scanned}/{r.units}" if r.claim_expired else ""
                held = f"  [{r.station or 'no bench'}{silent}]"
            print(f"{r.number:<14} {r.status:<10} {r.units:>4}  {r.customer}, {r.city}{held}")
    if offset + len(rows) < total:
        print(
            f"packstation: showing orders {offset + 1}-{offset + len(rows)} of {total}; "
            f"use --offset {offset + len(rows)} for more, or --all",
            file=sys.stderr,
        )
    return 0


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _natural(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def _printing(args: argparse.Namespace, app: App) -> int:
    from packstation import bootstrap
    from packstation.services import orders_admin, print_admin

    documents = bootstrap.documents()
    if args.command in ("label", "slip"):
        docs = orders_admin.label_documents(app.uow, args.number, app.config)
        if args.command == "slip":
            assert documents.pick_copy is not None
            args.output.write_bytes((documents.pick_copy if args.pick else documents.packing_slip)(docs))
        else:
            carrier = orders_admin.carrier_label(app.uow, args.number)
            if carrier is not None:  # the carrier's own label, as it is: never redrawn or converted
                if carrier.format != args.format:
                    raise ValueError(f"order {args.number} has the carrier's own label in {carrier.format}, not "
                                     f"{args.format}: use --format {carrier.format}")  # fmt: skip
                args.output.write_bytes(carrier.document)
            else:
                assert documents.zpl_label is not None
                render = documents.zpl_label if args.format == "zpl" else documents.shipping_label
                args.output.write_bytes(render(docs, args.dpi))
        print(f"{args.output}: {args.command} for {args.number}, tracking {docs.tracking_number}")
        return 0
    printers = bootstrap.printers()
    if args.command == "reprint":
        done = print_admin.reprint(app.uow, args.number, args.kind, app.config, documents, printers, "cli")
        print(f"{args.number}: {args.kind} reprint {done.state}" + (f" ({done.error})" if done.error else ""))
        return 0 if done.state == "printed" else 1
    batch = print_admin.print_waiting_labels(app.uow, app.config, documents, printers, "cli", args.numbers)
    print(f"{len(batch.numbers)} waiting label(s) {batch.state}: {' '.join(batch.numbers)}" + (
        f" ({batch.error})" if batch.error else ""))  # fmt: skip
    return 0 if batch.state == "printed" else 1


def _orders(args: argparse.Namespace, app: App) -> int:
    from packstation.services import orders_admin

    if args.orders_command == "list":
        return _list_orders(args, app)
    if args.orders_command == "show":
        doc = orders_admin.show_order(app.uow, args.number)
        if args.json:
            print(json.dumps(doc, ensure_ascii=False, indent=1))
        else:
            _print_order(doc)
        return 0
    if args.orders_command == "trail":
        from packstation.services.audit import order_trail, trail_dicts

        entries = trail_dicts(order_trail(app.uow, args.number))
        if args.json:
            print(json.dumps(entries, ensure_ascii=False, indent=1))
        for e in [] if args.json else entries:
            details = " ".join(f"{k}={v}" for k, v in e.items() if k not in ("at", "kind", "code", "who", "station")
                               and v not in (None, "", 0))  # fmt: skip
            print(f"{e['at']}  {e['kind']:<10} {e['code']:<28} {e['who']} @ {e['station']}  {details}".rstrip())
        return 0
    previous = orders_admin.mark_order(
        app.uow, args.number, Status(args.status), who="cli", station=app.config.station, note=args.note
    )
    print(f"{args.number}: {previous} -> {args.status}")
    return 0


def _print_order(doc: dict) -> None:
    print(f"{doc['number']}  {doc['status']}  {doc['customer']['name']}, {doc['shipping_address']['city']}")
    for line in doc["lines"]:
        print(f"  {line['sku']:<10} {line['scanned']:>3}/{line['quantity']:<3} {line['name']}")
    for m in doc["mismatches"]:
        print(f"  mismatch {m['kind']} {m['code']} {'resolved' if m['resolved'] else 'OPEN'}")
    for p in doc["parcels"]:
        print(f"  parcel {p['tracking_number']}: {', '.join(p['documents'])}")
    for h in doc["history"]:
        print(f"  {h['at']} {h['from']} -> {h['to']} by {h['who']} at {h['station']} {h['note']}".rstrip())


def _db(args: argparse.Namespace, cfg: Config) -> int:
    from sqlalchemy.exc import DBAPIError

    from packstation import bootstrap
    from packstation.adapters.db.faults import fault

    if args.db_command == "restore":
        return _db_restore(args, cfg)
    app = bootstrap.bootstrap(cfg, migrate=args.db_command == "upgrade")
    try:
        return _db_action(args, app)
    except DBAPIError as exc:
        named = fault(exc, cfg.db_url)
        if named is None:
            raise
        raise named from None
    finally:
        app.dispose()


def _db_action(args: argparse.Namespace, app: App) -> int:
    from packstation import paths
    from packstation.adapters.db import maintenance
    from packstation.adapters.db.faults import sqlite_path
    from packstation.adapters.db.migrate import current_revision, head_revision

    url = app.config.db_url
    if args.db_command == "backup":
        if sqlite_path(url) is None:
            print(maintenance.pg_instructions(url, "backup"))
            return 0
        now = datetime.now()
        target = args.output or maintenance.default_backup_path(paths.data_dir() / "backups", now)
        made = maintenance.backup(url, target)
        print(f"backup: {made} ({made.stat().st_size} bytes)")
        return 0
    if args.db_command == "check":
        report = maintenance.check(app.engine, url)
        print("\n".join(report.lines))
        print("database: OK" if report.ok else "database: PROBLEMS (see above)")
        return 0 if report.ok else 1
    with app.engine.connect() as conn:
        print(f"schema {current_revision(conn)} (this build: {head_revision()})")
    return 0


def _db_restore(args: argparse.Namespace, cfg: Config) -> int:
    """Restore an SQLite backup, refused while a bench is running on the database (unless --force)."""
    from packstation import bootstrap, paths
    from packstation.adapters.db import maintenance
    from packstation.adapters.db.faults import sqlite_path
    from packstation.domain.errors import DomainError
    from packstation.services.benches import live_benches

    if sqlite_path(cfg.db_url) is None:
        print(maintenance.pg_instructions(cfg.db_url, "restore"))
        return 0
    app = bootstrap.bootstrap(cfg, migrate=False)
    try:
        running = live_benches(app.uow, cfg.claim_ttl_seconds)
    except DomainError:
        running = ()  # the database to replace may be the damaged one: nothing can be asked of it
    finally:
        app.dispose()
    if running and not args.force:
        names = ", ".join(f"{b.identity.station} on {b.identity.host}" for b in running)
        raise DomainError(f"benches are running on this database ({names}): stop them first, or use --force",
                          code="storage.restore_refused")  # fmt: skip
    safety = maintenance.restore(cfg.db_url, args.file, paths.data_dir() / "backups", datetime.now())
    bootstrap.bootstrap(cfg).dispose()  # an older backup is migrated to this build's schema at once
    print(f"restored {args.file}; the database as it was is kept in {safety}")
    return 0


def _demo_pictures(offscreen: bool) -> None:
    """Draw a picture of every demo product (with Qt, offline) into the data folder."""
    from packstation.gui.app import application
    from packstation.gui.pictures import draw_demo_pictures
    from packstation.services.demo import demo_batch

    application(offscreen=offscreen)  # the window's own QApplication, or one without a display
    drawn = draw_demo_pictures((p.sku, p.name, p.image_path) for p in demo_batch().products)
    print(f"{drawn} product pictures drawn")


def _run_gui(app: App) -> int:
    from packstation.gui.app import run

    return run(app)
