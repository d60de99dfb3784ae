"""The staff console as a Sanic Blueprint at ``/console`` (mounted by ``python -m bot.web``).

    from bot.console.app import console_blueprint
    app = create_app(blueprints=[console_blueprint()])

Routes (all but login and the static files need a session; every POST needs the session's CSRF token):

    GET  /console/                      → the queue
    GET  /console/login, POST /console/login, POST /console/logout
    GET  /console/search?q=…            programmes from the knowledge base + what the assistant understands
    GET  /console/queue                 open handoff requests
    GET  /console/handoffs/<id>         one request with the conversation's transcript
    POST /console/handoffs/<id>/take | /reply | /hand-back
    GET  /console/analytics?days=7|30|90
    GET  /console/static/console.css | console.js
"""
from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import logging
import re
import secrets
import unicodedata
import uuid
from datetime import datetime, timezone
from pathlib import Path
from time import perf_counter
from typing import Any, Callable, Dict, List, Optional, Tuple
from urllib.parse import parse_qsl

from sanic import Blueprint, Request, response
from sanic.response import HTTPResponse
from sqlalchemy.exc import SQLAlchemyError

from bot.console import pages
from bot.console.analytics import EventsAnalytics
from bot.console.auth import AuthStore, SignedIn, same_secret
from bot.console.rasa_api import Parse, RasaClient, RasaUnavailable
from bot.console.settings import ConsoleSettings
from bot.handoff import Handoff, HandoffStatus, HandoffStore
from knowledge.db import get_engine
from knowledge.queries import KnowledgeBase, ProgrammeInfo

logger = logging.getLogger(__name__)

PREFIX = "/console"
STATIC_DIR = Path(__file__).resolve().parent / "static"
STATIC_FILES = {"console.css": "text/css; charset=utf-8", "console.js": "text/javascript; charset=utf-8"}

# The one sentence the console itself says to a citizen: when staff hand the conversation back to the bot.
HANDBACK_MESSAGE = "상담원과의 대화를 마쳤어요. 이제 다시 도우미가 답해 드릴게요. 궁금한 점을 말씀해 주세요."

SESSION_COOKIE = "console_session"
LOGIN_COOKIE = "console_login"
LOGIN_COOKIE_SECONDS = 3600
MAX_FORM_BYTES = 256 * 1024
MAX_QUERY_CHARS = 500
MAX_REPLY_CHARS = 2000
MAX_RESULTS = 10
KB_RELOAD_SECONDS = 300  # like the action server's KnowledgeBase(max_age_seconds=300)
PUSH_CHANNELS = {"socketio"}  # channels the console can deliver to at once; the others use the outbox

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# --------------------------------------------------------------------------------------- helpers
def clean_text(value: str, keep_newlines: bool = True) -> str:
    """Text as staff typed it, without control characters (newlines kept if asked) or lone surrogates."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Cs")
    value = _CONTROL.sub("", value.replace("\t", " "))
    return value if keep_newlines else value.replace("\n", " ")


def read_form(request: Request) -> Dict[str, str]:
    """The url-encoded form fields (first value of each); anything else (or unparsable) is an empty form."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if content_type != "application/x-www-form-urlencoded":
        return {}
    try:
        pairs = parse_qsl((request.body or b"").decode("utf-8", "replace"), keep_blank_values=True, max_num_fields=50)
    except ValueError:
        return {}
    form: Dict[str, str] = {}
    for key, value in pairs:
        form.setdefault(key, value)
    return form


def client_address(request: Request) -> str:
    return request.remote_addr or request.ip or ""


def is_https(request: Request) -> bool:
    try:
        return request.scheme == "https"
    except Exception:  # a request without a transport (never in a running server)
        return False


def set_cookie(resp: HTTPResponse, request: Request, name: str, value: str, max_age: int) -> None:
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["path"] = PREFIX
    cookie["httponly"] = True
    cookie["samesite"] = "Strict"
    cookie["max-age"] = max_age
    if is_https(request):
        cookie["secure"] = True


def clear_cookie(resp: HTTPResponse, request: Request, name: str) -> None:
    set_cookie(resp, request, name, "", 0)


def with_headers(resp: HTTPResponse, request: Optional[Request] = None) -> HTTPResponse:
    for header, value in SECURITY_HEADERS.items():
        resp.headers[header] = value
    if request is not None and is_https(request):
        resp.headers["Strict-Transport-Security"] = "max-age=31536000"
    return resp


def html(body: str, status: int = 200, request: Optional[Request] = None) -> HTTPResponse:
    return with_headers(response.html(body, status=status), request)


def redirect(path: str, notice: Optional[str] = None) -> HTTPResponse:
    target = f"{path}?notice={notice}" if notice else path
    return with_headers(response.redirect(target, status=303))


def handback_events(staff: str) -> List[Dict[str, Any]]:
    """What hand-back appends to the tracker. The last action before the pause was action_request_human;
    without an ``action_listen`` after ``resume`` the next user message starts in a state the rules never saw,
    and Rasa answers with action_default_fallback and then asks for a person again (seen with the real model)."""
    return [
        {"event": "resume"},
        {"event": "bot", "text": HANDBACK_MESSAGE, "metadata": {"staff": staff, "handback": True}},
        {"event": "action", "name": "action_listen"},
    ]


def search_programmes(kb: KnowledgeBase, query: str, limit: int = MAX_RESULTS) -> List[Tuple[ProgrammeInfo, Tuple[str, ...]]]:
    """Programmes named in the text first (find_programme, programmes_in_text), then keyword hits."""
    found: Dict[str, Tuple[ProgrammeInfo, Tuple[str, ...]]] = {}
    named = kb.find_programme(query)
    for programme in ([named] if named else []) + kb.programmes_in_text(query):
        found.setdefault(programme.slug, (programme, ("이름·별칭",)))
    for hit in kb.search(query, limit=limit):
        found.setdefault(hit.programme.slug, (hit.programme, hit.matched))
    return list(found.values())[:limit]


async def in_thread(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(function, *args, **kwargs))


# --------------------------------------------------------------------------------------- the app
class Console:
    """The console's parts; made once per Blueprint, each connecting on first use."""

    def __init__(
        self,
        settings: Optional[ConsoleSettings] = None,
        *,
        auth: Optional[AuthStore] = None,
        handoffs: Optional[HandoffStore] = None,
        kb: Optional[KnowledgeBase] = None,
        rasa: Optional[RasaClient] = None,
        analytics: Optional[EventsAnalytics] = None,
        login_key: Optional[bytes] = None,
    ) -> None:
        self.settings = settings or ConsoleSettings.from_env()
        engine = None if auth and handoffs and kb else get_engine(self.settings.database_url)
        self.auth = auth or AuthStore(engine)
        self.handoffs = handoffs or HandoffStore(engine)
        # Our own copy is reloaded in the background (keep_fresh), never on a search's time.
        self.owns_kb = kb is None
        self.kb = kb or KnowledgeBase(engine, max_age_seconds=float("inf"))
        self.rasa = rasa or RasaClient(self.settings.rasa_url, self.settings.rasa_token, self.settings.staff_channel_token)
        self.analytics = analytics or EventsAnalytics(get_engine(self.settings.database_url))
        # signs the login form's CSRF token (there is no session yet); a restart only means reloading the form
        self.login_key = login_key or secrets.token_bytes(32)

    def login_token(self, nonce: str) -> str:
        return hmac.new(self.login_key, nonce.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()

    def reload_kb(self) -> None:
        """Loads a fresh copy (≈0.1 s of SQL, in a worker thread) and swaps it in with one assignment, so a
        search never waits for a reload and never sees half of one (picks up `make kb` like the actions do)."""
        fresh = KnowledgeBase(self.kb.engine, max_age_seconds=float("inf"))
        fresh.refresh()
        self.kb = fresh

    async def keep_fresh(self) -> None:
        while True:
            try:
                await in_thread(self.reload_kb)
            except SQLAlchemyError:
                logger.warning("could not (re)load the knowledge base; searching the copy in memory", exc_info=True)
            await asyncio.sleep(KB_RELOAD_SECONDS)


def console_blueprint(settings: Optional[ConsoleSettings] = None, *, name: Optional[str] = None, **parts: Any) -> Blueprint:
    """A new Blueprint (one per app). ``parts`` replace the defaults (tests): auth, handoffs, kb, rasa, analytics."""
    console = Console(settings, **parts)
    bp = Blueprint(name or f"console_{uuid.uuid4().hex[:8]}", url_prefix=PREFIX)
    bp.ctx.console = console
    static = {filename: (STATIC_DIR / filename).read_bytes() for filename in STATIC_FILES}

    tasks: List[asyncio.Task] = []

    @bp.listener("after_server_start")
    async def start_reloading(app: Any, loop: Any) -> None:
        if console.owns_kb:  # the first load is the warm-up: the first search should not pay for it
            tasks.append(loop.create_task(console.keep_fresh()))

    @bp.on_response
    async def headers(request: Request, resp: HTTPResponse) -> None:
        # every console response (redirects included); the page server's defaults do not apply here
        cache = resp.headers.get("Cache-Control")
        with_headers(resp, request)
        if cache:
            resp.headers["Cache-Control"] = cache

    @bp.listener("before_server_stop")
    async def close(app: Any, loop: Any) -> None:
        for task in tasks:
            task.cancel()
        await console.rasa.close()

    # -- sessions
    def current(request: Request) -> Optional[SignedIn]:
        return console.auth.session_for(request.cookies.get(SESSION_COOKIE))

    def viewer(signed_in: SignedIn) -> pages.Viewer:
        try:
            waiting = sum(1 for h in console.handoffs.open_requests() if h.status is HandoffStatus.WAITING)
        except SQLAlchemyError:
            waiting = 0
        return pages.Viewer(signed_in.staff.display_name, signed_in.csrf_token, waiting)

    def staff_only(handler: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(handler)
        async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
            signed_in = current(request)
            if signed_in is None:
                resp = redirect(f"{PREFIX}/login", "expired" if request.cookies.get(SESSION_COOKIE) else None)
                if request.cookies.get(SESSION_COOKIE):
                    clear_cookie(resp, request, SESSION_COOKIE)
                return resp
            request.ctx.staff = signed_in
            if request.method == "POST":
                form = read_form(request)
                if not same_secret(form.get("csrf_token"), signed_in.csrf_token):
                    console.auth.audit(
                        "csrf_rejected", staff=signed_in.staff.name, target=request.path, client=client_address(request)
                    )
                    return html(
                        pages.error_page(403, "요청을 처리할 수 없어요", "보안 토큰이 맞지 않아요. 페이지를 새로 고친 뒤 다시 시도해 주세요.", viewer(signed_in)),
                        403,
                        request,
                    )
                request.ctx.form = form
            return await handler(request, *args, **kwargs)

        return wrapper

    def too_large(request: Request) -> Optional[HTTPResponse]:
        if len(request.body or b"") > MAX_FORM_BYTES:
            return html(pages.error_page(413, "요청이 너무 커요", "보낸 내용이 너무 커요."), 413, request)
        return None

    # -- static files and the front door
    @bp.get("/static/<filename:str>")
    async def static_file(request: Request, filename: str) -> HTTPResponse:
        if filename not in STATIC_FILES:
            return html(pages.error_page(404, "페이지를 찾을 수 없어요", "없는 파일이에요."), 404, request)
        resp = response.raw(static[filename], content_type=STATIC_FILES[filename])
        with_headers(resp, request)
        resp.headers["Cache-Control"] = "no-cache"
        return resp

    @bp.get("/")
    async def index(request: Request) -> HTTPResponse:
        return redirect(f"{PREFIX}/queue")

    # -- login and logout
    def login_form(request: Request, status: int = 200, name: str = "", error: str = "") -> HTTPResponse:
        nonce = secrets.token_urlsafe(24)
        notice = request.args.get("notice") if request.method == "GET" else None
        resp = html(pages.login_page(console.login_token(nonce), name, error, pages.notice_html(notice)), status, request)
        set_cookie(resp, request, LOGIN_COOKIE, nonce, LOGIN_COOKIE_SECONDS)
        return resp

    @bp.get("/login")
    async def login_get(request: Request) -> HTTPResponse:
        if current(request) is not None:
            return redirect(f"{PREFIX}/queue")
        return login_form(request)

    @bp.post("/login")
    async def login_post(request: Request) -> HTTPResponse:
        if (rejected := too_large(request)) is not None:
            return rejected
        form = read_form(request)
        typed = clean_text(form.get("name", ""), keep_newlines=False)[:64]
        nonce = request.cookies.get(LOGIN_COOKIE) or ""
        if not nonce or not same_secret(form.get("csrf_token"), console.login_token(nonce)):
            console.auth.audit("csrf_rejected", staff=typed or None, target=request.path, client=client_address(request))
            return login_form(request, 403, typed, "로그인 화면이 오래되었어요. 다시 로그인해 주세요.")
        result = await in_thread(console.auth.authenticate, form.get("name", ""), form.get("password", ""), client_address(request))
        if result.locked_until is not None:
            until = pages.seoul_time(result.locked_until, with_date=False)[:5]
            return login_form(
                request, 429, typed, f"로그인에 5번 실패해 이 아이디는 {until}까지(15분) 잠겼어요. 급하면 관리자에게 문의해 주세요."
            )
        if not result.ok:
            return login_form(request, 401, typed, "아이디 또는 비밀번호가 맞지 않아요.")
        token, signed_in = console.auth.start_session(result.staff)
        resp = redirect(f"{PREFIX}/queue")
        set_cookie(resp, request, SESSION_COOKIE, token, int(console.auth.session_ttl.total_seconds()))
        clear_cookie(resp, request, LOGIN_COOKIE)
        return resp

    @bp.post("/logout")
    @staff_only
    async def logout(request: Request) -> HTTPResponse:
        console.auth.end_session(request.cookies.get(SESSION_COOKIE))
        console.auth.audit("logout", staff=request.ctx.staff.staff.name, client=client_address(request))
        resp = redirect(f"{PREFIX}/login", "logged_out")
        clear_cookie(resp, request, SESSION_COOKIE)
        return resp

    # -- search
    @bp.get("/search")
    @staff_only
    async def search(request: Request) -> HTTPResponse:
        raw = clean_text(request.args.get("q", ""), keep_newlines=False).strip()
        query = raw[:MAX_QUERY_CHARS]
        results, kb_ms, rasa_ms = "", None, None
        parse: Optional[Parse] = None
        rasa_problem: Optional[str] = None
        if query:
            # the answer time: looking up the knowledge base and rendering the programmes
            started = perf_counter()
            now = datetime.now(timezone.utc)
            try:
                results = pages.results_section(query, search_programmes(console.kb, query), now)
            except SQLAlchemyError:
                logger.warning("knowledge base unavailable for search", exc_info=True)
                results = pages.results_section(query, [], now, kb_problem=True)
            kb_ms = (perf_counter() - started) * 1000
            started = perf_counter()
            try:
                parse = await console.rasa.parse(query)
            except RasaUnavailable as error:
                rasa_problem = error.reason
            rasa_ms = (perf_counter() - started) * 1000
        page = pages.search_page(
            viewer(request.ctx.staff), query, results, kb_ms, rasa_ms, parse, rasa_problem, len(raw) > MAX_QUERY_CHARS
        )
        resp = html(page, request=request)
        if kb_ms is not None:
            resp.headers["Server-Timing"] = f"kb;dur={kb_ms:.1f}" + (f", rasa;dur={rasa_ms:.1f}" if rasa_ms is not None else "")
        return resp

    # -- handoff queue
    @bp.get("/queue")
    @staff_only
    async def queue(request: Request) -> HTTPResponse:
        handoffs = console.handoffs.open_requests()
        notice = pages.notice_html(request.args.get("notice"))
        return html(pages.queue_page(viewer(request.ctx.staff), handoffs, datetime.now(timezone.utc), notice), request=request)

    def find(handoff_id: int) -> Optional[Handoff]:
        return console.handoffs.get(handoff_id) if 0 < handoff_id < 2**31 else None

    def not_found(request: Request) -> HTTPResponse:
        return html(
            pages.error_page(404, "상담 요청을 찾을 수 없어요", "번호가 틀렸거나 없는 요청이에요.", viewer(request.ctx.staff)), 404, request
        )

    @bp.get("/handoffs/<handoff_id:int>")
    @staff_only
    async def conversation(request: Request, handoff_id: int) -> HTTPResponse:
        handoff = find(handoff_id)
        if handoff is None:
            return not_found(request)
        tracker, problem = None, None
        try:
            tracker = await console.rasa.tracker(handoff.sender_id)
        except RasaUnavailable as error:
            problem = error.reason
        signed_in = request.ctx.staff
        page = pages.conversation_page(
            viewer(signed_in), signed_in.staff.name, handoff, tracker, problem, datetime.now(timezone.utc),
            pages.notice_html(request.args.get("notice")),
        )
        return html(page, request=request)

    @bp.post("/handoffs/<handoff_id:int>/take")
    @staff_only
    async def take(request: Request, handoff_id: int) -> HTTPResponse:
        handoff = find(handoff_id)
        if handoff is None:
            return not_found(request)
        page = f"{PREFIX}/handoffs/{handoff.id}"
        if handoff.status is HandoffStatus.RETURNED:
            return redirect(page, "closed")
        staff = request.ctx.staff.staff.name
        console.handoffs.take(handoff.id, staff)
        previous = f"taken over from {handoff.taken_by}" if handoff.taken_by and handoff.taken_by != staff else None
        console.auth.audit("take", staff=staff, target=handoff.sender_id, detail=previous, client=client_address(request))
        return redirect(page, "taken")

    async def deliver(handoff: Handoff, text: str, staff: str) -> str:
        """Sends ``text`` to the citizen now (web chat) or leaves it in the outbox; returns the notice code."""
        if handoff.channel in PUSH_CHANNELS:
            try:
                connected = await console.rasa.push_to_socket(handoff.sender_id, text)
                return "sent_live" if connected else "sent_offline"
            except RasaUnavailable as error:
                logger.warning("live delivery to %s failed (%s); using the outbox", handoff.sender_id, error.reason)
                console.handoffs.queue_message(handoff.sender_id, text, staff, handoff.channel)
                return "queued_live_failed"
        console.handoffs.queue_message(handoff.sender_id, text, staff, handoff.channel)
        return "queued"

    @bp.post("/handoffs/<handoff_id:int>/reply")
    @staff_only
    async def reply(request: Request, handoff_id: int) -> HTTPResponse:
        if (rejected := too_large(request)) is not None:
            return rejected
        handoff = find(handoff_id)
        if handoff is None:
            return not_found(request)
        page = f"{PREFIX}/handoffs/{handoff.id}"
        staff = request.ctx.staff.staff.name
        if handoff.status is HandoffStatus.RETURNED:
            return redirect(page, "closed")
        if handoff.status is not HandoffStatus.TAKEN or handoff.taken_by != staff:
            return redirect(page, "not_yours")
        text = clean_text(request.ctx.form.get("text", "")).strip()
        if not text:
            return redirect(page, "empty_reply")
        if len(text) > MAX_REPLY_CHARS:
            return redirect(page, "too_long")
        try:
            await console.rasa.append_events(handoff.sender_id, [{"event": "bot", "text": text, "metadata": {"staff": staff}}])
        except RasaUnavailable:
            return redirect(page, "rasa_down")
        outcome = await deliver(handoff, text, staff)
        console.auth.audit(
            "reply", staff=staff, target=handoff.sender_id, detail=f"{outcome}: {text[:500]}", client=client_address(request)
        )
        return redirect(page, outcome)

    @bp.post("/handoffs/<handoff_id:int>/hand-back")
    @staff_only
    async def hand_back(request: Request, handoff_id: int) -> HTTPResponse:
        handoff = find(handoff_id)
        if handoff is None:
            return not_found(request)
        if handoff.status is HandoffStatus.RETURNED:
            return redirect(f"{PREFIX}/handoffs/{handoff.id}", "closed")
        staff = request.ctx.staff.staff.name
        try:
            await console.rasa.append_events(handoff.sender_id, handback_events(staff))
        except RasaUnavailable:
            return redirect(f"{PREFIX}/handoffs/{handoff.id}", "rasa_down")
        outcome = await deliver(handoff, HANDBACK_MESSAGE, staff)
        console.handoffs.hand_back(handoff.id, staff)
        console.auth.audit("hand_back", staff=staff, target=handoff.sender_id, detail=outcome, client=client_address(request))
        return redirect(f"{PREFIX}/queue", "returned")

    # -- analytics
    @bp.get("/analytics")
    @staff_only
    async def analytics(request: Request) -> HTTPResponse:
        days = {"7": 7, "30": 30, "90": 90}.get(request.args.get("days", "30"), 30)
        report = await in_thread(console.analytics.report, days)
        return html(pages.analytics_page(viewer(request.ctx.staff), report, days), request=request)

    # -- errors inside the console
    @bp.exception(SQLAlchemyError)
    async def database_down(request: Request, exception: Exception) -> HTTPResponse:
        logger.error("database error in the console: %s", exception, exc_info=exception)
        return html(pages.error_page(503, "데이터베이스에 연결할 수 없어요", "잠시 후 다시 시도해 주세요."), 503, request)

    return bp
