"""Follow-ups found on the held-out conversations read in session 7 (v43–v46): facts told in a story after a
verdict, a correction heard as a no, where an event is held, what a young job seeker can use without rules, work
instead of training, a suit asked for by someone too old for it, a need for job help without a profile, and a
shelter visit at dawn."""
from __future__ import annotations

from actions.open_questions import ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.question_words import question_named
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, span, texts
from tests.unit.actions.test_session6_followups import said_before as said, then as now

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


async def test_facts_told_in_a_story_after_a_verdict_are_judged(domain) -> None:
    """"그럼 저희 엄마는요? 58세 서울 사시고 …" after a "no" for a 17-year-old (read as low income): a "yes" for her,
    not the programme's rule quoted back."""
    text = "그럼 저희 엄마는요? 58세 서울 사시고 일 없으시고 구직등록도 하셨어요 소득도 없고요"
    told = [
        entity("age", 58), entity("residence", "seoul"), entity("job_status", "unemployed"),
        entity("job_seeker_registered", True), entity("has_regular_income", False),
    ]
    slots = {
        "programme": "public_works", "last_question": "ask_eligibility", "age": 58, "residence": "seoul",
        "job_status": "unemployed", "job_seeker_registered": True, "has_regular_income": False,
    }
    tracker = make_tracker("situation_low_income", text, told, slots=slots, confidence=0.5)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "맞지 않" not in reply


async def test_a_correction_heard_as_a_no_answers_what_it_asks_about_the_programme_named(domain) -> None:
    """"아니 그거 말고 뉴딜일자리요 그건 뭐하는건데" after 취업날개: what 뉴딜일자리 is, not the menu."""
    text = "아니 그거 말고 뉴딜일자리요 그건 뭐하는건데"
    named = [span("programme", "newdeal_jobs", text, "뉴딜일자리")]
    slots = {"programme": "interview_suit_rental", "last_question": "ask_programme_info"}
    tracker = make_tracker("deny", text, named, slots=slots, confidence=0.58)
    reply = texts((await run_action(ActionAnswerNo(), tracker, domain))[0])
    assert "[뉴딜일자리]" in reply and "직무경험" in reply and "이런 걸 물어보실 수 있어요" not in reply


def test_where_it_is_held_is_a_location_question_but_where_to_apply_is_not() -> None:
    assert question_named("어디서 하는데") == "ask_location"
    assert question_named("포럼은 어디서 하는데요?") == "ask_location"
    assert question_named("신청은 어디서 하는데") == "ask_how_to_apply"


async def test_where_an_event_is_held_is_its_venue(domain) -> None:
    tracker = make_tracker("ask_how_to_apply", "어디서 하는데", slots={"programme": "decent_work_forum"}, confidence=0.13)
    assert "다목적홀" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_young_job_seeker_also_hears_of_the_places_without_rules(domain) -> None:
    """"26살 서울 사는 취준생": the programmes checked for them, and the youth centre and cafés that set no rules."""
    text = "26살 서울 사는 취준생이에요 받을수 있는 지원 다 알려줘요"
    told = [entity("age", 26), entity("residence", "seoul"), entity("job_status", "job_seeker")]
    slots = {"age": 26, "residence": "seoul", "job_status": "job_seeker"}
    tracker = make_tracker("recommend_programmes", text, told, slots=slots)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "뉴딜일자리: 조건에 맞아요" in reply
    assert "청년일자리센터, 일자리카페" in reply and "따로 자격 조건이 없어요" in reply
    older = make_tracker(
        "recommend_programmes", "45살 서울 사는 실업자예요", [entity("age", 45)],
        slots={"age": 45, "residence": "seoul", "job_status": "unemployed"},
    )
    assert "따로 자격 조건이 없어요" not in texts((await run_action(ActionRecommendProgrammes(), older, domain))[0])


async def test_work_rather_than_training_is_the_job_programmes_that_fit(domain) -> None:
    """"배우는거 말고 바로 일하는거요" after what fits a 62-year-old: 공공근로, not the technical school again."""
    slots = {"age": 62, "residence": "seoul"}
    tracker = make_tracker("situation_job_training", "배우는거 말고 바로 일하는거요", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "공공근로사업" in reply and "기술교육원" not in reply
    later = make_tracker("ask_hours", "하반기는 언제까지 일하는데", slots={**slots, "programme": "public_works"})
    assert "12.20" in texts((await run_action(QUESTION, later, domain))[0])  # a question about it, not the list


async def test_a_suit_asked_for_by_someone_too_old_is_a_no_with_the_age_limit(domain) -> None:
    """"면접 정장도 빌려줌?" after what fits a 37-year-old: 취업날개 is up to 34."""
    slots = {"age": 37, "residence": "seoul", "job_status": "unemployed"}
    tracker = make_tracker("situation_interview_suit", "면접 정장도 빌려줌?", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "맞지 않" in reply and "34세 이하" in reply


async def test_job_help_asked_without_a_profile_lists_the_programmes_for_job_seekers(domain) -> None:
    """"그럼 서울시에서 일자리 찾는 거 도와주는 건 뭐가 있어요" (job search close behind): the list, not a profile
    question."""
    ranking = [
        {"name": "recommend_programmes", "confidence": 0.40}, {"name": "situation_job_search", "confidence": 0.38},
    ]
    text = "그럼 서울시에서 일자리 찾는 거 도와주는 건 뭐가 있어요"
    tracker = make_tracker("recommend_programmes", text, ranking=ranking, confidence=0.40)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "청년일자리센터" in reply and "나이, 서울 거주 여부" not in reply


async def test_a_visit_at_dawn_to_the_shelter_discussed_gets_its_hours(domain) -> None:
    """"밤샘 촬영 끝나고 새벽에 들러도 열려 있을까요" about 상암쉼터 (read as a rest-area story): its hours."""
    slots = {"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("situation_rest_area", "밤샘 촬영 끝나고 새벽에 들러도 열려 있을까요", slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "상암쉼터" in reply and "18:00" in reply


async def test_the_bureau_s_target_then_what_is_achieved_of_it(domain) -> None:
    """"ㅇㅋ 그럼 올해 서울시 일자리 목표는 몇 개야" (heard as goodbye): 353,956; then "지금까지 얼마나 채웠어" (heard as
    an open-now question): 245,657 achieved, 69.4%."""
    from actions.open_questions import ActionGoodbye

    first = "ㅇㅋ 그럼 올해 서울시 일자리 목표는 몇 개야"
    tracker = make_tracker("goodbye", first, confidence=0.28)
    messages, _ = await run_action(ActionGoodbye(), tracker, domain)
    target = texts(messages)
    assert "353,956" in target
    second = "지금까지 얼마나 채웠어"
    events = said(first, bot=messages[0]["text"]) + [now(second)]
    tracker = make_tracker("ask_open_now", second, events=events, confidence=0.58)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "245,657" in reply and "69.4%" in reply


async def test_a_bureau_figure_asked_in_a_situation_s_words_is_that_figure(domain) -> None:
    """"사회적경제 공공구매 올해 목표 얼마에요" (read as the social-economy situation): 1,300억, not the list of help;
    a question whether an organisation may apply is no figure asked."""
    tracker = make_tracker("situation_social_economy", "사회적경제 공공구매 올해 목표 얼마에요", confidence=0.48)
    assert "1,300" in texts((await run_action(SITUATION, tracker, domain))[0])
    text = "청년 창업을 돕는 비영리단체에서 일하고 있습니다. 청년일자리 민관협력사업에 저희 단체도 지원할 수 있을까요?"
    named = [span("programme", "youth_jobs_partnership", text, "청년일자리 민관협력사업")]
    tracker = make_tracker("situation_social_economy", text, named, confidence=0.78)
    assert "일자리노동정책관 업무보고에 이렇게" not in texts((await run_action(SITUATION, tracker, domain))[0])


WAGE_QUESTION = "그 시급이 서울시 생활임금이라는 거죠? 일반 민간 회사도 그만큼 줘야 되는 거예요?"


async def test_a_building_s_floor_asked_after_a_centre_it_houses_is_the_building_s(domain) -> None:
    """"전시 보는 데는 몇층이고" after "노동권익센터도 거기 들어간다던데 몇층임" (asked of 전태일 기념관): its 3rd floor."""
    events = [
        {"event": "slot", "name": "programme", "value": "jeon_tae_il_memorial"},
        *said("전태일 기념관 새로 생긴다던데 건물 몇층짜리에요?"),
        {"event": "slot", "name": "programme", "value": "labour_rights_centre"},
        *said("노동권익센터도 거기 들어간다던데 몇층임"),
        now("전시 보는 데는 몇층이고"),
    ]
    tracker = make_tracker(
        "ask_location", "전시 보는 데는 몇층이고", slots={"programme": "labour_rights_centre"}, events=events, confidence=0.63
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "3층" in reply and "전시실" in reply
    # a programme merely named by the one in context is no building: 생활임금's facts name 뉴딜일자리's pay
    events = [
        {"event": "slot", "name": "programme", "value": "newdeal_jobs"},
        *said("공휴일도 돈 나와?"),
        {"event": "slot", "name": "programme", "value": "living_wage"},
        now(WAGE_QUESTION),
    ]
    tracker = make_tracker("ask_cost", WAGE_QUESTION, slots={"programme": "living_wage"}, events=events)
    assert "120" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_programme_corrected_with_얘기였어요_gets_the_same_question(domain) -> None:
    first = "노동옴부즈만 자치구마다 몇 명씩 있어요?"
    text = "아 아니 권리보호관 얘기였어요"
    named = [span("programme", "labour_rights_protector", text, "권리보호관")]
    events = said(first, [span("programme", "labour_ombudsman", first, "노동옴부즈만")]) + [now(text, named)]
    tracker = make_tracker(
        "inform", text, named, slots={"programme": "labour_ombudsman", "last_question": "ask_programme_info"}, events=events
    )
    assert "50명" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_whether_a_service_is_offered_is_not_who_may_use_it(domain) -> None:
    """"나중에 직원 뽑으면 인건비도 지원받을수 있어요?" of 사회적경제기업 육성: 인건비 is among what it offers."""
    text = "나중에 직원 뽑으면 인건비도 지원받을수 있어요?"
    tracker = make_tracker("ask_eligibility", text, slots={"programme": "social_economy_support"}, confidence=0.35)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "인건비" in texts(messages) and "eligibility_form" not in [e.get("name") for e in events]


async def test_whether_one_must_go_in_person_is_how_the_centre_advises(domain) -> None:
    """"설립 상담은 직접 찾아가야돼요?" of 협동조합지원센터: 전화·방문 상담 (not an address question); "직접 찾아가려면
    어디로 가요?" still asks where."""
    tracker = make_tracker("ask_location", "설립 상담은 직접 찾아가야돼요?", slots={"programme": "cooperative_support_centre"})
    assert "전화·방문" in texts((await run_action(QUESTION, tracker, domain))[0])
    tracker = make_tracker("ask_location", "노동권익센터는 직접 찾아가려면 어디로 가요?", slots={"programme": "labour_rights_centre"})
    assert "120" in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_a_dismissal_story_naming_the_city_s_own_conversions_gets_the_free_advice(domain) -> None:
    text = "수습 3개월 끝나자마자 정규직 전환 안해준다고 그만 나오래요 이거 부당한거 아닌가요"
    named = [span("programme", "regularisation", text, "정규직 전환")]
    tracker = make_tracker("situation_unfair_dismissal", text, named)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "노동권리보호관" in reply and "[비정규직의 정규직화]" not in reply


async def test_the_programme_a_story_names_is_the_one_discussed_after_the_list(domain) -> None:
    """"친구들이랑 협동조합 차리려고 하는데 …": the list of social-economy help, with 협동조합지원센터 in context."""
    tracker = make_tracker("situation_social_economy", "친구들이랑 협동조합 차리려고 하는데 서울시에서 도와주는거 전부 알려주세요")
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "사회적경제기업 육성" in texts(messages)
    assert {"event": "slot", "name": "programme", "value": "cooperative_support_centre"} in [
        {k: e.get(k) for k in ("event", "name", "value")} for e in events
    ]


async def test_two_programmes_compared_are_described_side_by_side(domain) -> None:
    text = "노동옴부즈만이랑 노동권리보호관 차이가 뭐예요? 둘다 상담해준다는데 헷갈려요"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "labour_ombudsman", text, "노동옴부즈만")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "시민명예 노동옴부즈만:" in reply and "노동권리보호관:" in reply


async def test_a_job_search_close_behind_a_question_about_the_protector_is_the_job_help(domain) -> None:
    """"그럼 다시 일 구하는 건 서울시가 뭐 도와줘요?" after a dismissal story and 실업급여: help finding work."""
    ranking = [
        {"name": "ask_programme_info", "confidence": 0.51}, {"name": "situation_job_search", "confidence": 0.40},
    ]
    text = "그럼 다시 일 구하는 건 서울시가 뭐 도와줘요?"
    tracker = make_tracker(
        "ask_programme_info", text, slots={"programme": "labour_rights_protector"}, ranking=ranking, confidence=0.51
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청년일자리센터" in reply and "[노동권리보호관]" not in reply


async def test_paid_work_for_young_people_is_the_programme_with_a_wage(domain) -> None:
    from actions.open_questions import ActionAnswerCapabilities

    text = "그럼 여기서 알려줄 수 있는 것 중에 청년이 돈 벌 수 있는 건 뭐 있어요"
    tracker = make_tracker("ask_capabilities", text, [entity("target_group", "청년")], confidence=0.59)
    assert "뉴딜일자리: 생활임금 시급: 9,220원" in texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])
    # a question about one of them (its recruitment) is not that list
    text = "시급 받으면서 경력 쌓는 그 청년 일자리요, 2025년 모집 공고는 언제 나와요?"
    tracker = make_tracker("ask_how_to_apply", text, [entity("target_group", "청년")])
    assert "임금이 적힌 일자리예요" not in texts((await run_action(QUESTION, tracker, domain))[0])


async def test_an_interview_asked_of_a_programme_is_its_selection_not_the_suit_rental(domain) -> None:
    """"면접도 봐요?" after 뉴딜일자리's documents (heard as needing an interview suit): the report does not say (120)."""
    tracker = make_tracker(
        "situation_interview_suit", "면접도 봐요?", slots={"programme": "newdeal_jobs", "last_question": "ask_how_to_apply"},
        confidence=0.52,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[뉴딜일자리]" in reply and "‘면접’" in reply and "120" in reply and "취업날개" not in reply


async def test_someone_like_me_after_a_story_of_restructuring_gets_what_fits(domain) -> None:
    text = "55세 남자고요 회사에서 구조조정으로 나왔어요. 서울 구로 살아요. 나 같은 사람도 뭐 있어요?"
    told = [entity("age", 55), entity("residence", "seoul"), entity("job_status", "unemployed")]
    slots = {"age": 55, "residence": "seoul", "job_status": "unemployed"}
    tracker = make_tracker("situation_unfair_dismissal", text, told, slots=slots)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "공공근로사업" in reply and "서울시 기술교육원" in reply


async def test_what_ombudsmen_do_asked_after_seeing_a_poster_is_no_date_question(domain) -> None:
    text = "구청 게시판에 시민명예 노동옴부즈만 모집 포스터가 있던데 그 사람들이 시민한테 뭘 해주는 거예요?"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "labour_ombudsman", text, "시민명예 노동옴부즈만")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "노무상담" in reply and "숫자나 날짜" not in reply


async def test_a_count_asked_with_a_price_word_is_the_count(domain) -> None:
    tracker = make_tracker("ask_cost", "올해 상반기에 무료 상담 몇 건이나 했대요?", slots={"programme": "labour_ombudsman"})
    assert "1,694" in texts((await run_action(QUESTION, tracker, domain))[0])
