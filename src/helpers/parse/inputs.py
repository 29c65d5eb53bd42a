"""The raw folder's inputs: which files there are (:func:`walk_inputs`), their bytes and their hashes.

Stage 01 reads them (:mod:`helpers.parse.articles`); the pipeline runner hashes them at the start of every run
(:func:`hash_inputs`) to tell whether notebook 01 must run again. This module imports no pandas, so a rebuild with
nothing to do does without it (it was 0.3 s of a 0.8 s no-op).
"""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

SKIP_NAMES = ("readme",)  # documentation beside the articles, not articles


class InputError(Exception):
    """An input that cannot be used. ``reason`` is a short code for the parse_errors table."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def walk_inputs(raw_dir: Path) -> list[tuple[Path, str | None, str | None]]:
    """Every input file under ``raw_dir``, in sorted path order: ``(path, reason, detail)``.

    ``reason`` is None for a regular file to read, else the ``parse_errors`` reason the entry
    gets without being read: ``broken_link`` (a link whose target is missing), ``symlink_loop``
    (a link that resolves to itself, or a linked folder that is one of its own ancestors),
    ``read_error`` (a folder that cannot be listed, a FIFO/device/socket). Symlinked files and
    folders are followed once. Hidden entries and ``README*`` files are skipped (and only those).
    Never raises for anything inside ``raw_dir``.
    """
    if not raw_dir.is_dir():
        return [(raw_dir, None, None)]
    out: list[tuple[Path, str | None, str | None]] = []

    def visit(folder: Path, ancestors: frozenset[str]):
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            out.append((folder, "read_error", f"cannot list folder: {exc.strerror or exc}"))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                if is_link:
                    real = os.path.realpath(path, strict=True)
                    target = Path(real)
                    is_dir, is_file = target.is_dir(), target.is_file()
                else:
                    real = os.path.realpath(path)
                    is_dir, is_file = entry.is_dir(follow_symlinks=False), entry.is_file(follow_symlinks=False)
            except FileNotFoundError:
                out.append((path, "broken_link", f"link target {os.readlink(path)!r} does not exist"))
                continue
            except OSError as exc:  # ELOOP: the link resolves through itself
                if is_link and exc.errno == errno.ELOOP:
                    out.append((path, "symlink_loop", f"link {os.readlink(path)!r} resolves to itself"))
                else:
                    out.append((path, "read_error", f"cannot inspect: {exc.strerror or exc}"))
                continue
            except RuntimeError as exc:  # older Pythons report link loops this way
                out.append((path, "symlink_loop", f"link loops: {exc}"))
                continue
            if is_dir:
                if real in ancestors:
                    out.append((path, "symlink_loop", "linked folder is one of its own ancestors; not followed again"))
                else:
                    visit(path, ancestors | {real})
            elif is_file:
                if not entry.name.lower().startswith(SKIP_NAMES):
                    out.append((path, None, None))
            else:
                out.append((path, "read_error", "not a regular file (FIFO, device or socket); not read"))

    visit(raw_dir, frozenset({os.path.realpath(raw_dir)}))
    out.sort(key=lambda t: t[0])
    return out


def read_input(path: Path) -> bytes:
    """The bytes of one input file; raises :class:`InputError` (``read_error``) instead of ``OSError``."""
    try:
        return path.read_bytes()
    except (OSError, ValueError) as exc:
        raise InputError("read_error", f"cannot read file: {getattr(exc, 'strerror', None) or exc}") from None


def hash_inputs(raw_dir: str | Path) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """SHA-256 of every input under ``raw_dir``: ``({rel: hexdigest}, {rel: (reason, detail)})``.

    Walking, reading and hashing are one guarded step: an unreadable, looping or dangling entry
    is returned as an error (the same reason ``parse_errors`` gives it), never raised. For the
    pipeline runner's ``run.json``."""
    raw_dir = Path(raw_dir)
    base = raw_dir if raw_dir.is_dir() else raw_dir.parent
    hashes, errors = {}, {}
    for path, reason, detail in walk_inputs(raw_dir):
        rel = path.relative_to(base).as_posix()
        if reason is None:
            try:
                hashes[rel] = hashlib.sha256(read_input(path)).hexdigest()
                continue
            except InputError as exc:
                reason, detail = exc.reason, exc.detail
        errors[rel] = (reason, detail)
    return hashes, errors
