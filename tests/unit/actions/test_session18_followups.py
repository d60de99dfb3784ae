"""Follow-ups of session 18 (v149–v154 read): a programme one is still in is asked about, not the start of a story;
"…는지는 어디다 물어봐요" in a story heard unsure says 120; "돈이 많이 드는지요"; "거긴" after a site corrected; "아 내가
헷갈렸소. 하반기 말이요"; "그 중에 기술 배우는 곳" with no programme in context; a place to do something asked, not
whether one can; a compound's tail names no programme discussed; "…인데도 받을수 있소" of a programme without rules;
an allowance in the story after the question; "둘 다 120에 물어보면 되는 거네요?"."""
from __future__ import annotations

from actions.context import corrected_question, intent_payload, profile_from_tracker
from actions.eligibility import ActionEligibilityVerdict
from actions.open_questions import ActionAnswerCapabilities
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.question_words import ASKS_IF_I_CAN, PERSON_ASKS_IF_ELIGIBLE, question_named
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session6_followups import said_before, then

YES_LIST = ("이용할 수 있어요", "신청할 수 있어요", "가능해요", "대상이에요", "해당돼요", "받을 수 있어요")


def slot(name: str, value: object) -> dict:
    return {"event": "slot", "name": name, "value": value}


async def reply_to(action: object, domain: dict, intent: str, text: str, *args: object, **kwargs: object) -> str:
    """The text of the action's reply to ``text``, heard as ``intent`` (make_tracker's arguments)."""
    return texts((await run_action(action, make_tracker(intent, text, *args, **kwargs), domain))[0])


def test_money_it_takes_is_a_price_asked_but_money_coming_in_is_not() -> None:
    assert question_named("돈이 많이 드는지요") == "ask_cost"
    assert question_named("돈 좀 들어요?") == "ask_cost"
    assert question_named("연금 말고 돈이 들어와요") is None


def test_a_place_where_one_can_do_something_is_no_can_i_question() -> None:
    assert not ASKS_IF_I_CAN.search("모의면접 연습할수있는데도 있음?")
    assert not ASKS_IF_I_CAN.search("정장 빌릴 수 있는 곳 어디예요")
    assert ASKS_IF_I_CAN.search("저 정장 빌릴 수 있어요?")


def test_a_condition_of_ones_own_asked_of_is_whether_one_may() -> None:
    assert PERSON_ASKS_IF_ELIGIBLE.search("서울시 소속 이 아니고 일반 회사 인데도 받을수 있소")
    assert not PERSON_ASKS_IF_ELIGIBLE.search("일반 회사 얘기인데 상담 내용 좀 알려줘요")


def test_a_correction_after_the_admission_of_a_mix_up_replaces_the_word() -> None:
    first = "공공근로 상반기 모집 접수 가 언제 였소"
    now = "아 내가 헷갈렸소. 하반기 말이요"
    tracker = make_tracker("inform", now, events=said_before(first) + [then(now)])
    assert corrected_question(tracker) == "공공근로 하반기 모집 접수 가 언제 였소"


async def test_a_programme_one_is_still_in_is_asked_about_not_the_start_of_a_story(domain) -> None:
    """"지금 뉴딜일자리로 일하는 중인데여 끝나고 취업하는건 따로 도와주나요??": 뉴딜일자리's own help for the way
    out (취업단계별 전문상담), not a list for job seekers."""
    now = "지금 뉴딜일자리로 일하는 중인데여 끝나고 취업하는건 따로 도와주나요??"
    named = [span("programme", "newdeal_jobs", now, "뉴딜일자리")]
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_job_search", now, named, slots={"programme": "newdeal_jobs"}, confidence=0.45,
    )
    assert "[뉴딜일자리]" in reply and "전문상담" in reply, reply


async def test_where_to_ask_in_a_story_heard_unsure_is_120(domain) -> None:
    now = "나이 말고 한번 했던 사람이 다시 참여할수 있는지는 어디다 물어봐요"
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_job_search", now, slots={"programme": "newdeal_jobs"}, confidence=0.32,
    )
    assert "120" in reply and "대신 이런 제도" not in reply, reply


async def test_money_it_takes_after_a_training_offer_is_its_price(domain) -> None:
    """"돈이 많이 드는지요" (low income at 0.37) right after 기술교육원 was offered: what it costs (예치금)."""
    now = "돈이 많이 드는지요"
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_low_income", now, slots={"programme": "technical_school"}, confidence=0.37,
    )
    assert "[서울시 기술교육원]" in reply and "예치" in reply and "공공근로" not in reply, reply


async def test_who_runs_there_after_a_site_was_corrected_is_that_sites_operator(domain) -> None:
    now = "거긴 어느 학교 에서 맡아 합니까"
    slots = {"programme": "technical_school", "place": "중부기술교육원"}
    reply = await reply_to(ActionAnswerProgrammeQuestion(), domain, "ask_location", now, slots=slots, confidence=0.41)
    assert "명지전문대학" in reply and "경복대학교" not in reply, reply


async def test_the_one_of_a_list_of_what_fits_described_is_answered_without_a_programme_in_context(domain) -> None:
    """"그 중에 기술 배우는 곳은 송파 에서 가까운 데가 어디요" after 기술교육원 and 공공근로 were listed."""
    buttons = [
        {"title": "서울시 기술교육원", "payload": intent_payload("ask_programme_info", programme="technical_school")},
        {"title": "공공근로사업", "payload": intent_payload("ask_programme_info", programme="public_works")},
    ]
    first = "집사람이 55세 인데 다시 일을 해보고 싶어 합니다. 서울 송파구 살고 지금 일은 안 합니다. 추천 좀 부탁 드립니다"
    now = "그 중에 기술 배우는 곳은 송파 에서 가까운 데가 어디요"
    told = [span("district", "송파구", now, "송파")]
    events = said_before(first, bot="말씀하신 조건(만 55세, 서울 거주)으로 이용할 수 있는 제도예요:", buttons=buttons)
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "ask_location", now, told, events=events + [then(now, told)], confidence=0.61,
    )
    assert "[서울시 기술교육원]" in reply and "동부기술교육원" in reply, reply


async def test_a_place_to_practise_asked_is_the_programme_that_offers_it_not_a_verdict(domain) -> None:
    """"모의면접 연습할수있는데도 있음?" after 취업날개 and 뉴딜일자리 for a 29-year-old: 청년일자리센터 (모의면접), not
    a verdict on 취업날개 (whose alias "면접 정장" the tail of 모의면접 is not)."""
    first = "취업날개로 정장 빌려서 면접은 봤는데 떨어졌어요.. 29살 서울 사는 취준생인데 다른 지원 뭐 있어요"
    second = "뉴딜은 올해 몇명이나 뽑아요?"
    now = "모의면접 연습할수있는데도 있음?"
    events = said_before(first) + [slot("programme", "interview_suit_rental")] + said_before(second) + [
        slot("programme", "newdeal_jobs"), then(now),
    ]
    slots = {"age": 29, "residence": "seoul", "job_status": "job_seeker", "programme": "newdeal_jobs"}
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_study_space", now, slots=slots, events=events, confidence=0.9,
    )
    assert "청년일자리센터" in reply and not any(word in reply for word in YES_LIST), reply


async def test_a_condition_of_ones_own_asked_of_a_programme_without_rules_is_whom_it_serves(domain) -> None:
    now = "서울시 소속 이 아니고 일반 회사 인데도 받을수 있소"
    tracker = make_tracker(
        "recommend_programmes", now, slots={"programme": "emotional_labour_protection"}, confidence=0.33
    )
    messages, events = await run_action(ActionRecommendProgrammes(), tracker, domain)
    assert {"event": "followup", "timestamp": None, "name": "eligibility_form"} in events, (messages, events)
    # the form has nothing to ask of a programme without rules: the verdict says whom the report says it serves
    verdict = make_tracker(
        "recommend_programmes", now, slots={"programme": "emotional_labour_protection", "last_question": "ask_eligibility"},
        confidence=0.33,
    )
    reply = texts((await run_action(ActionEligibilityVerdict(), verdict, domain))[0])
    assert "민간" in reply and "120" in reply, reply


async def test_an_allowance_in_the_story_after_the_question_is_not_what_is_asked(domain) -> None:
    now = "편의점 알바생인데 마을노무사가 뭐에요?? 사장님이 주휴수당 얘기만 꺼내면 짜증냄"
    named = [span("programme", "village_labour_attorney", now, "마을노무사")]
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "ask_programme_info", now, named, slots={"programme": "village_labour_attorney"}, confidence=0.39,
    )
    assert "9인" in reply and "주휴수당" not in reply, reply


async def test_both_just_discussed_sent_to_120_is_no_question_about_one_of_them(domain) -> None:
    first, second = "취업날개 전화번호 좀요", "아 그리고 뉴딜 홈페이지 주소도요"
    now = "결국 둘 다 120에 물어보면 되는 거네요?"
    events = (
        said_before(first, [span("programme", "interview_suit_rental", first, "취업날개")])
        + said_before(second, [span("programme", "newdeal_jobs", second, "뉴딜")]) + [then(now)]
    )
    tracker = make_tracker("ask_capabilities", now, slots={"programme": "newdeal_jobs"}, events=events, confidence=0.49)
    messages, _ = await run_action(ActionAnswerCapabilities(), tracker, domain)
    # what the assistant can do, which ends on where to ask what the report lacks (120); not 취업날개's summary
    assert [m.get("response") for m in messages] == ["utter_capabilities"], messages


async def test_what_it_is_asked_before_a_story_of_it_being_free_is_what_it_is(domain) -> None:
    """"취업날개 그거 머야?? 친구가 정장 공짜로 빌렸다던데ㅋㅋ" (a price to the NLU): what it is, not only 무료."""
    now = "취업날개 그거 머야?? 친구가 정장 공짜로 빌렸다던데ㅋㅋ"
    named = [span("programme", "interview_suit_rental", now, "취업날개")]
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "ask_cost", now, named, slots={"programme": "interview_suit_rental"}, confidence=0.7,
    )
    assert "면접 정장" in reply and "헤어메이크업" in reply, reply


async def test_a_night_course_asked_is_the_night_course_not_the_hours(domain) -> None:
    now = "낮엔 알바해서 밤에 수업 들을수있나"
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "ask_hours", now, slots={"programme": "technical_school"}, confidence=0.3,
    )
    assert "야간" in reply and "운영시간은" not in reply, reply


async def test_a_thing_heard_of_in_a_story_heard_as_a_need_is_the_reports_fact_that_names_it(domain) -> None:
    now = "특성화고 다니는데 멘토스쿨 같은것도 있다며"
    reply = await reply_to(ActionAnswerSituation(), domain, "situation_job_training", now, confidence=0.33)
    assert "멘토스쿨" in reply and "[청년일자리센터]" in reply, reply


async def test_among_a_list_the_one_named_only_in_its_text_that_offers_it_is_answered(domain) -> None:
    """"그중에 모의면접 해주는데는 어디야" after what fits a 23-year-old (청년일자리센터 in the text, not a button)."""
    buttons = [
        {"title": "취업날개 서비스", "payload": intent_payload("ask_programme_info", programme="interview_suit_rental")},
        {"title": "뉴딜일자리", "payload": intent_payload("ask_programme_info", programme="newdeal_jobs")},
    ]
    listed = (
        "말씀하신 조건(만 23세, 서울 거주, 구직 중)으로 이용할 수 있는 제도예요:\n- 취업날개 서비스: 조건에 맞아요\n"
        "- 청년일자리센터, 일자리카페, 서울형 강소기업: 보고서가 청년을 대상으로 적은 곳으로, 따로 자격 조건이 없어요"
    )
    now = "그중에 모의면접 해주는데는 어디야"
    events = said_before("23살 서울 살고 졸업 앞둔 취준생인데 뭐 받을 수 있어?", bot=listed, buttons=buttons) + [then(now)]
    slots = {"age": 23, "residence": "seoul", "job_status": "job_seeker"}
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_interview_suit", now, slots=slots, events=events, confidence=0.18,
    )
    assert "[청년일자리센터]" in reply and "[취업날개 서비스]" not in reply, reply


async def test_a_wage_asked_for_a_client_whose_facts_are_told_is_the_wage_not_a_verdict(domain) -> None:
    now = "구청 일자리상담사예요. 내담자(29세, 은평구 거주)한테 뉴딜일자리 근무조건 설명해야되는데 시급이 얼마로 나와요?"
    told = [
        span("age", 29, now, "29세"), span("district", "은평구", now, "은평구"), span("residence", "seoul", now, "은평구"),
        span("programme", "newdeal_jobs", now, "뉴딜일자리"),
    ]
    slots = {"age": 29, "residence": "seoul", "district": "은평구", "programme": "newdeal_jobs"}
    reply = await reply_to(ActionAnswerProgrammeQuestion(), domain, "ask_cost", now, told, slots=slots, confidence=0.89)
    assert "9,220" in reply and not any(word in reply for word in YES_LIST), reply


async def test_an_age_range_asked_without_facts_is_the_rule(domain) -> None:
    """"뉴딜 나이 범위 정확하게 몇세부터 몇세" (facts to the NLU at 0.22, none told): 만 18세 이상, 만 39세 이하."""
    now = "뉴딜 나이 범위 정확하게 몇세부터 몇세"
    named = [span("programme", "newdeal_jobs", now, "뉴딜")]
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "inform", now, named, slots={"programme": "newdeal_jobs", "age": 35}, confidence=0.22,
    )
    assert "18세" in reply and "39세" in reply, reply


async def test_a_vendor_named_as_if_one_applied_there_says_how_to_apply_is_unknown(domain) -> None:
    """"취업날개 그냥 열린옷장 가서 말하면 신청 같은 거 없이 바로 빌려주는 거 맞죠?": the report names 열린옷장 as a
    vendor (’18.2월 선정) but not how one applies (120)."""
    now = "취업날개 그냥 열린옷장 가서 말하면 신청 같은 거 없이 바로 빌려주는 거 맞죠?"
    named = [span("programme", "interview_suit_rental", now, "취업날개")]
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "ask_how_to_apply", now, named, slots={"programme": "interview_suit_rental"}, confidence=0.9,
    )
    assert "120" in reply, reply


async def test_a_programme_outgrown_at_the_start_of_a_story_leaves_the_next_one_in_focus(domain) -> None:
    """"일자리카페에서 면접스터디 해왔는데 인원이 10명 넘어가서 너무 좁아요 더 넓은 공간 없나": the places for a study
    group, and 청년일자리센터 (not the café outgrown) in context for "그 센터에 스터디룸은 몇개 있어요"."""
    now = "일자리카페에서 면접스터디 해왔는데 인원이 10명 넘어가서 너무 좁아요 더 넓은 공간 없나"
    named = [span("programme", "job_cafe", now, "일자리카페")]
    tracker = make_tracker("situation_study_space", now, named, slots={"programme": "job_cafe"}, confidence=0.65)
    messages, events = await run_action(ActionAnswerSituation(), tracker, domain)
    assert "청년일자리센터" in texts(messages), texts(messages)
    assert slot("programme", "youth_job_centre") in [{k: v for k, v in e.items() if k != "timestamp"} for e in events]


async def test_a_study_room_asked_of_the_listed_place_is_not_a_word_of_another_programme(domain) -> None:
    """"그 중에 공부할 공간 빌려주는 데는요?" after what fits: not 취업날개 (whose 운영업체 "빌려주는 데" reads as)."""
    listed = (
        "말씀하신 조건(만 21세, 서울 거주, 구직 중)으로 이용할 수 있는 제도예요:\n- 취업날개 서비스: 조건에 맞아요\n"
        "- 청년일자리센터, 일자리카페, 서울형 강소기업: 보고서가 청년을 대상으로 적은 곳으로, 따로 자격 조건이 없어요"
    )
    buttons = [{"title": "취업날개 서비스", "payload": intent_payload("ask_programme_info", programme="interview_suit_rental")}]
    now = "그 중에 공부할 공간 빌려주는 데는요?"
    events = said_before("21살 서울 사는 대학교 4학년이에요 추천해주세요", bot=listed, buttons=buttons) + [then(now)]
    slots = {"age": 21, "residence": "seoul", "job_status": "job_seeker"}
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_study_space", now, slots=slots, events=events, confidence=1.0,
    )
    assert "스터디룸" in reply and "[취업날개 서비스]" not in reply, reply


async def test_what_work_a_programme_gives_asked_by_someone_who_lost_a_job_is_what_it_is(domain) -> None:
    now = "바깥양반이 공장서 실직을 했어요. 공공근로라는 게 대체 어떤 일을 하는 건가요"
    told = [span("job_status", "unemployed", now, "실직"), span("programme", "public_works", now, "공공근로")]
    reply = await reply_to(
        ActionAnswerProgrammeQuestion(), domain, "ask_programme_info", now, told, slots={"programme": "public_works", "job_status": "unemployed"},
    )
    assert "공공부문 일자리" in reply and "몇 살" not in reply, reply


async def test_help_the_programme_in_context_does_not_give_is_the_situations(domain) -> None:
    """"그럼 우리 가게처럼 작은데도 노무 상담 받아볼 방법 있어요?" while 노동시간 단축 is discussed: 마을노무사."""
    now = "그럼 우리 가게처럼 작은데도 노무 상담 받아볼 방법 있어요?"
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_small_workplace", now, slots={"programme": "working_hours_reduction"}, confidence=0.88,
    )
    assert "마을노무사" in reply and "[노동시간 단축]" not in reply, reply


async def test_an_age_supposed_next_year_after_a_no_is_judged(domain) -> None:
    """"내년이면 열다섯 되는데 그땐 되는거요?" after 기술교육원's no for 14: the verdict for 15."""
    first = "손자가 열네 살인데 기술교육원 다닐 수 있소? 서울 사오"
    now = "내년이면 열다섯 되는데 그땐 되는거요?"
    told = [span("age", 15, now, "열다섯")]
    events = said_before(first, bot="[서울시 기술교육원] 아쉽지만 조건에 맞지 않아요.") + [then(now, told)]
    slots = {"age": 15, "residence": "seoul", "programme": "technical_school", "last_question": "ask_eligibility"}
    reply = await reply_to(
        ActionRecommendProgrammes(), domain, "recommend_programmes", now, told, slots=slots, events=events, confidence=0.5,
    )
    assert "[서울시 기술교육원]" in reply and any(word in reply for word in YES_LIST), reply


async def test_whether_it_is_free_asked_with_can_i_is_not_only_a_verdict(domain) -> None:
    """"면접 때 입을 정장은 공짜로 빌릴 수 있는 거죠?" from a 27-year-old job seeker: the verdict, and that it is free."""
    now = "면접 때 입을 정장은 공짜로 빌릴 수 있는 거죠?"
    slots = {"age": 27, "residence": "seoul", "job_status": "job_seeker"}
    reply = await reply_to(
        ActionAnswerSituation(), domain, "situation_interview_suit", now, slots=slots, confidence=0.99,
    )
    assert "무료" in reply and "취업날개" in reply, reply


async def test_a_sibling_living_with_the_asker_shares_the_home(domain) -> None:
    """"같이 사는 동생은 28살인데 걔도 취준중이거든요 걔는 돼요?" after the asker (서울 마포구, 35) was told no."""
    first = "서울 마포구 사는 35살 취준생이에요 면접정장 무료로 빌릴수 있나요?"
    now = "같이 사는 동생은 28살인데 걔도 취준중이거든요 걔는 돼요?"
    told_first = [
        span("residence", "seoul", first, "서울"), span("age", 35, first, "35살"), span("job_status", "job_seeker", first, "취준생"),
    ]
    told = [span("age", 28, now, "28살"), span("job_status", "job_seeker", now, "취준중")]
    events = said_before(first, told_first, bot="[취업날개 서비스] 아쉽지만 조건에 맞지 않아요.") + [then(now, told)]
    slots = {"age": 28, "residence": "seoul", "job_status": "job_seeker", "programme": "interview_suit_rental"}
    profile = profile_from_tracker(make_tracker("ask_eligibility", now, told, slots=slots, events=events))
    assert profile.age == 28 and profile.seoul_resident is True, profile


async def test_the_one_of_a_list_open_on_the_day_asked_is_its_hours(domain) -> None:
    """"그중에 토요일에 직접 찾아갈수 있는데는?" after what fits a 26-year-old: 청년일자리센터, open Saturdays."""
    listed = (
        "말씀하신 조건(만 26세, 서울 거주, 구직 중)으로 이용할 수 있는 제도예요:\n- 취업날개 서비스: 조건에 맞아요\n"
        "- 청년일자리센터, 일자리카페, 서울형 강소기업: 보고서가 청년을 대상으로 적은 곳으로, 따로 자격 조건이 없어요"
    )
    buttons = [{"title": "취업날개 서비스", "payload": intent_payload("ask_programme_info", programme="interview_suit_rental")}]
    now = "그중에 토요일에 직접 찾아갈수 있는데는?"
    told = [span("weekday", "sat", now, "토요일")]
    events = said_before("서울 도봉구 사는 26살 취준생인데 지원 다 알려주세요", bot=listed, buttons=buttons) + [then(now, told)]
    reply = await reply_to(ActionAnswerProgrammeQuestion(), domain, "ask_hours", now, told, events=events, confidence=0.28)
    assert "[청년일자리센터]" in reply and "10:00" in reply, reply
