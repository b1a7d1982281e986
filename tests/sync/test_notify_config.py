"""The [smtp], [sms] and [notify] tables of the configuration file: defaults, and a Chinese
message naming the table and the key for every wrong value."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from sync.server.config import ConfigError, Integrations

SMTP = {"host": "mail.pingxiang.gov.cn", "sender": "oa@pingxiang.gov.cn",
        "username": "oa", "password": "secret"}
SMS = {"url": "https://sms.jiangxi.gov.cn/api/send",
       "template": {"appId": "oa", "secret": "x", "phone": "{phone}", "content": "{text}"}}


def test_the_sample_shape_loads_with_safe_defaults() -> None:
    loaded = Integrations.from_mapping({"smtp": SMTP, "sms": SMS})
    assert loaded.smtp is not None and loaded.sms is not None
    assert (loaded.smtp.port, loaded.smtp.security, loaded.smtp.ca_file) == (587, "starttls", "")
    assert (loaded.sms.method, loaded.sms.format, loaded.sms.auth) == ("POST", "json", "none")
    notify = loaded.notify
    assert (notify.interval, notify.max_attempts, notify.digest_hour) == (10.0, 6, 8)
    implicit = Integrations.from_mapping({"smtp": {**SMTP, "security": "tls"}})
    assert implicit.smtp is not None and implicit.smtp.port == 465
    assert Integrations.from_mapping(tomllib.loads("")).smtp is None


@pytest.mark.parametrize(("data", "words"), [
    ({"smtp": {**SMTP, "security": "none"}}, "[smtp] 的 security"),
    ({"smtp": {**SMTP, "security": "ssl3"}}, "[smtp] 的 security 只能是"),
    ({"smtp": {**SMTP, "port": 0}}, "[smtp] 的 port"),
    ({"smtp": {**SMTP, "port": "25"}}, "[smtp] 的 port"),
    ({"smtp": {**SMTP, "sender": "oa"}}, "[smtp] 的 sender"),
    ({"smtp": {**SMTP, "password": ""}}, "username 和 password"),
    ({"smtp": {**SMTP, "ca_file": "/nonexistent/ca.pem"}}, "[smtp] 的 ca_file 文件不存在"),
    ({"smtp": {**SMTP, "timeout": -1}}, "[smtp] 的 timeout 应当大于 0"),
    ({"smtp": {"sender": "oa@x.cn"}}, "[smtp] 缺少 host"),
    ({"sms": {**SMS, "url": "ftp://x"}}, "[sms] 的 url"),
    ({"sms": {"url": SMS["url"]}}, "[sms.template]"),
    ({"sms": {**SMS, "template": {"content": "{text}"}}}, "{phone}"),
    ({"sms": {**SMS, "auth": "basic"}}, "auth = \"basic\""),
    ({"sms": {**SMS, "auth": "token", "token": ""}}, "auth = \"token\""),
    ({"sms": {**SMS, "method": "GET"}}, "[sms] 的 method"),
    ({"sms": {**SMS, "format": "xml"}}, "[sms] 的 format"),
    ({"notify": {"interval": -1}}, "[notify] 的 interval"),
    ({"notify": {"max_attempts": 0}}, "[notify] 的 max_attempts"),
    ({"notify": {"digest_hour": 24}}, "[notify] 的 digest_hour"),
    ({"notify": {"sms_per_minute": 1.5}}, "[notify] 的 sms_per_minute"),
    ({"notify": "yes"}, "[notify] 应当是一个表"),
])
def test_a_wrong_value_is_named_in_chinese(data: dict[str, Any], words: str) -> None:
    with pytest.raises(ConfigError) as refused:
        Integrations.from_mapping(data)
    assert words in str(refused.value)
