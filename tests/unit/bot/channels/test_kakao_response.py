"""Rasa messages → Kakao skill response: every documented limit holds, whatever the bot says."""
from __future__ import annotations

import json
import unicodedata
from typing import Any, Dict, List

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rasa.core.channels.channel import CollectingOutputChannel

from bot.channels.kakao import (
    DELIVERED_TEXT,
    ELLIPSIS,
    IMAGE_ALT_TEXT,
    MAX_RESPONSE_BYTES,
    BadRequest,
    KakaoInput,
    clean_text,
    encode,
    fit,
    parse_skill_request,
    split_at_line,
    to_skill_response,
    utf16_len,
)

PAYLOAD = '/ask_hours{"programme": "youth_job_centre"}'


# ------------------------------------------------------------------------------------------------ helpers
def outputs(response: Dict[str, Any]) -> List[Dict[str, Any]]:
    return response["template"]["outputs"]


def quick_replies(response: Dict[str, Any]) -> List[Dict[str, Any]]:
    return response["template"].get("quickReplies", [])


def simple_texts(response: Dict[str, Any]) -> List[str]:
    return [o["simpleText"]["text"] for o in outputs(response) if "simpleText" in o]


def assert_valid(response: Dict[str, Any]) -> None:
    """Every limit the Kakao skill response format documents (NOTES.md, docs/kakao.md)."""
    assert response["version"] == "2.0"
    assert set(response) == {"version", "template"}
    outs = outputs(response)
    assert 1 <= len(outs) <= 3
    for output in outs:
        assert len(output) == 1
        kind, body = next(iter(output.items()))
        assert kind in {"simpleText", "simpleImage", "textCard"}
        if kind == "simpleText":
            assert body["text"].strip()
            assert utf16_len(body["text"]) <= 1000
        elif kind == "simpleImage":
            assert body["imageUrl"].startswith(("http://", "https://"))
            assert body["altText"]
        else:
            assert utf16_len(body["title"]) <= 50
            assert utf16_len(body["description"]) <= 230
            assert 1 <= len(body["buttons"]) <= 3
            for button in body["buttons"]:
                assert button["action"] == "message"
                assert 1 <= utf16_len(button["label"]) <= 14
        for text in _strings(output):
            assert not any(unicodedata.category(c) in ("Cc", "Cs") and c != "\n" for c in text)
    replies = quick_replies(response)
    assert len(replies) <= 10
    for reply in replies:
        assert reply["action"] == "message"
        assert 1 <= utf16_len(reply["label"]) <= 14
        assert reply["messageText"]
        assert isinstance(reply["extra"], dict)
    assert len(encode(response)) <= MAX_RESPONSE_BYTES
    assert json.loads(encode(response).decode("utf-8")) == response


def _strings(value: Any) -> List[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def lines(n: int, width: int = 40) -> str:
    """n distinct lines of Korean text, each ``width`` characters."""
    return "\n".join(f"{i:03d} " + "가나다라마바사아자차카타파하"[i % 14] * (width - 4) for i in range(n))


# ------------------------------------------------------------------------------------------------ basics
def test_one_text_is_one_simple_text() -> None:
    response = to_skill_response([{"recipient_id": "kakao:u", "text": "안녕하세요! 서울 일자리·노동 도우미예요."}])
    assert response == {
        "version": "2.0",
        "template": {"outputs": [{"simpleText": {"text": "안녕하세요! 서울 일자리·노동 도우미예요."}}]},
    }


def test_nothing_said_becomes_the_neutral_delivered_text() -> None:
    for messages in ([], [{"recipient_id": "x"}], [{"text": "  \n "}], [{"custom": {"a": 1}}]):
        response = to_skill_response(messages)
        assert simple_texts(response) == [DELIVERED_TEXT]
        assert_valid(response)


def test_buttons_become_quick_replies_with_the_payload_in_extra() -> None:
    response = to_skill_response(
        [{"text": "운영시간을 알려 드릴까요?", "buttons": [{"title": "운영시간", "payload": PAYLOAD}, {"title": "위치"}]}]
    )
    assert quick_replies(response) == [
        {"action": "message", "label": "운영시간", "messageText": "운영시간", "extra": {"payload": PAYLOAD}},
        {"action": "message", "label": "위치", "messageText": "위치", "extra": {}},
    ]
    assert_valid(response)


def test_buttons_of_every_message_are_collected_in_order_without_duplicates() -> None:
    response = to_skill_response(
        [
            {"text": "하나", "buttons": [{"title": "A", "payload": "/a"}, {"title": "B", "payload": "/b"}]},
            {"text": "둘", "buttons": [{"title": "B", "payload": "/b"}, {"title": "C", "payload": "/c"}]},
            {"buttons": [{"title": "D", "payload": "/d"}]},
        ]
    )
    assert [r["extra"]["payload"] for r in quick_replies(response)] == ["/a", "/b", "/c", "/d"]


def test_link_and_malformed_buttons_are_skipped() -> None:
    response = to_skill_response(
        [
            {
                "text": "t",
                "buttons": [
                    {"title": "홈페이지", "url": "https://example.org", "type": "web_url"},
                    {"payload": "/no_title"},
                    {"title": "", "payload": "/empty"},
                    {"title": 3, "payload": "/number"},
                    {"title": "숫자 payload", "payload": 7},
                    "not a dict",
                    {"title": "좋아요", "payload": "/ok"},
                ],
            }
        ]
    )
    assert [r["label"] for r in quick_replies(response)] == ["좋아요"]


# ------------------------------------------------------------------------------------------------ outputs 1–3
def test_many_messages_merge_into_the_third_output_with_blank_lines() -> None:
    texts = [f"메시지 {i}번" for i in range(10)]
    response = to_skill_response([{"text": t} for t in texts])
    assert_valid(response)
    got = simple_texts(response)
    assert got[:2] == texts[:2]
    assert got[2] == "\n\n".join(texts[2:])


async def test_a_split_rasa_text_is_kept_in_order() -> None:
    """CollectingOutputChannel splits texts at blank lines; nothing is lost or reordered."""
    collector = CollectingOutputChannel()
    text = "[취업날개] 면접 정장을 무료로 빌려줘요.\n- 주요 내용: 정장 대여\n\n출처: 업무보고 「일자리」, 2018년 7월\n\n끝"
    await collector.send_text_message("kakao:u", text)
    response = to_skill_response(collector.messages)
    assert_valid(response)
    assert "\n\n".join(simple_texts(response)) == text


def test_images_after_three_outputs_are_dropped_but_texts_are_kept() -> None:
    messages = [{"image": f"https://example.org/{i}.png"} for i in range(3)] + [{"text": "마지막 안내"}, {"image": "https://e.org/x.png"}]
    response = to_skill_response(messages)
    assert_valid(response)
    assert [next(iter(o)) for o in outputs(response)] == ["simpleImage", "simpleImage", "simpleText"]
    assert simple_texts(response) == ["마지막 안내"]


# ------------------------------------------------------------------------------------------------ simpleText ≤ 1000
def test_a_long_answer_is_split_at_line_boundaries() -> None:
    text = lines(60)  # 60 × 41 ≈ 2460 characters
    response = to_skill_response([{"text": text}])
    assert_valid(response)
    parts = simple_texts(response)
    assert len(parts) == 3
    assert "\n".join(parts) == text  # split exactly at line breaks: every line intact
    original = set(text.split("\n"))
    assert all(line in original for part in parts for line in part.split("\n"))


def test_an_answer_too_long_for_three_outputs_is_cut_with_an_ellipsis() -> None:
    text = lines(200)  # ≈ 8200 characters
    response = to_skill_response([{"text": text}])
    assert_valid(response)
    parts = simple_texts(response)
    assert len(parts) == 3
    assert parts[2].endswith(ELLIPSIS) and len(parts[2]) <= 1000
    assert not parts[0].endswith(ELLIPSIS) and not parts[1].endswith(ELLIPSIS)
    assert text.startswith(parts[0] + "\n" + parts[1])


def test_a_long_line_without_breaks_is_split_at_spaces_or_hard() -> None:
    for text in ("가" * 2500, " ".join(["임금체불"] * 500)):
        response = to_skill_response([{"text": text}])
        assert_valid(response)
        assert "".join(p.replace(" ", "") for p in simple_texts(response)) == text.replace(" ", "")


def test_merged_texts_past_1000_are_cut_when_all_outputs_are_used() -> None:
    messages = [{"text": "짧은 안내"}, {"text": "두 번째"}] + [{"text": lines(10)} for _ in range(5)]
    response = to_skill_response(messages)
    assert_valid(response)
    assert simple_texts(response)[2].endswith(ELLIPSIS)


def test_limits_are_counted_in_utf16_units_and_emoji_are_never_cut_in_half() -> None:
    family = "👨\u200d👩\u200d👧\u200d👦"  # one emoji of 7 code points, 11 UTF-16 units
    flag, thumbs = "🇰🇷", "👍🏽"
    text = (family + flag + thumbs + "한") * 300
    response = to_skill_response([{"text": text}, {"text": "끝"}])
    assert_valid(response)
    for part in simple_texts(response):
        body = part[:-1] if part.endswith(ELLIPSIS) else part
        assert not body.endswith("\u200d")
        assert body.count("\U0001F1F0") == body.count("\U0001F1F7")  # flags whole
        assert not body.endswith("👍")  # the skin tone stayed with its thumb
        part.encode("utf-8")


def test_control_characters_and_lone_surrogates_never_reach_kakao() -> None:
    response = to_skill_response(
        [{"text": "안내\x00\x07문\r\n장\ud800 끝\x1b[31m", "buttons": [{"title": "버\x00튼\n이름", "payload": "/a\x00b"}]}]
    )
    assert_valid(response)
    assert simple_texts(response) == ["안내문\n장 끝[31m"]
    assert quick_replies(response)[0] == {"action": "message", "label": "버튼 이름", "messageText": "버튼 이름", "extra": {"payload": "/ab"}}


# ------------------------------------------------------------------------------------------------ quick replies
def test_at_most_ten_quick_replies() -> None:
    buttons = [{"title": f"선택 {i}", "payload": f"/choose{{\"n\": {i}}}"} for i in range(25)]
    response = to_skill_response([{"text": "골라 주세요", "buttons": buttons[:13]}, {"text": "더 있어요", "buttons": buttons[13:]}])
    assert_valid(response)
    assert [r["label"] for r in quick_replies(response)] == [f"선택 {i}" for i in range(10)]


def test_long_labels_are_cut_to_14_with_an_ellipsis_but_the_full_title_is_said() -> None:
    title = "서울시 청년일자리센터 운영시간과 위치 알려 주세요"
    response = to_skill_response([{"text": "t", "buttons": [{"title": title, "payload": PAYLOAD}, {"title": "😀" * 20, "payload": "/e"}]}])
    assert_valid(response)
    first, second = quick_replies(response)
    assert first["label"] == title[:13] + ELLIPSIS and len(first["label"]) == 14
    assert first["messageText"] == title and first["extra"] == {"payload": PAYLOAD}
    assert second["label"] == "😀" * 6 + ELLIPSIS  # 6 × 2 + 1 = 13 UTF-16 units
    assert fit("정확히열네글자인버튼이름이다", 14) == "정확히열네글자인버튼이름이다"


def test_overlong_payloads_drop_the_button_rather_than_send_a_broken_one() -> None:
    response = to_skill_response([{"text": "t", "buttons": [{"title": "긴 것", "payload": "/x" + "a" * 5000}, {"title": "짧은 것", "payload": "/y"}]}])
    assert [r["label"] for r in quick_replies(response)] == ["짧은 것"]


# ------------------------------------------------------------------------------------------------ images
@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://example.org/map.png", True),
        ("http://example.org/a.jpg?x=1", True),
        ("javascript:alert(1)", False),
        ("data:image/png;base64,AAAA", False),
        ("ftp://example.org/a.png", False),
        ("/relative/a.png", False),
        ("https://", False),
        ("https://exa mple.org/a.png", False),
        ("https://example.org/" + "a" * 2000, False),
        (42, False),
    ],
)
def test_only_http_images_become_simple_image(url: Any, shown: bool) -> None:
    response = to_skill_response([{"image": url}])
    assert_valid(response)
    images = [o["simpleImage"] for o in outputs(response) if "simpleImage" in o]
    assert images == ([{"imageUrl": url, "altText": IMAGE_ALT_TEXT}] if shown else [])


# ------------------------------------------------------------------------------------------------ textCard
RICH = "[청년일자리센터] 운영시간이에요.\n- 본관: 평일(월~금) 09:00~18:00\n\n출처: 업무보고 「일자리」, 2018년 7월"
NEXT = [
    {"title": "누가 이용할 수 있나요", "payload": '/ask_eligibility{"programme": "youth_job_centre"}'},
    {"title": "신청 방법", "payload": '/ask_how_to_apply{"programme": "youth_job_centre"}'},
    {"title": "위치", "payload": '/ask_location{"programme": "youth_job_centre"}'},
]


def test_a_titled_answer_with_up_to_three_buttons_becomes_a_text_card() -> None:
    response = to_skill_response([{"text": RICH, "buttons": NEXT}])
    assert_valid(response)
    card = outputs(response)[0]["textCard"]
    assert card["title"] == "[청년일자리센터] 운영시간이에요."
    assert card["description"] == RICH.split("\n", 1)[1]
    assert [b["extra"]["payload"] for b in card["buttons"]] == [b["payload"] for b in NEXT]
    assert card["buttons"][0]["label"] == "누가 이용할 수 있나요" and card["buttons"][0]["messageText"] == NEXT[0]["title"]
    assert "quickReplies" not in response["template"]


@pytest.mark.parametrize(
    "text, buttons",
    [
        (RICH, NEXT + [{"title": "비용", "payload": "/ask_cost"}]),  # four buttons
        (RICH, []),  # no buttons: plain text reads better
        ("청년일자리센터 운영시간이에요.\n- 본관", NEXT),  # no [title]
        ("[청년일자리센터] " + "아주 긴 제목 " * 10 + "\n본문", NEXT),  # title > 50
        ("[청년일자리센터] 운영시간이에요.\n" + "가" * 231, NEXT),  # description > 230
        ("[청년일자리센터] 운영시간이에요.", NEXT),  # no description
    ],
)
def test_otherwise_simple_text_and_quick_replies(text: str, buttons: List[Dict[str, str]]) -> None:
    response = to_skill_response([{"text": text, "buttons": buttons}])
    assert_valid(response)
    assert "textCard" not in outputs(response)[0]
    assert [r["extra"].get("payload") for r in quick_replies(response)] == [b["payload"] for b in buttons]


def test_cards_can_be_switched_off() -> None:
    response = to_skill_response([{"text": RICH, "buttons": NEXT}], use_cards=False)
    assert simple_texts(response) == [RICH] and len(quick_replies(response)) == 3


def test_a_card_that_must_take_merged_text_turns_into_text_and_keeps_its_buttons() -> None:
    messages = [{"image": "https://e.org/1.png"}, {"image": "https://e.org/2.png"}, {"text": RICH, "buttons": NEXT}, {"text": "추가 안내"}]
    response = to_skill_response(messages)
    assert_valid(response)
    assert simple_texts(response) == [RICH.split("\n", 1)[0] + "\n" + RICH.split("\n", 1)[1] + "\n\n추가 안내"]
    assert len(quick_replies(response)) == 3


# ------------------------------------------------------------------------------------------------ 30 KB
def test_the_whole_reply_stays_under_30_kb() -> None:
    huge_title = "아주 긴 버튼 제목 🎉" * 80  # ≈ 1000 characters, most 3–4 bytes
    buttons = [{"title": f"{i} {huge_title}", "payload": "/x" + "가" * 1990} for i in range(10)]
    messages = [{"text": lines(100)}, {"text": "😀" * 2000}, {"text": "끝"}, {"text": "x", "buttons": buttons}]
    naive = 3 * 4000 + 10 * (1000 * 4 + 1000 * 4 + 2000 * 3)
    assert naive > 3 * MAX_RESPONSE_BYTES  # without trimming this would be far over the limit
    response = to_skill_response(messages)
    assert_valid(response)
    assert len(outputs(response)) == 3  # the answer itself is kept whole; quick replies gave way
    assert 0 < len(quick_replies(response)) < 10
    assert [r["label"][:2] for r in quick_replies(response)] == [f"{i} " for i in range(len(quick_replies(response)))]


# ------------------------------------------------------------------------------------------------ helpers
def test_split_at_line_prefers_the_last_line_break_that_fits() -> None:
    head, rest = split_at_line("첫 줄\n둘째 줄\n" + "셋" * 20, 12)
    assert (head, rest) == ("첫 줄\n둘째 줄", "셋" * 20)


def test_clean_text_keeps_newlines_and_emoji_joiners() -> None:
    assert clean_text("a\tb\r\nc\u2028d\x00") == "a b\nc\nd"
    assert clean_text("줄\n바꿈", single_line=True) == "줄 바꿈"
    assert clean_text("👩\u200d💻") == "👩\u200d💻"


# ------------------------------------------------------------------------------------------------ request parsing
def kakao_request(**overrides: Any) -> Dict[str, Any]:
    body = {
        "intent": {"id": "b1", "name": "폴백 블록"},
        "userRequest": {
            "timezone": "Asia/Seoul",
            "block": {"id": "b1", "name": "폴백 블록"},
            "utterance": "청년일자리센터 몇 시까지 해요?",
            "lang": "ko",
            "params": {"surface": "Kakaotalk.plusfriend"},
            "user": {"id": "abc123", "type": "botUserKey", "properties": {"plusfriendUserKey": "pfk"}},
        },
        "bot": {"id": "bot-1", "name": "서울 일자리·노동 도우미"},
        "action": {"id": "s1", "name": "rasa", "params": {}, "detailParams": {}, "clientExtra": {}},
        "contexts": [],
    }
    body.update(overrides)
    return body


def test_parse_typed_text() -> None:
    parsed = parse_skill_request(kakao_request())
    assert parsed.sender_id == "kakao:abc123"
    assert parsed.text == parsed.utterance == "청년일자리센터 몇 시까지 해요?"
    assert parsed.metadata["kakao"]["button_click"] is False
    assert parsed.metadata["kakao"]["block_name"] == "폴백 블록"
    assert "plusfriendUserKey" not in json.dumps(parsed.metadata)


@pytest.mark.parametrize("client_extra", [{"payload": PAYLOAD}, json.dumps({"payload": PAYLOAD})])
def test_parse_button_click_sends_the_payload(client_extra: Any) -> None:
    body = kakao_request(action={"id": "s1", "name": "rasa", "params": {}, "detailParams": {}, "clientExtra": client_extra})
    body["userRequest"]["utterance"] = "운영시간"
    parsed = parse_skill_request(body)
    assert parsed.text == PAYLOAD and parsed.utterance == "운영시간" and parsed.metadata["kakao"]["button_click"]


@pytest.mark.parametrize("client_extra", [None, "null", "", {}, {"payload": ""}, {"payload": 5}, {"other": "/x"}, [1], "{bad"])
def test_parse_without_a_usable_payload_sends_the_utterance(client_extra: Any) -> None:
    body = kakao_request(action={"clientExtra": client_extra})
    assert parse_skill_request(body).text == "청년일자리센터 몇 시까지 해요?"


def test_parse_caps_the_utterance() -> None:
    body = kakao_request()
    body["userRequest"]["utterance"] = "임금" * 800
    parsed = parse_skill_request(body)
    assert parsed.truncated and len(parsed.text) == 1000


@pytest.mark.parametrize(
    "change, code",
    [
        (lambda b: b.pop("userRequest"), "invalid_utterance"),
        (lambda b: b["userRequest"].pop("utterance"), "invalid_utterance"),
        (lambda b: b["userRequest"].update(utterance=""), "invalid_utterance"),
        (lambda b: b["userRequest"].update(utterance="\x00\x01 \n"), "invalid_utterance"),
        (lambda b: b["userRequest"].update(utterance=["안녕"]), "invalid_utterance"),
        (lambda b: b["userRequest"].update(user=None), "invalid_user"),
        (lambda b: b["userRequest"]["user"].update(id=12345), "invalid_user"),
        (lambda b: b["userRequest"]["user"].update(id=""), "invalid_user"),
        (lambda b: b["userRequest"]["user"].update(id="x" * 300), "invalid_user"),
    ],
)
def test_parse_refuses_malformed_requests(change: Any, code: str) -> None:
    body = kakao_request()
    change(body)
    with pytest.raises(BadRequest) as error:
        parse_skill_request(body)
    assert error.value.code == code


def test_configuration_defaults_are_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KAKAO_SKILL_SECRET", raising=False)
    monkeypatch.delenv("KAKAO_BOT_ID", raising=False)
    channel = KakaoInput.from_credentials(None)
    assert channel.skill_secret is None and channel.bot_id is None  # → every request refused
    assert channel.secret_header == "X-Skill-Secret" and channel.reply_budget_seconds == 3.5
    assert KakaoInput.from_credentials({"skill_secret": "", "bot_id": "  "}).skill_secret is None
    assert KakaoInput.from_credentials({"reply_budget_seconds": "nope"}).reply_budget_seconds == 3.5
    assert KakaoInput.from_credentials({"reply_budget_seconds": 60}).reply_budget_seconds == 4.5
    assert KakaoInput.from_credentials({"reply_budget_seconds": -1}).reply_budget_seconds == 3.5
    assert KakaoInput.from_credentials({"reply_budget_seconds": "2"}).reply_budget_seconds == 2.0


def test_secret_and_bot_id_left_out_of_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KAKAO_SKILL_SECRET", "from-the-environment-0123456789")
    monkeypatch.setenv("KAKAO_BOT_ID", "bot-env")
    channel = KakaoInput.from_credentials({"secret_header": "X-Skill-Secret"})
    assert (channel.skill_secret, channel.bot_id) == ("from-the-environment-0123456789", "bot-env")
    # a value written in credentials.yml (here: ${KAKAO_SKILL_SECRET} expanded to "") wins
    assert KakaoInput.from_credentials({"skill_secret": "", "bot_id": ""}).skill_secret is None


# ------------------------------------------------------------------------------------------------ property
_text = st.text(st.characters(codec="utf-8", exclude_categories=()), max_size=1500) | st.text(
    st.sampled_from(list("가나다 \n\n[]👍🏽\u200d👩🇰🇷\x00\r\tǺ")), max_size=3000
)
_button = st.fixed_dictionaries(
    {"title": _text | st.integers() | st.none()},
    optional={"payload": st.text(max_size=2100) | st.none() | st.integers(), "url": st.text(max_size=20)},
)
_message = st.fixed_dictionaries(
    {"recipient_id": st.just("kakao:u")},
    optional={
        "text": _text | st.none() | st.integers(),
        "buttons": st.lists(_button, max_size=14) | st.text(max_size=5),
        "image": st.sampled_from(["https://e.org/a.png", "javascript:x", "http://x"]) | st.text(max_size=30),
        "custom": st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=2),
    },
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(_message | st.none() | st.text(max_size=5), max_size=8))
def test_any_collection_of_messages_gives_a_valid_reply(messages: List[Any]) -> None:
    assert_valid(to_skill_response(messages))


# ------------------------------------------------------------------------------------------------ real answers
@pytest.fixture
def domain() -> Dict[str, Any]:
    from knowledge.db import PROJECT_ROOT

    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def knowledge_base_env(kb_url: str, monkeypatch: pytest.MonkeyPatch):
    from actions import context

    monkeypatch.setenv("DATABASE_URL", kb_url)
    context.knowledge_base.cache_clear()
    yield context.knowledge_base()
    context.knowledge_base.cache_clear()


async def _through_rasa_collector(dispatched: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """What Rasa's CollectingOutputChannel holds after the processor sends these bot messages."""
    collector = CollectingOutputChannel()
    for message in dispatched:
        bot_message = {k: v for k, v in message.items() if v not in (None, [], {})}
        await collector.send_response("kakao:u", bot_message)
    return collector.messages


async def test_every_real_programme_answer_fits_kakao(domain, knowledge_base_env) -> None:
    """The actions' real answers (all programmes × all questions, all situations) fit the limits."""
    from rasa_sdk.executor import CollectingDispatcher

    from actions.context import QUESTION_INTENTS
    from actions.programme_questions import ActionAnswerProgrammeQuestion
    from actions.situations import ActionAnswerSituation
    from tests.unit.actions.conftest import entity, make_tracker

    cases = [
        (ActionAnswerProgrammeQuestion(), make_tracker(q, "질문", [entity("programme", p.slug)]))
        for p in knowledge_base_env.all_programmes()
        for q in QUESTION_INTENTS
    ]
    cases += [(ActionAnswerSituation(), make_tracker(s, "상황")) for s in domain["intents"] if s.startswith("situation_")]
    checked = 0
    for action, tracker in cases:
        dispatcher = CollectingDispatcher()
        await action.run(dispatcher, tracker, domain)
        collected = await _through_rasa_collector(dispatcher.messages)
        response = to_skill_response(collected)
        assert_valid(response)
        said = "\n".join(m.get("text", "") for m in dispatcher.messages)
        shown = "".join(_strings(outputs(response)))
        # everything the bot said is shown (these answers are well under the limits)
        assert all(line.strip() in shown for line in said.split("\n") if line.strip()), said
        for m in dispatcher.messages:
            for button in m.get("buttons") or []:
                assert button["payload"] in json.dumps(response, ensure_ascii=False).replace('\\"', '"')
        checked += 1
    assert checked > 50
