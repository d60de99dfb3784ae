"""KakaoTalk skill requests, shaped like Kakao i Open Builder's, answered by the real assistant."""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid

from tests.e2e.conftest import KAKAO_SECRET, Stack


def skill_request(user_id: str, utterance: str, client_extra: dict | None = None) -> dict:
    return {
        "intent": {"id": "fallback-block", "name": "폴백 블록"},
        "userRequest": {
            "timezone": "Asia/Seoul",
            "block": {"id": "fallback-block", "name": "폴백 블록"},
            "utterance": utterance,
            "lang": "ko",
            "params": {"ignoreMe": "true"},
            "user": {"id": user_id, "type": "botUserKey", "properties": {"plusfriendUserKey": "pf-" + user_id}},
        },
        "bot": {"id": "seoul-bot", "name": "서울 일자리·노동 도우미"},
        "action": {"id": "skill-1", "name": "rasa", "params": {}, "detailParams": {}, "clientExtra": client_extra or {}},
        "contexts": [],
    }


def post(stack: Stack, body: dict, secret: str = KAKAO_SECRET) -> tuple:
    request = urllib.request.Request(
        f"{stack.rasa_url}/webhooks/kakao/webhook",
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", "X-Skill-Secret": secret},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, json.load(response), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, None, time.perf_counter() - started


def texts(reply: dict) -> str:
    parts = []
    for output in reply["template"]["outputs"]:
        for value in output.values():
            parts += [str(value.get("text", "")), str(value.get("title", "")), str(value.get("description", ""))]
    return "\n".join(parts)


def test_kakao_conversation_with_quick_replies(stack: Stack) -> None:
    user = uuid.uuid4().hex[:10]
    status, reply, seconds = post(stack, skill_request(user, "면접 보러 가야 되는데 정장이 없어요"))
    assert status == 200 and reply["version"] == "2.0" and seconds < 5
    assert "취업날개" in texts(reply)
    quick = reply["template"]["quickReplies"]
    assert 0 < len(quick) <= 10 and all(len(q["label"]) <= 14 for q in quick)
    # tapping a quick reply sends its payload back in clientExtra
    tapped = next(q for q in quick if "interview_suit_rental" in json.dumps(q["extra"], ensure_ascii=False))
    status, reply, _ = post(stack, skill_request(user, tapped["messageText"], tapped["extra"]))
    assert status == 200 and "면접" in texts(reply) and "2018년 7월 기준" in texts(reply)


def test_kakao_rejects_a_wrong_secret(stack: Stack) -> None:
    status, _, _ = post(stack, skill_request("intruder", "안녕"), secret="wrong")
    assert status == 403
