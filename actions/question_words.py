"""Words that say what a question asks, read where the intent alone is not enough.

A message the NLU gave a question intent without the words of that question may ask a detail instead
("사진 촬영도 같이 돼요?" read as a cost question; details.py finds the fact); a message it could not place
("거기 주소는??" read as out of scope) may still name the question outright (open_questions.py).
"""
from __future__ import annotations

import re
from typing import Optional

from knowledge.fact_search import ANSWER_KINDS

# holidays, for which the report gives no hours
HOLIDAY_WORDS = re.compile(r"공휴일|휴일|명절|추석|설날|설\s*연휴|연휴|크리스마스|성탄절|어린이날|광복절|한글날|현충일|삼일절|개천절|빨간\s*날")
HOURS_WORDS = re.compile(
    r"hours?|open|close|오픈|몇\s*시|오후\s*\d|오전\s*\d|\d\s*시\s*쯤|(?<![가-힣])열죠|여나요|(?<!신청)(?<!접수)(?<!모집)(?<!신청\s)(?<!접수\s)(?<!모집\s)마감(?!일)|늦게|일찍|시간|시까지|시부터|언제|열어|열었|열려|닫|영업|운영|문\s*여|요일|주말|평일|토요|일요|토욜|일욜|"
    r"공휴|새벽|밤|아침|저녁|지금|(?:" + HOLIDAY_WORDS.pattern + r").*(?:하나|해요|해\?|여나|열|문|운영|쉬나|쉬어요\?)"
)  # a holiday with "…에도 하나요?" asks the hours; "공휴일에 쉬어도 돈 나와요?" asks about pay
# what a wage figure is called ("생활임금 시급")
WAGE_WORDS = re.compile(r"시급|월급|일당|임금|급여|보수")
# "얼마나 나오는지", "몇 만원": an amount asked
HOW_MUCH = re.compile(r"얼마|몇\s*(?:원|만\s*원)")


# "저 식당에서 일하는데요", "공장에서 3년 일하고 이번달에 나왔거든요", "편의점 야간만 3년 하다가 관두려구요": one's
# work told first, the trouble or the question to come
WORK_TOLD = re.compile(
    r"(?:일|알바|근무|아르바이트|장사|배달|운전)\s*(?:를\s*)?(?:하는데요?|해요|하거든요|합니다|하고\s*있어요|하고\s*있는데요?)\s*[.~!]*$"
    r"|(?:다니는데요?|다니거든요)\s*[.~!]*$"
    r"|(?:나왔|그만뒀|그만두었|관뒀)(?:거든요|어요|는데요?|습니다)\s*[.~!]*$"
    r"|(?:관두|그만두)려(?:구|고)\s*요?\s*[.~!]*$"
)
_QUESTION_MARKS = re.compile(r"[?？]|어떻게|어케|뭐|뭘|어디|언제|얼마|몇|있나|되나|할까|까요|나요|는지|알려")


def only_tells_of_work(text: str) -> bool:
    """Whether a message tells of one's work and asks nothing yet ("저 식당에서 일하는데요"): the bot asks what
    happened rather than calling it out of scope."""
    return bool(WORK_TOLD.search(text.strip())) and not _QUESTION_MARKS.search(text) and len(text) <= 80


def wage_asked(text: str) -> bool:
    """"하루 일당이 얼마나 나오는지": the pay asked (an amount of a wage), whatever the NLU made of it."""
    return bool(WAGE_WORDS.search(text) and HOW_MUCH.search(text))
# "어디가 위탁받아 운영해요?", "누가 운영해요?": who runs it, not when it is open
WHO_RUNS_WORDS = re.compile(
    r"위탁|(?:소관|담당|주관|주무)\s*기관|운영\s*(기관|업체|주체|단체|법인|사)|(?:어느|어떤|무슨|어디)\s*업체|운영(?:은|을|는)?\s*누가|운영\s*하는\s*(?:곳|기관|업체|단체|회사)|운영\s*하는\s*데(?:가|는|예요|에요|요|\s*(?:가|는)?\s*어디)|업체\s*(?:이름|명|는|가|어디)|"
    r"어디(가|서)\s*(운영|맡|하는)|누가\s*(운영|맡|해)|"
    r"(?:어느|어떤|무슨)\s*(?:단체|기관|곳|업체|회사|법인|재단|학교|대학)(?:들)?\s*(?:가|이|에서)\s*(?:운영|맡|관리|위탁|해)|운영(?:은|을)\s*(?:누가|어디|어느)"
)
# who may use it ("X도 받을 수 있어요?" alone, as in "법률 지원도 받을 수 있어요?", may ask whether X is offered)
ELIGIBILITY_WORDS = re.compile(
    r"나이|살|세|자격(?!증)|대상|누가|누구|조건|제한|해당|저도|나도|전\s|난\s|(?:들어가|가|와|써|이용해)도\s*(?:돼|되|괜찮)|"
    r"신청\s*(?:가능|돼|되나|할\s*수)|개인(?:도|이|은|으로)"  # "개인 창업자도 바로 신청 가능한가": who may apply
)
# the words of the usual answer's question: without them a cost / how-to-apply / contact question is a detail
COST_WORDS = re.compile(r"상담\s*(?:비|료)(?![가-힣])|대여료|관람료|얼마|비용|무료|공짜|유료|학비|돈|가격|요금|이용료|수강료|교육료|참가비|참가료|입장료|사용료|회비|교육비|비싸|내야|들어요|드나요|금액|시급|월급|일당|임금|급여|보수|\d+\s*만\s*원|이자|금리|수수료|보증금|예치|환급|지원금")
# what to bring ("준비물", "이력서 들고가야돼요?"): part of how to apply
_BRING = r"준비물|가져가야|챙겨\s*가야|들고\s*가야|지참"
APPLY_WORDS = re.compile(
    r"신청|접수|지원\s*하|지원해|가입|등록|예약|방법|어떻게|어케|절차|서류|뭐\s*(?:\S+\s*)?가져가|" + _BRING + r"|하려면|받으려면|이용하려|참여하려|들어가"
    r"|(?:공모|모집)\S{0,2}\s*(?:아직|지금|이제)?\s*(?:받|해|하|중|마감|끝)"  # "올해 공모 아직 받아요?": applications still taken
)
CONTACT_WORDS = re.compile(r"전화|(?<!주민)(?<!등록)(?<!접수)(?<!사업자)번호|전번|연락|홈페이지|홈피|사이트|이메일|메일|카톡|문의|링크|url|웹")
# "서울로 옮긴다던데 정해진거에요?", "감정노동보호센터 이미 있는 거 맞죠?": whether a plan is decided or done, which
# the report's plans (예정, 검토 중) answer
PLAN_ASKED = re.compile(r"정해진|정해졌|확정|결정\s*(?:된|됐|났)|이미\s*(?:있|생겼|생긴|열었|연|만들어)|벌써\s*(?:있|생겼|생긴|열었)")
# "제가 받을 수 있는 거 다 알려주세요", "해당되는 거 전부": everything that fits, whatever one programme the story named
EVERYTHING_ASKED = re.compile(
    # (not "어디다 말해야 하는지": where to tell it)
    r"(?:(?<![가-힣])다|전부|모두|싹\s*다|몽땅)\s*(?:알려|말해|추천|보여|찾아)|뭐뭐|모든\s*(?:지원|제도|거|것)"
    # "당장 할수있는 일이랑 기술 배우는거 둘다 알려주세요": both needs told, all that fits
    r"|둘\s*다\s*(?:알려|말해|도와|해\s*주|지원|있|받)"
)
# "어디" asks where, but not in "어디가 운영해요?" (who)
LOCATION_WORDS = re.compile(
    r"어디(?!가\s*(?:운영|위탁|맡|주관|하는|해요))|(?:무슨|어느)\s*(?:구|동네)(?:에|예요|에요|야|인지|인가|요|이)?(?![가-힣])|서울에\s*있|위치|주소|번지|장소|가는\s*길|찾아가|근처|가까운|[가-힣]구에|[가-힣]동에|역\s|서울\s*(?:안|밖|시내)에|(?i:address|location)"  # "4개 다 서울 안에 있는거죠?"
)
ADDRESS_WORDS = re.compile(r"주소|번지|도로명|address", re.IGNORECASE)
# how to get there: the report gives no directions
# "주차돼요?", "거기 차 대놓을데 있나": where to park, one way of getting there
_PARKING = r"주차|차\s*(?:몇\s*대|댈|대도|대\s*놓|세울|세워)"
PARKING_ASKED = re.compile(_PARKING)
DIRECTIONS_WORDS = re.compile(r"지하철|호선|버스|가는\s*(?:길|법|방법)|오는\s*길|교통|몇\s*번\s*출구|역에서|" + _PARKING)
# "거기 화장실 있어요?", "교육도 해줘요?": whether the programme has or does something
FEATURE_QUESTION = re.compile(r"[있잇](?:어요|나요|어|음|나|을까요|습니까)\s*[?？]|[있잇](?:나요|을까요|습니까)|해\s*(?:줘요|주나요|주나|줘)\s*[?？]?|되나요\s*[?？]")
# what a fact needs to answer "어디예요?": a district, street, floor or landmark (fact_search's address kind)
ADDRESS_FACT = ANSWER_KINDS["address"][1]

# "그럼 저는 뭘 받을 수 있어요?": which programmes fit the citizen (after telling the bot about themselves)
ASKS_WHAT_FITS = re.compile(
    r"(?:뭘|뭐|무엇을?|어떤\s*(?:거|게|걸|것|지원|제도))\s*(?:받을|할|신청할|이용할|해\s*볼|지원할|들을)\s*수"
    r"|(?:저는|전|제가|나는|난|내가)\s*(?:뭐|뭘|무슨|어떤)"
    r"|(?:할|받을|신청할|이용할)\s*수\s*있는\s*(?:건|게|거|것)\s*(?:뭐|뭘|무엇|어떤)"  # "제 나이에 할 수 있는 건 뭐가 있어요?"
    r"|(?:제한\s*없는|조건\s*없는|안\s*걸리는|해당되는)\s*(?:건|게|거|것)\s*(?:뭐|뭘|무엇|어떤)"  # "나이 제한 없는 건 뭐가 있어요"
    r"|(?:해\s*볼|할|받을|신청해\s*볼)\s*만한\s*(?:\S+\s*){0,3}?(?:뭐|뭘|무엇|어떤|있)"  # "남편 나이에 해 볼 만한 … 뭐가 있어요?"
    r"|(?:나|저)\s*같은\s*사람(?:도|은|한테|이|에게)?\s*(?:\S+\s*){0,4}?(?:뭐|뭘|무슨|어떤|어디)"  # "나 같은 사람도 뭐 있어요?"
    r"|(?:뭐|뭘|무엇)\s*부터\s*(?:하면|해야|할까|시작)"  # "취업준비 뭐부터 하면됨": where to start
    # "나한테 맞는것도 있소", "저한테 맞는 거 있어요?": what fits the one asking
    r"|(?:나|저|내|제|우리)\s*(?:한테|에게|께)\s*(?:\S+\s*)?맞는\s*(?:것|거|게|건|데|제도|지원)"
)
# "면접 정장 빌려주는 건 저는 안돼요?": whether the citizen qualifies
# ("청년들 정장 빌려주는 그런것도 남편이 받을 수 있어요?": the person told about; "저희 같은 민간 가게 직원들도 상담
# 돼요?", "저도 상담 되는거죠?": the staff or oneself)
_PERSON_MAY = (
    r"(?:저는|저도|전|나는|나도|난|제가|내가|(?:남편|아내|와이프|아들|딸|애|엄마|아빠|어머니|아버지|동생|형|누나|언니|오빠|손주|손자|손녀"
    r"|저희|직원들?|알바생들?)"
    r"(?:이|가|은|는|도|이는))\s*(?:\S+\s*){0,2}?(?:안\s*돼|안\s*되|돼요|되나|될까|되죠|되는\s*(?:거|건)|가능|ㄱㄴ|됨|받을\s*수|할\s*수|신청\s*돼|해당)"
)
# whether a person (oneself, a relative, the staff) may use it, not whether it offers a thing ("첨삭 같은 것도 돼요?")
PERSON_ASKS_IF_ELIGIBLE = re.compile(
    _PERSON_MAY
    # "서울시 소속이 아니고 일반 회사인데도 받을수 있소": a condition of one's own, asked of
    + r"|(?:인데도|이어도|여도|아니어도|아닌데도)\s*(?:\S+\s*)?(?:받을\s*수|할\s*수|이용할\s*수|돼요|되나|될까|되는\s*(?:거|건)|가능)"
)
ASKS_IF_I_QUALIFY = re.compile(
    _PERSON_MAY +
    r"|(?:은|는|도)\s*(?:안\s*돼|안\s*되|안\s*될까|못\s*받)"  # "면접 정장은 안 돼요?" once the bot knows about them
    r"|받아\s*(?:줍니까|주나요|줄까요|주나|주냐|줘요\s*[?？]|주는지)"  # "그 나이에도 받아줍니까"
    r"|(?:은|는|건)\s*(?:돼요|되나요|될까요|되죠|가능|ㄱㄴ)"  # "정장 빌리는 건 돼요?", "그럼 기술교육원은 ㄱㄴ?"
    r"|(?<=[가-힣])도\s*(?:(?:진짜|정말|혹시|다)\s*)?(?:돼요|되나|될까|되죠|되는\s*(?:거|건)|가능|됨|빌려\s*(?:줌|주나|주냐|줄까|줘요\s*[?？]))"  # "정장 대여도 되나"
    r"|왜\s*안\s*(?:나와|돼|되|나오)"  # "취업날개는 왜 안 나와요?" after a list of what fits
    r"|(?<![가-힣])(?:저|나)\s+(?:안\s*돼|안\s*되|돼요|되나|될까|되죠|가능|해당|(?:받을|빌릴|이용할|신청할|할|해\s*볼)\s*수)"  # "빌려주는 것도 저 돼요?"
    # formal: "같은 아이가 뉴딜일자리는 할 수 있겠습니까", "제 경우에는 신청이 되는 것인지요", "가능한지요"
    r"|(?:수\s*있|되|가능하)겠습니까|(?:되는|가능한|할\s*수\s*있는)\s*(?:것|건|거)인지요|(?:가능|되는|될)(?:한)?지요"
    r"|제\s*경우(?:에는|엔|에)?\s*(?:\S+\s*){0,2}?(?:되|가능|신청)"
)
# "구두랑 넥타이도 빌려줘요?": what is lent, not who may borrow
ITEMS_LENT = re.compile(r"(?:구두|넥타이|셔츠|와이셔츠|블라우스|가방|벨트|치마|바지|코트|재킷|자켓|양말|스타킹)\s*(?:랑|이랑|하고|도|,|및|까지)")
# "정장 빌릴 수 있어요?" said with something about oneself ("고3인데"): whether they can use it
ASKS_IF_I_CAN = re.compile(
    # (not "모의면접 연습할수있는데도 있음?": whether there is a place for it)
    r"(?:빌릴|받을|쓸|이용할|신청할|참여할|들어갈|다닐|보낼|할|해\s*볼|다니실|받으실|이용하실|신청하실|참여하실|하실)\s*수\s*(?:있|없)(?!는\s*(?:데|곳)\s*(?:도|가|는|이)?\s*(?:있|없|어디))|(?<!얼마나\s)(?<!얼마나)(?<!얼마\s)(?<!어떻게\s)(?<!어떻게)(?:돼|되요|되나|될까)요?\s*(?:[?？]|$)|(?:됨|되냐|됨요|되남)\s*[?？]?"
    r"|(?<![가-힣])가능(?:해요|한가요|할까요|하나요|한지요?|함|해|요)?\s*[?？]+\s*$"  # "… 만 36살이고 마포구 살아요 취준중 가능?"
)
# "신청됨?", "신청 가능?", "신청되나요": whether one may apply, not how
# ("구직등록 해놨으면 되는거에요?", "낼 구직등록하고오면 신청되는거죠?": whether that is enough)
# "어떻게 신청하면 되는 거예요?": how, where, when or what is asked, not whether one may
HOW_OR_WHAT_ASKED = re.compile(r"어떻게|어케|어디|언제|뭐|뭘|무슨")
MAY_APPLY = re.compile(
    r"신청\s*(?:이|은)?\s*(?:됨|되나|돼요|되요|될까|되냐|되는지|되는\s*(?:거|건)|가능|ㄱㄴ)|(?:으면|면)\s*(?:다\s*)?되는\s*(?:거|건)"
    r"|(?:바로|그럼|이제|그러면)\s*되는\s*(?:거|건)"  # ("구직등록은 벌써 하셨어요. 그럼 바로 되는 거예요?")
)
# a student about to finish school: a fact some rules read ("고교졸업예정자"), though no slot holds it
STUDENT_WORDS = re.compile(r"고\s*3|고등학생|고딩|졸업\s*(?:예정|전|하기\s*전|앞두)")
# "그럼 저희는 어디에 물어봐야 돼요?" after a "no": where else to go
# "어디에 물어보면 되는데요", "어디로 가야 돼요?": where to go
WHERE_TO_ASK = re.compile(r"어디(?:에|로|서|에서|다)?\s*(?:물어|문의|가야|가면|상담|연락|전화)")
# ... or, after a "no", anything else ("다른 데는요?", "그럼 어떡해요")
ASKS_ELSEWHERE = re.compile(
    WHERE_TO_ASK.pattern + r"|어디(?:에|로|서|에서)?\s*(?:알아봐|받|기대|의지|도움)|다른\s*(?:곳|데|거|건|게|제도|방법|데는)|대신|"
    r"그럼\s*(?:어떡|어떻게\s*해|어쩌)"
)
# "이 중에 월급 나오는 건 어떤 거예요?" after a list of what fits: the ones that pay
AMONG_THEM_PAID = re.compile(r"(?:이|그|저|둘|세|셋)\s*중(?:에|에서)?.*(?:월급|돈|시급|급여|임금|일당).*(?:나오|받|주는|벌|버는)")
# "그 중에 무료로 상담해주는 건 어느거에요", "공짜인 건 어떤 거예요": the free ones of what is being discussed
AMONG_THEM_FREE = re.compile(
    r"(?:이|그|저)\s*중(?:에|에서)?.*(?:무료|공짜|돈\s*안\s*드|비용\s*(?:없|안))"
    r"|(?:무료|공짜)(?:로|인)?\s*(?:\S+\s*){0,2}?(?:건|거|게|곳|데)(?:는|은)?\s*"
    r"(?:어느\s*(?:거|것|건|게|곳|쪽)|어떤\s*(?:거|것|건|게|곳)|뭐|뭔|어디)"
    # "직원들이 노동상담 공짜로 받을데도 알려줘요": the places giving it free
    r"|(?:무료|공짜)(?:로)?\s*(?:받을|할|이용할|쓸)\s*(?:수\s*있는\s*)?(?:데|곳)(?:도|는|가|이)?\s*(?:알려|있|없|어디)"
)
# "청년이 돈 벌 수 있는 건 뭐 있어요": work that pays, asked for a group
EARNING = re.compile(r"돈\s*(?:을\s*)?(?:벌|받|주는|나오)|월급|시급|급여|일당|임금")
# "… 건 뭐 있어요", "어떤 게 있어요": what there is (a list), not one fact
WHAT_IS_THERE = re.compile(
    r"뭐\s*(?:가\s*)?있|뭐뭐|어떤\s*(?:게|것|거|건|일|일자리|제도)(?:들)?\s*(?:이|가)?\s*있|있는\s*(?:건|게|거)\s*(?:뭐|뭔)"
)
# "여성 일자리도 서울시에서 많이 만든다던데": the city's jobs for a group (its target by group names the kinds)
JOBS_WORDS = re.compile(r"일자리|일거리")
# "차이가 뭐예요", "뭐가 달라요": two programmes compared
COMPARED = re.compile(r"차이|다른\s*점|뭐가\s*다(?:르|른|름|릅)|뭐가\s*달라|어떻게\s*다(?:르|른|름|릅|달)|어떻게\s*달라|비교|헷갈(?!렸)|중에\s*(?:뭐가|어느\s*게|어떤\s*게|어느\s*쪽이?)\s*(?:나|좋|낫)")
# "배우는거 말고 바로 일하는거요" after a list of what fits: the ones that give work
# "일하면서 배우는 쪽이면 좋겠어요", "배우면서 돈도 벌 수 있는 거": work that teaches, paid (뉴딜일자리's 직무교육)
LEARN_WHILE_EARNING = re.compile(r"일하면서\s*배우|배우면서\s*(?:일|돈)|돈\s*(?:도\s*)?벌면서\s*배우|벌면서\s*(?:공부|교육)")
WORK_NOT_TRAINING = re.compile(
    # (not "바로 일하고 싶은데 기술 배울수있는데 있어?": learning asked after it)
    # ("엄마는 배우는거보다 바로 돈버는게 급하시대요": earning first)
    r"(?:배우|교육|훈련|공부)\S*\s*(?:거|것|건|게)?\s*(?:말고|보다).*(?:일|돈)|바로\s*(?:일(?:하|할|자리)|돈\s*(?:을\s*)?(?:버|벌))(?!.*(?:배우|배울|배워|교육|훈련))|^(?!.*(?:언제|몇|어디|얼마)).*일하는\s*(?:거|것|건|게)\s*(?:요|는|말|없|있|뭐|$)"
)
# Schemes of other agencies that citizens ask about by name; the report (checked: none of these words occurs in
# it) says nothing about them, so a question about one is answered with 120, never with the programme in context
NOT_COVERED = re.compile(
    r"최저\s*(?:임금|시급)|실업\s*급여|두루누리|일자리\s*안정\s*자금|새일\s*센터|여성\s*새로\s*일하기|국민취업지원|내일\s*배움\s*카드|근로\s*장려금|청년\s*도약\s*계좌|내일\s*채움|전세\s*(?:자금|대출)|"
    r"주택\s*청약|4대\s*보험|국민\s*연금|기초\s*연금|노령\s*연금|장애인\s*연금|건강\s*보험|산재\s*보험|고용\s*보험|퇴직금|연말\s*정산|주휴\s*수당|청년\s*수당|"
    r"구직\s*활동\s*지원금|산재(?!\s*예방)|해고\s*예고\s*수당|예고\s*수당|비자|체류\s*자격|수급비|수급\s*(?:자격|기준)|수급자\s*(?:되려면|기준|선정|자격)"
)
# "제가 뽑혔는지 확인하고 싶은데요", "제 신청 결과": the citizen's own application, which the bot cannot see
PERSONAL_RECORD = re.compile(
    r"(?:제가|내가|저는|나는|저|나|내|제)\s*(?:\S+\s*){0,3}?(?:뽑혔|선발\s*됐|선발\s*되었|선정\s*됐|선정\s*되었|합격\s*했|합격\s*됐|붙었|떨어졌)"
    r"(?:는지|나요|을까|는가|나\s*[?？]|나\s*$|어요\s*[?？]|습니까)"  # ("내 공공근로 합격했나")
    r"|(?:제|내|저희)\s*(?:신청|접수|지원)\s*(?:결과|내역|현황|상태|했던\s*거)|(?:합격|선발|선정)\s*(?:여부|결과)\s*(?:확인|조회|알)"
    r"|(?:지원|신청|접수)\s*했는데\s*(?:\S+\s*){0,2}?(?:합격|붙었|뽑혔|선발|결과)"  # "뉴딜일자리 지원했는데 합격했는지 어디서 확인해요?"
)
# "근무조건에 공휴일 유급화라고 써있던데 무슨말이에요?": what a term of the report means (the term: group 1 or 2)
MEANING_ASKED = re.compile(
    r"([가-힣A-Za-z0-9·]{2,}?(?:\s[가-힣A-Za-z0-9·]+?)?)\s*(?:이라고|라고|이란|란|이라는\s*(?:게|거|말)|라는\s*(?:게|거|말))\s*"
    r"(?:(?:써|적혀|나와|되어|돼)\s*있(?:던데|는데|어요|네요)\S*\s*)?(?:\S+\s*){0,2}?(?:무슨\s*(?:말|뜻|의미)|뜻이|뭔\s*(?:말|뜻)|의미가)"
    r"|([가-힣A-Za-z0-9·]{2,}?(?:\s[가-힣A-Za-z0-9·]+?)?)(?:이|가|은|는)\s*(?:무슨\s*(?:말|뜻|의미)|뭔\s*(?:말|뜻)|뜻이\s*(?:뭐|뭔))"
)
# "누구 쓰라고", "누가 주로 가요?": who a place is for
WHO_FOR = re.compile(
    r"누구\s*(?:(?:를|을)\s*대상|쓰라|위한|위해|대상|가\s*(?:주로\s*)?(?:쓰|이용|가|와|오))|누가\s*(?:주로\s*)?(?:쓰|이용|가|와|오)"
    r"|아무나\s*(?:다\s*)?(?:쓸|써도|이용|갈|가도|들어|다닐|신청|받을)"  # "아무나 쓸 수 있는 건지요?"
    r"|어떤\s*(?:사람|분)(?:들)?(?:이|가)?\s*(?:주로\s*)?(?:와|오|가|이용|써|쓰)"  # "합정은어떤사람들이주로와요?"
    # "치유프로그램은 공무원만 받는 거 아니에요?": whether it is only for some people
    r"|(?<![가-힣])(?!(?:이거|그거|저거|이것|그것|하나|조금|좀)만)[가-힣]{2,6}(?<!에)(?:들)?만\s*"
    r"(?:(?:받는|이용하는|쓰는|가는|되는)\s*(?:거|건|게)\s*(?:아니|맞|인가|예요|에요|이에요|죠|지)|(?:받을|이용할|쓸|갈)\s*수\s*있|대상)"
)
# "거기", "그거", "여기": the message points back to what is being discussed, never to another programme
_POINTING = r"거기|거긴|그거|그건|그곳|그게|여기|이거|이건|그\s*(?:센터|곳|프로그램|제도|사업)"
POINTS_BACK = re.compile(_POINTING)
# the same, or goes on from it ("그런 회사", "그럼 …"): still the conversation's programme, though "그럼" names none
BACK_REFERENCE = re.compile(
    _POINTING + r"|그런\s*(?:회사|기업|곳|데|센터)|그럼|그러면"
    # "딸이 하게되면 …", "뽑히면 …": doing the programme discussed
    + r"|(?<![가-힣])(?:하게|참여하게|들어가게|다니게)\s*(?:되면|돼도|되어도)|(?<![가-힣])(?:뽑히면|붙으면|합격하면|선정되면)"
)
# "그 중에 …", "그중 …", "방금 말한 데 중에서": one of the things just listed (not "그 중요한")
AMONG_LISTED = re.compile(
    r"(?:그|이|방금\s*말한\s*(?:데|곳|거)|말씀하신\s*(?:데|곳|거))\s*중(?:에|에서)?(?![가-힣])|중에서|그중"
)
# what asking for a person says ("상담원 연결해줘", "사람이랑 얘기할래요"); "이용한 사람 몇 명이나 돼" does not
HANDOFF_WORDS = re.compile(
    r"상담원|상담사|직원|담당자|담당(?:하시는|하는)\s*분|연결|콜센터|전화\s*상담|실제\s*사람|진짜\s*사람|"
    # (not "저 같은 사람 상담이랑 치유 프로그램": people like the citizen, who the counselling is for)
    r"(?<!같은\s)(?<!같은)(?<!하는\s)(?<!이라는\s)(?<!라는\s)사람(?:이랑|하고|과|한테|이|을|를|으로)?\s*(?:직접\s*)?(?:얘기|이야기|대화|통화|상담|바꿔|연결|불러|말|물어|묻)|"
    r"(?:챗봇|봇|기계|로봇)\s*말고"
)
# an employer looking for people ("청년 채용할 때", "대체인력 구하기가", "사람 연결해주거나"): hiring, not a handoff
HIRING = re.compile(
    # "청년들이 작은 회사라고 지원을 안해요 … 우리같은 회사 홍보해주는": young people not applying, the firm made known
    r"(?:청년|사람|구직자)들?(?:이|은|도)?\s*(?:\S+\s+){0,4}?지원\s*(?:을|를|도)?\s*안\s*(?:해|하|와|들어)|(?:회사|기업|업체)\S{0,3}\s*홍보"
    r"|채용|구인|대체\s*인력|인력\s*(?:을|를|이|좀)?\s*(?:구하|구해|뽑|충원)"
    # ("과장님이 육아휴직 들어가시는데 그 자리에 청년 인턴 쓰면": someone taken on in a leaver's place)
    r"|(?:자리|대신)에\s*(?:청년\s*)?(?:인턴|사람|직원|알바)\s*(?:을|를)?\s*(?:쓰|뽑|구하|채용|들이)"
    # ("청년 한명 더 뽑고 싶은데": how many between)
    r"|(?:직원|사람|알바생?|청년)\s*(?:을|를|좀)?\s*(?:(?:한|두|세|네|\d{1,2})\s*명\s*(?:정도\s*)?(?:더\s*)?|더\s*)?(?:구하|구해|뽑|고용)"
)
# "직원 130명 회사 인사담당자에요", "인쇄소 사장이에요": who asks runs a business or manages its staff
EMPLOYER_SELF = re.compile(
    r"(?:사장|대표|인사\s*담당자?|인사\s*팀|총무\s*팀|노무\s*담당자?|원장|점주|점장|오너)\S{0,4}?"
    r"(?:이에요|예요|에요|입니다|인데|이고|임(?![가-힣])|이야|이요)"
    # "직원 7명 데리고 인쇄소 해요 사장 입장에서 …"
    r"|(?:사장|대표|고용주)(?:님)?\s*(?:입장|으로서|로서)|(?:직원|알바생?)\s*\d{1,3}\s*명\s*(?:데리고|두고|고용|쓰고)"
)
EMPLOYER = re.compile(
    r"대표|사장|회사|업체|기업|가게|사업장|매장|저희|우리\s*(?:회사|가게|매장|업체)"
    # ("성수동에서 작은 공장 하는데 젊은 사람 뽑으려 …": a business one runs)
    r"|(?:공장|식당|학원|공방|점포|음식점|치킨집|빵집|카페)\s*(?:을|를)?\s*(?:하는데|하고\s*있|해요|합니다|운영|차렸|차린)"
)
# a person to talk to, in words no hiring question uses ("상담원 연결", "챗봇 말고")
ASKS_FOR_STAFF = re.compile(r"상담원|상담사|콜센터|실제\s*사람|진짜\s*사람|(?:챗봇|봇|기계|로봇)\s*말고|(?:사람|상담원)(?:이랑|하고|과)\s*(?:직접\s*)?(?:얘기|이야기|대화|통화)")
# "가까운 데", "근처", "강동 쪽은?": a place near the district the citizen named
# 가까이 as near, not as nearly ("20년 가까이 일했는데", "한 달 가까이")
NEAR_NOT_NEARLY = r"(?<!년)(?<!년\s)(?<!달)(?<!달\s)(?<!월)(?<!월\s)(?<!명)(?<!명\s)(?<!살)(?<!살\s)가까이"
NEARBY_WORDS = re.compile(r"가까운|가깝|" + NEAR_NOT_NEARLY + r"|근처|주변|인근|쪽(?:은|에|이|으로|도)?")
# a message this short in a conversation about a programme is a follow-up about it, not a new topic or a story
FOLLOW_UP_LENGTH = 24
# a question this short, asked while a programme is discussed, is about it even if the NLU heard a situation or a
# general "does it also …?" ("자격증도 나오는 거예요?")
QUESTION_LENGTH = 30
# longer than this, a message is a story: a question inside it does not replace the list of help
STORY_LENGTH = 60
# "끝나는건", "닫는 시간은?": the other end of the hours (or of the dates) just given
ENDS_ASKED = re.compile(r"^\W*(?:그럼\s*|아\s*)?(?:끝나는|닫는|마치는|문\s*닫는)\s*(?:건|거|게|시간)\S{0,3}\W*$")


# the question a message names outright, most specific first
QUESTION_NAMED = (
    ("ask_open_now", re.compile(r"지금\s*(열|문|가도|운영|해요|하나)")),
    ("ask_hours", re.compile(
        r"몇\s*시|(?<!주\d\d)(?<!주\s\d\d)시간|시까지|시부터|시\s*쯤\s*(?:부터|까지)|(?<![가-힣])열죠|여나요|요일|주말|평일|토요|일요|토욜|일욜|공휴|닫|문\s*(?:여|열)|(?<![가-힣])여는|열어|열려\s*있"
        r"|밤\s*새\s*(?:하|해|열|운영|문)|낮에?(?:는|엔)\s*안\s*(?:하|해|열)"  # "합정도 밤새 하는거 아니에요?", "낮엔 안하는거 맞죠?"
        r"|(?i:(?<![a-z])(?:open|close|late|saturday|sunday|weekend|opening\s*hours?)(?![a-z]))"  # "saturday도 open?"
        r"|언제\s*(?:연다|열린다|연대|연다고|오픈)|(?<![가-힣])오픈(?:\s*(?:시간|몇|언제|해요|함|했))?\s*[?？]*$"  # "언제 연다고요", "상암쉼터 오픈"
    )),
    ("ask_location", re.compile(r"어디(?:에\s*있|\s*있(?:는지|어|나|음|냐|니|는데|습니까|을까)|예요|에요|야|임|\s*꺼|\s*거(?:예요|야|임)?\s*[?？]*$|서\s*(?:해|했|열려|열리|열렸|개최)|로\s*(?:가|다니|다녀|보내))|^(?!.*(?:신청|접수|등록)).*어디서\s*하는데요?\s*[?？]*$|(?:다\s*)?서울에\s*있는|어디서\s*(?:사|살|구매|구입)|위치|주소|번지|장소|가는\s*길|찾아가|(?:무슨|어느)\s*(?:구|동)(?![가-힣])|(?:무슨|어느)\s*동(?:이|네|에)|(?i:(?<![a-z])(?:address|location|where)(?![a-z]))"
                                  r"|" + _PARKING  # "거기 차 대놓을데 있나": how to get there"
                                  + r"|^\W*서울\s*(?:아님|아니에요|아닌가요|아니야|아니죠|아냐)\s*[?？]+\s*$")),  # "서울 아님?" of a site in 군포
    ("ask_contact", re.compile(r"전화|(?<!주민)(?<!등록)(?<!접수)(?<!사업자)번호|전번|연락처|홈페이지|홈피|사이트|이메일|(?i:phone|website|e-?mail|contact)")),
    ("ask_cost", re.compile(r"얼마|비용|무료|공짜|유료|가격|요금|학비|수업료|교육비|수수료|이용료|수강료|참가비|대여료|사용료|시급|월급|일당|급여|임금|돈\s*(?:이\s*|을\s*|은\s*)?(?:(?:많이|좀|얼마나|따로|꽤)\s*)?(?:드|들(?!어\s*(?:오|와))|내)")),
    ("ask_how_to_apply", re.compile(r"신청|접수|방법|절차|서류|뭐\s*(?:\S+\s*)?가져가|" + _BRING + r"|어떻게\s*(해|하|받|이용)|어케")),
    ("ask_eligibility", re.compile(r"나이|몇\s*살|자격(?!증)|누가|아무나|조건|제한|어떤\s*(?:곳|데|사람|분|기업|단체|회사)(?:들)?[이가은는도]")),
)


# what may stand around the question's words in a bare follow-up ("주소는?", "운영시간 좀 알려주세요")
_BARE_FILLER = re.compile(
    r"좀|혹시|그럼|문|건|거|알려\s*(?:줘요|줘|주세요|줄래요?|주실래요?)|궁금해요|궁금|뭐예요|뭐에요|뭐야|뭔가요|어떻게\s*돼요|어케\s*돼요|"
    r"는요|은요|이요|요|는|은|이|가|[^0-9a-z가-힣]"
)


# "취업준비하러 다니는시간도 근무로 쳐주나요": time counted as work, not opening hours
WORK_TIME_COUNTED = re.compile(
    r"(?:근무|근로|일한\s*(?:걸|것))\s*(?:시간)?\s*(?:으로|로)\s*(?:쳐|인정|계산)|(?:다니는|준비하는|보러\s*가는|면접\s*보는)\s*시간"
)


def question_named(text: str) -> Optional[str]:
    """The question intent whose words the text carries ("거기 주소는??" → ask_location), or None."""
    return next(
        (intent for intent, words in QUESTION_NAMED if words.search(text) and not (intent == "ask_hours" and WORK_TIME_COUNTED.search(text))),
        None,
    )


def is_bare_question(text: str) -> bool:
    """Whether the text is nothing but a question's words ("주소는?", "몇 시까지요?"): a follow-up about whatever
    is being discussed, unlike "비트코인 가격 알려줘" (its own topic)."""
    question = question_named(text)
    if question is None:
        return False
    words = dict(QUESTION_NAMED)[question]
    return len(_BARE_FILLER.sub("", words.sub("", text.lower()))) <= 2


# "노원에도 있나요?", "그쪽에도 있어요?", "강남엔 없어요?": a site in the district named
SITE_IN_DISTRICT_ASKED = re.compile(r"(?:에도|에는|엔|에|쪽에도|쪽엔)\s*(?:있|없)(?:나요|어요|나|음|을까|는지|냐|니|습니까)")


# what the law asks, which the report does not say: "그거 우리 알바한테도 꼭 줘야하는 법적 의무임?", "주52시간 5인 미만
# 가게도 적용돼?" (whether a rule applies to one's case), "… 넘게 일 시키면 벌금을 얼마나 내요?"
APPLIES_TO_ASKED = re.compile(r"적용\s*(?:돼|되|됨|받|대상)|해당\s*(?:돼|되|됨)")
PENALTY_ASKED = re.compile(r"벌금|과태료|처벌")
OBLIGATION_ASKED = re.compile(r"법적\s*(?:인\s*)?의무|(?:법으로|법적으로)\s*(?:정해|강제|꼭)|의무(?:임|예요|에요|인가|야|사항|적으로\s*(?:줘|해|지켜)야)")
# "구직등록도 해야 되나요?", "소득이 없어야 하나요?": whether something is required (a rule, when a rule says it)
REQUIREMENT = re.compile(r"해야\s*(?:되|돼|하|해|됩|합)|(?:없|있)어야|필요(?:한가|해요|하나|합니까|한지)")
# "소셜벤처 쪽 지원도 있어?": the field of something, not a place
FIELD_OF = re.compile(r"쪽\s*(?:지원|사업|제도|프로그램|일자리)")
# what surely asks the price or the way to apply (unlike "어떻게 돼요", "지원해줌?")
# "돈 안받는거 맞죠?", "공짜로 해준다고요?", "정장은 공짜로 빌릴 수 있는 거죠?": whether it is free
FREE_ASKED = re.compile(r"무료|공짜|유료|돈\s*(?:안|없|내|들|받)")
PRICE_WORDS = re.compile(r"얼마|비용|무료|공짜|유료|돈|요금|이용료|수강료|교육비|학비|가격|참가비|내야|내요|들어요")
APPLYING_WORDS = re.compile(r"신청|접수|지원\s*하|등록|가입|방법|절차|서류|예약|" + _BRING)


_SENTENCE_END = re.compile(r"(?<=[?？!.。,])\s+")  # (a clause after a comma too: "…닫아 잃었는데, 저도 되겠습니까?")
_STORY_SENTENCE_END = re.compile(r"(?<=[?？!.。,])\s+|(?<=[요다])\s+(?=[가-힣])")
# how a sentence asking something ends ("…문을 엽니까", "…되겠습니까", "…있는지요")
_ASKING_END = re.compile(r"(?:[?？]|까|나요|가요|는지요?|알려\s*주\S*|주시오|줘|주세요|냐고|냐구|냐)\s*[.!~ㅡ]*$")  # ("열려있냐고!!")


def asking_sentence(text: str) -> str:
    """The last sentence that asks, whole ("… 가보려고 해요. 언제, 어디서 하는지 알려주실 수 있나요?" → "언제, 어디서
    하는지 알려주실 수 있나요?"; question_sentence would keep only the clause after the comma)."""
    sentences = [sentence for sentence in re.split(r"(?<=[?？!.。])\s+", text.strip()) if sentence]
    asking = [sentence for sentence in sentences if _ASKING_END.search(sentence)]
    return (asking or sentences or [""])[-1]


def story_question(text: str) -> str:
    """What a story asks: its question sentence when the message is a story ("…월급 두달치도 못받고 나왔어요 … 어디
    있어요?" asks where, not whether they may), else the whole message."""
    if len(text) <= STORY_LENGTH:
        return text
    # (phone-typed stories end their sentences without a full stop: "…못받고 나왔어요 그건 그거고 …")
    sentences = [sentence for sentence in _STORY_SENTENCE_END.split(text.strip()) if sentence]
    asking = [sentence for sentence in sentences if _ASKING_END.search(sentence)]
    return (asking or sentences or [text])[-1]


def question_sentence(text: str) -> str:
    """The sentence of a story that asks ("…공장이 문을 닫아 … 저도 신청이 되겠습니까? 서울 도봉구에 삽니다." →
    "저도 신청이 되겠습니까?"): the last one that ends as a question, else the last one."""
    sentences = [sentence for sentence in _SENTENCE_END.split(text.strip()) if sentence]
    asking = [sentence for sentence in sentences if _ASKING_END.search(sentence)]
    return (asking or sentences or [""])[-1]
