"""The architecture boundary of DESIGN.md, enforced by reading every module's imports with ``ast``.

- only ``packstation/gui`` imports PySide6;
- ``packstation/domain`` is plain Python: no SQLAlchemy, Alembic, Qt, reportlab, adapters,
  services or GUI;
- ``packstation/services`` talks to storage and devices through ports only: no adapters,
  GUI, SQLAlchemy, Qt or reportlab.

Imports inside functions count too: a lazy import still crosses the boundary.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "packstation"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Absolute names of everything ``path`` imports (relative imports resolved)."""
    return _imports_in(path.read_text(encoding="utf-8"), _module_name(path), path.name == "__init__.py")


def _imports_in(source: str, module: str, is_package: bool = False) -> set[str]:
    tree = ast.parse(source)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.split(".")
                drop = node.level - 1 if is_package else node.level
                base = base[: len(base) - drop] if drop else base
                prefix = ".".join(base)
                target = f"{prefix}.{node.module}" if node.module else prefix
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _hits(imports: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(name for name in imports if any(name == f or name.startswith(f + ".") for f in forbidden))


def _under(path: Path, sub: str) -> bool:
    return path.relative_to(PACKAGE).parts[0] == sub


def test_the_walk_sees_the_whole_package() -> None:
    names = {p.relative_to(PACKAGE).as_posix() for p in _modules()}
    for expected in (
        "domain/status.py",
        "domain/verification.py",
        "services/bench/bench.py",
        "adapters/db/models.py",
        "bootstrap.py",
        "cli.py",
    ):
        assert expected in names
    # the walker resolves relative imports and sees lazy imports inside functions
    assert "packstation.adapters.labels.shipping_label" in _imports(PACKAGE / "bootstrap.py")


def test_relative_imports_are_resolved() -> None:
    imports = _imports(PACKAGE / "adapters" / "printers" / "folder.py")
    assert "packstation.adapters.printers.errors" in imports


def test_only_gui_imports_pyside6() -> None:
    offenders = {
        p.relative_to(PACKAGE).as_posix(): _hits(_imports(p), ("PySide6", "shiboken6"))
        for p in _modules()
        if not _under(p, "gui")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


DOMAIN_FORBIDDEN = (
    "sqlalchemy",
    "alembic",
    "PySide6",
    "shiboken6",
    "reportlab",
    "psycopg",
    "serial",
    "packstation.adapters",
    "packstation.services",
    "packstation.gui",
    "packstation.bootstrap",
    "packstation.cli",
)
SERVICES_FORBIDDEN = (
    "packstation.adapters",
    "packstation.gui",
    "packstation.bootstrap",
    "packstation.cli",
    "sqlalchemy",
    "alembic",
    "PySide6",
    "shiboken6",
    "reportlab",
    "psycopg",
    "serial",
)


@pytest.mark.parametrize(("layer", "forbidden"), [("domain", DOMAIN_FORBIDDEN), ("services", SERVICES_FORBIDDEN)])
def test_layer_imports_only_what_it_may(layer: str, forbidden: tuple[str, ...]) -> None:
    files = [p for p in _modules() if _under(p, layer)]
    assert files, f"no modules under packstation/{layer}"
    offenders = {p.relative_to(PACKAGE).as_posix(): _hits(_imports(p), forbidden) for p in files}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_checker_catches_a_violation() -> None:
    # Guard against a checker that can never fail: lazy, relative and aliased imports all count.
    source = (
        "import os\n"
        "from sqlalchemy.orm import Session\n"
        "def later():\n"
        "    import PySide6.QtCore as qc\n"
        "    from ..adapters.db import models\n"
        "    from . import verification\n"
    )
    imports = _imports_in(source, "packstation.domain.sample")
    assert _hits(imports, DOMAIN_FORBIDDEN) == [
        "PySide6.QtCore",
        "packstation.adapters.db",
        "packstation.adapters.db.models",
        "sqlalchemy.orm",
        "sqlalchemy.orm.Session",
    ]
    assert "packstation.domain.verification" in imports
    assert _hits({"sqlalchemy_utils", "serialize", "os"}, DOMAIN_FORBIDDEN) == []
