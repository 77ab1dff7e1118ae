"""The core never reaches up into the chat side or its libraries."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "summaries"
FORBIDDEN = ("bot", "discord", "slack_bolt", "slack_sdk", "apscheduler", "aiohttp")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_core_module_imports_the_chat_side():
    offenders = {
        str(path.relative_to(CORE)): sorted(imported_modules(path) & set(FORBIDDEN))
        for path in CORE.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}
    assert len(offenders) > 5  # the scan did look at the core


def test_importing_the_core_loads_no_chat_library():
    modules = set(FORBIDDEN)
    code = f"import sys, summaries, summaries.cli; print(sorted(set(sys.modules) & {modules!r}))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_public_api_is_declared():
    import summaries

    assert "summarize" in summaries.__all__
    assert all(hasattr(summaries, name) for name in summaries.__all__)


ROOT = CORE.parent
STORE = CORE / "store"
DRIVERS = {"sqlite3", "psycopg", "psycopg_pool", "sqlalchemy"}
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN)\s", re.M)


def outside_the_store() -> list[Path]:
    found = [p for p in CORE.rglob("*.py") if STORE not in p.parents]
    found += list((ROOT / "bot").rglob("*.py"))
    return found


def test_only_the_store_imports_a_database_driver():
    offenders = {}
    for path in outside_the_store():
        name = str(path.relative_to(ROOT))
        used = imported_modules(path) & DRIVERS
        if used:
            offenders[name] = sorted(used)
    assert offenders == {}
    assert len(outside_the_store()) > 50  # the scan did look at the core and the bot


def test_only_the_store_writes_sql():
    offenders = []
    for path in outside_the_store():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if SQL.search(node.value):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert offenders == []
    assert SQL.search("SELECT id FROM articles") and not SQL.search("Select a channel")


def test_importing_the_store_loads_no_postgresql_driver():
    """SQLite users need no PostgreSQL driver: psycopg is imported only to open one."""
    code = "import sys, summaries.store, summaries.cli; print('psycopg' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
