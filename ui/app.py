"""Starting the client: login (or resume from the keyring), the main window, and syncing."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import logging
import sys
from collections.abc import Awaitable, Sequence
from pathlib import Path
from typing import Any

import qasync

import officeapp
from officeapp.clock import Clock, local
from officeapp.demo import DEMO_PEOPLE, DEMO_ROOMS, DEMO_UNITS, FINANCE_ID
from officeapp.render import render_document_pdf
from officeapp.store import LocalStore
from sync.client import actions, oidc
from sync.client.api import Api, Connection, LoginRequired, Offline, make_http
from sync.client.blobs import Blobs
from sync.client.engine import SyncEngine
from sync.client.tokens import TokenKeeper, keyring_available
from sync.protocol import AuthMethods
from ui.common.attachments import blobs_root
from ui.common.context import AppContext
from ui.common.qt import (
    QApplication,
    QDesktopServices,
    QFont,
    QFontDatabase,
    QLibraryInfo,
    QLocale,
    QPdfDocument,
    QSize,
    QTranslator,
    QUrl,
)
from ui.common.settings import Settings
from ui.common.worker import Worker
from ui.login import LoginDialog
from ui.main_window import MainWindow
from ui.tray import Notifier

log = logging.getLogger(__name__)
TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
CJK_FAMILIES = ("Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                "AR PL UMing CN")
SELF_TEST_FIELDS: dict[str, Any] = {
    "doc_type": "通知", "title": "关于协同办公客户端安装自检的通知",
    "main_recipients": [FINANCE_ID],
    "body": "本文由安装自检生成，说明本机能打开本地库、生成并预览公文。",
}


def store_path(settings: Settings, server_url: str, username: str) -> Path:
    """Return the local database of one person on one server (the outbox lives there)."""
    server = hashlib.sha256(server_url.rstrip("/").encode()).hexdigest()[:12]
    safe_user = "".join(c if c.isalnum() or c in "._-" else "_" for c in username)
    return settings.data_dir() / f"{server}-{safe_user}.sqlite3"


class Session:
    """One run of the client: logs in, shows the main window, logs out or quits."""

    def __init__(self, app: QApplication, settings: Settings) -> None:
        self.app = app
        # The session decides when to end (logout shows the login again, the tray stays).
        app.setQuitOnLastWindowClosed(False)
        self.settings = settings
        self.worker = Worker()
        self.ctx: AppContext | None = None
        self.window: MainWindow | None = None
        self.notifier: Notifier | None = None
        self.done = asyncio.Event()
        self._dialog: LoginDialog | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._ending: asyncio.Task[None] | None = None  # the last logout, until it is done
        self.files: list[Path] = []  # .ics invitations to import once the main window shows

    # --- starting ------------------------------------------------------------------------------

    async def start(self) -> None:
        """Open logged in when a refresh token is in the keyring; otherwise ask to log in."""
        url, user = self.settings.get("server_url"), self.settings.get("username")
        token = TokenKeeper(url, user).load() if user else None
        path = store_path(self.settings, url, user) if user else None
        if token and path is not None and path.exists():
            store = await self.worker.run(LocalStore.open, path)
            person = await self.worker.run(store.get_meta, "person_id")
            if person:
                api = self._api(url, user)
                api.refresh_token = token
                self._open(store, api, person)
                self.ctx_spawn(self._resume(api))
                return
            await self.worker.run(store.close)
        self.ask_login()

    def ask_login(self) -> None:
        """Show the login dialog."""
        dialog = LoginDialog(
            server_url=self.settings.get("server_url"), ca_bundle=self.settings.get("ca_bundle"),
            proxy=self.settings.get("proxy"), username=self.settings.get("username"),
            login=self._login, spawn=self.ctx_spawn, remembers=keyring_available(),
            methods=self._methods, sign_in=self._sign_in)
        dialog.rejected.connect(self._login_cancelled)
        self._dialog = dialog
        dialog.show()

    def _login_cancelled(self) -> None:
        if self.window is None:
            self.done.set()

    async def _login(self, url: str, ca_bundle: str, proxy: str, username: str,
                     password: str) -> None:
        await self._ended()  # the last person's store is closed and their tokens gone first
        for name, value in (("server_url", url), ("ca_bundle", ca_bundle), ("proxy", proxy)):
            self.settings.set(name, value)
        api = self._api(url, username)
        await api.login(username, password)
        await self._enter(api, url, username)

    async def _methods(self, url: str, ca_bundle: str, proxy: str) -> AuthMethods:
        """Return how the server at `url` lets people log in."""
        api = Api(make_http(Connection(url, ca_bundle, proxy)))
        try:
            return await api.auth_methods()
        finally:
            await api.http.aclose()

    async def _sign_in(self, url: str, ca_bundle: str, proxy: str) -> None:
        """统一身份认证: sign in at the server's OpenID Connect provider in the browser."""
        await self._ended()
        for name, value in (("server_url", url), ("ca_bundle", ca_bundle), ("proxy", proxy)):
            self.settings.set(name, value)
        connection = Connection(url, ca_bundle, proxy)
        api: Api

        def keep(token: str | None) -> None:  # the username is known once the server answers
            TokenKeeper(url, str((api.person or {}).get("username", ""))).save(token)

        api = Api(make_http(connection), save_refresh=keep)
        try:
            async with oidc.provider_http(connection) as http:
                pair = await oidc.sign_in(api, open_url=_open_in_browser, http=http)
        except BaseException:
            await api.http.aclose()
            raise
        await self._enter(api, url, pair.person.username)

    async def _enter(self, api: Api, url: str, username: str) -> None:
        """Open the logged-in person's store and the main window."""
        self.settings.set("username", username)
        person = str(api.person["id"]) if api.person else ""
        store = await self.worker.run(LocalStore.open, store_path(self.settings, url, username))
        await self.worker.run(store.record_person, person)
        self._open(store, api, person)

    def _api(self, url: str, username: str) -> Api:
        connection = Connection(url, self.settings.get("ca_bundle"), self.settings.get("proxy"))
        return Api(make_http(connection), save_refresh=TokenKeeper(url, username).save)

    async def _resume(self, api: Api) -> None:
        try:
            await api.refresh()
        except LoginRequired:
            await self.logout(remote=False)
        except Offline:
            log.info("starting offline; the engine retries")

    def _open(self, store: LocalStore, api: Api, person_id: str) -> None:
        # The offset the last session measured, until this one's first exchange measures anew.
        clock = Clock(offset=self.worker.call(store.server_offset))
        ctx = AppContext(settings=self.settings, worker=self.worker, store=store,
                         person_id=person_id, clock=clock)

        async def call(fn: object, *args: object) -> object:
            return await self.worker.run(fn, *args)  # type: ignore[arg-type]

        blobs = Blobs(api=api, store=store, root=blobs_root(self.settings.data_dir()), call=call)
        engine = SyncEngine(api=api, store=store, call=call, on_status=ctx.sync_status,
                            on_changed=ctx.pulled, poll_seconds=self.settings.get("poll_seconds"),
                            blobs=blobs)
        ctx.engine = engine
        self.ctx = ctx
        window = self.window = MainWindow(ctx)
        window.logout_requested.connect(lambda: self.ctx_spawn(self.logout()))
        window.closed.connect(lambda: self._window_closed(window))
        self.notifier = Notifier(ctx)
        self.notifier.activated.connect(self._raise)
        window.select("home")  # 工作台: the first screen after login
        self.window.show()
        engine.start()
        self._import_files(window)

    def _import_files(self, window: MainWindow) -> None:
        """Import the invitations named on the command line (a file manager's 打开方式)."""
        files, self.files = self.files, []
        for path in files:
            window.select("meetings")
            window.meetings.import_ics(path)

    def ctx_spawn(self, coroutine: Awaitable[Any]) -> asyncio.Task[Any]:
        """Run a coroutine in the background, keeping a reference until it ends."""
        task = asyncio.ensure_future(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return task

    def _raise(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    # --- ending ----------------------------------------------------------------------------------

    def _window_closed(self, window: MainWindow) -> None:
        """The person closed the main window (a logout closes an old one): quit."""
        if window is self.window:
            self.done.set()

    async def logout(self, *, remote: bool = True) -> None:
        """End the login: tokens gone from server and keyring; the local outbox is kept.

        The login dialog shows at once, so that someone else can log in on the same PC
        without a restart; the session behind it ends meanwhile (a login waits for that).
        """
        ctx, window, notifier = self.ctx, self.window, self.notifier
        if ctx is None and window is None:
            return  # logged out already (a second click)
        self.ctx, self.window, self.notifier = None, None, None
        self.ask_login()  # before the window goes, so the program never runs windowless
        if window is not None:
            window.close()
        if notifier is not None:
            notifier.close()
        if ctx is not None:
            self._ending = self.ctx_spawn(self._end(ctx, remote=remote))
            self._ending.add_done_callback(_log_failure)
            await self._ended()
        if window is not None:
            window.deleteLater()  # after the engine stopped: nothing signals it any more

    async def _end(self, ctx: AppContext, *, remote: bool) -> None:
        """Stop syncing and close the store, then forget the tokens (on the server too)."""
        try:
            await ctx.close()
        finally:
            if ctx.engine is not None:
                await self._forget(ctx.engine.api, remote=remote)

    async def _forget(self, api: Api, *, remote: bool) -> None:
        if remote:
            await api.logout()
        else:
            url, user = self.settings.get("server_url"), self.settings.get("username")
            TokenKeeper(url, user).save(None)
        await api.http.aclose()

    async def _ended(self) -> None:
        """Wait until the last logout has ended (a failure of it is logged, not raised here)."""
        if self._ending is not None:
            await asyncio.wait({self._ending})

    async def run(self) -> None:
        """Run until the main window is closed or the login is cancelled."""
        await self.start()
        await self.done.wait()
        await self._ended()
        if self.notifier is not None:
            self.notifier.close()
        if self.ctx is not None:
            await self.ctx.close()
        self.worker.shutdown()


def _open_in_browser(url: str) -> bool:
    """Open `url` in the system browser (RFC 8252: never an embedded one)."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


def _log_failure(task: asyncio.Task[None]) -> None:
    if not task.cancelled() and task.exception() is not None:
        log.error("logging out failed", exc_info=task.exception())


def choose_font(app: QApplication, size: int = 0) -> None:
    """Prefer a CJK UI font that the machine has, so Chinese never shows as boxes, at the
    person's chosen size (points; 0: the system's, at least 10)."""
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    for family in CJK_FAMILIES:
        if family in families:
            font = QFont(family)
            break
    font.setPointSizeF(float(size) if size > 0 else max(app.font().pointSizeF(), 10.0))
    app.setFont(font)


def install_translations(app: QApplication, language: str) -> None:
    """Chinese is the source language; English and others come from .qm files."""
    if language.startswith("zh"):
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        # Qt's own texts (standard buttons, a text field's menu) in Chinese too.
        qt_texts = QTranslator(app)
        if qt_texts.load("qtbase_zh_CN",
                         QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_texts)
        return
    translator = QTranslator(app)
    if translator.load(f"officeapp_{language}", str(TRANSLATIONS)):
        app.installTranslator(translator)
    else:
        log.warning("no translation for %s", language)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Return the command line options."""
    parser = argparse.ArgumentParser(prog="officeapp", description="协同办公客户端")
    parser.add_argument("--server", help="服务器地址，例如 http://127.0.0.1:8765")
    parser.add_argument("--settings", type=Path, help="设置文件（INI），用于演示和测试")
    parser.add_argument("--lang", help="界面语言：zh_CN（默认）或 en")
    parser.add_argument("--version", action="version", version=f"%(prog)s {officeapp.__version__}")
    parser.add_argument("--self-test", type=Path, metavar="DIR",
                        help="无界面自检：在 DIR 中打开本地库，生成并预览一份公文PDF，"
                             "打印路径后退出")
    parser.add_argument("files", nargs="*", type=Path, help="要导入的会议邀请（.ics）")
    return parser.parse_args(argv)


def self_test(folder: Path) -> int:
    """Open (or create) a store in `folder`, draft a 公文 there, render and preview its PDF.

    The installed package's smoke test: it goes through SQLite, reportlab with the machine's
    CJK fonts and QtPdf, the parts a broken bundle loses first. Prints what it wrote.
    """
    folder.mkdir(parents=True, exist_ok=True)
    database, pdf, png = (folder / name for name in ("self-test.sqlite3", "self-test.pdf",
                                                      "self-test.png"))
    with LocalStore.open(database) as store:
        count = _draft_and_render(store, pdf)
    pages = _preview(pdf, png)
    print(f"officeapp {officeapp.__version__}")
    print(f"store: {database} ({count} documents)")
    print(f"pdf: {pdf} ({pages} pages)")
    print(f"preview: {png}")
    return 0


def _draft_and_render(store: LocalStore, pdf: Path) -> int:
    """Draft a notice as the demo clerk and render it; return how many documents are stored."""
    if not store.organisation().people:
        store.save_directory(units=DEMO_UNITS, people=DEMO_PEOPLE, rooms=DEMO_ROOMS)
    now = store.corrected_now()
    draft = actions.draft_outgoing(store, person_id="p-office.clerk", fields=SELF_TEST_FIELDS,
                                   now=now)
    saved = store.get_document(draft.id)  # read back: the PDF shows what the store kept
    if saved is None:
        raise RuntimeError(f"the store lost the draft {draft.id}")
    pdf.write_bytes(render_document_pdf(saved, store.organisation(), today=local(now).date()))
    return store.record_count("document")


def _preview(pdf: Path, png: Path) -> int:
    """Render the first page with QtPdf, as the preview does, into `png`; return the pages."""
    document = QPdfDocument()
    document.load(str(pdf))
    if document.pageCount() < 1 or not document.render(0, QSize(595, 842)).save(str(png)):
        raise RuntimeError(f"QtPdf cannot show {pdf}")
    return document.pageCount()


def main(argv: Sequence[str] | None = None) -> int:
    """Start the desktop client."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    app = QApplication.instance() or QApplication(["officeapp"])
    assert isinstance(app, QApplication)
    app.setApplicationName("officeapp")
    app.setApplicationDisplayName("协同办公")
    if args.self_test is not None:
        return self_test(args.self_test)
    settings = Settings(args.settings)
    if args.server:
        settings.set("server_url", args.server)
    if args.lang:
        settings.set("language", args.lang)
    install_translations(app, settings.get("language"))
    choose_font(app, settings.get("font_size"))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    session = Session(app, settings)
    session.files = list(args.files)
    with loop:
        loop.run_until_complete(session.run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
