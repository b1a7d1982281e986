"""Texts the widgets translate from variables, listed here so lupdate finds them."""

from __future__ import annotations

from ui.common.qt import QT_TRANSLATE_NOOP

NAVIGATION = [
    QT_TRANSLATE_NOOP("MainWindow", "工作台"),
    QT_TRANSLATE_NOOP("MainWindow", "待办"),
    QT_TRANSLATE_NOOP("MainWindow", "已办"),
    QT_TRANSLATE_NOOP("MainWindow", "我发起的"),
    QT_TRANSLATE_NOOP("MainWindow", "知会我的"),
    QT_TRANSLATE_NOOP("MainWindow", "发文"),
    QT_TRANSLATE_NOOP("MainWindow", "收文"),
    QT_TRANSLATE_NOOP("MainWindow", "通讯录"),
    QT_TRANSLATE_NOOP("MainWindow", "会议"),
    QT_TRANSLATE_NOOP("MainWindow", "督办"),
    QT_TRANSLATE_NOOP("MainWindow", "新建发文"),
    QT_TRANSLATE_NOOP("MainWindow", "登记收文"),
    QT_TRANSLATE_NOOP("MainWindow", "立即同步"),
    QT_TRANSLATE_NOOP("MainWindow", "退出登录"),
    QT_TRANSLATE_NOOP("FilterBar", "办理中"),
    QT_TRANSLATE_NOOP("FilterBar", "已办结"),
    QT_TRANSLATE_NOOP("FilterBar", "已归档"),
]
COLUMNS = [
    QT_TRANSLATE_NOOP("InboxModel", "标题"),
    QT_TRANSLATE_NOOP("InboxModel", "文号"),
    QT_TRANSLATE_NOOP("InboxModel", "紧急"),
    QT_TRANSLATE_NOOP("InboxModel", "当前环节"),
    QT_TRANSLATE_NOOP("InboxModel", "办理期限"),
    QT_TRANSLATE_NOOP("InboxModel", "更新时间"),
]
STATES = [
    QT_TRANSLATE_NOOP("SyncStatusWidget", "需要重新登录"),
    QT_TRANSLATE_NOOP("SyncStatusWidget", "正在同步…"),
    QT_TRANSLATE_NOOP("SyncStatusWidget", "在线"),
    QT_TRANSLATE_NOOP("SyncStatusWidget", "离线工作"),
    QT_TRANSLATE_NOOP("SyncStatusWidget", "尚未同步"),
    QT_TRANSLATE_NOOP("SyncStatusWidget", "刚刚同步"),
]
# The fields of a 公文 (officeapp.workflow.fields.FIELD_LABELS), as the forms label them.
FIELDS = [
    QT_TRANSLATE_NOOP("", "标题"), QT_TRANSLATE_NOOP("", "文种"),
    QT_TRANSLATE_NOOP("", "紧急程度"), QT_TRANSLATE_NOOP("", "密级"),
    QT_TRANSLATE_NOOP("", "机关代字"), QT_TRANSLATE_NOOP("", "发文字号"),
    QT_TRANSLATE_NOOP("", "主送机关"), QT_TRANSLATE_NOOP("", "抄送机关"),
    QT_TRANSLATE_NOOP("", "会签单位"), QT_TRANSLATE_NOOP("", "正文"),
    QT_TRANSLATE_NOOP("", "附件"), QT_TRANSLATE_NOOP("", "附注"),
    QT_TRANSLATE_NOOP("", "成文日期"), QT_TRANSLATE_NOOP("", "发文机关署名"),
    QT_TRANSLATE_NOOP("", "印发机关"), QT_TRANSLATE_NOOP("", "印发日期"),
    QT_TRANSLATE_NOOP("", "来文单位"), QT_TRANSLATE_NOOP("", "收文编号"),
    QT_TRANSLATE_NOOP("", "办理期限"), QT_TRANSLATE_NOOP("", "配合单位"),
    QT_TRANSLATE_NOOP("", "牵头单位"), QT_TRANSLATE_NOOP("", "正文文件"),
]
