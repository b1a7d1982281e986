"""Benchmark of the local store at scale: load, inbox pages, full-text search, size.

    .venv/bin/python benchmarks/bench_store.py --records 100000 [--db PATH] [--keep]
        [--meetings 20000 --items 50000]

With meetings and supervision items, the one 待办/已办 across kinds is timed too
(inbox_lines_*: pages and counts as the main window's list reads them, at the moment the
last document was written).

Prints one JSON object per line: {"name": ..., "value": ..., "unit": ...}.
Bars (DESIGN.md §5, at 100k): fts_query_ms_p95 < 50, inbox_page_ms_p95 < 100,
short_query_ms_p95 < 50 (words of 1–2 characters from titles, 正文 and opinions).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS
from officeapp.documents import Classification, Direction, DocType, Urgency
from officeapp.meetings import (
    Attendee,
    Meeting,
    MeetingStatus,
    MeetingType,
    Reply,
    ReplyKind,
)
from officeapp.org import Actor, Organisation, Person, Role
from officeapp.store import InboxFilter, InboxSort, LocalStore
from officeapp.store.inbox import ACROSS_KINDS, FOLDERS, SORT_KEYS
from officeapp.supervision import ActionKind as ItemAction
from officeapp.supervision import Source, SupervisionItem, SupervisionTraceEntry
from officeapp.supervision import Status as ItemStatus
from officeapp.workflow.codec import document_to_dict
from officeapp.workflow.definitions import WORKFLOWS, HolderRule
from officeapp.workflow.engine import holders_for
from officeapp.workflow.model import ActionKind, Circulation, Document, Holder, Status, TraceEntry

BATCH = 1000
SAMPLES = 200
START = datetime(2021, 1, 1, tzinfo=UTC)

VERBS = ("印发", "做好", "加强", "开展", "进一步规范", "报送", "组织开展", "切实做好", "调整",
         "申请拨付", "推进", "落实", "部署", "表彰", "公布")
SCOPES = ("2024年", "2023年", "全市", "全市教育系统", "市直机关", "各县区", "萍乡市", "城区",
          "第三季度", "春节期间", "汛期", "年度")
TOPICS = ("数字政府建设", "安全生产", "防汛抗旱", "财政预算执行", "营商环境优化", "义务教育招生",
          "政务公开", "城市管理", "疫情防控", "乡村振兴", "政府采购", "国有资产清查", "信访维稳",
          "校园安全", "专项债券", "督查检查", "节能降耗", "森林防火", "统计调查", "档案管理",
          "机构编制", "人才引进", "数据共享", "一网通办", "重点项目建设", "老旧小区改造")
TAILS = ("工作", "实施方案", "专项行动", "有关事项", "工作方案", "总体方案", "考核办法", "情况",
         "经费", "管理办法", "工作要点")
SENTENCES = (
    "为深入贯彻落实党中央、国务院和省委、省政府决策部署，",
    "经市政府同意，现将有关事项通知如下。",
    "各地各部门要高度重视，切实加强组织领导，明确责任分工，",
    "确保各项任务按时保质完成。",
    "请于规定时间内将工作进展情况报市政府办公室。",
    "对工作不力、推诿扯皮的单位，将予以通报批评。",
    "要坚持问题导向和目标导向，",
    "统筹推进各项改革举措落地见效，",
    "进一步提升政务服务效能和群众满意度。",
    "所需经费从部门预算中统筹安排，",
    "严格执行财经纪律，确保资金使用安全规范。",
    "联系人：市政府办公室文秘科，联系电话：0799-6888888。",
    "特此报告，请予审阅。",
    "妥否，请批示。",
    "本方案自印发之日起施行。",
    "各县区人民政府，市直各单位，",
    "加强部门协同和数据共享，",
    "建立健全长效工作机制，",
)
OPINIONS = ("同意。", "拟同意，请领导审定。", "请财政局会签。", "请尽快办理。", "已阅。",
            "同意印发。", "请按程序办理。", "建议修改第三段表述后再报。", "请教育局配合落实。",
            "按来文要求办理，并于月底前报送进展。", "同意，请办公室牵头落实。", "无意见。",
            "请督查科跟踪督办。", "已核稿，文字无误。", "请相关单位认真研究办理。")


def emit(name: str, value: float, unit: str) -> None:
    """Print one figure as a JSON line."""
    print(json.dumps({"name": name, "value": round(value, 3), "unit": unit},
                     ensure_ascii=False), flush=True)


def p95(samples: Sequence[float]) -> float:
    """Return the 95th percentile."""
    return statistics.quantiles(samples, n=20)[-1]


class Generator:
    """Builds realistic documents directly as dataclasses (no decide() per document)."""

    def __init__(self, org: Organisation, rng: random.Random) -> None:
        self.org = org
        self.rng = rng
        self.units = [u for u in org.units if any(p.unit_id == u for p in org.people.values())]
        self.people = {u: [p for p in org.people.values() if p.unit_id == u] for u in self.units}

    def title(self, doc_type: DocType) -> str:
        """Return a 关于…的通知-style title."""
        r = self.rng
        subject = f"{r.choice(VERBS)}{r.choice(SCOPES)}{r.choice(TOPICS)}{r.choice(TAILS)}"
        return f"关于{subject}的{doc_type.value}"

    def body(self) -> str:
        """Return a body of a few hundred characters."""
        parts: list[str] = []
        while sum(map(len, parts)) < self.rng.randint(200, 450):
            parts.append(self.rng.choice(SENTENCES))
            if self.rng.random() < 0.3:
                parts.append(f"围绕{self.rng.choice(TOPICS)}，")
        return "".join(parts)

    def person(self, unit: str, roles: frozenset[Role] | None = None) -> Person:
        """Return someone of `unit` with one of `roles`, or anyone there."""
        fits = [p for p in self.people[unit] if roles is None or p.roles & roles]
        return self.rng.choice(fits or self.people[unit])

    def document(self, index: int) -> Document:
        """Return document number `index` at a random step, with 3–6 trace entries."""
        r = self.rng
        direction = Direction.OUTGOING if r.random() < 0.55 else Direction.INCOMING
        workflow = WORKFLOWS[direction]
        step_index = r.randrange(len(workflow.steps))
        step = workflow.steps[step_index]
        owner = r.choice(self.units)
        others = [u for u in self.units if u != owner]
        doc_type = r.choice(list(DocType))
        creator = self.person(owner, workflow.steps[0].roles or None)
        created = START + timedelta(minutes=index * 9 + r.randrange(9))
        agency = self.org.units[owner].agency_code
        if direction is Direction.OUTGOING:
            numbered = step_index > workflow.index("number")
        else:
            numbered = r.random() < 0.8  # most incoming documents carry the sender's number
        doc = Document(
            id=f"doc-{index:07d}", direction=direction, doc_type=doc_type,
            title=self.title(doc_type), owner_unit_id=owner, created_by=creator.id,
            created_at=created, step=step.key,
            urgency=r.choices(list(Urgency), weights=(1, 3, 16))[0],
            classification=r.choice(list(Classification)), agency_code=agency,
            doc_number=f"{agency}〔{created.year}〕{index % 900 + 1}号" if numbered else None,
            main_recipients=tuple(r.sample(others, 1)), body=self.body(),
            countersign_units=tuple(r.sample(others, r.randint(1, 2))),
            lead_unit_id=owner, co_unit_ids=tuple(r.sample(others, r.randint(0, 2))),
            circulate_to=tuple(p.id for p in r.sample(list(self.org.people.values()), 2)),
            deadline=created + timedelta(days=r.randint(3, 60)) if r.random() < 0.6 else None,
            sender_unit="江西省人民政府办公厅" if direction is Direction.INCOMING else "",
        )
        doc = replace(doc, holders=self.holders(doc, step.key))
        trace = self.trace(doc, workflow.steps[: step_index + 1], creator, created)
        circulations = self.circulations(doc, trace[-1].at)
        return replace(doc, trace=trace, circulations=circulations, updated_at=trace[-1].at,
                       version=len(trace))

    def holders(self, doc: Document, step_key: str) -> tuple[Holder, ...]:
        """Return the step's holders, some pools already claimed by a person."""
        step = WORKFLOWS[doc.direction].step(step_key)
        found = []
        for holder in holders_for(doc, step):
            pool = holder.person_id is None and holder.unit_id in self.people
            if pool and self.rng.random() < 0.4:
                who = self.person(holder.unit_id, holder.roles)
                holder = replace(holder, person_id=who.id, claimed_at=doc.created_at)
            found.append(replace(holder, done=step.holders is HolderRule.COUNTERSIGN
                                 and self.rng.random() < 0.2))
        return tuple(found)

    def trace(
        self, doc: Document, path: Sequence[Any], creator: Person, at: datetime,
    ) -> tuple[TraceEntry, ...]:
        """Return 3–6 entries walking the path up to the current step."""
        r = self.rng
        opinion = "拟稿" if doc.direction is Direction.OUTGOING else "收文登记"
        entries = [TraceEntry(seq=1, step=path[0].key, action=ActionKind.CREATE,
                              actor_id=creator.id, actor_name=creator.name, at=at,
                              opinion=opinion)]
        for seq in range(2, r.randint(3, 6) + 1):
            step = path[min(seq - 1, len(path) - 1)]
            who = self.person(r.choice(self.units), step.roles or None)
            at = at + timedelta(hours=r.randint(1, 48))
            action = r.choice((ActionKind.APPROVE,) * 4 + (ActionKind.CLAIM, ActionKind.URGE))
            entries.append(TraceEntry(seq=seq, step=step.key, action=action, actor_id=who.id,
                                      actor_name=who.name, at=at, opinion=r.choice(OPINIONS)))
        return tuple(entries)

    def circulations(self, doc: Document, at: datetime) -> tuple[Circulation, ...]:
        """Return a few read or unread 传阅 requests."""
        if self.rng.random() > 0.15:
            return ()
        reader = self.rng.choice(list(self.org.people))
        read = at + timedelta(hours=2) if self.rng.random() < 0.5 else None
        return (Circulation(reader, doc.created_by, at, read),)


class KindsGenerator:
    """Builds meetings and supervision items over the same years as the documents."""

    def __init__(self, gen: Generator, span: timedelta) -> None:
        self.gen = gen
        self.rng = gen.rng
        self.span = span

    def moment(self) -> datetime:
        """Return a working-day morning in the documents' years (and a month past them)."""
        days = self.rng.randrange(max(1, self.span.days + 30))
        return START + timedelta(days=days, hours=self.rng.choice((1, 2, 6, 7)))

    def meeting(self, index: int) -> Meeting:
        """Return a meeting with 2–6 invitations (people or whole units), some replied."""
        r, units = self.rng, self.gen.units
        start = self.moment()
        organiser = r.choice(units)
        secretary = self.gen.person(organiser)
        people = [p.id for p in r.sample(list(self.gen.org.people.values()), r.randint(1, 4))]
        attendees = (*(Attendee.person(p) for p in people),
                     *(Attendee.unit(u) for u in r.sample(units, r.randint(0, 2))))
        replies = tuple(
            Reply(n, a, ReplyKind.ATTEND, a.id if a.kind.value == "person" else secretary.id,
                  secretary.name, start - timedelta(days=1))
            for n, a in enumerate(attendees, start=1) if r.random() < 0.6)
        status = r.choices((MeetingStatus.NOTIFIED, MeetingStatus.HELD, MeetingStatus.DRAFT,
                            MeetingStatus.CANCELLED), weights=(6, 2, 1, 1))[0]
        return Meeting(
            id=f"meeting-{index:07d}", title=f"关于{r.choice(TOPICS)}的{r.choice(TAILS)}会议",
            meeting_type=r.choice(list(MeetingType)), start=start,
            end=start + timedelta(hours=2), organiser_unit_id=organiser,
            created_by=secretary.id, created_at=start - timedelta(days=3), status=status,
            attendees=attendees, replies=replies, check_in_code=r.choice(("", "2468")),
            updated_at=start - timedelta(days=1))

    def item(self, index: int) -> SupervisionItem:
        """Return a supervision item at a random status, led by one unit with 0–2 co-units."""
        r, units = self.rng, self.gen.units
        created = self.moment()
        lead = r.choice(units)
        status = r.choices(list(ItemStatus), weights=(1, 1, 1, 3, 3, 6, 2, 1, 12))[0]
        supervisor = self.gen.person(r.choice(units))
        trace: tuple[SupervisionTraceEntry, ...] = (SupervisionTraceEntry(
            seq=1, action=ItemAction.CREATE, actor_id=supervisor.id, actor_name=supervisor.name,
            at=created, status=ItemStatus.DRAFT, target_status=ItemStatus.DRAFT),)
        if status in (ItemStatus.RECEIVED, ItemStatus.IN_PROGRESS, ItemStatus.COMPLETED):
            clerk = self.gen.person(lead)
            trace += (SupervisionTraceEntry(seq=2, action=ItemAction.RECEIVE, actor_id=clerk.id,
                                            actor_name=clerk.name,
                                            at=created + timedelta(days=1),
                                            status=ItemStatus.ASSIGNED,
                                            target_status=ItemStatus.RECEIVED),)
        return SupervisionItem(
            id=f"item-{index:07d}", title=f"{r.choice(VERBS)}{r.choice(TOPICS)}{r.choice(TAILS)}",
            source=r.choice(list(Source)), supervisor_unit_id=supervisor.unit_id,
            created_by=supervisor.id, created_at=created, status=status,
            urgency=r.choices(list(Urgency), weights=(1, 3, 16))[0], lead_unit_id=lead,
            co_unit_ids=tuple(r.sample([u for u in units if u != lead], r.randint(0, 2))),
            deadline=created + timedelta(days=r.randint(30, 180)), trace=trace,
            updated_at=trace[-1].at)


def load_kinds(store: LocalStore, kinds: KindsGenerator, meetings: int, items: int) -> None:
    """Put the meetings and items in batches and print how long each took."""
    for kind, count, make in (("meeting", meetings, kinds.meeting),
                              ("supervision", items, kinds.item)):
        seconds = 0.0
        for start in range(0, count, BATCH):
            batch = [make(i) for i in range(start, min(count, start + BATCH))]
            began = time.perf_counter()
            store.put_records(kind, batch)
            seconds += time.perf_counter() - began
        emit(f"{kind}_load_seconds", seconds, "s")


def batches(gen: Generator, count: int) -> Iterator[list[Document]]:
    """Yield the documents in put_documents batches."""
    for start in range(0, count, BATCH):
        yield [gen.document(i) for i in range(start, min(count, start + BATCH))]


def timed(call: Callable[[], object]) -> float:
    """Return how long `call` took, in milliseconds."""
    start = time.perf_counter()
    call()
    return (time.perf_counter() - start) * 1000


class Loaded:
    """What the load phase measured and kept (a sample of texts, not every document)."""

    def __init__(self) -> None:
        self.put_seconds = 0.0
        self.json_seconds = 0.0
        self.texts: list[str] = []
        self.ids: list[str] = []


def load(store: LocalStore, gen: Generator, count: int, raw: sqlite3.Connection) -> Loaded:
    """Put `count` documents in batches, and time the same JSON bulk-inserted into `raw`."""
    loaded = Loaded()
    for batch in batches(gen, count):
        start = time.perf_counter()
        store.put_records("document", batch)
        loaded.put_seconds += time.perf_counter() - start
        loaded.json_seconds += bulk_insert(raw, batch)
        for doc in batch[::25]:
            loaded.texts += [doc.title, doc.body, *(e.opinion for e in doc.trace)]
            loaded.ids.append(doc.id)
    return loaded


def raw_database(path: Path) -> sqlite3.Connection:
    """Return a plain table for the baseline: the documents' JSON and nothing else."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("CREATE TABLE raw (id INTEGER PRIMARY KEY, data TEXT NOT NULL)")
    return conn


def bulk_insert(conn: sqlite3.Connection, batch: list[Document]) -> float:
    """Return seconds to insert the batch's JSON (DESIGN §5: initial sync ≤ 2× this)."""
    rows = [(json.dumps(document_to_dict(d), ensure_ascii=False),) for d in batch]
    start = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO raw (data) VALUES (?)", rows)
    conn.execute("COMMIT")
    return time.perf_counter() - start


def random_filter(rng: random.Random, words: Sequence[str]) -> InboxFilter:
    """Return a filter with each condition present at random."""
    def maybe(value: Any, chance: float = 0.25) -> Any:
        return value if rng.random() < chance else None

    return InboxFilter(
        urgency=maybe(rng.choice(list(Urgency))), doc_type=maybe(rng.choice(list(DocType))),
        status=maybe(rng.choice(list(Status))), direction=maybe(rng.choice(list(Direction))),
        due_before=maybe(START + timedelta(days=rng.randint(30, 900)), 0.15),
        text=maybe(rng.choice(words), 0.2) or "",
    )


def substrings(rng: random.Random, texts: Sequence[str], count: int) -> list[str]:
    """Return random 3–6 character substrings of real titles and bodies."""
    found: list[str] = []
    while len(found) < count:
        text = rng.choice(texts)
        size = rng.randint(3, 6)
        start = rng.randrange(max(1, len(text) - size))
        piece = text[start:start + size]
        if len(piece.strip()) >= 3 and not any(c in piece for c in "，。、：；"):
            found.append(piece)
    return found


def short_words(rng: random.Random, texts: Sequence[str], count: int) -> list[str]:
    """Return random words of 1–2 characters as they stand in real titles, 正文 and opinions."""
    found: list[str] = []
    while len(found) < count:
        text = rng.choice(texts)
        size = rng.choice((1, 2, 2))
        if len(text) <= size:
            continue
        start = rng.randrange(len(text) - size)
        piece = text[start:start + size]
        if not any(c in piece for c in "，。、：；… \n"):
            found.append(piece)
    return found


def unlikely_pairs(rng: random.Random, texts: Sequence[str], count: int) -> list[str]:
    """Return two common characters that rarely stand together: the character index must
    then read both characters' whole lists (its worst case), and no page fills early."""
    common = sorted({c for t in texts for c in t if c not in "，。、：；… \n"})
    return [rng.choice(common) + rng.choice(common) for _ in range(count)]


def random_sort(rng: random.Random) -> InboxSort:
    """Return one of the inbox sorts, mostly descending."""
    return InboxSort(rng.choice(SORT_KEYS), rng.random() < 0.7)


def measure_inbox(
    store: LocalStore, actors: list[Actor], rng: random.Random, words: Sequence[str],
) -> tuple[dict[str, list[float]], list[float]]:
    """Time first pages (and their counts) of each folder with random filters and sorts."""
    pages: dict[str, list[float]] = {f: [] for f in FOLDERS}
    counts: list[float] = []
    for _ in range(SAMPLES):
        for folder in FOLDERS:
            actor, sort, filters = rng.choice(actors), random_sort(rng), random_filter(rng, words)
            start = time.perf_counter()
            store.inbox(actor=actor, folder=folder, filters=filters, sort=sort, limit=50)
            pages[folder].append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            store.inbox_count(actor=actor, folder=folder, filters=filters)
            counts.append((time.perf_counter() - start) * 1000)
    return pages, counts


def random_line_filter(rng: random.Random) -> InboxFilter:
    """Return a filter of the cross-kind list: a kind, urgency or due date at random, and now
    and then a documents-only condition (高级搜索's step)."""
    def maybe(value: Any, chance: float = 0.25) -> Any:
        return value if rng.random() < chance else None

    return InboxFilter(
        kind=maybe(rng.choice(("document", "meeting", "supervision"))),
        urgency=maybe(rng.choice(list(Urgency))),
        due_before=maybe(START + timedelta(days=rng.randint(30, 900)), 0.15),
        step=maybe("review", 0.1))


def measure_lines(
    store: LocalStore, actors: list[Actor], rng: random.Random, now: datetime,
) -> tuple[dict[str, list[float]], list[float]]:
    """Time first pages (and counts) of 待办 and 已办 across kinds, filtered and sorted."""
    pages: dict[str, list[float]] = {f: [] for f in ACROSS_KINDS}
    counts: list[float] = []
    for _ in range(SAMPLES):
        for folder in ACROSS_KINDS:
            actor, sort, filters = rng.choice(actors), random_sort(rng), random_line_filter(rng)
            pages[folder].append(timed(partial(
                store.inbox_lines, actor=actor, folder=folder, filters=filters, sort=sort,
                limit=50, now=now)))
            counts.append(timed(partial(
                store.inbox_line_count, actor=actor, folder=folder, filters=filters, now=now)))
    return pages, counts


def report_lines(store: LocalStore, actors: list[Actor], rng: random.Random,
                 now: datetime) -> None:
    """Print the cross-kind inbox figures, with how much each person's 待办 holds."""
    pages, counts = measure_lines(store, actors, rng, now)
    for folder, samples in pages.items():
        emit(f"inbox_lines_{folder}_page_ms_p95", p95(samples), "ms")
    every = [s for v in pages.values() for s in v]
    emit("inbox_lines_page_ms_p50", statistics.median(every), "ms")
    emit("inbox_lines_page_ms_p95", p95(every), "ms")
    emit("inbox_lines_count_ms_p95", p95(counts), "ms")
    deep = [timed(partial(store.inbox_lines, actor=rng.choice(actors), folder="todo",
                          sort=random_sort(rng), offset=500, limit=100, now=now))
            for _ in range(40)]
    emit("inbox_lines_page_at_500_ms_p95", p95(deep), "ms")
    sizes = [store.todo_by_kind(a, now=now) for a in actors]
    for kind in ("document", "meeting", "supervision"):
        emit(f"todo_{kind}_per_person_max", max(s.get(kind, 0) for s in sizes), "entries")
    entries = store.db.conn.execute("SELECT count(*) FROM inbox_entries").fetchone()[0]
    emit("inbox_entries", entries, "rows")


def measure_search(store: LocalStore, queries: Sequence[str]) -> list[float]:
    """Time the first page of results of each query."""
    samples = []
    for query in queries:
        start = time.perf_counter()
        store.search(query, limit=50)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def probe_rss(path: Path) -> None:
    """In a fresh process: open the store, list and search like a user, print peak RSS."""
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    rng = random.Random(1)
    with LocalStore.open(path) as store:
        actors = [org.actor(p, START) for p in org.people]
        for _ in range(100):
            store.inbox(actor=rng.choice(actors), folder="todo", sort=random_sort(rng))
            store.search(rng.choice(TOPICS))
        store.folder_counts(actors[0])
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="database file (default: temp)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--meetings", type=int, default=0)
    parser.add_argument("--items", type=int, default=0, help="supervision items")
    parser.add_argument("--seed", type=int, default=20240301)
    parser.add_argument("--probe-rss", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe_rss:
        probe_rss(args.probe_rss)
        return 0
    workdir = Path(tempfile.mkdtemp(prefix="bench_store_"))
    path = args.db or workdir / "store.db"
    _remove(path)
    try:
        run(path, workdir, args.records, random.Random(args.seed), meetings=args.meetings,
            items=args.items)
    finally:
        if not args.keep:
            _remove(path)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def run(path: Path, workdir: Path, records: int, rng: random.Random, *, meetings: int = 0,
        items: int = 0) -> None:
    """Load a fresh store at `path` and measure it."""
    org = Organisation(DEMO_UNITS, DEMO_PEOPLE)
    store = LocalStore.open(path)
    store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    raw = raw_database(workdir / "raw.db")
    gen = Generator(org, rng)
    loaded = load(store, gen, records, raw)
    raw.close()
    # The present: the last document's time (documents come every 9 minutes).
    now = START + timedelta(minutes=9 * records)
    if meetings or items:
        load_kinds(store, KindsGenerator(gen, now - START), meetings, items)
    emit("records", records, "documents")
    emit("meetings", meetings, "meetings")
    emit("items", items, "supervision items")
    emit("load_seconds", loaded.put_seconds, "s")
    emit("bulk_json_seconds", loaded.json_seconds, "s")
    emit("optimize_seconds", timed(store.optimize) / 1000, "s")
    store.close()
    emit("open_seconds", timed(lambda: LocalStore.open(path).close()) / 1000, "s")
    store = LocalStore.open(path)
    actors = [org.actor(p, START) for p in org.people if org.people[p].roles - {Role.ADMIN}]
    words = [*substrings(rng, loaded.texts, 50), "通知", "萍府", "数字政府", "〔2023〕2"]
    pages, counts = measure_inbox(store, actors, rng, words)
    every_page = [s for v in pages.values() for s in v]
    for folder, samples in pages.items():
        emit(f"inbox_{folder}_page_ms_p95", p95(samples), "ms")
    emit("inbox_page_ms_p50", statistics.median(every_page), "ms")
    emit("inbox_page_ms_p95", p95(every_page), "ms")
    emit("inbox_count_ms_p95", p95(counts), "ms")
    emit("folder_counts_ms_p95", p95([timed(partial(store.folder_counts, a)) for a in actors]),
         "ms")
    report_lines(store, actors, rng, now)
    fts = measure_search(store, substrings(rng, loaded.texts, SAMPLES))
    emit("fts_query_ms_p50", statistics.median(fts), "ms")
    emit("fts_query_ms_p95", p95(fts), "ms")
    short = measure_search(store, short_words(rng, loaded.texts, SAMPLES))
    emit("short_query_ms_p50", statistics.median(short), "ms")
    emit("short_query_ms_p95", p95(short), "ms")
    rare = measure_search(store, unlikely_pairs(rng, loaded.texts, SAMPLES))
    emit("short_query_unlikely_pair_ms_p95", p95(rare), "ms")
    emit("document_stats_ms_p95", p95([timed(store.finished_counts) for _ in range(20)]), "ms")
    some = rng.sample(loaded.ids, min(200, len(loaded.ids)))
    reads = [timed(partial(store.get_document, i)) for i in some]
    emit("get_document_ms_p95", p95(reads), "ms")
    store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    emit("db_mb", sum(_size(Path(f"{path}{s}")) for s in ("", "-wal")) / 1e6, "MB")
    probe = subprocess.run([sys.executable, __file__, "--probe-rss", str(path)], check=True,
                           capture_output=True, text=True)
    emit("client_rss_mb", float(probe.stdout.strip()), "MB")


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
