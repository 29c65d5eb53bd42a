"""The parse hands each article on as soon as it is parsed, so the per-article progress bar of notebook 02 moves
article by article (not one jump per block of 256)."""
from __future__ import annotations

import spacy

from helpers.text import doccache


def test_each_doc_is_yielded_before_the_next_text_is_parsed(tmp_path):
    nlp = spacy.blank("en")
    pulled = []

    def parse(texts):
        for text in texts:
            pulled.append(text)
            yield nlp(text)

    cache = tmp_path / "cache"
    first = [("Cached text one.", "a1")]
    list(doccache.pipe_cached(nlp, first, cache_dir=cache, parse=parse))  # fills the cache for "a1"
    pulled.clear()
    pairs = [("Cached text one.", "a1"), ("Fresh text two.", "a2"), ("Fresh text three.", "a3")]
    docs = doccache.pipe_cached(nlp, pairs, cache_dir=cache, parse=parse)
    d1 = next(docs)
    assert (d1.text, d1.user_data["article_id"], pulled) == ("Cached text one.", "a1", [])
    d2 = next(docs)
    assert (d2.text, d2.user_data["article_id"], pulled) == ("Fresh text two.", "a2", ["Fresh text two."])
    assert doccache._cache_file(cache, "Fresh text two.").exists()  # cached as soon as parsed
    assert not doccache._cache_file(cache, "Fresh text three.").exists()
    d3 = next(docs)
    assert (d3.user_data["article_id"], len(pulled)) == ("a3", 2)
    assert list(docs) == []
