"""The bench's translations: ``python tools/translations.py update|build``.

``update`` runs ``pyside6-lupdate`` over the package and the Designer forms and refreshes
``resources/translations/packstation_<lang>.ts`` (the English file holds only the plural
messages: English needs words only for "1 unit" / "2 units"). Translate the new or changed
messages with Qt Linguist (``pyside6-linguist``) or in the XML, keeping every ``{name}``
and ``%n``. ``build`` compiles each ``.ts`` into the ``.qm`` the bench loads
(``pyside6-lrelease``); the bundle build (``packstation.spec``) runs it too.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = {"en": "en_GB", "pl": "pl_PL", "uk": "uk_UA"}


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[Path]:
    """Every file with words for the screen (the generated forms are read from their .ui)."""
    code = [p for p in sorted((ROOT / "packstation" / "gui").rglob("*.py")) if "forms" not in p.parts]
    return code + sorted((ROOT / "ui").glob("*.ui"))


def update() -> None:
    for language, locale in LANGUAGES.items():
        target = FOLDER / f"packstation_{language}.ts"
        extra = ["-pluralonly"] if language == "en" else []
        files = [str(p.relative_to(ROOT)) for p in sources()]
        command = [_tool("pyside6-lupdate"), *extra, "-no-obsolete", "-locations", "none",
                   "-target-language", locale, *files, "-ts", str(target.relative_to(ROOT))]  # fmt: skip
        subprocess.run(command, check=True, cwd=ROOT)


def build(folder: Path = FOLDER, into: Path | None = None) -> list[Path]:
    """Compile every ``.ts`` of ``folder`` into a ``.qm`` (beside it, or in ``into``)."""
    built = []
    for ts in sorted(folder.glob("packstation_*.ts")):
        qm = (into or folder) / ts.with_suffix(".qm").name
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def main(argv: list[str]) -> int:
    action = argv[1] if len(argv) > 1 else ""
    if action == "update":
        FOLDER.mkdir(parents=True, exist_ok=True)
        update()
    elif action == "build":
        for qm in build():
            print(f"{qm.relative_to(ROOT)}: {qm.stat().st_size} bytes")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
