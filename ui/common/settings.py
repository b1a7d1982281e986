"""Every client setting, declared once (name, type, default, description), with one signal."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ui.common.qt import QObject, QSettings, QStandardPaths, Signal


@dataclass(frozen=True)
class Setting:
    """One setting: its key, Python type, default and what it is for."""

    name: str
    type: type
    default: Any
    description: str


DEFAULT_PHRASES = ("同意", "已阅", "拟同意，请领导审定", "请按程序办理", "请修改后再报",
                   "请相关单位研究办理", "同意印发")

SETTINGS: Mapping[str, Setting] = {s.name: s for s in (
    Setting("server_url", str, "http://127.0.0.1:8765", "中心服务器地址"),
    Setting("ca_bundle", str, "", "服务器证书的CA证书文件（政务外网自有CA）"),
    Setting("proxy", str, "", "HTTP代理地址，留空则不用代理"),
    Setting("username", str, "", "上次登录的用户名"),
    Setting("language", str, "zh_CN", "界面语言：zh_CN 或 en"),
    Setting("font_size", int, 0, "界面字号（磅），0 为系统默认"),
    Setting("data_dir", str, "", "本地数据目录，留空则用系统默认位置"),
    Setting("poll_seconds", int, 30, "收不到服务器推送时的轮询间隔（秒）"),
    Setting("notifications", bool, True, "新待办和催办时在系统托盘提醒"),
    Setting("phrases", list, list(DEFAULT_PHRASES), "常用意见"),
    Setting("page_size", int, 100, "列表每次读取的行数"),
    Setting("archive_fonds", str, "Z001", "归档全宗号（DA/T 22 档号的第一段）"),
    Setting("archive_unit_code", str, "", "归档机构代码，留空则用单位编号"),
)}


class Settings(QObject):
    """Typed access to QSettings; `changed(name)` fires after a value changes."""

    changed = Signal(str)

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        if path is None:
            self._store = QSettings("officeapp", "officeapp")
        else:
            self._store = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, name: str) -> Any:
        """Return the value of setting `name`, or its default."""
        setting = SETTINGS[name]
        raw = self._store.value(name, setting.default)
        return _coerce(setting, raw)

    def set(self, name: str, value: Any) -> None:
        """Store `value` for setting `name` and say so if it changed."""
        setting = SETTINGS[name]
        value = _coerce(setting, value)
        if self.get(name) == value:
            return
        self._store.setValue(name, value)
        self._store.sync()
        self.changed.emit(name)

    def data_dir(self) -> Path:
        """Return the folder of the local database and blob cache, creating it."""
        configured = self.get("data_dir")
        base = Path(configured) if configured else Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        base.mkdir(parents=True, exist_ok=True)
        return base


def _coerce(setting: Setting, raw: Any) -> Any:
    """Return `raw` as the setting's type; an unreadable value falls back to the default."""
    try:
        if setting.type is bool:
            return raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")
        if setting.type is list:
            if raw is None:
                return []
            return [str(v) for v in raw] if isinstance(raw, list | tuple) else [str(raw)]
        return setting.type(raw)
    except (TypeError, ValueError):
        return setting.default
