"""The citizens' web page: a city-style page at ``/`` with the chat widget, and its files under ``/static/``.

    python -m bot.web

Environment (each has a safe default):

- ``WEB_BIND`` (``127.0.0.1``) and ``WEB_PORT`` (``8080``): where this server listens.
- ``RASA_PUBLIC_URL`` (``http://127.0.0.1:5005``): Rasa's address *as the citizen's browser reaches it*. It is
  written into the page's ``data-server`` attribute and is the only other origin the page may connect to.
- ``WEB_LOG_LEVEL`` (``INFO``).

The widget itself is built from ``bot/web/widget`` (``npm ci && npm run build`` writes ``static/widget.js``).

``main()`` (``python -m bot.web``) also mounts the staff console at ``/console`` (bot/console/README.md).

Other parts of the project can add routes to the same server, e.g. a staff console under ``/console``::

    from bot.web.server import create_app
    app = create_app(blueprints=[console])       # or later: app.blueprint(console)

Every response gets the security headers below unless its route set that header itself, so a console page
can send its own Content-Security-Policy.
"""
from __future__ import annotations

import html
import logging
import logging.config
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Mapping, Optional
from urllib.parse import urlsplit, urlunsplit

from sanic import Blueprint, Request, Sanic, response
from sanic.exceptions import NotFound
from sanic.response import HTTPResponse

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
PAGE_FILE = "index.html"
SERVER_PLACEHOLDER = "{{RASA_PUBLIC_URL}}"

DEFAULT_BIND = "127.0.0.1"
DEFAULT_PORT = 8080
DEFAULT_RASA_PUBLIC_URL = "http://127.0.0.1:5005"

# Files /static/ serves, by extension; anything else is a 404.
CONTENT_TYPES: Mapping[str, str] = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
    ".txt": "text/plain; charset=utf-8",
}

NOT_FOUND_PAGE = """<!doctype html>
<html lang="ko">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>페이지를 찾을 수 없어요 (404)</title><link rel="stylesheet" href="/static/site.css"></head>
<body><main class="not-found"><h1>페이지를 찾을 수 없어요 (404)</h1>
<p>주소가 바뀌었거나 없는 페이지예요. Page not found.</p>
<p><a href="/">첫 화면으로 가기</a></p></main></body>
</html>
"""


@dataclass(frozen=True)
class WebSettings:
    bind: str = DEFAULT_BIND
    port: int = DEFAULT_PORT
    rasa_public_url: str = DEFAULT_RASA_PUBLIC_URL

    @classmethod
    def from_env(cls, environ: Optional[Mapping[str, str]] = None) -> "WebSettings":
        """Reads WEB_BIND, WEB_PORT and RASA_PUBLIC_URL; raises ValueError naming the bad variable."""
        environ = os.environ if environ is None else environ
        raw_port = environ.get("WEB_PORT", "").strip() or str(DEFAULT_PORT)
        if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
            raise ValueError(f"WEB_PORT must be a port number (1-65535), not {raw_port!r}")
        return cls(
            bind=environ.get("WEB_BIND", "").strip() or DEFAULT_BIND,
            port=int(raw_port),
            rasa_public_url=normalise_public_url(
                environ.get("RASA_PUBLIC_URL", "").strip() or DEFAULT_RASA_PUBLIC_URL
            ),
        )


_HOST = re.compile(r"^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$")
_PATH = re.compile(r"^[A-Za-z0-9._~/-]*$")


def normalise_public_url(value: str) -> str:
    """An http(s) URL with a host, an optional port and path, and nothing else (no user, query, fragment).

    The value ends up in an HTML attribute and in a response header, so anything unusual is refused
    rather than escaped into something that still works.
    """
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"RASA_PUBLIC_URL must be an http(s) URL such as http://127.0.0.1:5005, not {value!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError(f"RASA_PUBLIC_URL must not contain a user, query or fragment: {value!r}")
    if not _HOST.match(parts.netloc) or not _PATH.match(parts.path):
        raise ValueError(f"RASA_PUBLIC_URL has characters that are not allowed: {value!r}")
    _ = parts.port  # raises ValueError for a port out of range
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path.rstrip("/"), "", ""))


def content_security_policy(rasa_public_url: str) -> str:
    """Only this server's own files; network connections to this server and to Rasa (HTTP and WebSocket)."""
    parts = urlsplit(rasa_public_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    websocket = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}"
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src 'self' {origin} {websocket}",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'self'",
            "object-src 'none'",
        ]
    )


def security_headers(rasa_public_url: str) -> dict:
    return {
        "Content-Security-Policy": content_security_policy(rasa_public_url),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "SAMEORIGIN",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def render_page(static_dir: Path, rasa_public_url: str) -> str:
    """index.html with Rasa's URL (HTML-escaped) in the widget's data-server attribute."""
    page = (static_dir / PAGE_FILE).read_text(encoding="utf-8")
    if SERVER_PLACEHOLDER not in page:
        raise ValueError(f"{static_dir / PAGE_FILE} has no {SERVER_PLACEHOLDER} placeholder")
    return page.replace(SERVER_PLACEHOLDER, html.escape(rasa_public_url, quote=True))


def create_app(
    settings: Optional[WebSettings] = None,
    *,
    name: str = "seoul_web",
    static_dir: Path = STATIC_DIR,
    blueprints: Iterable[Blueprint] = (),
) -> Sanic:
    """The web server. ``blueprints`` (e.g. the staff console, ``url_prefix="/console"``) are mounted too."""
    settings = settings or WebSettings.from_env()
    static_root = static_dir.resolve()
    page = render_page(static_root, settings.rasa_public_url)
    headers = security_headers(settings.rasa_public_url)

    # Logging is configured by whoever runs the app (main() below), not by creating it.
    app = Sanic(name, configure_logging=False)
    app.config.FALLBACK_ERROR_FORMAT = "html"
    app.ctx.settings = settings
    app.ctx.static_dir = static_root

    def page_response() -> HTTPResponse:
        return response.html(page, headers={"Cache-Control": "no-cache"})

    @app.route("/", methods=["GET", "HEAD"])
    async def index(request: Request) -> HTTPResponse:
        return page_response()

    @app.route("/static/<filename:path>", methods=["GET", "HEAD"])
    async def static(request: Request, filename: str) -> HTTPResponse:
        if filename == PAGE_FILE:
            return page_response()
        path = (static_root / filename).resolve()
        content_type = CONTENT_TYPES.get(path.suffix.lower())
        if (
            content_type is None
            or not path.is_relative_to(static_root)
            or any(part.startswith(".") for part in path.relative_to(static_root).parts)
            or not path.is_file()
        ):
            raise NotFound("not found")
        return await response.file(path, mime_type=content_type, headers={"Cache-Control": "no-cache"})

    @app.get("/healthz")
    async def health(request: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    @app.exception(NotFound)
    async def not_found(request: Request, exception: NotFound) -> HTTPResponse:
        return response.html(NOT_FOUND_PAGE, status=404, headers={"Cache-Control": "no-store"})

    @app.on_response
    async def add_security_headers(request: Request, resp: HTTPResponse) -> None:
        for header, value in headers.items():
            if header not in resp.headers:
                resp.headers[header] = value

    for blueprint in blueprints:
        app.blueprint(blueprint)
    return app


def logging_config(level: str = "INFO") -> dict:
    """Sanic's loggers and this project's (``bot.*``) on stderr; access lines without client addresses."""
    console = {"class": "logging.StreamHandler", "stream": "ext://sys.stderr"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
            "access": {"format": "%(asctime)s %(levelname)s %(name)s: %(request)s %(status)s %(byte)s"},
        },
        "handlers": {
            "console": {**console, "formatter": "plain"},
            "access": {**console, "formatter": "access"},
        },
        "loggers": {
            "sanic.root": {"level": level, "handlers": ["console"], "propagate": False},
            "sanic.error": {"level": level, "handlers": ["console"], "propagate": False},
            "sanic.access": {"level": level, "handlers": ["access"], "propagate": False},
            "bot": {"level": level, "handlers": ["console"], "propagate": False},
        },
    }


def main() -> int:
    level = os.environ.get("WEB_LOG_LEVEL", "").strip().upper() or "INFO"
    logging.config.dictConfig(logging_config(level if isinstance(logging.getLevelName(level), int) else "INFO"))
    try:
        settings = WebSettings.from_env()
        from bot.console.app import console_blueprint  # the staff console at /console (bot/console/README.md)

        app = create_app(settings, blueprints=[console_blueprint()])
    except (ValueError, OSError) as error:
        logger.error("cannot start the web server: %s", error)
        return 2
    if not (STATIC_DIR / "widget.js").is_file():
        logger.warning(
            "static/widget.js is missing: build it with `cd bot/web/widget && npm ci && npm run build`"
        )
    logger.info(
        "serving the web chat on %s:%d (Rasa for browsers: %s)",
        settings.bind,
        settings.port,
        settings.rasa_public_url,
    )
    app.run(host=settings.bind, port=settings.port, motd=False, access_log=True)
    return 0
