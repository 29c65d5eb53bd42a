"""Session 21: the rule prefilter of helpers.time.expressions (key words per rule) changes no row."""
import re
import string
from datetime import date

import pytest

import helpers.time.expressions as ex

SENTENCES = [  # constructed, not corpus sentences
    "The council met on Tuesday and again on 4 March 2021, two days later than planned.",
    "Profit in the third quarter of 2019 rose from $5m a year earlier; the year-ago period was weak.",
    "By the end of next month, in early spring, the bridge will reopen, the mayor said yesterday.",
    "Between Jan. 3 and Feb. 9, 1998, the fund grew; in the nineties it shrank; in the 1980s it was new.",
    "Nineteen ninety-six was the year the Q3 2020 plan began, in the 20th century's last decade.",
    "Over the weekend, on Christmas Eve, the same day the talks ended, officials said now is the time.",
    "The quarter ended Sept. 30 and the fiscal year ending June 30, 1990 saw H1 2024 forecasts.",
    "Last year's quarter was the past five weeks; the following day, the day before, late last night.",
    "The march began in May and ended last fall; the next day the group met for the first half of the year.",
    "Plain words with no calendar meaning at all: a cat sat on a mat.",
    "ſpring and \u212aelvin and \u0130stanbul in wİnter, T\u0131mes: the past decade",
]


def _rows(text, anchor):
    """The rows, or the error raised (the same with and without the prefilter: a season or reference word written
    with a character that only a case-insensitive match equates with an ASCII letter, "wİnter", is matched but not
    read)."""
    try:
        return [(e.start_char, e.end_char, e.text, e.start, e.end, e.precision, e.timex, e.relative, e.rule,
                 e.reference) for e in ex.find_time_expressions(text=text, anchor=anchor)]
    except KeyError as error:
        return ("KeyError", str(error))


@pytest.mark.parametrize("text", SENTENCES)
def test_prefilter_changes_no_row(text, monkeypatch):
    anchor = date(2022, 6, 15)
    on = _rows(text, anchor)
    monkeypatch.setattr(ex, "RULE_PREFILTER", False)
    assert _rows(text, anchor) == on


def test_every_match_holds_a_key_of_its_rule():
    seen = 0
    for text in SENTENCES:
        for (name, regex, _), (keys, cased, _core) in zip(ex.RULES, ex._RULE_PLAN):
            if keys is None or cased:
                continue
            for m in regex.finditer(text):
                seen += 1
                folded = m.group(0).translate(ex._FOLD).lower()
                assert any(k in folded for k in keys), (name, m.group(0))
    assert seen > 20


def test_a_text_without_keys_skips_the_rule_and_one_with_a_key_runs_it():
    assert not any(e.rule == "ago" for e in ex.find_time_expressions(text="Three days passed.", anchor=date(2022, 1, 9)))
    rows = ex.find_time_expressions(text="It happened three days ago.", anchor=date(2022, 1, 9))
    assert [e.rule for e in rows] == ["ago"] and rows[0].timex == "2022-01-06"


def test_rule_keys_name_rules_and_are_lower_case():
    names = {name for name, _, _ in ex.RULES}
    assert set(ex.RULE_KEYS) <= names and set(ex.RULE_CASED_KEYS) <= names
    assert not set(ex.RULE_KEYS) & set(ex.RULE_CASED_KEYS)
    for keys in ex.RULE_KEYS.values():
        assert keys and all(k and k == k.lower() for k in keys)


def test_fold_covers_what_ignorecase_matches():
    """Every character that a case-insensitive ASCII letter matches in Python's re becomes that letter."""
    chars = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in string.ascii_lowercase:
        for ch in set(re.findall("(?i)" + letter, chars)):
            assert ch.translate(ex._FOLD).lower() == letter, (letter, hex(ord(ch)))


def test_every_match_of_a_rule_with_cased_keys_holds_one_as_written():
    """A month's first three letters (month rules), a year's first two digits (year rules)."""
    for text in SENTENCES:
        for (name, regex, _), (keys, cased, _core) in zip(ex.RULES, ex._RULE_PLAN):
            if cased:
                for m in regex.finditer(text):
                    assert any(k in m.group(0) for k in keys), (name, m.group(0))


def _reads(pattern, ch: str) -> list[str]:
    """What in a parsed regex could read ``ch`` other than as the end of the text: a character test that accepts
    it (or any negated test), an end-of-text anchor, a back reference."""
    from re import _constants as C
    found = []

    def accepts(items) -> bool:
        for op, av in items:
            if op is C.NEGATE:
                return True
            if op in (C.LITERAL, C.LITERAL_IGNORE, C.LITERAL_UNI_IGNORE, C.LITERAL_LOC_IGNORE) and chr(av) == ch:
                return True
            if op in (C.RANGE, C.RANGE_UNI_IGNORE) and av[0] <= ord(ch) <= av[1]:
                return True
            if op is C.CATEGORY and re.match({C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s",
                                              C.CATEGORY_WORD: r"\w"}.get(av, r"[\s\S]"), ch):
                return True
        return False

    def walk(sub):
        for op, av in sub:
            if op in (C.LITERAL, C.NOT_LITERAL, C.ANY):
                if op is not C.LITERAL or chr(av) == ch:
                    found.append(str(op))
            elif op is C.IN:
                if accepts(av):
                    found.append(f"IN {av}")
            elif op is C.AT:
                if av not in (C.AT_BOUNDARY, C.AT_NON_BOUNDARY, C.AT_UNI_BOUNDARY, C.AT_UNI_NON_BOUNDARY,
                              C.AT_BEGINNING, C.AT_BEGINNING_STRING):
                    found.append(str(av))
            elif op is C.SUBPATTERN:
                walk(av[3])
            elif op is C.BRANCH:
                for alt in av[1]:
                    walk(alt)
            elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op in (C.ASSERT, C.ASSERT_NOT):
                if av[0] > 0:  # lookbehinds read before a stretch's start, in the whole text: as without stretches
                    walk(av[1])
            elif op is C.ATOMIC_GROUP:
                walk(av)
            else:  # a back reference, a conditional group: not in the grammar; check it by hand if added
                found.append(str(op))
    walk(pattern)
    return found


def test_no_rule_reads_a_segment_boundary_and_none_matches_nothing():
    """The stretches between quotation marks are searched on their own: exact only while no rule's regex reads a
    mark (no match holds one; a lookahead at one reads it as the end of the text) and no regex matches the empty
    string."""
    from re import _parser
    marks = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000 and ex.SEGMENT_BOUNDARY.fullmatch(chr(c))]
    assert sorted(marks) == sorted('"\u201c\u201d')
    for name, regex, _ in ex.RULES:
        parsed = _parser.parse(regex.pattern, regex.flags)
        assert parsed.getwidth()[0] > 0, name
        for ch in marks:
            assert not ch.isspace() and not re.match(r"\w", ch)
            assert _reads(parsed, ch) == [], (name, ch)


def test_a_quotation_splits_the_search_but_no_row():
    text = 'He said "we met on Tuesday" and "the talks end in March", then “next week” we meet; May 4, 2021.'
    anchor = date(2022, 6, 15)
    on = _rows(text, anchor)
    assert {r[2] for r in on} >= {"Tuesday", "March", "next week", "May 4, 2021"}
    ex_off = ex.RULE_PREFILTER
    try:
        ex.RULE_PREFILTER = False
        assert _rows(text, anchor) == on
    finally:
        ex.RULE_PREFILTER = ex_off


@pytest.mark.parametrize("text", [
    "Rebels shelled the depot on Monday. The ministry sent 300 troops and no tanks, the envoy said.",
    "The convoy could not deliver the aid. Talks in the capital broke down; a missile strike followed.",
    "Nothing happened here at all.",
])
def test_trigger_candidates_give_the_same_triggers(nlp, text):
    from helpers.time.events import find_triggers, trigger_candidates
    doc = nlp(text)
    candidates = trigger_candidates(doc)
    assert candidates == sorted(candidates)
    for sent in doc.sents:
        plain = [(t.type, t.token.i, t.rank) for t in find_triggers(sent)]
        assert [(t.type, t.token.i, t.rank) for t in find_triggers(sent, candidates)] == plain
    assert any(find_triggers(s) for s in doc.sents) == (text != "Nothing happened here at all.")
