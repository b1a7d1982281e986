"""Domain values as people read them in either language: urgency, document types,
classification, status and the steps of the workflows.

The store and the rules keep these in Chinese (they are data: 特急, 通知, 核稿). The
screens show them through `value_text`, in their own translation context "values": the
same Chinese as a field label can mean something else ("拟稿" the step is "Drafting", the
field "Drafted by"). lupdate sees each value below, so a new one reaches the catalogue.
"""

from __future__ import annotations

from ui.qt import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "values"

# Every value a screen shows; tests/ui/test_values.py holds this list to the domain's enums
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
    # marks a list adds to a value
    QT_TRANSLATE_NOOP("values", "待编号"), QT_TRANSLATE_NOOP("values", "（待同步）"),
)


def value_text(value: str) -> str:
    """Return a domain value (its Chinese) in the person's language."""
    return QCoreApplication.translate(CONTEXT, value)
