"""docs.spacy as written by notebook 02 (doccache.DocsWriter) and read one doc at a time (SavedDocs, lazy_docs)."""
from __future__ import annotations

import pytest
from spacy.tokens import DocBin

from helpers.text import doccache

TEXTS = ["The ministry said 40 drones were shot down over the region on Tuesday.",
         "Officials in the capital reported that about 1,200 people had left the city.\n\nA spokesman declined to comment."]


def _docs(nlp):
    return [doccache.label_doc(nlp(t), t, f"a{i}") for i, t in enumerate(TEXTS)]


def test_a_doc_blob_is_the_one_doc_docbin_spacy_writes(nlp):
    for doc in _docs(nlp):
        db = DocBin(store_user_data=True)
        db.add(doc)
        assert doccache.doc_blob(doc) == db.to_bytes()


def test_saved_docs_read_back_doc_by_doc_with_their_user_data(nlp, tmp_path):
    docs = _docs(nlp)
    doccache.save_docs(docs, tmp_path)
    saved = doccache.read_docbin(tmp_path)
    assert len(saved) == 2
    assert [saved.user_data(i)["article_id"] for i in range(2)] == ["a0", "a1"]
    lazy = list(doccache.lazy_docs(tmp_path, nlp))
    assert lazy[1].user_data[doccache.TEXT_KEY] == doccache.text_sha256(TEXTS[1])
    for doc, item in zip(docs, lazy):
        built = item.load()
        assert built.text == doc.text
        assert [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, str(t.morph)) for t in built] == \
               [(t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_, str(t.morph)) for t in doc]
        assert built.user_data["article_id"] == doc.user_data["article_id"]
    assert [d.text for d in doccache.load_docs(tmp_path, nlp)] == TEXTS


def test_a_failed_write_leaves_the_old_file_and_an_old_layout_is_not_reused(nlp, tmp_path):
    doccache.save_docs(_docs(nlp)[:1], tmp_path)
    before = (tmp_path / doccache.DOCS_FILE).read_bytes()
    with pytest.raises(RuntimeError):
        with doccache.DocsWriter(tmp_path / doccache.DOCS_FILE) as writer:
            writer.add(_docs(nlp)[1])
            raise RuntimeError("interrupted")
    assert (tmp_path / doccache.DOCS_FILE).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [doccache.DOCS_FILE]
    db = DocBin(store_user_data=True)
    db.add(_docs(nlp)[0])
    db.to_disk(tmp_path / doccache.DOCS_FILE)  # one DocBin: the layout before docs were saved one by one
    assert doccache.read_docbin(tmp_path) is None  # notebook 02 parses again (from the parse cache)
    with pytest.raises(ValueError, match="run notebook 02 again"):
        list(doccache.lazy_docs(tmp_path, nlp))


def test_run_parse_keeps_every_chunk_with_progress_bars_shown(nlp, monkeypatch):
    """islice over a tqdm bar restarts its pass; the parse must take its chunks from one iterator."""
    import pandas as pd

    import helpers.text.stage as text_stage

    monkeypatch.delenv("WARCLAIMS_NO_PROGRESS", raising=False)  # bars shown, as in JupyterLab
    monkeypatch.setattr(text_stage, "CHUNK", 2)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(7)],
                             "text": [f"Article number {i} was filed in Lviv on Monday." for i in range(7)]})
    result = text_stage.run_parse(articles, workers=1, cache=False, keep_docs=False)
    assert sorted(result["sentences"].article_id.unique()) == list(articles.article_id)
