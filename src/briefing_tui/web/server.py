"""textual-serve's server, made safe to leave running on a laptop, usable from another machine, and
stopped cleanly.

Any web page the user visits can open a WebSocket to `ws://127.0.0.1:PORT` (browsers do not apply
the same-origin rule to WebSockets) and would drive the app and read every briefing; a page served
from an attacker's name that resolves to 127.0.0.1 (DNS rebinding) could read them too. So a request
whose `Origin` is not the page's own address is refused, and when bound to loopback, so is a request
naming a host other than a loopback one.

On Ctrl+C, every open page's app is told to quit and waited for before the event loop closes
(textual-serve leaves the processes to be reaped after it, with a warning and a traceback).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSCloseCode, WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from briefing_tui.web.hosts import is_loopback, page_url

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
#: How long an app may take to quit once told to, before it is killed.
QUIT_TIMEOUT = 10.0
log = logging.getLogger("textual-serve")


class Session(AppService):
    """One page's app process, waited for when stopped."""

    async def stop(self) -> None:
        process = self._process
        await super().stop()
        if process is None or process.returncode is not None:
            return
        try:
            await asyncio.wait_for(process.wait(), QUIT_TIMEOUT)
        except TimeoutError:
            process.kill()
            await process.wait()


class BriefingServer(Server):
    def __init__(self, command: str, host: str, port: int, *, only_loopback: bool) -> None:
        super().__init__(command, host=host, port=port, title="briefing-tui")
        self.only_loopback = only_loopback
        self.pages: set[web.WebSocketResponse] = set()

    def refusal(self, request: web.Request) -> str | None:
        """Why `request` is refused, or None to serve it."""
        name = urlsplit(f"//{request.host}").hostname or ""
        if self.only_loopback and not is_loopback(name):
            return f"this server answers to loopback names only, not {name!r}"
        origin = request.headers.get("Origin")
        if origin is not None and urlsplit(origin).netloc.lower() != request.host.lower():
            return f"cross-origin request from {origin!r} refused"
        return None

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        why = self.refusal(request)
        if why is not None:
            raise web.HTTPForbidden(text=f"briefing-tui serve: {why}\n")
        return await handler(request)

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    async def handle_index(self, request: web.Request) -> Any:
        # The page connects its WebSocket to the address it was loaded from (textual-serve would
        # use the bound one, which a browser elsewhere cannot reach when bound to 0.0.0.0). The
        # template reads it before its first await, so concurrent requests do not mix.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's, with the page remembered (to close it on shutdown) and its app waited for."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)

        async def close() -> None:
            await websocket.close()

        session = Session(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=self.download_manager,
            debug=self.debug,
        )
        self.pages.add(websocket)
        try:
            await session.start(width, height)
            await self.relay(websocket, session)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:
            log.exception(error)
        finally:
            self.pages.discard(websocket)
            await session.stop()
        return websocket

    async def relay(self, websocket: web.WebSocketResponse, session: Session) -> None:
        """What the page sends, to its app, until the page goes: textual-serve's messages."""
        async for message in websocket:
            if message.type != WSMsgType.TEXT:
                continue
            kind, *data = message.json()
            if kind == "stdin":
                await session.send_bytes(data[0].encode("utf-8"))
            elif kind == "resize":
                await session.set_terminal_size(data[0]["width"], data[0]["height"])
            elif kind == "ping":
                await websocket.send_json(["pong", data[0]])
            elif kind == "blur":
                await session.blur()
            elif kind == "focus":
                await session.focus()

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a banner here; ours is printed once listening (`announce`)."""

    async def on_shutdown(self, app: web.Application) -> None:
        # Closing a page ends its handler, which stops its app; the server waits for handlers.
        for websocket in list(self.pages):
            await websocket.close(code=WSCloseCode.GOING_AWAY, message=b"server stopped")

    def announce(self, *_: object) -> None:
        print(f"briefing-tui: open {page_url(self.host, self.port)} in a web browser (Ctrl+C stops it)")
        sys.stdout.flush()

    def serve(self, debug: bool = False) -> None:
        """textual-serve's `serve`, with the start-up message printed only once listening."""
        self.debug = debug
        self.initialize_logging()
        web.run_app(self._make_app(), host=self.host, port=self.port, print=self.announce)
