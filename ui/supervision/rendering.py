"""The HTML of the item pane (fields, reports, urgings, extensions, the trace) and the text of
a refused action: built from a snapshot, with no widgets, so it is tested plainly."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import datetime

from officeapp.org import Organisation
from officeapp.store import RejectionRecord
from officeapp.supervision import (
    ActionKind,
    ExtensionState,
    ReviewOutcome,
    SupervisionItem,
    SupervisionTraceEntry,
)
from officeapp.workflow import Attachment
from ui.common import times
from ui.common.attachments import STATE_LABELS, human_size
from ui.common.messages import refusal_text
from ui.common.rich import field_cells, style
from ui.common.translate import tr, translate
from ui.common.values import listed, qualified, value_text
from ui.supervision.snapshot import ItemSnapshot
from ui.supervision.texts import (
    EXTENSION_TEXTS,
    LIGHT_COLOURS,
    action_text,
    deadline_text,
    light_explanation,
    light_text,
    mutation_label,
    person_name,
    reporting_cycle_text,
    status_text,
    unit_name,
    unit_names,
    when,
)

# --- what the pane says ----------------------------------------------------------------------

_CSS = style(
    " .opinion { margin-left: 16px; }",
    " td.step { color: #1f5f99; background-color: #e8f0fa; font-weight: bold; padding: 2px 6px; }",
    " td.entry { padding: 2px 0 10px 8px; }",
    " p.para { margin-top: 0; margin-bottom: 8px; }",
    " table.list td { padding: 3px 8px; vertical-align: top; border-bottom: 1px solid #e4e4e4; }",
    " table.list th { padding: 3px 8px; text-align: left; color: #555; background: #f3f3f3; }",
)


def _cells(rows: Sequence[tuple[str, str]]) -> str:
    return "".join(f"<tr><td class='label'>{html.escape(label)}</td>"
                   f"<td>{value}</td></tr>" for label, value in rows)


def _paragraphs(text: str) -> str:
    parts = [p for p in text.replace("\r", "").split("\n\n") if p.strip()]
    if not parts:
        return "<p class='muted'>" + html.escape(tr("（无）")) + "</p>"
    return "".join(f"<p class='para'>{html.escape(p).replace(chr(10), '<br>')}</p>"
                   for p in parts)


def _field_rows(item: SupervisionItem, org: Organisation,
                snapshot: ItemSnapshot) -> list[tuple[str, str]]:
    esc = html.escape
    source = value_text(item.source.value)
    if item.source_link is not None and item.source_link.label:
        source = qualified(source, item.source_link.label)
    colour = LIGHT_COLOURS[snapshot.light.light]
    rows = [
        (tr("状态灯"), f"<span style='color:{colour}; font-weight:bold'>●</span> "
                      f"{esc(light_explanation(snapshot.light))}"),
        (tr("办理状态"), esc(status_text(item.status))),
        (tr("督办来源"), esc(source)),
        (tr("紧急程度"), esc(value_text(item.urgency.value))),
        (tr("牵头单位"), esc(unit_name(org, item.lead_unit_id))),
        (tr("配合单位"), esc(unit_names(org, item.co_unit_ids))),
        (tr("办理时限"), esc(deadline_text(item.deadline))),
        (tr("反馈周期"), esc(reporting_cycle_text(item.cycle))),
    ]
    if item.next_report_due is not None:
        rows.append((tr("下次反馈"), esc(when(item.next_report_due))))
    rows.append((tr("完成进度"), f"{item.percent}%"))
    if item.informed_ids:
        rows.append((tr("阅知领导"), esc(listed(person_name(org, p)
                                                for p in item.informed_ids))))
    rows.append((tr("督查单位"), esc(unit_name(org, item.supervisor_unit_id))))
    creator = f"{person_name(org, item.created_by)}　{when(item.created_at)}"
    rows.append((tr("立项人"), esc(creator)))
    return rows + _later_rows(item, org, snapshot)


def _later_rows(item: SupervisionItem, org: Organisation,
                snapshot: ItemSnapshot) -> list[tuple[str, str]]:
    esc = html.escape
    rows: list[tuple[str, str]] = []
    if item.needs_approval:
        who = person_name(org, item.approver_id) if item.approver_id else tr("督查单位领导")
        rows.append((tr("审批领导"), esc(who)))
    if item.assigned_at is not None:
        rows.append((tr("交办时间"), esc(when(item.assigned_at))))
    if item.received_at is not None:
        rows.append((tr("签收"), esc(f"{person_name(org, item.received_by)}　"
                                      f"{when(item.received_at)}")))
    if item.completed_at is not None:
        rows.append((tr("办结时间"), esc(when(item.completed_at))))
    if snapshot.parent is not None:
        rows.append((tr("上级事项"), esc(snapshot.parent.title)))
    rows.append((tr("事项编号"), f"<span class='muted'>{esc(item.id)}</span>"))
    return rows


def _children_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    if not snapshot.children:
        return ""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("状态灯"), tr("分解事项"), tr("牵头单位"), tr("办理时限"), tr("状态"),
        tr("进度")))
    rows = []
    for row, detail in snapshot.children:
        colour = LIGHT_COLOURS[detail.light]
        cells = (f"<span style='color:{colour}'>●</span> {html.escape(light_text(detail.light))}",
                 html.escape(row.title), html.escape(unit_name(org, row.lead_unit_id)),
                 html.escape(deadline_text(row.deadline)), html.escape(status_text(row.status)),
                 f"{row.percent}%")
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    heading = tr("分解事项（{0}）").format(len(rows))
    return (f"<h3>{html.escape(heading)}</h3>"
            f"<table class='list' cellspacing='0'><tr>{head}</tr>{''.join(rows)}</table>")


def item_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    """Return the fields table, the content and the sub-items."""
    item = snapshot.item
    return (f"{_CSS}<table class='fields'>{field_cells(_field_rows(item, org, snapshot))}</table>"
            "<h3>" + html.escape(tr("督办内容")) + f"</h3>{_paragraphs(item.content)}"
            f"{_children_html(snapshot, org)}")


def _stamp(moment: datetime) -> str:
    """Return a moment for a table cell, kept on one line."""
    return when(moment).replace(" ", "&nbsp;")


def _attachment_links(attachments: Sequence[Attachment], states: Mapping[str, str]) -> str:
    links = []
    for a in attachments:
        state = states.get(a.sha256, "missing")
        shown = translate("Attachments", STATE_LABELS.get(state, state))
        links.append(f"<a href='attachment:{a.sha256}'>{html.escape(a.name)}</a> "
                     f"<span class='muted'>{human_size(a.size)} {html.escape(shown)}</span>")
    return "<br>".join(links)


def reports_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    """Return the progress reports, newest first, then the completion request and review."""
    item = snapshot.item
    parts = [_CSS]
    if item.completion_request is not None:
        parts.append(_completion_html(snapshot, org))
    if not item.progress_reports:
        parts.append("<p class='muted'>" + html.escape(tr("尚无进度反馈")) + "</p>")
        return "".join(parts)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("时间"), tr("单位"), tr("反馈人"), tr("进度"), tr("进展情况")))
    rows = []
    for report in reversed(item.progress_reports):
        text = html.escape(report.text).replace("\n", "<br>")
        if report.attachments:
            text += "<br>" + _attachment_links(report.attachments, snapshot.blob_states)
        lead = "" if report.unit_id == item.lead_unit_id else html.escape(tr("（配合）"))
        cells = (_stamp(report.at), html.escape(unit_name(org, report.unit_id)) + lead,
                 html.escape(report.person_name), f"<b>{report.percent}%</b>", text)
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts.append(f"<table class='list' cellspacing='0' width='100%'><tr>{head}</tr>"
                 f"{''.join(rows)}</table>")
    return "".join(parts)


def _completion_html(snapshot: ItemSnapshot, org: Organisation) -> str:
    item = snapshot.item
    request = item.completion_request
    assert request is not None
    by = qualified(request.by_name, unit_name(org, request.unit_id))
    lines = ["<b>" + html.escape(tr("办结申请")) + f"</b>　{html.escape(by)}　"
             f"<span class='muted'>{when(request.at)}</span>",
             html.escape(request.text).replace("\n", "<br>")]
    if request.attachments:
        lines.append(_attachment_links(request.attachments, snapshot.blob_states))
    review = item.review
    if review is not None:
        verdict = tr("审核：办结销号") if review.outcome is ReviewOutcome.COMPLETE else tr(
            "审核：退回")
        line = (f"<b>{html.escape(verdict)}</b>　{html.escape(review.by_name)}　"
                f"<span class='muted'>{when(review.at)}</span>")
        if review.reason:
            line += f"<br><span class='opinion'>{html.escape(review.reason)}</span>"
        lines.append(line)
    return f"<p>{'<br>'.join(lines)}</p><hr>"


def urgings_html(item: SupervisionItem, org: Organisation) -> str:
    """Return every urging, newest first, by hand or by a rule."""
    if not item.urgings:
        return _CSS + "<p class='muted'>" + html.escape(tr("尚无催办")) + "</p>"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (
        tr("时间"), tr("催办人"), tr("方式"), tr("催办内容")))
    rows = []
    for urging in reversed(item.urgings):
        how = tr("人工催办") if not urging.rule else tr("自动催办")
        cells = (_stamp(urging.at), html.escape(urging.by_name), html.escape(how),
                 html.escape(urging.text))
        rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return (f"{_CSS}<table class='list' cellspacing='0' width='100%'><tr>{head}</tr>"
            f"{''.join(rows)}</table>")


def extensions_html(item: SupervisionItem, org: Organisation) -> str:
    """Return every extension request with its decision, newest first."""
    if not item.extension_requests:
        return _CSS + "<p class='muted'>" + html.escape(tr("尚无延期申请")) + "</p>"
    blocks = []
    for request in reversed(item.extension_requests):
        heading = tr("第{0}次延期申请").format(request.seq)
        lines = [
            f"<b>{html.escape(heading)}</b>　"
            f"{html.escape(request.requested_by_name)}　"
            f"<span class='muted'>{when(request.requested_at)}</span>　"
            f"<b>{html.escape(tr(EXTENSION_TEXTS[request.state]))}</b>",
            html.escape(tr("办理时限 {0} → 申请延期至 {1}").format(
                deadline_text(request.previous_deadline),
                deadline_text(request.requested_deadline))),
            html.escape(tr("理由：{0}").format(request.reason)),
        ]
        if request.decided_at is not None and request.state is not ExtensionState.WITHDRAWN:
            decided = tr("{0} 于 {1} 审批").format(request.decided_by_name,
                                                   when(request.decided_at))
            if request.granted_deadline is not None:
                decided += tr("，延期至 {0}").format(deadline_text(request.granted_deadline))
            if request.opinion:
                decided += f"：{request.opinion}"
            lines.append(f"<span class='muted'>{html.escape(decided)}</span>")
        blocks.append(f"<p>{'<br>'.join(lines)}</p>")
    return _CSS + "".join(blocks)


def _entry_details(entry: SupervisionTraceEntry, org: Organisation) -> str:
    details = entry.details
    if entry.action is ActionKind.REPORT and "percent" in details:
        return tr("完成进度 {0}%").format(details["percent"])
    if entry.action is ActionKind.APPROVE_EXTENSION and isinstance(details.get("to"), str):
        return tr("办理时限延至 {0}").format(
            deadline_text(datetime.fromisoformat(str(details["to"]))))
    if entry.action is ActionKind.REQUEST_EXTENSION and isinstance(
            details.get("requested_deadline"), str):
        return tr("申请延期至 {0}").format(
            deadline_text(datetime.fromisoformat(str(details["requested_deadline"]))))
    fields = details.get("fields")
    if isinstance(fields, list) and fields:
        return tr("修改了：") + "、".join(str(f) for f in fields)
    if isinstance(details.get("parent_id"), str):
        return tr("由上级事项分解")
    return ""


def trace_html(item: SupervisionItem, org: Organisation) -> str:
    """Return the append-only trace: who did what, when, from which status to which."""
    rows = []
    for entry in item.trace:
        what = action_text(entry.action, entry.status)
        if entry.target_status is not entry.status:
            what += f" → {status_text(entry.target_status)}"
        lines = [f"<b>{html.escape(what)}</b>　{html.escape(entry.actor_name)}　"
                 f"<span class='muted'>{times.trace_time(entry.at, entry.acted_at)}</span>"]
        extra = _entry_details(entry, org)
        if extra:
            lines.append(f"<span class='muted'>{html.escape(extra)}</span>")
        if entry.opinion:
            lines.append(f"<span class='opinion'>{html.escape(entry.opinion)}</span>")
        rows.append(f"<tr><td class='step' width='72'>{html.escape(status_text(entry.status))}"
                    f"</td><td class='entry'>{'<br>'.join(lines)}</td></tr>")
    return f"{_CSS}<table cellspacing='3'>{''.join(rows)}</table>"


def rejection_text(record: RejectionRecord) -> str:
    """Return the banner text of a refused supervision action, with what the person wrote."""
    label = mutation_label(record.name, record.args)
    text = tr("您的“{0}”操作未被服务器接受：{1}").format(label, refusal_text(record))
    action = record.args.get("action")
    typed = action.get("text") if isinstance(action, Mapping) else None
    if isinstance(typed, str) and typed:
        text += "\n" + tr("您当时填写的内容：{0}").format(typed)
    return text

