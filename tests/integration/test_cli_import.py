"""`packstation import` end to end through the command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"


def cli(db_url: str, *args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PACKSTATION_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "packstation", "--db", db_url, "--station", "cli-test", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def orders(db_url: str, home: Path) -> list[dict]:
    result = cli(db_url, "orders", "list", "--json", home=home)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_samples_is_idempotent_and_bad_files_change_nothing(db_url, tmp_path):
    for name in ("products.csv", "orders.csv", "orders.json"):
        result = cli(db_url, "import", str(SAMPLE / name), home=tmp_path)
        assert result.returncode == 0, result.stderr
    first = orders(db_url, tmp_path)
    assert {o["number"] for o in first} >= {"1001", "1002", "2001"}
    shown = json.loads(cli(db_url, "orders", "show", "1001", "--json", home=tmp_path).stdout)
    assert shown["customer"]["name"] == "Zofia Wójcik" and shown["shipping_address"]["city"] == "Łódź"
    assert [(ln["sku"], ln["quantity"], ln["scanned"]) for ln in shown["lines"]] == [
        ("KUB-001", 6, 0),
        ("HER-002", 2, 0),
    ]
    assert shown["lines"][0]["barcode"] == "5901234123457"

    again = cli(db_url, "import", str(SAMPLE / "orders.csv"), home=tmp_path)
    assert again.returncode == 0 and "0 new, 0 updated" in again.stdout
    assert orders(db_url, tmp_path) == first

    bad = tmp_path / "bad.csv"
    bad.write_text(
        "order_number,sku,quantity,colour\n3001,KUB-001,2,red\n3002,KUB-001,0,\n3002,HER-002,-1,\n", encoding="utf-8"
    )
    refused = cli(db_url, "import", str(bad), home=tmp_path)
    assert refused.returncode == 1
    assert "colour" in refused.stderr and "Traceback" not in refused.stderr
    assert orders(db_url, tmp_path) == first  # all or nothing

    unknown_sku = tmp_path / "unknown.csv"
    unknown_sku.write_text("order_number,sku,quantity\n3001,KUB-001,1\n3002,NOPE-1,1\n", encoding="utf-8")
    refused = cli(db_url, "import", str(unknown_sku), home=tmp_path)
    assert refused.returncode == 1 and "line 3" in refused.stderr and "NOPE-1" in refused.stderr
    assert "3001" not in {o["number"] for o in orders(db_url, tmp_path)}  # the good row was not kept either


def test_excel_cp1250_file_needs_its_encoding(sqlite_url, tmp_path):
    assert cli(sqlite_url, "import", str(SAMPLE / "products.csv"), home=tmp_path).returncode == 0
    excel = tmp_path / "excel.csv"
    excel.write_bytes(
        "order_number;sku;quantity;customer_name;city;payment;cod_amount\n"
        "4001;MIO-004;2;Jerzy Żółć;Łódź;cod;12,50\n".encode("cp1250")
    )
    refused = cli(sqlite_url, "import", str(excel), home=tmp_path)
    assert refused.returncode == 1 and "cp1250" in refused.stderr
    accepted = cli(sqlite_url, "import", str(excel), "--encoding", "cp1250", home=tmp_path)
    assert accepted.returncode == 0, accepted.stderr
    shown = json.loads(cli(sqlite_url, "orders", "show", "4001", "--json", home=tmp_path).stdout)
    assert shown["customer"]["name"] == "Jerzy Żółć" and shown["cod_amount"] == "12.50"


def test_order_number_equal_to_a_product_barcode_is_refused(sqlite_url, tmp_path):
    assert cli(sqlite_url, "import", str(SAMPLE / "products.csv"), home=tmp_path).returncode == 0
    clash = tmp_path / "clash.csv"
    clash.write_text("order_number,sku,quantity\n5901234123464,KUB-001,1\n", encoding="utf-8")
    refused = cli(sqlite_url, "import", str(clash), home=tmp_path)
    assert refused.returncode == 1 and "product barcode" in refused.stderr


def test_usage_errors_exit_2_and_missing_order_exits_1(sqlite_url, tmp_path):
    assert cli(sqlite_url, "orders", "frobnicate", home=tmp_path).returncode == 2
    missing = cli(sqlite_url, "orders", "show", "NOPE", home=tmp_path)
    assert missing.returncode == 1 and missing.stderr.strip() == "packstation: no order NOPE"
