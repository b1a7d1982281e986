"""Texts the widgets translate from variables, listed here so lupdate finds them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

NAVIGATION = [
    QT_TRANSLATE_NOOP("MainWindow", "待办"),
    QT_TRANSLATE_NOOP("MainWindow", "已办"),
    QT_TRANSLATE_NOOP("MainWindow", "我发起的"),
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
