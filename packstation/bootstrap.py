"""Wiring: configuration, database, printer and renderers. Nothing connects at import time."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine

from packstation.config import Config, ConfigError
from packstation.domain.records import ShipmentDocuments
from packstation.services.bench.bench import Bench
from packstation.services.ports import Documents, Printer, PrinterFactory, Scale, UowFactory

log = logging.getLogger(__name__)


@dataclass
class App:
    """A configured Packstation: its settings, database engine and unit-of-work factory."""

    config: Config
    engine: Engine
    uow: UowFactory

    def bench(self) -> Bench:
        """A bench bound to this station's settings, printers, renderers and scale.

        Its print folders are swept now: a bench killed mid-write left its half document there.
        """
        from packstation.adapters.printers.folder import FolderPrinter

        factory = printers()
        for kind in ("label", "slip"):
            target = self.config.printer_target(kind)
            if target.startswith("folder:"):
                printer = factory(target, kind)
                if isinstance(printer, FolderPrinter):
                    printer.sweep()
        return Bench(self.config, self.uow, documents(), factory, scale(self.config))

    def dispose(self) -> None:
        self.engine.dispose()


def documents() -> Documents:
    """The reportlab renderers, imported on first use so start-up stays fast."""

    def label(doc: ShipmentDocuments, dpi: int) -> bytes:
        from packstation.adapters.labels.shipping_label import render_shipping_label

        return render_shipping_label(doc, dpi)

    def slip(doc: ShipmentDocuments) -> bytes:
        from packstation.adapters.labels.packing_slip import render_packing_slip

        return render_packing_slip(doc)

    def zpl(doc: ShipmentDocuments, dpi: int) -> bytes:
        from packstation.adapters.labels.zpl_label import render_zpl_label

        return render_zpl_label(doc, dpi)

    def pick(doc: ShipmentDocuments) -> bytes:
        from packstation.adapters.labels.packing_slip import render_pick_copy

        return render_pick_copy(doc)

    def batch(items: Sequence[ShipmentDocuments | bytes], dpi: int) -> bytes:
        from packstation.adapters.labels.label_batch import render_label_batch

        return render_label_batch(items, dpi)

    return Documents(shipping_label=label, packing_slip=slip, zpl_label=zpl, pick_copy=pick, label_batch=batch)


def printers() -> PrinterFactory:
    """Printers by configured target, made once each (a folder printer sweeps its leftovers once)."""
    from packstation.adapters.printers.targets import make_printer

    made: dict[tuple[str, str], Printer] = {}
    lock = threading.Lock()

    def printer_for(target: str, kind: str) -> Printer:
        with lock:
            key = (target, kind)
            if key not in made:
                try:
                    made[key] = make_printer(target, kind)
                except ValueError as exc:
                    raise ConfigError(str(exc)) from None
            return made[key]

    return printer_for


def scale(config: Config) -> Scale | None:
    """The station's serial scale, if it has one (its port opens at the first weighing)."""
    if config.scale is None:
        return None
    from packstation.adapters.devices.scale import SerialScale

    return SerialScale(config.scale)


def bootstrap(config: Config, migrate: bool = True) -> App:
    """Open the database (migrating it to this build's schema unless told not to)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from packstation.adapters.db.engine import make_engine
    from packstation.adapters.db.faults import empty_file_fault, fault
    from packstation.adapters.db.migrate import upgrade
    from packstation.adapters.db.unit_of_work import uow_factory

    try:
        engine = make_engine(config.db_url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigError(f"invalid database URL {config.db_url!r}: {exc}") from None
    where = make_url(config.db_url).render_as_string(hide_password=True)
    empty = empty_file_fault(config.db_url)
    if empty is not None:
        engine.dispose()
        raise empty
    if migrate:
        try:
            if upgrade(engine):
                log.info("database migrated url=%s", where)
        except DBAPIError as exc:
            engine.dispose()
            named = fault(exc, config.db_url)
            if named is None:
                raise
            log.error("database fault url=%s code=%s detail=%s", where, named.code, named.params.get("detail"))
            raise named from None
        except Exception:
            engine.dispose()
            raise
    log.info("database open url=%s station=%s", where, config.station)
    return App(config, engine, uow_factory(engine))
