"""Replicas, faults and personal data in the scaled set-up (nginx, 2 Rasa, 2 action servers, PostgreSQL, Redis).

The citizen's side of every fault: a polite answer with 120 (never an error status or silence), the service
comes back by itself, and the conversation (its context) is still there afterwards.
"""
from __future__ import annotations

import time
import uuid
from typing import Callable

import pytest
from sqlalchemy import create_engine, text

from .conftest import KAKAO_SECRET, Scaled, text_of

RECOVERY_SECONDS = 30


def sender(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


def answers_suit_age(scaled: Scaled, who: str) -> bool:
    status, messages = scaled.say(who, "나이 제한은요?")
    return status == 200 and "34" in text_of(messages)


def eventually(check: Callable[[], bool], seconds: float = RECOVERY_SECONDS) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(1)
    pytest.fail(f"the service did not recover within {seconds} s")


def test_turns_on_different_replicas_share_the_conversation(scaled: Scaled) -> None:
    who = sender("replicas")
    first, second = scaled.stack.replica_urls
    status, messages = scaled.say(who, "취업날개가 뭐예요?", base=first)
    assert status == 200 and "면접" in text_of(messages)
    status, messages = scaled.say(who, "나이 제한은요?", base=second)  # the other replica knows the programme
    assert status == 200 and "34" in text_of(messages)
    for _ in range(4):  # through nginx, round robin over both
        status, messages = scaled.say(who, "신청은 어떻게 해요?")
        assert status == 200 and "취업날개" in text_of(messages)
    assert scaled.tracker(who)["slots"]["programme"] == "interview_suit_rental"


def test_a_stopped_replica_loses_nothing(scaled: Scaled) -> None:
    who = sender("replica-down")
    assert "면접" in text_of(scaled.say(who, "취업날개가 뭐예요?")[1])
    replica = scaled.stack.rasa[0]
    replica.kill()
    try:
        for _ in range(4):  # nginx skips the dead replica: every turn is answered, with the context
            status, messages = scaled.say(who, "나이 제한은요?")
            assert status == 200 and "34" in text_of(messages)
    finally:
        replica.start().wait_ready(240)
    for base in scaled.stack.replica_urls:  # the restarted replica serves the same conversation
        assert answers_suit_age(scaled, who) and scaled.say(who, "나이 제한은요?", base=base)[0] == 200


def test_postgresql_restart(scaled: Scaled) -> None:
    who = sender("pg-restart")
    assert "면접" in text_of(scaled.say(who, "취업날개가 뭐예요?")[1])
    scaled.postgres.stop()
    try:
        status, messages = scaled.say(who, "신청은 어떻게 해요?")
        assert status == 200 and "120" in text_of(messages)  # polite, with the phone number, not an error
    finally:
        scaled.postgres.start()
    eventually(lambda: answers_suit_age(scaled, who))  # back by itself, with the context from before
    assert scaled.tracker(who)["slots"]["programme"] == "interview_suit_rental"


def test_redis_restart(scaled: Scaled) -> None:
    who = sender("redis-restart")
    assert "면접" in text_of(scaled.say(who, "취업날개가 뭐예요?")[1])
    scaled.redis.stop()
    try:
        status, messages = scaled.say(who, "신청은 어떻게 해요?")
        assert status == 200 and "120" in text_of(messages)
    finally:
        scaled.redis.start()
    eventually(lambda: answers_suit_age(scaled, who))


def test_an_action_server_down_is_routed_around(scaled: Scaled) -> None:
    who = sender("actions-down")
    actions = scaled.stack.actions[0]
    actions.kill()
    try:
        for text_ in ["취업날개가 뭐예요?", "나이 제한은요?", "신청은 어떻게 해요?"]:
            status, messages = scaled.say(who, text_)
            assert status == 200 and "취업날개" in text_of(messages)
    finally:
        actions.start().wait_ready()


RAW = {
    "주민등록번호": "900101-1234567",
    "휴대전화": "010-9876-5432",
    "이메일": "citizen.kim@example.com",
    "카드": "1234-5678-9012-3456",
    "계좌": "110-123-456789",
}


def test_personal_data_is_masked_before_postgresql_and_logs(scaled: Scaled) -> None:
    import json
    import urllib.request

    who = sender("pii")
    scaled.say(who, f"제 주민번호는 {RAW['주민등록번호']}이고 번호는 {RAW['휴대전화']}이에요")
    scaled.say(who, f"메일 {RAW['이메일']} 카드 {RAW['카드']} 계좌 {RAW['계좌']}로 월급이 안 들어와요")
    scaled.say(who, f"상담원 연결해줘 제 번호 {RAW['휴대전화']}")
    kakao = {"userRequest": {"utterance": f"제 연락처 {RAW['휴대전화']}", "user": {"id": who}}, "bot": {"id": "scaled-bot"}}
    request = urllib.request.Request(
        f"{scaled.stack.url}/webhooks/kakao/webhook", data=json.dumps(kakao).encode(),
        headers={"Content-Type": "application/json", "X-Skill-Secret": KAKAO_SECRET},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200

    engine = create_engine(scaled.database_url, future=True)
    with engine.connect() as connection:  # what is stored, read straight from PostgreSQL
        rows = [row[0] for row in connection.execute(text("SELECT data FROM events WHERE sender_id LIKE :s"), {"s": f"%{who}"})]
        handoffs = " ".join(str(tuple(row)) for row in connection.execute(text("SELECT * FROM handoff_requests")))
    engine.dispose()
    said = " ".join(json.loads(row).get("text") or "" for row in rows if json.loads(row).get("event") == "user")
    assert all(mask in said for mask in ["[주민등록번호]", "[전화번호]", "[이메일]", "[카드번호]", "[계좌번호]"]), said
    events = " ".join(rows) + " " + json.dumps([json.loads(row) for row in rows], ensure_ascii=False)
    logs = " ".join(p.read_text(encoding="utf-8", errors="replace") for p in scaled.log_dir.rglob("*.log"))
    for name, value in RAW.items():
        digits = value.replace("-", "")
        for haystack, where in ((events, "events"), (handoffs, "handoff_requests"), (logs, "server logs")):
            assert value not in haystack and digits not in haystack, f"raw {name} found in {where}"
