"""Session 19, source span boundaries (constructed sentences): an adverb saying how many stays in the mention ("Almost
half of the fishermen said", ``attribution.QUANTITY_ADVERB_KEPT``); a date that says which document stays ("a survey
out Monday", "a study from 2019", ``attribution.DOCUMENT_DATE_KEPT``), one on a speaker does not ("the board on
Monday said"); the owner of a statement, tweet, post or e-mail is its source ("Her statement said": "Her",
``attribution.OWNED_UTTERANCE_OWNER``), a report keeps its phrase ("the board's report"); the name an unowned cue noun
stands in apposition to is its mention ("Jane Roe, a fierce critic of the plan,": "Jane Roe",
``statements.APPOSED_NOUN_SOURCE``); a phrase set off by commas that adds who speaks with the source joins it ("Roe,
along with the mayor, said", ``attribution.ACCOMPANYING_IN_MENTION``, names.json ``accompanying_phrases``); a line's
first word the sentence splitter cut off joins the mention ("Norway | Gov. Jane Roe says", on a hand-built parse,
``attribution.ONE_WORD_SENTENCE_JOINED``); a quoted title that is the whole mention keeps its quotation marks
("“Harbour Lights” reported", ``attribution.QUOTED_NAME_WITH_MARKS``); the channel it spoke through is no part of the
source ("The mayor in her speech warned", ``attribution.CHANNEL_LEFT_OUT``, names.json ``channel_prepositions``,
``channel_nouns``); nor is a phrase set off by commas that says how, when or in what state it spoke ("The mayor, with
obvious delight, said", ``attribution.SET_OFF_MODIFIER_LEFT_OUT``, names.json ``set_off_prepositions``)."""
from __future__ import annotations

import pytest
from spacy.tokens import Doc

import helpers.text.attribution as at
import helpers.text.statements as st


def mentions(extracted, text: str) -> list[str | None]:
    """The source mention of each statement of ``text``, as written."""
    rows = extracted(text)["statements"]
    return [None if s["speaker_start"] is None else text[int(s["speaker_start"]):int(s["speaker_end"])] for s in rows]


@pytest.mark.parametrize("switch, text, on, off", [
    ("QUANTITY_ADVERB_KEPT", "Almost half of the fishermen said the pier was unsafe.", "Almost half of the fishermen",
     "half of the fishermen"),
    ("QUANTITY_ADVERB_KEPT", "About half said the pier was unsafe.", "About half", "half"),
    ("DOCUMENT_DATE_KEPT", "A harbour survey out Monday showed that 40 jobs were at risk.", "A harbour survey out Monday",
     "A harbour survey out"),
    ("DOCUMENT_DATE_KEPT", "A harbour study from 2019 found that the pier was unsafe.", "A harbour study from 2019",
     "A harbour study"),
    ("OWNED_UTTERANCE_OWNER", "Her statement said that the pier was unsafe.", "Her", "Her statement"),
    ("OWNED_UTTERANCE_OWNER", "The ferry company's statement said the pier was unsafe.", "The ferry company's",
     "The ferry company's statement"),
    ("ACCOMPANYING_IN_MENTION", "Roe, along with the mayor, said the pier was unsafe.", "Roe, along with the mayor,",
     "Roe"),
    ("QUOTED_NAME_WITH_MARKS", "“Harbour Lights” reported that the pier was unsafe.", "“Harbour Lights”",
     "Harbour Lights"),
    ("CHANNEL_LEFT_OUT", "The mayor in her speech warned that the pier was unsafe.", "The mayor",
     "The mayor in her speech"),
    ("SET_OFF_MODIFIER_LEFT_OUT", "The mayor, with obvious delight, said the pier would reopen.", "The mayor",
     "The mayor, with obvious delight,"),
    ("SET_OFF_MODIFIER_LEFT_OUT", "The ferry company, only two months later, announced that the pier was unsafe.",
     "The ferry company", "The ferry company, only two months later,"),
    ("SET_OFF_MODIFIER_LEFT_OUT", "Fishermen, worried about their boats, said the pier was unsafe.", "Fishermen",
     "Fishermen, worried about their boats,"),
])
def test_rule_on_and_off(extracted, monkeypatch, switch, text, on, off):
    """An adverb saying how many stays; a date saying which document stays; the owner of an utterance is its source;
    ", along with …," joins the source; a quoted title keeps its marks; "in her speech" and ", with obvious delight," are left out."""
    assert mentions(extracted, text) == [on]
    monkeypatch.setattr(at, switch, False)
    assert mentions(extracted, text) == [off]


def test_a_focus_adverb_on_a_speaker_still_goes(extracted):
    assert mentions(extracted, "Even the mayor said the pier was unsafe.") == ["the mayor"]
    assert mentions(extracted, "Only one of the fishermen said the pier was unsafe.") == ["one of the fishermen"]


def test_a_date_on_a_speaker_goes(extracted):
    assert mentions(extracted, "The harbour board on Monday said the pier was unsafe.") == ["The harbour board"]


def test_a_report_keeps_its_phrase(extracted):
    text = "The harbour board's report found that the pier was unsafe."
    assert mentions(extracted, text) == ["The harbour board's report"]


CRITIC = "Jane Roe, a fierce critic of the ferry plan, met the mayor on Monday."
PILOT = "The plan was opposed by Tom Hale, a harbour pilot and a longtime critic of the ferry."


def test_the_name_a_cue_noun_is_apposed_to_is_its_mention(extracted, monkeypatch):
    assert mentions(extracted, CRITIC) == ["Jane Roe"]
    assert mentions(extracted, PILOT)[-1] == "Tom Hale"  # a conjunct of the apposition
    monkeypatch.setattr(st, "APPOSED_NOUN_SOURCE", False)
    assert mentions(extracted, CRITIC) == [None]


def test_a_cue_noun_in_no_apposition_has_no_mention(extracted):
    assert mentions(extracted, "Fierce criticism of the ferry plan grew louder.") == [None]


def test_a_comparison_set_off_is_no_part_of_the_source(extracted):
    assert mentions(extracted, "Jane Roe, like many fishermen, said the ferry would stop.") == ["Jane Roe"]


def _cut_first_word_doc(nlp, first_line: bool = True) -> Doc:
    """"Norway Gov. Jane Roe says …" after a time stamp's line, parsed as the splitter cut it: "Norway" a sentence of
    its own (``first_line=False``: the same, with no line break before "Norway")."""
    words = ["5:45", "p.m.", "\n", "Norway", "Gov.", "Jane", "Roe", "says", "it", "is", "unsafe", "."]
    spaces = [True, False, False, True, True, True, True, True, True, True, False, False]
    if not first_line:
        words[2], spaces[1] = ";", True
    heads = [1, 1, 1, 3, 6, 6, 7, 7, 9, 7, 9, 7]
    deps = ["nummod", "ROOT", "dep", "ROOT", "compound", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "acomp",
            "punct"]
    pos = ["NUM", "NOUN", "SPACE" if first_line else "PUNCT", "PROPN", "PROPN", "PROPN", "PROPN", "VERB", "PRON",
           "AUX", "ADJ", "PUNCT"]
    starts = [True, False, False, True, True] + [False] * 7
    return Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, sent_starts=starts)


def test_a_first_word_cut_off_its_sentence_joins_the_mention(nlp, monkeypatch):
    doc = _cut_first_word_doc(nlp)
    assert doc.text[slice(*at.mention_span(doc[6]))] == "Norway Gov. Jane Roe"
    monkeypatch.setattr(at, "ONE_WORD_SENTENCE_JOINED", False)
    assert doc.text[slice(*at.mention_span(doc[6]))] == "Gov. Jane Roe"


def test_a_word_not_opening_a_line_stays_out(nlp):
    doc = _cut_first_word_doc(nlp, first_line=False)
    assert doc.text[slice(*at.mention_span(doc[6]))] == "Gov. Jane Roe"


def test_a_quotation_inside_a_longer_mention_is_left_as_it_is(extracted):
    text = "The weekly “Harbour Lights” reported that the pier was unsafe."
    assert mentions(extracted, text) == ["The weekly “Harbour Lights”"]


def test_a_place_on_the_source_is_no_channel(extracted):
    text = "A fisherman in the harbour office said the pier was unsafe."
    assert mentions(extracted, text) == ["A fisherman in the harbour office"]


def test_a_set_off_phrase_saying_who_stays(extracted):
    text = "Tom Hale, of the harbour board, said the pier was unsafe."
    assert mentions(extracted, text) == ["Tom Hale, of the harbour board,"]
