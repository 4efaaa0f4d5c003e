"""Proof, for the type checker, that the adapters implement the services' ports.

Each function hands an adapter to a port-typed return, so ``mypy`` fails when an adapter
misses a method of its Protocol or types one differently (Protocols are structural: nothing
else would notice until a bench called it). Nothing here runs: the body exists only while
type checking, so importing this module costs nothing and cannot create an import cycle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine

    from packstation.adapters.db.unit_of_work import SqlUnitOfWork, uow_factory
    from packstation.adapters.devices.scale import SerialScale
    from packstation.adapters.labels.packing_slip import render_packing_slip
    from packstation.adapters.labels.shipping_label import render_shipping_label
    from packstation.adapters.labels.zpl_label import render_zpl_label
    from packstation.adapters.memory.store import MemoryStore
    from packstation.adapters.printers.cups import CupsPrinter
    from packstation.adapters.printers.folder import FolderPrinter
    from packstation.adapters.printers.targets import make_printer
    from packstation.adapters.printers.tcp import TcpPrinter
    from packstation.config import ScaleSettings
    from packstation.services.ports import DocumentRenderer, LabelRenderer, Printer, Scale, UnitOfWork, UowFactory

    def sql_unit_of_work(engine: Engine) -> UnitOfWork:
        return SqlUnitOfWork(engine)

    def sql_factory(engine: Engine) -> UowFactory:
        return uow_factory(engine)

    def memory_unit_of_work(store: MemoryStore) -> UnitOfWork:
        return store.unit_of_work()

    def memory_factory(store: MemoryStore) -> UowFactory:
        return store.unit_of_work

    def folder_printer(directory: Path) -> Printer:
        return FolderPrinter(directory)

    def renderers() -> tuple[LabelRenderer, LabelRenderer, DocumentRenderer]:
        return render_shipping_label, render_zpl_label, render_packing_slip

    def printers(target: str) -> tuple[Printer, Printer, Printer]:
        return CupsPrinter(target), TcpPrinter(target), make_printer(target)

    def serial_scale(settings: ScaleSettings) -> Scale:
        return SerialScale(settings)
