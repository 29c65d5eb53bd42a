"""Incremental rebuilds: skip a notebook whose inputs have not changed since its last successful run.

A notebook's *fingerprint* is the SHA-256 of everything its result depends on:

- its source (the ``.ipynb`` file) and the parameters papermill passes it;
- the version of the ``helpers`` code and rules (:func:`code_version`: every ``.py`` and ``rules/`` file, and the
  spaCy and model versions);
- the raw folder (only for notebooks that read it: those whose stage spec reads no table);
- the tables its :class:`~helpers.core.spec.StageSpec` reads, required and optional, as they are now.

``data/processed/pipeline_state.json`` keeps, for every notebook that last succeeded into that folder, its fingerprint and the hashes of the tables it wrote.
A notebook is skipped when its fingerprint equals the recorded one, its recorded status was ``ok`` or
``skipped``, and every table it declares is still on disk with the recorded hash (so a table deleted or edited by
hand is rebuilt). ``--force`` (all) or ``--force NN`` re-runs regardless.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from helpers.core.artcache import code_version, sha256_file
from helpers.core.spec import DOCS_FILE, StageSpec


def table_file(name: str, processed_dir: Path) -> Path:
    return processed_dir / (name if name == DOCS_FILE else f"{name}.parquet")


def table_hashes(names, processed_dir: Path, known: dict[str, str] | None = None) -> dict[str, str | None]:
    """``{table: sha256 or None when absent}`` for the named tables.

    ``known`` (``{file name: sha256}`` of the folder, e.g. the runner's snapshot) saves hashing the files again.
    """
    out = {}
    for name in names:
        f = table_file(name, processed_dir)
        if known is not None:
            out[name] = known.get(f.name)
        else:
            out[name] = sha256_file(f) if f.is_file() else None
    return out


def fingerprint(notebook: Path, params: dict, spec: StageSpec | None, processed_dir: Path,
                raw_digest: str | None, known: dict[str, str] | None = None) -> str:
    """The hash of everything ``notebook``'s result depends on (see the module docstring)."""
    reads = (spec.reads + spec.optional) if spec else ()
    parts = {
        "notebook": sha256_file(notebook),
        "params": params,
        "code": code_version(),
        "raw": raw_digest if (spec is None or not spec.reads) else None,
        "tables": table_hashes(reads, processed_dir, known),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


STATE_FILE = "pipeline_state.json"


def load_state(processed_dir: Path) -> dict[str, dict]:
    """Per notebook, its last successful run into ``processed_dir``: fingerprint and output hashes."""
    try:
        return json.loads((processed_dir / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}


def record(processed_dir: Path, notebook: str, entry: dict | None) -> None:
    """Store (or with ``None``, forget) one notebook's entry; written atomically."""
    state = load_state(processed_dir)
    if entry is None:
        state.pop(notebook, None)
    else:
        state[notebook] = {k: entry[k] for k in ("status", "fingerprint", "outputs") if k in entry}
    tmp = processed_dir / (STATE_FILE + ".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True) + "\n")
    tmp.replace(processed_dir / STATE_FILE)


def can_skip(previous: dict | None, fp: str, spec: StageSpec | None, processed_dir: Path,
             known: dict[str, str] | None = None) -> bool:
    """True when the last run of this notebook succeeded with the same fingerprint and its outputs are intact."""
    if not previous or previous.get("status") not in ("ok", "skipped") or previous.get("fingerprint") != fp:
        return False
    recorded = previous.get("outputs") or {}
    writes = spec.writes if spec else ()
    if set(recorded) != set(writes):
        return False
    return all(v is not None for v in recorded.values()) and table_hashes(writes, processed_dir, known) == recorded
