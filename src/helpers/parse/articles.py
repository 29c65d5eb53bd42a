"""Raw inputs → the ``articles``, ``parse_errors`` and ``duplicates`` tables.

Every file under the raw directory is read (recursively, in sorted path order so
results do not depend on the file system). Bad input never stops the run and is
never lost: every input — a file, or a row/line of a CSV/JSONL export — ends up
in exactly one of the three tables::

    inputs = articles + parse_errors + duplicates
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from helpers.parse import formats, furniture, outlets, readers
from helpers.core import artcache, schemas
from helpers.core.progress import progress
from helpers.core.stage import StageResult
from helpers.parse.inputs import SKIP_NAMES, hash_inputs, read_input, walk_inputs  # noqa: F401 - this stage's inputs
from helpers.parse.textio import InputError, decode, normalise_body

def summary(result: StageResult) -> pd.DataFrame:
    """Inputs by outcome: the accounting a reader checks first."""
    rows = [(name, len(result[name])) for name in ("articles", "parse_errors", "duplicates")]
    rows.append(("inputs", result.extra["n_inputs"]))
    return pd.DataFrame(rows, columns=["outcome", "count"])


def _finish(record: dict, text: str, cut: int, rel: str, fmt: str, encoding: str, filename: str) -> dict | None:
    """The ``articles`` row of one record whose body, without its page furniture, is ``text`` (``cut`` pieces)."""
    if not text:
        return None
    url = record.get("url") or (outlets.url_in_text(text) if fmt == "text" else None)
    outlet = record.get("outlet") or outlets.outlet_from_credit(text) or outlets.outlet_from_url(url)
    published = record.get("published")
    if published is None and record.get("source_row") is None:
        published = readers.date_from_filename(filename)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return {
        "article_id": sha[:16],
        "source_file": rel,
        "source_row": record.get("source_row"),
        "source_format": fmt,
        "encoding": encoding,
        "title": record.get("title"),
        "outlet": outlet,
        "outlet_country": readers.country_from_filename(filename) if record.get("source_row") is None else None,
        "author": record.get("author"),
        "url": url,
        "published": published,
        "text": text,
        "summary": record.get("summary"),
        "highlights": list(record.get("highlights") or []),
        "n_words": len(text.split()),
        "furniture_cut": cut,
        "content_sha256": sha,
    }


def parse_file(path: Path, rel: str, data: bytes | None = None) -> tuple[list[dict], list[dict], int]:
    """Read one file (``data``: its bytes, when already read). Returns (article rows, error rows, number of inputs
    it held)."""
    def err(reason, detail, row=None):
        return {"source_file": rel, "source_row": row, "reason": reason, "detail": detail}

    if path.suffix.lower() not in formats.suffixes():
        return [], [err("unsupported_format", f"unknown file type {path.suffix or '(no extension)'!r}; "
                        f"readable: {', '.join(sorted(formats.suffixes()))}")], 1
    try:
        text, encoding = decode(read_input(path) if data is None else data)
        fmt, records, row_problems = formats.read(path.suffix.lower(), text)
    except InputError as exc:
        return [], [err(exc.reason, exc.detail)], 1
    except Exception as exc:  # a reader bug must not stop the run; report it with the file
        return [], [err("read_error", f"{type(exc).__name__}: {exc}")], 1
    rows, errors = [], [err(p.reason, p.detail, p.source_row) for p in row_problems]
    bodies = furniture.strip_furniture([normalise_body(rec.get("body") or "") for rec in records])
    for rec, (text, cut) in zip(records, bodies):
        row = _finish(rec, normalise_body(text) if cut else text, cut, rel, fmt, encoding, path.name)
        if row is None:
            errors.append(err("no_content", "article body is empty after normalisation", rec.get("source_row")))
        else:
            rows.append(row)
    if formats.multi_record(fmt):
        if not rows and not errors:
            errors.append(err("empty", f"{fmt.upper()} file holds no records"))
        return rows, errors, len(rows) + len(errors)
    return rows, errors, 1


def _parse_file_kept(path: Path, rel: str, cache) -> tuple[list[dict], list[dict], int]:
    """:func:`parse_file`, its result kept in the per-article cache (``cache``: ``artcache.for_stage``, None when
    off) under the file's bytes, its path in the raw folder and its name (all it reads) and the code version: a
    rebuild after adding one file parsed every file again (furniture cutting, normalising: 0.9 s of 01's 1.1 s on the
    357-file corpus, in the second kernel beside the main kernel's start). A result holding a ``read_error`` (a
    reader's bug, or a file that could not be read) is not kept."""
    if cache is None or path.suffix.lower() not in formats.suffixes():
        return parse_file(path, rel)
    try:
        data = read_input(path)
    except InputError:
        return parse_file(path, rel)
    key = artcache.input_key("01 file", rel, "", [path.name, hashlib.sha256(data).hexdigest()])
    hit, kept = cache.get(key)
    if hit:
        return kept
    result = parse_file(path, rel, data)
    if not any(e["reason"] == "read_error" for e in result[1]):
        cache.put(key, result)
    return result


def run(raw_dir: str | Path, cache: bool = True) -> StageResult:
    """Stage 01: parse every file under ``raw_dir`` (or one file) into the tables of ``STAGES[0]``.

    ``result.extra["n_inputs"]`` counts the inputs (files, CSV rows, JSONL lines, JSON records);
    it equals the sum of the three tables' lengths. Each file's rows are kept in the per-article cache by its bytes,
    path and name (``cache=False``: every file parsed); the tables are the same either way."""
    raw_dir = Path(raw_dir)
    if not raw_dir.exists():
        raise FileNotFoundError(f"raw directory {raw_dir} does not exist")
    base = raw_dir if raw_dir.is_dir() else raw_dir.parent
    files = walk_inputs(raw_dir)
    kept_files = artcache.for_stage("01 files") if cache else None
    kept: dict[str, dict] = {}
    errors: list[dict] = []
    dups: list[dict] = []
    n_inputs = 0
    for path, reason, detail in progress(files, desc="parsing", unit="file"):
        rel = path.relative_to(base).as_posix()
        if reason is None:
            rows, errs, n = _parse_file_kept(path, rel, kept_files)
        else:
            rows, errs, n = [], [{"source_file": rel, "source_row": None, "reason": reason, "detail": detail}], 1
        n_inputs += n
        errors.extend(errs)
        for row in rows:
            first = kept.get(row["content_sha256"])
            if first is None:
                kept[row["content_sha256"]] = row
            else:
                dups.append({
                    "source_file": row["source_file"],
                    "source_row": row["source_row"],
                    "duplicate_of": first["article_id"],
                    "kept_source_file": first["source_file"],
                    "content_sha256": row["content_sha256"],
                })
    articles = pd.DataFrame(list(kept.values()), columns=schemas.ARTICLES.column_names)
    articles["source_row"] = articles["source_row"].astype("Int64")
    errors_df = pd.DataFrame(errors, columns=schemas.PARSE_ERRORS.column_names)
    errors_df["source_row"] = errors_df["source_row"].astype("Int64")
    dups_df = pd.DataFrame(dups, columns=schemas.DUPLICATES.column_names)
    dups_df["source_row"] = dups_df["source_row"].astype("Int64")
    return StageResult({"articles": articles, "parse_errors": errors_df, "duplicates": dups_df},
                       extra={"n_inputs": n_inputs})
