"""The tamper-evident trace (留痕哈希链) on the server.

Every save of a document, meeting or supervision item appends the chain rows of its new trace
entries (table `trace_chain`, in the save's transaction) and sends clients the chain's length
and last hash as the record's `trace_chain` beside `trace`. `trace-checkpoint` (and the
scheduled jobs, at most hourly) signs the heads of every chain with the server's trace key,
kept in `<data-dir>/trace-key.pem` and never in the database. `verify-trace` recomputes
every chain from the records' JSON and checks it against the chain rows and the newest
checkpoint. The hash formula is in `officeapp.tracechain`; docs/records.md says what this
can and cannot catch.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from officeapp import tracechain
from officeapp.errors import DomainError
from officeapp.tracechain import GENESIS, BreakKind
from sync.server.settings import Settings
from sync.server.storage import db
from sync.server.storage import tables as t

log = logging.getLogger("officeapp.server.tracechain")

KEY_FILE = "trace-key.pem"
CHECKPOINT_EVERY = timedelta(hours=1)  # the scheduled jobs sign at most this often
KEEP_CHECKPOINTS = 48  # older ones are deleted (each holds every chain's head)
BATCH = 500
TABLES: Mapping[str, sa.Table] = {"document": t.documents, "meeting": t.meetings,
                                  "supervision": t.supervision_items}
KIND_NAMES = {"document": "公文", "meeting": "会议", "supervision": "督办事项"}


class ChainMismatch(DomainError):
    """A save whose trace does not extend the record's chain: its earlier entries changed."""


# --- appending, with every save ----------------------------------------------------------------


def append(connection: sa.Connection, kind: str, record_id: str, entries: Sequence[Any],
           now: datetime) -> list[str]:
    """Chain the entries of `entries` the record's chain lacks; return every chain hash.

    The trace is append-only: a save whose earlier entries differ from the chain is refused
    (someone changed the stored trace behind the server's back, or a bug rewrote it).
    """
    c = t.trace_chain.c
    rows = connection.execute(
        sa.select(c.entry_hash, c.chain_hash).where(c.kind == kind, c.record_id == record_id)
        .order_by(c.seq)).all()
    digest = tracechain.entry_hasher(kind, record_id)
    digests = [digest(e) for e in entries]
    if len(rows) > len(digests) or any(r.entry_hash != d for r, d in zip(rows, digests,
                                                                          strict=False)):
        log.error("the trace of %s %s no longer extends its chain", kind, record_id)
        raise ChainMismatch("trace.chain_mismatch",
                            "该记录的留痕与服务器的哈希链不符，可能已被篡改，本次操作未执行，"
                            "请联系管理员运行 officeapp-server verify-trace",
                            kind=kind, record_id=record_id)
    hashes = [str(r.chain_hash) for r in rows]
    added = tracechain.extend(hashes[-1] if hashes else GENESIS, digests[len(rows):])
    if added:
        moment = db.as_utc(now)
        connection.execute(sa.insert(t.trace_chain), [
            {"kind": kind, "record_id": record_id, "seq": len(rows) + 1 + i,
             "entry_hash": digests[len(rows) + i], "chain_hash": h, "at": moment}
            for i, h in enumerate(added)])
    return hashes + added


def with_hashes(data: Mapping[str, Any], hashes: Sequence[str]) -> dict[str, Any]:
    """Return a record's JSON as clients pull it: with its chain's length and last hash
    (`trace_chain`), enough to check the whole trace (docs/records.md). Every chain hash
    (`trace_hashes`, as releases before issue 18 sent) cost ~130 bytes a document on the
    wire after compression, a third of the page."""
    served = {k: v for k, v in data.items() if k != "trace_hashes"}
    if hashes:
        served["trace_chain"] = [len(hashes), hashes[-1]]
    return served


def chained(connection: sa.Connection, kind: str, record_id: str, data: Mapping[str, Any],
            now: datetime) -> dict[str, Any]:
    """Chain what is new in the trace of `data` (a record's JSON); return it with hashes."""
    return with_hashes(data, append(connection, kind, record_id, data.get("trace") or (), now))


# --- chaining the records of an older release (migrate) ----------------------------------------


@dataclass(frozen=True)
class Chained:
    """What `chain_existing` did."""

    records: int = 0  # records whose chain was extended
    entries: int = 0  # chain rows written
    payloads: int = 0  # change-log puts given their trace chain's head
    mismatched: tuple[str, ...] = ()  # "kind/id" whose stored trace disagrees with its chain


def chain_existing(engine: sa.Engine, now: datetime) -> Chained:
    """Chain the trace of every record that lacks it (an upgraded office), and give each
    record's put in the change log its `trace_chain` (in place of the `trace_hashes` of
    releases before issue 18); BATCH records per transaction.

    Idempotent: a second run writes nothing. A record whose trace disagrees with its chain
    is left alone and named (verify-trace reports it).
    """
    total = Chained()
    for kind, table in TABLES.items():
        after = ""
        while True:
            with db.write(engine) as connection:
                done, after = _chain_batch(connection, kind, table, after, now)
            if done is None:
                break
            total = Chained(total.records + done.records, total.entries + done.entries,
                            total.payloads + done.payloads, total.mismatched + done.mismatched)
    if total.records or total.payloads:
        log.info("chained the trace of %s records (%s entries)", total.records, total.entries)
    return total


def _chain_batch(connection: sa.Connection, kind: str, table: sa.Table, after: str,
                 now: datetime) -> tuple[Chained | None, str]:
    rows = connection.execute(sa.select(table.c.id, table.c.data).where(table.c.id > after)
                              .order_by(table.c.id).limit(BATCH)).all()
    if not rows:
        return None, after
    ids = [str(r.id) for r in rows]
    c = t.trace_chain.c
    counts: dict[str, int] = {str(r[0]): int(r[1]) for r in connection.execute(
        sa.select(c.record_id, sa.func.count()).where(c.kind == kind, c.record_id.in_(ids))
        .group_by(c.record_id))}
    hashes: dict[str, list[str]] = {}
    records = entries = 0
    mismatched: list[str] = []
    for row in rows:
        trace = _trace(row.data)
        if counts.get(row.id, 0) == len(trace):
            hashes[row.id] = tracechain.chain(kind, row.id, trace)
            continue
        try:
            with connection.begin_nested():
                hashes[row.id] = append(connection, kind, row.id, trace, now)
        except ChainMismatch:
            mismatched.append(f"{kind}/{row.id}")
            continue
        records += 1
        entries += len(trace) - counts.get(row.id, 0)
    payloads = _hash_payloads(connection, kind, hashes)
    return Chained(records, entries, payloads, tuple(mismatched)), ids[-1]


def _hash_payloads(connection: sa.Connection, kind: str, hashes: Mapping[str, list[str]]) -> int:
    """Give the puts of these records their `trace_chain` where they lack it."""
    ch = t.changes.c
    puts = connection.execute(sa.select(ch.seq, ch.entity_id, ch.op, ch.payload).where(
        ch.kind == kind, ch.entity_id.in_(sorted(hashes)))).all()
    done = 0
    for put in puts:
        payload = put.payload
        if put.op != "put" or not isinstance(payload, dict) or "trace_chain" in payload:
            continue
        found = hashes[put.entity_id]
        if not found and "trace_hashes" not in payload:
            continue  # no trace, nothing to check: the put is as it should be
        if len(_trace(payload)) != len(found):
            continue  # not the record's current trace: leave it unverifiable, not wrong
        connection.execute(sa.update(t.changes).where(ch.seq == put.seq)
                           .values(payload=with_hashes(payload, found)))
        done += 1
    return done


def _trace(data: Any) -> list[Any]:
    trace = data.get("trace") if isinstance(data, dict) else None
    return list(trace) if isinstance(trace, list) else []


# --- the trace key, outside the database -------------------------------------------------------


def key_path(settings: Settings) -> Path:
    """Return where the server's trace key is kept."""
    return settings.data_dir / KEY_FILE


def load_or_create_key(path: Path) -> Ed25519PrivateKey:
    """Return the trace key in `path`, creating it (mode 0600) if there is none.

    Created under another name and linked into place, so that two processes starting at
    once end up with the same key.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        key = Ed25519PrivateKey.generate()
        pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
        # A name of its own per call (mode 0600): two threads of one process share a pid, and
        # one truncating the other's file before it was linked left a torn key in place.
        descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        temporary = Path(name)
        with os.fdopen(descriptor, "wb") as out:
            out.write(pem)
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    loaded = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(loaded, Ed25519PrivateKey):
        raise DomainError("trace.bad_key", f"{path} 不是 Ed25519 私钥")
    return loaded


def public_pem(key: Ed25519PublicKey) -> bytes:
    """Return the PEM text of a public key."""
    return key.public_bytes(serialization.Encoding.PEM,
                            serialization.PublicFormat.SubjectPublicKeyInfo)


def load_public_key(path: Path) -> Ed25519PublicKey:
    """Read a public key (or the private key file, whose public half is taken)."""
    data = path.read_bytes()
    if b"PRIVATE KEY" in data:
        private = serialization.load_pem_private_key(data, password=None)
        if isinstance(private, Ed25519PrivateKey):
            return private.public_key()
    else:
        public = serialization.load_pem_public_key(data)
        if isinstance(public, Ed25519PublicKey):
            return public
    raise DomainError("trace.bad_key", f"{path} 不是 Ed25519 公钥")


# --- signed checkpoints ------------------------------------------------------------------------


Head = tuple[str, str, int, str]  # kind, record_id, seq, chain_hash


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint as written or read: the heads it signs and its signature."""

    id: int
    at: datetime
    records: int
    root: str
    heads: tuple[Head, ...] = field(repr=False)
    public_key: bytes = field(repr=False)
    signature: bytes = field(repr=False)

    def line(self) -> str:
        """Describe the checkpoint in one line, for people."""
        return f"留痕校验点 #{self.id}：{self.records} 条记录，根哈希 {self.root[:16]}…"


def root_of(heads: Sequence[Head]) -> str:
    """Return the SHA-256 of the canonical JSON of the heads."""
    return hashlib.sha256(tracechain.canonical([list(h) for h in heads]).encode()).hexdigest()


def signed_text(at: datetime, records: int, root: str) -> bytes:
    """Return what a checkpoint's signature covers."""
    moment = db.as_utc(at).isoformat(timespec="microseconds")
    return tracechain.canonical({"at": moment, "records": records, "root": root,
                                 "what": "officeapp-trace-checkpoint"}).encode()


def current_heads(connection: sa.Connection) -> list[Head]:
    """Return the last chain row of every record, sorted."""
    c = t.trace_chain.c
    last = (sa.select(c.kind, c.record_id, sa.func.max(c.seq).label("seq"))
            .group_by(c.kind, c.record_id).subquery())
    query = (sa.select(c.kind, c.record_id, c.seq, c.chain_hash)
             .join(last, sa.and_(c.kind == last.c.kind, c.record_id == last.c.record_id,
                                 c.seq == last.c.seq))
             .order_by(c.kind, c.record_id))
    return [(str(r.kind), str(r.record_id), int(r.seq), str(r.chain_hash))
            for r in connection.execute(query)]


def newest(connection: sa.Connection) -> Checkpoint | None:
    """Return the newest checkpoint, or None."""
    k = t.trace_checkpoints.c
    row = connection.execute(sa.select(t.trace_checkpoints).order_by(k.id.desc()).limit(1)).first()
    if row is None:
        return None
    heads = tuple((str(h[0]), str(h[1]), int(h[2]), str(h[3]))
                  for h in json.loads(zlib.decompress(row.heads)))
    return Checkpoint(int(row.id), db.as_utc(row.at), int(row.records), str(row.root), heads,
                      bytes(row.public_key), bytes(row.signature))


def checkpoint(engine: sa.Engine, settings: Settings, now: datetime | None = None, *,
               due_after: timedelta | None = None) -> Checkpoint | None:
    """Sign the heads of every chain and store them as a checkpoint; return it.

    With `due_after`, only if the newest checkpoint is older than that and the chains have
    grown since (the scheduled jobs); otherwise always.
    """
    moment = db.as_utc(now or settings.clock())
    k = t.trace_checkpoints.c
    with db.read(engine) as connection:
        # The newest checkpoint's time and root only: its heads (every record's) are not
        # needed to decide, nor every chain's head while the last one is recent.
        last = None if due_after is None else connection.execute(
            sa.select(k.at, k.root).order_by(k.id.desc()).limit(1)).first()
        if last is not None and due_after is not None and moment - db.as_utc(last.at) < due_after:
            return None
        heads = current_heads(connection)
    root = root_of(heads)
    if last is not None and last.root == root:
        return None
    key = load_or_create_key(key_path(settings))
    signature = key.sign(signed_text(moment, len(heads), root))
    pem = public_pem(key.public_key())
    packed = zlib.compress(tracechain.canonical([list(h) for h in heads]).encode(), 9)
    with db.write(engine) as connection:
        new_id = connection.execute(sa.insert(t.trace_checkpoints).values(
            at=moment, records=len(heads), root=root, heads=packed, public_key=pem,
            signature=signature).returning(k.id)).scalar_one()
        kept = sa.select(k.id).order_by(k.id.desc()).limit(KEEP_CHECKPOINTS).subquery()
        connection.execute(sa.delete(t.trace_checkpoints).where(
            k.id.not_in(sa.select(kept.c.id))))
    return Checkpoint(int(new_id), moment, len(heads), root, tuple(heads), pem, signature)


# --- verify-trace ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing verify-trace found wrong: a record (or the checkpoint) and what."""

    kind: str
    record_id: str
    title: str
    seq: int | None
    what: str

    def line(self) -> str:
        """Describe the problem in one Chinese line."""
        if not self.kind:
            return f"✘ {self.what}"
        title = f"《{self.title}》" if self.title else ""
        where = f"第{self.seq}条记录" if self.seq is not None else ""
        kind = KIND_NAMES.get(self.kind, self.kind)
        return f"✘ {kind} {self.record_id}{title}：{where}{self.what}"


@dataclass
class Verified:
    """What verify-trace found: problems, how much it checked, which key it used."""

    problems: list[Problem] = field(default_factory=list)
    records: int = 0
    entries: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report for people: notes, one line per problem, a summary."""
        found = [*self.notes, *(p.line() for p in self.problems)]
        if self.problems:
            found.append(f"留痕校验未通过：检查了 {self.records} 条记录（{self.entries} 条留痕），"
                         f"发现 {len(self.problems)} 处问题")
        else:
            found.append(f"留痕校验通过：{self.records} 条记录（{self.entries} 条留痕）"
                         "与哈希链一致")
        return found

    @property
    def exit_code(self) -> int:
        """0 when clean, 1 when anything is broken."""
        return 1 if self.problems else 0


def verify(engine: sa.Engine, settings: Settings, *,
           public_key: Path | None = None) -> Verified:
    """Recompute every chain from the records' JSON; compare it with the chain rows and with
    the newest checkpoint, whose signature is checked against `public_key` (else the key file).
    """
    found = Verified()
    with db.read(engine) as connection:
        last = newest(connection)
        signed = _check_checkpoint(last, settings, public_key, found)
        heads = {(h[0], h[1]): h for h in last.heads} if last is not None and signed else {}
        for kind, table in TABLES.items():
            for record in _records(connection, kind, table):
                _check_record(record, heads.pop((kind, record.record_id), None), found)
            _check_orphans(connection, kind, table, heads, found)
    for kind, record_id, seq, _hash in sorted(heads.values()):
        assert last is not None
        found.problems.append(Problem(kind, record_id, "", seq,
                                      f"（整条记录）已被删除：{_signed_at(last)}的校验点中有此记录"))
    return found


def _signed_at(last: Checkpoint) -> str:
    return f"{last.at.isoformat(timespec='seconds')} 签名"


@dataclass(frozen=True)
class _Record:
    kind: str
    record_id: str
    title: str
    trace: list[Any]
    chain: list[Any]  # rows of trace_chain: seq, entry_hash, chain_hash


def _records(connection: sa.Connection, kind: str, table: sa.Table) -> Iterator[_Record]:
    """Every record of one kind with its chain rows, BATCH at a time."""
    after = ""
    c = t.trace_chain.c
    while True:
        rows = connection.execute(sa.select(table.c.id, table.c.title, table.c.data)
                                  .where(table.c.id > after).order_by(table.c.id)
                                  .limit(BATCH)).all()
        if not rows:
            return
        chains: dict[str, list[Any]] = {}
        for link in connection.execute(
                sa.select(c.record_id, c.seq, c.entry_hash, c.chain_hash)
                .where(c.kind == kind, c.record_id.in_([r.id for r in rows]))
                .order_by(c.record_id, c.seq)):
            chains.setdefault(link.record_id, []).append(link)
        for row in rows:
            yield _Record(kind, str(row.id), str(row.title), _trace(row.data),
                          chains.get(row.id, []))
        after = str(rows[-1].id)


def _problem(record: _Record, seq: int | None, what: str) -> Problem:
    return Problem(record.kind, record.record_id, record.title, seq, what)


def _check_record(record: _Record, head: Head | None, found: Verified) -> None:
    """Check one record's trace against its chain rows and the checkpoint's head."""
    found.records += 1
    found.entries += len(record.trace)
    rows = record.chain
    previous = GENESIS
    for position, row in enumerate(rows, start=1):
        if row.seq != position:
            found.problems.append(_problem(record, position, "的哈希链记录已被删除"))
            return
        if tracechain.link(previous, row.entry_hash) != row.chain_hash:
            found.problems.append(_problem(record, position, "的哈希链记录已被修改"))
            return
        previous = row.chain_hash
    digests = [tracechain.entry_hash(record.kind, record.record_id, e) for e in record.trace]
    broken = tracechain.locate(digests, [r.chain_hash for r in rows])
    if broken is not None:
        found.problems.append(_problem(record, broken.seq, tracechain.BREAK_TEXT[broken.kind]))
        return
    if head is not None:
        _check_head(record, head, found)


def _check_head(record: _Record, head: Head, found: Verified) -> None:
    """The chain must still pass through the head the checkpoint signed."""
    seq, signed = head[2], head[3]
    if seq > len(record.chain):
        found.problems.append(_problem(
            record, len(record.chain) + 1,
            f"{tracechain.BREAK_TEXT[BreakKind.REMOVED]}（已签名的校验点中有第{seq}条）"))
    elif record.chain[seq - 1].chain_hash != signed:
        found.problems.append(_problem(
            record, None, f"第1至第{seq}条记录中有记录已被修改、删除或调换顺序，"
                          "哈希链也被一并改写（与已签名的校验点不符）"))


def _check_orphans(connection: sa.Connection, kind: str, table: sa.Table,
                   heads: dict[tuple[str, str], Head], found: Verified) -> None:
    """Chains whose record is gone (deleted from the database)."""
    c = t.trace_chain.c
    gone = connection.execute(
        sa.select(c.record_id, sa.func.max(c.seq)).where(
            c.kind == kind, ~sa.exists().where(table.c.id == c.record_id))
        .group_by(c.record_id).order_by(c.record_id)).all()
    for record_id, seq in gone:
        heads.pop((kind, str(record_id)), None)
        found.problems.append(Problem(kind, str(record_id), "", None,
                                      f"（整条记录，{seq}条留痕）已被删除"))


def _check_checkpoint(last: Checkpoint | None, settings: Settings, public_key: Path | None,
                      found: Verified) -> bool:
    """Check the newest checkpoint's root and signature; return whether its heads count."""
    path = public_key or key_path(settings)
    if last is None:
        if public_key is None and path.exists():
            found.problems.append(Problem("", "", "", None,
                                          f"数据库中没有校验点，但服务器密钥 {path} 已签过校验点："
                                          "校验点已被删除"))
        else:
            found.notes.append("尚无签名的校验点（运行 officeapp-server trace-checkpoint 生成）")
        return False
    if not path.exists():
        found.problems.append(Problem("", "", "", None, f"找不到密钥文件 {path}，"
                                      "无法校验校验点签名（可用 --public-key 指定公钥）"))
        return False
    key = load_public_key(path)
    source = "指定的公钥" if public_key is not None else "服务器密钥文件"
    found.notes.append(f"用{source} {path} 校验第 {last.id} 号校验点"
                       f"（{last.at.isoformat(timespec='seconds')}，{last.records} 条记录）")
    problem = _checkpoint_problem(last, key)
    if problem:
        found.problems.append(Problem("", "", "", None, f"校验点 #{last.id}：{problem}"))
        return False
    return True


def _checkpoint_problem(last: Checkpoint, key: Ed25519PublicKey) -> str:
    if root_of(last.heads) != last.root or len(last.heads) != last.records:
        return "校验点内容与根哈希不符（校验点已被修改）"
    if last.public_key != public_pem(key):
        return "校验点签名无效（不是由该密钥签名的）"
    try:
        key.verify(last.signature, signed_text(last.at, last.records, last.root))
    except InvalidSignature:
        return "校验点签名无效"
    return ""
