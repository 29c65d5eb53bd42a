"""Small hand-made tables, exactly matching helpers.core.schemas, for the figure tests.

They mimic what the upstream stages produce for the two seed articles (the
North Korean troop estimates, the equipment-loss figures) so each figure's data
preparation can be checked without running the NLP stages.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.core import schemas

A0, A2 = "ca7dfffd3b543562", "4f566d6464c06abf"
D = dt.date


def _frame(name: str, rows: list[dict]) -> pd.DataFrame:
    table = schemas.get(name)
    df = pd.DataFrame(rows, columns=table.column_names) if rows else table.empty()
    schemas.validate(df, table)  # the fixtures obey the contract
    return df


def articles(title_a0: str = "North Korean troops ‘fair game’, US warns") -> pd.DataFrame:
    rows = []
    for aid, title, outlet, pub in ((A0, title_a0, "Pindula News", None),
                                    (A2, "North Korean troops in Ukraine ‘fair game’", "Al Jazeera", D(2024, 10, 24))):
        text = f"{title}. Some text."
        rows.append(dict(article_id=aid, source_file=f"{aid}.txt", source_row=None, source_format="tagged",
                         encoding="utf-8", title=title, outlet=outlet, outlet_country=None, author=None, url=None,
                         published=pub, text=text, summary=None, highlights=None, n_words=len(text.split()), furniture_cut=0,
                         content_sha256=aid * 4))
    return _frame("articles", rows)


_GAZ = {  # name: (kind, cc, admin1, lat, lon)
    "Kyiv": ("city", "UA", "Kyiv City", 50.45, 30.52),
    "Kursk": ("city", "RU", "Kursk Oblast", 51.73, 36.19),
    "Pokrovsk": ("city", "UA", "Donetsk Oblast", 48.28, 37.18),
    "Avdiivka": ("city", "UA", "Donetsk Oblast", 48.14, 37.74),
    "Kurakhove": ("city", "UA", "Donetsk Oblast", 47.98, 37.28),
    "Vladivostok": ("city", "RU", "Primorsky Krai", 43.11, 131.87),
    "Khabarovsk": ("city", "RU", "Khabarovsk Krai", 48.48, 135.08),
    "Pyongyang": ("city", "KP", "Pyongyang", 39.03, 125.75),
    "Seoul": ("city", "KR", "Seoul", 37.57, 126.98),
    "Washington": ("city", "US", "District of Columbia", 38.90, -77.04),
    "Ukraine": ("country", "UA", None, 49.0, 32.0),
    "Russia": ("country", "RU", None, 60.0, 100.0),
}


def places() -> pd.DataFrame:
    mentions = [(A0, "Vladivostok"), (A2, "Vladivostok"), (A2, "Vladivostok"), (A0, "Kyiv"), (A2, "Kyiv"),
                (A0, "Kursk"), (A2, "Kursk"), (A2, "Pokrovsk"), (A2, "Pokrovsk"), (A2, "Avdiivka"),
                (A2, "Kurakhove"), (A2, "Khabarovsk"), (A2, "Pyongyang"), (A2, "Seoul"), (A2, "Washington"),
                (A0, "Ukraine"), (A2, "Ukraine"), (A2, "Russia"), (A2, "Sumy-ish")]
    ev = events()
    rows = []
    for i, (aid, name) in enumerate(mentions):
        kind, cc, adm, lat, lon = _GAZ.get(name, ("other", None, None, None, None))
        resolved = name in _GAZ
        # the mention sits in the sentence of the first event of its article that names it
        hits = [r.sentence_id for r in ev.itertuples() if r.article_id == aid and name in list(r.places)]
        sentence = hits[0] if hits else 100 + i
        rows.append(dict(article_id=aid, sentence_id=sentence, start_char=10 * i, end_char=10 * i + len(name),
                         mention=name, name=name if resolved else None, kind=kind, country_code=cc, admin1=adm,
                         latitude=lat, longitude=lon, geonameid=None, population=None,
                         method="ner+gazetteer" if resolved else "unresolved", confidence=0.9 if resolved else 0.0,
                         role="toponym"))
    return _frame("places", rows)


def events() -> pd.DataFrame:
    spec = [  # article, type, text, start, end, precision, places
        (A0, "deployment", "at least 3,000 North Korean soldiers arrived by sea this month to Vladivostok",
         D(2024, 10, 1), D(2024, 10, 31), "month", ["Vladivostok"]),
        (A2, "deployment", "the NIS monitored the first batch of 1,500 troops being ferried to Vladivostok",
         D(2024, 10, 8), D(2024, 10, 13), "week", ["Vladivostok"]),
        (A2, "ground_assault", "Russian forces focusing on Kurakhove and Pokrovsk",
         D(2024, 10, 14), D(2024, 10, 20), "week", ["Kurakhove", "Pokrovsk"]),
        (A2, "statement", "South Korea's National Intelligence Service said on October 18",
         D(2024, 10, 18), D(2024, 10, 18), "day", ["Seoul"]),
        (A2, "ground_assault", "Avdiivka, which Russian forces seized in February",
         D(2024, 2, 1), D(2024, 2, 29), "month", ["Avdiivka", "Pokrovsk"]),
        (A0, "diplomacy", "Austin said this following his fourth visit to Kyiv", None, None, None, ["Kyiv"]),
        (A2, "strike", "Kirby said on Wednesday", D(2024, 10, 23), D(2024, 10, 23), "day", []),
    ]
    rows = []
    for i, (aid, typ, text, start, end, prec, pl) in enumerate(spec):
        rows.append(dict(article_id=aid, sentence_id=i, start_char=100 * i, end_char=100 * i + len(text), text=text,
                         type=typ, trigger=None, date_start=start, date_end=end, precision=prec,
                         date_text=None if start is None else "as written", places=pl,
                         latitudes=[_GAZ[p][3] for p in pl], longitudes=[_GAZ[p][4] for p in pl], actors=[]))
    return _frame("events", rows)


def claims_ledger() -> pd.DataFrame:
    troops = "north korean soldier | soldier | personnel"
    tanks = "russian tank loss | tank | equipment"
    spec = [  # topic, article, claimant, value, low, high, qualifier, unit, category, date, text
        (troops, A0, "John Kirby", 3000, 3000, 3000, "at_least", "soldier", "personnel", D(2024, 10, 23), "at least 3,000"),
        (troops, A2, "Kyrylo Budanov", 11000, 11000, 11000, "exact", "soldier", "personnel", D(2024, 10, 24), "11,000"),
        (troops, A2, "National Intelligence Service", 12000, 12000, 12000, "exact", "soldier", "personnel", D(2024, 10, 18), "12,000"),
        (troops, A2, "National Intelligence Service", 1500, 1500, 1500, "exact", "soldier", "personnel", D(2024, 10, 13), "1,500"),
        (tanks, A2, "Ukraine's defence ministry", 9000, 9000, 9000, "at_least", "tank", "equipment", D(2024, 10, 15), "at least 9,000"),
        (tanks, A2, "Oryx", 3500, 3500, 3500, "exact", "tank", "equipment", D(2024, 10, 24), "3,500"),
        ("russian armoured vehicle loss | vehicle | equipment", A2, "Oryx", 7300, 7300, 7300, "more_than", "vehicle",
         "equipment", D(2024, 10, 24), "more than 7,300"),
        ("russian casualty | casualty | casualties", A2, "Ukraine", 1300, 1300, 1300, "more_than", "casualty",
         "casualties", D(2024, 10, 24), "more than 1,300"),
        ("russian casualty | casualty | casualties", A2, "Ukraine", 600000, 600000, 600000, "more_than", "casualty",
         "casualties", D(2024, 10, 24), "more than 600,000"),
    ]
    rows = []
    for i, (topic, aid, who, v, lo, hi, q, unit, cat, date, text) in enumerate(spec):
        rows.append(dict(topic=topic, claim_id=f"{aid}-c{i}", article_id=aid, value=float(v), value_low=float(lo),
                         value_high=float(hi), qualifier=q, unit=unit, category=cat, claimant=who, claim_date=date,
                         claim_date_inferred=aid == A0, claimed_on=date,
                         claimed_on_source="inherited" if aid == A0 else "article", refers_to_start=None,
                         refers_to_end=None, refers_to_precision="none", figure_kind="total", topic_reason="constructed",
                         outlet="Al Jazeera" if aid == A2 else "Pindula News", text=text, sentence=f"… {text} …"))
    return _frame("claims_ledger", rows)


def article_pairs() -> pd.DataFrame:
    a, b = sorted((A0, A2))
    return _frame("article_pairs", [dict(
        article_a=a, article_b=b, jaccard=0.31, containment_a_in_b=0.55, containment_b_in_a=0.2,
        aligned_sentences=4, sentences_a=6, sentences_b=9, relation="rewrite", derived=A0,
        derived_reason="containment asymmetry")])


def sentence_alignment() -> pd.DataFrame:
    a, b = sorted((A0, A2))  # a == A2 (the original), b == A0 (the rewrite)
    spec = [  # sentence_a, sentence_b, label, similarity
        (0, 0, "changed", 0.7), (1, None, "only_in_a", 0.0), (2, 1, "same", 0.98), (3, 2, "same", 1.0),
        (4, None, "only_in_a", 0.0), (5, 3, "changed", 0.6), (None, 4, "only_in_b", 0.0),
    ]
    rows = []
    for sa, sb, label, sim in spec:
        rows.append(dict(article_a=a, article_b=b, sentence_a=sa, sentence_b=sb,
                         text_a=None if sa is None else f"original sentence {sa}",
                         text_b=None if sb is None else f"copy sentence {sb}", similarity=sim, label=label))
    df = _frame("sentence_alignment", rows)
    return df.astype({"sentence_a": "Int64", "sentence_b": "Int64"})


def write_all(processed_dir, articles_title: str | None = None) -> None:
    """Write every input table of notebooks 08–11 into ``processed_dir``."""
    from helpers.core.tables import write_table

    arts = articles(articles_title) if articles_title else articles()
    for name, df in (("articles", arts), ("places", places()), ("events", events()),
                     ("claims_ledger", claims_ledger()), ("article_pairs", article_pairs()),
                     ("sentence_alignment", sentence_alignment())):
        write_table(df, name, processed_dir)
