"""Domain values as people read them in either language: urgency, document types,
classification, status and the steps of the workflows.

The store and the rules keep these in Chinese (they are data: 特急, 通知, 核稿). The
screens show them through `value_text`, in their own translation context "values": the
same Chinese as a field label can mean something else ("拟稿" the step is "Drafting", the
field "Drafted by"). lupdate sees each value below, so a new one reaches the catalogue.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ui.common.translate import QT_TRANSLATE_NOOP, translate

CONTEXT = "values"

# Every value a screen shows; tests/ui/common/test_values.py holds this list to the domain's enums
# and workflows, so a new type or step cannot be left out.
VALUES = (
    # urgency
    QT_TRANSLATE_NOOP("values", "特急"), QT_TRANSLATE_NOOP("values", "加急"),
    QT_TRANSLATE_NOOP("values", "普通"),
    # classification
    QT_TRANSLATE_NOOP("values", "公开"), QT_TRANSLATE_NOOP("values", "内部"),
    # document types (GB/T 9704's 15)
    QT_TRANSLATE_NOOP("values", "决议"), QT_TRANSLATE_NOOP("values", "决定"),
    QT_TRANSLATE_NOOP("values", "命令"), QT_TRANSLATE_NOOP("values", "公报"),
    QT_TRANSLATE_NOOP("values", "公告"), QT_TRANSLATE_NOOP("values", "通告"),
    QT_TRANSLATE_NOOP("values", "意见"), QT_TRANSLATE_NOOP("values", "通知"),
    QT_TRANSLATE_NOOP("values", "通报"), QT_TRANSLATE_NOOP("values", "报告"),
    QT_TRANSLATE_NOOP("values", "请示"), QT_TRANSLATE_NOOP("values", "批复"),
    QT_TRANSLATE_NOOP("values", "议案"), QT_TRANSLATE_NOOP("values", "函"),
    QT_TRANSLATE_NOOP("values", "纪要"),
    # steps of 发文 and 收文
    QT_TRANSLATE_NOOP("values", "拟稿"), QT_TRANSLATE_NOOP("values", "核稿"),
    QT_TRANSLATE_NOOP("values", "会签"), QT_TRANSLATE_NOOP("values", "签发"),
    QT_TRANSLATE_NOOP("values", "编号"), QT_TRANSLATE_NOOP("values", "用印"),
    QT_TRANSLATE_NOOP("values", "印发"), QT_TRANSLATE_NOOP("values", "已印发"),
    QT_TRANSLATE_NOOP("values", "已归档"), QT_TRANSLATE_NOOP("values", "签收"),
    QT_TRANSLATE_NOOP("values", "登记"), QT_TRANSLATE_NOOP("values", "拟办"),
    QT_TRANSLATE_NOOP("values", "批办"), QT_TRANSLATE_NOOP("values", "承办"),
    QT_TRANSLATE_NOOP("values", "传阅"), QT_TRANSLATE_NOOP("values", "办结"),
    QT_TRANSLATE_NOOP("values", "已办结"),
    # retention (DA/T 22)
    QT_TRANSLATE_NOOP("values", "永久"), QT_TRANSLATE_NOOP("values", "30年"),
    QT_TRANSLATE_NOOP("values", "10年"),
    # marks a list adds to a value
    QT_TRANSLATE_NOOP("values", "待编号"), QT_TRANSLATE_NOOP("values", "（待同步）"),
    QT_TRANSLATE_NOOP("values", "待用印"), QT_TRANSLATE_NOOP("values", "（待用印）"),
    # actions of 公文 (the trace and the buttons), and what approving does at each step
    QT_TRANSLATE_NOOP("values", "创建"), QT_TRANSLATE_NOOP("values", "同意"),
    QT_TRANSLATE_NOOP("values", "退回"), QT_TRANSLATE_NOOP("values", "撤回"),
    QT_TRANSLATE_NOOP("values", "委托"), QT_TRANSLATE_NOOP("values", "加签"),
    QT_TRANSLATE_NOOP("values", "签收任务"), QT_TRANSLATE_NOOP("values", "已阅"),
    QT_TRANSLATE_NOOP("values", "知会"), QT_TRANSLATE_NOOP("values", "归档"),
    QT_TRANSLATE_NOOP("values", "修改"), QT_TRANSLATE_NOOP("values", "催办"),
    QT_TRANSLATE_NOOP("values", "送核稿"), QT_TRANSLATE_NOOP("values", "核稿通过"),
    QT_TRANSLATE_NOOP("values", "承办完毕"),
    # roles
    QT_TRANSLATE_NOOP("values", "办文人员"), QT_TRANSLATE_NOOP("values", "会务秘书"),
    QT_TRANSLATE_NOOP("values", "督查人员"), QT_TRANSLATE_NOOP("values", "领导"),
    QT_TRANSLATE_NOOP("values", "管理员"),
    # 会议: types, status, actions, room bookings, replies
    QT_TRANSLATE_NOOP("values", "常务会议"), QT_TRANSLATE_NOOP("values", "专题会议"),
    QT_TRANSLATE_NOOP("values", "办公会"), QT_TRANSLATE_NOOP("values", "党组会议"),
    QT_TRANSLATE_NOOP("values", "协调会"), QT_TRANSLATE_NOOP("values", "其他"),
    QT_TRANSLATE_NOOP("values", "草稿"), QT_TRANSLATE_NOOP("values", "已发通知"),
    QT_TRANSLATE_NOOP("values", "已取消"), QT_TRANSLATE_NOOP("values", "已召开"),
    QT_TRANSLATE_NOOP("values", "纪要已印发"),
    QT_TRANSLATE_NOOP("values", "预订会议室"), QT_TRANSLATE_NOOP("values", "同意使用会议室"),
    QT_TRANSLATE_NOOP("values", "不同意使用会议室"), QT_TRANSLATE_NOOP("values", "发送会议通知"),
    QT_TRANSLATE_NOOP("values", "回执"), QT_TRANSLATE_NOOP("values", "提醒"),
    QT_TRANSLATE_NOOP("values", "签到"), QT_TRANSLATE_NOOP("values", "取消会议"),
    QT_TRANSLATE_NOOP("values", "记录纪要"), QT_TRANSLATE_NOOP("values", "印发纪要"),
    QT_TRANSLATE_NOOP("values", "立项督办"),
    QT_TRANSLATE_NOOP("values", "待审批"), QT_TRANSLATE_NOOP("values", "已预订"),
    QT_TRANSLATE_NOOP("values", "预订未获同意"),
    QT_TRANSLATE_NOOP("values", "参加"), QT_TRANSLATE_NOOP("values", "请假"),
    QT_TRANSLATE_NOOP("values", "委派"),
    # 督办: status, actions, sources, lights, feedback cycles
    QT_TRANSLATE_NOOP("values", "待领导审批"), QT_TRANSLATE_NOOP("values", "已立项"),
    QT_TRANSLATE_NOOP("values", "已交办"), QT_TRANSLATE_NOOP("values", "已签收"),
    QT_TRANSLATE_NOOP("values", "办理中"), QT_TRANSLATE_NOOP("values", "待审核"),
    QT_TRANSLATE_NOOP("values", "已退回"),
    QT_TRANSLATE_NOOP("values", "立项"), QT_TRANSLATE_NOOP("values", "批准立项"),
    QT_TRANSLATE_NOOP("values", "交办"), QT_TRANSLATE_NOOP("values", "进度反馈"),
    QT_TRANSLATE_NOOP("values", "延期申请"), QT_TRANSLATE_NOOP("values", "同意延期"),
    QT_TRANSLATE_NOOP("values", "不同意延期"), QT_TRANSLATE_NOOP("values", "办结申请"),
    QT_TRANSLATE_NOOP("values", "办结销号"),
    QT_TRANSLATE_NOOP("values", "领导批示"), QT_TRANSLATE_NOOP("values", "会议议定"),
    QT_TRANSLATE_NOOP("values", "上级交办"), QT_TRANSLATE_NOOP("values", "来文"),
    QT_TRANSLATE_NOOP("values", "建议提案"),
    QT_TRANSLATE_NOOP("values", "绿灯"), QT_TRANSLATE_NOOP("values", "黄灯"),
    QT_TRANSLATE_NOOP("values", "红灯"),
    QT_TRANSLATE_NOOP("values", "不定期"), QT_TRANSLATE_NOOP("values", "每周"),
    QT_TRANSLATE_NOOP("values", "每月"), QT_TRANSLATE_NOOP("values", "自定义"),
)
# What a person does to a 公文, as its buttons and trace name it: verbs, in their own context
# "actions" (印发 the verb is "Issue", the step "Issuing", the field "Printed by").
ACTIONS = (
    QT_TRANSLATE_NOOP("actions", "修改"), QT_TRANSLATE_NOOP("actions", "同意"),
    QT_TRANSLATE_NOOP("actions", "退回"), QT_TRANSLATE_NOOP("actions", "撤回"),
    QT_TRANSLATE_NOOP("actions", "委托"), QT_TRANSLATE_NOOP("actions", "加签"),
    QT_TRANSLATE_NOOP("actions", "签收任务"), QT_TRANSLATE_NOOP("actions", "传阅"),
    QT_TRANSLATE_NOOP("actions", "已阅"), QT_TRANSLATE_NOOP("actions", "知会"),
    QT_TRANSLATE_NOOP("actions", "催办"), QT_TRANSLATE_NOOP("actions", "归档"),
    QT_TRANSLATE_NOOP("actions", "创建"),
    QT_TRANSLATE_NOOP("actions", "送核稿"), QT_TRANSLATE_NOOP("actions", "核稿通过"),
    QT_TRANSLATE_NOOP("actions", "会签"), QT_TRANSLATE_NOOP("actions", "签发"),
    QT_TRANSLATE_NOOP("actions", "编号"), QT_TRANSLATE_NOOP("actions", "用印"),
    QT_TRANSLATE_NOOP("actions", "印发"), QT_TRANSLATE_NOOP("actions", "签收"),
    QT_TRANSLATE_NOOP("actions", "登记"), QT_TRANSLATE_NOOP("actions", "拟办"),
    QT_TRANSLATE_NOOP("actions", "批办"), QT_TRANSLATE_NOOP("actions", "承办完毕"),
    QT_TRANSLATE_NOOP("actions", "办结"),
)
# Weekdays, Monday first, as a date shows them: 2026-12-08（二）, 周二.
WEEKDAYS = (
    QT_TRANSLATE_NOOP("values", "一"), QT_TRANSLATE_NOOP("values", "二"),
    QT_TRANSLATE_NOOP("values", "三"), QT_TRANSLATE_NOOP("values", "四"),
    QT_TRANSLATE_NOOP("values", "五"), QT_TRANSLATE_NOOP("values", "六"),
    QT_TRANSLATE_NOOP("values", "日"),
)
# How values are put together: Chinese brackets and list commas are full-width, English's not.
_QUALIFIED = QT_TRANSLATE_NOOP("values", "{0}（{1}）")
_LIST_SEPARATOR = QT_TRANSLATE_NOOP("values", "、")
_PART_SEPARATOR = QT_TRANSLATE_NOOP("values", "，")
_LABELLED = QT_TRANSLATE_NOOP("values", "{0}：{1}")


def value_text(value: str) -> str:
    """Return a domain value (its Chinese) in the person's language."""
    return translate(CONTEXT, value)


def action_verb(label: str) -> str:
    """Return what an action on a 公文 is called (its Chinese label) in the person's language."""
    return translate("actions", label)


def weekday_text(day: date) -> str:
    """Return the weekday of `day` as a date shows it: 二, or Tue."""
    return value_text(WEEKDAYS[day.weekday()])


def qualified(text: str, qualifier: str) -> str:
    """Return `text` with what qualifies it in brackets: 张主任（市政府办公室）."""
    return value_text(_QUALIFIED).format(text, qualifier)


def listed(items: Iterable[str]) -> str:
    """Return the items of a list as one text: 李文书、张主任."""
    return value_text(_LIST_SEPARATOR).join(items)


def parts(items: Iterable[str]) -> str:
    """Return the parts of one qualifier as one text: 市政府大楼，30人."""
    return value_text(_PART_SEPARATOR).join(items)


def labelled(label: str, text: str) -> str:
    """Return a text after its label: 1人未回执：陈副主任."""
    return value_text(_LABELLED).format(label, text)
