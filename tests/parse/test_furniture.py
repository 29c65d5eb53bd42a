"""Page furniture cut from flattened bodies: photo credits and teasers (constructed texts)."""
from __future__ import annotations

import csv

import pandas as pd

from helpers.parse import articles
from helpers.parse.furniture import strip_furniture
from helpers.parse.textio import normalise_body


def cut(text: str, *others: str) -> tuple[str, int]:
    """``text`` as the parse stage leaves it (``others``: the rest of the same export)."""
    (out, n), *_ = strip_furniture([text, *others])
    return (normalise_body(out) if n else out), n


def test_credit_glued_to_the_next_sentence_is_cut_and_the_sentence_kept():
    text, n = cut("The envoy at a press briefing. Photograph: Jane Roe/APThe envoy declined to comment.")
    assert n == 1
    assert text == "The envoy at a press briefing.\n\nThe envoy declined to comment."


def test_credit_with_several_segments_and_a_two_word_agency_before_a_sentence_opener():
    text, n = cut("Smoke over the port. Photograph: Ann Lee/AFP/Getty Images In the north, shelling went on.")
    assert (text, n) == ("Smoke over the port.\n\nIn the north, shelling went on.", 1)


def test_credit_keeps_a_name_that_opens_the_next_sentence():
    text, n = cut("Crowds in the square. Photograph: Ann Lee/Reuters Boris Wade said the rally was peaceful.")
    assert text == "Crowds in the square.\n\nBoris Wade said the rally was peaceful."


def test_credit_ending_learnt_from_another_credit_of_the_same_export():
    ambiguous = "A convoy. Photograph: Ann Lee/Getty Images Kherson residents queued for water."
    certain = "A bridge. Photograph: Tom Kay/Getty ImagesThe bridge reopened."
    assert cut(ambiguous)[0] == "A convoy.\n\nImages Kherson residents queued for water."  # alone: one word only
    assert cut(ambiguous, certain)[0] == "A convoy.\n\nKherson residents queued for water."


def test_credit_whose_last_segment_opens_with_a_function_word_takes_the_next_word():
    text, _ = cut("Volunteers at work. Photograph: Ann Lee/The Courier Officials said 40 people were hurt.")
    assert text == "Volunteers at work.\n\nOfficials said 40 people were hurt."


def test_credit_in_brackets_and_at_a_paragraph_end():
    text, n = cut("Troops crossed the river (Photo: Ann Lee/Agency) on Monday.\n\nA caption. Photograph: Ann Lee/Agency\n\n"
                  "Next paragraph.")
    assert n == 2
    assert text == "Troops crossed the river on Monday.\n\nA caption.\n\nNext paragraph."


def test_teaser_headline_is_cut_with_its_marker():
    text, n = cut("Talks resumed on Monday. Minister warns of 300 more casualties in the south | Jo RoeRead more "
                  "“We are ready,” the negotiator said.")
    assert n == 1
    assert text == "Talks resumed on Monday.\n\n“We are ready,” the negotiator said."


def test_teaser_headline_ending_in_a_question_mark_and_glued_to_the_previous_sentence():
    text, _ = cut("They must talk now.”Full story here:Will the ceasefire hold?Read more The army said 12 shells fell.")
    assert text == "They must talk now.” Full story here:\n\nThe army said 12 shells fell."


def test_prose_read_more_stays():
    for prose in ("Read more about the sanctions on our website.",
                  "Parents should read more to their children, the minister said.",
                  "He wrote a book. Read more Tolstoy, he told students.",
                  "Read more information from the region on the main page"):
        assert cut(prose) == (prose, 0)


def test_a_label_without_a_credit_and_words_that_only_look_like_labels_stay():
    assert cut("The Photograph of the year was taken in 2021.") == ("The Photograph of the year was taken in 2021.", 0)
    assert cut("Image: a burnt tank near the road.")[0] == "a burnt tank near the road."


def test_parse_stage_counts_the_cuts_and_offsets_refer_to_the_cut_text(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = [{"title": "One", "text": "Shelling hit the city. Photograph: Ann Lee/APOfficials said 7 died."},
            {"title": "Two", "text": "Talks went on. Officials said 3 were hurt."}]
    with open(raw / "export.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["title", "text"])
        w.writeheader()
        w.writerows(rows)
    result = articles.run(raw)
    got = pd.DataFrame(result["articles"]).set_index("title")
    assert got.loc["One", "text"] == "Shelling hit the city.\n\nOfficials said 7 died."
    assert got.loc["One", "furniture_cut"] == 1 and got.loc["Two", "furniture_cut"] == 0
    assert got.loc["One", "n_words"] == len(got.loc["One", "text"].split())


def test_credit_paragraph_of_its_own_is_cut_whole():
    text, n = cut("The talks ended.\n\nPhoto: Jane Roe, Example Agency\n\nThe next round is in May.")
    assert (text, n) == ("The talks ended.\n\nThe next round is in May.", 1)
    long = "Photo: a long caption that describes the whole scene at the border crossing in detail"
    assert cut(long)[0] == long.removeprefix("Photo: ")  # a caption, not a credit: only the label goes


def test_live_blog_stamps_glued_to_their_entries_are_cut():
    text, n = cut("The envoy left at noon.”Updated at 23.37 GMT 3 Mar 202223.12Officials said 9 were hurt. "
                  "Earlier: 5 Mar 202209.05The mayor spoke. 4d ago07.49A new entry.")
    assert n == 3
    assert text == ("The envoy left at noon.”\n\nOfficials said 9 were hurt. Earlier:\n\nThe mayor spoke.\n\n"
                    "A new entry.")
    prose = "On 3 Mar 2022 at 23.12 the envoy spoke; 4 days ago 7.49 million people had fled."
    assert cut(prose) == (prose, 0)
