"""Corpus-wide canonical names (issue 10): organisation keys, person transliteration keys — constructed names."""
from __future__ import annotations

import pytest

from helpers.text.entities import canonical_map, org_key, person_key


def _row(name, label):
    return {"canonical": name, "label": label}


@pytest.mark.parametrize("a,b", [
    ("Finland's defence ministry", "Finnish Ministry of Defense"),
    ("Defence Ministry of Finland", "Finland's Ministry of Defense"),
    ("Norway's foreign ministry", "Norwegian Ministry of Foreign Affairs"),
    ("U.S. Department of State", "US State Department"),
    ("Britain's defence ministry", "UK defense ministry"),
    ("World Health Organization", "World Health Organisation"),
])
def test_same_organisation_same_key(a, b):
    assert org_key(a) == org_key(b)


@pytest.mark.parametrize("a,b", [
    ("Norwegian Ministry of Defence", "Swedish Ministry of Defence"),   # another country
    ("Ministry of Defence", "Norwegian Ministry of Defence"),          # a country-less name stays apart
    ("Norwegian Ministry of Defence", "Norwegian Ministry of Finance"),
    ("Institute for Peace", "Peace Institute of Norway"),
])
def test_other_organisations_other_keys(a, b):
    assert org_key(a) != org_key(b)


def test_abbreviated_country_only_in_capitals():
    assert "@IN" not in org_key("Investors in People")  # "in" is not India
    assert "@US" in org_key("US Navy")


@pytest.mark.parametrize("a,b,same", [
    ("Aleksandr Petrenko", "Alexander Petrenko", True),
    ("Dmitry Sokolov", "Dmitri Sokolov", True),
    ("Andriy Kovalenkiy", "Andriy Kovalenkyy", True),
    ("Maria Sokolova", "Marta Sokolova", False),
    ("Anna Sokolova", "Anna Petrova", False),
])
def test_person_transliteration_key(a, b, same):
    assert (person_key(a) == person_key(b)) is same


def test_canonical_map_merges_groups_to_the_most_frequent_spelling():
    rows = [_row("Norway's defence ministry", "ORG"), _row("Norwegian Ministry of Defense", "ORG"),
            _row("Norwegian Ministry of Defense", "ORG"), _row("Ministry of Defence", "ORG"),
            _row("Alexander Petrenko", "PERSON"), _row("Aleksandr Petrenko", "PERSON"),
            _row("Alexander Petrenko", "PERSON"), _row("Petrenko", "PERSON"),
            _row("Norway", "GPE"), _row("Norwegian", "NORP")]
    m = canonical_map(rows)
    assert m["Norway's defence ministry"] == m["Norwegian Ministry of Defense"] == "Norwegian Ministry of Defense"
    assert m["Ministry of Defence"] == "Ministry of Defence"
    assert m["Aleksandr Petrenko"] == m["Petrenko"] == "Alexander Petrenko"  # the lone surname follows the group
    assert (m["Norway"], m["Norwegian"]) == ("Norway", "Norwegian")  # places and nationalities are not merged


def test_a_lone_surname_follows_the_dominant_full_name_not_a_stray_one():
    rows = [_row("Olena Marchuk", "PERSON")] * 20 + [_row("Petrenko-Marchuk", "PERSON"), _row("Marchuk", "PERSON")]
    assert canonical_map(rows)["Marchuk"] == "Olena Marchuk"  # 20 mentions against 1


def test_a_lone_surname_shared_by_two_named_people_stays_apart():
    rows = [_row("Olena Marchuk", "PERSON")] * 6 + [_row("Ivan Marchuk", "PERSON")] * 4 + [_row("Marchuk", "PERSON")]
    assert canonical_map(rows)["Marchuk"] == "Marchuk"


def test_group_keys_kept_across_runs_give_the_same_map_and_are_not_computed_again(tmp_path, monkeypatch):
    from collections import Counter

    from helpers.text import entities

    labels = {"Aleksandr Petrenko": Counter(PERSON=3), "Alexander Petrenko": Counter(PERSON=1),
              "Petrenko": Counter(PERSON=2), "Finland's defence ministry": Counter(ORG=2),
              "Finnish Ministry of Defense": Counter(ORG=1), "Harbour Office": Counter(ORG=1)}
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path))
    plain = entities.canonical_map_from_labels(labels)
    assert plain["Alexander Petrenko"] == "Aleksandr Petrenko" and plain["Petrenko"] == "Aleksandr Petrenko"
    assert plain["Finnish Ministry of Defense"] == "Finland's defence ministry"
    assert not (tmp_path / "memos").exists()  # without memo=True nothing is kept
    assert entities.canonical_map_from_labels(labels, memo=True) == plain
    assert len(list((tmp_path / "memos").rglob("*.pkl"))) == 1
    computed = []
    real = entities._group_key
    monkeypatch.setattr(entities, "_group_key", lambda name, label: computed.append(name) or real(name, label))
    assert entities.canonical_map_from_labels(labels, memo=True) == plain  # every key from the memo
    assert computed == []
    more = {**labels, "Dmitri Sokolov": Counter(PERSON=1), "Dmitry Sokolov": Counter(PERSON=4)}
    kept = entities.canonical_map_from_labels(more, memo=True)
    assert sorted(computed) == ["Dmitri Sokolov", "Dmitry Sokolov"]  # the new names only
    assert kept == entities.canonical_map_from_labels(more) and kept["Dmitri Sokolov"] == "Dmitry Sokolov"
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", "off")  # cache off: nothing read, the keys computed
    computed.clear()
    assert entities.canonical_map_from_labels(more, memo=True) == entities.canonical_map_from_labels(more)
    assert computed.count("Petrenko") == 2


def test_a_memo_keeps_values_per_code_version_and_ignores_a_damaged_file(tmp_path):
    from helpers.core import artcache

    m = artcache.Memo("some values", tmp_path)
    assert m.get(("a", 1), lambda: 10) == 10 and m.get(("a", 1), lambda: 99) == 10
    m.save()
    assert m.file.parent == tmp_path / "memos" / "some_values" and m.file.stem == artcache.code_version()[:16]
    again = artcache.Memo("some values", tmp_path)
    assert again.get(("a", 1), lambda: 99) == 10 and again.added == 0
    again.file.write_bytes(b"not a pickle")
    assert artcache.Memo("some values", tmp_path).get(("a", 1), lambda: 7) == 7
    assert artcache.Memo("some values", None).file is None
