"""Follow-ups of session 16: a need described after a list of what fits is judged for the citizen ("면접정장
빌리는거는"); the weather asked on a day the bot has hours for; a yes glued to a question ("ㅇㅋ신청은"); a site found
by the work it serves; a rule asked after a no is no question about an alternative offered; another person's facts
after a verdict ("그 친구는?"); one programme's next steps are no list; the area of a site; a term of the report
inflected apart; the day asked of a list whose text names more than its buttons."""
from __future__ import annotations

from actions.context import intent_payload
from actions.open_questions import ActionAcknowledge, ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before, then

QUESTION = ActionAnswerProgrammeQuestion()
NO_LIST = ("아쉽지만", "조건에 맞지 않", "어렵", "해당되지 않", "수 없어요", "불가", "안 돼요", "안돼요", "아닙니다")


def buttons(*slugs: str, intent: str = "ask_programme_info") -> list:
    return [{"title": slug, "payload": intent_payload(intent, programme=slug)} for slug in slugs]


FITS_FOR_37 = said_before(
    "37살 서울 구직중 뭐있음",
    bot="말씀하신 조건(만 37세, 서울 거주, 구직 중)으로 이용할 수 있는 제도예요:\n- 뉴딜일자리: 조건에 맞아요\n"
    "- 청년일자리센터, 일자리카페, 서울형 강소기업: 보고서가 청년을 대상으로 적은 곳으로, 따로 자격 조건이 없어요",
    buttons=buttons("newdeal_jobs", "technical_school", "public_works"),
)
PROFILE_37 = {"age": 37, "residence": "seoul", "job_status": "job_seeker"}


async def test_a_need_named_right_after_what_fits_is_judged_for_them(domain) -> None:
    """"면접정장 빌리는거는" right after what fits a 37-year-old: no, 취업날개 is up to 34 (not the list of help)."""
    now = "면접정장 빌리는거는"
    named = [span("programme", "interview_suit_rental", now, "면접정장")]
    tracker = make_tracker(
        "situation_interview_suit", now, named, slots=PROFILE_37, events=FITS_FOR_37 + [then(now, named)], confidence=1.0,
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert any(word in reply for word in NO_LIST) and "34" in reply and "청년일자리센터:" not in reply, reply


async def test_a_need_described_after_a_word_on_another_programme_is_judged_for_them(domain) -> None:
    """"면접 보러 갈 정장도 빌릴 수 있어요?" while 공공근로 is discussed, for a 52-year-old: 취업날개's no, not a yes
    for 공공근로."""
    now = "면접 보러 갈 정장도 빌릴 수 있어요?"
    profile = {"age": 52, "residence": "seoul", "job_status": "job_seeker", "programme": "public_works"}
    events = said_before("공공근로는 무슨 일 하는 거예요?", bot="[공공근로사업] …") + [then(now)]
    tracker = make_tracker("situation_interview_suit", now, slots=profile, events=events, confidence=1.0)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "[취업날개 서비스]" in reply and "34" in reply and any(word in reply for word in NO_LIST), reply


async def test_the_weather_on_a_day_is_out_of_scope(domain) -> None:
    """"이번주 토요일에 비와요?": not 청년일자리센터's Saturday hours."""
    now = "이번주 토요일에 비와요?"
    tracker = make_tracker("out_of_scope", now, [span("weekday", "sat", now, "토요일")], confidence=0.47)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "안내할 수 있는 내용이 아니" in reply and "10:00" not in reply and "오전10시" not in reply, reply


async def test_a_yes_glued_to_a_question_is_the_question(domain) -> None:
    """"ㅇㅋ신청은" (heard as a yes) after 뉴딜일자리's verdict: how to apply (online), not an acknowledgement."""
    now = "ㅇㅋ신청은"
    slots = {"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 39, "residence": "seoul"}
    tracker = make_tracker("affirm", now, slots=slots, events=said_before("아 만으로39임", bot="[뉴딜일자리] …") + [then(now)])
    reply = texts((await run_action(ActionAcknowledge(), tracker, domain))[0])
    assert "온라인" in reply and "언제든 물어보세요" not in reply, reply


async def test_hours_asked_of_a_site_found_by_the_work_it_serves(domain) -> None:
    """"방송 스탭들 쉬라고 만든 공간 있다던데 몇시부터 몇시까지 해요": 상암쉼터's hours, not "which programme?"."""
    now = "방송 스탭들 쉬라고 만든 공간 있다던데 몇시부터 몇시까지 해요"
    tracker = make_tracker("ask_hours", now, [span("worker_type", "미디어 노동자", now, "방송 스탭")])
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "09:30" in texts(messages) and "상암" in texts(messages), texts(messages)
    assert slots_of(events)["programme"] == "rest_area"


async def test_a_rule_asked_after_a_no_is_of_the_programme_judged(domain) -> None:
    """"나이 상한이 몇살까지인데" after 뉴딜일자리's no for a 41-year-old (기술교육원, whose 예치금 상한 the report
    gives, among the alternatives): the eligibility check goes on for 뉴딜일자리 (its verdict says 39), not for
    기술교육원."""
    now = "나이 상한이 몇살까지인데"
    events = said_before(
        "나 마흔하나인데 서울 살아. 시에서 월급주고 직무경험 쌓게 해주는 사업 할수있어?",
        bot="[뉴딜일자리] 아쉽지만 조건에 맞지 않아요.", buttons=buttons("seoul_job_centre", "technical_school", "public_works"),
    ) + [then(now)]
    slots = {"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 41, "residence": "seoul"}
    tracker = make_tracker("ask_eligibility", now, slots=slots, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert slots_of(events)["programme"] == "newdeal_jobs" and "[서울시 기술교육원]" not in texts(messages), events


async def test_another_persons_facts_after_a_verdict_are_judged(domain) -> None:
    """"직원 중에 경기도 군포 사는 30살 있는데 그 친구는?" after a verdict on 기술교육원: no (서울시민), not a list."""
    now = "직원 중에 경기도 군포 사는 30살 있는데 그 친구는?"
    told = [span("residence", "outside", now, "경기도 군포"), span("age", 30, now, "30살")]
    slots = {"programme": "technical_school", "last_question": "ask_eligibility", "age": 30, "residence": "outside"}
    events = said_before("가게 일 돕는 조카가 14살인데 기술교육원 다닐수 있어? 서울 살아", bot="[서울시 기술교육원] 아쉽지만 …")
    tracker = make_tracker("recommend_programmes", now, told, slots=slots, events=events + [then(now, told)], confidence=0.72)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "[서울시 기술교육원]" in reply and "서울" in reply and any(word in reply for word in NO_LIST), reply


async def test_one_programmes_next_steps_are_no_list(domain) -> None:
    """"노원 사는 친구는 어디로 가면 돼" after 동부기술교육원 (its buttons: who, how to apply): 북부 in 상계동, not
    "the places just listed" with 기술교육원 twice."""
    now = "노원 사는 친구는 어디로 가면 돼"
    told = [span("district", "노원구", now, "노원")]
    events = said_before(
        "기술 배울 수 있는 학교 서울시에서 하는거 강동 쪽에도 있나요?", bot="[서울시 기술교육원] 동부기술교육원: 강동구 고덕동 …",
        buttons=buttons("technical_school", intent="ask_eligibility") + buttons("technical_school", intent="ask_how_to_apply"),
    ) + [then(now, told)]
    slots = {"programme": "technical_school", "place": "동부기술교육원", "district": "노원구"}
    tracker = make_tracker("ask_location", now, told, slots=slots, events=events, confidence=0.61)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상계동" in reply and "방금 말씀드린 곳들" not in reply, reply


async def test_the_area_of_a_site_asked_with_which(domain) -> None:
    """"거기 무슨 동이에요" (a question about the programme to the NLU) after 중부기술교육원: 한남동."""
    now = "거기 무슨 동이에요"
    slots = {"programme": "technical_school", "place": "중부기술교육원", "last_question": "ask_hours"}
    events = said_before("중부기술교육원 몇시까지 해요?", bot="[서울시 기술교육원] 운영시간은 …") + [then(now)]
    tracker = make_tracker("ask_programme_info", now, slots=slots, events=events, confidence=0.93)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "한남동" in reply, reply


async def test_a_term_whose_words_the_report_inflects_apart(domain) -> None:
    """"근로조건 자율개선사업 제외 사업장이라는게 무슨말임": where the report uses it ("…에서 제외된 사업장") and 120
    for what it means, not the eligibility form's question."""
    now = "근로조건 자율개선사업 제외 사업장이라는게 무슨말임"
    tracker = make_tracker("ask_eligibility", now, slots={"programme": "village_labour_attorney"}, confidence=0.5)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "제외된 사업장" in reply and "120" in reply and "몇 명인가요" not in reply, reply


async def test_the_day_asked_of_a_list_whose_text_names_more_than_its_buttons(domain) -> None:
    """"그중에 토요일에 갈수있는데는 어디에요?" after what fits a 28-year-old (청년일자리센터 named in the text only):
    the centre's Saturday hours."""
    now = "그중에 토요일에 갈수있는데는 어디에요?"
    told = [span("weekday", "sat", now, "토요일")]
    events = FITS_FOR_37 + [then(now, told)]
    tracker = make_tracker("ask_location", now, told, slots=PROFILE_37, events=events, confidence=0.6)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청년일자리센터" in reply and "10:00" in reply, reply


EMOTIONAL_LABOUR = said_before(
    "감정노동보호센터 생긴다던데 그게 뭐예여",
    bot="[감정노동 보호] 서울시가 지자체 최초로 감정노동자 보호 가이드라인을 만들었고 …",
    buttons=buttons("emotional_labour_protection", intent="ask_hours"),
)


async def test_whether_staff_may_use_a_programme_without_rules_is_whom_it_serves(domain) -> None:
    """"저는 민간회사 소속인데 저도 상담 되는거죠?" and "저희 같은 민간 가게 직원들도 상담 돼요?" (a small workplace to
    the NLU) of 감정노동 보호: whom the report says it serves (민간부문), not "회사" unknown nor 마을노무사."""
    slots = {"programme": "emotional_labour_protection"}
    now = "저는 민간회사 소속인데 저도 상담 되는거죠?"
    tracker = make_tracker("ask_eligibility", now, slots=slots, events=EMOTIONAL_LABOUR + [then(now)], confidence=0.96)
    messages, events = await run_action(QUESTION, tracker, domain)
    # (the eligibility check says it: the report sets no rules, and whom it serves)
    assert "‘회사’" not in texts(messages) and slots_of(events)["last_question"] == "ask_eligibility", (messages, events)
    now = "저희 같은 민간 가게 직원들도 상담 돼요?"
    tracker = make_tracker(
        "situation_small_workplace", now, slots=slots, events=EMOTIONAL_LABOUR + [then(now)], confidence=0.8
    )
    messages, events = await run_action(ActionAnswerSituation(), tracker, domain)
    assert "마을노무사" not in texts(messages) and slots_of(events)["last_question"] == "ask_eligibility", (messages, events)


async def test_harassment_heard_while_customers_abuse_is_discussed_is_customers_abuse(domain) -> None:
    """"직원들이 직접 상담받을 곳도 있나요" (workplace harassment to the NLU) while 감정노동 보호 is discussed: its
    counselling and healing programme, not the advice for abuse by a boss."""
    now = "직원들이 직접 상담받을 곳도 있나요"
    tracker = make_tracker(
        "situation_workplace_harassment", now, slots={"programme": "emotional_labour_protection"},
        events=EMOTIONAL_LABOUR + [then(now)], confidence=0.65,
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "치유" in reply and "괴롭힘" not in reply, reply


async def test_the_places_giving_labour_advice_free(domain) -> None:
    """"직원들이 노동상담 공짜로 받을데도 알려줘요" after help for customers' abuse: the places the report calls free
    (노동권리보호관, 옴부즈만), not "the cost of 감정노동 보호 is unknown"."""
    now = "직원들이 노동상담 공짜로 받을데도 알려줘요"
    events = said_before(
        "직원들 진상손님 때문에 스트레스 받는건요", bot="고객의 폭언은 참아야 하는 일이 아니에요. …",
        buttons=buttons("labour_rights_centre", "emotional_labour_protection"),
    ) + [then(now)]
    tracker = make_tracker(
        "situation_workplace_harassment", now, slots={"programme": "emotional_labour_protection"}, events=events,
        confidence=0.45, ranking=[{"name": "situation_workplace_harassment", "confidence": 0.45}, {"name": "ask_cost", "confidence": 0.3}],
    )
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "노동권리보호관" in reply and "무료" in reply and "비용은 제가 가진 자료에" not in reply, reply


def test_weather_words_are_not_read_inside_other_words() -> None:
    from actions.open_questions import WEATHER_ASKED

    for weather in ("이번주 토요일에 비와요?", "내일 눈 온대요?", "오늘 날씨 어때"):
        assert WEATHER_ASKED.search(weather), weather
    for other in ("서류 준비와 면접 연습", "미세먼지 심한 날 실내근무 해요?"):
        assert not WEATHER_ASKED.search(other), other


def test_where_a_past_event_was_held_is_a_location_question() -> None:
    from actions.question_words import question_named

    assert question_named("어디서 했는데") == "ask_location" and question_named("어디서 열렸어요") == "ask_location"
    assert question_named("어디서 신청했어요") == "ask_how_to_apply"


async def test_besides_is_no_correction(domain) -> None:
    """"정장 말고 또 해주는거 있어요?" after where 열린옷장 is: what else 취업날개 does (사진, 헤어), not its address again."""
    now = "정장 말고 또 해주는거 있어요?"
    events = said_before("열린옷장 거기 주소좀 알려주세요", bot="[취업날개 서비스] 위치(주소)는 …") + [then(now)]
    slots = {"programme": "interview_suit_rental", "last_question": "ask_location"}
    tracker = make_tracker("situation_interview_suit", now, slots=slots, events=events, confidence=0.52)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "헤어" in reply and "위치(주소)" not in reply, reply


async def test_the_listed_programme_made_for_a_need(domain) -> None:
    """"그중에 기술 배우는데는 어디어디 있어요" after what fits a 28-year-old: 기술교육원's four sites, not the
    address of the programme discussed before the list."""
    now = "그중에 기술 배우는데는 어디어디 있어요"
    events = said_before(
        "28살이고 서울 은평구 살아요 받을수있는거 다 알려줘요", bot="말씀하신 조건(만 28세, …)으로 이용할 수 있는 제도예요: …",
        buttons=buttons("interview_suit_rental", "newdeal_jobs", "technical_school", "public_works"),
    ) + [then(now)]
    slots = {"programme": "labour_rights_protector", "age": 28, "residence": "seoul"}
    tracker = make_tracker("situation_job_training", now, slots=slots, events=events, confidence=0.98)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "상계동" in reply and "한남동" in reply and "[노동권리보호관]" not in reply, reply


async def test_a_thing_asked_free_gets_its_price(domain) -> None:
    """"스터디룸 쓰는것도 돈 안받는거 맞죠?" of 일자리카페: that it offers study rooms, and that it is free."""
    now = "스터디룸 쓰는것도 돈 안받는거 맞죠?"
    tracker = make_tracker("ask_cost", now, slots={"programme": "job_cafe"}, confidence=0.75)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "스터디룸" in reply and "무료" in reply, reply


async def test_this_person_and_a_programme_after_what_fits_them(domain) -> None:
    """"이분 뉴딜일자리는요?" right after what fits a 52-year-old: no (39), not what 뉴딜일자리 is."""
    now = "이분 뉴딜일자리는요?"
    named = [span("programme", "newdeal_jobs", now, "뉴딜일자리")]
    events = said_before(
        "52세 남성분인데 서울 살고 소득 없고 구직등록 했어요", bot="말씀하신 조건(만 52세, …)으로 이용할 수 있는 제도예요: …",
        buttons=buttons("public_works", "technical_school"),
    ) + [then(now, named)]
    slots = {"age": 52, "residence": "seoul", "job_status": "job_seeker"}
    tracker = make_tracker("ask_programme_info", now, named, slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert any(word in reply for word in NO_LIST) and "39" in reply, reply
