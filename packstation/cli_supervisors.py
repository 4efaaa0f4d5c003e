"""The command line for people, shared rules and reports: ``packstation users|settings|report …``.

A PIN is never an argument (the command line is logged, and shell history keeps it): it is typed
at a prompt, or read as one line from standard input when that is not a terminal.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from packstation.domain.reports import REPORT_KINDS

if TYPE_CHECKING:
    from packstation.bootstrap import App
    from packstation.domain.users import User

ROLES = ("packer", "supervisor", "admin")
DEFAULT_DAYS = 30


def add_supervisor_commands(sub: argparse._SubParsersAction) -> None:
    """``users``, ``settings`` and ``report`` (and the old ``packers add``)."""
    users = sub.add_parser("users", help="people, their badges, roles and PINs").add_subparsers(
        dest="users_command", required=True, metavar="ACTION"
    )
    add = users.add_parser("add", help="add a packer (badge) or a supervisor / admin (badge + PIN, prompted)")
    add.add_argument("name")
    add.add_argument("badge")
    add.add_argument("--role", choices=ROLES, default="packer")
    listing = users.add_parser("list", help="every user with role, state and whether the badge is locked")
    listing.add_argument("--json", action="store_true")
    for action, words in (("disable", "a badge logs nobody in any more (its history stays)"),
                          ("enable", "a disabled badge works again"),
                          ("set-pin", "give a user a new PIN (prompted; unlocks the badge)"),
                          ("unlock", "unlock a badge locked after 5 wrong PINs")):  # fmt: skip
        users.add_parser(action, help=words).add_argument("badge")
    badges = users.add_parser("badges", help="an A4 PDF sheet of badge barcodes")
    badges.add_argument("-o", "--output", type=Path, required=True)
    badges.add_argument("--role", choices=ROLES, action="append", help="only these roles (repeatable)")

    packers = sub.add_parser("packers", help="(old name) add a packer badge: users add").add_subparsers(
        dest="packers_command", required=True, metavar="ACTION"
    )
    old = packers.add_parser("add", help="add a packer with a badge barcode (same as users add)")
    old.add_argument("name")
    old.add_argument("badge")

    settings = sub.add_parser("settings", help="rules every bench on this database follows").add_subparsers(
        dest="settings_command", required=True, metavar="ACTION"
    )
    settings.add_parser("list", help="every rule, its value and default")
    change = settings.add_parser("set", help="set a rule on or off")
    change.add_argument("name")
    change.add_argument("value", help="on | off")

    report = sub.add_parser("report", help="the mismatch report and the packer statistics").add_subparsers(
        dest="report_command", required=True, metavar="REPORT"
    )
    for name, words in (("mismatches", "every mismatch: expected vs scanned, kind, how it ended and by whom"),
                        ("packers", "orders and units per hour, median time per order, mismatch rate")):  # fmt: skip
        one = report.add_parser(name, help=words)
        one.add_argument("--since", type=date.fromisoformat, help=f"first local day (default: {DEFAULT_DAYS} days ago)")
        one.add_argument("--until", type=date.fromisoformat, help="last local day, included (default: today)")
        one.add_argument("--station")
        one.add_argument("--packer")
        one.add_argument("--format", choices=("csv", "json", "pdf"), required=True)
        one.add_argument("-o", "--output", type=Path, help="the file (default: standard output; pdf needs a file)")
        if name == "mismatches":
            one.add_argument("--sku")
            one.add_argument("--kind", choices=REPORT_KINDS)
        else:
            one.add_argument("--by", choices=("day", "shift"), default="day", help="per local day or configured shift")


def run_supervisor_command(args: argparse.Namespace, app: App) -> int:
    if args.command == "report":
        return _report(args, app)
    if args.command == "settings":
        return _settings(args, app)
    if args.command == "packers":
        args.role = "packer"
    return _users(args, app)


def _read_pin(prompt: str) -> str:
    """A PIN typed at a prompt (not echoed), or one line of standard input when it is not a terminal."""
    if sys.stdin.isatty():
        first = getpass.getpass(prompt)
        if getpass.getpass("Again: ") != first:
            raise ValueError("the two PINs differ")
        return first
    return sys.stdin.readline().strip()


def _users(args: argparse.Namespace, app: App) -> int:
    from packstation.domain.users import Role
    from packstation.services import users

    action = getattr(args, "users_command", None) or "add"
    if action == "add":
        role = Role(args.role)
        pin = _read_pin(f"PIN for {args.name}: ") if role.supervises else None
        user = users.add_user(app.uow, args.name, args.badge, role, pin)
        print(f"{user.role} {user.name} added with badge {user.badge}")
        return 0
    if action == "list":
        found = users.list_users(app.uow)
        if args.json:
            print(json.dumps([_user_dict(u) for u in found], ensure_ascii=False, indent=1))
        for u in [] if args.json else found:
            state = "disabled" if not u.active else "LOCKED" if u.locked else "active"
            print(f"{u.name:<28} {u.badge:<16} {u.role:<10} {state:<8} {'PIN' if u.has_pin else ''}".rstrip())
        return 0
    if action == "badges":
        from packstation.adapters.labels.command_sheet import render_command_sheet

        roles = tuple(Role(r) for r in args.role or ())
        entries = users.badge_entries(app.uow, roles)
        args.output.write_bytes(render_command_sheet(entries, title="Packstation — badges"))
        print(f"{args.output}: {len(entries)} badge(s)")
        return 0
    if action == "set-pin":
        user = users.set_pin(app.uow, args.badge, _read_pin("New PIN: "))
        print(f"PIN of {user.name} changed")
        return 0
    changed = {"disable": lambda: users.set_active(app.uow, args.badge, False),
               "enable": lambda: users.set_active(app.uow, args.badge, True),
               "unlock": lambda: users.unlock(app.uow, args.badge)}[action]()  # fmt: skip
    print(f"{changed.name}: {action}d")
    return 0


def _user_dict(user: User) -> dict[str, object]:
    return {"name": user.name, "badge": user.badge, "role": str(user.role), "active": user.active,
            "has_pin": user.has_pin, "locked": user.locked, "failed_pins": user.failed_pins}  # fmt: skip


def _settings(args: argparse.Namespace, app: App) -> int:
    from packstation.services import settings

    if args.settings_command == "set":
        value = settings.set_setting(app.uow, args.name, args.value)
        print(f"{args.name} = {'on' if value else 'off'}")
        return 0
    for name, value, default, what in settings.settings_table(app.uow):
        print(f"{name:<26} {'on' if value else 'off':<4} (default {'on' if default else 'off'})  {what}")
    return 0


def _report(args: argparse.Namespace, app: App) -> int:
    from packstation.adapters.reports import exports, pdf
    from packstation.domain.reports import Period, ReportFilter
    from packstation.services import reports

    zone = app.config.zone
    until = args.until or date.today()
    since = args.since or until - timedelta(days=DEFAULT_DAYS - 1)
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    start, end = reports.local_day_bounds(zone, since, until)
    where = ReportFilter(start, end, args.station or "", args.packer or "", getattr(args, "sku", None) or "",
                         getattr(args, "kind", None) or "")  # fmt: skip
    if args.format == "pdf" and args.output is None:
        raise ValueError("--format pdf needs -o FILE")
    if args.report_command == "mismatches":
        found = reports.mismatch_report(app.uow, where, zone)
        render = {"csv": lambda: exports.mismatches_csv(found, zone),
                  "json": lambda: exports.mismatches_json(found, zone),
                  "pdf": lambda: pdf.render_mismatch_report(found, zone)}  # fmt: skip
        summary = f"{len(found.rows)} mismatch(es)"
    else:
        if args.by == "shift" and not app.config.shifts:
            raise ValueError("--by shift needs [[shift]] tables in the configuration file")
        period = Period(zone, app.config.shifts, args.by == "shift")
        stats = reports.packer_statistics(app.uow, where, period)
        render = {"csv": lambda: exports.packers_csv(stats), "json": lambda: exports.packers_json(stats, zone),
                  "pdf": lambda: pdf.render_packer_statistics(stats)}  # fmt: skip
        summary = f"{len(stats.rows)} row(s)"
    data = render[args.format]()
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.output.write_bytes(data)
        print(f"{args.output}: {summary}, {since} to {until}", file=sys.stderr)
    return 0
