"""The tamper-evident trace on the server, on SQLite and PostgreSQL.

Records are made through the real push path; then rows are changed behind the server's back
with raw SQL (SQLite's json_* functions, PostgreSQL's jsonb operators), as someone with
database access would, and `verify-trace` must name the record, the entry and what happened.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from officeapp import tracechain
from sync.server.mutations.jobs import run_jobs
from sync.server.ops import cli, migrate
from sync.server.settings import Settings
from sync.server.storage import tables as t
from sync.server.storage import tracechain as server_chain
from sync.server.storage.pokes import Notifier, PokeHub

from .conftest import Clock, User
from .office_work import assigned_item, at_hour, create_meeting, meet_ok

Users = Callable[[str], User]


@dataclass(frozen=True)
class Office:
    """One record of each kind, made through the push path, each with several trace entries."""

    document: str
    meeting: str
    item: str
    title: str


@pytest.fixture
def office(engine: sa.Engine, user: Users, clock: Clock) -> Office:
    clerk = user("office.clerk")
    document = clerk.create(title="关于做好防汛工作的通知")
    clerk.ok(document, "approve", expected_step="draft", opinion="请核稿")
    user("office.reviewer").ok(document, "approve", expected_step="review", opinion="同意")
    secretary = user("office.secretary")
    invited = [{"kind": "person", "id": "p-office.deputy"}]
    meeting = create_meeting(secretary, at_hour(clock, timedelta(days=2)), location="三楼",
                             attendees=invited)
    meet_ok(secretary, meeting, "send_notice")
    item = assigned_item(user("office.supervisor"), clock() + timedelta(days=10))
    return Office(document, meeting, item, "关于做好防汛工作的通知")


def _sql(engine: sa.Engine, sqlite: str, postgres: str, **params: Any) -> None:
    """Run raw SQL, in the dialect of the database, outside the server."""
    statement = sqlite if engine.dialect.name == "sqlite" else postgres
    with engine.begin() as connection:
        assert connection.execute(sa.text(statement), params).rowcount >= 1


def _change_opinion(engine: sa.Engine, document_id: str) -> None:
    """The second trace entry's opinion rewritten in the stored JSON."""
    _sql(engine,
         "UPDATE documents SET data = json_set(data, '$.trace[1].opinion', '不同意')"
         " WHERE id = :id",
         "UPDATE documents SET data = jsonb_set(data, '{trace,1,opinion}', '\"不同意\"')"
         " WHERE id = :id", id=document_id)


def _verify(engine: sa.Engine, settings: Settings) -> server_chain.Verified:
    return server_chain.verify(engine, settings)


def _problems(found: server_chain.Verified) -> list[tuple[str, str, int | None]]:
    return [(p.kind, p.record_id, p.seq) for p in found.problems]


def _cli(settings: Settings, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = cli.main([args[0], "--database-url", settings.database_url,
                     "--data-dir", str(settings.data_dir), *args[1:]])
    return code, capsys.readouterr().out


def _trace(engine: sa.Engine, table: sa.Table, record_id: str) -> list[dict[str, Any]]:
    with engine.connect() as connection:
        data = connection.execute(
            sa.select(table.c.data).where(table.c.id == record_id)).scalar_one()
    return list(data["trace"])


# --- clean ------------------------------------------------------------------------------------


def test_untouched_records_verify_clean_with_a_signed_checkpoint(
        engine: sa.Engine, settings: Settings, office: Office,
        capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _cli(settings, capsys, "trace-checkpoint")
    assert code == 0 and "已生成留痕校验点" in out
    key = settings.data_dir / server_chain.KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600
    code, out = _cli(settings, capsys, "verify-trace")
    assert code == 0, out
    assert "用服务器密钥文件" in out and "留痕校验通过" in out
    assert "✘" not in out


def test_what_clients_pull_carries_the_chain_head(engine: sa.Engine, user: Users,
                                                  office: Office) -> None:
    reader = user("office.clerk")
    reader.sync()
    data = reader.mirror[("document", office.document)]
    assert "trace_hashes" not in data
    length, head = data["trace_chain"]
    assert length == len(data["trace"]) == 3
    assert tracechain.verify_head("document", office.document, data["trace"], length,
                                  head) is None
    with engine.connect() as connection:
        rows = connection.execute(sa.select(t.trace_chain.c.chain_hash).where(
            t.trace_chain.c.record_id == office.document).order_by(t.trace_chain.c.seq)).scalars()
        assert list(rows)[-1] == head
    secretary = user("office.secretary")
    secretary.sync()
    meeting = secretary.mirror[("meeting", office.meeting)]
    assert tracechain.verify_head("meeting", office.meeting, meeting["trace"],
                                  *meeting["trace_chain"]) is None


# --- tampering with a record's JSON ----------------------------------------------------------


def test_a_changed_opinion_is_named(engine: sa.Engine, settings: Settings, office: Office,
                                    capsys: pytest.CaptureFixture[str]) -> None:
    _change_opinion(engine, office.document)
    code, out = _cli(settings, capsys, "verify-trace")
    assert code == 1
    assert f"公文 {office.document}《{office.title}》：第2条记录已被修改" in out
    assert "发现 1 处问题" in out


def test_a_removed_entry_is_named(engine: sa.Engine, settings: Settings, office: Office) -> None:
    _sql(engine, "UPDATE documents SET data = json_remove(data, '$.trace[1]') WHERE id = :id",
         "UPDATE documents SET data = data #- '{trace,1}' WHERE id = :id", id=office.document)
    found = _verify(engine, settings)
    assert _problems(found) == [("document", office.document, 2)]
    assert found.problems[0].what == "已被删除" and found.exit_code == 1


def test_swapped_entries_are_named(engine: sa.Engine, settings: Settings, office: Office) -> None:
    _sql(engine,
         "UPDATE documents SET data = json_set(data, '$.trace[1]', json(data -> '$.trace[2]'),"
         " '$.trace[2]', json(data -> '$.trace[1]')) WHERE id = :id",
         "UPDATE documents SET data = jsonb_set(jsonb_set(data, '{trace,1}', data #> '{trace,2}'),"
         " '{trace,2}', data #> '{trace,1}') WHERE id = :id", id=office.document)
    found = _verify(engine, settings)
    assert _problems(found) == [("document", office.document, 2)]
    assert found.problems[0].what == "顺序被调换"


def test_an_entry_added_behind_the_servers_back_is_named(engine: sa.Engine, settings: Settings,
                                                         office: Office) -> None:
    _sql(engine,
         "UPDATE documents SET data = json_insert(data, '$.trace[#]', json(data -> '$.trace[2]'))"
         " WHERE id = :id",
         "UPDATE documents SET data = jsonb_insert(data, '{trace,-1}', data #> '{trace,2}', true)"
         " WHERE id = :id", id=office.document)
    found = _verify(engine, settings)
    assert _problems(found) == [("document", office.document, 4)]
    assert found.problems[0].what == "未入链的新增记录"


def test_a_meeting_and_a_supervision_item_edited_are_named(
        engine: sa.Engine, settings: Settings, office: Office) -> None:
    _sql(engine,
         "UPDATE meetings SET data = json_set(data, '$.trace[0].actor_name', '张三')"
         " WHERE id = :id",
         "UPDATE meetings SET data = jsonb_set(data, '{trace,0,actor_name}', '\"张三\"')"
         " WHERE id = :id", id=office.meeting)
    _sql(engine,
         "UPDATE supervision_items SET data = json_set(data, '$.trace[1].at',"
         " '2020-01-01T00:00:00+00:00') WHERE id = :id",
         "UPDATE supervision_items SET data = jsonb_set(data, '{trace,1,at}',"
         " '\"2020-01-01T00:00:00+00:00\"') WHERE id = :id", id=office.item)
    found = _verify(engine, settings)
    assert sorted(_problems(found)) == [("meeting", office.meeting, 1),
                                        ("supervision", office.item, 2)]
    assert {p.what for p in found.problems} == {"已被修改"}
    assert all(p.title for p in found.problems)


def test_a_record_deleted_with_its_rows_is_named(engine: sa.Engine, settings: Settings,
                                                 office: Office) -> None:
    _sql(engine, "DELETE FROM supervision_items WHERE id = :id",
         "DELETE FROM supervision_items WHERE id = :id", id=office.item)
    found = _verify(engine, settings)
    assert _problems(found) == [("supervision", office.item, None)]
    assert "已被删除" in found.problems[0].what


def test_the_server_refuses_to_extend_a_tampered_trace(engine: sa.Engine, user: Users,
                                                       office: Office) -> None:
    _change_opinion(engine, office.document)
    result = user("office.leader").act(office.document, "approve", expected_step="sign")
    assert (result["status"], result["code"]) == ("rejected", "trace.chain_mismatch")
    assert len(_trace(engine, t.documents, office.document)) == 3


# --- tampering with the chain too: only the checkpoint catches it ---------------------------


def _rewrite_chain(engine: sa.Engine, kind: str, record_id: str,
                   trace: list[dict[str, Any]]) -> None:
    """Recompute a record's chain rows from its (edited) trace, as a careful forger would."""
    hashes = tracechain.chain(kind, record_id, trace)
    c = t.trace_chain.c
    with engine.begin() as connection:
        for seq, (entry, chained) in enumerate(zip(trace, hashes, strict=True), start=1):
            connection.execute(sa.update(t.trace_chain).where(
                c.kind == kind, c.record_id == record_id, c.seq == seq).values(
                entry_hash=tracechain.entry_hash(kind, record_id, entry), chain_hash=chained))


def test_a_trace_and_its_chain_rewritten_together_are_caught_by_the_checkpoint(
        engine: sa.Engine, settings: Settings, office: Office,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert server_chain.checkpoint(engine, settings) is not None
    _change_opinion(engine, office.document)
    _rewrite_chain(engine, "document", office.document,
                   _trace(engine, t.documents, office.document))
    found = _verify(engine, settings)
    assert _problems(found) == [("document", office.document, None)]
    assert "与已签名的校验点不符" in found.problems[0].what
    code, out = _cli(settings, capsys, "verify-trace")
    assert code == 1 and office.title in out


def test_without_a_checkpoint_a_consistent_forgery_goes_unseen(
        engine: sa.Engine, settings: Settings, office: Office) -> None:
    """The limit the docs state: before the first checkpoint, chain rows can be forged."""
    _change_opinion(engine, office.document)
    _rewrite_chain(engine, "document", office.document,
                   _trace(engine, t.documents, office.document))
    assert _verify(engine, settings).exit_code == 0


def test_a_chain_row_edited_alone_is_named(engine: sa.Engine, settings: Settings,
                                           office: Office) -> None:
    _sql(engine, "UPDATE trace_chain SET entry_hash = :h WHERE record_id = :id AND seq = 2",
         "UPDATE trace_chain SET entry_hash = :h WHERE record_id = :id AND seq = 2",
         h="0" * 64, id=office.document)
    found = _verify(engine, settings)
    assert _problems(found) == [("document", office.document, 2)]
    assert "哈希链记录已被修改" in found.problems[0].what


@pytest.mark.parametrize("forge", ["signature", "heads", "key"])
def test_a_tampered_checkpoint_is_named(engine: sa.Engine, settings: Settings, office: Office,
                                        capsys: pytest.CaptureFixture[str], forge: str,
                                        tmp_path: Any) -> None:
    made = server_chain.checkpoint(engine, settings)
    assert made is not None
    k = t.trace_checkpoints.c
    if forge == "key":  # a checkpoint signed with another key comes after ours
        forger = Settings(database_url=settings.database_url, data_dir=tmp_path / "forger")
        server_chain.checkpoint(engine, forger)
    with engine.begin() as connection:
        if forge == "signature":
            connection.execute(sa.update(t.trace_checkpoints).where(k.id == made.id)
                               .values(signature=bytes(64)))
        elif forge == "heads":
            heads = [list(h) for h in made.heads][1:]
            connection.execute(sa.update(t.trace_checkpoints).where(k.id == made.id).values(
                heads=zlib.compress(json.dumps(heads).encode())))
    code, out = _cli(settings, capsys, "verify-trace")
    assert code == 1
    assert "校验点" in out and ("签名无效" in out or "已被修改" in out), out


def test_verify_with_a_given_public_key(engine: sa.Engine, settings: Settings, office: Office,
                                        capsys: pytest.CaptureFixture[str], tmp_path: Any) -> None:
    server_chain.checkpoint(engine, settings)
    key = server_chain.load_or_create_key(server_chain.key_path(settings))
    public = tmp_path / "trace-public.pem"
    public.write_bytes(server_chain.public_pem(key.public_key()))
    code, out = _cli(settings, capsys, "verify-trace", "--public-key", str(public))
    assert code == 0 and f"用指定的公钥 {public}" in out
    stranger = tmp_path / "stranger.pem"
    server_chain.load_or_create_key(stranger)
    code, out = _cli(settings, capsys, "verify-trace", "--public-key", str(stranger))
    assert code == 1 and "签名无效" in out


def test_deleted_checkpoints_are_noticed_once_the_key_has_signed(
        engine: sa.Engine, settings: Settings, office: Office) -> None:
    server_chain.checkpoint(engine, settings)
    _sql(engine, "DELETE FROM trace_checkpoints", "DELETE FROM trace_checkpoints")
    found = _verify(engine, settings)
    assert found.exit_code == 1 and "校验点已被删除" in found.problems[0].what


# --- an upgraded office, and the scheduled checkpoint ----------------------------------------


def test_migrate_chains_an_upgraded_offices_records_once(
        engine: sa.Engine, settings: Settings, user: Users, office: Office) -> None:
    # What a release before 0008 left: no chain rows, puts without hashes.
    with engine.begin() as connection:
        connection.execute(sa.delete(t.trace_chain))
        for row in connection.execute(sa.select(t.changes.c.seq, t.changes.c.payload).where(
                t.changes.c.op == "put")).all():
            payload = {k: v for k, v in row.payload.items() if k != "trace_chain"}
            connection.execute(sa.update(t.changes).where(t.changes.c.seq == row.seq)
                               .values(payload=payload))
    assert _verify(engine, settings).exit_code == 1  # unchained entries
    migrate.upgrade(engine)
    assert _verify(engine, settings).exit_code == 0
    again = server_chain.chain_existing(engine, settings.clock())
    assert again == server_chain.Chained()
    reader = user("office.clerk")
    reader.sync()
    data = reader.mirror[("document", office.document)]
    assert tracechain.verify_head("document", office.document, data["trace"],
                                  *data["trace_chain"]) is None


def test_migrate_gives_the_puts_of_the_previous_release_their_chain_head(
        engine: sa.Engine, settings: Settings, user: Users, office: Office) -> None:
    """A release before issue 18 sent every chain hash; migrate leaves only the head."""
    with engine.begin() as connection:
        for row in connection.execute(sa.select(t.changes.c.seq, t.changes.c.kind,
                                                t.changes.c.entity_id, t.changes.c.payload)
                                      .where(t.changes.c.op == "put")).all():
            if "trace_chain" not in row.payload:
                continue
            payload = {k: v for k, v in row.payload.items() if k != "trace_chain"}
            payload["trace_hashes"] = tracechain.chain(row.kind, row.entity_id,
                                                       payload["trace"])
            connection.execute(sa.update(t.changes).where(t.changes.c.seq == row.seq)
                               .values(payload=payload))
    migrate.upgrade(engine)
    with engine.connect() as connection:
        payloads = connection.execute(sa.select(t.changes.c.payload).where(
            t.changes.c.op == "put", t.changes.c.kind == "document")).scalars().all()
    assert payloads and not any("trace_hashes" in p for p in payloads)
    assert server_chain.chain_existing(engine, settings.clock()) == server_chain.Chained()
    reader = user("office.clerk")
    reader.sync()
    data = reader.mirror[("document", office.document)]
    assert tracechain.verify_head("document", office.document, data["trace"],
                                  *data["trace_chain"]) is None


def test_the_jobs_sign_a_checkpoint_at_most_hourly(engine: sa.Engine, settings: Settings,
                                                   user: Users, office: Office,
                                                   clock: Clock) -> None:
    notifier = Notifier(engine, PokeHub())
    first = run_jobs(engine, settings, notifier).checkpoint
    assert first is not None and first.records == 3
    user("office.leader").ok(office.document, "approve", expected_step="sign")
    assert run_jobs(engine, settings, notifier).checkpoint is None  # within the hour
    clock.advance(timedelta(hours=1, minutes=1))
    second = run_jobs(engine, settings, notifier).checkpoint
    assert second is not None and second.root != first.root
    clock.advance(timedelta(hours=2))
    assert run_jobs(engine, settings, notifier).checkpoint is None  # nothing new to sign
