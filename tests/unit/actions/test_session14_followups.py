"""Follow-ups of session 14: things referred to by the order the citizen named them ("두번째 거", "뒤에 말한 데",
"처음 말한 데", "둘 중에"); a need asked while the eligibility check waits; the terms of work are no eligibility
question; "저 같은 사람" is no request for a person."""
from __future__ import annotations

from actions.context import referred_by_order, with_references_named
from actions.open_questions import ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from actions.eligibility import answers_the_form
from actions.question_words import HANDOFF_WORDS
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before, then

QUESTION = ActionAnswerProgrammeQuestion()


def test_things_named_are_found_in_the_order_said(kb) -> None:
    """The citizen's order, not the knowledge base's: a site's name is the site, not its programme."""
    assert kb.named_in_order("협동조합지원센터랑 사회적경제지원센터 뭐가 달라요") == [
        ("programme", "cooperative_support_centre"), ("programme", "social_economy_centre"),
    ]
    assert kb.named_in_order("북창쉼터랑 합정쉼터 뭐가 달라요?") == [("place", "북창쉼터"), ("place", "합정쉼터")]
    assert kb.named_in_order("서초구 살아요") == []


def test_the_latter_is_the_second_named_and_the_first_the_first(kb) -> None:
    first = "협동조합지원센터랑 사회적경제지원센터 뭐가 달라요?"
    for now, expected in (
        ("뒤에 말한 데는 어디 있어요", [("programme", "social_economy_centre")]),
        ("두번째 거는 몇 층이에요", [("programme", "social_economy_centre")]),
        ("앞에 말한 거는요?", [("programme", "cooperative_support_centre")]),
        ("둘이 같은 건물이에요?", [("programme", "cooperative_support_centre"), ("programme", "social_economy_centre")]),
        ("처음 거기 갔을 때 뭐 챙겨요?", []),  # (처음 + 거기: not "the first one")
        ("거기 몇 층이에요", []),
    ):
        tracker = make_tracker("ask_location", now, events=said_before(first) + [then(now)])
        assert referred_by_order(tracker, kb)[1] == expected, now


def test_the_name_takes_the_place_of_the_words_that_refer(kb) -> None:
    """One thing replaces its reference, as if named ("뒤에 말한 데는" → "서울시 사회적경제지원센터는"); two are put
    before "둘" ("북창쉼터랑 합정쉼터 둘 중에"); a misspelling is fixed on the way (잇어요 → 있어요)."""
    cases = (
        ("협동조합지원센터랑 사회적경제지원센터 뭐가 달라요?", "뒤에 말한 데는 어디 잇어요", "서울시 사회적경제지원센터는 어디 있어요"),
        ("북창쉼터랑 합정쉼터 뭐가 달라요?", "둘 중에 어디가 더 넓어요", "북창쉼터랑 합정쉼터 둘 중에 어디가 더 넓어요"),
        ("북창쉼터랑 합정쉼터 뭐가 달라요?", "거기 몇시까지 해요", "거기 몇시까지 해요"),
    )
    for first, now, meant in cases:
        tracker = make_tracker("ask_location", now, events=said_before(first) + [then(now)])
        assert with_references_named(tracker, kb).latest_message["text"] == meant


async def test_the_second_one_named_is_answered(domain) -> None:
    """"뉴딜일자리랑 기술교육원 둘 중에 …" then "두번째 거는 몇 군데 있음?": the sites of 기술교육원, not of 뉴딜일자리."""
    first = "뉴딜일자리랑 기술교육원 둘 중에 돈 받으면서 일하는 건 어느거고 시급 얼마에요"
    now = "두번째 거는 몇 군데 있음?"
    tracker = make_tracker(
        "ask_location", now, slots={"programme": "newdeal_jobs"}, events=said_before(first) + [then(now)]
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "동부기술교육원" in reply and "[뉴딜일자리]" not in reply, reply


async def test_the_first_site_said_before_a_correction_is_the_first(domain) -> None:
    """"서초쉼터 몇시부터 해요?", "아 잘못말함 합정이요", then "그럼 처음 말한 데는 하루에 몇 명 와요?": 서초 (70명)."""
    events = said_before("서초쉼터 몇시부터 해요?") + said_before("아 잘못말함 합정이요") + [then("그럼 처음 말한 데는 하루에 몇 명 와요?")]
    tracker = make_tracker(
        "ask_programme_info", "그럼 처음 말한 데는 하루에 몇 명 와요?",
        slots={"programme": "rest_area", "place": "합정쉼터"}, events=events,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "70명" in reply and "48명" not in reply, reply


async def test_which_of_the_two_sites_is_bigger_out_of_scope_to_the_nlu(domain) -> None:
    """"둘 중에 어디가 더 넓어요" (out of scope to the NLU) after 북창쉼터 and 합정쉼터 were named: the bigger one."""
    first = "북창쉼터랑 합정쉼터 뭐가 달라요? 저 퀵 뛰는데 어디로 가야되나"
    now = "둘 중에 어디가 더 넓어요"
    tracker = make_tracker(
        "out_of_scope", now, slots={"programme": "rest_area"}, events=said_before(first) + [then(now)], confidence=0.38
    )
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "더 넓은 곳: 북창쉼터" in reply and "165" in reply, reply


async def test_a_need_asked_while_the_check_waits_is_answered(domain) -> None:
    """"딸이 면접 보는데 정장 무료로 빌려주는 데 있다던데요" while 마을노무사's check asks the workplace size: 면접 tells
    a job status on the way, but the message asks for the interview suit (취업날개), not the size again."""
    text = "딸이 면접 보는데 정장 무료로 빌려주는 데 있다던데요"
    told = [span("job_status", "job_seeker", text, "면접 보는데")]
    tracker = make_tracker(
        "situation_interview_suit", text, told, confidence=1.0,
        slots={"programme": "village_labour_attorney", "last_question": "ask_eligibility", "requested_slot": "workplace_size"},
        events=said_before("마을노무사는 어떤 사업장이 대상이에요", bot="일하시는 사업장 직원은 모두 몇 명인가요?") + [then(text, told)],
    )
    assert not answers_the_form(tracker)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "취업날개" in reply and "몇 명인가요" not in reply, reply


async def test_working_terms_are_no_eligibility_question(domain) -> None:
    """"뉴딜일자리 근무조건 어때요?" (eligibility to the NLU, for 조건): its pay and terms, and no eligibility form."""
    text = "뉴딜일자리 근무조건 어때요?"
    tracker = make_tracker("ask_eligibility", text, [span("programme", "newdeal_jobs", text, "뉴딜일자리")], confidence=0.6)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "23개월" in texts(messages) and "몇 살" not in texts(messages), texts(messages)
    assert {"event": "followup", "timestamp": None, "name": "action_listen"} in events


def test_people_like_me_is_no_request_for_a_person() -> None:
    assert not HANDOFF_WORDS.search("제 얘기로 돌아가서, 저 같은 사람 상담이랑 치유 프로그램은 언제까지 해요?")
    assert HANDOFF_WORDS.search("그냥 사람이랑 직접 얘기하고 싶어요")


async def test_the_one_of_two_that_takes_the_citizen(domain) -> None:
    """"둘 중에 되는 쪽은 최대 몇살까지에요?" from a 36-year-old after 취업날개 (no) and 뉴딜일자리: 뉴딜일자리 (39)."""
    events = said_before("36살 서울 살고 취준중인데 취업날개 정장 빌릴 수 있어요?") + said_before("에휴 그럼 뉴딜일자리는요?")
    now = "둘 중에 되는 쪽은 최대 몇살까지에요?"
    tracker = make_tracker(
        "ask_eligibility", now, events=events + [then(now)],
        slots={"programme": "newdeal_jobs", "age": 36, "residence": "seoul", "job_status": "job_seeker", "last_question": "ask_eligibility"},
    )
    messages, events = await run_action(QUESTION, tracker, domain)
    assert slots_of(events)["programme"] == "newdeal_jobs" and "[취업날개" not in texts(messages)  # (the form judges it)


async def test_two_programmes_at_once_the_report_does_not_say(domain) -> None:
    """"둘 다 동시에 하는 건 되나" after 공공근로 and 기술교육원: whether they combine is not in the report (120)."""
    events = said_before("공공근로는 돈이 얼마 나와요?") + said_before("기술교육원은 배우는 동안 돈 내야돼요?")
    now = "둘 다 동시에 하는 건 되나"
    tracker = make_tracker("ask_cost", now, events=events + [then(now)], slots={"programme": "technical_school"}, confidence=0.3)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "공공근로사업" in reply and "20만원" not in reply, reply


async def test_a_noise_level_situation_is_no_rival_of_the_question(domain) -> None:
    """"신분증 말고 재학증명서 같은것도 내야돼요?" (info at 0.12, job training at 0.11) about 취업날개: not 기술교육원."""
    now = "신분증 말고 재학증명서 같은것도 내야돼요?"
    ranking = [{"name": "ask_programme_info", "confidence": 0.12}, {"name": "situation_job_training", "confidence": 0.11}]
    tracker = make_tracker(
        "ask_programme_info", now, ranking=ranking, confidence=0.12,
        slots={"programme": "interview_suit_rental", "age": 25, "residence": "seoul", "job_status": "job_seeker"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "기술교육원" not in reply and "120" in reply, reply


async def test_who_files_the_application_is_how_to_apply(domain) -> None:
    """"그거 알바생이 직접 신청할수있는거예요 아님 사장님이 해야돼요?" of 마을노무사: how to apply (120), no size asked."""
    now = "그거 알바생이 직접 신청할수있는거예요 아님 사장님이 해야돼요?"
    tracker = make_tracker("ask_eligibility", now, slots={"programme": "village_labour_attorney"}, confidence=0.29)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "120" in texts(messages) and "몇 명" not in texts(messages), texts(messages)


async def test_a_feature_asked_as_hours_is_a_feature(domain) -> None:
    """"쉼터 와이파이 잇음?" (hours at 0.16): the report says nothing of wifi (120), not the opening hours."""
    now = "쉼터 와이파이 잇음?"
    tracker = make_tracker("ask_hours", now, [span("programme", "rest_area", now, "쉼터")], confidence=0.16)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "18:00" not in reply, reply


async def test_what_can_be_asked_is_the_assistants_capabilities(domain) -> None:
    """"여기서 뭐 물어볼 수 있어요? 신청방법 같은것도 돼요?" (how to apply at 0.53): what the assistant does."""
    now = "여기서 뭐 물어볼 수 있어요? 신청방법 같은것도 돼요?"
    tracker = make_tracker("ask_how_to_apply", now, slots={"programme": "interview_suit_rental"}, confidence=0.53)
    _, events = await run_action(QUESTION, tracker, domain)
    assert {"event": "followup", "timestamp": None, "name": "action_answer_capabilities"} in events


async def test_a_service_asked_while_a_programme_is_discussed(domain) -> None:
    """"상담같은거 받을수잇어?" (a recommendation at 0.11) while 감정노동 보호 is discussed: its counselling."""
    from actions.recommendations import ActionRecommendProgrammes

    now = "상담같은거 받을수잇어?"
    tracker = make_tracker("recommend_programmes", now, slots={"programme": "emotional_labour_protection"}, confidence=0.11)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "상담" in reply and "나이" not in reply, reply


def test_a_formal_question_of_ones_own_case_asks_for_a_verdict() -> None:
    from actions.question_words import ASKS_IF_I_QUALIFY

    for text in ("그럼 같은 아이가 뉴딜일자리는 할 수 있겠습니까", "공공근로도 하고 싶은데 제 경우에는 신청이 되는 것인지요"):
        assert ASKS_IF_I_QUALIFY.search(text), text


async def test_a_place_meant_instead_gets_the_question_asked_before(domain) -> None:
    """"아 죄송합니다 제가 착각하였습니다. 퀵서비스 기사들 쉬는 북창쉼터를 여쭈려던 것이었습니다" after 서초쉼터's
    hours: 북창쉼터's hours."""
    now = "아 죄송합니다 제가 착각하였습니다. 퀵서비스 기사들 쉬는 북창쉼터를 여쭈려던 것이었습니다"
    tracker = make_tracker(
        "situation_rest_area", now, slots={"programme": "rest_area", "place": "서초쉼터", "last_question": "ask_hours"},
        events=said_before("서초쉼터 몇 시에 문을 엽니까") + [then(now)], confidence=0.6,
    )
    _, events = await run_action(ActionAnswerSituation(), tracker, domain)  # (handed to the question action)
    assert {"event": "followup", "timestamp": None, "name": "action_answer_programme_question"} in events
    messages, _ = await run_action(QUESTION, tracker, domain)
    assert "08:30" in texts(messages) and "18:00" not in texts(messages), texts(messages)


async def test_work_left_behind_asks_for_what_fits_not_its_shelter(domain) -> None:
    """"27살 서울 거주, 배달대행 하다가 사고나서 그만두고 지금 구직중이에요. 받을 수 있는 서울시 지원 다 알려주세요":
    what fits a 27-year-old job seeker (뉴딜일자리, 취업날개), not the riders' shelter."""
    from actions.recommendations import ActionRecommendProgrammes

    text = "27살 서울 거주, 배달대행 하다가 사고나서 그만두고 지금 구직중이에요. 받을 수 있는 서울시 지원 다 알려주세요"
    told = [span("age", 27, text, "27살"), span("residence", "seoul", text, "서울"),
            span("worker_type", "택배기사", text, "배달대행"), span("job_status", "job_seeker", text, "구직중")]
    tracker = make_tracker("recommend_programmes", text, told, slots={"age": 27, "residence": "seoul", "job_status": "job_seeker"})
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "뉴딜일자리" in reply and "취업날개" in reply, reply


async def test_the_daily_wage_asked_in_a_long_question_is_its_pay(domain) -> None:
    """"공공근로를 하면 하루 일당이 얼마나 나오는지 알고 싶습니다" (a labour problem at 0.29): the report gives no
    wage for 공공근로 (120), not its summary."""
    text = "공공근로를 하면 하루 일당이 얼마나 나오는지 알고 싶습니다"
    tracker = make_tracker("situation_labour_problem", text, [span("programme", "public_works", text, "공공근로")], confidence=0.29)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "120" in reply and "주요 내용" not in reply, reply


async def test_a_detail_of_the_event_asked_after_its_venue(domain) -> None:
    """"몇명 예상한대" (a request for a person at 0.3) after the forum's venue: 1,000명 expected, though the venue's own
    facts say nothing of it."""
    from actions.handoff import ActionRequestHuman

    now = "몇명 예상한대"
    tracker = make_tracker(
        "request_human", now, confidence=0.3, slots={"programme": "decent_work_forum", "place": "서울시청 다목적홀"},
    )
    reply = texts((await run_action(ActionRequestHuman(), tracker, domain))[0])
    assert "1,000" in reply and "상담원 연결을 요청" not in reply, reply
