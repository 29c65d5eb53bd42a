"""Attributed statements: direct quotes, indirect speech and "according to" attributions.

How a statement is found (all rules read their words from ``text/rules/cue_verbs.json``):

- **indirect**: a reporting verb (say, tell, add, estimate, claim, …) with a subject; the content
  is its clausal complement (or, for verbs like *claim*/*announce*/*confirm*, its object).
  A subject-less verb (conjunct "… and claims", "was quoted as saying") takes the subject of
  the verb it hangs from.
- **direct**: a quotation (curly quotes may run over several sentences and paragraphs and stay
  one statement). The speaker is the reporting verb next to it in the same sentence
  ("“…,” Austin said"), else the name before a colon introducing it ("…given by X: “…”"),
  else — for a quote standing alone — the speaker of the statement just before it.
- **according_to**: "according to X" / "citing X"; the content is the rest of the sentence.
- **own line**: "He said:" at the end of a line introduces the following line as the content.

Speakers resolve to entity canonical names: a named subject directly; a subject with an
apposition ("The head of …, Kyrylo Budanov, told"); pronouns (he/she → the most recent named
person speaker, it/they → the most recent organisation/place speaker); a role noun ("the
spokesman said") → the most recent entity whose stated role has that noun; else "(unknown)".
"""
from __future__ import annotations

import bisect
import functools
import re

from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from helpers.text.attribution import _PERSONISH, EntityLookup, SpeakerTracker, _lex  # noqa: F401  (re-exported)

from helpers.core.schemas import UNKNOWN  # noqa: E402  (re-exported)
_DIRECT_QUOTE = re.compile(r"“[^“”]{2,4000}”|\"[^\"\n]{2,1500}\"|«[^«»]{2,4000}»")
MIN_QUOTE_WORDS = 4
_DEMONSTRATIVE = re.compile(r"^(?:that|this|these|those)(?:\s*(?:is|was|are|were|'s|’s))?$", re.I)
_SUBJECT_DEPS = ("nsubj", "nsubjpass")


@functools.lru_cache(maxsize=4)
def _matcher(vocab) -> Matcher:
    lex = _lex()
    m = Matcher(vocab)
    m.add("VERB", [[{"LEMMA": {"IN": sorted(lex["speech"])}, "POS": {"IN": ["VERB", "AUX"]}}]])
    m.add("ACCORDING", [[{"LOWER": p[0]}] + [{"LOWER": w} for w in p[1:]] for p in lex["according"]])
    return m


def _subject(verb: Token) -> Token | None:
    tok = verb
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child
        if tok.dep_ in ("conj", "xcomp", "advcl", "pcomp", "prep") and tok.head is not tok:
            tok = tok.head
        else:
            break
    return None


def _content_token(verb: Token, lex) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if verb.lemma_.lower() in lex["object_content"]:
        for child in verb.children:
            if child.dep_ in ("dobj", "xcomp", "attr"):
                return child
    for child in verb.children:  # "said that …" parsed as advcl / "adding that …"
        if child.dep_ == "advcl" and any(c.lower_ == "that" for c in child.children):
            return child
    return None


def _inverted_content(verb: Token) -> tuple[int, int] | None:
    """'Troops captured the city, the agency said, as …': the clause the verb is parenthetical to."""
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        sent = verb.sent
        subj = _subject(verb)
        left_end = min(verb.left_edge.i, subj.left_edge.i if subj is not None else verb.i)
        if left_end <= sent.start:
            return None
        first, last = sent[0], verb.doc[left_end - 1]
        return first.idx, last.idx + len(last)
    return None


def _quotes(text: str) -> list[tuple[int, int]]:
    """Inner (start, end) of quotations long enough to be speech rather than scare quotes."""
    out = []
    for m in _DIRECT_QUOTE.finditer(text):
        inner = m.group(0)[1:-1]
        if len(inner.split()) >= MIN_QUOTE_WORDS:
            lead = len(inner) - len(inner.lstrip())
            out.append((m.start() + 1 + lead, m.end() - 1 - (len(inner) - len(inner.rstrip()))))
    return out


def extract_statements(doc: Doc, article_id: str, entities: list[dict], sentence_of) -> list[dict]:
    """Statement rows (``statements`` contract) for one parsed article.

    ``entities``: this article's entity rows (``entities.article_entities``);
    ``sentence_of(char) -> sentence_id``.
    """
    lex = _lex()
    lookup = EntityLookup(entities)
    tracker = SpeakerTracker(lookup)
    text = doc.text
    quotes = _quotes(text)
    used_quotes: set[int] = set()
    found: list[dict] = []

    def add(start, end, speaker_row, how, cue, cue_lemma, kind, anchor):
        while end > start and text[end - 1] in " \n\t,;:.":
            end -= 1
        while start < end and text[start] in " \n\t,;:":
            start += 1
        if end <= start:
            return
        found.append({"start_char": start, "end_char": end, "speaker_row": speaker_row, "how": how,
                      "cue": cue, "cue_lemma": cue_lemma, "kind": kind, "anchor": anchor})

    # pass 1, in text order: reporting verbs and "according to"
    matcher = _matcher(doc.vocab)
    events = [(doc.vocab.strings[mid], doc[start]) for mid, start, _ in matcher(doc)]
    verb_chars = sorted(t.idx for _, t in events)
    for kind, tok in events:
        if kind == "ACCORDING":
            _according(doc, tok, tracker, add)
            continue
        subj = _subject(tok)
        if subj is None:
            continue
        row, how = tracker.resolve(subj)
        if how == "name":
            tracker.remember(row)
        sent = tok.sent
        quote_idx = _quote_near(quotes, sent, tok)
        if quote_idx is not None and quote_idx not in used_quotes:
            used_quotes.add(quote_idx)
            qs, qe = quotes[quote_idx]
            add(qs, qe, row, how, tok.text, tok.lemma_.lower(), "direct", tok.idx)
        else:
            content = _content_token(tok, lex)
            if content is not None:
                start = content.left_edge.idx
                end = content.right_edge.idx + len(content.right_edge)
                q = next((i for i, (qs, qe) in enumerate(quotes)
                          if i not in used_quotes and qs <= start + 1 and qe >= start), None)
                if q is not None:
                    used_quotes.add(q)
                    add(quotes[q][0], quotes[q][1], row, how, tok.text, tok.lemma_.lower(), "direct", tok.idx)
                elif start > tok.idx or end <= tok.idx:
                    add(start, end, row, how, tok.text, tok.lemma_.lower(), "indirect", tok.idx)
                else:
                    continue
            elif _inverted_content(tok) is not None and tok.lemma_.lower() not in ("add",):
                start, end = _inverted_content(tok)
                add(start, end, row, how, tok.text, tok.lemma_.lower(), "indirect", tok.idx)
            elif sent.text.rstrip().endswith(":") and tok.i > subj.i:
                nxt = _following_lines(text, sent.start_char + len(sent.text.rstrip()), verb_chars)
                if nxt is None:
                    continue
                q = next((i for i, (qs, qe) in enumerate(quotes) if qs <= nxt[0] + 1 and qe >= nxt[0]), None)
                if q is not None:
                    used_quotes.add(q)
                    nxt = quotes[q]
                add(nxt[0], nxt[1], row, "own_line" if how == "name" else how, tok.text,
                    tok.lemma_.lower(), "direct", tok.idx)
            else:
                continue
        tracker.remember(row)

    # pass 2: quotes with no reporting verb next to them
    for i, (qs, qe) in enumerate(quotes):
        if i in used_quotes:
            continue
        holder = next((f for f in found if f["start_char"] <= qs <= f["end_char"] + 1), None)
        if holder is not None:  # a quotation that continues a statement already found
            holder["end_char"] = max(holder["end_char"], qe)
            continue
        row, how = _colon_speaker(text, lookup, qs), "name"
        if row is None:
            line_start = text.rfind("\n", 0, qs) + 1
            if text[line_start:qs - 1].strip():
                continue
            prev = [s for s in found if s["end_char"] <= qs and qs - s["end_char"] < 300]
            if not prev:
                continue
            row, how = prev[-1]["speaker_row"], "continuation"
            cue, cue_lemma = prev[-1]["cue"], prev[-1]["cue_lemma"]
        else:
            cue, cue_lemma = ":", ":"
        add(qs, qe, row, how, cue, cue_lemma, "direct", qs)

    found.sort(key=lambda s: (s["start_char"], s["anchor"]))
    rows = []
    for s in found:
        r = s["speaker_row"]
        rows.append({
            "statement_id": f"{article_id}-s{len(rows)}",
            "article_id": article_id,
            "sentence_id": sentence_of(s["start_char"]),
            "start_char": s["start_char"],
            "end_char": s["end_char"],
            "speaker": r["canonical"] if r else UNKNOWN,
            "speaker_role": r["role"] if r else None,
            "cue": s["cue"],
            "cue_lemma": s["cue_lemma"],
            "kind": s["kind"],
            "content": text[s["start_char"]:s["end_char"]],
            "speaker_resolved_from": s["how"] if r else None,
            "speaker_start": r["start_char"] if r and s["how"] == "name" else None,
            "speaker_end": r["end_char"] if r and s["how"] == "name" else None,
            "_label": r["label"] if r else None,
        })
    return rows


def _quote_near(quotes, sent, verb: Token) -> int | None:
    """Index of a quotation that shares the verb's sentence (touching it) and does not contain the verb."""
    s0 = sent.start_char
    s1 = s0 + len(sent.text.rstrip())
    best = None
    for i, (qs, qe) in enumerate(quotes):
        if qs <= verb.idx < qe:
            continue
        if qs < s1 and qe > s0:
            dist = verb.idx - qe if qe <= verb.idx else qs - verb.idx
            if best is None or dist < best[0]:
                best = (dist, i)
    return None if best is None else best[1]


def _following_lines(text: str, pos: int, verb_chars: list[int], max_lines: int = 6) -> tuple[int, int] | None:
    """The lines after an introducing colon, up to a line with a reporting cue of its own."""
    m = re.compile(r"[ \t]*\n\s*").match(text, pos)
    if m is None:
        return None
    start = end = cur = m.end()
    for _ in range(max_lines):
        line_end = text.find("\n", cur)
        line_end = len(text) if line_end < 0 else line_end
        i = bisect.bisect_left(verb_chars, cur)
        if line_end <= cur or (i < len(verb_chars) and verb_chars[i] < line_end):
            break
        end = line_end
        cur = len(text) - len(text[line_end:].lstrip())
        if cur >= len(text):
            break
    end = len(text[:end].rstrip())
    return (start, end) if end > start else None


def _colon_speaker(text: str, lookup: EntityLookup, qs: int) -> dict | None:
    """A quote introduced by a colon: the last named entity between the sentence start and the colon."""
    before = text[max(0, qs - 3):qs - 1].rstrip()
    if not before.endswith(":"):
        return None
    line_start = max(text.rfind("\n", 0, qs - 2), text.rfind(". ", 0, qs - 2)) + 1
    rows = [r for r in lookup.at(line_start, qs) if r["label"] in _PERSONISH | {"ORG"}]
    return rows[-1] if rows else None


def _according(doc: Doc, tok: Token, tracker: SpeakerTracker, add) -> None:
    """'according to X, …' / '…, according to X': content is the rest of the sentence."""
    sent = tok.sent
    obj_head = doc[tok.i + 1] if tok.lower_ in ("according", "cited", "quoted") and tok.i + 1 < len(doc) else tok
    objs = [c for c in obj_head.children if c.dep_ in ("pobj", "dobj")]
    if not objs:
        return
    obj = objs[0]
    row, how = tracker.resolve(obj)
    if row is None:
        return
    phrase_start, phrase_end = tok.idx, obj.right_edge.idx + len(obj.right_edge)
    before = (sent.start_char, phrase_start)
    after = (phrase_end, sent.end_char)
    start, end = before if before[1] - before[0] >= after[1] - after[0] else after
    if _DEMONSTRATIVE.match(doc.text[before[0]:before[1]].strip(" ,.\n")) and sent.start > 0:
        # "That's according to Politico.": the attribution covers the sentence before
        prev = doc[sent.start - 1].sent
        while prev.start > 0 and not prev.text.strip():
            prev = doc[prev.start - 1].sent
        start, end = prev.start_char, prev.start_char + len(prev.text.rstrip())
    cue = doc[tok.i:obj_head.i + 1].text.lower()
    add(start, end, row, how, cue, cue.lower(), "according_to", tok.idx)
    tracker.remember(row)
