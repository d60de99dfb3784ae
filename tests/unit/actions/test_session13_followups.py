"""Follow-ups found on the held-out conversations read in session 13 (v101–v106): hours of use or of work are not
opening hours; a rule's limit asked after a verdict; a number within one district; what a service includes when its
price is asked; how current the information is."""
from __future__ import annotations

from actions.context import intent_payload
from actions.open_questions import ActionAnswerCapabilities, ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before, then

QUESTION = ActionAnswerProgrammeQuestion()


async def test_hours_of_use_are_not_opening_hours(domain) -> None:
    """"한 번 예약하면 몇 시간까지 쓸 수 있어요?" about 청년일자리센터's study rooms (a labour problem to the NLU): the
    report does not say (120), and its opening hours are no answer."""
    text = "한 번 예약하면 몇 시간까지 쓸 수 있어요?"
    tracker = make_tracker("situation_labour_problem", text, slots={"programme": "youth_job_centre"}, confidence=0.44)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "120" in reply and "21:00" not in reply, reply


async def test_weekly_working_hours_the_report_does_not_give_go_to_120(domain) -> None:
    """"뉴딜일자리는 일주일에 몇 시간 일하는 거에요?": not its summary, but that the report does not say (120)."""
    text = "뉴딜일자리는 일주일에 몇 시간 일하는 거에요?"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "newdeal_jobs", text, "뉴딜일자리")], confidence=0.73)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "주요 내용" not in reply, reply


async def test_working_time_credited_is_a_fact_not_opening_hours(domain) -> None:
    """"뉴딜 하면서 면접 보러 다니면 근무시간으로 쳐줘요?": 취업활동의 근무시간 인정, not "운영시간은 … 없어요"."""
    text = "뉴딜 하면서 면접 보러 다니면 근무시간으로 쳐줘요?"
    tracker = make_tracker("ask_hours", text, [span("programme", "newdeal_jobs", text, "뉴딜")], confidence=0.6)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "근무시간 인정" in reply and "운영시간" not in reply, reply


async def test_how_current_the_information_is_says_its_date(domain) -> None:
    """"정보는 다 올해 최신 거죠?" (eligibility to the NLU): the report's date and 120 for what changed since."""
    tracker = make_tracker("ask_eligibility", "정보는 다 올해 최신 거죠?", slots={"programme": "interview_suit_rental"}, confidence=0.3)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "2018년 7월" in reply and "120" in reply and "몇 살" not in reply, reply


async def test_a_daily_wage_heard_of_is_checked_against_the_report(domain) -> None:
    """"공공근로 일당 10만원 주는거 맞죠? 친구가 그러던데": the report gives no wage for 공공근로 (120), not its summary."""
    text = "공공근로 일당 10만원 주는거 맞죠? 친구가 그러던데"
    tracker = make_tracker("ask_cost", text, [span("programme", "public_works", text, "공공근로")], confidence=0.22)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "임금" in reply, reply


async def test_the_rules_limit_asked_after_a_no_gives_the_rule(domain) -> None:
    """"몇 명 이하 사업장이어야 되는데요" after 마을노무사's no for 12 (a small workplace to the NLU): 9인 이하, not the
    number of 마을노무사 (50명)."""
    text = "몇 명 이하 사업장이어야 되는데요"
    slots = {"programme": "village_labour_attorney", "workplace_size": 12, "last_question": "ask_eligibility"}
    tracker = make_tracker("situation_small_workplace", text, slots=slots)
    messages, events = await run_action(ActionAnswerSituation(), tracker, domain)
    assert "50명" not in texts(messages)
    assert {"event": "followup", "name": "eligibility_form", "timestamp": None} in events  # (which says 9인 이하)


async def test_how_many_sites_in_seoul_lists_every_site_and_where(domain) -> None:
    """"기술교육원 4개 다 서울 안에 있는거죠?" and "서울 안에 몇 군데 있어요?": every site, 남부 in 군포 among them."""
    for text, intent in (("기술교육원 4개 다 서울 안에 있는거죠?", "ask_location"), ("서울시 기술교육원 서울 안에 몇 군데 있어요?", "ask_programme_info")):
        words = "서울시 기술교육원" if text.startswith("서울시") else "기술교육원"
        tracker = make_tracker(intent, text, [span("programme", "technical_school", text, words)])
        reply = texts((await run_action(QUESTION, tracker, domain))[0])
        assert "군포" in reply and "고덕" in reply, (text, reply)


async def test_the_vendors_asked_with_how_many_are_named(domain) -> None:
    """"정장 빌려주는 업체는 어디어디에요? 몇 곳?": the three vendors (the list answers how many), not "위치는 … 없어요"."""
    text = "정장 빌려주는 업체는 어디어디에요? 몇 곳?"
    tracker = make_tracker("ask_location", text, [span("programme", "interview_suit_rental", text, "정장 빌려주는")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "열린옷장" in reply and "체인지레이디" in reply, reply


async def test_the_price_of_the_services_named_says_they_are_free_too(domain) -> None:
    """"취업날개 정장만 빌려주고 사진이랑 헤메는 돈 따로 내야되죠??": photos and hair-make-up are free as well."""
    text = "취업날개 정장만 빌려주고 사진이랑 헤메는 돈 따로 내야되죠??"
    tracker = make_tracker("ask_cost", text, [span("programme", "interview_suit_rental", text, "취업날개")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "헤어메이크업" in reply and "무료" in reply, reply


async def test_a_number_within_one_district_says_the_report_counts_all_of_seoul(domain) -> None:
    """"마포구에 일자리카페 몇 개 있는지 아세요?": 73 is Seoul's count; 마포구's own is not in the report (120)."""
    text = "마포구에 일자리카페 몇 개 있는지 아세요?"
    entities = [span("district", "마포구", text, "마포구"), span("programme", "job_cafe", text, "일자리카페")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_programme_info", text, entities), domain))[0])
    assert "73" in reply and "마포구만 따로" in reply and "120" in reply, reply
    lives = "마포구에 사는데 일자리카페 몇 개 있어요?"
    entities = [span("district", "마포구", lives, "마포구"), span("programme", "job_cafe", lives, "일자리카페")]
    reply = texts((await run_action(QUESTION, make_tracker("ask_programme_info", lives, entities), domain))[0])
    assert "마포구만 따로" not in reply, reply  # (where one lives is no district the number is asked within)


async def test_the_shelters_hours_asked_inside_a_story_are_answered(domain) -> None:
    """"서초쉼터 지금 열려있냐고!! 대리 콜 기다리는 중인데 밖에 춥다고": its hours, not the list of shelters."""
    text = "서초쉼터 지금 열려있냐고!! 대리 콜 기다리는 중인데 밖에 춥다고"
    tracker = make_tracker("situation_rest_area", text, [span("programme", "rest_area", text, "서초쉼터")], confidence=0.54)
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "18:00" in reply, reply


async def test_an_older_job_seeker_is_offered_jobs_open_to_any_adult(domain) -> None:
    """"일 좀 구하고 싶은데 나이가 많아서 받아주는 데가 없네요 시에서 하는 일자리 없나요": 공공근로 (and training),
    not the young people's centres."""
    text = "일 좀 구하고 싶은데 나이가 많아서 받아주는 데가 없네요 시에서 하는 일자리 없나요"
    reply = texts((await run_action(ActionAnswerSituation(), make_tracker("situation_job_search", text), domain))[0])
    assert "공공근로" in reply and "청년일자리센터" not in reply, reply


def offered(*slugs: str) -> list:
    return [{"title": slug, "payload": intent_payload("ask_programme_info", programme=slug)} for slug in slugs]


async def test_the_same_question_for_a_friend_gets_the_verdict_for_them(domain) -> None:
    """"그럼 제 친구는요? 걔는 29살이고 똑같이 서울 살면서 취준해요" after 취업날개's no for a 35-year-old: yes for
    the friend, not the list of what fits."""
    text = "그럼 제 친구는요? 걔는 29살이고 똑같이 서울 살면서 취준해요"
    entities = [span("age", 29, text, "29살"), span("residence", "seoul", text, "서울 살"), span("job_status", "job_seeker", text, "취준")]
    slots = {"programme": "interview_suit_rental", "age": 29, "residence": "seoul", "job_status": "job_seeker", "last_question": "ask_eligibility"}
    tracker = make_tracker("recommend_programmes", text, entities, slots=slots)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "이용할 수 있는 제도예요" not in reply, reply


async def test_the_wage_asked_after_a_list_is_the_one_listed_that_pays(domain) -> None:
    """"시급 얼마 줘요 거기" right after a list of what fits: 뉴딜일자리's 9,220원, not what each costs; but the pay of
    공공근로 asked right after 공공근로 is its own (the report gives none)."""
    events = said_before("27살 서울 취준생", bot="말씀하신 조건으로 이용할 수 있는 제도예요:", buttons=offered(
        "interview_suit_rental", "newdeal_jobs", "technical_school",
    ))
    tracker = make_tracker("ask_cost", "시급 얼마 줘요 거기", slots={"programme": "newdeal_jobs"}, events=events + [then("시급 얼마 줘요 거기")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220" in reply and "비용은 보고서에 이렇게" not in reply, reply
    tracker = make_tracker("ask_cost", "일당은 얼마고", slots={"programme": "public_works"}, events=events + [then("일당은 얼마고")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9,220" not in reply and "120" in reply, reply


async def test_where_to_ask_after_a_list_of_advice_names_those_places(domain) -> None:
    """"어디에 물어보면 되는데요" right after the free labour advice: those places, and 120 for their numbers."""
    events = said_before("알바 월급을 못받았어요", bot="서울시에는 무료로 도와주는 노동 상담 창구가 있어요:", buttons=offered(
        "labour_rights_centre", "labour_ombudsman", "labour_rights_protector",
    ))
    text = "어디에 물어보면 되는데요"
    tracker = make_tracker("bot_capabilities", text, events=events + [then(text)])
    reply = texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])
    assert "노동권리보호관" in reply and "120" in reply and "이런 걸 물어보실 수 있어요" not in reply, reply


async def test_abuse_on_the_phone_from_customers_is_emotional_labour(domain) -> None:
    """"팀원 하나가 욕설 전화 받고 울면서 퇴근했어요" (harassment to the NLU): the emotional-labour protection."""
    text = "콜센터 팀장인데요 팀원 하나가 욕설 전화 받고 울면서 퇴근했어요ㅠㅠ 서울시 차원에서 이런 직원들 상담 받을 데 없을까요"
    reply = texts((await run_action(ActionAnswerSituation(), make_tracker("situation_workplace_harassment", text), domain))[0])
    assert "감정노동" in reply, reply


async def test_an_employer_asking_about_unemployment_benefit_is_sent_to_120(domain) -> None:
    """"권고사직 처리한 직원이 실업급여 받을 수 있는지 … 어디서 확인해요?" (a small workplace to the NLU): 120."""
    text = "권고사직 처리한 직원이 실업급여 받을 수 있는지 물어보는데 어디서 확인해요?"
    reply = texts((await run_action(ActionAnswerSituation(), make_tracker("situation_small_workplace", text), domain))[0])
    assert "실업급여" in reply and "120" in reply and "몇 명" not in reply, reply


async def test_where_the_building_a_centre_moves_into_is(domain) -> None:
    """"전태일 기념관 건물로 옮긴다던데 거긴 어디임" after 노동권익센터: the memorial's address, not the plan again."""
    text = "전태일 기념관 건물로 옮긴다던데 거긴 어디임"
    events = said_before("노동권익센터 어디 있어요?", [span("programme", "labour_rights_centre", "노동권익센터 어디 있어요?", "노동권익센터")])
    slots = {"programme": "labour_rights_centre"}
    tracker = make_tracker("ask_location", text, [span("programme", "jeon_tae_il_memorial", text, "전태일 기념관")], slots=slots, events=events + [then(text)])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청계천로" in reply, reply


async def test_only_this_one_asked_lists_all_that_fits(domain) -> None:
    """"고3이고 만 18살, 서울 살아요 … 저 같은 애는 기술교육원밖에 없죠?": all that fits, 취업날개 and 뉴딜 with it."""
    text = "고3이고 만 18살, 서울 살아요. 대학 안 가고 바로 취업하려는데 저 같은 애는 기술교육원밖에 없죠?"
    entities = [
        span("high_school_senior", True, text, "고3"), span("age", 18, text, "18살"), span("residence", "seoul", text, "서울 살"),
        span("job_status", "job_seeker", text, "바로 취업하려"), span("programme", "technical_school", text, "기술교육원"),
    ]
    slots = {"age": 18, "residence": "seoul", "high_school_senior": True, "job_status": "job_seeker"}
    reply = texts((await run_action(QUESTION, make_tracker("ask_eligibility", text, entities, slots=slots), domain))[0])
    assert "취업날개" in reply and "뉴딜" in reply, reply


async def test_a_requirement_asked_by_someone_whose_facts_are_known_gets_their_verdict(domain) -> None:
    """"취업날개는 졸업해야 되는거 아님?" from an 18-year-old 고3 in Seoul looking for work: yes (고교졸업예정자부터)."""
    text = "취업날개는 졸업해야 되는거 아님?"
    slots = {"age": 18, "residence": "seoul", "high_school_senior": True, "job_status": "job_seeker", "programme": "technical_school"}
    tracker = make_tracker("ask_eligibility", text, [span("programme", "interview_suit_rental", text, "취업날개")], slots=slots)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert slots_of(events).get("programme") == "interview_suit_rental"
    assert "이용할 수 있어요" in texts(messages) or {"event": "followup", "name": "eligibility_form", "timestamp": None} in events


async def test_learning_while_earning_lists_the_paid_ones_that_fit(domain) -> None:
    """"31살 서울 성북구 살아요. 일하면서 배우는 쪽이면 좋겠어요": 뉴딜일자리 (paid, with training), not the sites."""
    text = "31살 서울 성북구 살아요. 일하면서 배우는 쪽이면 좋겠어요"
    entities = [span("age", 31, text, "31살"), span("residence", "seoul", text, "서울"), span("district", "성북구", text, "성북구")]
    slots = {"age": 31, "residence": "seoul", "programme": "technical_school", "last_question": "ask_programme_info"}
    reply = texts((await run_action(QUESTION, make_tracker("inform", text, entities, slots=slots), domain))[0])
    assert "뉴딜" in reply and "고덕" not in reply, reply


async def test_a_correction_with_an_english_name_asks_the_same_of_the_one_meant(domain) -> None:
    """"아 아니 cafe 말구 youth job center요" (a no to the NLU) after 일자리카페's Saturday hours: 청년일자리센터's."""
    first = "job cafe 토요일에 몇시까지 해요?"
    now = "아 아니 cafe 말구 youth job center요"
    named = [span("programme", "youth_job_centre", now, "youth job center")]
    events = said_before(first, [span("programme", "job_cafe", first, "job cafe"), span("weekday", "sat", first, "토요일")]) + [then(now, named)]
    slots = {"programme": "job_cafe", "last_question": "ask_hours", "weekday": "sat"}
    reply = texts((await run_action(ActionAnswerNo(), make_tracker("deny", now, named, slots=slots, events=events), domain))[0])
    assert "18:00" in reply and "[청년일자리센터]" in reply, reply


async def test_the_closing_time_asked_alone_after_the_hours(domain) -> None:
    """"끝나는건" (out of scope to the NLU) after 상암쉼터's hours: its hours again, 18:00 among them."""
    from actions.open_questions import ActionAnswerDetailOrOutOfScope

    tracker = make_tracker("out_of_scope", "끝나는건", slots={"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_hours"}, confidence=0.59)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "18:00" in reply and "서초쉼터" not in reply, reply


async def test_how_many_sites_asked_of_the_programme_in_context_lists_them(domain) -> None:
    """"몇군데 있어요 거기" while 기술교육원 is discussed: its four sites, not the number of trainees."""
    tracker = make_tracker("ask_location", "몇군데 있어요 거기", slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "남부" in reply and "1,960명" not in reply, reply


async def test_someone_in_work_with_nothing_fitting_is_offered_the_free_labour_advice(domain) -> None:
    """"서울에서 일하는 직장인인데 회사에서 문제 생기면 도움 받을 수 있는 제도 뭐 있어요?": the advice, not "none"."""
    text = "서울에서 일하는 직장인인데 회사에서 문제 생기면 도움 받을 수 있는 제도 뭐 있어요?"
    tracker = make_tracker("recommend_programmes", text, [span("job_status", "employed", text, "직장인")], slots={"job_status": "employed"})
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "노동권리보호관" in reply and "찾지 못했어요. 다산콜센터" not in reply, reply


async def test_both_age_limits_asked_together(domain) -> None:
    """"둘 다 나이 기준이 몇 살까진데요?" after 취업날개 and 뉴딜일자리: 34 and 39."""
    events = said_before("취업날개 뭐예요", [span("programme", "interview_suit_rental", "취업날개 뭐예요", "취업날개")])
    events += [{"event": "slot", "name": "programme", "value": "interview_suit_rental"}]
    events += said_before("뉴딜일자리는요", [span("programme", "newdeal_jobs", "뉴딜일자리는요", "뉴딜일자리")])
    events += [{"event": "slot", "name": "programme", "value": "newdeal_jobs"}, then("둘 다 나이 기준이 몇 살까진데요?")]
    tracker = make_tracker("ask_eligibility", "둘 다 나이 기준이 몇 살까진데요?", slots={"programme": "newdeal_jobs"}, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "34" in reply and "39" in reply, reply


async def test_what_to_bring_is_how_to_apply_which_the_report_does_not_give(domain) -> None:
    """"정장 빌리러 갈땐 뭐 가져가면 돼요" (how to apply to the NLU) of 취업날개: the report does not say (120), not
    its summary."""
    text = "정장 빌리러 갈땐 뭐 가져가면 돼요"
    tracker = make_tracker("ask_how_to_apply", text, [span("programme", "interview_suit_rental", text, "정장 빌리러")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "신청 방법" in reply and "주요 내용" not in reply, reply


async def test_whether_an_application_passed_is_a_personal_record(domain) -> None:
    """"뉴딜일자리 지원했는데 합격했는지 어디서 확인해요?": the bot cannot see results (120 or the agency)."""
    text = "뉴딜일자리 지원했는데 합격했는지 어디서 확인해요?"
    tracker = make_tracker("ask_how_to_apply", text, [span("programme", "newdeal_jobs", text, "뉴딜일자리")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "확인할 수 없어요" in reply and "120" in reply, reply


async def test_a_site_pointed_back_to_after_another_programme_is_the_one_asked_about(domain) -> None:
    """"아까 거기 닫는 건 몇 시예요?" after 합정쉼터's hours, then 뉴딜일자리: 합정쉼터 closes at 06:00 (not "뉴딜일자리의
    운영시간은 … 없어요"); "그럼 처음 말한 데는 하루에 몇 명 와요?" after 서초쉼터, then 합정쉼터: 서초's 70명."""
    first = "합정쉼터 몇시에 열어요"
    events = said_before(first, [span("programme", "rest_area", first, "합정쉼터")])
    events += [{"event": "slot", "name": "place", "value": "합정쉼터"}, {"event": "slot", "name": "programme", "value": "rest_area"}]
    events += said_before("그건 그렇고 뉴딜일자리 몇살까지 할 수 있어요")
    events += [{"event": "slot", "name": "programme", "value": "newdeal_jobs"}, then("아까 거기 닫는 건 몇 시예요?")]
    slots = {"programme": "newdeal_jobs", "place": "합정쉼터"}
    tracker = make_tracker("ask_hours", "아까 거기 닫는 건 몇 시예요?", slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "06:00" in reply and "합정쉼터" in reply and "뉴딜" not in reply, reply

    events = [{"event": "slot", "name": "place", "value": "서초쉼터"}, {"event": "slot", "name": "place", "value": "합정쉼터"}]
    events += [then("그럼 처음 말한 데는 하루에 몇 명 와요?")]
    slots = {"programme": "rest_area", "place": "합정쉼터"}
    tracker = make_tracker("ask_programme_info", "그럼 처음 말한 데는 하루에 몇 명 와요?", slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "70명" in reply and "48명" not in reply, reply
