"""The NLU lookup tables and synonyms are generated from the knowledge base, never edited by hand."""
from __future__ import annotations

from knowledge.nlu_export import LOOKUPS, entity_vocabulary, main, render


def test_committed_lookups_match_the_knowledge_base() -> None:
    assert main(["--check"]) == 0, "data/nlu/lookups.yml drifted: run `make lookups` and commit it"


def test_every_programme_name_and_place_is_a_lookup_and_maps_to_its_slug() -> None:
    vocabulary = entity_vocabulary()
    text = LOOKUPS.read_text(encoding="utf-8")
    assert "    - 취업날개\n" in text and "- synonym: interview_suit_rental\n" in text
    assert "서초쉼터" in vocabulary["programme"]["rest_area"]
    assert vocabulary["district"]["마포구"][:2] == ["마포구", "마포"]
    assert render(vocabulary) == text
