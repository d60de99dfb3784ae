"""`python -m bot.web` over HTTP: the page, its files, the security headers, 404s, configuration errors, and
mounting another blueprint (the future staff console). Needs no model and no browser."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import urllib.error
import urllib.request
from email.message import Message
from typing import Iterator, Tuple

import pytest

from bot.web.server import content_security_policy, normalise_public_url, render_page

from .conftest import ROOT, Service, free_port

PUBLIC_URL = "https://chat.example.org:8443/rasa/"


def get(url: str) -> Tuple[int, Message, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


@pytest.fixture(scope="module")
def web_only(widget_bundle, tmp_path_factory) -> Iterator[str]:
    port = free_port()
    service = Service(
        "web server",
        [sys.executable, "-m", "bot.web"],
        {**os.environ, "WEB_PORT": str(port), "RASA_PUBLIC_URL": PUBLIC_URL},
        tmp_path_factory.mktemp("web-only") / "web.log",
        f"http://127.0.0.1:{port}/healthz",
    ).start()
    try:
        service.wait_ready(60)
        yield f"http://127.0.0.1:{port}"
    finally:
        service.stop()


def test_page_embeds_the_widget_with_the_public_rasa_url(web_only):
    status, headers, body = get(web_only + "/")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert (
        '<script src="/static/widget.js" data-server="https://chat.example.org:8443/rasa" '
        'data-title="서울 일자리·노동 도우미" defer></script>' in body
    )
    assert body.count("<script") == 1  # the one tag; no inline script
    assert "서울특별시" in body and "국번 없이 120" in body
    assert get(web_only + "/static/index.html")[2] == body


def test_security_headers(web_only):
    for path in ("/", "/static/widget.js", "/static/site.css", "/nope"):
        _, headers, _ = get(web_only + path)
        csp = headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "connect-src 'self' https://chat.example.org:8443 wss://chat.example.org:8443" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"


def test_static_files(web_only):
    status, headers, body = get(web_only + "/static/widget.js")
    assert status == 200 and headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert "session_request" in body and "user_uttered" in body
    status, headers, _ = get(web_only + "/static/site.css")
    assert status == 200 and headers["Content-Type"] == "text/css; charset=utf-8"


@pytest.mark.parametrize(
    "path",
    [
        "/nope",
        "/static/",
        "/static/missing.js",
        "/static/%2e%2e/server.py",
        "/static/..%2fserver.py",
        "/static/%2e%2e/%2e%2e/%2e%2e/pyproject.toml",
        "/static/../../Makefile",
        "/static/index.htm",
    ],
)
def test_clear_404(web_only, path):
    status, headers, body = get(web_only + path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "페이지를 찾을 수 없어요 (404)" in body and "Page not found" in body
    assert "Traceback" not in body


def test_rasa_public_url_is_validated_and_escaped():
    assert normalise_public_url("HTTP://Example.org:5005/") == "http://example.org:5005"
    assert normalise_public_url("https://example.org/rasa/") == "https://example.org/rasa"
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org",
        "https://user:pw@example.org",
        "https://example.org/?q=1",
        'https://example.org/"><script>',
        "https://example.org; script-src *",
        "https://example.org:99999",
        "//example.org",
    ]:
        with pytest.raises(ValueError):
            normalise_public_url(bad)
    assert "connect-src 'self' http://127.0.0.1:5005 ws://127.0.0.1:5005;" in content_security_policy(
        "http://127.0.0.1:5005"
    )


def test_render_page_escapes_the_attribute(tmp_path):
    (tmp_path / "index.html").write_text('<script data-server="{{RASA_PUBLIC_URL}}"></script>', encoding="utf-8")
    page = render_page(tmp_path, 'http://x/"><img src=x onerror=alert(1)>')
    assert page == '<script data-server="http://x/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"></script>'


@pytest.mark.parametrize(
    "env, message",
    [
        ({"RASA_PUBLIC_URL": "javascript:alert(1)"}, "RASA_PUBLIC_URL must be an http(s) URL"),
        ({"WEB_PORT": "eighty"}, "WEB_PORT must be a port number"),
    ],
)
def test_bad_configuration_stops_with_a_clear_message(env, message):
    result = subprocess.run(
        [sys.executable, "-m", "bot.web"],
        cwd=ROOT,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert message in result.stderr


def test_another_blueprint_can_be_mounted_under_console(tmp_path):
    """The staff console will be a blueprint on the same app; its own CSP wins over the default one."""
    port = free_port()
    script = tmp_path / "console_app.py"
    script.write_text(
        textwrap.dedent(
            f"""
            from sanic import Blueprint, response
            from bot.web.server import WebSettings, create_app

            console = Blueprint("console", url_prefix="/console")

            @console.get("/")
            async def home(request):
                return response.text("console", headers={{"Content-Security-Policy": "default-src 'self'"}})

            app = create_app(WebSettings(port={port}), blueprints=[console])
            app.run(host="127.0.0.1", port={port}, motd=False, access_log=False)
            """
        ),
        encoding="utf-8",
    )
    service = Service(
        "web server with console",
        [sys.executable, str(script)],
        {**os.environ, "PYTHONPATH": str(ROOT)},
        tmp_path / "console.log",
        f"http://127.0.0.1:{port}/healthz",
    ).start()
    try:
        service.wait_ready(60)
        status, headers, body = get(f"http://127.0.0.1:{port}/console/")
        assert (status, body) == (200, "console")
        assert headers["Content-Security-Policy"] == "default-src 'self'"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert get(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        service.stop()
