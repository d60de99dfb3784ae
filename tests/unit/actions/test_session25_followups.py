"""Follow-ups of session 25 (v215–v220 read): a question after the programme named in a long story, a workplace's
size corrected, someone who wants to join the one judged, a yes/no feature the report lacks, the amount of a thing the
report never mentions, a remark before a question, a rule's limit asked as a count, a figure asked with an age told by
the way, a ratio, a district's own count, help asked after a layoff, a target, another year, a figure's people now."""
from __future__ import annotations

from actions.open_questions import ActionAnswerDetailOrOutOfScope, ActionAnswerNo, ActionGoodbye
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session21_followups import bot
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()

OMBUDSMAN_COUNTS = (
    "[시민명예 노동옴부즈만] 보고서에 이렇게 나와 있어요.\n"
    "- 시민명예노동옴부즈만 상담건수: 4,000건 (2018 (주요 정책지표)) — 2016년 3,303건, 2017년 3,411건, 2018년 4,000건, "
    "2019년 4,200건, 2020년 4,400건\n\n출처: 업무보고 「노동권익 보호체계 강화」, 2018년 7월 기준"
)


async def _said(action, intent: str, text: str, entities=(), slots=None, domain=None, confidence: float = 0.5) -> str:
    tracker = make_tracker(intent, text, list(entities), slots=slots or {}, confidence=confidence)
    return texts((await run_action(action, tracker, domain))[0])


async def test_a_story_told_in_one_breath_asks_what_follows_the_programme(domain) -> None:
    """"…휴게시간도 안주고 … 노동옴부즈만 이란게 있다고 들었는데 머하는거에요": what it does (휴게시간 asks no hours);
    "…회사가 문닫는다고 … 기술교육원 어디어디 있어요?": where its sites are (문닫는다고 asks no hours)."""
    text = "구청 건물 청소 용역으로 일하는데 용역회사가 휴게시간도 안주고 계약서 내용도 맨날 바꿔요 시민명예 노동옴부즈만 이란게 있다고 들었는데 머하는거에요"
    reply = await _said(
        SITUATION, "situation_labour_problem", text, [span("programme", "labour_ombudsman", text, "시민명예 노동옴부즈만")],
        domain=domain, confidence=0.9,
    )
    assert "무료 노무상담" in reply and "운영시간은 제가" not in reply
    text = "공장에서 15년 일했는데 회사가 문닫는다고 다음달부터 나오지 말래요 이 나이에 뭘 새로 배워야할지… 서울시 기술교육원 어디어디 있어요?"
    reply = await _said(
        SITUATION, "situation_unfair_dismissal", text, [span("programme", "technical_school", text, "서울시 기술교육원")],
        domain=domain,
    )
    assert "고덕동" in reply and "상계동" in reply


async def test_a_story_of_long_hours_naming_the_law_gets_the_free_advice(domain) -> None:
    """"…하루 12시간씩 일해요 주52시간 된다더니 … 연장수당도 제대로 안나와요 …": the free labour advice, not the hours
    of 노동시간 단축 (a city policy, no help for them)."""
    text = (
        "마트 물류 담당인데 주 6일 하루 12시간씩 일해요 주52시간 된다더니 우리 회사는 똑같고 연장수당도 제대로 안나와요 "
        "몸이 망가지는게 느껴지는데 말하면 잘릴까봐 아무말 못하고 있어요"
    )
    reply = await _said(
        SITUATION, "situation_labour_problem", text, [span("programme", "working_hours_reduction", text, "주52시간")],
        domain=domain, confidence=0.99,
    )
    assert "노동권익센터" in reply and "연장수당" not in reply


async def test_a_workplace_size_corrected_after_a_no_is_judged_again(domain) -> None:
    """"아 잠깐 13명은 작년 얘기고 지금은 저까지 8명밖에 없어요" after 마을노무사's no: a yes (8명밖에 is a count, not
    "is this the only one?")."""
    text = "아 잠깐 13명은 작년 얘기고 지금은 저까지 8명밖에 없어요"
    reply = await _said(
        QUESTION, "inform", text, [span("workplace_size", 8, text, "8명")],
        slots={"programme": "village_labour_attorney", "last_question": "ask_eligibility", "workplace_size": 8}, domain=domain,
    )
    assert "이용할 수 있어요" in reply


async def test_someone_who_wants_to_join_is_judged_for_the_same_programme(domain) -> None:
    """"옆집 사는 친구 만14살인데 같이 가고 싶대요" after 기술교육원's yes for a son: its no for 14 (만 15세 이상)."""
    text = "옆집 사는 친구 만14살인데 같이 가고 싶대요"
    reply = await _said(
        ActionRecommendProgrammes(), "recommend_programmes", text, [span("age", 14, text, "만14살")],
        slots={"programme": "technical_school", "last_question": "ask_eligibility", "age": 14, "residence": "seoul"},
        domain=domain, confidence=0.36,
    )
    assert "아쉽지만" in reply and "15" in reply


async def test_something_done_for_the_citizen_the_report_lacks_is_120(domain) -> None:
    """"뉴딜일자리 하면 4대보험 들어줘요?": the report says nothing of insurance (120), not what 뉴딜일자리 is."""
    text = "뉴딜일자리 하면 4대보험 들어줘요?"
    reply = await _said(
        QUESTION, "ask_programme_info", text, [span("programme", "newdeal_jobs", text, "뉴딜일자리")], domain=domain, confidence=0.46
    )
    assert "보험" in reply and "120" in reply and "직무경험" not in reply


async def test_the_amount_of_a_thing_the_report_never_mentions_is_not_the_programmes(domain) -> None:
    """"공정무역 커피 수입하는 회사인데 오늘 달러 환율 얼마에요?": not in the report (120), not 공정무역's budget."""
    text = "공정무역 커피 수입하는 회사인데 오늘 달러 환율 얼마에요?"
    reply = await _said(
        ActionAnswerDetailOrOutOfScope(), "out_of_scope", text, [span("programme", "fair_trade", text, "공정무역")],
        domain=domain, confidence=0.23,
    )
    assert "환율" in reply and "120" in reply and "691" not in reply


async def test_a_remark_before_the_question_is_no_eligibility_question(domain) -> None:
    """"남편 나이가 있어서 걱정인데 미세먼지 심한 날에도 밖에서 일을 시키는지요" while 공공근로 is discussed: its fact
    (실내근무), not the eligibility form for the age mentioned."""
    text = "남편 나이가 있어서 걱정인데 미세먼지 심한 날에도 밖에서 일을 시키는지요"
    events = [then("남편이 공공근로라도 해보겠다고 하는데요"), bot("[공공근로사업] …"), then(text)]
    tracker = make_tracker(
        "situation_low_income", text, slots={"programme": "public_works", "last_question": "ask_programme_info"},
        events=events, confidence=0.34,
    )
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "실내근무" in texts(messages)
    assert not any(e.get("event") == "followup" for e in events)


async def test_a_limit_asked_as_a_count_is_the_rule(domain) -> None:
    """"마을노무사는 직원 몇 명 이하인 가게를 봐주는건지요": 9인 이하, not the number of attorneys (50명)."""
    text = "마을노무사는 직원 몇 명 이하인 가게를 봐주는건지요"
    reply = await _said(
        SITUATION, "situation_small_workplace", text, [span("programme", "village_labour_attorney", text, "마을노무사")],
        domain=domain, confidence=0.45,
    )
    assert "9인" in reply and "50명" not in reply


async def test_a_figure_asked_with_an_age_told_by_the_way_is_the_figure(domain) -> None:
    """"동생이 예순 넘어서 퀵 오토바이를 타는데요, 합정쉼터에 하루 몇 명쯤 오는지요?": 합정쉼터's 48명 (the shelters
    have no age rule, and the story's 오토바이 is not what is asked)."""
    text = "동생이 예순 넘어서 퀵 오토바이를 타는데요, 합정쉼터에 하루 몇 명쯤 오는지요? 너무 붐비면 못 쉴것 같아서요"
    reply = await _said(
        SITUATION, "situation_rest_area", text,
        [span("age", 60, text, "예순"), span("programme", "rest_area", text, "쉼터")], domain=domain, confidence=0.68,
    )
    assert "48명" in reply and "오토바이" not in reply


async def test_a_ratio_between_city_and_districts_is_the_matching_rate(domain) -> None:
    """"그럼 예산은 시랑 구가 몇대몇으로 내요" (heard as goodbye) of 공공근로: 시·구 매칭비율 7:3 (no 시랑 unknown)."""
    reply = await _said(
        ActionGoodbye(), "goodbye", "그럼 예산은 시랑 구가 몇대몇으로 내요",
        slots={"programme": "public_works", "last_question": "ask_cost"}, domain=domain, confidence=0.38,
    )
    assert "7:3" in reply and "시랑" not in reply


async def test_a_districts_own_count_is_not_in_the_report(domain) -> None:
    """"저희 성북구 참여자만 따로 몇명인지도 나와있나요" of 뉴딜일자리: no count per district (120), no eligibility."""
    text = "저희 성북구 참여자만 따로 몇명인지도 나와있나요"
    reply = await _said(
        QUESTION, "ask_eligibility", text, [span("district", "성북구", text, "성북구")],
        slots={"programme": "newdeal_jobs", "last_question": "ask_programme_info"}, domain=domain, confidence=0.36,
    )
    assert "성북구만 따로" in reply and "120" in reply and "이용할 수" not in reply and "몇 살" not in reply


async def test_help_asked_after_a_layoff_is_what_fits(domain) -> None:
    """"만 52 도봉구 사는데 회사 구조조정으로 나왔어요 시에서 뭐 도와주는거 없나요": what fits them (기술교육원, 공공근로),
    not only whether the dismissal was fair."""
    text = "만 52 도봉구 사는데 회사 구조조정으로 나왔어요 시에서 뭐 도와주는거 없나요"
    reply = await _said(
        SITUATION, "situation_unfair_dismissal", text,
        [span("age", 52, text, "만 52"), span("district", "도봉구", text, "도봉구"), span("residence", "seoul", text, "사는데")],
        slots={"age": 52, "residence": "seoul", "district": "도봉구"}, domain=domain, confidence=0.8,
    )
    assert "기술교육원" in reply and "공공근로" in reply


async def test_a_target_and_another_year_of_a_figure_shown(domain) -> None:
    """After the ombudsman's counts by year: "올해 목표치는요" → 4,000건; "아니 17년 말고 16년도요" → 3,303건."""
    for action, intent, now in ((QUESTION, "inform", "올해 목표치는요"), (ActionAnswerNo(), "deny", "아니 17년 말고 16년도요")):
        events = [then("시민명예 노동옴부즈만 상담건수 2017년 실적 몇건이었죠"), bot(OMBUDSMAN_COUNTS), then(now)]
        tracker = make_tracker(
            intent, now, slots={"programme": "labour_ombudsman", "last_question": "ask_programme_info"}, events=events,
            confidence=0.5,
        )
        reply = texts((await run_action(action, tracker, domain))[0])
        assert "3,303" in reply and "4,000" in reply, now


async def test_good_firms_for_the_young_described_are_the_seoul_strong_smes(domain) -> None:
    """"청년이 다니기 괜찮은 중소기업 서울시에서 추천같은거 해줘요?": 서울형 강소기업 (청년이 일하기 좋은 중소기업)."""
    text = "청년이 다니기 괜찮은 중소기업 서울시에서 추천같은거 해줘요?"
    reply = await _said(QUESTION, "ask_programme_info", text, [span("target_group", "청년", text, "청년")], domain=domain)
    assert "강소기업" in reply


async def test_counts_asked_in_the_citizens_words(domain) -> None:
    """"그중에 지금 실제로 일하고 있는 인원은요" → 3,516명 (참여 인원); "카페 누적 이용자" → 32,985명; "그거 총 몇 군데까지
    지원해준대요" of 마을노무사 → 300개소 (총 asks a count here, not a budget)."""
    cases = (
        ("ask_open_now", "그중에 지금 실제로 일하고 있는 인원은요", "newdeal_jobs", "3,516", QUESTION),
        ("out_of_scope", "카페 누적 이용자", "job_cafe", "32,985", ActionAnswerDetailOrOutOfScope()),
        ("ask_programme_info", "그거 총 몇 군데까지 지원해준대요", "village_labour_attorney", "300개소", QUESTION),
    )
    for intent, now, programme, expected, action in cases:
        reply = await _said(action, intent, now, slots={"programme": programme}, domain=domain, confidence=0.55)
        assert expected in reply, now


# v221–v226 read (session 25's second batch)
FIRST_HALF = (
    "[공공근로사업] 보고서에 이렇게 나와 있어요.\n"
    "- 공공근로 상반기 선발인원: 4,951명 (’18년 상반기) — 시 142개 사업장 484명 / 구 1,714개 사업장 4,467명\n\n"
    "출처: 업무보고 「취약계층을 위한 공공근로사업 추진」, 2018년 7월 기준"
)


async def test_the_whole_year_after_a_halfs_count_is_the_years_total(domain) -> None:
    """"올해 전체로 치면 몇명임" right after 상반기's 4,951명 (whose parts the line lists): the year's 10,109명."""
    events = [then("공공근로 상반기엔 몇명 뽑았었어요"), bot(FIRST_HALF), then("올해 전체로 치면 몇명임")]
    tracker = make_tracker("out_of_scope", "올해 전체로 치면 몇명임", slots={"programme": "public_works"}, events=events, confidence=0.39)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "10,109" in reply


async def test_details_asked_around_remarks_and_set_aside_words(domain) -> None:
    """"하반기 근무는 언제까지에요" → 12.20 (까지에요 shares no 지에 with 홈페이지에서); "2기는 언제쯤 해요? 시간 맞으면
    인사담당자랑 같이 가보게" → 10월 (the reason after it asks nothing); "일당 말고 하반기 일하는 기간은 나와있어요?" → 12.20,
    not the wage again; "낮엔 일해서 밤에만 시간되는데" of 기술교육원 → its 야간 course."""
    cases = (
        ("ask_hours", "하반기 근무는 언제까지에요", "public_works", "12.20"),
        ("ask_hours", "2기는 언제쯤 해요? 시간 맞으면 인사담당자랑 같이 가보게", "labour_organisation_support", "10월"),
        ("ask_cost", "일당 말고 하반기 일하는 기간은 나와있어요?", "public_works", "12.20"),
        ("ask_hours", "낮엔 일해서 밤에만 시간되는데", "technical_school", "야간"),
    )
    for intent, now, programme, expected in cases:
        reply = await _said(QUESTION, intent, now, slots={"programme": programme}, domain=domain, confidence=0.6)
        assert expected in reply, now


async def test_closing_time_asked_with_a_reason_after_it_is_the_hours(domain) -> None:
    """"마감은 몇시? 밤늦게 끝나는 애들도 있어서" of 북창쉼터: 20:00 (the reason's "애들도 있어서" asks nothing)."""
    reply = await _said(
        QUESTION, "ask_hours", "마감은 몇시? 밤늦게 끝나는 애들도 있어서",
        slots={"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_hours"}, domain=domain, confidence=0.93,
    )
    assert "20:00" in reply and "마감’" not in reply


async def test_facts_corrected_after_a_no_heard_as_open_now_are_judged(domain) -> None:
    """"아 아니다 저 주소 옮겼어요 지금 은평구로 전입신고 돼있어요" after 취업날개's no for 고양시 (지금 heard as "open
    now?"): judged again, a yes."""
    text = "아 아니다 저 주소 옮겼어요 지금 은평구로 전입신고 돼있어요"
    reply = await _said(
        QUESTION, "ask_open_now", text, [span("district", "은평구", text, "은평구"), span("residence", "seoul", text, "전입")],
        slots={
            "programme": "interview_suit_rental", "last_question": "ask_eligibility", "age": 29, "job_status": "job_seeker",
            "residence": "seoul",
        },
        domain=domain, confidence=0.32,
    )
    assert "이용할 수 있어요" in reply and "운영시간" not in reply


async def test_a_programme_named_with_facts_the_nlu_was_unsure_of_gets_its_verdict(domain) -> None:
    """"아빠가 공공근로 하고싶어하세요 만 61세 도봉구 사시고 … 월세가 매달 80씩 들어와요" (unsure: the fallback): 공공근로's
    no (정기소득), not a list of what fits; the fallback ends so the next message does not undo it."""
    from actions.fallback import ActionDefaultAskAffirmation

    text = "아빠가 공공근로 하고싶어하세요 만 61세 도봉구 사시고 회사 그만두신지 1년 됐어요 구직등록도 하셨는데 세놓은 집에서 월세가 매달 80씩 들어와요"
    entities = [
        span("programme", "public_works", text, "공공근로"), span("age", 61, text, "만 61세"), span("residence", "seoul", text, "사시고"),
        span("job_seeker_registered", True, text, "구직등록도 하셨는데"), span("has_regular_income", True, text, "월세가 매달 80씩 들어와"),
    ]
    tracker = make_tracker(
        "nlu_fallback", text, entities,
        slots={"age": 61, "residence": "seoul", "job_seeker_registered": True, "has_regular_income": True}, confidence=0.1,
    )
    messages, events = await run_action(ActionDefaultAskAffirmation(), tracker, domain)
    assert "아쉽지만" in texts(messages) and "정기소득" in texts(messages)
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events)


async def test_more_details_in_the_citizens_words(domain) -> None:
    """"그거 끝나면 돌려받는거 맞죠?" of 기술교육원 → 환급 (끝나면 asks no date)."""
    cases = (("ask_eligibility", "그거 끝나면 돌려받는거 맞죠?", "technical_school", "환급"),)
    for intent, now, programme, expected in cases:
        reply = await _said(QUESTION, intent, now, slots={"programme": programme}, domain=domain, confidence=0.5)
        assert expected in reply and "물어보신" not in reply, now


async def test_the_site_near_a_station_named_by_its_neighbourhood(domain) -> None:
    """"상계역 근처 사는데 기술교육원 젤 가까운데 어디에요": 북부기술교육원 (노원구 상계동) alone."""
    text = "상계역 근처 사는데 기술교육원 젤 가까운데 어디에요"
    reply = await _said(
        QUESTION, "ask_location", text, [span("programme", "technical_school", text, "기술교육원")], domain=domain, confidence=0.99
    )
    assert "북부기술교육원" in reply and "고덕동" not in reply


def test_a_count_and_a_yes_no_question_are_two_questions() -> None:
    """"청년일자리센터에 스터디룸 몇개 있어요? 모의면접도 해줘요?": a count, then whether it offers one (two answers),
    though the NLU reads both as ask_programme_info."""
    from actions.questions_apart import questions_apart

    text = "청년일자리센터에 스터디룸 몇개 있어요? 모의면접도 해줘요?"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "youth_job_centre", text, "청년일자리센터")])
    first, second = text.split("? ")
    tracker.latest_message["questions"] = [
        {"text": first + "?", "start": 0, "end": len(first) + 1, "intent": {"name": "ask_programme_info", "confidence": 0.86}},
        {"text": second, "start": len(first) + 2, "end": len(text), "intent": {"name": "ask_programme_info", "confidence": 0.87}},
    ]
    assert len(questions_apart(tracker)) == 2


async def test_leaving_a_course_midway_is_the_deposit_of_the_school_discussed(domain) -> None:
    """"중간에 그만두면 돈 떼인다던데 무슨말이에요" (heard as unpaid wages) while 기술교육원 is discussed: its 예치환불제."""
    text = "중간에 그만두면 돈 떼인다던데 무슨말이에요"
    events = [then("하반기 수업은 언제 시작해요"), bot("[서울시 기술교육원] …"), then(text)]
    tracker = make_tracker(
        "situation_unpaid_wages", text, slots={"programme": "technical_school", "last_question": "ask_programme_info"},
        events=events, confidence=0.34,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "예치" in reply and "노동권익센터" not in reply


async def test_a_sibling_who_lives_with_the_asker_shares_the_home(domain) -> None:
    """"같이 사는 동생은 만 36이에요 동생은요?" after 뉴딜일자리's no for "동작구 노량진 고시원 사는 만 40살": a yes (the
    same home in Seoul), not the question where the sibling lives."""
    first = "동작구 노량진 고시원 사는 만 40살이에요 뉴딜일자리 지원해볼수 있어요?"
    text = "같이 사는 동생은 만 36이에요 동생은요?"
    events = [
        then(first, [span("residence", "seoul", first, "사는"), span("age", 40, first, "만 40살")]), bot("[뉴딜일자리] 아쉽지만 …"),
        then(text, [span("age", 36, text, "만 36")]),
    ]
    tracker = make_tracker(
        "inform", text, [span("age", 36, text, "만 36")], events=events, confidence=0.73,
        slots={"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 36, "residence": "seoul"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply


async def test_another_site_told_by_the_work_it_serves_gets_the_same_question(domain) -> None:
    """"아 서초 말고 퀵기사들 가는 데요" after 서초쉼터's daily users: 북창쉼터's line (57명), not what the shelters are."""
    first, text = "서초쉼터 하루 평균 몇명 써요", "아 서초 말고 퀵기사들 가는 데요"
    events = [then(first), bot("[休 서울노동자 쉼터] … 서초쉼터: 대리기사, … 일평균 70명 이용."), then(text)]
    tracker = make_tracker(
        "inform", text, [span("worker_type", "퀵서비스노동자", text, "퀵기사")], events=events, confidence=0.8,
        slots={"programme": "rest_area", "place": "서초쉼터", "last_question": "ask_programme_info"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "57명" in reply and "70명" not in reply
