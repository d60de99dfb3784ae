"""Follow-ups of session 26 (v227–v232 read): terse eligibility ("뉴딜 40 은평 거주 신청됨?"), a part of a figure
just given (the districts', the suits'), a count named by its noun and 수, a no that opens a new question, a story whose
question is not the verdict, a centre's opening asked though the NLU heard another topic, another kind of course, items
the report does not list, a remark naming another figure, another thing's count and its sum, a programme described by
the city and the districts together, an organisation asking for itself."""
from __future__ import annotations

from actions.open_questions import ActionAnswerDetailOrOutOfScope, ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session21_followups import bot
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()

PARTICIPANTS = (
    "[공공근로사업] 보고서에 이렇게 나와 있어요.\n- 공공근로 참여인원: 10,109명 (2018년) — 시 990명, 자치구 9,119명\n\n"
    "출처: 업무보고 「취약계층을 위한 공공근로사업 추진」, 2018년 7월 기준"
)
SUIT_USERS = (
    "[취업날개 서비스] 보고서에 이렇게 나와 있어요.\n- 취업날개 서비스 이용 인원: 11,886명 (2018년 6월말) — 면접정장 11,607명, "
    "사진촬영 등 279명\n\n출처: 업무보고 「취업날개서비스 지원」, 2018년 7월 기준"
)
LABOUR_COST = (
    "[사회적경제기업 육성] 보고서에 이렇게 나와 있어요.\n- 인건비 지원 기업 수: 1,208개 (2018년 7월 보고 기준) — 인건비 3,992백만원. "
    "사회보험료 4,971명(1,179백만원)\n\n출처: 업무보고 「체계적인 종합지원으로 사회적경제기업 육성」, 2018년 7월 기준"
)
VILLAGE_FIRMS = (
    "[사회적경제기업 육성] 보고서에 이렇게 나와 있어요.\n- 마을기업 육성사업 신규 지원 기업 수: 6개 (2018년 7월 보고 기준) — 신규 6개 "
    "기업 총 218백만원\n\n출처: 업무보고 「체계적인 종합지원으로 사회적경제기업 육성」, 2018년 7월 기준"
)
MIDDLE_AGED_TARGET = (
    "서울시 일자리노동정책관 업무보고에 이렇게 나와 있어요.\n- ’18년 일자리 목표 — 중장년: 74,882개 (2018년) — ’18.6월말 실적 "
    "42,962개(57.4%), 예산 651억원. 학교안전관리서포터, 취업지원관, 문화재보호사, 공원녹지관리 등\n"
    "출처: 업무보고 「서울시 일자리 창출 추진 목표」, 2018년 7월 기준"
)


async def _reply(action, intent: str, text: str, entities=(), slots=None, events=None, domain=None, confidence=0.5):
    tracker = make_tracker(intent, text, list(entities), slots=slots or {}, events=events, confidence=confidence)
    return await run_action(action, tracker, domain)


async def test_terse_facts_with_may_i_apply_get_the_verdict(domain) -> None:
    """"뉴딜 40 은평 거주 신청됨?" (how to apply, to the NLU): the no for the age (39), not how to apply."""
    text = "뉴딜 40 은평 거주 신청됨?"
    entities = [
        span("programme", "newdeal_jobs", text, "뉴딜"), span("age", 40, text, "40"), span("residence", "seoul", text, "거주"),
    ]
    slots = {"age": 40, "residence": "seoul"}  # (as Rasa fills them from the entities)
    messages, _ = await _reply(QUESTION, "ask_how_to_apply", text, entities, slots=slots, domain=domain, confidence=0.8)
    reply = texts(messages)
    assert "조건에 맞지 않" in reply and "39" in reply and "온라인 접수" not in reply


async def test_a_part_of_the_figure_just_given(domain) -> None:
    """"그중에 구에서 하는 사업만 따지면요" after 공공근로's participants → 9,119 (the districts'); "그중 정장 빌린 사람만은"
    after 취업날개's users → 11,607 (the suits'); "아니 시 말고 구에서 뽑은거요" heard as a no → the districts' line."""
    cases = (
        (QUESTION, "ask_programme_info", "그중에 구에서 하는 사업만 따지면요", PARTICIPANTS, "public_works", "9,119"),
        (SITUATION, "situation_interview_suit", "그중 정장 빌린 사람만은", SUIT_USERS, "interview_suit_rental", "11,607"),
        (ActionAnswerNo(), "deny", "아니 시 말고 구에서 뽑은거요", PARTICIPANTS, "public_works", "9,119"),
    )
    for action, intent, now, before, slug, expected in cases:
        events = [then("올해 몇명이에요"), bot(before), then(now)]
        messages, _ = await _reply(action, intent, now, slots={"programme": slug}, events=events, domain=domain)
        reply = texts(messages)
        assert expected in reply and "무엇이 궁금" not in reply, now


async def test_a_count_named_by_its_noun_and_su(domain) -> None:
    """"마을노무사 지원 사업장수" → 300개소; "뉴딜 총 사업수" → 250개 사업 (no 몇, the 수 asks the count)."""
    for text, slug, words, expected in (
        ("마을노무사 지원 사업장수", "village_labour_attorney", "마을노무사", "300"),
        ("뉴딜 총 사업수", "newdeal_jobs", "뉴딜", "250"),
    ):
        messages, _ = await _reply(QUESTION, "inform", text, [span("programme", slug, text, words)], domain=domain, confidence=0.3)
        assert expected in texts(messages), text


async def test_a_no_that_opens_a_question_is_answered(domain) -> None:
    """"ㄴㄴ 마을노무사 지원 사업장수" (a no to the NLU) → 300; "그건 됐고 특성화고 멘토스쿨 몇명 참여했어요" → 450."""
    text = "ㄴㄴ 마을노무사 지원 사업장수"
    messages, _ = await _reply(
        ActionAnswerNo(), "deny", text, [span("programme", "village_labour_attorney", text, "마을노무사")], domain=domain, confidence=0.7
    )
    assert "300" in texts(messages) and "무엇이 궁금" not in texts(messages)
    messages, _ = await _reply(ActionAnswerNo(), "deny", "그건 됐고 특성화고 멘토스쿨 몇명 참여했어요", domain=domain, confidence=0.7)
    assert "450" in texts(messages)


async def test_a_story_asks_what_follows_not_whether_they_may(domain) -> None:
    """"…월급 두달치도 못받고 나왔어요 … 북부기술교육원이 어디 있어요?" with an age and Seoul told: where (상계동), not the
    verdict; "…공공근로라도 해볼까 하는데 하루 일당 얼마 받아요?": the pay the report does not give (120), no form."""
    text = (
        "노원구 사는 만 48인데 다니던 자동차 정비소가 문닫으면서 월급 두달치도 못받고 나왔어요 그건 그거고 먹고살려면 기술 하나 더 "
        "배워야될거같은데 북부기술교육원이 어디 있어요?"
    )
    entities = [
        span("age", 48, text, "48"), span("residence", "seoul", text, "사는"),
        span("programme", "technical_school", text, "북부기술교육원"),
    ]
    messages, _ = await _reply(SITUATION, "situation_job_training", text, entities, domain=domain)
    assert "상계동" in texts(messages) and "이용할 수 있어요" not in texts(messages)
    text = "작년에 치킨집 하다 폐업하고 빚 갚느라 대리에 막노동에 닥치는대로 하다가 몸이 망가졌어요 공공근로라도 해볼까 하는데 하루 일당 얼마 받아요?"
    entities = [span("job_status", "unemployed", text, "폐업하고"), span("programme", "public_works", text, "공공근로")]
    messages, events = await _reply(SITUATION, "situation_low_income", text, entities, domain=domain, confidence=0.3)
    assert "120" in texts(messages) and "몇 살" not in texts(messages)
    assert not any(e.get("event") == "followup" for e in events)


async def test_a_centre_opening_asked_of_the_programme_discussed(domain) -> None:
    """"전담 센터도 생긴다던데 언제 생겨" (out of scope to the NLU, sure) while 감정노동 보호 is discussed: 8월."""
    now = "전담 센터도 생긴다던데 언제 생겨"
    events = [then("상담이나 치유 프로그램 같은거 언제까지 해요?"), bot("[감정노동 보호] …"), then(now)]
    messages, _ = await _reply(
        ActionAnswerDetailOrOutOfScope(), "out_of_scope", now, slots={"programme": "emotional_labour_protection"},
        events=events, domain=domain, confidence=0.96,
    )
    assert "8월" in texts(messages) and "안내할 수 있는 내용이 아니" not in texts(messages)


async def test_items_the_report_does_not_list(domain) -> None:
    """"취업날개 구두랑 가방도 같이 빌려줘요?": the report names only suits (120), not the overview."""
    text = "취업날개 구두랑 가방도 같이 빌려줘요?"
    messages, _ = await _reply(
        QUESTION, "ask_programme_info", text, [span("programme", "interview_suit_rental", text, "취업날개")], domain=domain, confidence=0.4
    )
    reply = texts(messages)
    assert "구두" in reply and "120" in reply and "마이스윗인터뷰" not in reply


async def test_a_remark_naming_another_thing_is_not_the_year_of_the_figure(domain) -> None:
    """"공공기관 납품도 밀어준다던데 올해 실적 어때요" after 마을기업's count: 공공구매 (349억원), not 마을기업 again."""
    now = "공공기관 납품도 밀어준다던데 올해 실적 어때요"
    events = [then("신규 마을기업은 몇군데나 지원받았어요"), bot(VILLAGE_FIRMS), then(now)]
    messages, _ = await _reply(
        ActionAnswerDetailOrOutOfScope(), "out_of_scope", now, slots={"programme": "social_economy_support"}, events=events,
        domain=domain, confidence=0.78,
    )
    assert "349억" in texts(messages)


async def test_another_things_count_then_its_sum(domain) -> None:
    """"아 인건비 말고 사업개발비 지원이요" after 인건비 지원 기업 수 → 111개; "그건 총 금액이 얼마에요" → 2,400백만원."""
    now = "아 인건비 말고 사업개발비 지원이요"
    events = [then("사회적기업 인건비 지원 받은 데가 몇 군데에요"), bot(LABOUR_COST), then(now)]
    messages, _ = await _reply(QUESTION, "inform", now, slots={"programme": "social_economy_support"}, events=events, domain=domain)
    first = texts(messages)
    assert "111" in first
    events += [bot(first), then("그건 총 금액이 얼마에요")]
    messages, _ = await _reply(
        QUESTION, "ask_cost", "그건 총 금액이 얼마에요", slots={"programme": "social_economy_support"}, events=events, domain=domain,
        confidence=0.95,
    )
    assert "2,400" in texts(messages)


async def test_jobs_of_the_city_and_districts_together_for_a_group(domain) -> None:
    """"시랑 구청이 같이 만드는 일자리도 있다던데 그중에 신중년 몫은 몇개에요?" right after the bureau's middle-aged target:
    the 시-구 협력 count (신중년 734), not the bureau's line again."""
    now = "시랑 구청이 같이 만드는 일자리도 있다던데 그중에 신중년 몫은 몇개에요?"
    events = [then("중장년 대상으로 시에서 하는 일자리는 어떤게 있는지 궁금해요"), bot(MIDDLE_AGED_TARGET), then(now)]
    messages, _ = await _reply(
        QUESTION, "ask_location", now, [span("target_group", "중장년", now, "신중년")], events=events, domain=domain, confidence=0.3
    )
    assert "734" in texts(messages)


async def test_an_organisation_or_an_individual_asking_for_itself(domain) -> None:
    """"저희 청년 협동조합인데 … 공모 신청할 수 있나요?" → yes (협동조합 is among those it is for); "제 친구는 단체 없이 그냥
    개인이에요 … 혼자 신청되나요" (how to apply, to the NLU) → no."""
    from actions.eligibility import ActionEligibilityVerdict

    text = "저희 청년 협동조합인데 청년일자리 민관협력사업 공모 신청할 수 있나요?"
    messages, _ = await _reply(
        ActionEligibilityVerdict(), "ask_eligibility", text, [span("programme", "youth_jobs_partnership", text, "청년일자리 민관협력사업")],
        slots={"programme": "youth_jobs_partnership"}, domain=domain, confidence=0.9,
    )
    assert "이용할 수 있어요" in texts(messages)
    text = "그럼 제 친구는 단체 없이 그냥 개인이에요 아이디어만 있는데 혼자 신청되나요"
    messages, _ = await _reply(
        QUESTION, "ask_how_to_apply", text, slots={"programme": "youth_jobs_partnership"}, domain=domain, confidence=0.3
    )
    assert "조건에 맞지 않" in texts(messages) and "받을 수 있어요" not in texts(messages)


async def test_a_small_factory_hiring_young_people_is_an_employer(domain) -> None:
    """"성수동에서 작은 공장 하는데 젊은 사람 뽑으려 공고내도 아무도 안와요 …": what the report offers firms hiring young
    people (서울형 강소기업), not 마을노무사's labour consulting for small workplaces."""
    text = "성수동에서 작은 공장 하는데 젊은 사람 뽑으려 공고내도 아무도 안와요 시에서 연결해주는거 없을까"
    messages, _ = await _reply(SITUATION, "situation_small_workplace", text, domain=domain, confidence=0.6)
    assert "강소기업" in texts(messages) and "노무컨설팅" not in texts(messages)


async def test_the_building_another_programme_goes_into(domain) -> None:
    """"…노동권익센터 찾아가보려는데 전태일 기념관 건물로 들어간다고 들었거든요 그 건물이 어디에요?": the building's address,
    and the centre stays the one discussed."""
    text = "건설현장 일용직인데 팀장이 석달째 노임을 미루고 있어요 노동권익센터 찾아가보려는데 전태일 기념관 건물로 들어간다고 들었거든요 그 건물이 어디에요?"
    entities = [
        span("programme", "labour_rights_centre", text, "노동권익센터"), span("programme", "jeon_tae_il_memorial", text, "전태일 기념관"),
    ]
    messages, events = await _reply(QUESTION, "ask_location", text, entities, domain=domain, confidence=0.97)
    assert "청계천로 105" in texts(messages)
    assert [e["value"] for e in events if e.get("name") == "programme"] == ["labour_rights_centre"]


async def test_a_count_asked_after_the_programme_named_in_a_story(domain) -> None:
    """"편의점 사장이 퇴직금 안줄라고 … 마을노무사한테 상담하면 되나요? 그분들 몇명이나 있어요?": how many (50명)."""
    text = "편의점 사장이 퇴직금 안줄라고 11개월 되기전에 자르겠다고 대놓고 말해요 마을노무사한테 상담하면 되나요? 그분들 몇명이나 있어요?"
    entities = [span("programme", "village_labour_attorney", text, "마을노무사")]
    messages, _ = await _reply(SITUATION, "situation_unpaid_wages", text, entities, domain=domain, confidence=0.2)
    assert "50명" in texts(messages)


async def test_what_fits_asked_at_the_end_of_a_story_of_unpaid_pay(domain) -> None:
    """"만 20 중랑구 살고 … 정산을 두달째 안해줘서 때려쳤어요 이제 제대로 취업준비 하려는데 저같은 사람이 쓸수있는 서울시 거
    뭐 있어요": what fits a 20-year-old (뉴딜일자리 …), not the wage counselling."""
    text = (
        "만 20 중랑구 살고 고졸이에요 배달대행 하다가 사장이 배달비 정산을 두달째 안해줘서 때려쳤어요 이제 제대로 취업준비 하려는데 "
        "저같은 사람이 쓸수있는 서울시 거 뭐 있어요"
    )
    entities = [span("age", 20, text, "만 20"), span("district", "중랑구", text, "중랑구"), span("residence", "seoul", text, "살고")]
    messages, _ = await _reply(
        SITUATION, "situation_unpaid_wages", text, entities, slots={"age": 20, "residence": "seoul"}, domain=domain, confidence=0.6
    )
    assert "뉴딜일자리" in texts(messages)


async def test_a_job_the_bureau_lists_for_a_group(domain) -> None:
    """"딴 얘기 지만 시니어 택배 라는 것도 시에서 하는 일자리 입니까" → the seniors' line (76,769, 시니어택배 among its jobs);
    "학교 보안관 일은 어디 가서 신청 합니까?" → that line, and how to apply is not in the report (120)."""
    messages, _ = await _reply(QUESTION, "ask_programme_info", "딴 얘기 지만 시니어 택배 라는 것도 시에서 하는 일자리 입니까", domain=domain)
    assert "76,769" in texts(messages) and "어떤 제도(프로그램)가 궁금하세요" not in texts(messages)
    messages, _ = await _reply(QUESTION, "ask_how_to_apply", "학교 보안관 일은 어디 가서 신청 합니까? 아버지가 관심 있어 하셔서요", domain=domain)
    assert "학교보안관" in texts(messages) and "신청 방법" in texts(messages) and "120" in texts(messages)


async def test_a_district_part_of_a_bureau_figure_is_not_in_the_report(domain) -> None:
    """"그중 관악구에서 나온 건 몇개인지 알려줘요" right after the youth jobs target: the report counts all of Seoul (120)."""
    target = (
        "서울시 일자리노동정책관 업무보고에 이렇게 나와 있어요.\n- ’18년 일자리 목표 — 청년: 76,692개 (2018년) — ’18.6월말 실적 "
        "48,697개(63.5%), 예산 2,985억원. 뉴딜일자리, 신직업 발굴 및 혁신인재 양성, 청년예술가 교사, 강소기업 고용지원 등\n"
        "출처: 업무보고 「서울시 일자리 창출 추진 목표」, 2018년 7월 기준"
    )
    now = "그중 관악구에서 나온 건 몇개인지 알려줘요"
    events = [then("6월말까지 실적은"), bot(target), then(now, [span("district", "관악구", now, "관악구")])]
    messages, _ = await _reply(QUESTION, "ask_programme_info", now, [span("district", "관악구", now, "관악구")], events=events, domain=domain)
    assert "관악구만 따로" in texts(messages) and "120" in texts(messages)


async def test_names_the_report_only_counts(domain) -> None:
    """"북부기술교육원 무슨 학과 있는지 목록 좀 보여줘요": the report counts the departments (154개 학과) but names none (120)."""
    text = "북부기술교육원 무슨 학과 있는지 목록 좀 보여줘요"
    messages, _ = await _reply(
        QUESTION, "ask_programme_info", text, [span("programme", "technical_school", text, "북부기술교육원")], domain=domain, confidence=0.58
    )
    reply = texts(messages)
    assert "학과 목록" in reply and "120" in reply and "154개 학과" in reply


async def test_a_date_of_the_programme_discussed_is_not_another_ones(domain) -> None:
    """"최종 선정 결과 발표가 정확히 며칠이에요" (out of scope to the NLU) after 서울형 강소기업's applications: its date, which the
    report lacks (120), not 청년일자리 민관협력사업's fact that also says 결과."""
    now = "최종 선정 결과 발표가 정확히 며칠이에요"
    events = [then("접수 경쟁률 얼마였어요"), bot("[서울형 강소기업] 보고서에 이렇게 나와 있어요. …"), then(now)]
    messages, events = await _reply(
        ActionAnswerDetailOrOutOfScope(), "out_of_scope", now, slots={"programme": "seoul_strong_sme"}, events=events,
        domain=domain, confidence=0.83,
    )
    assert "서울형 강소기업" in texts(messages) and "120" in texts(messages) and "민관협력" not in texts(messages)


async def test_a_board_chair_of_a_cooperative_asks_for_it(domain) -> None:
    """"청년 창업 돕는 협동조합 이사장입니다 청년일자리 민관협력사업 공모에 협동조합도 참여할 수 있나요?": an organisation
    asking for itself (yes)."""
    from actions.eligibility import ActionEligibilityVerdict

    text = "청년 창업 돕는 협동조합 이사장입니다 청년일자리 민관협력사업 공모에 협동조합도 참여할 수 있나요?"
    messages, _ = await _reply(
        ActionEligibilityVerdict(), "ask_eligibility", text, [span("programme", "youth_jobs_partnership", text, "청년일자리 민관협력사업")],
        slots={"programme": "youth_jobs_partnership"}, domain=domain, confidence=0.9,
    )
    assert "이용할 수 있어요" in texts(messages)


async def test_earning_rather_than_learning(domain) -> None:
    """"근데 엄마는 배우는거보다 바로 돈버는게 급하시대요 그런건 없어요?" after what fits a 58-year-old: the paid ones
    (공공근로), not the training list again."""
    now = "근데 엄마는 배우는거보다 바로 돈버는게 급하시대요 그런건 없어요?"
    events = [then("엄마 집 근처 기술교육원은 어디에요"), bot("[서울시 기술교육원] 위치예요. …"), then(now)]
    messages, _ = await _reply(
        SITUATION, "situation_job_training", now, slots={"age": 58, "residence": "seoul", "programme": "technical_school"},
        events=events, domain=domain, confidence=0.6,
    )
    assert "공공근로" in texts(messages)


async def test_an_intern_in_a_leavers_place_is_hiring(domain) -> None:
    """"저희 팀 과장님이 다음달 육아휴직 들어가시는데 그 자리에 청년 인턴 쓰면 시에서 지원해주는게 있다고 들었어여" (heard
    as harassment): what the report offers firms hiring, with its 육아휴직자 대체 청년인턴."""
    text = "저희 팀 과장님이 다음달 육아휴직 들어가시는데 그 자리에 청년 인턴 쓰면 시에서 지원해주는게 있다고 들었어여"
    messages, _ = await _reply(SITUATION, "situation_workplace_harassment", text, domain=domain, confidence=0.61)
    assert "육아휴직자 대체 청년인턴" in texts(messages) and "괴롭힘" not in texts(messages)
