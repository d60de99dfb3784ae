"""The web chat in headless Chromium against the real stack (action server, Rasa over socket.io, bot.web).

Screenshots of every step go to tests/e2e/screenshots/. Korean is typed through IME composition events
(Chrome DevTools Protocol Input.imeSetComposition / Input.insertText), with Enter pressed while the last
syllable is still being composed: the trap that sends "안녕하세" + "요" in naive chat boxes.
"""
from __future__ import annotations

import json
import re
import time
from typing import List

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.slow

TITLE = "서울 일자리·노동 도우미"
SHADOW = "document.getElementById('seoul-chat-widget').shadowRoot"
BOT_TIMEOUT = 60  # seconds for one answer on a busy 2-core machine
CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


# ------------------------------------------------------------------------------------------------ helpers
class Widget:
    def __init__(self, page: Page) -> None:
        self.page = page
        host = page.locator("#seoul-chat-widget")
        self.launcher = host.locator(".launcher")
        self.panel = host.get_by_role("dialog", name=TITLE)
        self.input = host.get_by_label("메시지 입력")
        self.send = host.get_by_role("button", name="보내기", exact=True)
        self.new_conversation = host.get_by_role("button", name="새 대화")
        self.close = host.get_by_role("button", name="채팅 닫기")
        self.log = host.get_by_role("log")
        self.status = host.locator(".status")
        self.typing = host.locator(".typing")
        self.user_bubbles = host.locator('.msg[data-role="user"] .bubble')
        self.bot_bubbles = host.locator('.msg[data-role="bot"] .bubble')
        self.reply_groups = host.locator(".replies")

    def active_class(self) -> str:
        return self.page.evaluate(f"() => {SHADOW}.activeElement?.className ?? ''")

    def wait_for_bot(self, needle: str, after: int, timeout: float = BOT_TIMEOUT) -> List[str]:
        """Waits for a bot message containing `needle` among the messages after the first `after` ones."""
        deadline = time.monotonic() + timeout
        while True:
            texts = self.bot_bubbles.all_inner_texts()[after:]
            if any(needle in text for text in texts):
                return texts
            if time.monotonic() > deadline:
                raise AssertionError(f"no answer containing {needle!r} within {timeout} s; the bot said {texts}")
            self.page.wait_for_timeout(200)

    def wait_for_any_bot(self, after: int, timeout: float = BOT_TIMEOUT) -> List[str]:
        expect(self.bot_bubbles).not_to_have_count(after, timeout=timeout * 1000)
        return self.bot_bubbles.all_inner_texts()[after:]


def composition_steps(syllable: str) -> List[str]:
    """What a Korean IME shows while a syllable is typed: 안 → ㅇ, 아, 안."""
    code = ord(syllable) - 0xAC00
    if not 0 <= code < 11172:
        return []
    lead, rest = divmod(code, 588)
    vowel, tail = divmod(rest, 28)
    steps = [CHOSEONG[lead], chr(0xAC00 + lead * 588 + vowel * 28)]
    return steps + [syllable] if tail else steps


class KoreanIme:
    """Types like a Korean IME: each syllable is composed jamo by jamo and committed."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.cdp = page.context.new_cdp_session(page)

    def compose(self, text: str) -> None:
        self.cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})

    def commit(self, text: str) -> None:
        self.cdp.send("Input.insertText", {"text": text})

    def type_and_press_enter_while_composing(self, text: str, before_commit=None) -> None:
        """Types `text`; Enter is pressed while its last syllable is still composing, then the IME commits."""
        *head, last = text
        for char in head:
            for step in composition_steps(char):
                self.compose(step)
            self.commit(char)
        for step in composition_steps(last) or [last]:
            self.compose(step)
        self.page.keyboard.press("Enter")  # keydown with isComposing: the widget must not send yet
        if before_commit is not None:
            before_commit()
        self.commit(last)  # the IME commits the syllable: compositionend


def record_input_events(page: Page) -> None:
    page.evaluate(
        f"""() => {{
        const input = {SHADOW}.querySelector('textarea');
        window.__inputEvents = [];
        for (const type of ['compositionstart', 'compositionend', 'keydown'])
          input.addEventListener(type, (e) => window.__inputEvents.push(
            {{type, key: e.key ?? '', isComposing: !!e.isComposing, keyCode: e.keyCode ?? 0, value: input.value}}), true);
    }}"""
    )


def input_events(page: Page) -> list:
    return page.evaluate("() => window.__inputEvents")


def watch_typing_indicator(page: Page) -> None:
    """Records whether the typing indicator was ever shown (a fast answer may hide it within milliseconds)."""
    page.evaluate(
        f"""() => {{
        const typing = {SHADOW}.querySelector('.typing');
        window.__typingShown = false;
        new MutationObserver(() => {{ if (!typing.hidden) window.__typingShown = true; }})
          .observe(typing, {{attributes: true, attributeFilter: ['hidden']}});
    }}"""
    )


def open_with_keyboard(page: Page, widget: Widget) -> None:
    """Tabs through the page to the launcher and opens the chat with Enter."""
    for _ in range(40):
        page.keyboard.press("Tab")
        if widget.active_class() == "launcher":
            break
    else:
        raise AssertionError("the launcher could not be reached with Tab")
    expect(widget.launcher).to_be_focused()
    page.keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()
    expect(widget.launcher).to_have_attribute("aria-expanded", "true")


def stored_session_id(page: Page) -> str:
    return page.evaluate(
        """() => { for (let i = 0; i < localStorage.length; i++) {
              const key = localStorage.key(i);
              if (key.startsWith('seoul-chat:v1:')) return JSON.parse(localStorage.getItem(key)).sessionId; } }"""
    )


def goto(page: Page, web_stack, socket_log=None) -> Widget:
    if socket_log is not None:
        socket_log.attach(page)
    page.goto(web_stack.web_url + "/")
    expect(page.locator("#seoul-chat-widget .launcher")).to_be_visible()
    return Widget(page)


# ------------------------------------------------------------------------------------------------ tests
def test_conversation_in_korean_with_quick_replies_and_reload(page: Page, web_stack, socket_log, shot):
    widget = goto(page, web_stack, socket_log)
    shot(page, "page")

    open_with_keyboard(page, widget)
    expect(widget.log).to_have_attribute("aria-live", "polite")
    shot(page, "opened-with-keyboard")

    # 1. "안녕하세요" through the IME, Enter pressed on the composing "요": one message, the full text.
    record_input_events(page)
    ime = KoreanIme(page)

    def nothing_sent_yet() -> None:
        page.wait_for_timeout(300)
        assert socket_log.sent("user_uttered") == []
        expect(widget.user_bubbles).to_have_count(0)

    watch_typing_indicator(page)
    ime.type_and_press_enter_while_composing("안녕하세요", before_commit=nothing_sent_yet)
    events = input_events(page)
    assert any(e["type"] == "keydown" and e["key"] == "Enter" and e["isComposing"] for e in events), events
    assert events[-1]["type"] == "compositionend"
    expect(widget.user_bubbles).to_have_text(["안녕하세요"])
    expect(widget.input).to_have_value("")
    shot(page, "sent")
    widget.wait_for_bot(TITLE, after=0)
    assert page.evaluate("() => window.__typingShown") is True  # shown while waiting (however briefly)
    expect(widget.typing).to_be_hidden()
    assert [m["message"] for m in socket_log.sent("user_uttered")] == ["안녕하세요"]
    shot(page, "greeting")

    # 2. Focus order: input → send → the quick replies.
    expect(widget.input).to_be_focused()
    page.keyboard.press("Tab")
    expect(widget.send).to_be_focused()
    page.keyboard.press("Tab")
    first_reply = widget.reply_groups.last.get_by_role("button").first
    expect(first_reply).to_be_focused()
    outline = first_reply.evaluate("(b) => [getComputedStyle(b).outlineStyle, parseFloat(getComputedStyle(b).outlineWidth)]")
    assert outline[0] != "none" and outline[1] >= 2, outline
    shot(page, "focus-on-quick-reply")

    # 3. A quick reply: the title is the user's bubble, the payload goes to Rasa, the set is disabled.
    # (the greeting's set by its index: once the answer arrives with its own set, "last" is that one)
    greeting_group = widget.reply_groups.nth(widget.reply_groups.count() - 1)
    greeting_replies = greeting_group.get_by_role("button")
    bots_before = widget.bot_bubbles.count()
    greeting_group.get_by_role("button", name="취업 준비 도움").click()
    expect(widget.user_bubbles.last).to_have_text("취업 준비 도움")
    for index in range(greeting_replies.count()):
        expect(greeting_replies.nth(index)).to_be_disabled()
    expect(widget.input).to_be_focused()
    assert socket_log.sent("user_uttered")[-1]["message"] == "/situation_job_search"
    widget.wait_for_bot("일자리", after=bots_before)
    shot(page, "quick-reply-answer")

    # 4. A question about 취업날개, again through the IME.
    bots_before = widget.bot_bubbles.count()
    KoreanIme(page).type_and_press_enter_while_composing("취업날개가 뭐예요")
    widget.wait_for_bot("면접", after=bots_before)
    shot(page, "programme-answer")
    session_id = stored_session_id(page)
    history = widget.user_bubbles.all_inner_texts(), widget.bot_bubbles.all_inner_texts()
    assert history[0] == ["안녕하세요", "취업 준비 도움", "취업날개가 뭐예요"]

    # 5. Reload: the same history, the same session; Rasa still knows we were talking about 취업날개.
    page.reload()
    expect(widget.panel).to_be_visible()  # it was open before the reload
    expect(widget.user_bubbles).to_have_text(history[0])
    expect(widget.bot_bubbles).to_have_text(history[1])
    assert stored_session_id(page) == session_id
    expect(widget.status).to_have_text("")  # connected again
    assert socket_log.sent("session_request")[-1] == {"session_id": session_id}
    shot(page, "after-reload")

    bots_before = widget.bot_bubbles.count()
    widget.input.focus()
    KoreanIme(page).type_and_press_enter_while_composing("신청 방법 알려줘")
    widget.wait_for_bot("취업날개", after=bots_before)
    shot(page, "continued-after-reload")

    sent = socket_log.sent("user_uttered")
    assert [m["message"] for m in sent] == ["안녕하세요", "/situation_job_search", "취업날개가 뭐예요", "신청 방법 알려줘"]
    assert {m["session_id"] for m in sent} == {session_id}
    assert page.errors == []


def test_enter_during_composition_with_keycode_229_and_safari_order(page: Page, web_stack, socket_log, shot):
    """The same trap with synthetic events: Chrome/Windows (key "Process", keyCode 229) and Safari order
    (compositionend first, then keydown 229 with isComposing false)."""
    widget = goto(page, web_stack, socket_log)
    widget.launcher.click()
    dispatch = f"""([value, order]) => {{
        const input = {SHADOW}.querySelector('textarea');
        const fire = (type, init) => {{
          const event = type.startsWith('key')
            ? new KeyboardEvent(type, {{bubbles: true, cancelable: true, ...init}})
            : new CompositionEvent(type, {{bubbles: true, ...init}});
          if ('keyCode' in init) Object.defineProperty(event, 'keyCode', {{get: () => init.keyCode}});
          input.dispatchEvent(event);
        }};
        input.focus();
        fire('compositionstart', {{data: ''}});
        input.value = value.slice(0, -1);
        fire('compositionupdate', {{data: 'ㅇ'}});
        input.value = value;
        fire('compositionupdate', {{data: value.at(-1)}});
        if (order === 'chrome') {{
          fire('keydown', {{key: 'Process', code: 'Enter', keyCode: 229, isComposing: true}});
          fire('compositionend', {{data: value.at(-1)}});
          fire('keydown', {{key: 'Enter', code: 'Enter', keyCode: 13, isComposing: false}});
        }} else {{
          fire('compositionend', {{data: value.at(-1)}});
          fire('keydown', {{key: 'Enter', code: 'Enter', keyCode: 229, isComposing: false}});
        }}
    }}"""
    page.evaluate(dispatch, ["안녕하세요", "chrome"])
    expect(widget.user_bubbles).to_have_text(["안녕하세요"])
    widget.wait_for_bot(TITLE, after=0)
    bots_before = widget.bot_bubbles.count()
    page.evaluate(dispatch, ["고마워요", "safari"])
    expect(widget.user_bubbles).to_have_text(["안녕하세요", "고마워요"])
    widget.wait_for_any_bot(after=bots_before)
    shot(page, "synthetic-ime")
    page.wait_for_timeout(500)
    assert [m["message"] for m in socket_log.sent("user_uttered")] == ["안녕하세요", "고마워요"]
    assert page.errors == []


def test_shift_enter_is_a_newline_and_the_send_button_sends(page: Page, web_stack, socket_log, shot):
    widget = goto(page, web_stack, socket_log)
    widget.launcher.click()
    widget.input.type("first line")
    page.keyboard.press("Shift+Enter")
    widget.input.type("second line")
    expect(widget.input).to_have_value("first line\nsecond line")
    assert socket_log.sent("user_uttered") == []
    widget.send.click()
    expect(widget.user_bubbles).to_have_count(1)
    assert widget.user_bubbles.first.inner_text() == "first line\nsecond line"  # newline kept (pre-wrap)
    assert widget.user_bubbles.first.evaluate("(b) => getComputedStyle(b).whiteSpace") == "pre-wrap"
    widget.wait_for_any_bot(after=0)
    shot(page, "multiline")
    assert [m["message"] for m in socket_log.sent("user_uttered")] == ["first line\nsecond line"]


def test_html_is_shown_as_text_never_as_markup(page: Page, web_stack, socket_log, shot):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    widget = goto(page, web_stack, socket_log)
    widget.launcher.click()
    attack = "<img src=x onerror=alert(1)>"
    widget.input.fill(attack)
    widget.input.press("Enter")
    expect(widget.user_bubbles).to_have_text([attack])
    widget.wait_for_any_bot(after=0)
    page.wait_for_timeout(500)
    shot(page, "html-as-text")
    counts = page.evaluate(
        f"() => [document.querySelectorAll('img').length, {SHADOW}.querySelectorAll('img, script, iframe').length,"
        f" {SHADOW}.querySelector('.msg[data-role=user] .bubble').children.length]"
    )
    assert counts == [0, 0, 0]
    assert dialogs == []
    assert socket_log.sent("user_uttered")[0]["message"] == attack


def test_reconnects_with_the_same_session(page: Page, web_stack, socket_log, shot):
    """The connection drops (closed by a WebSocket route that otherwise passes everything to the real Rasa):
    the widget shows "연결 중…", reconnects, asks for the same session and delivers what was typed meanwhile."""
    routes = []

    def proxy(route) -> None:
        server = route.connect_to_server()
        routes.append((route, server))

    page.route_web_socket(re.compile(r".*/socket\.io/.*"), proxy)
    widget = goto(page, web_stack, socket_log)
    widget.launcher.click()
    widget.input.fill("안녕하세요")
    widget.input.press("Enter")
    widget.wait_for_bot(TITLE, after=0)
    session_id = stored_session_id(page)

    route, server = routes[-1]
    route.close()
    server.close()
    expect(widget.status).to_have_text("연결 중…")
    shot(page, "connecting")
    bots_before = widget.bot_bubbles.count()
    widget.input.fill("고마워요")  # typed while disconnected: queued, sent after the session is confirmed
    widget.input.press("Enter")
    expect(widget.status).to_have_text("", timeout=20_000)
    widget.wait_for_any_bot(after=bots_before)
    shot(page, "reconnected")
    assert len(routes) >= 2
    assert [r["session_id"] for r in socket_log.sent("session_request")] == [session_id] * len(routes)
    assert [m["message"] for m in socket_log.sent("user_uttered")] == ["안녕하세요", "고마워요"]


def test_new_conversation_clears_history_and_session(page: Page, web_stack, socket_log, shot):
    widget = goto(page, web_stack, socket_log)
    widget.launcher.click()
    widget.input.fill("안녕하세요")
    widget.input.press("Enter")
    widget.wait_for_bot(TITLE, after=0)
    old_session = stored_session_id(page)
    widget.new_conversation.click()
    expect(widget.user_bubbles).to_have_count(0)
    expect(widget.bot_bubbles).to_have_count(0)
    expect(widget.input).to_be_focused()
    new_session = stored_session_id(page)
    assert new_session != old_session
    expect(widget.status).to_have_text("")
    assert socket_log.sent("session_request")[-1] == {"session_id": new_session}
    shot(page, "new-conversation")
    page.reload()
    expect(widget.panel).to_be_visible()
    expect(widget.user_bubbles).to_have_count(0)


def test_escape_closes_the_panel_and_returns_focus(page: Page, web_stack, shot):
    widget = goto(page, web_stack)
    widget.launcher.focus()
    page.keyboard.press("Enter")
    expect(widget.input).to_be_focused()
    page.keyboard.press("Escape")
    expect(widget.panel).to_be_hidden()
    expect(widget.launcher).to_be_focused()
    expect(widget.launcher).to_have_attribute("aria-expanded", "false")
    shot(page, "closed-with-escape")
    page.keyboard.press("Enter")
    expect(widget.panel).to_be_visible()
    widget.close.click()
    expect(widget.panel).to_be_hidden()
    expect(widget.launcher).to_be_focused()
    page.get_by_role("button", name="채팅으로 물어보기").click()  # data-seoul-chat-open on the page
    expect(widget.panel).to_be_visible()
    expect(widget.input).to_be_focused()


def test_mobile_layout_is_full_screen(browser, web_stack, shot):
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True, locale="ko-KR"
    )
    try:
        page = context.new_page()
        widget = goto(page, web_stack)
        shot(page, "mobile-page")
        widget.launcher.tap()
        expect(widget.panel).to_be_visible()
        box = widget.panel.bounding_box()
        assert [round(box[key]) for key in ("x", "y", "width", "height")] == [0, 0, 390, 844]
        expect(widget.launcher).to_be_hidden()
        widget.input.fill("안녕하세요")
        widget.send.tap()
        widget.wait_for_bot(TITLE, after=0)
        shot(page, "mobile-chat")
    finally:
        context.close()


# ---------------------------------------------------------------- rendering, against a scripted socket.io peer
class ScriptedRasa:
    """A stand-in for Rasa's socket.io endpoint inside the browser's WebSocket route (Engine.IO v4 framing),
    for answers the real bot never gives: links, HTML in bot text, images, silence."""

    def __init__(self, answers) -> None:
        self.answers = answers
        self.received: list = []
        self.route = None

    def push(self, answer: dict) -> None:
        """A message nobody asked for (as a staff member's reply would arrive)."""
        self.route.send("42" + json.dumps(["bot_uttered", answer]))

    def __call__(self, route) -> None:
        self.route = route
        route.send(json_frame("0", {"sid": "scripted", "upgrades": [], "pingInterval": 25000, "pingTimeout": 20000}))

        def on_message(message) -> None:
            if message == "40":
                route.send(json_frame("40", {"sid": "scripted-socket"}))
            elif isinstance(message, str) and message.startswith("42"):
                event, data = json.loads(message[2:])
                self.received.append((event, data))
                if event == "session_request":
                    route.send("42" + json.dumps(["session_confirm", data["session_id"]]))
                elif event == "user_uttered":
                    for answer in self.answers.get(data["message"], []):
                        route.send("42" + json.dumps(["bot_uttered", answer]))

        route.on_message(on_message)


def json_frame(prefix: str, payload: dict) -> str:
    return prefix + json.dumps(payload)


def test_bot_text_links_and_markup_from_a_scripted_socket(page: Page, web_stack, shot):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    scripted = ScriptedRasa(
        {
            "링크": [
                {
                    "text": "자세한 내용은 https://example.org/jobs?a=1에서 보세요.\n"
                    "이건 링크가 아니에요: javascript:alert(1) ftp://example.org\n"
                    "<img src=x onerror=alert(2)> <b>굵게</b>",
                    "quick_replies": [
                        {"content_type": "text", "title": "<i>제목</i>", "payload": "/greet"},
                        {"content_type": "text", "title": "두 번째", "payload": "/thanks"},
                    ],
                },
                {"attachment": {"type": "image", "payload": {"src": "https://example.org/a.png"}}},
                {"attachment": {"type": "image", "payload": {"src": "javascript:alert(3)"}}},
            ]
        }
    )
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), scripted)
    widget = goto(page, web_stack)
    widget.launcher.click()
    widget.input.fill("링크")
    widget.input.press("Enter")
    expect(widget.bot_bubbles).to_have_count(2)
    shot(page, "links")

    links = page.locator("#seoul-chat-widget .bubble a")
    expect(links).to_have_count(2)
    first = links.first
    expect(first).to_have_attribute("href", "https://example.org/jobs?a=1")
    expect(first).to_have_attribute("target", "_blank")
    expect(first).to_have_attribute("rel", "noopener noreferrer")
    expect(first).to_contain_text("https://example.org/jobs?a=1")
    expect(links.nth(1)).to_have_attribute("href", "https://example.org/a.png")
    text = widget.bot_bubbles.first.inner_text()
    assert "\n이건 링크가 아니에요: javascript:alert(1) ftp://example.org\n" in text
    assert "<img src=x onerror=alert(2)> <b>굵게</b>" in text
    tags = page.evaluate(f"() => [...{SHADOW}.querySelectorAll('.log *')].map((e) => e.tagName.toLowerCase())")
    assert set(tags) <= {"div", "span", "p", "a", "button"}, tags
    expect(widget.reply_groups.get_by_role("button").first).to_have_text("<i>제목</i>")
    widget.reply_groups.get_by_role("button", name="두 번째").click()
    assert scripted.received[-1] == ("user_uttered", {"message": "/thanks", "session_id": stored_session_id(page)})
    assert dialogs == []


def test_tampered_history_is_still_rendered_as_text(page: Page, web_stack, shot):
    """Whatever is in localStorage is shown as text; only http(s) links survive."""
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), ScriptedRasa({}))
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    widget = goto(page, web_stack)
    key = f"seoul-chat:v1:{web_stack.rasa_url}/socket.io"
    saved = {
        "v": 1,
        "sessionId": "0123456789abcdef0123456789abcdef",
        "messages": [
            {"role": "user", "text": "<script>alert(1)</script>"},
            {"role": "bot", "text": "<img src=x onerror=alert(2)>", "link": {"href": "javascript:alert(3)", "label": "x"},
             "replies": [{"title": "<b>ok</b>", "payload": "/greet"}, {"title": 5, "payload": None}]},
            {"role": "admin", "text": "dropped"},
        ],
    }
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, json.dumps(saved)])
    page.reload()
    widget.launcher.click()
    expect(widget.user_bubbles).to_have_text(["<script>alert(1)</script>"])
    expect(widget.bot_bubbles).to_have_text(["<img src=x onerror=alert(2)>"])
    expect(widget.reply_groups.get_by_role("button")).to_have_text(["<b>ok</b>"])
    assert page.evaluate(f"() => {SHADOW}.querySelectorAll('a, img, script, b').length") == 0
    assert stored_session_id(page) == saved["sessionId"]
    shot(page, "tampered-history")
    assert dialogs == []


def test_a_message_while_closed_marks_the_launcher(page: Page, web_stack, shot):
    scripted = ScriptedRasa({})
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), scripted)
    widget = goto(page, web_stack)
    widget.launcher.click()
    expect(widget.status).to_have_text("")
    widget.close.click()
    scripted.push({"text": "상담원이에요. 무엇을 도와드릴까요?"})
    unread = page.locator("#seoul-chat-widget .unread")
    expect(unread).to_be_visible()
    expect(widget.launcher).to_have_accessible_name(re.compile("새 메시지 있음$"))
    shot(page, "unread")
    widget.launcher.click()
    expect(unread).to_be_hidden()
    expect(widget.bot_bubbles).to_have_text(["상담원이에요. 무엇을 도와드릴까요?"])


def test_typing_indicator_gives_up_after_its_timeout(page: Page, web_stack, shot):
    """A silent server: the typing indicator goes away after data-typing-timeout and says the answer is late."""
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), ScriptedRasa({}))
    page.route(
        f"{web_stack.web_url}/typing-timeout",
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            body=f'<!doctype html><html lang="ko"><body><script src="/static/widget.js" data-server="{web_stack.rasa_url}"'
            ' data-typing-timeout="1"></script></body></html>',
        ),
    )
    page.goto(f"{web_stack.web_url}/typing-timeout")
    widget = Widget(page)
    widget.launcher.click()
    widget.input.fill("여보세요")
    widget.input.press("Enter")
    expect(widget.typing).to_be_visible()
    expect(widget.typing).to_be_hidden(timeout=5_000)
    expect(page.locator("#seoul-chat-widget .note")).to_have_text("답변이 늦어지고 있어요. 잠시 후 다시 보내 주세요.")
    shot(page, "answer-late")


def _luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+(?:\.\d+)?", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    light, dark = sorted([_luminance(foreground), _luminance(background)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_colour_contrast_is_at_least_4_5(page: Page, web_stack, shot):
    scripted = ScriptedRasa(
        {"대비": [{"text": "링크: https://example.org", "quick_replies": [{"title": "버튼", "payload": "/greet"}]}]}
    )
    page.route_web_socket(re.compile(r".*/socket\.io/.*"), scripted)
    widget = goto(page, web_stack)
    widget.launcher.click()
    widget.input.fill("대비")
    widget.input.press("Enter")
    expect(widget.bot_bubbles).to_have_count(1)
    widget.status.evaluate("(status) => { status.textContent = '연결 중…'; }")  # as while reconnecting
    shot(page, "contrast")
    pairs = page.evaluate(
        f"""() => {{
        const root = {SHADOW};
        const style = (el, pseudo) => getComputedStyle(el, pseudo);
        const q = (s) => root.querySelector(s);
        const header = style(q('.header')).backgroundColor;
        const panel = style(q('.panel')).backgroundColor;
        const bot = style(q('.msg[data-role=bot] .bubble')).backgroundColor;
        const pair = (name, el, bg) => [name, style(el).color, bg ?? style(el).backgroundColor];
        return [
          pair('launcher', q('.launcher')),
          pair('title', q('.header h2'), header),
          pair('header buttons', q('.header .new'), header),
          pair('bot bubble', q('.msg[data-role=bot] .bubble')),
          pair('user bubble', q('.msg[data-role=user] .bubble')),
          pair('link', q('.bubble a'), bot),
          pair('quick reply', q('.replies button')),
          pair('send', q('.send')),
          pair('input', q('textarea')),
          ['placeholder', style(q('textarea'), '::placeholder').color, style(q('textarea')).backgroundColor],
          pair('empty state', q('.empty'), panel),
          pair('typing', q('.typing'), panel),
          pair('status', q('.status')),
          pair('page text', document.body, 'rgb(255, 255, 255)'),
          pair('page nav', document.querySelector('.site-nav a'), 'rgb(255, 255, 255)'),
          pair('page lead', document.querySelector('.lead'), style(document.querySelector('.hero')).backgroundColor),
          pair('page button', document.querySelector('.button')),
          pair('page footer', document.querySelector('.site-footer p'), style(document.querySelector('.site-footer')).backgroundColor),
        ];
    }}"""
    )
    too_low = [(name, fg, bg, round(contrast(fg, bg), 2)) for name, fg, bg in pairs if contrast(fg, bg) < 4.5]
    assert too_low == [], too_low
