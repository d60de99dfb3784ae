"""Signing in over HTTP: cookie flags, CSRF, lock-out, session expiry, security headers."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.console.app import CONTENT_SECURITY_POLICY
from bot.console.auth import AuditEntry
from knowledge.queries import KnowledgeBase

from .conftest import PASSWORD, Client, ConsoleServer, make_console


def cookie_named(reply, name: str) -> str:
    [cookie] = [c for c in reply.cookies() if c.startswith(name + "=")]
    return cookie


def audit_actions(console: ConsoleServer) -> list:
    return [entry.action for entry in reversed(console.auth.audit_log(1000))]


def test_pages_need_a_session(console: ConsoleServer) -> None:
    client = console.client()
    for path in ["/console/queue", "/console/search?q=x", "/console/handoffs/1", "/console/analytics"]:
        reply = client.get(path)
        assert (reply.status, reply.location) == (303, "/console/login"), path
    assert client.get("/console/").location == "/console/queue"


def test_sign_in_sets_a_strict_http_only_session_cookie(console: ConsoleServer) -> None:
    client = console.client()
    form = client.get("/console/login")
    assert form.status == 200 and "상담원 로그인" in form.text
    login_cookie = cookie_named(form, "console_login")
    assert "HttpOnly" in login_cookie and "SameSite=Strict" in login_cookie and "Path=/console" in login_cookie
    reply = client.post("/console/login", {"csrf_token": form.csrf(), "name": "tester", "password": PASSWORD})
    assert (reply.status, reply.location) == (303, "/console/queue")
    session = cookie_named(reply, "console_session")
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/console", "Max-Age=28800"]:
        assert flag in session
    assert "Secure" not in session  # plain http here; see the https test below
    page = client.get("/console/queue")
    assert page.status == 200 and "테스터 님" in page.text and "로그아웃" in page.text
    assert audit_actions(console)[-1] == "login"


def test_the_cookie_is_secure_when_the_request_is_https(tmp_path: Path, kb: KnowledgeBase) -> None:
    runner, console = make_console(tmp_path, kb, proxies=1)  # behind one TLS-terminating proxy
    try:
        client = console.client()
        https = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.9"}
        form = client.get("/console/login", headers=https)
        assert "Secure" in cookie_named(form, "console_login")
        reply = client.post(
            "/console/login", {"csrf_token": form.csrf(), "name": "tester", "password": PASSWORD}, headers=https
        )
        assert reply.status == 303 and "Secure" in cookie_named(reply, "console_session")
        assert reply.header("Strict-Transport-Security") == "max-age=31536000"
        assert console.auth.audit_log(1)[0].client == "203.0.113.9"
    finally:
        runner.stop()


def test_security_headers_on_every_console_response(staff: Client) -> None:
    for path in ["/console/queue", "/console/search?q=%EC%B7%A8%EC%97%85", "/console/analytics", "/console/static/console.css", "/console/login"]:
        reply = staff.get(path)
        assert reply.header("Content-Security-Policy") == CONTENT_SECURITY_POLICY, path
        assert "default-src 'self'" in CONTENT_SECURITY_POLICY and "'unsafe-inline'" not in CONTENT_SECURITY_POLICY
        assert reply.header("X-Frame-Options") == "DENY"
        assert reply.header("X-Content-Type-Options") == "nosniff"
        assert reply.header("Referrer-Policy") == "no-referrer"
    assert staff.get("/console/queue").header("Cache-Control") == "no-store"


def test_wrong_password_and_lock_out_after_five_failures(console: ConsoleServer) -> None:
    client = console.client()
    for attempt in range(5):
        reply = client.login(password="wrong password!")
        assert reply.status in (401, 429), attempt
        assert "console_session" not in client.cookies
    assert reply.status == 429 and "15분" in reply.text
    locked = client.login()  # the right password, but locked
    assert locked.status == 429 and "console_session" not in client.cookies
    assert console.client().login(name="colleague").status == 303  # other names still work
    console.clock.advance(minutes=15, seconds=1)
    assert client.login().status == 303
    actions = audit_actions(console)
    assert actions.count("login_failed") == 5 and "login_locked" in actions


@pytest.mark.parametrize("token", [None, "", "forged", "0" * 64])
def test_login_without_the_form_token_is_refused(console: ConsoleServer, token) -> None:
    client = console.client()
    client.get("/console/login")
    form = {"name": "tester", "password": PASSWORD}
    if token is not None:
        form["csrf_token"] = token
    reply = client.post("/console/login", form)
    assert reply.status == 403 and "console_session" not in client.cookies
    assert "로그인 화면이 오래되었어요" in reply.text
    assert audit_actions(console)[-1] == "csrf_rejected"


def test_the_login_token_is_tied_to_its_cookie(console: ConsoleServer) -> None:
    mine, theirs = console.client(), console.client()
    token = theirs.get("/console/login").csrf()
    mine.get("/console/login")
    assert mine.post("/console/login", {"csrf_token": token, "name": "tester", "password": PASSWORD}).status == 403


@pytest.mark.parametrize(
    "path", ["/console/logout", "/console/handoffs/{id}/take", "/console/handoffs/{id}/reply", "/console/handoffs/{id}/hand-back"]
)
@pytest.mark.parametrize("token", [None, "", "wrong-token", "other-session"])
def test_posts_without_the_session_csrf_token_get_403_and_change_nothing(console: ConsoleServer, staff: Client, path: str, token) -> None:
    handoff = console.handoffs.request("web-abcdef123", "상담원 연결해줘", "rest")
    if token == "other-session":
        other = console.client()
        other.login(name="colleague")
        token = other.csrf()
    form = {"text": "안녕하세요"}
    if token is not None:
        form["csrf_token"] = token
    reply = staff.post(path.format(id=handoff.id), form)
    assert reply.status == 403 and "보안 토큰이 맞지 않아요" in reply.text
    assert console.handoffs.get(handoff.id).status.value == "waiting"
    assert console.rasa.appended() == [] and console.handoffs.undelivered("web-abcdef123") == []
    assert staff.get("/console/queue").status == 200  # still signed in
    assert audit_actions(console)[-1] == "csrf_rejected"


def test_logout_ends_the_session(console: ConsoleServer, staff: Client) -> None:
    session = staff.cookies["console_session"]
    reply = staff.post("/console/logout", {"csrf_token": staff.csrf()})
    assert (reply.status, reply.location) == (303, "/console/login?notice=logged_out")
    assert "Max-Age=0" in cookie_named(reply, "console_session")
    replay = console.client()
    replay.cookies["console_session"] = session  # a stolen copy of the old cookie is worthless now
    assert replay.get("/console/queue").status == 303
    assert "로그아웃했어요" in staff.get("/console/login?notice=logged_out").text
    assert audit_actions(console)[-1] == "logout"


def test_an_expired_session_goes_back_to_the_login(console: ConsoleServer, staff: Client) -> None:
    console.clock.advance(hours=8, seconds=1)
    reply = staff.get("/console/queue")
    assert (reply.status, reply.location) == (303, "/console/login?notice=expired")
    assert "console_session" not in staff.cookies
    assert "로그인 시간이 지났어요" in staff.get(reply.location).text


def test_audit_log_keeps_the_client_address(console: ConsoleServer, staff: Client) -> None:
    entry = console.auth.audit_log(1)[0]
    assert (entry.action, entry.staff, entry.client) == ("login", "tester", "127.0.0.1")
    with console.auth._session() as session:
        assert session.query(AuditEntry).count() >= 1
