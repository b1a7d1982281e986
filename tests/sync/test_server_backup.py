"""Backup and restore: taken while clients push, restored into a fresh server with every
acknowledged mutation from before the backup, its blobs, and clients that carry on."""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.script import ScriptDirectory
from fastapi import FastAPI

from officeapp.errors import ValidationError
from sync.server import create_app
from sync.server.ops import backup, migrate
from sync.server.ops.cli import main
from sync.server.settings import Settings
from sync.server.storage import tables as t
from sync.server.storage.db import make_engine

from .conftest import CHEAP, NOTICE, PG_ADMIN_URL, Api, Clock, User, _pg_admin, login
from .office_work import download, upload


@pytest.fixture
def restored_url(database_url: str, tmp_path: Path) -> Iterator[str]:
    """A second, empty database of the same kind to restore into."""
    if database_url.startswith("sqlite"):
        yield f"sqlite:///{tmp_path / 'restored' / 'server.sqlite3'}"
        return
    name = f"officeapp_test_{uuid.uuid4().hex[:12]}"
    admin = _pg_admin()
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield sa.make_url(PG_ADMIN_URL).set(database=name).render_as_string(
            hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


class Writers:
    """Clerks creating documents in threads; remembers each acknowledged one in order."""

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.acknowledged: list[str] = []
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._write, args=(name,))
                        for name in ("office.clerk", "office.reviewer", "office.secretary")]

    def _write(self, username: str) -> None:
        api = Api(self.app)
        try:
            who = User(api, username, login(api, username).json())
            while not self.stop.is_set():
                document_id = str(uuid.uuid4())
                result = who.push_one("document.create_outgoing", document_id=document_id,
                                      fields={**NOTICE, "title": f"{username}备份中"})
                if result["status"] != "applied":
                    self.errors.append(str(result))
                self.acknowledged.append(document_id)
        except Exception as error:  # reported by the test, not lost in the thread
            self.errors.append(repr(error))
        finally:
            api.close()

    def __enter__(self) -> Writers:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join()


def _assert_empty(url: str) -> None:
    if url.startswith("sqlite"):
        path = Path(sa.make_url(url).database or "")
        assert not path.exists() or path.stat().st_size == 0
        return
    check = sa.create_engine(url, poolclass=sa.NullPool)
    try:
        with check.connect() as connection:
            assert sa.inspect(connection).get_table_names() == []
    finally:
        check.dispose()


def _ids(engine: sa.Engine) -> set[str]:
    with engine.connect() as connection:
        return set(connection.execute(sa.select(t.documents.c.id)).scalars())


def test_a_backup_taken_while_clients_push_restores_everything_acknowledged_before_it(
        app: FastAPI, engine: sa.Engine, settings: Settings, api: Api, user: Callable[[str], User],
        restored_url: str, tmp_path: Path, clock: Clock) -> None:
    clerk = user("office.clerk")
    attachment = upload(api, clerk, "附件内容".encode() * 5000, "附件1.pdf")
    first = clerk.create(attachments=[attachment])
    clerk.sync()
    archive = tmp_path / "backup.tar"
    with Writers(app) as writers:
        while len(writers.acknowledged) < 10:
            pass
        before = list(writers.acknowledged)  # acknowledged before the backup point
        summary = backup.backup(engine, settings, archive)
        while len(writers.acknowledged) < len(before) + 10:
            pass
    assert writers.errors == []
    assert summary.blobs == 1
    with tarfile.open(archive) as members:  # the blob's bytes are in the database's snapshot
        assert sorted(members.getnames()) in (["database.dump", "manifest.json"],
                                              ["database.sqlite3", "manifest.json"])
    after = clerk.create()  # acknowledged after the backup: the restore forgets it
    clerk.sync()  # this client's cursor is now past the backup point

    target = Settings(database_url=restored_url, data_dir=tmp_path / "restored",
                      password_cost=CHEAP, heartbeat_interval=0.2, clock=clock)
    target.data_dir.mkdir(parents=True, exist_ok=True)
    restored = backup.restore(archive, target)
    assert restored.blobs == 1
    new_engine = make_engine(restored_url)
    new_app = create_app(target, engine=new_engine)
    closing: list[Api] = []
    try:
        ids = _ids(new_engine)
        assert {first, *before} <= ids
        assert after not in ids
        clerk.api = Api(new_app)
        closing.append(clerk.api)
        assert download(clerk.api, clerk, attachment["sha256"]) == 200
        # The clerk's client is ahead of the restored log: its next pull resets it, and its
        # next push, past the ids the restore forgot, is applied rather than refused.
        page = clerk.pull()
        assert page["reset"]
        clerk.cursor = 0
        clerk.mirror.clear()  # what a client does with a reset
        again = clerk.create(title="恢复后的第一份草稿")
        clerk.sync()
        assert {first, again} <= set(clerk.documents())
        assert after not in clerk.documents()
    finally:
        for client in closing:
            client.close()
        new_app.state.server.notifier.close()
        new_engine.dispose()


def test_restore_refuses_a_database_in_use_and_a_damaged_file(
        engine: sa.Engine, settings: Settings, tmp_path: Path, restored_url: str,
        clock: Clock, user: Callable[[str], User], api: Api) -> None:
    clerk = user("office.clerk")
    upload(api, clerk, b"x" * 1000, "a.pdf")
    clerk.create()
    archive = tmp_path / "backup.tar"
    backup.backup(engine, settings, archive)
    with pytest.raises(ValidationError) as exists:
        backup.backup(engine, settings, archive)
    assert exists.value.code == "backup.exists"
    # Into the live server's own database: refused, nothing touched.
    with pytest.raises(ValidationError) as in_use:
        backup.restore(archive, settings)
    assert in_use.value.code == "backup.target_not_empty"
    # A damaged member is refused by its hash.
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w") as out:
        for info in source:
            data = source.extractfile(info)
            assert data is not None
            body = data.read()
            if info.name.startswith("database."):
                body = body[:-1] + bytes([body[-1] ^ 1])
            out.addfile(info, io.BytesIO(body))
    target = Settings(database_url=restored_url, data_dir=tmp_path / "restored",
                      password_cost=CHEAP, clock=clock)
    target.data_dir.mkdir(parents=True, exist_ok=True)
    with pytest.raises(ValidationError) as bad:
        backup.restore(damaged, target)
    assert bad.value.code == "backup.bad_file"
    _assert_empty(restored_url)  # nothing half-restored
    not_a_backup = tmp_path / "notes.tar"
    not_a_backup.write_bytes(b"not a tar file")
    with pytest.raises(ValidationError) as garbage:
        backup.restore(not_a_backup, target)
    assert garbage.value.code == "backup.bad_file"


def _rows(connection: sa.Connection, *tables: sa.Table) -> dict[str, list[tuple[object, ...]]]:
    return {table.name: [tuple(row) for row in connection.execute(
        sa.select(table).order_by(*table.primary_key.columns))] for table in tables}


def test_the_commands_back_up_and_restore(engine: sa.Engine, settings: Settings,
                                          tmp_path: Path, restored_url: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "officeapp.tar"
    common = ["--data-dir", str(settings.data_dir)]
    assert main(["backup", str(archive), "--database-url", settings.database_url,
                 *common]) == 0
    assert "已备份到" in capsys.readouterr().out
    restored_dir = tmp_path / "restored"
    assert main(["restore", str(archive), "--database-url", restored_url,
                 "--data-dir", str(restored_dir)]) == 0
    assert "已恢复" in capsys.readouterr().out
    check = make_engine(restored_url)
    try:
        with check.connect() as connection:
            people = connection.execute(sa.select(sa.func.count()).select_from(t.people))
            assert people.scalar_one() > 0
            restored_seals = _rows(connection, t.unit_seals, t.trust_roots)
        with engine.connect() as connection:
            # The seals' keys and images (binary columns) come back byte for byte.
            assert restored_seals == _rows(connection, t.unit_seals, t.trust_roots)
        assert len(restored_seals["unit_seals"]) == 4 and restored_seals["trust_roots"]
    finally:
        check.dispose()
    # Again onto what it just restored: refused, with the reason in Chinese.
    assert main(["restore", str(archive), "--database-url", restored_url,
                 "--data-dir", str(restored_dir)]) == 1
    refusal = capsys.readouterr().err
    assert refusal.startswith("错误：") and ("已存在" in refusal or "不是空的" in refusal)


def test_a_backup_of_the_release_that_kept_blobs_as_files_restores_them_into_the_database(
        engine: sa.Engine, settings: Settings, api: Api, user: Callable[[str], User],
        restored_url: str, tmp_path: Path, clock: Clock) -> None:
    clerk = user("office.clerk")
    data = "旧版本的附件".encode() * 60_000  # 1.1 MB: two pieces once restored
    attachment = upload(api, clerk, data, "旧附件.pdf")
    clerk.create(attachments=[attachment])
    sha = attachment["sha256"]
    # What that release's backup holds: its schema (0006, no blob_chunks) and blobs/<sha256>.
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0006")
    folder = tmp_path / "old"
    folder.mkdir()
    snapshot, _ = backup._snapshot(engine, folder)
    members = {snapshot.name: {"size": snapshot.stat().st_size,
                               "sha256": hashlib.sha256(snapshot.read_bytes()).hexdigest()},
               f"blobs/{sha}": {"size": len(data), "sha256": sha}}
    manifest = {"format": "officeapp-backup/1", "database": engine.dialect.name,
                "revision": "0006", "created_at": clock().isoformat(), "members": members}
    archive = tmp_path / "old-release.tar"
    with tarfile.open(archive, "w") as out:
        for name, body in (("manifest.json", json.dumps(manifest).encode()),
                           (snapshot.name, snapshot.read_bytes()), (f"blobs/{sha}", data)):
            info = tarfile.TarInfo(name)
            info.size = len(body)
            out.addfile(info, io.BytesIO(body))

    target = Settings(database_url=restored_url, data_dir=tmp_path / "restored",
                      password_cost=CHEAP, heartbeat_interval=0.2, clock=clock)
    target.data_dir.mkdir(parents=True, exist_ok=True)
    restored = backup.restore(archive, target)
    assert (restored.blobs, restored.missing) == (1, 0)
    assert restored.revision == ScriptDirectory.from_config(
        migrate.alembic_config()).get_current_head()
    new_engine = make_engine(restored_url)
    new_app = create_app(target, engine=new_engine)
    clerk.api = Api(new_app)
    try:
        response = clerk.api.get(f"/api/v1/blobs/{sha}", headers=clerk.headers)
        assert response.status_code == 200 and response.content == data
    finally:
        clerk.api.close()
        new_app.state.server.notifier.close()
        new_engine.dispose()
