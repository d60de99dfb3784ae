"""Follow-ups found on the held-out conversations read in session 11 (v83–v88): facts about the person just judged,
whatever the NLU made of them ("동생 13", "구직등록 안함"); another programme asked about for a person the bot knows
("정장 빌리는것도?"); a site corrected with a reason or asked about last ("아니 동부요 강동 사는 사람이라", "그럼 서울
이 아니네 중부 는 요"); which of the programmes just offered does what is asked ("모의면접도 해줌?"); comparisons of
sites and of age limits; "그 사람한테 물어보면" is no request for a person; a consultation's 수수료 is its fee."""
from __future__ import annotations

from actions.context import intent_payload
from actions.open_questions import ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before as said, then as now

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()
HANDED_ON = [{"event": "followup", "name": "action_answer_programme_question", "timestamp": None}]
RULES = "[서울시 기술교육원] 대상: 만 15세 이상, 서울시민"


def listed(*slugs: str) -> list:
    return [{"title": slug, "payload": intent_payload("ask_programme_info", programme=slug)} for slug in slugs]


async def test_an_age_told_after_a_verdict_is_judged_whatever_the_nlu_made_of_it(domain) -> None:
    """"동생 13" (out of scope to the NLU) right after 기술교육원's yes for a 15-year-old: no, the rule is 15."""
    events = said("서울 사는 중3 15살", bot="[서울시 기술교육원] 말씀해 주신 조건이면 이용할 수 있어요.") + [now("동생 13")]
    slots = {"programme": "technical_school", "last_question": "ask_eligibility", "age": 13, "residence": "seoul"}
    tracker = make_tracker("out_of_scope", "동생 13", [entity("age", 13, "13")], slots=slots, events=events, confidence=0.6)
    messages, _ = await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain)
    assert "아쉽지만 조건에 맞지 않아요" in texts(messages) and "15세 이상" in texts(messages)


async def test_registration_found_missing_after_a_yes_is_judged_again(domain) -> None:
    """"아 구직등록 한 줄 알았는데 확인해보니 안돼있네 ㅋㅋ 그럼?" (heard as unpaid wages) after 공공근로's yes: no."""
    text = "아 구직등록 한 줄 알았는데 확인해보니 안돼있네 ㅋㅋ 그럼?"
    events = said("23살 서울 수입 없음 구직등록도 했어 공공근로 가능?", bot="[공공근로사업] 말씀해 주신 조건이면 이용할 수 있어요.")
    slots = {
        "programme": "public_works", "last_question": "ask_eligibility", "age": 23, "residence": "seoul",
        "job_status": "unemployed", "has_regular_income": False, "job_seeker_registered": False,
    }
    ents = [span("job_seeker_registered", False, text, "구직등록 한 줄 알았는데 확인해보니 안돼있")]
    tracker = make_tracker("situation_unpaid_wages", text, ents, slots=slots, events=events + [now(text)], confidence=0.2)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[공공근로사업] 아쉽지만 조건에 맞지 않아요" in reply and "구직등록" in reply and "노동권리보호관" not in reply


async def test_a_fact_no_rule_of_the_programme_reads_is_not_a_verdict_again(domain) -> None:
    """A district told after 기술교육원's verdict is no fact its rules read: the situation is answered as it is."""
    text = "용접 배우고 싶은데 강동구 쪽이면 좋겠어요"
    slots = {"programme": "technical_school", "last_question": "ask_eligibility", "age": 30, "residence": "seoul"}
    tracker = make_tracker("situation_job_training", text, [span("district", "강동구", text, "강동구")], slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[서울시 기술교육원] 말씀해 주신 조건" not in reply and "기술교육원" in reply


async def test_another_programme_asked_about_for_a_person_the_bot_knows_is_judged(domain) -> None:
    """"정장 빌리는것도?" (a suit situation to the NLU) after what fits a 37-year-old: 취업날개's no, on age 34."""
    fits = "말씀하신 조건(만 37세, 서울 거주, 일을 쉬는 중)으로 이용할 수 있는 제도예요:"
    events = said("37 서울 실직", bot=fits, buttons=listed("newdeal_jobs", "technical_school")) + [now("정장 빌리는것도?")]
    text = "정장 빌리는것도?"
    slots = {"age": 37, "residence": "seoul", "job_status": "unemployed"}
    tracker = make_tracker(
        "situation_interview_suit", text, [span("programme", "interview_suit_rental", text, "정장")], slots=slots, events=events
    )
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "[취업날개 서비스] 아쉽지만 조건에 맞지 않아요" in texts(messages) and "34세 이하" in texts(messages)
    assert slots_of(events)["programme"] == "interview_suit_rental"


async def test_a_suit_situation_without_anything_known_is_still_the_suit_help(domain) -> None:
    """"정장 빌리는 것도 돼요?" from someone the bot knows nothing about: the help for an interview, no verdict."""
    text = "면접 정장 빌리는 것도 돼요?"
    tracker = make_tracker("situation_interview_suit", text, [span("programme", "interview_suit_rental", text, "정장")])
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "취업날개" in reply and "조건에 맞" not in reply and "말씀해 주신 조건" not in reply


async def test_a_site_corrected_with_a_reason_gets_the_question_again(domain) -> None:
    """"아니 동부요 강동 사는 사람이라" after where 중부기술교육원 is: where 동부기술교육원 is, not its rules."""
    text = "아니 동부요 강동 사는 사람이라"
    events = said("중부기술교육원은 어디 붙어있어요", bot="[서울시 기술교육원] 위치예요.") + [now(text)]
    slots = {"programme": "technical_school", "place": "중부기술교육원", "last_question": "ask_location"}
    ents = [span("district", "강동구", text, "강동"), span("residence", "seoul", text, "사는")]
    tracker = make_tracker("inform", text, ents, slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "동부기술교육원: 강동구 고덕동" in reply and RULES not in reply


async def test_a_site_the_message_comes_to_gets_the_question_again(domain) -> None:
    """"그럼 서울 이 아니네 중부 는 요" (dictated) after where 남부기술교육원 is: where 중부기술교육원 is."""
    text = "그럼 서울 이 아니네 중부 는 요"
    events = said("남부 기술 교육원 은 어디 에 있어요", bot="[서울시 기술교육원] 위치예요.") + [now(text)]
    slots = {"programme": "technical_school", "place": "남부기술교육원", "last_question": "ask_location"}
    tracker = make_tracker("goodbye", text, slots=slots, events=events, confidence=0.4)
    _, redirected = await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain)
    assert redirected == HANDED_ON
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "중부기술교육원: 용산구 한남동" in reply


async def test_the_one_of_the_programmes_just_offered_that_does_it_is_answered(domain) -> None:
    """"모의면접도 해줌?" after a list led by 서울일자리센터 (the report says nothing of its services): 청년일자리센터."""
    offered = listed("seoul_job_centre", "youth_job_centre", "job_cafe")
    events = said("졸업반인데 상담받을 데 없냐", bot="일자리를 찾고 계시군요.", buttons=offered) + [now("모의면접도 해줌?")]
    tracker = make_tracker("ask_programme_info", "모의면접도 해줌?", slots={"programme": "seoul_job_centre"}, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "[청년일자리센터]" in texts(messages) and "모의면접" in texts(messages)
    assert slots_of(events)["programme"] == "youth_job_centre"


async def test_what_the_programme_discussed_does_itself_stays_with_it(domain) -> None:
    """"무료예요?" of 청년일자리센터 after the same list: the programme discussed answers, the list is not searched."""
    offered = listed("seoul_job_centre", "youth_job_centre", "job_cafe")
    events = said("졸업반인데 상담받을 데 없냐", bot="일자리를 찾고 계시군요.", buttons=offered) + [now("스터디룸도 있어요?")]
    tracker = make_tracker("ask_programme_info", "스터디룸도 있어요?", slots={"programme": "youth_job_centre"}, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "[청년일자리센터]" in texts(messages)


async def test_two_shelters_compared_by_size_name_the_bigger_with_both_sizes(domain) -> None:
    text = "북창쉼터랑 서초쉼터 중에 어디가 더 넓어요?"
    tracker = make_tracker("ask_location", text, [span("programme", "rest_area", text, "쉼터")], slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "더 넓은 곳: 북창쉼터" in reply
    assert "- 북창쉼터: 규모 300㎡" in reply and "- 서초쉼터: 규모 151㎡" in reply and "위치예요" not in reply


async def test_there_and_a_site_compared_by_how_long_they_open(domain) -> None:
    """"거기랑 합정 중에 더 오래 여는 데는?" with 서초쉼터 discussed: 합정 (08:30~06:00) opens longer than 서초."""
    text = "거기랑 합정 중에 더 오래 여는 데는?"
    slots = {"programme": "rest_area", "place": "서초쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("ask_hours", text, slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "가장 긴 곳: 합정쉼터" in reply and "08:30~다음날 06:00" in reply and "18:00~다음날 06:00" in reply


async def test_which_site_closes_latest_among_all_and_a_value_the_report_lacks(domain) -> None:
    """"어디가 제일 늦게까지 해요?": every shelter; "사람 더 많은 데" names 상암's count as not in the report."""
    tracker = make_tracker("ask_hours", "쉼터 중에 어디가 제일 늦게까지 해요?", slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "가장 늦게까지 여는 곳: 서초쉼터, 합정쉼터" in reply or "가장 늦게까지 여는 곳: 합정쉼터, 서초쉼터" in reply
    busy = make_tracker("ask_programme_info", "쉼터 중에 이용하는 사람 제일 많은 데는 어디예요", slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, busy, domain))[0])
    assert "많은 곳: 서초쉼터" in reply and "- 상암쉼터: 보고서에 없어요" in reply and "일평균 70명" in reply


async def test_two_programmes_compared_by_age_limit(domain) -> None:
    """"둘 중에 나이 제한 더 넉넉한 건 뭐예요" after 뉴딜일자리 then 취업날개: 뉴딜일자리 (39 against 34)."""
    events = [
        {"event": "slot", "name": "programme", "value": "newdeal_jobs"},
        *said("그럼 면접 정장 빌리는 것도 돼요?", bot="[취업날개 서비스] 아쉽지만 조건에 맞지 않아요."),
        {"event": "slot", "name": "programme", "value": "interview_suit_rental"},
        now("둘 중에 나이 제한 더 넉넉한 건 뭐예요"),
    ]
    slots = {"programme": "interview_suit_rental", "age": 36, "residence": "seoul", "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_eligibility", "둘 중에 나이 제한 더 넉넉한 건 뭐예요", slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "더 넉넉한 쪽: 뉴딜일자리" in reply and "만 39세 이하" in reply and "34세 이하" in reply


async def test_asking_about_the_person_just_discussed_is_no_request_for_a_person(domain) -> None:
    """"그 사람한테 물어보면 돈은 안 받아요?" of the 노동옴부즈만: what it costs, not a handoff."""
    text = "그 사람한테 물어보면 돈은 안 받아요?"
    tracker = make_tracker("ask_cost", text, slots={"programme": "labour_ombudsman"})
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "무료" in texts(messages) and not any(e.get("name") == "action_request_human" for e in events)
    wants = make_tracker("bot_challenge", "야 너 봇이지? 진짜 사람으로 바꿔줘")
    _, events = await run_action(QUESTION, wants, domain)
    assert events == [{"event": "followup", "name": "action_request_human", "timestamp": None}]


async def test_a_consultation_fee_by_another_name_is_its_cost(domain) -> None:
    """"상담하면 수수료 같은거 내야 되나요" of the 노동옴부즈만: free (수수료 is the fee, not an extra charge)."""
    text = "노동옴부즈만 이라는 사람들한테 상담하면 수수료 같은거 내야 되나요"
    tracker = make_tracker("ask_cost", text, [span("programme", "labour_ombudsman", text, "노동옴부즈만")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "무료" in reply and "나와 있지 않아요" not in reply


async def test_a_meal_price_asked_in_everyday_words_is_the_meal_fact(domain) -> None:
    """"거기 밥값은 얼마예요" of 기술교육원: the 급식비 (3,500원), not the training deposit."""
    tracker = make_tracker("ask_cost", "거기 밥값 은 얼마 예요", slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "3,500원" in reply


async def test_a_pay_the_report_does_not_give_is_said_unknown_with_120(domain) -> None:
    """"공공근로 하면 하루 일당이 얼마나 되요": the report gives no pay for 공공근로 (not its head counts)."""
    text = "공공근로 하면 하루 일당이 얼마나 되요"
    tracker = make_tracker("ask_cost", text, [span("programme", "public_works", text, "공공근로")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "나와 있지 않아요" in reply and "120" in reply and "10,109" not in reply
    wage = make_tracker("ask_cost", "뉴딜일자리 시급 얼마예요", [span("programme", "newdeal_jobs", "뉴딜일자리", "뉴딜일자리")])
    assert "9,220" in texts((await run_action(QUESTION, wage, domain))[0])


async def test_what_else_a_programme_offers_besides_one_of_its_services(domain) -> None:
    """"정장 말고 또 뭐 해줌" of 취업날개: its other services (사진, 헤어), not other programmes."""
    tracker = make_tracker("ask_programme_info", "정장 말고 또 뭐 해줌", slots={"programme": "interview_suit_rental"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[취업날개 서비스]" in reply and "사진" in reply and "같은 분야의 다른" not in reply
    text = "그거 말고 시에서 여는 다른 행사는 뭐가 있어요?"  # (nothing of the forum set aside: other events)
    other = make_tracker("ask_programme_info", text, slots={"programme": "decent_work_forum"})
    assert "같은 분야의 다른" in texts((await run_action(QUESTION, other, domain))[0])


async def test_a_shelter_without_an_address_is_shown_with_whom_it_is_for(domain) -> None:
    text = "상암쉼터 어디 있어요"
    tracker = make_tracker("ask_location", text, [span("programme", "rest_area", text, "상암쉼터")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "- 상암쉼터: 주소는 보고서에 없어요 (주 이용: 미디어 노동자)" in reply


async def test_a_bureau_figure_asked_after_an_aside_heard_as_a_yes_is_given(domain) -> None:
    """"그건 그렇고 중장년 일자리는 올해 목표가 몇 개요" (a yes to the NLU): the bureau's target for middle-aged jobs."""
    from actions.open_questions import ActionAcknowledge

    tracker = make_tracker("affirm", "그건 그렇고 중장년 일자리는 올해 목표가 몇 개요", confidence=0.4)
    reply = texts((await run_action(ActionAcknowledge(), tracker, domain))[0])
    assert "74,882" in reply


def discussed(*slugs: str) -> list:
    return [{"event": "slot", "name": "programme", "value": slug} for slug in slugs]


async def test_a_programme_discussed_earlier_is_named_by_a_word_of_its_name(domain) -> None:
    """"그럼 센터는 토욜 몇시까지?" after 청년일자리센터 then 일자리카페: the centre's Saturday hours."""
    text = "그럼 센터는 토욜 몇시까지?"
    events = discussed("youth_job_centre", "job_cafe") + [now(text)]
    tracker = make_tracker("ask_hours", text, [span("weekday", "sat", text, "토욜")], slots={"programme": "job_cafe"}, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[청년일자리센터]" in reply and "18:00" in reply
    alone = make_tracker("ask_hours", text, [span("weekday", "sat", text, "토욜")], slots={"programme": "job_cafe"})
    assert "[일자리카페]" in texts((await run_action(QUESTION, alone, domain))[0])  # (nothing discussed before it)


async def test_two_programmes_compared_are_remembered_in_order(domain) -> None:
    """"청년일자리센터랑 일자리카페 차이가 뭐임": both side by side; "처음에 말한" is then the centre."""
    text = "청년일자리센터랑 일자리카페 차이가 뭐임"
    tracker = make_tracker("ask_programme_info", text)
    _, events = await run_action(QUESTION, tracker, domain)
    assert [e["value"] for e in events if e.get("name") == "programme"] == ["youth_job_centre", "job_cafe"]
    differ = make_tracker("ask_programme_info", "노동권리보호관이랑 노동옴부즈만 둘이 뭐가 다른거에요?")
    reply = texts((await run_action(QUESTION, differ, domain))[0])
    assert "나란히" in reply and "컨설팅" in reply and "법률지원" in reply


async def test_a_question_of_two_programmes_is_answered_for_each(domain) -> None:
    """"둘이 같은 건물에 있어요?" after 사회적경제지원센터 then 협동조합지원센터: where each is (1층, 6층)."""
    events = discussed("social_economy_centre", "cooperative_support_centre") + [now("둘이 같은 건물에 있어요?")]
    tracker = make_tracker(
        "ask_location", "둘이 같은 건물에 있어요?", slots={"programme": "cooperative_support_centre"}, events=events
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1동1층" in reply and "1동6층" in reply


async def test_sites_compared_without_more_or_most(domain) -> None:
    """"북창쉼터랑 합정쉼터 중에 늦게까지 하는 데가 어디에요" and "합정보다 넓어요?": compared all the same."""
    text = "북창쉼터랑 합정쉼터 중에 늦게까지 하는 데가 어디에요"
    tracker = make_tracker("ask_hours", text, slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "가장 늦게까지 여는 곳: 합정쉼터" in reply and "08:30~20:00" in reply
    than = make_tracker("ask_location", "거기 크기는 어때요? 합정보다 넓어요?", slots={"programme": "rest_area", "place": "북창쉼터"})
    reply = texts((await run_action(QUESTION, than, domain))[0])
    assert "더 넓은 곳: 북창쉼터" in reply and "규모 165㎡" in reply
    by_work = make_tracker("ask_hours", "대리기사 쉼터랑 방송쪽 쉼터 운영시간 비교 좀 해줘", slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, by_work, domain))[0])
    assert "서초쉼터" in reply and "09:30~18:00" in reply and "북창쉼터" not in reply


async def test_a_national_scheme_together_with_a_programme_is_not_covered(domain) -> None:
    text = "실업급여 받으면서 공공근로도 같이 할 수 있어요?"
    tracker = make_tracker("ask_eligibility", text, [span("programme", "public_works", text, "공공근로")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "실업급여" in reply and "120" in reply and "만 18세 이상" not in reply


async def test_the_one_just_named_that_gives_legal_help_is_found_whatever_the_question_word(domain) -> None:
    """"방금 말한 데 중에 법률지원까지 해주는 곳은 어디에요?" (where, to the NLU) after free labour advice was listed."""
    offered = listed("labour_rights_centre", "labour_ombudsman", "labour_rights_protector")
    text = "방금 말한 데 중에 법률지원까지 해주는 곳은 어디에요?"
    events = said("월급이 밀렸어요 어디다 물어봐야 돼요", bot="서울시에는 무료로 도와주는 노동 상담 창구가 있어요:", buttons=offered)
    tracker = make_tracker("ask_location", text, slots={"programme": "labour_ombudsman"}, events=events + [now(text)])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[노동권리보호관]" in reply


async def test_a_half_typed_with_its_particle_contracted_asks_the_question_again(domain) -> None:
    """"상반긴?" (상반기는, in a hurry) after "공근 하반기는 언제부터언제까지임": the first half's dates."""
    first = "공근 하반기는 언제부터언제까지임"
    events = said(first, bot="[공공근로사업] 보고서에 이렇게 나와 있어요.") + [now("상반긴?")]
    tracker = make_tracker("ask_cost", "상반긴?", slots={"programme": "public_works"}, events=events, confidence=0.3)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "6.30" in reply


async def test_how_old_the_information_is_is_said_with_120(domain) -> None:
    tracker = make_tracker("out_of_scope", "근데 정보가 언제 기준이에요? 최신이에요?", confidence=0.9)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "2018년 7월" in reply and "120" in reply


async def test_a_later_half_year_the_report_does_not_plan_is_said_unknown(domain) -> None:
    """"2019년 하반기 모집 날짜도": the report plans only 2019's first half (selected in Nov–Dec 2018)."""
    text = "2019년 하반기 모집 날짜도 미리 알려줘요"
    tracker = make_tracker("ask_how_to_apply", text, slots={"programme": "public_works"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "그 뒤의 일정은 나와 있지 않아요" in reply and "120" in reply
    first_half = make_tracker("ask_how_to_apply", "2019년 상반기 참여자는 언제 뽑아요", slots={"programme": "public_works"})
    reply = texts((await run_action(QUESTION, first_half, domain))[0])
    assert "’18.11월~12월" in reply and "그 뒤의 일정은 나와 있지 않아요" not in reply


async def test_wanting_to_apply_with_facts_that_rule_it_out_gets_the_verdict(domain) -> None:
    text = "공근 신청하고싶은데 62살 서울살고 소득업고 일없어요 구직등록은 안햇어요"
    ents = [
        span("programme", "public_works", text, "공근"), span("age", 62, text, "62살"), span("residence", "seoul", text, "서울"),
        span("has_regular_income", False, text, "소득업고"), span("job_seeker_registered", False, text, "구직등록은 안햇"),
    ]
    slots = {"age": 62, "residence": "seoul", "has_regular_income": False, "job_seeker_registered": False}
    tracker = make_tracker("ask_how_to_apply", text, ents, slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "아쉽지만 조건에 맞지 않아요" in reply and "구직등록" in reply


async def test_a_figure_asked_after_an_aside_heard_as_goodbye_is_given(domain) -> None:
    """"그럼 뉴딜일자리 모집인원 몇명이에여" (the 그럼 heard as goodbye): the recruitment figure, not the summary."""
    from actions.open_questions import ActionGoodbye

    text = "그럼 뉴딜일자리 모집인원 몇명이에여"
    tracker = make_tracker("goodbye", text, [span("programme", "newdeal_jobs", text, "뉴딜일자리")], confidence=0.23)
    reply = texts((await run_action(ActionGoodbye(), tracker, domain))[0])
    assert "[뉴딜일자리]" in reply and "명" in reply and "보고서에 이렇게" in reply


async def test_another_persons_facts_replace_the_ones_told_before(domain) -> None:
    """"아들은 고3인데 … 서울 살구요" after the father's own 45: the son is judged (a senior), not the father's age."""
    first = "저 45살인데 면접 정장 빌릴 수 있나요"
    text = "아들은 고3인데 내년 2월 졸업 예정이고 요즘 면접 보러 다녀요 서울 살구요"
    events = [
        {"event": "user", "text": first, "parse_data": {"text": first, "entities": [span("age", 45, first, "45살")]}},
        {"event": "slot", "name": "age", "value": 45},
        {"event": "bot", "text": "[취업날개 서비스] 아쉽지만 조건에 맞지 않아요.", "data": {}},
        now(text, [span("high_school_senior", True, text, "고3"), span("residence", "seoul", text, "서울")]),
        {"event": "slot", "name": "high_school_senior", "value": True},
        {"event": "slot", "name": "residence", "value": "seoul"},
    ]
    slots = {"programme": "interview_suit_rental", "last_question": "ask_eligibility", "age": 45, "residence": "seoul",
             "high_school_senior": True}
    ents = [span("high_school_senior", True, text, "고3"), span("residence", "seoul", text, "서울")]
    tracker = make_tracker("inform", text, ents, slots=slots, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "34세 이하" not in texts(messages).split("안 맞는 조건")[-1][:20] and "아쉽지만" not in texts(messages)
    assert {"event": "slot", "timestamp": None, "name": "age", "value": None} in events
    # the same person told on ("서울 사시고 …" after "우리 엄마 62살이에요") keeps what was said of them
    more = "서울 사시고 소득 없으세요"
    mum = "우리 엄마 62살이에요"
    events = [
        {"event": "user", "text": mum, "parse_data": {"text": mum, "entities": [span("age", 62, mum, "62살")]}},
        {"event": "slot", "name": "age", "value": 62},
        now(more, [span("residence", "seoul", more, "서울")]),
        {"event": "slot", "name": "residence", "value": "seoul"},
    ]
    tracker = make_tracker("inform", more, [span("residence", "seoul", more, "서울")], slots={"age": 62, "residence": "seoul"}, events=events)
    from actions.context import profile_from_tracker

    assert profile_from_tracker(tracker).age == 62
    # back to oneself ("난 기술교육원은 됨? 서울 살아" after a brother's 24): one's own 40, told first
    events = [
        now("뉴딜 마흔도 가능?"), {"event": "slot", "name": "age", "value": 40},
        now("울 동생 24살 인천삼"), {"event": "slot", "name": "age", "value": 24}, {"event": "slot", "name": "residence", "value": "outside"},
        now("난 기술교육원은 됨? 서울 살아"), {"event": "slot", "name": "residence", "value": "seoul"},
    ]
    back = make_tracker("ask_eligibility", "난 기술교육원은 됨? 서울 살아", slots={"age": 24, "residence": "seoul"}, events=events)
    assert profile_from_tracker(back).age == 40 and profile_from_tracker(back).seoul_resident is True


async def test_a_request_for_another_kind_of_recommendation_is_out_of_scope(domain) -> None:
    from actions.recommendations import ActionRecommendProgrammes

    tracker = make_tracker("recommend_programmes", "엄마 무릎 수술하셔야 되는데 서울에 잘하는 정형외과 추천해줘요")
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "안내할 수 있는 내용이 아니" in reply and "나이" not in reply


async def test_how_long_one_may_work_is_answered_whatever_is_told_of_oneself(domain) -> None:
    """"물류센터 새벽 상하차 하는 28살인데요 뉴딜일자리는 몇개월까지 일할수있어요?": 최대 23개월, not the form."""
    text = "물류센터 새벽 상하차 하는 28살인데요 뉴딜일자리는 몇개월까지 일할수있어요?"
    ents = [span("age", 28, text, "28살"), span("programme", "newdeal_jobs", text, "뉴딜일자리")]
    tracker = make_tracker("ask_eligibility", text, ents, slots={"age": 28})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "23개월" in reply


async def test_running_a_business_is_no_question_of_who_runs_the_place(domain) -> None:
    """"대리운전 업체 운영하는데 우리 기사님들 서초쉼터 몇시부터 쓸수있어요": 서초쉼터's hours (18:00), not who runs it."""
    text = "대리운전 업체 운영하는데 우리 기사님들 서초쉼터 몇시부터 쓸수있어요"
    tracker = make_tracker("ask_hours", text, [span("programme", "rest_area", text, "서초쉼터")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "운영시간이에요" in reply and "18:00" in reply and "‘업체’" not in reply


async def test_two_programmes_answered_together_are_both_remembered(domain) -> None:
    """"국제포럼이랑 사회적경제 주간 행사 둘다 시청에서 해요?": both places; then either may be pointed back to."""
    text = "좋은 일자리도시 국제포럼이랑 사회적경제 주간 행사 둘다 시청에서 해요?"
    tracker = make_tracker("ask_location", text)
    messages, events = await run_action(QUESTION, tracker, domain)
    said = list(dict.fromkeys(e["value"] for e in events if e.get("name") == "programme"))
    assert said == ["decent_work_forum", "social_economy_week"]
    assert "다목적홀" in texts(messages) and "덕수궁" in texts(messages)


async def test_a_national_wage_subsidy_is_not_covered(domain) -> None:
    tracker = make_tracker("ask_how_to_apply", "두루누리 사회보험료 지원은 어디서 신청해요", slots={"programme": "village_labour_attorney"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "두루누리" in reply and "120" in reply and "1,208" not in reply
