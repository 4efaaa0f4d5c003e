"""People on SQLite and PostgreSQL: the login rule, badge + PIN, the lock after 5 wrong PINs (across benches),
the ``packstation users`` commands, the migration that turns packers into users, and no PIN or PIN hash in
any log line after a whole login and override flow.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import zxingcpp
from sqlalchemy import select, text

from packstation import cli, logs
from packstation.adapters.db.engine import make_engine
from packstation.adapters.db.migrate import head_revision
from packstation.adapters.db.models import User as UserRow
from packstation.domain.settings import LOGIN_REQUIRED
from packstation.domain.users import MAX_PIN_ATTEMPTS, Role
from packstation.services.bench.commands import EndSupervision, EnterPin, OverrideMismatch
from packstation.services.importing import import_batch
from packstation.services.orders_admin import show_order
from packstation.services.settings import set_setting, shared_settings
from packstation.services.users import add_user, list_users
from tests.integration.packing_support import BADGE, MUG_EAN, PACKER, SOAP_EAN, batch, make_app, order

pytestmark = pytest.mark.timeout(120)
SUPERVISOR, SUP_BADGE, PIN, WRONG = "Ewa Nadzorcza", "SUP-7001", "97531864", "86420975"


@pytest.fixture
def app(db_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    application = make_app(db_url, "bench-1", tmp_path / "printed")
    set_setting(application.uow, LOGIN_REQUIRED, "on")  # (make_app switches it off for packing tests)
    import_batch(application.uow, batch(order("P-1", ("SKU-MUG", 2))), "orders.json")
    add_user(application.uow, PACKER, BADGE)
    add_user(application.uow, SUPERVISOR, SUP_BADGE, Role.SUPERVISOR, PIN)
    yield application
    application.dispose()


def run(bench, command):  # type: ignore[no-untyped-def]
    outcome = bench.handle(command)
    assert outcome is not None, command
    return outcome


def test_a_new_database_requires_a_login_and_a_demo_does_not(db_url: str, tmp_path: Path) -> None:
    from packstation import bootstrap, config
    from packstation.services.demo import create_demo

    fresh = bootstrap.bootstrap(config.load(db_url=db_url, station="b", print_to=str(tmp_path)))
    try:
        assert shared_settings(fresh.uow).login_required
        create_demo(fresh.uow)
        assert not shared_settings(fresh.uow).login_required
        demo_roles = {u.badge: u.role for u in list_users(fresh.uow)}
        assert demo_roles == {"PKR-0001": "packer", "PKR-0002": "packer", "PKR-0003": "packer",
                              "SUP-0001": "supervisor"}  # fmt: skip
    finally:
        fresh.dispose()


def test_login_rule_badge_pin_and_roles(app) -> None:  # type: ignore[no-untyped-def]
    bench = app.bench()
    assert bench.scan(MUG_EAN).code == "auth.login_required"
    assert bench.scan("P-1").code == "auth.login_required"
    assert show_order(app.uow, "P-1")["status"] == "new"
    assert bench.scan(BADGE).code == "packer.logged_in"
    assert bench.scan("P-1").kind == "order_opened"
    assert bench.scan(SOAP_EAN).kind == "wrong_item"
    assert run(bench, OverrideMismatch("fine")).code == "auth.supervisor_required"
    assert bench.scan(SUP_BADGE).code == "auth.pin_required"
    assert run(bench, EnterPin(WRONG)).code == "auth.wrong_pin"
    assert run(bench, EnterPin(PIN)).code == "auth.supervisor_in"
    done = run(bench, OverrideMismatch("customer asked"))
    assert (done.code, done.packer, done.supervisor) == ("mismatch.overridden", PACKER, SUPERVISOR)
    mismatch = show_order(app.uow, "P-1")["mismatches"][0]
    assert (mismatch["resolution"], mismatch["resolved_by"]) == ("override", SUPERVISOR)
    assert run(bench, EndSupervision()).supervisor is None


def test_five_wrong_pins_lock_the_badge_at_every_bench(app, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from packstation import bootstrap

    first = app.bench()
    second = bootstrap.App(replace(app.config, station="bench-2"), app.engine, app.uow).bench()
    for attempt in range(MAX_PIN_ATTEMPTS - 1):
        bench = (first, second)[attempt % 2]  # wrong PINs at two benches count together
        assert bench.scan(SUP_BADGE).code == "auth.pin_required"
        assert run(bench, EnterPin(WRONG)).code == "auth.wrong_pin"
    assert second.scan(SUP_BADGE).code == "auth.pin_required"
    assert run(second, EnterPin(WRONG)).code == "auth.locked"
    assert first.scan(SUP_BADGE).code == "auth.locked"
    stored = next(u for u in list_users(app.uow) if u.badge == SUP_BADGE)
    assert stored.locked and stored.failed_pins == MAX_PIN_ATTEMPTS
    assert cli.main(["--db", app.config.db_url, "users", "unlock", SUP_BADGE]) == 0
    assert first.scan(SUP_BADGE).code == "auth.pin_required"
    assert run(first, EnterPin(PIN)).code == "auth.supervisor_in"


def _with_stdin(monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(line + "\n"))


def test_users_commands(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    base = ["--db", db_url]
    assert cli.main([*base, "users", "add", "Anna Kowalska", "PKR-0101"]) == 0
    assert cli.main([*base, "packers", "add", "Jan Nowak", "PKR-0102"]) == 0  # the old name still works
    _with_stdin(monkeypatch, "123")
    assert cli.main([*base, "users", "add", "Ewa", "SUP-0101", "--role", "supervisor"]) == 1
    assert "a PIN has 4 to 8 digits" in capsys.readouterr().err
    _with_stdin(monkeypatch, "4321")
    assert cli.main([*base, "users", "add", "Ewa Nadzorcza", "SUP-0101", "--role", "supervisor"]) == 0
    assert cli.main([*base, "users", "add", "Other", "PKR-0101"]) == 1  # a badge in use
    assert "already in use" in capsys.readouterr().err
    assert cli.main([*base, "users", "disable", "PKR-0102"]) == 0
    _with_stdin(monkeypatch, "87654321")
    assert cli.main([*base, "users", "set-pin", "SUP-0101"]) == 0
    capsys.readouterr()
    assert cli.main([*base, "users", "list", "--json"]) == 0
    listed = {u["badge"]: (u["name"], u["role"], u["active"], u["has_pin"]) for u in json.loads(
        capsys.readouterr().out)}  # fmt: skip
    assert listed == {"PKR-0101": ("Anna Kowalska", "packer", True, False),
                      "PKR-0102": ("Jan Nowak", "packer", False, False),
                      "SUP-0101": ("Ewa Nadzorcza", "supervisor", True, True)}  # fmt: skip
    sheet = tmp_path / "badges.pdf"
    assert cli.main([*base, "users", "badges", "-o", str(sheet)]) == 0
    page = pdfium.PdfDocument(sheet.read_bytes())[0]
    image = page.render(scale=200 / 72).to_pil().convert("L")
    codes = sorted(r.text for r in zxingcpp.read_barcodes(image))
    assert codes == ["PKR-0101", "SUP-0101"]  # active users only
    assert "Badge: Ewa Nadzorcza" in page.get_textpage().get_text_range()
    engine = make_engine(db_url)
    with engine.connect() as conn:
        stored = conn.execute(select(UserRow.pin_hash).where(UserRow.badge == "SUP-0101")).scalar_one()
    engine.dispose()
    assert stored.startswith("scrypt$") and "87654321" not in stored and "4321" not in stored


def test_the_migration_keeps_every_packer_badge(db_url: str) -> None:
    from alembic import command
    from alembic.config import Config

    from packstation.adapters.db import migrate

    engine = make_engine(db_url)
    cfg = Config(str(Path(migrate.__file__).parent / "alembic.ini"))
    cfg.set_main_option("script_location", str(Path(migrate.__file__).parent / "migrations"))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0006")
            conn.execute(text("INSERT INTO packers (name, badge, active) VALUES ('Anna', 'PKR-1', true), "
                              "('Jan', 'PKR-2', false)"))  # fmt: skip
        assert migrate.upgrade(engine)
        with engine.connect() as conn:
            assert migrate.current_revision(conn) == head_revision()
            rows = conn.execute(
                text("SELECT name, badge, active, role, failed_pins, pin_hash FROM users ORDER BY badge")
            )
            assert [tuple(r) for r in rows] == [("Anna", "PKR-1", True, "packer", 0, None),
                                                ("Jan", "PKR-2", False, "packer", 0, None)]  # fmt: skip
    finally:
        engine.dispose()


def test_no_pin_or_pin_hash_in_any_log_line(app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    log_path = logs.setup_logging(verbose=True)  # DEBUG: every command's repr too
    url = app.config.db_url
    _with_stdin(monkeypatch, "24681357")
    assert cli.main(["-v", "--db", url, "users", "add", "Admin Ala", "ADM-0001", "--role", "admin"]) == 0
    bench = app.bench()
    bench.scan(BADGE)
    bench.scan("P-1")
    bench.scan(SOAP_EAN)
    for pin in (WRONG, PIN):
        bench.scan(SUP_BADGE)
        run(bench, EnterPin(pin))
    assert run(bench, OverrideMismatch("ok")).code == "mismatch.overridden"
    run(bench, EndSupervision())
    bench.scan("ADM-0001")
    assert run(bench, EnterPin("24681357")).code == "auth.supervisor_in"
    _with_stdin(monkeypatch, "11223344")
    assert cli.main(["-v", "--db", url, "users", "set-pin", SUP_BADGE]) == 0
    assert cli.main(["-v", "--db", url, "users", "unlock", SUP_BADGE]) == 0
    for handler in logging.getLogger("packstation").handlers:
        handler.flush()
    engine = make_engine(url)
    with engine.connect() as conn:
        hashes = list(conn.execute(select(UserRow.pin_hash).where(UserRow.pin_hash.is_not(None))).scalars())
    engine.dispose()
    assert len(hashes) == 2
    secrets = {PIN, WRONG, "24681357", "11223344"}
    for stored in hashes:
        secrets |= {stored, *stored.split("$")[4:]}  # the hash, its salt and its digest
    written = "".join(p.read_text(encoding="utf-8") for p in log_path.parent.glob("packstation.log*"))
    assert "EnterPin" in written and "wrong pin name=Ewa Nadzorcza" in written  # the flow was logged
    for line in written.splitlines():
        for secret in secrets:
            assert secret not in line, (secret, line)
