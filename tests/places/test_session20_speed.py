"""Session 20 (speed): the per-article memos give what the plain computation gives."""
from types import SimpleNamespace

from helpers.core.tokens import doc_text
from helpers.geo.distance import haversine_km
from helpers.places import toponyms


def test_doc_text_follows_the_doc_asked_about(nlp):
    first, second = nlp.make_doc("Troops moved north.  Then west."), nlp.make_doc("A second, other text.")
    for doc in (first, second, first, first, second):
        assert doc_text(doc) == doc.text


def _place(index, lat, lon):
    return SimpleNamespace(index=index, latitude=lat, longitude=lon)


def test_nearest_anchor_is_the_plain_minimum_without_itself():
    anchors = [_place(1, 50.45, 30.52), _place(2, 49.99, 36.23), _place(3, 46.48, 30.72)]
    for p in (_place(1, 50.45, 30.52), _place(9, 48.0, 37.8), _place(9, 48.0, 37.8)):
        plain = min(haversine_km(p.latitude, p.longitude, a.latitude, a.longitude) for a in anchors if a.index != p.index)
        assert toponyms._nearest_anchor_km(p, anchors) == plain


def test_nearest_anchor_of_another_list_is_computed_afresh():
    p = _place(9, 48.0, 37.8)
    near, far = [_place(1, 48.1, 37.9)], [_place(1, 10.0, 10.0)]
    assert toponyms._nearest_anchor_km(p, near) < 100 < toponyms._nearest_anchor_km(p, far)
    assert toponyms._nearest_anchor_km(p, []) is None
    assert toponyms._nearest_anchor_km(_place(1, 0.0, 0.0), [_place(1, 0.0, 0.0)]) is None
