"""Follow-ups found on the held-out conversations read in session 6: a programme corrected after a detail, a
question right after a list, a detail of the programme just judged, and who a programme without rules is for."""
from __future__ import annotations

from typing import Any, Dict, List

from actions.eligibility import ActionEligibilityVerdict
from actions.open_questions import ActionAcknowledge, ActionAnswerDetailOrOutOfScope, ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from tests.unit.actions.conftest import entity, make_tracker, run_action, slots_of, span, texts

QUESTION = ActionAnswerProgrammeQuestion()


def said_before(text: str, entities: List[Dict[str, Any]] = (), bot: str = "", buttons: List[Dict[str, str]] = ()) -> list:
    """The events of an earlier turn: the citizen's message (as the NLU read it) and the bot's reply."""
    return [
        {"event": "user", "text": text, "parse_data": {"text": text, "entities": entities}},
        {"event": "bot", "text": bot, "data": {"buttons": list(buttons)}},
    ]


def then(text: str, entities: List[Dict[str, Any]] = ()) -> Dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"text": text, "entities": list(entities)}}


async def test_a_count_asked_of_one_programme_then_corrected_is_the_other_ones_count(domain) -> None:
    """"노동옴부즈만 구마다 몇명있어?" then "ㄴㄴ 노동권리보호관 말한거": the protectors' number (50), not their summary."""
    first = "노동옴부즈만 구마다 몇명있어?"
    now = "ㄴㄴ 노동권리보호관 말한거"
    named = [span("programme", "labour_rights_protector", now, "노동권리보호관")]
    events = said_before(first, [span("programme", "labour_ombudsman", first, "노동옴부즈만")]) + [then(now, named)]
    tracker = make_tracker("inform", now, named, slots={"programme": "labour_ombudsman"}, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "50명" in texts(messages) and "[노동권리보호관]" in texts(messages)
    assert slots_of(events)["programme"] == "labour_rights_protector"


async def test_a_correction_heard_as_a_no_answers_about_the_programme_named(domain) -> None:
    """"아 아니 그거 말고 좋은일자리 국제포럼이요" (read as a no) after the date of 사회적경제 주간: the forum's date."""
    first = "사회적경제 주간 행사 언제 해요?"
    now = "아 아니 그거 말고 좋은일자리 국제포럼이요"
    named = [span("programme", "decent_work_forum", now, "좋은일자리 국제포럼")]
    events = said_before(first, [span("programme", "social_economy_week", first, "사회적경제 주간")]) + [then(now, named)]
    tracker = make_tracker("deny", now, named, slots={"programme": "social_economy_week"}, events=events)
    reply = texts((await run_action(ActionAnswerNo(), tracker, domain))[0])
    assert "12월 11일" in reply and "이런 걸 물어보실 수 있어요" not in reply


async def test_a_no_that_asks_a_detail_of_a_programme_is_that_detail(domain) -> None:
    """"서울교통공사 정규직 전환 몇명 됐어" read as a no: the number, not the programme's summary."""
    text = "서울교통공사 정규직 전환 몇명 됐어"
    named = [span("programme", "regularisation", text, "정규직 전환")]
    tracker = make_tracker("deny", text, named)
    assert "1,285" in texts((await run_action(ActionAnswerNo(), tracker, domain))[0])


async def test_a_question_right_after_a_list_is_about_its_first(domain) -> None:
    """"어떤 일 하는 거예요?" right after a list of what fits a 63-year-old: 공공근로 (first), named in the reply."""
    buttons = [
        {"title": "공공근로사업", "payload": '/ask_programme_info{"programme": "public_works"}'},
        {"title": "서울시 기술교육원", "payload": '/ask_programme_info{"programme": "technical_school"}'},
    ]
    events = said_before("혼자 사는 63세에요. 할만한 거 있을까요", [], "말씀하신 조건(만 63세)으로 …", buttons)
    tracker = make_tracker("ask_programme_info", "어떤 일 하는 거예요?", events=events + [then("어떤 일 하는 거예요?")])
    messages, events = await run_action(QUESTION, tracker, domain)
    assert texts(messages).startswith("[공공근로사업]") and slots_of(events)["programme"] == "public_works"
    # with no list just before, the question of which programme is still asked
    alone = make_tracker("ask_programme_info", "어떤 일 하는 거예요?")
    assert "어떤 제도(프로그램)가 궁금하세요?" in texts((await run_action(QUESTION, alone, domain))[0])


async def test_a_detail_of_the_programme_just_judged_is_not_a_new_list(domain) -> None:
    """"기초수급자면 혜택 같은거 있나요" after 기술교육원 said yes to a 65-year-old in Seoul (read as a
    recommendation): its priority for 기초생활수급자; the analyser's 자면 (from 수급자면) is no unknown word."""
    slots = {"programme": "technical_school", "age": 65, "residence": "seoul", "last_question": "ask_eligibility"}
    tracker = make_tracker("recommend_programmes", "기초수급자면 혜택 같은거 있나요", slots=slots, confidence=0.49)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "우선 선발" in reply and "자면" not in reply and "말씀하신 조건" not in reply
    # something it does not have is not answered from it: the list for the profile
    other = make_tracker("recommend_programmes", "면접 연습 도와주는 데 있어요?", slots=slots, confidence=0.49)
    assert "말씀하신 조건" in texts((await run_action(ActionRecommendProgrammes(), other, domain))[0])


async def test_who_may_come_to_a_programme_without_rules_names_whom_the_report_means(domain) -> None:
    tracker = make_tracker("ask_eligibility", "일반 시민도 가도 돼요?", slots={"programme": "decent_work_forum"})
    reply = texts((await run_action(ActionEligibilityVerdict(), tracker, domain))[0])
    assert "보고서에 적힌 대상: 시민, 노동자" in reply and "120" in reply


async def test_a_new_size_heard_as_a_yes_is_judged_again(domain) -> None:
    """"아 알바 합치면 11명이네 그럼?" (read as a yes) after 마을노무사 said yes to 7: now too big."""
    text = "아 알바 합치면 11명이네 그럼?"
    slots = {"programme": "village_labour_attorney", "workplace_size": 11, "last_question": "ask_eligibility"}
    tracker = make_tracker("affirm", text, [entity("workplace_size", 11, "11")], slots=slots)
    reply = texts((await run_action(ActionAcknowledge(), tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "9인 이하" in reply


async def test_the_exact_day_of_a_month_the_report_gives_points_to_120(domain) -> None:
    text = "일자리해커톤 정확히 몇일에 함?"
    named = [span("programme", "youth_jobs_partnership", text, "일자리해커톤")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_programme_info", text, named), domain))[0])
    assert "’18.11월" in reply and "정확한 날짜는 보고서에 나와 있지 않아요" in reply and "120" in reply


async def test_a_district_office_s_job_scheme_after_another_programme(domain) -> None:
    """"구청에서 하는 일자리사업도 있어?" after 뉴딜일자리: the city-and-districts scheme, not 뉴딜 again."""
    tracker = make_tracker("ask_programme_info", "구청에서 하는 일자리사업도 있어?", slots={"programme": "newdeal_jobs"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert texts(messages).startswith("[시-구 상향적·협력적 일자리 창출사업]")
    assert slots_of(events)["programme"] == "district_cooperative_jobs"


async def test_the_field_of_a_programme_is_not_a_place(domain) -> None:
    text = "소셜벤처 쪽 지원도 있어?"
    named = [span("programme", "social_venture", text, "소셜벤처")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_location", text, named, confidence=0.57), domain))[0])
    assert "허브센터" in reply and "위치(주소)는" not in reply


async def test_facts_told_without_a_programme_list_what_fits(domain) -> None:
    text = "45살 실직했어 서울 강서구 살고 뭐 없냐"
    told = [entity("age", 45, "45살"), entity("residence", "seoul", "서울"), entity("job_status", "unemployed", "실직")]
    slots = {"age": 45, "residence": "seoul", "job_status": "unemployed"}
    reply = texts((await run_action(QUESTION, make_tracker("inform", text, told, slots=slots), domain))[0])
    assert "말씀하신 조건(만 45세" in reply and "어떤 제도(프로그램)가 궁금하세요?" not in reply


async def test_a_recommendation_without_a_profile_names_the_situation_its_words_share(domain) -> None:
    """"동네 엄마들이랑 마을기업 같은 거 해보려는데 … 지원 다 알려주세요": the social-economy help, not a profile
    question; "원두 싸게 파는 쇼핑몰 추천 좀" (out of scope ranked second) does not become it."""
    ranking = [
        {"name": "recommend_programmes", "confidence": 0.89}, {"name": "situation_social_economy", "confidence": 0.1},
    ]
    text = "동네 엄마들이랑 마을기업 같은 거 해보려는데 서울시에서 받을 수 있는 지원 다 알려주세요"
    tracker = make_tracker("recommend_programmes", text, ranking=ranking, confidence=0.89)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "사회적경제기업 육성" in reply and "나이, 서울 거주 여부" not in reply
    ranking = [
        {"name": "recommend_programmes", "confidence": 0.33}, {"name": "out_of_scope", "confidence": 0.18},
        {"name": "situation_social_economy", "confidence": 0.08},
    ]
    tracker = make_tracker("recommend_programmes", "원두 싸게 파는 쇼핑몰 추천 좀", ranking=ranking, confidence=0.33)
    assert "사회적경제기업 육성" not in texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])


async def test_a_national_scheme_with_a_programme_named_is_still_not_the_report_s(domain) -> None:
    text = "국민내일배움카드 있으면 기술교육원 공짜임?"
    named = [span("programme", "technical_school", text, "기술교육원")]
    tracker = make_tracker("out_of_scope", text, named, confidence=0.6)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "내일배움카드' 안내가 없어서" in reply and "120" in reply


async def test_the_same_detail_of_another_site_after_a_detail(domain) -> None:
    """"남부기술교육원도 서울 안에 있는거죠?" (a detail: no question slot) then "그럼 중부는요": where 중부 is."""
    first, now = "남부기술교육원도 서울 안에 있는거죠?", "그럼 중부는요"
    events = said_before(first, [span("programme", "technical_school", first, "기술교육원")]) + [then(now)]
    slots = {"programme": "technical_school", "place": "남부기술교육원"}
    reply = texts((await run_action(QUESTION, make_tracker("inform", now, slots=slots, events=events), domain))[0])
    assert "용산구 한남동" in reply


async def test_a_correction_of_a_word_two_questions_back(domain) -> None:
    """"공공근로 하반기는 언제부터 일해요", "끝나는 날은요?", then "아 상반기 물어본거였어요": 상반기's dates."""
    events = (
        said_before("공공근로 하반기는 언제부터 일해요", [])
        + said_before("끝나는 날은요?", [])
        + [then("아 상반기 물어본거였어요")]
    )
    tracker = make_tracker("inform", "아 상반기 물어본거였어요", slots={"programme": "public_works"}, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1.10" in reply and "6.30" in reply


async def test_whether_something_is_required_is_answered_by_the_rule_that_says_it(domain) -> None:
    text = "공공근로 하려면 구직등록도 해야 되나요?"
    named = [span("programme", "public_works", text, "공공근로")]
    messages, _ = await run_action(QUESTION, make_tracker("ask_how_to_apply", text, named), domain)
    assert "구직등록을 한 분" in texts(messages)


async def test_a_correction_said_in_full_asks_the_same_count(domain) -> None:
    first, now = "노동옴부즈만은 구마다 몇명씩 있어요?", "잠깐 제가 물어본건 노동권리보호관이요"
    named = [span("programme", "labour_rights_protector", now, "노동권리보호관")]
    events = said_before(first, [span("programme", "labour_ombudsman", first, "노동옴부즈만")]) + [then(now, named)]
    tracker = make_tracker("inform", now, named, slots={"programme": "labour_ombudsman"}, events=events)
    assert "50명" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_count_named_by_the_centre_s_own_name_comes_from_its_topic(domain) -> None:
    """"서울에 협동조합이 몇개나 있어요?" at 협동조합지원센터: 3,265 (a figure of 사회적경제기업 육성); but
    "사회적경제지원센터도 … 몇 층이에요?" names that centre: its own floor."""
    tracker = make_tracker("ask_programme_info", "서울에 협동조합이 몇개나 있어요?", slots={"programme": "cooperative_support_centre"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "3,265" in texts(messages) and slots_of(events)["programme"] == "social_economy_support"
    text = "사회적경제지원센터도 같은 건물이라던데 거긴 몇 층이에요?"
    named = [span("programme", "social_economy_centre", text, "사회적경제지원센터")]
    tracker = make_tracker("ask_location", text, named, slots={"programme": "cooperative_support_centre"})
    assert "1동1층" in texts((await run_action(QUESTION, tracker, domain))[0]).replace(" ", "")


async def test_the_workers_a_site_serves_name_the_site(domain) -> None:
    """"아니 미디어노동자 쉼터 말한거였어요": 상암쉼터 becomes the place of the next "거긴 언제 생겼어요?"."""
    text = "아니 미디어노동자 쉼터 말한거였어요"
    named = [span("programme", "rest_area", text, "쉼터")]
    slots = {"programme": "rest_area", "place": "서초쉼터", "last_question": "ask_eligibility"}
    _, events = await run_action(QUESTION, make_tracker("inform", text, named, slots=slots), domain)
    assert slots_of(events).get("place") == "상암쉼터"


async def test_an_answer_in_the_fallback_ends_it(domain) -> None:
    """A detail answered instead of "did you mean …?" ends the two-stage fallback, so that the next message, however
    unsure the NLU is of it, is read afresh."""
    from actions.fallback import ActionDefaultAskAffirmation

    tracker = make_tracker(
        "nlu_fallback", "그런 사람들 도와주는 센터 같은 건 없어요?", slots={"programme": "emotional_labour_protection"},
        confidence=0.1,
    )
    messages, events = await run_action(ActionDefaultAskAffirmation(), tracker, domain)
    assert "감정노동보호센터" in texts(messages) and "8월" in texts(messages)
    assert {"event": "active_loop", "name": None} in [{k: e.get(k) for k in ("event", "name")} for e in events]


async def test_what_fits_me_heard_as_a_goodbye_lists_it(domain) -> None:
    from actions.open_questions import ActionGoodbye

    slots = {"programme": "newdeal_jobs", "age": 41, "residence": "seoul", "last_question": "ask_eligibility"}
    tracker = make_tracker("goodbye", "그럼 나같은 사람이 해볼만한건 뭐있어", slots=slots, confidence=0.35)
    reply = texts((await run_action(ActionGoodbye(), tracker, domain))[0])
    assert "말씀하신 조건(만 41세" in reply and "공공근로" in reply


async def test_an_individual_is_not_an_organisation_a_programme_is_for(domain) -> None:
    text = "대학생 개인인데 청년일자리 민관협력사업에 아이디어 내서 지원금 받을 수 있나요?"
    tracker = make_tracker("ask_eligibility", text, slots={"programme": "youth_jobs_partnership"})
    reply = texts((await run_action(ActionEligibilityVerdict(), tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "법인" in reply


async def test_a_period_asked_as_how_it_goes_is_the_period(domain) -> None:
    """"사업기간은 어떻게 돼요" (read as how to apply: 어떻게): the period the report gives."""
    tracker = make_tracker("ask_how_to_apply", "사업기간은 어떻게 돼요", slots={"programme": "youth_jobs_partnership"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "’18.8월~’19.1월" in reply and "신청·이용 방법" not in reply


async def test_facts_told_right_after_a_list_of_what_fits_give_it_again(domain) -> None:
    """"따로 월급은 없고요 구직등록은 아직 안했어요" (heard as unpaid wages) right after the list for a 62-year-old."""
    from actions.situations import ActionAnswerSituation

    text = "따로 월급은 없고요 구직등록은 아직 안했어요"
    told = [entity("has_regular_income", False, "월급은 없"), entity("job_seeker_registered", False, "구직등록은 아직 안했")]
    events = said_before("남편이 62살인데 퇴직하고 집에만 계세요. 서울 살고요.", [], "말씀하신 조건(만 62세, 서울 거주)으로 …")
    slots = {"age": 62, "residence": "seoul", "has_regular_income": False, "job_seeker_registered": False}
    tracker = make_tracker("situation_unpaid_wages", text, told, slots=slots, events=events + [then(text, told)])
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "구직등록" in reply and "월급(임금)을 못 받으셨다니" not in reply


async def test_a_fact_saying_the_report_lacks_something_points_to_120(domain) -> None:
    text = "강남역 근처 일자리카페 위치랑 몇 시까지 하는지 알려줘"
    named = [span("programme", "job_cafe", text, "일자리카페")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_location", text, named), domain))[0])
    assert "보고서에 없" in reply and "120" in reply


async def test_the_bureau_s_own_figure_is_answered_with_or_without_a_programme(domain) -> None:
    """"그럼 서울시 올해 일자리 목표 몇개에요" (no programme) and the same asked while 일자리카페 is discussed:
    353,956 (a figure of the bureau, tied to no programme), not the café's target of 90."""
    tracker = make_tracker("ask_programme_info", "그럼 서울시 올해 일자리 목표 몇개에요")
    assert "353,956" in texts((await run_action(QUESTION, tracker, domain))[0])
    text = "그럼 일 얘기로, 올해 서울시 일자리 목표는 몇 개였어요?"
    tracker = make_tracker("ask_programme_info", text, slots={"programme": "job_cafe"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "353,956" in reply and "90개" not in reply


async def test_one_word_put_in_for_one_of_the_question_before(domain) -> None:
    """"상반기는?" (unsure to the NLU) after "공공근로 하반기는 언제부터 언제까지 일해요": 상반기's dates; "일요일은요?"
    names a day and stays the hours question of that day."""
    from actions.fallback import ActionDefaultAskAffirmation

    events = said_before("공공근로 하반기는 언제부터 언제까지 일해요", []) + [then("상반기는?")]
    tracker = make_tracker("nlu_fallback", "상반기는?", slots={"programme": "public_works"}, events=events, confidence=0.1)
    reply = texts((await run_action(ActionDefaultAskAffirmation(), tracker, domain))[0])
    assert "1.10" in reply and "6.30" in reply


async def test_when_a_shelter_closes_asked_in_passing_is_its_hours(domain) -> None:
    slots = {"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("out_of_scope", "저녁엔 언제 닫음", slots=slots, confidence=0.91)
    assert "20:00" in texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])


async def test_young_people_outside_seoul_are_shown_the_places_open_to_them(domain) -> None:
    text = "22살 대학 졸업반인데 집은 경기도 고양이에요 서울시 지원 받을수 있는거 있어요?"
    told = [entity("age", 22, "22살"), entity("residence", "outside", "경기도")]
    tracker = make_tracker("recommend_programmes", text, told, slots={"age": 22, "residence": "outside"})
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "청년일자리센터" in reply and "일자리카페" in reply and "뉴딜일자리" not in reply
    older = make_tracker("recommend_programmes", "45살 경기도 살아요 뭐 있어요", slots={"age": 45, "residence": "outside"})
    assert "청년일자리센터" not in texts((await run_action(ActionRecommendProgrammes(), older, domain))[0])


async def test_unpaid_public_holidays_asked_are_the_pay_not_the_hours(domain) -> None:
    tracker = make_tracker("ask_hours", "공휴일은 무급이에요?", slots={"programme": "newdeal_jobs"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "유급" in reply and "운영시간은" not in reply


async def test_the_programme_named_after_malgo_is_the_one_meant(domain) -> None:
    """"아 아니 공공근로 말고 뉴딜일자리요 그건 언제 뽑아요": 뉴딜일자리, though 공공근로 is named first."""
    text = "아 아니 공공근로 말고 뉴딜일자리요 그건 언제 뽑아요"
    named = [span("programme", "public_works", text, "공공근로"), span("programme", "newdeal_jobs", text, "뉴딜일자리")]
    tracker = make_tracker("ask_programme_info", text, named, slots={"programme": "public_works"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert texts(messages).startswith("[뉴딜일자리]") and slots_of(events)["programme"] == "newdeal_jobs"


async def test_a_group_s_share_of_the_bureau_s_target_while_another_programme_is_discussed(domain) -> None:
    tracker = make_tracker("ask_programme_info", "올해 청년 일자리 목표 숫자도 알려주세요", slots={"programme": "social_investment_fund"})
    assert "76,692" in texts((await run_action(QUESTION, tracker, domain))[0])
