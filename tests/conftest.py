"""Fixtures shared by every test: isolated user data, databases (SQLite and a throw-away
PostgreSQL cluster) and an Xvfb display for end-to-end tests.

Services that are missing (PostgreSQL binaries, Xvfb, xdotool) make the tests that need them
*skip* on a developer machine, and *fail* when ``PACKSTATION_REQUIRE_SERVICES=1`` (CI), so a
broken CI image can never turn into a silently green run.
"""

from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

# Qt must never try to reach a real display from the test process; e2e tests that want one
# start the app in a subprocess with DISPLAY pointing at the ``xvfb_display`` fixture.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# --------------------------------------------------------------------------- helpers


def services_required() -> bool:
    return os.environ.get("PACKSTATION_REQUIRE_SERVICES") == "1"


def require_service(reason: str):
    """Skip the current test because a service is missing, or fail it when services are required."""
    if services_required():
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def _free_tcp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _tail(path: Path, lines: int = 30) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:]) or "(empty log)"


def _is_root() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0


# --------------------------------------------------------------------------- PostgreSQL


def _find_pg_bindir() -> Path | None:
    """The ``bin`` directory of the newest PostgreSQL server installed under /usr/lib/postgresql."""

    def version_key(initdb: str) -> tuple[int, ...]:
        version = Path(initdb).parent.parent.name
        return tuple(int(part) for part in version.split(".") if part.isdigit())

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version_key)
    return Path(candidates[-1]).parent if candidates else None


def _sql_ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class _PgBase:
    """What every cluster handle offers; ``admin_url`` is a superuser SQLAlchemy URL."""

    admin_url: str
    port: int

    def __init__(self) -> None:
        self.created: list[str] = []

    # -- databases
    def _admin_conninfo(self) -> dict:
        from sqlalchemy.engine import make_url

        url = make_url(self.admin_url)
        params = {
            "host": url.host or "127.0.0.1",
            "port": url.port or 5432,
            "user": url.username or "postgres",
            "dbname": url.database or "postgres",
            "connect_timeout": 10,
        }
        if url.password:
            params["password"] = url.password
        return params

    def new_database(self, prefix: str = "t") -> str:
        """Create a uniquely named, empty database; return its SQLAlchemy URL."""
        import psycopg
        from sqlalchemy.engine import make_url

        safe = "".join(ch for ch in prefix.lower() if ch.isalnum() or ch == "_") or "t"
        name = f"{safe[:30]}_{uuid.uuid4().hex[:16]}"
        with psycopg.connect(**self._admin_conninfo(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {_sql_ident(name)}")
        self.created.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop_created_databases(self) -> None:
        import psycopg

        if not self.created:
            return
        try:
            with psycopg.connect(**self._admin_conninfo(), autocommit=True) as conn:
                for name in self.created:
                    try:
                        conn.execute(f"DROP DATABASE IF EXISTS {_sql_ident(name)} WITH (FORCE)")
                    except psycopg.Error:
                        pass
        except psycopg.Error:
            pass
        self.created.clear()


class ExternalPg(_PgBase):
    """A server given by ``PACKSTATION_TEST_PG_URL``; it cannot be stopped or started."""

    def __init__(self, admin_url: str) -> None:
        super().__init__()
        from sqlalchemy.engine import make_url

        self.admin_url = admin_url
        self.port = make_url(admin_url).port or 5432

    def stop(self) -> None:
        require_service("PACKSTATION_TEST_PG_URL server cannot be stopped by the tests")

    def start(self) -> None:
        require_service("PACKSTATION_TEST_PG_URL server cannot be started by the tests")

    def is_running(self) -> bool:
        import psycopg

        try:
            with psycopg.connect(**self._admin_conninfo()):
                return True
        except psycopg.Error:
            return False

    def close(self) -> None:
        self.drop_created_databases()


class ClusterError(RuntimeError):
    pass


class TempPgCluster(_PgBase):
    """A private PostgreSQL cluster in a temp directory, on a free port, trust authentication."""

    def __init__(self, bindir: Path) -> None:
        super().__init__()
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="packstation-pg-", dir="/tmp"))
        self.data = self.dir / "data"
        self.logfile = self.dir / "postgres.log"
        self.as_postgres = _is_root()
        self.port = 0
        if self.as_postgres:
            import pwd

            try:
                pw = pwd.getpwnam("postgres")
            except KeyError:
                raise ClusterError("running as root but there is no 'postgres' user") from None
            os.chown(self.dir, pw.pw_uid, pw.pw_gid)

    @property
    def admin_url(self) -> str:  # type: ignore[override]
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.as_postgres:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        proc = subprocess.run(
            cmd,
            cwd=self.dir,  # the postgres user may not be allowed into the caller's cwd
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and proc.returncode != 0:
            raise ClusterError(
                f"{' '.join(args[:1])} exited {proc.returncode}:\n{proc.stdout}{proc.stderr}".rstrip()
                + f"\n--- server log tail ---\n{_tail(self.logfile)}"
            )
        return proc

    def init(self) -> None:
        base = ["initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]
        proc = self._run(*base, "--locale=C.UTF-8", check=False)
        if proc.returncode != 0:
            # initdb normally removes what it created on failure; make sure before retrying.
            shutil.rmtree(self.data, ignore_errors=True)
            try:
                self._run(*base, "--locale=C")
            except ClusterError as exc:
                raise ClusterError(
                    f"initdb --locale=C.UTF-8 failed:\n{proc.stdout}{proc.stderr}\ninitdb --locale=C failed too: {exc}"
                ) from None

    def _pg_ctl_start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-w", "-t", "60", "-l", str(self.logfile), "start")

    def first_start(self, attempts: int = 3) -> None:
        last: Exception | None = None
        for _ in range(attempts):  # the free port may be taken between probing and binding
            self.port = _free_tcp_port()
            try:
                self._pg_ctl_start()
                return
            except ClusterError as exc:
                last = exc
        assert last is not None
        raise last

    def start(self) -> None:
        if not self.is_running():
            self._pg_ctl_start()

    def stop(self, mode: str = "fast") -> None:
        if self.data.exists() and self.is_running():
            self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")

    def is_running(self) -> bool:
        if not (self.data / "PG_VERSION").exists():
            return False
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    def new_database(self, prefix: str = "t") -> str:
        self.start()  # a test that stopped the cluster and died must not break the next ones
        return super().new_database(prefix)

    def close(self) -> None:
        try:
            # A throwaway cluster: no need for the shutdown checkpoint a fast stop waits for.
            self.stop("immediate")
        except Exception:
            pass
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[_PgBase]:
    """A PostgreSQL server for the whole session.

    API: ``.port``, ``.admin_url``, ``.new_database(prefix) -> url``, ``.stop()``, ``.start()``,
    ``.is_running()``. Uses ``PACKSTATION_TEST_PG_URL`` (superuser URL) when set; otherwise
    runs a private cluster from /usr/lib/postgresql/*/bin (as the ``postgres`` user under root).
    """
    external = os.environ.get("PACKSTATION_TEST_PG_URL")
    if external:
        server = ExternalPg(external)
        if not server.is_running():
            from sqlalchemy.engine import make_url

            shown = make_url(external).render_as_string(hide_password=True)
            require_service(f"cannot connect to PACKSTATION_TEST_PG_URL={shown}")
        try:
            yield server
        finally:
            server.close()
        return

    bindir = _find_pg_bindir()
    if bindir is None:
        require_service("PostgreSQL server binaries not found (apt-get install postgresql)")
    failure = ""  # skip/fail outside the except blocks: no chained traceback in the report
    try:
        cluster = TempPgCluster(bindir)
    except (ClusterError, OSError) as exc:
        failure = f"cannot prepare a PostgreSQL cluster: {exc}"
    if failure:
        require_service(failure)
    try:
        cluster.init()
        cluster.first_start()
    except (ClusterError, OSError, subprocess.TimeoutExpired) as exc:
        failure = f"PostgreSQL test cluster failed to start: {exc}"
        if "server log tail" not in failure:
            failure += f"\n--- server log tail ---\n{_tail(cluster.logfile)}"
        cluster.close()
    if failure:
        require_service(failure)
    try:
        yield cluster
    finally:
        cluster.close()


# --------------------------------------------------------------------------- database URLs


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path}/test.db"


@pytest.fixture
def pg_url(pg_cluster: _PgBase) -> str:
    return pg_cluster.new_database("t")


@pytest.fixture(
    params=[
        pytest.param("sqlite", id="sqlite"),
        pytest.param("postgresql", id="postgresql", marks=pytest.mark.postgres),
    ]
)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database of each supported kind: the test runs once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/test.db"
    return request.getfixturevalue("pg_cluster").new_database("t")


# --------------------------------------------------------------------------- user data


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own PACKSTATION_HOME; nothing touches the real user data folder."""
    home = tmp_path_factory.mktemp("packstation-home")
    monkeypatch.setenv("PACKSTATION_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def _restored_logging() -> Iterator[None]:
    """Whatever a test set up through packstation.logs (log handlers, excepthooks, crash listeners)
    is undone after it, so a test that runs ``cli.main()`` in-process cannot leak into the next one."""
    from packstation import logs

    hooks = (sys.excepthook, threading.excepthook)
    yield
    logs.reset_logging()
    sys.excepthook, threading.excepthook = hooks


# --------------------------------------------------------------------------- Xvfb


def _display_free(number: int) -> bool:
    return not (os.path.exists(f"/tmp/.X11-unix/X{number}") or os.path.exists(f"/tmp/.X{number}-lock"))


@pytest.fixture(scope="session")
def xvfb_display() -> Iterator[str]:
    """Start Xvfb on a free display; yield the DISPLAY string (":N")."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None or shutil.which("xdotool") is None:
        require_service("Xvfb and xdotool are needed (apt-get install xvfb xdotool)")

    logdir = Path(tempfile.mkdtemp(prefix="packstation-xvfb-", dir="/tmp"))
    log_path = logdir / "xvfb.log"
    proc: subprocess.Popen | None = None
    display = ""
    failures: list[str] = []
    number = 90
    while proc is None and number < 190 and len(failures) < 5:
        if not _display_free(number):
            number += 1
            continue
        with open(log_path, "ab") as log:
            candidate = subprocess.Popen(
                [xvfb, f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if candidate.poll() is not None:
                break
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                proc, display = candidate, f":{number}"
                break
            time.sleep(0.05)
        if proc is None:
            if candidate.poll() is None:
                candidate.kill()
                candidate.wait()
            failures.append(f":{number} (exit {candidate.returncode})")
            number += 1

    if proc is None:
        tail = _tail(log_path)
        shutil.rmtree(logdir, ignore_errors=True)
        require_service(f"Xvfb did not start on {', '.join(failures) or 'any free display'}:\n{tail}")

    try:
        yield display
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(logdir, ignore_errors=True)
