"""FolderPrinter: atomic, collision-free files in a hot folder; clear errors when it cannot write."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from packstation.adapters.printers import FolderPrinter, PrinterError
from packstation.domain.errors import DomainError
from packstation.services.ports import Printer

PDF = b"%PDF-1.4\n% test document\n%%EOF\n"


def test_writes_document_with_readable_name_creating_the_folder(tmp_path):
    folder = tmp_path / "out" / "labels"
    printer = FolderPrinter(folder)
    path = printer.print_document("ZAM/2024/001", PDF, "label")
    assert path.parent == folder
    assert path.read_bytes() == PDF
    assert path.name.startswith("ZAM_2024_001-label-")
    assert path.suffix == ".pdf"
    assert str(folder) in printer.name


def test_extension_follows_content(tmp_path):
    printer = FolderPrinter(tmp_path)
    assert printer.print_document("A1", b"^XA^FDhi^FS^XZ", "label").suffix == ".zpl"
    assert printer.print_document("A1", b"\x00\x01", "label").suffix == ".bin"


def test_no_temporary_files_left_behind(tmp_path):
    printer = FolderPrinter(tmp_path)
    path = printer.print_document("A1", PDF, "slip")
    assert sorted(tmp_path.iterdir()) == [path]


def test_rename_is_the_only_way_a_file_appears(tmp_path, monkeypatch):
    """The final name only appears through os.replace of a complete temp file in the same folder."""
    seen: list[tuple[str, str, bytes]] = []
    real_replace = os.replace

    def spy(src, dst):
        assert not Path(dst).exists()
        seen.append((str(src), str(dst), Path(src).read_bytes()))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    path = FolderPrinter(tmp_path).print_document("A1", PDF, "label")
    [(src, dst, content)] = seen
    assert Path(src).parent == tmp_path and Path(src).name.startswith(".")
    assert not src.endswith(".pdf")  # a hot-folder watcher globbing *.pdf ignores it
    assert dst == str(path) and content == PDF


def test_two_documents_never_collide(tmp_path, monkeypatch):
    import packstation.adapters.printers.folder as folder_module

    class FrozenClock(folder_module.datetime):
        @classmethod
        def now(cls, tz=None):
            return folder_module.datetime(2024, 5, 17, 12, 0, 0, 123456)

    # Same title, kind and timestamp: the worst case for a name clash.
    monkeypatch.setattr(folder_module, "datetime", FrozenClock)
    printer = FolderPrinter(tmp_path)
    first = printer.print_document("A1", PDF + b"1", "label")
    second = printer.print_document("A1", PDF + b"2", "label")
    assert first != second
    assert first.read_bytes() == PDF + b"1" and second.read_bytes() == PDF + b"2"


def test_concurrent_jobs_all_survive(tmp_path):
    printer = FolderPrinter(tmp_path)
    results: list[Path] = []

    def job(n: int) -> None:
        results.append(printer.print_document("ORDER", PDF + str(n).encode(), "label"))

    threads = [threading.Thread(target=job, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(results)) == 20
    assert sorted(p.read_bytes() for p in results) == sorted(PDF + str(n).encode() for n in range(20))


def test_unwritable_folder_raises_printer_error_naming_it(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a regular file")
    folder = blocker / "labels"  # even root cannot create a folder under a regular file
    with pytest.raises(PrinterError) as info:
        FolderPrinter(folder).print_document("A1", PDF, "label")
    error = info.value
    assert isinstance(error, DomainError)
    assert error.code == "printer.unavailable"
    assert str(folder) in str(error)
    assert error.params["folder"] == str(folder)
    assert isinstance(error.__cause__, OSError)


def test_write_failure_leaves_no_temp_file(tmp_path, monkeypatch):
    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(PrinterError, match="No space left on device"):
        FolderPrinter(tmp_path).print_document("A1", PDF, "label")
    assert list(tmp_path.iterdir()) == []


def test_folder_printer_fits_the_printer_port(tmp_path):
    # The assignment is what mypy checks (structural typing); the call proves it works through the port.
    printer: Printer = FolderPrinter(tmp_path)
    assert Path(printer.print_document("A1", PDF, "label")).read_bytes() == PDF
