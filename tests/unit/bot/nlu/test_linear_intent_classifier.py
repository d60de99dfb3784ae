"""The linear intent classifier: learns from Korean morphemes and characters, survives save → load."""
from __future__ import annotations

import numpy as np
import scipy.sparse
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.korean_tokenizer import KoreanTokenizer
from bot.nlu.linear_intent_classifier import LinearIntentClassifier

EXAMPLES = {
    "ask_hours": ["몇 시까지 해요?", "운영시간 알려줘", "토요일에도 열어요?", "몇시에 문 닫아", "언제까지 해요"],
    "ask_location": ["어디에 있어요?", "위치 알려주세요", "주소가 어떻게 돼요", "어디로 가면 돼", "가는 길 알려줘"],
    "situation_unpaid_wages": ["월급을 못 받았어요", "사장이 임금을 안 줘요", "알바비 안 줌", "급여가 밀렸어요", "퇴직금을 안 줘요"],
}


def trained(storage: ModelStorage, context: ExecutionContext, examples: dict = EXAMPLES) -> LinearIntentClassifier:
    tokenizer = KoreanTokenizer.create(KoreanTokenizer.get_default_config(), None, None, None)
    messages = [Message.build(text=text, intent=intent) for intent, texts in examples.items() for text in texts]
    data = TrainingData(messages)
    tokenizer.process_training_data(data)
    classifier = LinearIntentClassifier.create({}, storage, Resource("linear"), context)
    classifier.train(data)
    return classifier


def classify(classifier: LinearIntentClassifier, text: str) -> dict:
    tokenizer = KoreanTokenizer.create(KoreanTokenizer.get_default_config(), None, None, None)
    message = Message.build(text=text)
    tokenizer.process([message])
    classifier.process([message])
    return message.as_dict(only_output_properties=True)


def test_unseen_phrasings_with_typos_and_no_spacing(default_model_storage, default_execution_context) -> None:
    classifier = trained(default_model_storage, default_execution_context)
    assert classify(classifier, "몇시꺼지 하나요")["intent"]["name"] == "ask_hours"
    assert classify(classifier, "월급을안줘요 ㅠㅠ")["intent"]["name"] == "situation_unpaid_wages"
    ranking = classify(classifier, "위치가 어디예요")["intent_ranking"]
    assert ranking[0]["name"] == "ask_location" and abs(sum(r["confidence"] for r in ranking) - 1) < 1e-6


def test_a_greeting_before_a_question_leaves_the_intent_to_the_question(
    default_model_storage, default_execution_context, monkeypatch
) -> None:
    """"안녕하세요~~ 저 가게 일 그만뒀는데 알바비를 안 줘요": the question after the greeting decides, not the greeting."""
    greetings = ["안녕하세요", "안녕하세요~~", "안녕하세요 반갑습니다", "하이", "안녕", "안녕하세요!! 안녕하세요"]
    classifier = trained(default_model_storage, default_execution_context, {**EXAMPLES, "greet": greetings})
    text = "안녕하세요~~ 안녕하세요 저 가게 그만뒀는데 알바비"
    assert classify(classifier, "안녕하세요~~")["intent"]["name"] == "greet"
    assert classify(classifier, text)["intent"]["name"] == "situation_unpaid_wages"
    monkeypatch.setattr("bot.nlu.linear_intent_classifier.QUESTION_AFTER_GREETING", 10_000)
    assert classify(classifier, text)["intent"]["name"] == "greet"  # (what the whole message alone would say)


def test_save_and_load_round_trip(default_model_storage, default_execution_context) -> None:
    original = trained(default_model_storage, default_execution_context)
    loaded = LinearIntentClassifier.load({}, default_model_storage, Resource("linear"), default_execution_context)
    for text in ["토요일 몇시까지", "알바비를 못 받았어요", "어디 있나요"]:
        assert classify(loaded, text)["intent_ranking"] == classify(original, text)["intent_ranking"]


def test_untrained_classifier_leaves_messages_alone(default_model_storage, default_execution_context) -> None:
    empty = LinearIntentClassifier.load({}, default_model_storage, Resource("never-trained"), default_execution_context)
    assert "intent" not in classify(empty, "안녕하세요") or classify(empty, "안녕하세요")["intent"] is None


def test_column_major_weights_score_exactly_like_scikit_learn_and_without_a_copy() -> None:
    from sklearn.linear_model import LogisticRegression

    from bot.nlu.linear_intent_classifier import _fast_scoring

    rng = np.random.default_rng(0)
    features = scipy.sparse.random(60, 500, density=0.05, format="csr", random_state=0)
    labels = rng.integers(0, 4, size=60)
    plain = LogisticRegression(max_iter=200).fit(features, labels)
    expected = plain.predict_proba(features)
    fast = _fast_scoring(LogisticRegression(max_iter=200).fit(features, labels))
    assert fast.coef_.T.flags["C_CONTIGUOUS"]  # X @ coef_.T needs no copy of the weights
    np.testing.assert_allclose(fast.predict_proba(features), expected, rtol=1e-12)


def test_one_message_scoring_equals_scikit_learns(default_model_storage, default_execution_context) -> None:
    """The live path (one message, no sparse matrices) gives the batch path's confidences, for known words,
    unknown ones, emoji, Latin and an empty text."""
    from bot.nlu.linear_intent_classifier import _confidences, _morphemes

    classifier = trained(default_model_storage, default_execution_context)
    tokenizer = KoreanTokenizer.create(KoreanTokenizer.get_default_config(), None, None, None)
    texts = ["몇시꺼지 하나요", "월급을안줘요 ㅠㅠ", "위치가 어디예요", "완전히 처음 보는 말 🙏", "open hours?", "", "ㅋ"]
    messages = [Message.build(text=text) for text in texts]
    tokenizer.process(messages)
    batch = _confidences(
        classifier._model[2],
        classifier._features([t.lower() for t in texts], [_morphemes(m) for m in messages]),
        float(classifier._config["temperature"]),
    )
    for message, expected in zip(messages, batch):
        one = classifier._scorer().confidences(message.get("text").lower(), _morphemes(message), float(classifier._config["temperature"]))
        np.testing.assert_allclose(one, expected, rtol=1e-9, atol=1e-12)
        assert classify(classifier, message.get("text"))["intent"]["name"] == classifier._model[2].classes_[expected.argmax()]


def test_each_question_of_a_message_asking_several_gets_its_own_intent(
    default_model_storage, default_execution_context
) -> None:
    """"몇 시까지 해요? 그리고 어디에 있어요?": the message has one intent, and each question its own, with offsets."""
    classifier = trained(default_model_storage, default_execution_context)
    text = "몇 시까지 해요? 그리고 어디에 있어요?"
    parsed = classify(classifier, text)
    asked = [(q["text"], q["intent"]["name"]) for q in parsed["questions"]]
    assert asked == [("몇 시까지 해요?", "ask_hours"), ("어디에 있어요?", "ask_location")]
    assert all(text[q["start"]:q["end"]] == q["text"] for q in parsed["questions"])
    assert "questions" not in classify(classifier, "몇 시까지 해요?")  # (one question: the intent says it all)
