"""Detail questions answered by the one fact the knowledge base holds (knowledge/fact_search.py), on the real data."""
from __future__ import annotations

import pytest

from knowledge.fact_search import Fact, FactIndex, bigrams
from knowledge.queries import KnowledgeBase


def test_bigrams_stay_inside_words_and_ignore_spacing() -> None:
    assert bigrams("사진 촬영") == ["사진", "촬영"]
    assert set(bigrams("사진촬영")) >= {"사진", "촬영"}
    assert "로하" not in bigrams("공공근로 하면")  # no bigram across two words
    assert bigrams("") == [] and bigrams("!!") == []


@pytest.mark.parametrize(
    "question, slug, expected",
    [
        ("일자리카페는 전부 몇 곳이에요", "job_cafe", "73"),
        ("전태일 기념관 5층은 뭐로 써요", "jeon_tae_il_memorial", "노동권익센터"),
        ("사진 촬영도 해주나요", "interview_suit_rental", "사진촬영"),
        ("어느 업체들이 운영해요", "interview_suit_rental", "열린옷장"),
        ("뉴딜일자리 시급은 얼마 줘요", "newdeal_jobs", "9,220"),
        ("뉴딜 취업률 어때요", "newdeal_jobs", "52.9"),
        ("협동조합지원센터 몇 층에 있어요", "cooperative_support_centre", "6층"),
        ("운영은 누가 맡아요", "jeon_tae_il_memorial", "전태일재단"),  # 민간위탁, the report's word for who runs it
        ("직장다니면서 밤에 다닐수도 있나여", "technical_school", "야간"),
        ("세계 공정무역의 날이 언제에요?", "fair_trade", "5월 둘째 토요일"),
        ("시에서 가이드라인 잘 지키는지 점검도 하나", "emotional_labour_protection", "이행실태 점검"),
        ("원래 더 적었다던데 왜 늘렸대", "village_labour_attorney", "수요 증가"),
        ("사업 하나당 지원금이 얼마 정도예요?", "youth_jobs_partnership", "6억"),  # 하나당: the report's 사업별
        ("노동권리보호관은 현재 몇 분이 활동하세요?", "labour_rights_protector", "50명"),  # 몇 분: people, not minutes
        ("그거 하면 몇달이나 일해요?", "public_works", "12.20"),  # how long one works: its 사업기간
    ],
)
def test_a_detail_question_finds_its_fact(kb: KnowledgeBase, question: str, slug: str, expected: str) -> None:
    facts = kb.find_facts(question, slug)
    assert facts and expected in " ".join(f.text for f in facts), [f.text for f in facts]
    assert all(f.programme_slug == slug for f in facts)


@pytest.mark.parametrize(
    "question, slug",
    [
        ("오늘 날씨 어때", "interview_suit_rental"),
        ("구체적으로 뭐해줘요", "labour_rights_centre"),  # (its fact says "구체적인 상담 서비스 … 나와 있지 않아요")
        ("짜장면 맛집 알려줘", "newdeal_jobs"),
        ("하루 일당은 얼마예요", "public_works"),  # an amount needs a word of the question, not just "a number in won"
        ("주소 알려주세요", "rest_area"),  # no fact holds a shelter's address: nothing, so the caller says 120
        ("working days는 주 몇일이에요", "public_works"),  # days a week, not a date: the report has none
    ],
)
def test_no_fact_is_forced_onto_a_question_it_does_not_answer(kb: KnowledgeBase, question: str, slug: str) -> None:
    assert kb.find_facts(question, slug) == []


def test_across_all_programmes_only_a_clear_match_counts(kb: KnowledgeBase) -> None:
    facts = kb.find_facts("공정무역 도시 인증은 언제 받았어요")
    assert facts and facts[0].programme_slug == "fair_trade"
    for chit_chat in ["주식 추천해줘", "오늘 날씨 어때", "롤 티어 올리는 법", "여권 재발급 어디서 해요"]:
        assert kb.find_facts(chit_chat) == [], chit_chat


def test_the_place_being_discussed_wins_a_tie(kb: KnowledgeBase) -> None:
    facts = kb.find_facts("하루에 몇 명 정도 와요", "rest_area", place="서초쉼터")
    assert facts[0].text.startswith("서초쉼터") and "70명" in facts[0].text


def test_programme_names_are_not_evidence() -> None:
    index = FactIndex(
        [Fact("a", "service", "취업날개 면접 정장 대여"), Fact("a", "figure", "취업날개 이용자: 1,000명")],
        {"a": ("취업날개",)},
    )
    assert index.evidence("취업날개 뭐예요", "a") == []


@pytest.mark.parametrize(
    "question, unknown",
    [
        ("스터디룸 예약은 어케함", ["예약"]),  # 스터디룸 is in the report, booking it is not
        ("용접 학과 있나요? 어떤 과정 있는지 궁금", ["용접"]),
        ("예약은 며칠 전에 해야돼요?", ["예약"]),  # 며칠 only asks when
        ("사진 촬영도 같이 돼요?", []),
        ("운영하는 업체 이름이라도?", []),  # asking words are not a subject
        ("관악구에도 있어요?", []),  # a district is where, answered by the location reply
        ("참가자 몇 명이에요?", []),  # a number asked for: the fact with the number answers it
        ("운영자금 대출 같은 것도 있어요?", []),  # 자금 and 대출 are the report's 융자
        ("비트코인 채굴도 알려주나요?", ["비트코인", "채굴"]),
    ],
)
def test_unknown_nouns_are_the_subjects_the_report_never_mentions(kb: KnowledgeBase, question: str, unknown) -> None:
    assert kb.fact_index().unknown_nouns(question) == unknown


@pytest.mark.parametrize(
    "question, slug, expected",
    [
        ("최대 몇년까지 할수있나", "newdeal_jobs", "23개월"),  # how long, not when
        ("지원금은 사업당 얼마 정도예요", "youth_jobs_partnership", "6억"),  # the report says 사업별
        ("국비 과정도 있어요?", "technical_school", "국가 과정"),
        ("우리 구에도 있어요?", "labour_ombudsman", "구별"),
        # session 13: a period supposed, English words, vendors counted, a guideline's date
        ("기간은 딱 1년짜리죠?", "newdeal_jobs", "23개월"),
        ("contract 기간 max 몇달까지 가능함", "newdeal_jobs", "23개월"),
        ("그럼 hair makeup도 같이 받을 수 있는 거죠?", "interview_suit_rental", "헤어메이크업"),
        ("정장 빌려주는 업체는 어디어디에요? 몇 곳?", "interview_suit_rental", "체인지레이디"),
        ("감정노동자 보호 가이드라인? 그거 언제 만든건데 진짜 있긴 함?", "emotional_labour_protection", "5월"),
        # session 18: the year's trainees in all (the plan), not those in training now; a night course; 헤메
        ("알겠소. 기술교육원 올해 훈련 인원이 총 몇명 이요", "technical_school", "7,298명"),
        ("지금 훈련 중인 인원은 몇명이에요", "technical_school", "4,046명"),
        ("낮엔 알바해서 밤에 수업 들을수있나", "technical_school", "야간"),
        ("헤메도 해준다던데 ㄹㅇ?", "interview_suit_rental", "헤어메이크업"),
        ("상담 실적 많아요? 몇건이나 했대", "cooperative_support_centre", "4,632건"),
    ],
)
def test_durations_and_citizens_words_find_the_report_s_fact(kb: KnowledgeBase, question: str, slug: str, expected: str) -> None:
    facts = kb.find_facts(question, slug)
    assert facts and expected in " ".join(f.text for f in facts), [f.text for f in facts]


def test_a_room_count_is_not_the_number_of_people_using_the_rooms(kb: KnowledgeBase) -> None:
    facts = kb.find_facts("스터디룸 몇개에요", "youth_job_centre")
    assert facts and "스터디룸 13" in facts[0].text


@pytest.mark.parametrize(
    "description, slug",
    [
        ("야근 적고 육아휴직도 눈치 안 보고 쓸 수 있는 괜찮은 중소기업을 시에서 골라 준다던데, 그게 뭐예요?", "seoul_strong_sme"),
        ("청계천 근처에 노동운동 하다 돌아가신 분 기념관을 짓는다던데 언제 문 열어요?", "jeon_tae_il_memorial"),
        ("덕수궁 돌담길에서 사회적기업들 모여서 행사했다던데 그건 언제였어요?", "social_economy_week"),
        # close behind 청년일자리센터 (also 취업상담, 스터디룸), but only 일자리카페's name says 카페
        ("동네 카페같은 데서 취업상담도 해주고 스터디룸도 공짜로 쓰게 해준다는거 있잖아요 그거 정체가 뭐에요", "job_cafe"),
    ],
)
def test_a_programme_described_in_everyday_words_is_identified(kb: KnowledgeBase, description: str, slug: str) -> None:
    found = kb.fact_index().identify(description)
    assert found is not None and found[0] == slug


@pytest.mark.parametrize("text", [
    "나에게 맞는 지원 찾기", "오늘 날씨 어때", "월급을 못 받았어요", "몇 시까지 해요?",
    "37살 서울사는데 작년에 회사 잘리고 지금 백수ㅠ 뭐 없나",  # (an age and 서울사는데 describe the citizen: "울사" of 서울사회적경제…)
    "아 근데 당장 생활비가 없어서 일도 해야 되는데 배우는 거 말고 바로 일할 수 있는 건 없나",  # (생활비 is no 생활임금)
])
def test_generic_or_foreign_messages_identify_no_programme(kb: KnowledgeBase, text: str) -> None:
    assert kb.fact_index().identify(text) is None


@pytest.mark.parametrize("question", ["대출도 돼?", "돈 빌릴 수 있는 것도 있나"])
def test_one_word_asked_within_a_topic_finds_the_fact_that_has_it(kb: KnowledgeBase, question: str) -> None:
    """Every word asked about is in the fact (대출 → the report's 융자): enough within a topic, not across all."""
    facts = kb.find_facts(question, topic="social_economy")
    assert facts and facts[0].programme_slug == "social_investment_fund" and "융자" in facts[0].text
    assert kb.find_facts(question) == []


@pytest.mark.parametrize(
    "question, slug, place, expected",
    [
        ("더 늘린다는 말도 있던데", "job_cafe", None, "90"),  # 늘리다 is the report's 확대
        ("올해 상담은 얼마나 했대요?", "labour_ombudsman", None, "1,694"),  # "얼마나 했" counts
        ("거긴 언제 문 열었어요?", "rest_area", "상암쉼터", "’18.5월 개소"),  # the opening of the place in context
        ("끝나는 건", "public_works", None, "12.20"),  # when it ends is a date
        ("노동권익센터가 거기 몇 층에 들어간다고요?", "labour_rights_centre", None, "5층"),
    ],
)
def test_session5_details_in_citizens_words(kb: KnowledgeBase, question: str, slug: str, place, expected: str) -> None:
    facts = kb.find_facts(question, slug, place=place)
    assert facts and expected in facts[0].text + (facts[1].text if len(facts) > 1 else "")


def test_one_word_of_the_programme_itself_is_not_enough_unless_it_is_the_report_s_for_the_citizen_s(kb: KnowledgeBase) -> None:
    """"정장 며칠 동안 빌릴 수 있어요?" shares only 정장 with 취업날개's facts: no detail (the caller says 120)."""
    assert kb.find_facts("정장 며칠 동안 빌릴 수 있어요?", "interview_suit_rental") == []
    assert kb.find_facts("소송 같은 것도 도와주나요", topic="labour_rights")[0].programme_slug == "labour_rights_protector"


@pytest.mark.parametrize(
    "question, slug, expected, not_expected",
    [
        # a sum of money asked: the fund's size, not its 3% interest
        ("올해 총 얼마나 빌려줘요", "social_investment_fund", "130억", None),
        ("올해 융자 총액은 얼마나 돼요", "social_investment_fund", "130억", None),
        # a count in a year asked: people, not the budget ("한 해" alone is no sum of money)
        ("공공근로는 서울서 한해에 몇명이나 뽑는답니까", "public_works", "10,109명", "49,907"),
        ("서울에 전부 몇개나 있는데요", "job_cafe", "73", None),
        # "얼마나 했어" of conversions: a number of people answers a count
        ("서울시 비정규직 정규직 전환 얼마나 했어", "regularisation", "1,285", None),
        # a word of an alias said alone (공정무역 자판기) is the detail asked when the summary lacks it
        ("자판기도 놨다던데 어디어디에 있어요?", "fair_trade", "도서관", None),
        # 몇일 (as typed for 며칠) asks a date
        ("일자리해커톤 정확히 몇일에 함?", "youth_jobs_partnership", "’18.11월", None),
    ],
)
def test_session6_details(kb: KnowledgeBase, question: str, slug: str, expected: str, not_expected) -> None:
    found = " ".join(fact.text for fact in kb.find_facts(question, slug))
    assert expected in found
    assert not_expected is None or not_expected not in found


def test_a_word_the_analyser_cut_off_a_known_one_is_not_unknown(kb: KnowledgeBase) -> None:
    """MeCab reads 기초수급자면 as 기초/수급/자면: 자면 is no word the report lacks; 예약 in "스터디룸 예약" is."""
    index = kb.fact_index()
    assert index.unknown_nouns("기초수급자면 혜택 같은거 있나요") == []
    assert index.nouns_foreign_to("기초수급자면 혜택 같은거 있나요", "technical_school") == []
    assert index.unknown_nouns("스터디룸 예약은 어케함") == ["예약"]


def test_a_district_office_s_job_scheme_is_the_city_and_districts_one(kb: KnowledgeBase) -> None:
    assert kb.described_programme("구청에서 하는 일자리사업도 있어?").slug == "district_cooperative_jobs"


@pytest.mark.parametrize(
    "question, slug, place, expected",
    [
        ("그런 사람들 도와주는 센터 같은 건 없어요?", "emotional_labour_protection", None, "감정노동보호센터는"),
        ("만든 물건 온라인으로 팔 데도 있나요", "social_economy_support", None, "함께누리몰"),
        ("GSEF 포럼이라는 것도 있던데 그건 어디서 해요?", "gsef", None, "빌바오"),
        ("거긴 누가 운영해요", "technical_school", "동부기술교육원", "경복대"),
        ("그 회사들 정보는 어디서 볼수있어", "seoul_strong_sme", None, "플랫폼"),
        ("그럼 우리 동아리가 협동조합 만들면요? 얼마까지 받아요", "youth_jobs_partnership", None, "6억"),
        ("그거 끝나고 실제로 취업 많이들 해요?", "newdeal_jobs", None, "52.9"),
    ],
)
def test_session6_second_batch(kb: KnowledgeBase, question: str, slug: str, place, expected: str) -> None:
    assert expected in " ".join(fact.text for fact in kb.find_facts(question, slug, place))


@pytest.mark.parametrize(
    "question, slug",
    [
        # the programme's own words (all in its summary) are no detail: the usual answer follows
        ("면접 정장 빌려주는 거 저도 쓸 수 있나요?", "interview_suit_rental"),
        # a number of days no fact gives
        ("정장 며칠 동안 빌릴 수 있어요?", "interview_suit_rental"),
    ],
)
def test_words_naming_the_programme_are_no_detail(kb: KnowledgeBase, question: str, slug: str) -> None:
    assert kb.find_facts(question, slug) == []


@pytest.mark.parametrize(
    "question, slug, expected",
    [
        # a sum lent, a final target, in the citizen's words
        ("올해 총 얼마 빌려줘요?", "social_investment_fund", "130억"),
        ("올해 융자 총 얼마 풀어요", "social_investment_fund", "130억"),
        ("올해 빌려주는 돈이 전부 얼마나 된대요", "social_investment_fund", "130억"),
        ("최종적으로 몇개까지 늘린대", "seoul_strong_sme", "1,000개"),
        # what was heard is the story; what is asked is inside the building
        ("청계천에 전태일 기념관 짓는다는 얘기 들었는데 거기 들어가면 뭐가 있는 거예요? 전시만 하나요", "jeon_tae_il_memorial", "전시실"),
        # free use asked: the fact that says 무료
        ("거기 스터디룸 쓰는 것도 공짜예요?", "youth_job_centre", "무료"),
        # the next recruitment is the one the report plans
        ("담 모집 언제해요", "public_works", "’18.11월~12월 예정"),
        # among equal counts, the one sharing the name's words too (상담 후 취업 인원 of 청년일자리센터)
        ("그럼 청년일자리센터는요? 거기서 상담받고 취업한 사람 몇 명이에요", "youth_job_centre", "1,785명"),
        ("짓는데 돈은 얼마 들어갔대", "jeon_tae_il_memorial", "23,768"),
        ("작년보다 이용하는 사람 늘었어요?", "rest_area", "38% 증가"),
        ("그중 사회주택 몫은", "social_investment_fund", "사회주택 50억원"),
        ("정장은 어디 업체에서 빌려줘요?", "interview_suit_rental", "열린옷장"),
    ],
)
def test_session7_details(kb: KnowledgeBase, question: str, slug: str, expected: str) -> None:
    assert expected in " ".join(fact.text for fact in kb.find_facts(question, slug))


def test_a_word_shared_with_a_fact_is_no_answer_to_a_request_for_something_cheap(kb: KnowledgeBase) -> None:
    """"시청 근처에 싼 주차장 추천 좀" shares 주차장 with a floor of 전태일 기념관: no answer (out of scope)."""
    assert kb.find_facts("시청 근처에 싼 주차장 추천 좀") == []


def test_a_cost_question_is_not_answered_by_a_free_service_of_another_programme(kb: KnowledgeBase) -> None:
    """"컨설팅 받는 데 비용은 따로 드나요?" of 마을노무사: the report gives no cost (120), and the ombudsman's free
    advice is another programme's."""
    assert kb.find_facts("컨설팅 받는 데 비용은 따로 드나요?", "village_labour_attorney") == []
    assert kb.find_facts("컨설팅 받는 데 비용은 따로 드나요?", None, topic="labour_rights") == []


@pytest.mark.parametrize(
    "question, slug, expected",
    [
        # the end of a sentence ("말이었어요") shares nothing with a fact's "…28이었어요"
        ("공공근로 말이었어요. 그건 다음에 언제 뽑습니까", "public_works", "’18.11월~12월 예정"),
        # a trainee's lunch: the meal fee the report gives
        ("점심은 나오는지요? 급식비가 따로 드는지", "technical_school", "3,500원"),
    ],
)
def test_session8_details(kb: KnowledgeBase, question: str, slug: str, expected: str) -> None:
    assert expected in " ".join(fact.text for fact in kb.find_facts(question, slug))


def test_floor_by_floor_is_every_floor_of_the_building(kb: KnowledgeBase) -> None:
    floors = [fact.text for fact in kb.find_facts("층마다 뭐가 들어와요", "jeon_tae_il_memorial")]
    assert [text.split(":")[0] for text in floors] == [f"{n}층" for n in range(1, 7)]
    assert len(kb.find_facts("5층에는 뭐가 들어와요", "jeon_tae_il_memorial")) < 6  # one floor asked


def test_a_negation_shares_nothing_with_a_fact(kb: KnowledgeBase) -> None:
    """"나쁜 분이 아니라" is no evidence for "…현재 주소가 아니에요" (서울노동권익센터's planned floor)."""
    assert kb.find_facts("사장님이 나쁜 분이 아니라 법을 몰라서 그런 건데 상담받을 수 있는 것도 있는지요", None, topic="labour_rights") == []


def test_a_groups_job_target(kb: KnowledgeBase) -> None:
    assert "아이돌보미" in kb.jobs_target_for_group("여성").note
    assert kb.jobs_target_for_group("저소득층").label.endswith("저소득")
    assert kb.jobs_target_for_group("소규모사업장") is None


def test_a_bureau_figure_gives_way_to_a_programme_fact_that_says_more_of_the_question(kb: KnowledgeBase) -> None:
    assert kb.policy_figure("사회적경제 기업에 돈을 빌려주는 서울시 기금이 있다던데 이자는 얼마인지요") is None
    assert kb.policy_figure("사회적경제 기업수 몇 개예요") is not None


@pytest.mark.parametrize(
    "question, slug, expected",
    [
        # session 17: a number supposed to be checked is no evidence; the count is what is asked
        ("올 상반기에 무료상담 한 100건쯤 했으려나", "labour_ombudsman", "1,694건"),
        ("거기 상담 몇백 건 정도 했으려나", "cooperative_support_centre", "4,632건"),
        ("상담 많이들 받아요?", "cooperative_support_centre", "4,632건"),
        ("공공근로 올해 상반기에 몇 명 뽑았어요?", "public_works", "4,951명"),  # (상반기 kept beside 1~6월)
        ("인턴 기간은 얼마나 돼요?", "seoul_strong_sme", "23개월"),  # how long, not the 공모기간
        ("신규 마을기업은 몇 곳이 지원받았어요", "social_economy_support", "신규 6개 기업"),
        ("혁신형 사업모델 지원은 몇 개 기업이 받았대요", "social_economy_support", "18개"),
    ],
)
def test_session17_details(kb: KnowledgeBase, question: str, slug: str, expected: str) -> None:
    assert expected in " ".join(fact.text for fact in kb.find_facts(question, slug))


def test_a_number_supposed_is_no_evidence_for_a_fact_sharing_its_digits(kb: KnowledgeBase) -> None:
    """"한 100건쯤" must not pick 4,000건 (the ombudsmen's target) for its 00."""
    facts = kb.find_facts("올 상반기에 무료상담 한 100건쯤 했으려나", "labour_ombudsman")
    assert facts and "1,694건" in facts[0].text and not any("4,000건" in fact.text for fact in facts)


def test_a_count_guessed_in_native_numbers_of_a_site(kb: KnowledgeBase) -> None:
    """"거기 하루에 열 명도 안 오죠?" of 합정쉼터: its daily users (일평균 48명)."""
    assert "48명" in " ".join(fact.text for fact in kb.find_facts("거기 하루에 열 명도 안 오죠?", "rest_area", "합정쉼터"))


def test_a_detail_pointed_at_one_site_is_that_sites_fact_not_another_one_sharing_a_word(kb: KnowledgeBase) -> None:
    """"거긴 어느 학교에서 맡아 합니까" of 중부: its operator (명지전문대학), though 동부's (학)경복대학교 says 학교."""
    facts = kb.find_facts("거긴 어느 학교 에서 맡아 합니까", "technical_school", "중부기술교육원")
    assert facts and "명지전문대학" in facts[0].text and "경복대학교" not in " ".join(f.text for f in facts)
    named = kb.find_facts("동부는 어느 학교에서 맡아요", "technical_school", "중부기술교육원")
    assert named and "경복대학교" in named[0].text  # (a site named in the question is the one asked about)


@pytest.mark.parametrize(
    "question, tie_break, label",
    [
        ("일자리노동정책관 올해 예산 총 얼마예요?", "", "일자리노동정책관 예산현액(계)"),  # an amount, not the rate beside it
        ("사회적경제담당관 예산 집행률은?", "", "사회적경제담당관 예산 집행률"),
        ("서울시 일자리노동정책관에 일하는 사람 몇명이에요?", "", "일자리노동정책관 현원"),  # those at work now
        ("일자리노동정책관 올해 예산 총 얼마예요? 아 아니 사회적경제담당관 것만요", "아 아니 사회적경제담당관 것만요",
         "사회적경제담당관 예산현액"),
    ],
)
def test_the_bureaus_figure_in_the_unit_asked(kb: KnowledgeBase, question: str, tie_break: str, label: str) -> None:
    figure = kb.policy_figure(question, tie_break=tie_break)
    assert figure is not None and figure.label == label, figure


def test_the_citys_paid_youth_jobs_described_are_newdeal(kb: KnowledgeBase) -> None:
    found = kb.programmes_in_text("그럼 형은 시에서 월급 주는 청년 일자리는 할 수 있어요?")
    assert [p.slug for p in found] == ["newdeal_jobs"]


@pytest.mark.parametrize(
    "question, slug, expected",
    [
        # session 26: a count named by its noun and 수; "생기면" asks no date; paraphrases of the report's words
        ("마을노무사 지원 사업장수", "village_labour_attorney", "300개소"),
        ("뉴딜 총 사업수", "newdeal_jobs", "250개 사업"),
        ("거기 상담 건수는 얼마나 돼요", "cooperative_support_centre", "4,632건"),
        ("거기 상담 많이해요? 사람 많으면 기다려야할거같아서", "cooperative_support_centre", "4,632건"),
        ("허브센터 생기면 거기서 뭘 쓸수있어요", "social_venture", "사무공간"),
        ("다른 회사 면접 보러 가는 날은 결근 처리돼요?", "newdeal_jobs", "취업활동의 근무시간 인정"),
        ("공공기관 납품도 밀어준다던데 올해 실적 어때요", "social_economy_support", "349억원"),
        ("긴 과정 말고 짧게 배우는 과정도 있읍니까", "technical_school", "단기과정"),
        ("청년일자리센터 전문상담창구에서 상담받은 사람 몇명이에요", "youth_job_centre", "13,869명"),
    ],
)
def test_session26_details(kb: KnowledgeBase, question: str, slug: str, expected: str) -> None:
    assert expected in " ".join(fact.text for fact in kb.find_facts(question, slug))
