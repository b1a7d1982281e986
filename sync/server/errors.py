"""API errors: every error answer is {code, message, details} with a Chinese message, never a 500
for anything a client sent."""

from __future__ import annotations

import logging
from typing import Any

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import SCHEMA_VERSION

log = logging.getLogger("officeapp.server")

UNAVAILABLE_MESSAGE = "服务器暂时无法处理请求，请稍后重试"

HTTP_MESSAGES: dict[int, tuple[str, str]] = {
    400: ("request.bad", "请求格式不正确"),
    401: ("auth.required", "请先登录"),
    403: ("auth.forbidden", "您无权进行此操作"),
    404: ("http.not_found", "请求的地址不存在"),
    405: ("http.method_not_allowed", "不支持该请求方法"),
    406: ("http.not_acceptable", "不支持请求的响应格式"),
    411: ("request.length_required", "请求必须注明长度"),
    413: ("request.too_large", "请求内容过大"),
    415: ("request.unsupported_media_type", "不支持的请求内容类型"),
    416: ("blob.bad_range", "请求的范围无效"),
    422: ("request.invalid", "请求内容不符合要求"),
    429: ("auth.throttled", "请求过于频繁，请稍后再试"),
}


class ApiError(Exception):
    """An error answer with an HTTP status, a stable code and a Chinese message."""

    def __init__(self, status: int, code: str, message: str, *,
                 headers: dict[str, str] | None = None, **details: Any) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def error_response(status: int, code: str, message: str, details: dict[str, Any] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """Return the JSON error answer."""
    body = {"code": code, "message": message, "details": details or {}}
    return JSONResponse(body, status_code=status, headers=headers)


async def _api_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, ApiError)
    return error_response(error.status, error.code, error.message, error.details, error.headers)


def _where(location: Any) -> str:
    return ".".join(str(part) for part in location)


async def invalid_request(_request: Request, error: Exception) -> JSONResponse:
    """Answer 422 naming where the request is malformed (never echoing the input)."""
    assert isinstance(error, RequestValidationError)
    # Only location and pydantic's message: the offending input is never echoed back.
    errors = [{"loc": _where(e.get("loc", ())), "type": str(e.get("type", "")),
               "msg": str(e.get("msg", ""))} for e in error.errors()[:20]]
    where = "、".join(sorted({e["loc"] for e in errors})) or "请求"
    return error_response(422, "request.invalid", f"请求内容不符合要求：{where}",
                          {"errors": errors})


async def _http_error(_request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, StarletteHTTPException)
    code, message = HTTP_MESSAGES.get(error.status_code, ("http.error", "请求无法处理"))
    headers = dict(error.headers) if error.headers else None
    return error_response(error.status_code, code, message, headers=headers)


async def _database_error(_request: Request, error: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", error)
    return error_response(503, "server.unavailable", UNAVAILABLE_MESSAGE,
                          headers={"Retry-After": "5"})


async def _unexpected(_request: Request, error: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=error)
    return error_response(500, "server.error", "服务器内部错误，请联系管理员")


def install_error_handlers(app: FastAPI) -> None:
    """Make every error a JSON {code, message, details} answer (malformed requests: see
    `routes.deps.refuse_invalid`, which authenticates first)."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(sa.exc.DBAPIError, _database_error)
    app.add_exception_handler(sa.exc.TimeoutError, _database_error)
    app.add_exception_handler(Exception, _unexpected)


def check_schema(version: int) -> None:
    """Refuse a client that speaks a newer protocol than this server."""
    if version > SCHEMA_VERSION:
        raise ApiError(409, "sync.schema_unsupported",
                       "客户端版本比服务器新，请联系管理员升级服务器",
                       client=version, server=SCHEMA_VERSION)


def client_mismatch() -> ApiError:
    """Return the error for a client id registered to another person."""
    return ApiError(403, "sync.client_mismatch",
                    "该客户端已被其他用户使用，请重新登录以建立新的本地数据")
