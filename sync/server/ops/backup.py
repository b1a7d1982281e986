"""Backup and restore: records and blobs together, consistent while clients keep pushing.

A backup is one tar file:
- `manifest.json`: format, database kind, schema revision, when, how many blobs, and every
  member's size and SHA-256;
- `database.sqlite3` (SQLite's online backup: one snapshot, taken while writers go on) or
  `database.dump` (`pg_dump --format=custom` of one snapshot of PostgreSQL).

Blob content lives in the database (`blob_chunks`), so the snapshot holds every blob it names
and nothing else is copied. On PostgreSQL the blobs are counted inside the very snapshot
`pg_dump` takes (`pg_export_snapshot()`, `pg_dump --snapshot`). Restore goes into an empty
database, verifies every member against the manifest, restores the database in one step,
migrates the schema up if the backup is older, and marks every known client as restored: a
client whose acknowledged mutations the restore forgot resumes its outbox once
(`push.lock_client`), and a client whose cursor is ahead of the restored log is reset by its
next pull.

Backups of releases before migration 0007 (format 1) also hold `blobs/<sha256>`, the files of
every complete blob: each is verified against the manifest and its name before anything is
put in place, and after the migration their bytes move into the database as
`officeapp-server migrate` moves a blob folder (`blobs.import_files`).
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
from sync.server.ops import migrate
from sync.server.settings import Settings
from sync.server.storage import tables as t

FORMAT = "officeapp-backup/2"
# Format 1: blobs were files, stored as members `blobs/<sha256>` (restored, never written).
FORMATS = ("officeapp-backup/1", FORMAT)
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
    # Complete blobs whose content a restore found in neither the database nor the backup.
    missing: int = 0


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


_COUNT_BLOBS = "SELECT count(*) FROM blobs WHERE complete"


def _snapshot(engine: sa.Engine, into: Path) -> tuple[Path, int]:
    """Write one consistent snapshot of the database into the folder `into`; return it and
    how many complete blobs it holds."""
    url = engine.url
    if url.get_backend_name() == "sqlite":
        target = into / "database.sqlite3"
        source = sqlite3.connect(_sqlite_path(url))
        try:
            copy = sqlite3.connect(target)
            with copy:
                source.backup(copy)  # in one step: one read transaction, one snapshot
            count = int(copy.execute(_COUNT_BLOBS).fetchone()[0])
            copy.close()
        finally:
            source.close()
        return target, count
    target = into / "database.dump"
    # pg_dump takes the snapshot this transaction exports, so the count is the dump's own.
    with engine.connect().execution_options(isolation_level="REPEATABLE READ",
                                            postgresql_readonly=True) as connection, \
            connection.begin():
        snapshot = connection.exec_driver_sql("SELECT pg_export_snapshot()").scalar_one()
        count = int(connection.exec_driver_sql(_COUNT_BLOBS).scalar_one())
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
              f"--snapshot={snapshot}", f"--file={target}", f"--dbname={_libpq_url(url)}"])
    return target, count


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
        snapshot, count = _snapshot(engine, Path(work))
        members: dict[str, dict[str, Any]] = {
            snapshot.name: {"size": snapshot.stat().st_size, "sha256": _digest(snapshot)}}
        database = engine.url.get_backend_name()
        manifest = {"format": FORMAT, "database": database, "revision": revision,
                    "created_at": settings.clock().isoformat(), "blobs": count,
                    "members": members}
        partial = Path(work) / "backup.tar"
        with tarfile.open(partial, "w") as archive:
            _add(archive, MANIFEST, json.dumps(manifest, ensure_ascii=False,
                                               indent=1).encode())
            _add(archive, snapshot.name, snapshot)
        os.replace(partial, path)
    return Summary(database, revision, count, sum(m["size"] for m in members.values()))


def _manifest(archive: tarfile.TarFile) -> dict[str, Any]:
    try:
        member = archive.extractfile(MANIFEST)
        data = json.loads(member.read()) if member is not None else None
    except (KeyError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") not in FORMATS:
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
    """Restore a backup into the empty database of `settings`.

    Every member is checked before anything is put in place: the database into a temporary
    file (and an older backup's blob files into a staging folder), then the database is
    restored in one step (a file rename; `pg_restore --single-transaction`). A damaged backup
    leaves the target as it was.
    """
    url = sa.make_url(settings.database_url)
    _check_target(url, settings)  # before unpacking what may be gigabytes
    # Next to the SQLite database (so that it moves by a rename), else beside the backup.
    near = settings.data_dir if settings.data_dir.is_dir() else Path(path).parent
    with tempfile.TemporaryDirectory(dir=near, prefix=".restoring-") as work:
        staging = Path(work)
        try:
            with tarfile.open(path, "r:") as archive:
                kind, members = _unpack(archive, url, staging)
        except (OSError, tarfile.TarError):
            raise _refuse("backup.bad_file",
                          "这不是协同办公的备份文件，或备份文件已损坏") from None
        _restore_database(staging, url, settings)
        engine = sa.create_engine(settings.database_url, poolclass=sa.pool.NullPool)
        try:
            # A backup of an older release comes up to this one, its blob files into the
            # database.
            imported = migrate.upgrade(engine, blob_dir=staging)
            with engine.begin() as connection:
                connection.execute(sa.update(t.clients).values(restored=True))
                count = int(connection.exec_driver_sql(_COUNT_BLOBS).scalar_one())
            revision = _revision(engine)
        finally:
            engine.dispose()
    return Summary(kind, revision, count, sum(int(m.get("size", 0)) for m in members.values()),
                   len(imported.missing))


def _database_member(url: sa.URL) -> str:
    return "database.sqlite3" if url.get_backend_name() == "sqlite" else "database.dump"


def _unpack(archive: tarfile.TarFile, url: sa.URL,
            staging: Path) -> tuple[str, dict[str, Any]]:
    """Verify every member of an open backup into `staging` (blob files of format 1 under
    `objects/`, as a blob folder holds them); return the database kind and the manifest's
    members."""
    manifest = _manifest(archive)
    members: dict[str, Any] = manifest.get("members", {})
    kind = url.get_backend_name()
    if manifest.get("database") != kind:
        raise _refuse("backup.wrong_database",
                      f"该备份来自{manifest.get('database')}数据库，不能恢复到{kind}数据库")
    database = _database_member(url)
    if database not in members:
        raise _refuse("backup.bad_file", "备份文件中没有数据库")
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
    if not (staging / database).is_file():
        raise _refuse("backup.bad_file", "备份文件中没有数据库")
    return kind, members


def _check_target(url: sa.URL, settings: Settings) -> None:
    """Refuse a target database that holds anything."""
    if url.get_backend_name() == "sqlite":
        target = _sqlite_path(url)
        if target.exists() and target.stat().st_size > 0:
            raise _refuse("backup.target_not_empty",
                          f"目标数据库文件已存在：{target}，请恢复到新的位置")
        return
    engine = sa.create_engine(settings.database_url, poolclass=sa.pool.NullPool)
    try:
        _check_empty(engine)
    finally:
        engine.dispose()


def _restore_database(staging: Path, url: sa.URL, settings: Settings) -> None:
    """Put the verified database of `staging` in place, in one step."""
    source = staging / _database_member(url)
    _check_target(url, settings)  # again: someone may have used it while we verified
    if url.get_backend_name() == "sqlite":
        target = _sqlite_path(url)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(source, target)
        return
    _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
          "--single-transaction", f"--dbname={_libpq_url(url)}", str(source)])


def describe(summary: Summary) -> str:
    """Return a one-line Chinese account of a backup or a restore."""
    missing = (f"；其中{summary.missing}个附件的内容缺失，请运行 doctor 查看"
               if summary.missing else "")
    return (f"{summary.database}数据库（结构版本{summary.revision}），附件{summary.blobs}个，"
            f"共{summary.bytes / 1024 / 1024:.1f} MB{missing}")
