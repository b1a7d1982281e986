"""Backup and restore: records and blobs together, consistent while clients keep pushing.

A backup is one tar file:
- `manifest.json`: format, database kind, schema revision, when, and every member's size and
  SHA-256;
- `database.sqlite3` (SQLite's online backup: one snapshot, taken while writers go on) or
  `database.dump` (`pg_dump --format=custom`, one snapshot of PostgreSQL);
- `blobs/<sha256>`: every complete blob's bytes, named by their hash.

Blob files are immutable and a blob's row is committed only after its file is in place, so
copying the files *after* the database snapshot gives every blob the snapshot names (and maybe
a few newer ones, which are harmless). Restore goes into an empty database and blob folder,
verifies every member against the manifest and every blob against its name, migrates the
schema up if the backup is older, and marks every known client as restored: a client whose
acknowledged mutations the restore forgot resumes its outbox once (`push.lock_client`), and a
client whose cursor is ahead of the restored log is reset by its next pull.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa
from alembic.runtime.migration import MigrationContext

from officeapp.errors import ValidationError
from sync.server import migrate
from sync.server import tables as t
from sync.server.settings import Settings

FORMAT = "officeapp-backup/1"
MANIFEST = "manifest.json"
BLOBS = "blobs/"
_READ = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class Summary:
    """What a backup holds or a restore brought back."""

    database: str  # sqlite or postgresql
    revision: str
    blobs: int
    bytes: int


def _refuse(code: str, message: str, **details: Any) -> ValidationError:
    return ValidationError(code, message, **details)


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(_READ), b""):
            digest.update(block)
    return digest.hexdigest()


def _libpq_url(url: sa.URL) -> str:
    """Return a SQLAlchemy PostgreSQL URL as pg_dump and pg_restore take it."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(url: sa.URL) -> Path:
    if not url.database or url.database == ":memory:":
        raise _refuse("backup.no_file", "内存数据库无法备份")
    return Path(url.database)


def _run(command: list[str]) -> None:
    tool = command[0]
    if shutil.which(tool) is None:
        raise _refuse("backup.tool_missing", f"缺少PostgreSQL工具{tool}，请安装postgresql-client",
                      tool=tool)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise _refuse("backup.tool_failed", f"{tool}执行失败：{done.stderr.strip()[:500]}",
                      tool=tool)


def _revision(engine: sa.Engine) -> str:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision() or ""


def _snapshot(engine: sa.Engine, into: Path) -> Path:
    """Write one consistent snapshot of the database into the folder `into`."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        target = into / "database.sqlite3"
        source = sqlite3.connect(_sqlite_path(url))
        try:
            copy = sqlite3.connect(target)
            with copy:
                source.backup(copy)  # in one step: one read transaction, one snapshot
            copy.close()
        finally:
            source.close()
        return target
    target = into / "database.dump"
    _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
          f"--file={target}", f"--dbname={_libpq_url(url)}"])
    return target


def _add(archive: tarfile.TarFile, name: str, source: Path | bytes) -> None:
    info = tarfile.TarInfo(name)
    if isinstance(source, bytes):
        info.size = len(source)
        archive.addfile(info, io.BytesIO(source))
        return
    info.size = source.stat().st_size
    with open(source, "rb") as handle:
        archive.addfile(info, handle)


def backup(engine: sa.Engine, settings: Settings, path: Path) -> Summary:
    """Write a backup of the server's records and blobs to `path` (a new tar file)."""
    path = Path(path)
    if path.exists():
        raise _refuse("backup.exists", f"备份文件已存在：{path}", path=str(path))
    revision = _revision(engine)
    if not revision:
        raise _refuse("backup.empty", "数据库尚未初始化，没有可备份的内容")
    with tempfile.TemporaryDirectory(dir=path.parent, prefix=".backup-") as work:
        snapshot = _snapshot(engine, Path(work))
        objects = settings.blob_dir / "objects"
        blobs = sorted(objects.glob("??/*")) if objects.is_dir() else []
        members: dict[str, dict[str, Any]] = {
            snapshot.name: {"size": snapshot.stat().st_size, "sha256": _digest(snapshot)}}
        for blob in blobs:
            members[BLOBS + blob.name] = {"size": blob.stat().st_size, "sha256": blob.name}
        database = engine.url.get_backend_name()
        manifest = {"format": FORMAT, "database": database, "revision": revision,
                    "created_at": settings.clock().isoformat(), "members": members}
        partial = Path(work) / "backup.tar"
        with tarfile.open(partial, "w") as archive:
            _add(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False,
                                               indent=1).encode())
            _add(archive, snapshot.name, snapshot)
            for blob in blobs:
                _add(archive, BLOBS + blob.name, blob)
            archive_size = sum(m["size"] for m in members.values())
        os.replace(partial, path)
    return Summary(database, revision, len(blobs), archive_size)


def _manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
        data = json.loads(member.read()) if member is not None else None
    except (KeyError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _refuse("backup.bad_file", "这不是协同办公的备份文件，或备份文件已损坏")
    return data


def _extract(archive: tarfile.TarFile, info: tarfile.TarInfo, target: Path,
             expected: dict[str, Any]) -> None:
    """Copy one member to `target`, refusing it unless its size and hash are as listed."""
    source = archive.extractfile(info)
    if source is None or info.size != expected.get("size"):
        raise _refuse("backup.bad_file", f"备份文件中的“{info.name}”已损坏", member=info.name)
    digest = hashlib.sha256()
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "wb") as out:
        _copy(source, out, digest)
    if digest.hexdigest() != expected.get("sha256"):
        target.unlink()
        raise _refuse("backup.bad_file", f"备份文件中的“{info.name}”已损坏", member=info.name)


def _copy(source: IO[bytes], out: IO[bytes], digest: Any) -> None:
    for block in iter(lambda: source.read(_READ), b""):
        digest.update(block)
        out.write(block)


def _check_empty(engine: sa.Engine) -> None:
    with engine.connect() as connection:
        if sa.inspect(connection).get_table_names():
            raise _refuse("backup.target_not_empty",
                          "目标数据库不是空的：请恢复到新建的空数据库，以免覆盖现有数据")


def restore(path: Path, settings: Settings) -> Summary:
    """Restore a backup into the empty database and blob folder of `settings`.

    Every member is checked before anything is put in place: the blobs are verified into a
    staging folder and the database into a temporary file, then the database is restored in one
    step (a file rename; `pg_restore --single-transaction`) and the blobs moved in. A damaged
    backup leaves the target as it was.
    """
    url = sa.make_url(settings.database_url)
    objects = settings.blob_dir / "objects"
    if objects.is_dir() and any(objects.iterdir()):
        raise _refuse("backup.target_not_empty", f"附件目录不是空的：{objects}")
    settings.blob_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=settings.blob_dir, prefix=".restoring-") as work:
        staging = Path(work)
        try:
            with tarfile.open(path, "r:") as archive:
                kind, members, count = _unpack(archive, url, staging)
        except (OSError, tarfile.TarError):
            raise _refuse("backup.bad_file",
                          "这不是协同办公的备份文件，或备份文件已损坏") from None
        _restore_database(staging, url, settings)
        objects.mkdir(exist_ok=True)
        for folder in (staging / "objects").glob("??"):
            os.replace(folder, objects / folder.name)
    engine = sa.create_engine(settings.database_url, poolclass=sa.pool.NullPool)
    try:
        migrate.upgrade(engine)  # a backup of an older release comes up to this one
        with engine.begin() as connection:
            connection.execute(sa.update(t.clients).values(restored=True))
        revision = _revision(engine)
    finally:
        engine.dispose()
    return Summary(kind, revision, count, sum(int(m.get("size", 0)) for m in members.values()))


def _database_member(url: sa.URL) -> str:
    return "database.sqlite3" if url.get_backend_name() == "sqlite" else "database.dump"


def _unpack(archive: tarfile.TarFile, url: sa.URL,
            staging: Path) -> tuple[str, dict[str, Any], int]:
    """Verify every member of an open backup into `staging`; return the database kind, the
    manifest's members and how many blobs it holds."""
    manifest = _manifest(archive)
    members: dict[str, Any] = manifest.get("members", {})
    kind = url.get_backend_name()
    if manifest.get("database") != kind:
        raise _refuse("backup.wrong_database",
                      f"该备份来自{manifest.get('database')}数据库，不能恢复到{kind}数据库")
    database = _database_member(url)
    if database not in members:
        raise _refuse("backup.bad_file", "备份文件中没有数据库")
    count = 0
    for info in archive:
        if info.name == database:
            _extract(archive, info, staging / database, members[database])
            continue
        if not info.name.startswith(BLOBS):
            continue
        name = info.name[len(BLOBS):]
        expected = members.get(info.name)
        if (expected is None or not _SHA256.match(name) or expected.get("sha256") != name
                or not info.isfile()):
            raise _refuse("backup.bad_file", f"备份文件中的“{info.name}”已损坏",
                          member=info.name)
        _extract(archive, info, staging / "objects" / name[:2] / name, expected)
        count += 1
    if not (staging / database).is_file():
        raise _refuse("backup.bad_file", "备份文件中没有数据库")
    return kind, members, count


def _restore_database(staging: Path, url: sa.URL, settings: Settings) -> None:
    """Put the verified database of `staging` in place, in one step."""
    source = staging / _database_member(url)
    if url.get_backend_name() == "sqlite":
        target = _sqlite_path(url)
        if target.exists() and target.stat().st_size > 0:
            raise _refuse("backup.target_not_empty",
                          f"目标数据库文件已存在：{target}，请恢复到新的位置")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, target)
        return
    engine = sa.create_engine(settings.database_url, poolclass=sa.pool.NullPool)
    try:
        _check_empty(engine)
    finally:
        engine.dispose()
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", f"--dbname={_libpq_url(url)}", str(source)])


def describe(summary: Summary) -> str:
    """Return a one-line Chinese account of a backup or a restore."""
    return (f"{summary.database}数据库（结构版本{summary.revision}），附件{summary.blobs}个，"
            f"共{summary.bytes / 1024 / 1024:.1f} MB")
