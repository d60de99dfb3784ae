"""Follow-ups found on unseen conversations in session 4: details the report lacks, short replies the NLU read as
yes/no, a place named alone, a list of one, where else to go after a "no", and facts told without a question."""
from __future__ import annotations

from actions.eligibility import ActionEligibilityVerdict
from actions.open_questions import ActionAcknowledge, ActionAnswerCapabilities, ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion, ActionStopEligibilityUnlessAnswered
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, slots_of, span, texts

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()
NO_CONTACT = ("02-", "1588", "http", "www", ".kr")


async def test_a_detail_the_report_does_not_mention_is_not_answered_with_a_nearby_fact(domain) -> None:
    """"스터디룸 예약은 어케함": the report names study rooms but says nothing of booking them."""
    tracker = make_tracker(
        "ask_how_to_apply", "스터디룸 예약은 어케함", slots={"programme": "job_cafe", "last_question": "ask_programme_info"}
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "예약" in reply and "나와 있지 않아요" in reply and "120" in reply
    assert not any(contact in reply for contact in NO_CONTACT)


async def test_a_department_the_report_does_not_list_is_an_honest_unknown(domain) -> None:
    tracker = make_tracker(
        "ask_programme_info", "용접 학과 있나요? 어떤 과정 있는지 궁금", slots={"programme": "technical_school"}
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "‘용접’에 대해서는" in reply and "120" in reply
    assert "154개 학과" in reply  # what the report does say comes after


async def test_a_detail_the_report_has_is_still_answered(domain) -> None:
    """The unknown-word guard must not hide facts the report gives: photos of 취업날개, its vendors."""
    for text, expected in (("사진 촬영도 같이 돼요?", "사진촬영"), ("운영하는 업체 이름이라도?", "열린옷장")):
        tracker = make_tracker("ask_hours", text, slots={"programme": "interview_suit_rental"})
        reply = texts((await run_action(QUESTION, tracker, domain))[0])
        assert expected in reply and "나와 있지 않아요" not in reply, text


async def test_how_long_one_may_work_is_a_duration_not_an_eligibility_question(domain) -> None:
    tracker = make_tracker("ask_eligibility", "최대 몇년까지 할수있나", slots={"programme": "newdeal_jobs"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "23개월" in texts(messages)
    assert not any(e.get("name") == "eligibility_form" for e in events)


async def test_a_count_asked_with_the_centre_named_is_the_count(domain) -> None:
    text = "청년일자리센터 스터디룸 몇개에요"
    tracker = make_tracker("inform", text, entities=[span("programme", "youth_job_centre", text, "청년일자리센터")])
    assert "스터디룸 13" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_place_named_alone_repeats_the_last_question_for_it(domain) -> None:
    """"상암쉼터는요?" after the hours of 합정쉼터: 상암쉼터's hours."""
    tracker = make_tracker(
        "ask_hours", "상암쉼터는요?", slots={"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_hours"},
        confidence=0.38,
    )
    messages, events = await run_action(QUESTION, tracker, domain)
    reply = texts(messages)
    assert "상암쉼터" in reply and "09:30" in reply and "합정쉼터" not in reply
    assert slots_of(events)["place"] == "상암쉼터"


async def test_holidays_asked_of_a_shelter_get_the_holiday_note(domain) -> None:
    text = "서초쉼터는 명절에도 하나요? 대리 일 계속해서요"
    tracker = make_tracker("ask_hours", text, entities=[span("programme", "rest_area", text, "쉼터")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "공휴일·명절" in reply and "120" in reply and "서초쉼터" in reply


async def test_a_venue_named_place_answers_where(domain) -> None:
    tracker = make_tracker("ask_location", "12월에 국제포럼 한다던데 어디서 해요?", slots={"programme": "decent_work_forum"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "서울시청 다목적홀" in reply and "나와 있지 않아요" not in reply


async def test_a_nearby_district_asks_for_the_place_there_not_for_eligibility(domain) -> None:
    text = "노원구 살아서 가까운 데면 좋겠어요"
    tracker = make_tracker(
        "inform", text, entities=[span("district", "노원구", text, "노원구"), span("residence", "seoul", text, "노원구")],
        slots={"programme": "technical_school", "residence": "seoul"},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "북부기술교육원" in reply and "상계동" in reply and "동부기술교육원" not in reply


async def test_a_figure_missing_for_one_programme_comes_from_another_of_the_same_topic(domain) -> None:
    """"대출도 되나요? 이자 몇프로?" after a list about social economy that put 사회적경제기업 육성 first."""
    tracker = make_tracker("ask_cost", "대출도 되나요? 이자 몇프로?", slots={"programme": "social_economy_support"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "3%" in texts(messages) and slots_of(events)["programme"] == "social_investment_fund"


async def test_a_fact_told_without_a_question_gets_the_verdict(domain) -> None:
    """"어머니 구직등록은 안 하셨어요" (read as a how-to-apply question because of 등록) about 공공근로."""
    text = "어머니 구직등록은 안 하셨어요"
    slots = {"programme": "public_works", "age": 63, "residence": "seoul", "job_seeker_registered": False}
    tracker = make_tracker(
        "ask_how_to_apply", text, entities=[span("job_seeker_registered", False, text, "구직등록은 안 하셨")], slots=slots
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "구직등록" in reply and "맞지 않" in reply


async def test_a_no_that_answers_the_form_continues_the_check(domain) -> None:
    text = "구직등록이요? 그런 거 안 했는데요"
    slots = {"programme": "public_works", "age": 61, "residence": "seoul", "requested_slot": "job_status"}
    events = [
        {"event": "slot", "name": "requested_slot", "value": "job_status"},
        {"event": "user", "text": text, "parse_data": {}},
    ]
    tracker = make_tracker(
        "deny", text, entities=[span("job_seeker_registered", False, text, "구직등록이요? 그런 거 안 했")],
        slots={**slots, "job_seeker_registered": False}, events=events,
    )
    reply = texts((await run_action(ActionStopEligibilityUnlessAnswered(), tracker, domain))[0])
    assert "멈출게요" not in reply and "구직등록" in reply


async def test_a_plain_no_to_the_form_stops_it(domain) -> None:
    tracker = make_tracker("deny", "아니요 됐어요", slots={"programme": "public_works", "requested_slot": "age"})
    messages, events = await run_action(ActionStopEligibilityUnlessAnswered(), tracker, domain)
    assert messages == [{**messages[0], "response": "utter_eligibility_stopped"}] and events == []


async def test_a_detail_read_as_yes_or_no_is_answered(domain) -> None:
    tracker = make_tracker("affirm", "사진은 ㅇㅇ?", slots={"programme": "interview_suit_rental"})
    assert "사진촬영" in texts((await run_action(ActionAcknowledge(), tracker, domain))[0])
    tracker = make_tracker("deny", "남부는 서울 아니에요?", slots={"programme": "technical_school"})
    assert "군포" in texts((await run_action(ActionAnswerNo(), tracker, domain))[0])


async def test_a_plain_yes_or_no_is_acknowledged(domain) -> None:
    for action, text, response in (
        (ActionAcknowledge(), "넵 감사", "utter_acknowledged"), (ActionAnswerNo(), "아니요", "utter_capabilities")
    ):
        tracker = make_tracker("affirm", text, slots={"programme": "interview_suit_rental"})
        messages, _ = await run_action(action, tracker, domain)
        assert [m.get("response") for m in messages] == [response]


async def test_where_else_after_a_no_lists_the_alternatives(domain) -> None:
    """"그럼 저희는 어디에 물어봐야 돼요?" after 마을노무사 said no to a 15-person workplace."""
    slots = {"programme": "village_labour_attorney", "workplace_size": 15, "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_capabilities", "그럼 저희는 어디에 물어봐야 돼요?", slots=slots)
    reply = texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])
    assert "대신" in reply and ("노동권리보호관" in reply or "옴부즈만" in reply) and "마을노무사" not in reply


async def test_can_i_use_it_after_telling_about_oneself_gets_the_verdict(domain) -> None:
    """"면접 정장 빌려주는 것도 저 돼요?" from a 36-year-old: no, 34 is the limit."""
    slots = {"age": 36, "residence": "seoul", "job_status": "unemployed", "programme": "newdeal_jobs"}
    tracker = make_tracker("situation_interview_suit", "면접 정장 빌려주는 것도 저 돼요?", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "34" in reply and "맞지 않" in reply


async def test_a_student_asking_if_they_can_borrow_a_suit_gets_the_rules(domain) -> None:
    tracker = make_tracker("situation_interview_suit", "고3인데 졸업하기전에 면접봐요 정장 빌릴수있어요?")
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "고교졸업예정자" in reply


async def test_a_study_room_question_with_a_profile_still_lists_places(domain) -> None:
    """일자리카페 has no rules to judge by: "취준생이 쓸 수 있는 스터디룸" gets the places, not "자격은 없어요"."""
    text = "집에선공부가안돼서ㅜ 취준생이 무료로 쓸수있는 스터디룸 있을까요"
    tracker = make_tracker("situation_study_space", text, entities=[span("job_status", "job_seeker", text, "취준생")])
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "청년일자리센터" in reply and "일자리카페" in reply and "자격" not in reply


async def test_a_situation_naming_one_of_its_programmes_keeps_that_one_in_context(domain) -> None:
    text = "협동조합 만들려고 하는데 협동조합지원센터 어딨어요"
    tracker = make_tracker(
        "situation_social_economy", text,
        entities=[span("programme", "cooperative_support_centre", text, "협동조합지원센터")],
    )
    _, events = await run_action(SITUATION, tracker, domain)
    assert slots_of(events)["programme"] == "cooperative_support_centre"


async def test_a_list_of_one_makes_it_the_programme_in_context(domain) -> None:
    slots = {"age": 26, "residence": "seoul", "job_status": "job_seeker"}
    tracker = make_tracker("situation_unpaid_wages", "그중에 돈 벌면서 할수있는건?", slots=slots)
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "뉴딜일자리" in texts(messages) and slots_of(events)["programme"] == "newdeal_jobs"


async def test_a_recommendation_naming_a_programme_describes_it(domain) -> None:
    text = "소셜벤처 창업 준비중! 서울시 지원 프로그램 있음?"
    tracker = make_tracker(
        "recommend_programmes", text, entities=[span("programme", "social_venture", text, "소셜벤처")]
    )
    messages, events = await run_action(ActionRecommendProgrammes(), tracker, domain)
    assert texts(messages).startswith("[") and slots_of(events)["programme"] == "social_venture"


async def test_a_programme_without_rules_says_what_the_report_says_of_who_it_is_for(domain) -> None:
    tracker = make_tracker("ask_eligibility", "민간회사 다니는 사람도 되는 거죠?", slots={"programme": "emotional_labour_protection"})
    reply = texts((await run_action(ActionEligibilityVerdict(), tracker, domain))[0])  # the form has nothing to ask
    assert "민간부문" in reply and "120" in reply


async def test_a_follow_up_the_nlu_was_unsure_of_is_answered_from_the_programme(domain) -> None:
    """The fallback's "did you mean" only when the programme in context does not answer it ("구마다 몇 명씩 있는데요")."""
    from actions.fallback import ActionDefaultAskAffirmation

    tracker = make_tracker("nlu_fallback", "구마다 몇 명씩 있는데요", slots={"programme": "labour_ombudsman"}, confidence=0.05)
    reply = texts((await run_action(ActionDefaultAskAffirmation(), tracker, domain))[0])
    assert "2명" in reply and "혹시" not in reply


async def test_a_recommendation_request_about_the_programme_in_context_is_a_detail(domain) -> None:
    tracker = make_tracker(
        "recommend_programmes", "민간 회사 다니는 사람도 상담 받을수있나요 치유프로그램 같은거",
        slots={"programme": "emotional_labour_protection"},
    )
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "민간부문" in reply and "나이, 서울 거주 여부" not in reply
    tracker = make_tracker("recommend_programmes", "그럼 거기선 뭐 해주는데", slots={"programme": "job_cafe"})
    messages, events = await run_action(ActionRecommendProgrammes(), tracker, domain)
    assert texts(messages).startswith("[일자리카페]") and slots_of(events)["programme"] == "job_cafe"


async def test_legal_help_asked_of_the_ombudsman_comes_from_the_labour_rights_protector(domain) -> None:
    tracker = make_tracker("ask_programme_info", "법적으로 도와주는것도 있어요? 변호사 같은거", slots={"programme": "labour_ombudsman"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "법률지원" in texts(messages) and slots_of(events)["programme"] == "labour_rights_protector"


async def test_a_story_with_an_age_and_residence_gets_what_fits_the_profile(domain) -> None:
    text = "38살 아들이 회사 그만두고 1년째 집에만 있어요. 서울 살아요. 시에서 해주는 게 있나요"
    tracker = make_tracker(
        "situation_job_search", text,
        entities=[span("age", 38, text, "38살"), span("residence", "seoul", text, "서울")],
        slots={"age": 38, "residence": "seoul"},
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "만 38세" in reply and "뉴딜일자리" in reply


async def test_a_story_with_a_detail_question_gets_the_list_and_the_detail(domain) -> None:
    text = "기술을 새로 배워 재취업하고 싶은데 낮에는 일이 있어서 야간 과정도 있습니까"
    reply = texts((await run_action(SITUATION, make_tracker("situation_job_training", text), domain))[0])
    assert "서울시 기술교육원" in reply and "야간" in reply


async def test_a_later_year_gets_the_report_date_note(domain) -> None:
    tracker = make_tracker("ask_programme_info", "요즘은 일자리카페 몇 개 있어요? 2024년 기준으로", slots={"programme": "job_cafe"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "73" in reply and "2018년 7월 기준이라" in reply and "120" in reply


async def test_a_contact_question_in_slang_is_a_contact_question(domain) -> None:
    text = "청년일자리센터 전번좀요"
    tracker = make_tracker("ask_programme_info", text, entities=[span("programme", "youth_job_centre", text, "청년일자리센터")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and not any(contact in reply for contact in NO_CONTACT)


async def test_hours_of_a_place_not_open_yet_say_when_it_opens(domain) -> None:
    tracker = make_tracker("ask_open_now", "지금 가볼 수 있어요? 아직 공사중?", slots={"programme": "jeon_tae_il_memorial"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "’19년 3월 개관 예정" in reply and "120" in reply


async def test_a_no_lists_every_rule_so_the_other_limits_are_known(domain) -> None:
    slots = {"programme": "newdeal_jobs", "age": 27, "residence": "outside", "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_eligibility", "나이 제한은 몇살까지예요? 나중에 이사 가면 다시 알아보게", slots=slots)
    assert texts((await run_action(QUESTION, tracker, domain))[0]) == ""  # the form has nothing to ask: the verdict
    reply = texts((await run_action(ActionEligibilityVerdict(), tracker, domain))[0])
    assert "서울 거주" in reply and "39세" in reply


async def test_the_same_question_about_another_place_in_other_words(domain) -> None:
    slots = {"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("ask_hours", "상암쉼터도 그래요? 방송 일 하는데 거기가 가까워서", slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상암쉼터" in reply and "09:30" in reply


async def test_a_bare_closing_time_question_read_as_out_of_scope(domain) -> None:
    from actions.open_questions import ActionAnswerDetailOrOutOfScope

    slots = {"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("out_of_scope", "문닫는건", slots=slots, confidence=0.6)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "20:00" in reply


async def test_a_sure_out_of_scope_naming_nothing_foreign_is_answered_from_the_programme(domain) -> None:
    from actions.open_questions import ActionAnswerDetailOrOutOfScope

    action = ActionAnswerDetailOrOutOfScope()
    tracker = make_tracker("out_of_scope", "1월에 시작하는 건 언제 끝나요", slots={"programme": "public_works"}, confidence=0.96)
    assert "6.30" in texts((await run_action(action, tracker, domain))[0])
    # with nothing in context, a word shared with some fact (공공근로's 미세먼지 rule) does not make it a question
    tracker = make_tracker("out_of_scope", "오늘 서울 미세먼지 어때", confidence=0.99)
    messages, events = await run_action(action, tracker, domain)
    assert texts(messages) == domain["responses"]["utter_out_of_scope"][0]["text"] and events == []


async def test_a_question_misread_as_asking_for_a_person_is_answered(domain) -> None:
    from actions.handoff import ActionRequestHuman

    tracker = make_tracker("request_human", "이용한 사람 몇명이나 돼", slots={"programme": "interview_suit_rental"})
    messages, events = await run_action(ActionRequestHuman(), tracker, domain)
    assert "11,886" in texts(messages) and not any(e.get("event") == "pause" for e in events)


async def test_a_time_asked_in_a_story_about_the_shelter_in_context_is_open_now(domain, frozen_clock) -> None:
    from datetime import datetime

    from knowledge.queries import SEOUL

    frozen_clock(datetime(2018, 7, 12, 16, 55, tzinfo=SEOUL))
    text = "새벽 3시에 가도 됨? 콜 기다리면서 좀 누워있게"
    tracker = make_tracker(
        "situation_rest_area", text, entities=[span("time", "03:00", text, "새벽 3시")],
        slots={"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_open_now"},
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "합정쉼터" in reply and "03:00" in reply and "다음날 06:00" in reply


async def test_where_are_the_shelters_lists_them_though_no_address_is_given(domain) -> None:
    tracker = make_tracker("ask_location", "휴서울노동자쉼터어디어디있어", slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert all(name in reply for name in ("서초쉼터", "북창쉼터", "합정쉼터", "상암쉼터")) and "주소는 보고서에 없어요" in reply


async def test_facts_told_after_a_list_say_what_they_rule_out(domain) -> None:
    text = "따로 수입은 없으시고 구직등록은 아직 안하셨어요"
    tracker = make_tracker(
        "inform", text,
        entities=[span("has_regular_income", False, text, "수입은 없"), span("job_seeker_registered", False, text, "구직등록은 아직 안하셨")],
        slots={"age": 62, "residence": "seoul", "has_regular_income": False, "job_seeker_registered": False},
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "공공근로사업" in reply and "구직등록" in reply and "빠졌어요" in reply


async def test_a_scheme_the_report_does_not_cover_asked_as_a_recommendation(domain) -> None:
    tracker = make_tracker("recommend_programmes", "산재 신청하는거 서울시에서 도와주나요")
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "산재" in reply and "120" in reply and "나이, 서울 거주 여부" not in reply


async def test_a_second_question_for_a_contact_gets_the_honest_unknown_too(domain) -> None:
    tracker = make_tracker("ask_how_to_apply", "신청은 어디서 해요? 홈피 주소좀", slots={"programme": "youth_jobs_partnership"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "공모" in reply and "120" in reply and not any(contact in reply for contact in NO_CONTACT)


async def test_a_count_for_a_half_year_the_report_gives_as_months(domain) -> None:
    """"상반기" is one word the facts lack (they say ’18.1~6월): the count still answers it."""
    tracker = make_tracker("ask_programme_info", "올해 상반기에 상담 몇건이나 했대요?", slots={"programme": "labour_ombudsman"})
    assert "1,694" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_how_far_it_has_got_is_a_count_not_a_cost(domain) -> None:
    tracker = make_tracker("ask_cost", "서울시 비정규직 정규직 전환은 얼마나 됐어요?", slots={"programme": "regularisation"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "명" in reply and "비용은" not in reply


async def test_a_recommendation_of_something_the_report_never_mentions_is_out_of_scope(domain) -> None:
    tracker = make_tracker("recommend_programmes", "hi can u recommend some stocks to buy? 주식 추천좀")
    messages, _ = await run_action(ActionRecommendProgrammes(), tracker, domain)
    # (greeted back first: the message opens with "hi")
    assert texts(messages) == "안녕하세요! " + domain["responses"]["utter_out_of_scope"][0]["text"]
    tracker = make_tracker("recommend_programmes", "프리랜서 영상 편집자인데 쓸 만한 제도 있으면 다 알려줘요")
    assert "나이" in texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])  # asks for a profile


async def test_a_question_about_a_programme_described_not_named(domain) -> None:
    text = "청계천 근처에 노동운동 하다 돌아가신 분 기념관을 짓는다던데 언제 문 열어요?"
    messages, events = await run_action(QUESTION, make_tracker("ask_open_now", text), domain)
    assert "’19년 3월 개관 예정" in texts(messages) and slots_of(events)["programme"] == "jeon_tae_il_memorial"


async def test_a_holiday_asked_about_pay_is_not_an_hours_question(domain) -> None:
    tracker = make_tracker("ask_programme_info", "공휴일에 쉬어도 돈 나와요?", slots={"programme": "newdeal_jobs"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "유급" in reply and "운영시간은" not in reply


async def test_the_same_detail_for_another_place(domain) -> None:
    first = "북부기술교육원은 위탁 누가 맡고있어?"
    events = [
        {"event": "user", "text": first, "parse_data": {}},
        {"event": "bot", "text": "…"},
        {"event": "user", "text": "중부는?", "parse_data": {}},
    ]
    tracker = make_tracker(
        "inform", "중부는?", slots={"programme": "technical_school", "place": "북부기술교육원", "last_question": "ask_eligibility"},
        events=events,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "명지전문대" in reply


async def test_pay_on_a_holiday_asked_as_an_hours_question(domain) -> None:
    tracker = make_tracker("ask_hours", "공휴일에 쉬면 그날 돈 안나와요?", slots={"programme": "newdeal_jobs"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "유급" in reply and "공휴일·명절에 여는지" not in reply


async def test_a_national_scheme_in_a_story_is_not_answered_with_a_list(domain) -> None:
    text = "실직했는데 실업급여 얼마나 나와요?"
    tracker = make_tracker("situation_job_search", text, entities=[span("job_status", "unemployed", text, "실직")])
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "실업급여" in reply and "120" in reply and "공공근로" not in reply


async def test_a_later_year_asked_about_a_programme(domain) -> None:
    text = "2024년 뉴딜일자리 모집 일정 나왔어?"
    tracker = make_tracker("ask_programme_info", text, entities=[span("programme", "newdeal_jobs", text, "뉴딜일자리")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "주요 내용" not in reply  # an honest unknown, not the 2018 description


async def test_how_to_apply_stays_with_the_programme_in_context(domain) -> None:
    """취업날개's report section has no way to apply: the answer says so, never another programme's 공모."""
    tracker = make_tracker("ask_how_to_apply", "신청은 어떻게 해요?", slots={"programme": "interview_suit_rental"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert texts(messages).startswith("[취업날개 서비스]") and slots_of(events)["programme"] == "interview_suit_rental"
