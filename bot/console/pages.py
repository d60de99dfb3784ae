"""The console's HTML, rendered on the server. Every value from outside is escaped with ``e()``.

No inline script or style anywhere (the CSP forbids both): behaviour is in static/console.js, looks in
static/console.css, and the charts are inline SVG with classes.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from bot.console.analytics import AnalyticsReport
from bot.console.charts import horizontal_bars, vertical_bars
from bot.console.rasa_api import Parse
from bot.handoff import Handoff, HandoffStatus
from knowledge.queries import SEOUL, WEEKDAY_KO, OpenStatus, ProgrammeInfo, open_status

PREFIX = "/console"
NOT_IN_REPORT = "보고서에 없음 — 다산콜센터(국번 없이 120) 안내"

# Messages shown after an action (Post/Redirect/Get): only these codes are accepted from the query string.
NOTICES: Dict[str, Tuple[str, str]] = {
    "taken": ("ok", "상담을 맡았어요. 이제 답장을 보낼 수 있어요."),
    "sent_live": ("ok", "답장을 보냈어요. 시민의 채팅 창에 바로 표시됐어요."),
    "sent_offline": ("warn", "답장을 대화 기록에 남겼지만 시민의 채팅 창이 지금 열려 있지 않아요."),
    "queued": ("ok", "답장을 대화 기록에 남기고 보관함에 넣었어요. 이 채널(REST·카카오톡)은 시민이 다음 메시지를 보낼 때 전달해요."),
    "queued_live_failed": ("warn", "실시간 전달에 실패해 답장을 보관함에 넣었어요. 대화 기록에는 남았어요."),
    "returned": ("ok", "대화를 도우미에게 돌려줬어요. 시민에게 보내는 안내 문장도 대화 기록에 남겼어요."),
    "rasa_down": ("error", "도우미 서버(Rasa)에 연결할 수 없어 처리하지 못했어요. 잠시 후 다시 시도해 주세요."),
    "empty_reply": ("error", "보낼 내용을 입력해 주세요."),
    "too_long": ("error", "답장은 2,000자까지 보낼 수 있어요."),
    "not_yours": ("error", "먼저 ‘상담 맡기’를 눌러 이 대화를 맡아 주세요."),
    "closed": ("error", "이미 도우미에게 돌려준 대화예요."),
    "logged_out": ("ok", "로그아웃했어요."),
    "expired": ("warn", "로그인 시간이 지났어요(8시간). 다시 로그인해 주세요."),
}

STATUS_LABELS = {
    HandoffStatus.WAITING: "대기 중",
    HandoffStatus.TAKEN: "상담 중",
    HandoffStatus.RETURNED: "도우미에게 돌려줌",
}
CHANNEL_LABELS = {"socketio": "웹 채팅", "rest": "REST", "kakao": "카카오톡"}
OPEN_LABELS = {
    OpenStatus.OPEN: ("open", "지금 운영 중"),
    OpenStatus.CLOSED: ("closed", "지금은 운영 시간이 아님"),
    OpenStatus.UNKNOWN: ("unknown", "오늘 운영 정보 없음"),
}


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


@dataclass(frozen=True)
class Viewer:
    """Who is looking, for the header: name and the CSRF token for the logout form."""

    display_name: str
    csrf_token: str
    waiting: int = 0


# ---------------------------------------------------------------------------------------- layout
def layout(title: str, body: str, viewer: Optional[Viewer] = None, *, active: str = "", notice: str = "",
           refresh_seconds: int = 0) -> str:
    nav = ""
    if viewer is not None:
        links = [("search", "/search", "제도 검색"), ("queue", "/queue", "상담 대기열"), ("analytics", "/analytics", "이용 통계")]
        items = []
        for key, path, label in links:
            current = ' aria-current="page"' if key == active else ""
            badge = f' <span class="badge">{viewer.waiting}</span>' if key == "queue" and viewer.waiting else ""
            items.append(f'<a href="{PREFIX}{path}"{current}>{label}{badge}</a>')
        nav = (
            f'<nav class="main-nav" aria-label="콘솔 메뉴">{"".join(items)}</nav>'
            f'<div class="who"><span>{e(viewer.display_name)} 님</span>'
            f'<form method="post" action="{PREFIX}/logout">{csrf_field(viewer.csrf_token)}'
            f'<button type="submit" class="link">로그아웃</button></form></div>'
        )
    refresh = f' data-refresh="{refresh_seconds}"' if refresh_seconds else ""
    return (
        '<!doctype html>\n<html lang="ko">\n<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)} · 상담원 콘솔</title>"
        '<link rel="icon" href="data:,">'  # no favicon request (it would be a 404)
        f'<link rel="stylesheet" href="{PREFIX}/static/console.css">'
        f'<script src="{PREFIX}/static/console.js" defer></script></head>\n'
        f'<body{refresh}><header class="top"><div class="brand">서울 일자리·노동 도우미 <span>상담원 콘솔</span></div>'
        f"{nav}</header>\n<main id=\"main\">{notice}{body}</main>\n</body>\n</html>\n"
    )


def csrf_field(token: str) -> str:
    return f'<input type="hidden" name="csrf_token" value="{e(token)}">'


def notice_html(code: Optional[str]) -> str:
    if not code or code not in NOTICES:
        return ""
    kind, text = NOTICES[code]
    role = "alert" if kind == "error" else "status"
    return f'<p class="notice {kind}" role="{role}">{e(text)}</p>'


def message_html(kind: str, text: str) -> str:
    return f'<p class="notice {kind}" role="{"alert" if kind == "error" else "status"}">{e(text)}</p>'


def seoul_time(moment: Optional[datetime], with_date: bool = True) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    local = moment.astimezone(SEOUL)
    return local.strftime("%Y-%m-%d %H:%M:%S" if with_date else "%H:%M:%S")


def waited(since: Optional[datetime], now: datetime) -> str:
    if since is None:
        return ""
    if since.tzinfo is None:
        since = since.replace(tzinfo=timezone.utc)
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 1:
        return "1분 미만"
    if minutes < 60:
        return f"{minutes}분"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}시간 {minutes}분"
    days, hours = divmod(hours, 24)
    return f"{days}일 {hours}시간"


# ----------------------------------------------------------------------------------------- login
def login_page(csrf_token: str, name: str = "", error: str = "", notice: str = "") -> str:
    body = (
        '<section class="login"><h1>상담원 로그인</h1>'
        f"{message_html('error', error) if error else ''}"
        f'<form method="post" action="{PREFIX}/login" class="stack">{csrf_field(csrf_token)}'
        '<label for="name">아이디</label>'
        f'<input id="name" name="name" autocomplete="username" required maxlength="64" value="{e(name)}" autofocus>'
        '<label for="password">비밀번호</label>'
        '<input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">'
        '<button type="submit">로그인</button></form>'
        '<p class="hint">계정은 관리자가 <code>python -m bot.console create-user 아이디</code>로 만들어요. '
        "비밀번호를 5번 틀리면 그 아이디는 15분 동안 잠겨요.</p></section>"
    )
    return layout("로그인", body, notice=notice)


def error_page(status: int, title: str, text: str, viewer: Optional[Viewer] = None) -> str:
    body = f'<section class="error"><h1>{e(title)} ({status})</h1><p>{e(text)}</p><p><a href="{PREFIX}/queue">대기열로 가기</a></p></section>'
    return layout(title, body, viewer)


# ---------------------------------------------------------------------------------------- search
def _list(items: Iterable[str], empty: str = NOT_IN_REPORT) -> str:
    items = [item for item in items if item]
    if not items:
        return f'<p class="missing">{e(empty)}</p>'
    return "<ul>" + "".join(f"<li>{e(item)}</li>" for item in items) + "</ul>"


def _place(place, now: datetime) -> str:
    answer = open_status(place, now)
    css, label = OPEN_LABELS[answer.status]
    rows = []
    by_day = {hours.weekday: hours for hours in place.hours}
    for weekday, day_name in enumerate(WEEKDAY_KO):
        hours = by_day.get(weekday)
        today = ' class="today"' if weekday == now.astimezone(SEOUL).weekday() else ""
        rows.append(f"<tr{today}><th scope=\"row\">{day_name}</th><td>{e(hours.label()) if hours else '자료 없음'}</td></tr>")
    where = " · ".join(filter(None, [place.district, place.address]))
    extra = "".join(f"<p>{e(text)}</p>" for text in (place.serves, place.note) if text)
    return (
        f'<div class="place"><h4>{e(place.name)} <span class="open {css}">{label}</span></h4>'
        f"<p>{e(where) if where else '주소: ' + NOT_IN_REPORT}</p>{extra}"
        f'<table class="hours"><caption class="sr-only">{e(place.name)} 운영시간</caption>{"".join(rows)}</table></div>'
    )


def programme_card(programme: ProgrammeInfo, now: datetime, matched: Sequence[str] = ()) -> str:
    conditions = [rule.text for rule in programme.rules]
    if programme.target_groups:
        conditions.insert(0, "대상: " + ", ".join(programme.target_groups))
    places = "".join(_place(place, now) for place in programme.places) or f'<p class="missing">{NOT_IN_REPORT}</p>'
    figures = "".join(f"<li>{e(figure.display())}</li>" for figure in programme.figures)
    status = f'<p class="status-note">{e(programme.status_note)}</p>' if programme.status_note else ""
    audience = "" if programme.citizen_facing else ' <span class="tag muted">기관·사업 대상</span>'
    matched_html = f'<p class="matched">찾은 근거: {e(", ".join(matched))}</p>' if matched else ""
    return (
        f'<article class="programme" id="p-{e(programme.slug)}">'
        f'<h3>{e(programme.name)} <span class="tag">{e(programme.family)}</span>{audience}</h3>'
        f'<p class="source">출처: {e(programme.source_section)} · <strong>{e(programme.as_of_label)}</strong></p>'
        f"{matched_html}"
        f'<p class="summary">{e(programme.summary)}</p>{status}'
        '<div class="grid">'
        f"<section><h4>제공 서비스</h4>{_list(programme.services)}</section>"
        f"<section><h4>대상·자격 조건</h4>{_list(conditions)}</section>"
        f"<section><h4>신청 방법</h4><p>{e(programme.how_to_apply) if programme.how_to_apply else NOT_IN_REPORT}</p></section>"
        f"<section><h4>비용</h4><p>{e(programme.cost) if programme.cost else NOT_IN_REPORT}</p></section>"
        "</div>"
        f'<section class="places"><h4>장소·운영시간 <small>(서울 시각 {now.astimezone(SEOUL):%H:%M} 기준)</small></h4>{places}</section>'
        + (f'<details><summary>보고서 수치</summary><ul>{figures}</ul></details>' if figures else "")
        + f'<details><summary>보고서 원문</summary><blockquote>{e(programme.source_quote)}</blockquote></details>'
        "</article>"
    )


def assistant_box(parse: Optional[Parse], problem: Optional[str], rasa_ms: Optional[float]) -> str:
    if problem is not None:
        return (
            '<section class="assistant unavailable" aria-labelledby="assistant-h">'
            '<h2 id="assistant-h">도우미가 이해한 내용</h2>'
            "<p>지금은 도우미 서버(Rasa)에 연결할 수 없어 도우미의 해석을 보여드리지 못해요. "
            "아래 검색 결과는 그대로 이용하실 수 있어요.</p>"
            f'<p class="hint">사유: {e(problem)}</p></section>'
        )
    if parse is None:
        return ""
    entities = "".join(
        f"<tr><td>{e(ent.entity)}</td><td>{e(ent.value)}</td><td>{e(ent.text)}</td></tr>" for ent in parse.entities
    )
    entity_table = (
        f'<table class="entities"><thead><tr><th scope="col">엔티티</th><th scope="col">값</th><th scope="col">원문</th></tr></thead>'
        f"<tbody>{entities}</tbody></table>"
        if entities
        else "<p>찾은 엔티티 없음</p>"
    )
    ranking = "".join(f"<li>{e(name)} {confidence:.0%}</li>" for name, confidence in parse.ranking[1:4])
    return (
        '<section class="assistant" aria-labelledby="assistant-h"><h2 id="assistant-h">도우미가 이해한 내용</h2>'
        f'<p class="intent">의도 <strong class="intent-name">{e(parse.intent or "(없음)")}</strong> '
        f'<span class="confidence">신뢰도 {parse.confidence:.0%}</span></p>'
        f"{entity_table}"
        + (f'<p class="hint">다른 후보</p><ul class="ranking">{ranking}</ul>' if ranking else "")
        + "</section>"
    )


def results_section(query: str, hits: Sequence[Tuple[ProgrammeInfo, Sequence[str]]], now: datetime,
                    kb_problem: bool = False) -> str:
    if not query:
        return ""
    if kb_problem:
        return message_html("error", "지식 베이스를 불러오지 못했어요. 데이터베이스 연결을 확인해 주세요.")
    if not hits:
        return (
            '<section class="results"><h2>관련 제도 없음</h2>'
            "<p>지식 베이스(2018년 7월 보고서)에서 찾지 못했어요. 다른 말로 검색하거나 다산콜센터(120)로 안내해 주세요.</p></section>"
        )
    return (
        f'<section class="results" aria-labelledby="results-h"><h2 id="results-h">관련 제도 {len(hits)}건</h2>'
        + "".join(programme_card(programme, now, matched) for programme, matched in hits)
        + "</section>"
    )


def search_page(viewer: Viewer, query: str, results: str, kb_ms: Optional[float], rasa_ms: Optional[float],
                parse: Optional[Parse], rasa_problem: Optional[str], truncated: bool = False) -> str:
    timing = ""
    if kb_ms is not None:
        timing = f'<p class="timing">지식 베이스 검색 <strong id="kb-ms">{kb_ms:.1f}</strong> ms'
        if rasa_ms is not None:
            timing += f' · 도우미 분석 <span id="rasa-ms">{rasa_ms:.0f}</span> ms'
        timing += "</p>"
    note = message_html("warn", "검색어가 길어 앞 500자만 사용했어요.") if truncated else ""
    body = (
        '<h1>제도 검색</h1>'
        f'<form method="get" action="{PREFIX}/search" class="search" role="search">'
        '<label for="q">키워드나 시민의 질문</label><div class="row">'
        f'<input id="q" name="q" type="search" value="{e(query)}" maxlength="500" '
        'placeholder="예: 면접 정장 / 월급을 못 받았어요 / 서초 쉼터 지금 열었나요?" autofocus>'
        '<button type="submit">검색</button></div></form>'
        f"{note}{timing}"
        + (assistant_box(parse, rasa_problem, rasa_ms) if query else "")
        + results
    )
    return layout("제도 검색", body, viewer, active="search")


# ----------------------------------------------------------------------------------------- queue
def queue_page(viewer: Viewer, handoffs: Sequence[Handoff], now: datetime, notice: str = "") -> str:
    if not handoffs:
        table = '<p class="empty">기다리는 상담 요청이 없어요.</p>'
    else:
        rows = []
        for handoff in handoffs:
            status = STATUS_LABELS[handoff.status]
            if handoff.status is HandoffStatus.TAKEN and handoff.taken_by:
                status += f" ({e(handoff.taken_by)})"
            rows.append(
                f'<tr class="{handoff.status.value}"><td>{handoff.id}</td>'
                f'<td><a href="{PREFIX}/handoffs/{handoff.id}">{e(handoff.sender_id)}</a></td>'
                f"<td>{e(CHANNEL_LABELS.get(handoff.channel or '', handoff.channel or '알 수 없음'))}</td>"
                f"<td>{seoul_time(handoff.requested_at)}</td><td class=\"waited\">{waited(handoff.requested_at, now)}</td>"
                f"<td>{status}</td><td class=\"reason\">{e(handoff.reason)}</td></tr>"
            )
        table = (
            '<table class="queue"><thead><tr><th scope="col">번호</th><th scope="col">대화</th><th scope="col">채널</th>'
            '<th scope="col">요청 시각</th><th scope="col">대기 시간</th><th scope="col">상태</th><th scope="col">요청 직전 말씀</th>'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )
    body = f'<h1>상담 대기열 <small>{len(handoffs)}건</small></h1><p class="hint">20초마다 새로 고쳐요.</p>{table}'
    return layout("상담 대기열", body, viewer, active="queue", notice=notice, refresh_seconds=20)


def _event_time(event: Dict[str, Any]) -> str:
    try:
        return seoul_time(datetime.fromtimestamp(float(event.get("timestamp")), timezone.utc), with_date=False)
    except (TypeError, ValueError, OverflowError, OSError):
        return ""


def transcript(events: Sequence[Dict[str, Any]]) -> str:
    items: List[str] = []
    for event in events:
        if not isinstance(event, dict):
            continue
        kind, time = event.get("event"), _event_time(event)
        if kind == "user":
            text = event.get("text") or ""
            intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
            tag = f' <span class="tag muted">{e(intent)}</span>' if intent else ""
            items.append(
                f'<li class="msg user"><span class="who">시민</span> <time>{time}</time>{tag}<p>{e(text)}</p></li>'
            )
        elif kind == "bot":
            metadata = event.get("metadata") if isinstance(event.get("metadata"), dict) else {}
            staff = metadata.get("staff")
            who = f"상담원 {e(staff)}" if staff else "도우미"
            data = event.get("data") if isinstance(event.get("data"), dict) else {}
            buttons = data.get("buttons") or []
            button_html = (
                '<p class="buttons">'
                + " ".join(f'<span class="chip">{e(b.get("title"))}</span>' for b in buttons if isinstance(b, dict))
                + "</p>"
                if isinstance(buttons, list) and buttons
                else ""
            )
            css = "staff" if staff else "bot"
            items.append(
                f'<li class="msg {css}"><span class="who">{who}</span> <time>{time}</time>'
                f'<p>{e(event.get("text") or "")}</p>{button_html}</li>'
            )
        elif kind == "pause":
            items.append(f'<li class="system"><time>{time}</time> 도우미 일시정지 (상담원 연결)</li>')
        elif kind == "resume":
            items.append(f'<li class="system"><time>{time}</time> 도우미 다시 시작</li>')
        elif kind == "session_started":
            items.append(f'<li class="system"><time>{time}</time> 새 대화 세션</li>')
    if not items:
        return '<p class="empty">대화 기록이 없어요.</p>'
    return f'<ol class="transcript">{"".join(items)}</ol>'


def conversation_page(viewer: Viewer, staff_name: str, handoff: Handoff, tracker: Optional[Dict[str, Any]],
                      rasa_problem: Optional[str], now: datetime, notice: str = "") -> str:
    status = STATUS_LABELS[handoff.status]
    if handoff.taken_by and handoff.status is not HandoffStatus.WAITING:
        status += f" ({e(handoff.taken_by)})"
    base = f"{PREFIX}/handoffs/{handoff.id}"
    csrf = csrf_field(viewer.csrf_token)
    actions = []
    mine = handoff.status is HandoffStatus.TAKEN and handoff.taken_by == staff_name
    if handoff.status is not HandoffStatus.RETURNED and not mine:
        label = "상담 맡기" if handoff.status is HandoffStatus.WAITING else "이 상담 이어받기"
        actions.append(f'<form method="post" action="{base}/take">{csrf}<button type="submit" id="take">{label}</button></form>')
    if handoff.status is not HandoffStatus.RETURNED:
        actions.append(
            f'<form method="post" action="{base}/hand-back" data-confirm="이 대화를 도우미에게 돌려줄까요? 시민에게 안내 문장이 전송돼요.">'
            f'{csrf}<button type="submit" class="secondary" id="hand-back">도우미에게 돌려주기</button></form>'
        )
    paused = ""
    if tracker is not None:
        paused = "일시정지 (상담원 응대 중)" if tracker.get("paused") else "도우미가 응답 중"
    if rasa_problem is not None:
        history = message_html("error", f"도우미 서버(Rasa)에서 대화 기록을 가져오지 못했어요 ({rasa_problem}).")
    else:
        history = transcript((tracker or {}).get("events") or [])
    reply = ""
    if mine:
        reply = (
            '<section class="reply" aria-labelledby="reply-h"><h2 id="reply-h">답장 보내기</h2>'
            f'<form method="post" action="{base}/reply" class="stack">{csrf}'
            '<label for="text">시민에게 보낼 말 (2,000자까지)</label>'
            '<textarea id="text" name="text" rows="4" maxlength="2000" required></textarea>'
            '<button type="submit" id="send">보내기</button></form></section>'
        )
    elif handoff.status is HandoffStatus.WAITING:
        reply = '<p class="hint">답장을 보내려면 먼저 ‘상담 맡기’를 눌러 주세요.</p>'
    body = (
        f'<p><a href="{PREFIX}/queue">← 상담 대기열</a></p>'
        f"<h1>상담 요청 #{handoff.id}</h1>"
        '<dl class="facts">'
        f"<dt>대화</dt><dd><code>{e(handoff.sender_id)}</code></dd>"
        f"<dt>채널</dt><dd>{e(CHANNEL_LABELS.get(handoff.channel or '', handoff.channel or '알 수 없음'))}</dd>"
        f"<dt>요청 시각</dt><dd>{seoul_time(handoff.requested_at)} ({waited(handoff.requested_at, now)} 전)</dd>"
        f'<dt>상태</dt><dd id="status">{status}</dd>'
        + (f"<dt>도우미</dt><dd>{paused}</dd>" if paused else "")
        + f"<dt>요청 직전 말씀</dt><dd>{e(handoff.reason)}</dd></dl>"
        f'<div class="actions">{"".join(actions)}</div>'
        f'<section aria-labelledby="history-h"><h2 id="history-h">대화 기록</h2>{history}</section>'
        f"{reply}"
    )
    return layout(f"상담 요청 #{handoff.id}", body, viewer, active="queue", notice=notice, refresh_seconds=15)


# ------------------------------------------------------------------------------------- analytics
PROBLEMS = {
    "no_table": (
        "아직 대화 기록이 없어요. 시민과의 대화가 Rasa의 대화 저장소(endpoints.yml의 tracker_store)에 쌓이면 여기에 통계가 나타나요."
    ),
    "database": "대화 기록 데이터베이스를 읽지 못했어요. 잠시 후 다시 시도해 주세요.",
}


def analytics_page(viewer: Viewer, report: AnalyticsReport, days: int) -> str:
    current = ' aria-current="page"'
    periods = " ".join(
        f'<a href="{PREFIX}/analytics?days={n}"{current if n == days else ""}>최근 {n}일</a>' for n in (7, 30, 90)
    )
    head = (
        f'<h1>이용 통계</h1><nav class="periods" aria-label="기간">{periods}</nav>'
        f'<p class="hint">{report.start:%Y-%m-%d} ~ {report.end:%Y-%m-%d} (서울 시각), Rasa 대화 기록(events 테이블) 기준</p>'
    )
    if not report.available:
        body = head + message_html("warn", PROBLEMS.get(report.problem or "", PROBLEMS["database"]))
        return layout("이용 통계", body, viewer, active="analytics")
    rate = f"{report.fallback_rate:.1%}" if report.fallback_rate is not None else "—"
    stats = (
        '<dl class="stats">'
        f'<div><dt>시민 메시지</dt><dd id="stat-messages">{report.messages:,}</dd></div>'
        f'<div><dt>대화 세션</dt><dd>{report.conversations:,}</dd></div>'
        f'<div><dt>이해하지 못한 비율</dt><dd id="stat-fallback">{rate}</dd>'
        f"<dd class=\"hint\">nlu_fallback·action_default_fallback {report.fallback_messages:,}건</dd></div>"
        f'<div><dt>상담원 연결 요청</dt><dd id="stat-handoffs">{report.handoffs:,}</dd></div>'
        "</dl>"
    )
    if report.top_intents:
        intents = (
            horizontal_bars(report.top_intents, f"많이 묻는 주제 상위 {len(report.top_intents)}개 (의도별 메시지 수)")
            + '<table class="data"><thead><tr><th scope="col">의도</th><th scope="col">메시지</th><th scope="col">비율</th></tr></thead><tbody>'
            + "".join(
                f"<tr><td>{e(name)}</td><td>{count:,}</td><td>{count / report.messages:.1%}</td></tr>"
                for name, count in report.top_intents
            )
            + "</tbody></table>"
        )
    else:
        intents = '<p class="empty">이 기간에 시민 메시지가 없어요.</p>'
    per_day = [(f"{day.month}/{day.day}", count) for day, count in report.handoffs_per_day]
    handoffs = vertical_bars(per_day, f"일별 상담원 연결 요청 (최근 {len(per_day)}일)") + (
        '<details><summary>표로 보기</summary><table class="data"><thead><tr><th scope="col">날짜</th><th scope="col">요청</th></tr></thead><tbody>'
        + "".join(f"<tr><td>{day:%Y-%m-%d}</td><td>{count}</td></tr>" for day, count in report.handoffs_per_day)
        + "</tbody></table></details>"
    )
    body = (
        head
        + stats
        + f'<section aria-labelledby="topics-h"><h2 id="topics-h">많이 묻는 주제 (의도)</h2>{intents}</section>'
        + f'<section aria-labelledby="handoffs-h"><h2 id="handoffs-h">일별 상담원 연결</h2>{handoffs}</section>'
    )
    return layout("이용 통계", body, viewer, active="analytics")
