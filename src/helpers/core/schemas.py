"""Table contracts: the one place where every table's columns are defined.

Each notebook reads the tables of earlier notebooks and writes its own. The
columns, their Arrow types, which may be null and which values are allowed
are declared here, checked by :func:`validate` on every write
(:func:`helpers.core.tables.write_table`), and documented in the README's data
dictionary (a test checks that every column here appears there).

Why not pandera? The storage format is Parquet, so an Arrow schema *is* the
storage contract; the few extra checks (non-null, allowed values, offsets)
fit in this module without another dependency.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pyarrow as pa

from helpers.core import rules
from helpers.core.spec import SchemaError  # noqa: F401 - a table does not match its contract (raised here)


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    nullable: bool = True
    allowed: tuple | None = None
    doc: str = ""


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    doc: str = ""
    key: tuple[str, ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.type, nullable=c.nullable) for c in self.columns])

    def empty(self) -> pd.DataFrame:
        """An empty frame with this table's columns (for notebooks with nothing to write)."""
        return self.arrow_schema.empty_table().to_pandas()


UNKNOWN = "(unknown)"  # statements.speaker when no speaker could be resolved
UNATTRIBUTED = "(unattributed)"  # claims.claimant when no one in the text asserts the figure


def phrase_claimant(name: object) -> bool:
    """A claimant that is a noun phrase and no named source ("(officials)", "(report)": ``claims.claimant_kind``
    group, role, anonymous, document or body). Two such claimants are never taken for one source, even with equal words."""
    return isinstance(name, str) and name.startswith("(") and name not in (UNATTRIBUTED, UNKNOWN)


FOUND_BY = ("ner", "org_phrase", "speaker_phrase")


def C(name, type_, nullable=True, allowed=None, doc=""):
    return Column(name, type_, nullable, tuple(allowed) if allowed else None, doc)


STR, INT, FLOAT, BOOL, DATE = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
STRS = pa.list_(pa.string())
FLOATS = pa.list_(pa.float64())

# Columns shared by every table extracted from text: provenance into articles.text.
def _provenance(sentence: bool = True) -> tuple[Column, ...]:
    cols = [C("article_id", STR, False, doc="Article the row comes from (`articles.article_id`).")]
    if sentence:
        cols.append(C("sentence_id", INT, False, doc="Sentence within the article (`sentences.sentence_id`)."))
    cols += [
        C("start_char", INT, False, doc="Start offset into `articles.text` (inclusive)."),
        C("end_char", INT, False, doc="End offset into `articles.text` (exclusive)."),
    ]
    return tuple(cols)


# Input formats: the names in parse's format registry (the one list; read as data, so core imports no stage).
SOURCE_FORMATS = tuple(f["name"] for f in rules.load_json("parse", "formats.json")["formats"])
QUALIFIERS = ("exact", "at_least", "more_than", "about", "up_to", "less_than", "range", "vague")
CATEGORIES = ("personnel", "casualties", "equipment", "money", "percent", "distance", "area", "attacks", "other")
CLAIMANT_VIA = ("statement", "according_to", "attribution_verb", "survey", "context", "unattributed")
STATEMENT_KINDS = ("direct", "indirect", "according_to")
SPEAKER_KINDS = ("person", "organisation", "place", "group", "role", "anonymous", "document", "body")
PLACE_KINDS = ("country", "admin1", "city", "water", "continent", "region", "historical", "other")
PLACE_AREA_KINDS = ("continent", "region")  # areas: never drawn as a point on the map
PLACE_ROLES = ("toponym", "in_name", "demonym")  # only toponyms are places of the story (map, events, geography)


def story_places(places: pd.DataFrame) -> pd.DataFrame:
    """The ``places`` rows that are places of the story (role ``toponym``); a table without ``role`` is all toponyms."""
    if places is None or "role" not in places:
        return places
    return places[places["role"] == "toponym"]
PRECISIONS = ("day", "week", "month", "season", "year")
DATE_PRECISIONS = PRECISIONS + ("vague",)  # vague: "now", "recently" (TimeML PRESENT_REF/PAST_REF/FUTURE_REF)
EVENT_TYPES = (
    "deployment", "strike", "ground_assault", "casualties", "statement",
    "diplomacy", "aid", "other",
)
RELATIONS = ("duplicate", "rewrite", "shared_source", "related", "independent")
ALIGN_LABELS = ("same", "changed", "only_in_a", "only_in_b")
AGREEMENTS = ("same", "different_value", "different_qualifier", "different_claimant", "part_of")
CLAIMED_ON_SOURCES = ("statement", "article", "inherited", "none")
REFERS_TO_PRECISIONS = PRECISIONS + ("none",)
FIGURE_KINDS = ("total", "rate", "part", "share")
VERDICTS = ("consistent", "higher", "lower")
ANCHOR_SOURCES = ("published", "inferred", "none")
DATE_REFERENCES = ("absolute", "publication", "narrative", "previous", "none")

TABLES: dict[str, Table] = {}


def _register(table: Table) -> Table:
    TABLES[table.name] = table
    return table


ARTICLES = _register(Table(
    "articles",
    doc="One row per distinct article (exact duplicates kept once). Written by 01_parse_articles.",
    key=("article_id",),
    columns=(
        C("article_id", STR, False, doc="Stable id: first 16 hex digits of `content_sha256` (derived from the text, not from file order)."),
        C("source_file", STR, False, doc="Path of the input file, relative to the raw directory (POSIX separators)."),
        C("source_row", INT, doc="Row (CSV, 1-based data row) or line (JSONL, 1-based) inside `source_file`; null for one-article files."),
        C("source_format", STR, False, SOURCE_FORMATS, doc="Reader used: a format of the registry `src/helpers/parse/rules/formats.json`."),
        C("encoding", STR, False, doc="Text encoding the file was decoded with (utf-8, utf-8-sig, or the detected one)."),
        C("title", STR, doc="Headline, where the source has one."),
        C("outlet", STR, doc="Publishing outlet as stated: credit line, outlet column, site name, or mapped from the URL domain."),
        C("outlet_country", STR, doc="Outlet country code from a GDELT-style file name (`…_GB_en_…`), else null."),
        C("author", STR, doc="Byline."),
        C("url", STR, doc="Canonical URL, where known."),
        C("published", DATE, doc="Publication date as stated (tag, column, page metadata or file-name timestamp); null when unknown, never guessed."),
        C("text", STR, False, doc="The article body. Paragraphs are separated by a blank line; every character offset in every other table refers to this string."),
        C("summary", STR, doc="Summary block, where the source has one."),
        C("highlights", STRS, doc="Highlight bullets, where the source has them (list of strings)."),
        C("n_words", INT, False, doc="Whitespace-separated words in `text`."),
        C("furniture_cut", INT, False, doc="Pieces of page furniture a flattened web export left in the body and the parse cut from `text`: photo credits (\"Photograph: Jane Roe/Agency\"), teasers for other articles (\"<headline>Read more\") and live-blog entry stamps (\"Updated at 23.37 GMT 24 Feb 202223.12\"); each left a paragraph break (rules: `src/helpers/parse/rules/furniture.json`)."),
        C("content_sha256", STR, False, doc="SHA-256 of `text`; equal hashes are exact duplicates."),
    ),
))

PARSE_ERRORS = _register(Table(
    "parse_errors",
    doc="Every input (file, CSV row, JSONL line) that could not be used, with a reason. Written by 01_parse_articles.",
    columns=(
        C("source_file", STR, False, doc="Path relative to the raw directory."),
        C("source_row", INT, doc="CSV row / JSONL line number when the problem is inside a multi-article file."),
        C("reason", STR, False, doc="Short machine-readable reason: empty, binary, decode_error, unsupported_format, read_error, broken_link, symlink_loop, no_content, malformed_row (defined in docs/stages/parse.md)."),
        C("detail", STR, False, doc="Human-readable explanation."),
    ),
))

DUPLICATES = _register(Table(
    "duplicates",
    doc="Inputs whose text exactly repeats an article already kept. Inputs = articles + parse_errors + duplicates. Written by 01_parse_articles.",
    columns=(
        C("source_file", STR, False, doc="Path of the repeated input, relative to the raw directory."),
        C("source_row", INT, doc="CSV row / JSONL line, where applicable."),
        C("duplicate_of", STR, False, doc="`article_id` of the kept copy."),
        C("kept_source_file", STR, False, doc="`source_file` of the kept copy."),
        C("content_sha256", STR, False, doc="SHA-256 of the shared text."),
    ),
))

SENTENCES = _register(Table(
    "sentences",
    doc="Sentences of `articles.text`. Written by 02_sentences_entities.",
    key=("article_id", "sentence_id"),
    columns=_provenance() + (
        C("paragraph_id", INT, False, doc="Paragraph index within the article (paragraphs are separated by blank lines)."),
        C("text", STR, False, doc="`articles.text[start_char:end_char]`."),
    ),
))

ENTITIES = _register(Table(
    "entities",
    doc="Named people, organisations, places and groups. Written by 02_sentences_entities.",
    columns=_provenance() + (
        C("text", STR, False, doc="Mention as written."),
        C("label", STR, False, doc="PERSON, ORG, GPE, LOC, NORP, FAC (spaCy labels, corrected by rules: a lone surname the model tagged a place or an organisation is PERSON when it joins a person named in full in the article or the corpus). Also rows for noun phrases NER misses: an organisation head with a place/nationality modifier (\"Ukraine's defence ministry\", ORG), a role with one (\"Ukraine's health minister\", PERSON), and proper-noun subjects of reporting verbs."),
        C("canonical", STR, False, doc="Canonical name: short forms resolved to the full name within the article, and normalised so that the same entity gets the same string across articles."),
        C("role", STR, doc="Role or title the text gives the entity (\"White House national security spokesman\") in an apposition or title premodifier; given to every mention of that entity in the article; else null."),
        C("found_by", STR, False, allowed=FOUND_BY, doc="How the mention was found: `ner` (spaCy entity), `org_phrase` (organisation/role noun phrase with a place or nationality modifier), `speaker_phrase` (proper-noun subject of a reporting verb; a source noun such as 'customs data', 'Western intelligence', 'filings' as subject of a reporting verb or object of 'according to'; a proper noun NER missed after 'according to'). Read by 03 instead of re-detecting."),
    ),
))

STATEMENTS = _register(Table(
    "statements",
    doc="Attributed speech (direct quotes, indirect speech, according-to). Start/end cover the content. Written by 03_statements_claims.",
    columns=(
        C("statement_id", STR, False, doc="`<article_id>-s<n>`."),
    ) + _provenance() + (
        C("speaker", STR, False, doc="Canonical name of the speaker (an entity's `canonical`, or for an organisation named by its owner the owner and head noun as written, apostrophe straightened: \"Russia's defence ministry\", \"Zelensky's office\"); for a speaker that is a noun phrase and no named entity (`speaker_kind` group, role, anonymous, document or body) the phrase without its article (\"officials\", \"person familiar with the matter\", \"report\"); or \"(unknown)\"."),
        C("speaker_role", STR, doc="Role given for the speaker."),
        C("cue", STR, False, doc="Reporting cue as written: said, told, added, estimated, claimed, according to, …"),
        C("cue_lemma", STR, False, doc="Lemma of the cue (say, tell, according to, …)."),
        C("kind", STR, False, STATEMENT_KINDS, doc="direct (quoted), indirect (reported clause) or according_to."),
        C("content", STR, False, doc="Text of what is attributed: `articles.text[start_char:end_char]`."),
        C("speaker_resolved_from", STR, doc="How the speaker was found: name (named subject, apposition or the name before a colon), pronoun (most recent compatible speaker), role_noun (\"the minister said\", \"the ministry said\"), phrase (a noun phrase that is no named entity: \"officials\", \"a person familiar with the matter\", \"the report\"), relative (a relative pronoun standing for the noun its clause describes: \"BP, which said …\"), own_line (\"Name said:\" introducing the next lines), continuation (a quotation standing alone right after a statement), mention (who the source mention of a statement whose source is no claimant names: the subject of a hedge \"Roe appears to be …\", of a predicate \"Roe has been a critic of …\", or of a passive of feeling \"Roe was worried that …\"; claims read the statement as one of unknown speaker); null when the speaker is unknown."),
        C("speaker_kind", STR, allowed=SPEAKER_KINDS, doc="What the speaker is: person, organisation, place (from the entity's label; NORP is group) or, for a noun-phrase speaker that is no named entity (`speaker_resolved_from` = phrase, `speaker` = the phrase without its article), group (\"officials\", \"Others\", \"Republican voters\"), role (\"the spokesman\" no one in the article holds), anonymous (\"a person familiar with the matter\", \"an official\"), document (\"the report\", \"a new poll\") or body (an organisation named by its head noun only, none the article names: \"the regional emergency service\", \"the standards committee\"); null when the speaker is unknown."),
        C("speaker_start", INT, doc="Start of the source mention in `articles.text` as the attribution writes it (PolNeAR's guideline): the subject's whole noun phrase with titles, modifiers and appositions (\"Sen. Bernie Sanders (I-Vt.)\", \"Karimi, executive director of …,\"; not a relative clause), the pronoun or role noun when the speaker was resolved from one (\"he\", \"the ministry\"; the name it stands for is `speaker`), the object of \"according to\", the possessor of a cue noun, the name before a colon, the subject even when no speaker can be named from it (`speaker` \"(unknown)\": \"The advisory panel recommends\"), for an unowned cue noun the subject of the clause whose predicate holds it (\"X has been a critic of\", \"X voted in favor of\"), a relative pronoun as written (\"who\", \"which\", \"that\": no coreference), a demonstrative a clause or modifier describes (\"those polled\"); null when the statement names no source (a quotation continuing the last speaker, \"It was said\", a subject \"it\"/\"this\" or a demonstrative \"that\")."),
        C("speaker_end", INT, doc="End of that mention (exclusive); null as `speaker_start`."),
    ),
))

CLAIMS = _register(Table(
    "claims",
    doc="One row per numeric figure. Written by 03_statements_claims.",
    key=("claim_id",),
    columns=(
        C("claim_id", STR, False, doc="`<article_id>-c<n>`, numbered in text order."),
    ) + _provenance() + (
        C("text", STR, False, doc="The number expression as written (\"at least 3,000\")."),
        C("value", FLOAT, False, doc="Point value (for ranges the low end; for a vague quantity its conventional value, the low end of its range except \"a dozen\" = 12; for money in units of the currency)."),
        C("value_low", FLOAT, False, doc="Lower bound."),
        C("value_high", FLOAT, False, doc="Upper bound (equals value for exact figures)."),
        C("qualifier", STR, False, QUALIFIERS, doc="exact, at_least, more_than, about, up_to, less_than, range, or vague (a vague quantity: \"tens of thousands\", \"dozens of\", \"a handful of\" — `value` is its conventional value, `value_low`/`value_high` its range; compare it by the range, never as an exact figure)."),
        C("unit", STR, False, doc="Singular lower-case unit: soldier, tank, usd, percent, km, … (\"unit\" when nothing is counted)."),
        C("category", STR, False, CATEGORIES, doc="personnel, casualties, equipment, money, percent, distance, area, attacks or other."),
        C("subject", STR, doc="Noun phrase of what is counted (\"North Korean soldiers\")."),
        C("rate", STR, doc="Rate when stated (\"per day\"), else null."),
        C("claimant", STR, False, doc="Canonical name of whoever the text says asserts the figure (as `statements.speaker`); \"(<phrase>)\" for a noun-phrase source that is no named entity (\"(officials)\", \"(person familiar with the matter)\", \"(report)\": `claimant_kind` group, role, anonymous, document or body; never merged across articles); or \"(unattributed)\" (also a figure inside an editor's square brackets, \"[thousands were killed there - ed.]\")."),
        C("claimant_kind", STR, allowed=SPEAKER_KINDS, doc="`statements.speaker_kind` of the claimant (for an attribution verb, of the resolved subject); null when unattributed."),
        C("claimant_via", STR, False, CLAIMANT_VIA, doc="statement, according_to, attribution_verb, survey (a poll or count named in a phrase around the figure: \"in a … poll\", \"a survey by …\"; no statement), context (a sentence between two statements of one speaker in its paragraph) or unattributed."),
        C("claimant_start", INT, doc="Start of the claimant's mention in `articles.text`: the statement's `speaker_start` (the source mention as written, a pronoun included), or for an attribution verb the resolved name when it stands in the claim's sentence; null when the claimant came from context or is unattributed."),
        C("claimant_end", INT, doc="End of that mention (exclusive); null as `claimant_start`."),
        C("statement_id", STR, doc="Statement the claim sits in, when `claimant_via` is statement; with context, the statement after the claim's sentence."),
        C("sentence", STR, False, doc="Text of the sentence, for reading the claim in context."),
    ),
))

CLAIM_REJECTIONS = _register(Table(
    "claim_rejections",
    doc="Numbers read as candidates but not kept as claims, with the rule that rejected each (for tracing precision work). Written by 03_statements_claims.",
    columns=_provenance() + (
        C("text", STR, False, doc="The number as written: `articles.text[start_char:end_char]`."),
        C("rule", STR, False, doc="Name of the first rule in `helpers.text.claims.EXCLUSION_RULES` that rejected it (date_or_ordinal_entity, in_name, year, clock_or_age, duration, discourse_noun, definite_reference, …), or conversion for a parenthesised unit conversion."),
    ),
))

PLACES = _register(Table(
    "places",
    doc="Place mentions resolved against the offline gazetteer. Written by 04_places.",
    columns=_provenance() + (
        C("mention", STR, False, doc="As written."),
        C("name", STR, doc="Standard name from the gazetteer (GeoNames name for cities and countries; \"<centre> region\" or the region's short name for admin1); null if unresolved."),
        C("kind", STR, False, PLACE_KINDS, doc="country, admin1, city, water (seas/rivers named with a water word; no point), continent, region (world regions such as \"Eastern Europe\" at the middle of their countries, and the model\'s unresolved LOC names such as Donbas), historical (former states: Soviet Union, Yugoslavia; a representative point) or other (second-level units such as \"X County\", and names the gazetteer does not know). Continents and regions are areas: the map draws no point for them."),
        C("country_code", STR, doc="ISO 3166-1 alpha-2."),
        C("admin1", STR, doc="First-level region the place lies in (the region's `name`); for a region row, itself; null for countries."),
        C("latitude", FLOAT, doc="WGS84 latitude (cities: GeoNames point; countries: centroid on the sphere of the main body's Natural Earth 1:10m outline, moved inside it if it falls outside; regions: middle of their settlements' extent)."),
        C("longitude", FLOAT, doc="WGS84 longitude."),
        C("geonameid", INT, doc="GeoNames id where the gazetteer has one."),
        C("population", INT, doc="Population from the gazetteer (regions: sum of their settlements of 500+)."),
        C("method", STR, False, doc="How it was found and resolved, joined by +: detection (ner, context, gazetteer) then resolution (gazetteer, variant = spelling variant, containment = inside the place named after it, region_of_city = \"X region\" of city X, capital_stem = region named after its centre); ner+unresolved, context+feature_word when not in the gazetteer."),
        C("confidence", FLOAT, False, doc="0–1: 0.5 + the score margin over the best other candidate place, capped at 0.99; 0 when unresolved."),
        C("role", STR, False, PLACE_ROLES, doc="toponym (a place of the story), in_name (a place name inside a longer organisation, facility or event name: \"Bank of Canada\", \"Illinois Department of Transportation\"; method starts with in_name) or demonym (an adjective or noun of nationality, \"Sudanese\", \"Czechs\": the country's entry, method demonym). Only toponyms are drawn on the map, go into events and count as the article's geography; the others are there for analysis (LGL annotates them as toponyms)."),
    ),
))

DATES = _register(Table(
    "dates",
    doc="Time expressions normalised against the article's date, or the story's own time in narrative text. Written by 06_dates_events.",
    columns=_provenance() + (
        C("text", STR, False, doc="As written."),
        C("start", DATE, doc="First day covered; null when unresolved."),
        C("end", DATE, doc="Last day covered; null when unresolved."),
        C("precision", STR, False, DATE_PRECISIONS, doc="day, week, month, season (also halves and quarters of a year), year, or vague (\"now\", \"recently\", \"the future\": no calendar span)."),
        C("timex", STR, doc="ISO-TimeML value (2024-10-18, 2024-10, 2024-W42, 2024, 2024-SU, 2024-H1); a range is `first/last` (2024-10-08/2024-10-13), a period ending on the anchor a duration (\"the past week\" = P1W); PRESENT_REF, PAST_REF or FUTURE_REF for a vague row (start and end null); null when unresolved."),
        C("relative", BOOL, False, doc="True when resolution needed the anchor (\"on Wednesday\", \"last week\"), an earlier date in the text (\"the same day\", \"two days later\") or the story's reference time (see `reference`)."),
        C("anchor", DATE, doc="The article's date (published, or the inferred one): what rows with `reference` publication were resolved against."),
        C("anchor_source", STR, False, ANCHOR_SOURCES, doc="published, inferred (from the article it derives from) or none."),
        C("reference", STR, False, DATE_REFERENCES, doc="What the expression was resolved against: absolute (its own words: \"18 October 2023\"), publication (the article's anchor: \"on Wednesday\", \"last week\"), narrative (the story's own reference time, the last date an article told in its own time set: \"March 7\" after \"Feb. 24, 2022\"), previous (the previous resolved expression: \"three days later\", \"that spring\") or none (unresolved, or a vague row)."),
    ),
))

EVENTS = _register(Table(
    "events",
    doc="One row per sentence that reports something happening. Written by 06_dates_events.",
    columns=_provenance() + (
        C("text", STR, False, doc="Sentence text."),
        C("type", STR, False, EVENT_TYPES, doc="deployment, strike, ground_assault, casualties, statement, diplomacy, aid or other."),
        C("trigger", STR, doc="Word that decided the type (for `other`, the main verb)."),
        C("date_start", DATE, doc="Resolved start date of the event."),
        C("date_end", DATE, doc="Resolved end date."),
        C("precision", STR, doc="Precision of the date (day, week, month, season, year)."),
        C("date_text", STR, doc="The time expression used (two coordinated ones joined: \"Tuesday and Wednesday\"); null when the sentence has none."),
        C("places", STRS, doc="Place names (gazetteer names) in the sentence."),
        C("latitudes", FLOATS, doc="Latitudes of `places`, same order."),
        C("longitudes", FLOATS, doc="Longitudes of `places`, same order."),
        C("actors", STRS, doc="Canonical names of people, organisations and groups in the sentence."),
    ),
))

ARTICLE_PAIRS = _register(Table(
    "article_pairs",
    doc="Pairs of articles with meaningful overlap (MinHash LSH Ensemble candidates, verified on exact shingles). Written by 05_article_pairs.",
    columns=(
        C("article_a", STR, False, doc="First article (lower id)."),
        C("article_b", STR, False, doc="Second article."),
        C("jaccard", FLOAT, False, doc="Jaccard similarity of word shingles."),
        C("containment_a_in_b", FLOAT, False, doc="Share of A's shingles found in B."),
        C("containment_b_in_a", FLOAT, False, doc="Share of B's shingles found in A."),
        C("aligned_sentences", INT, False, doc="Sentences of the side with fewer sentences that are aligned (same or changed) to the other side."),
        C("sentences_a", INT, False, doc="Sentences in A."),
        C("sentences_b", INT, False, doc="Sentences in B."),
        C("relation", STR, False, RELATIONS, doc="duplicate, rewrite, shared_source, related or independent."),
        C("derived", STR, doc="`article_id` of the side judged to copy the other; null when undecided."),
        C("derived_reason", STR, doc="Why: dates, containment asymmetry, credit line."),
    ),
))

SENTENCE_ALIGNMENT = _register(Table(
    "sentence_alignment",
    doc="Sentence-level alignment of each duplicate or rewrite pair. Written by 05_article_pairs.",
    columns=(
        C("article_a", STR, False, doc="Article A of the pair."),
        C("article_b", STR, False, doc="Article B of the pair."),
        C("sentence_a", INT, doc="`sentence_id` in A (null for only_in_b)."),
        C("sentence_b", INT, doc="`sentence_id` in B (null for only_in_a)."),
        C("text_a", STR, doc="Sentence text in A."),
        C("text_b", STR, doc="Sentence text in B."),
        C("similarity", FLOAT, False, doc="0–1 similarity score."),
        C("label", STR, False, ALIGN_LABELS, doc="same, changed, only_in_a or only_in_b."),
    ),
))

ARTICLE_METADATA = _register(Table(
    "article_metadata",
    doc="Stated and inferred metadata side by side. Written by 05_article_pairs.",
    key=("article_id",),
    columns=(
        C("article_id", STR, False, doc="Article."),
        C("published", DATE, doc="Stated date (copied from articles)."),
        C("published_inferred", DATE, doc="Date inferred from the article it derives from; null when stated or unknown."),
        C("outlet", STR, doc="Stated outlet."),
        C("outlet_inferred", STR, doc="Outlet inferred from the source article; null when stated or unknown."),
        C("inferred_from", STR, doc="`article_id` the inferred values come from."),
    ),
))

CLAIM_LINKS = _register(Table(
    "claim_links",
    doc="Claims in different articles about the same quantity. Written by 07_claims_ledger.",
    columns=(
        C("claim_a", STR, False, doc="`claims.claim_id`."),
        C("claim_b", STR, False, doc="`claims.claim_id`."),
        C("article_a", STR, False, doc="Article of claim_a."),
        C("article_b", STR, False, doc="Article of claim_b."),
        C("topic", STR, False, doc="Shared normalised topic."),
        C("agreement", STR, False, AGREEMENTS, doc="same, different_value, different_qualifier, different_claimant, or part_of (one figure is a batch/part, the other the whole, of the same counted thing)."),
        C("similarity", FLOAT, doc="Similarity of the two claims' sentences."),
    ),
))

CLAIMS_LEDGER = _register(Table(
    "claims_ledger",
    doc="Who said how many: one row per claimed figure grouped by topic. Written by 07_claims_ledger.",
    columns=(
        C("topic", STR, False, doc="\"owner | counted thing | category | figure kind | event\": the counted thing is the unit class (one spelling, multi-word names mapped: \"armoured personnel carrier\" → armoured vehicle) with the modifiers that say which things (\"artillery system\", \"humanitarian usd\") and a rate's period (\"soldier per day\"); shares add their base (\"share of voter\"); a total over a stated period is \"count since <date>\"; an aid total is a \"package of <month>\" or a \"cumulative total\", a tranche of aid a \"part of <month>\"; the event is what happened to the things (lost, deployed, supplied …), with the place (\"deployed at romania\") where the topic's claims state different places and the year of a deployment dated in another year than the claim. A claim whose owner, event or percentage base is not found has a topic of its own (ending in its claim_id): no topic is forced."),
        C("claim_id", STR, False, doc="`claims.claim_id`."),
        C("article_id", STR, False, doc="Article."),
        C("value", FLOAT, False, doc="Value."),
        C("value_low", FLOAT, False, doc="Lower bound."),
        C("value_high", FLOAT, False, doc="Upper bound."),
        C("qualifier", STR, False, QUALIFIERS, doc="Qualifier."),
        C("unit", STR, False, doc="Unit."),
        C("category", STR, False, CATEGORIES, doc="Category."),
        C("claimant", STR, False, doc="Claimant."),
        C("claim_date", DATE, doc="Date of the claim: the sentence's resolved date, else the article's (stated or inferred) date."),
        C("claim_date_inferred", BOOL, False, doc="True when the date comes from inferred metadata."),
        C("claimed_on", DATE, doc="When the claim was made: the date of the reporting event in the claim's sentence or the sentence introducing it (\"X said on Wednesday\"), else the article's date (stated, else inherited)."),
        C("claimed_on_source", STR, False, CLAIMED_ON_SOURCES, doc="statement (a reporting-event date in the text), article (stated article date), inherited (article date inferred from its source) or none."),
        C("refers_to_start", DATE, doc="First day of the period the figure describes (another date expression of the claim's sentence, e.g. \"by mid-October\"); null when the text gives none."),
        C("refers_to_end", DATE, doc="Last day of that period."),
        C("refers_to_precision", STR, False, REFERS_TO_PRECISIONS, doc="day, week, month, season, year, or none."),
        C("figure_kind", STR, False, FIGURE_KINDS, doc="total (cumulative or stock), rate (per period: a stated rate or a rate cue modifying the figure in its clause of the parse), part (the figure counted inside a batch or part cue: \"the first batch of\", \"of whom\", \"including\", \"another\") or share (percent)."),
        C("topic_reason", STR, False, doc="Why the claim joined its topic: the owner rule, counted thing, category, kind and event; \"alone: …\" with what was not found (owner, event, percentage base) when it joined none (no topic is forced)."),
        C("outlet", STR, doc="Outlet (stated, else inferred)."),
        C("text", STR, False, doc="Number expression as written."),
        C("sentence", STR, False, doc="Sentence."),
    ),
))


REFERENCE_CHECKS = _register(Table(
    "reference_checks",
    doc="Claimed cumulative Russian losses set against the Ukrainian General Staff daily series (package `moskali`). Written by 07_claims_ledger.",
    columns=(
        C("claim_id", STR, False, doc="`claims.claim_id`."),
        C("article_id", STR, False, doc="Article."),
        C("topic", STR, False, doc="`claims_ledger.topic`."),
        C("series", STR, False, doc="Series category (English label; the Ukrainian key is in ledger/rules/reference_categories.csv)."),
        C("value", FLOAT, False, doc="Claimed value."),
        C("qualifier", STR, False, QUALIFIERS, doc="Claim qualifier."),
        C("claimant", STR, False, doc="Claimant."),
        C("source_kind", STR, False, doc="Whose figure it is (ledger/rules/reference_sources.csv): ukrainian_official, unattributed, oryx, russian, other."),
        C("source_note", STR, doc="What that source counts (e.g. Oryx: visually confirmed losses, a lower bound)."),
        C("compared_on", DATE, False, doc="Date compared: refers_to_end, else claimed_on."),
        C("compared_on_basis", STR, False, ("refers_to", "claimed_on"), doc="Which of the two dates was used."),
        C("series_date", DATE, False, doc="Series date used: the last report on or before compared_on."),
        C("series_value", FLOAT, False, doc="Series value on series_date."),
        C("difference_pct", FLOAT, False, doc="(value - series_value) / series_value * 100."),
        C("tolerance_pct", FLOAT, False, doc="Tolerance used for the verdict."),
        C("verdict", STR, False, VERDICTS, doc="consistent (the claim's range, widened by the tolerance, holds the series value), higher or lower."),
    ),
))


STAGE_ERRORS = _register(Table(
    "stage_errors",
    doc="Articles a stage could not process (one row per article and notebook; the other articles' rows are kept). "
        "Every failure caught by the per-article guard (`core.stage.per_article`) is a row: `StageResult.write` "
        "replaces the notebook's rows (a skipped notebook's rows stay), ordered by notebook; `run.json` counts them "
        "and lists the articles affected per stage.",
    columns=(
        C("stage", STR, False, doc="Notebook number and stage package that failed on the article (`02 text`, "
                                     "`03 text`, `04 places`, `06 time`)."),
        C("article_id", STR, False, doc="Article."),
        C("error", STR, False, doc="\"ErrorType: message\" of the exception; in `06 time` prefixed with the table "
                                     "being built (`dates: …`, `events: …`)."),
    ),
))


def get(name: str) -> Table:
    try:
        return TABLES[name]
    except KeyError:
        raise SchemaError(f"unknown table {name!r}; known tables: {', '.join(TABLES)}") from None


def validate(df: pd.DataFrame, table: Table | str) -> pa.Table:
    """Check ``df`` against its contract and return it as an Arrow table.

    Raises :class:`SchemaError` naming the table and the offending column.
    Extra columns are an error too: the contract is the whole table.
    """
    table = get(table) if isinstance(table, str) else table
    missing = [c for c in table.column_names if c not in df.columns]
    extra = [c for c in df.columns if c not in table.column_names]
    if missing or extra:
        raise SchemaError(f"{table.name}: missing columns {missing}, unexpected columns {extra}")
    df = df[table.column_names]
    for col in table.columns:
        s = df[col.name]
        if not col.nullable and s.isna().any():
            bad = int(s.isna().sum())
            raise SchemaError(f"{table.name}.{col.name}: {bad} null value(s) in a non-null column")
        if col.allowed is not None:
            bad = sorted(set(s.dropna().astype(str)) - set(col.allowed))
            if bad:
                raise SchemaError(f"{table.name}.{col.name}: values {bad} not in {list(col.allowed)}")
    names = table.column_names
    if "start_char" in names and "end_char" in names and len(df):
        if (df["end_char"] < df["start_char"]).any():
            raise SchemaError(f"{table.name}: end_char < start_char in some rows")
    try:
        return pa.Table.from_pandas(df, schema=table.arrow_schema, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError) as exc:
        raise SchemaError(f"{table.name}: cannot store as its Arrow schema: {exc}") from exc
