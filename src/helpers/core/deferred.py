"""Third-party imports paid for at import time and rarely used, deferred to their first use.

- ``datasketch`` (notebook 05's MinHash, in the second kernel) imports ``scipy.integrate`` from its LSH modules —
  ``quad`` only, for the ``(b, r)`` parameter table — whenever the package is imported: ~0.45 s of CPU a run. The
  table is now kept across runs (:func:`helpers.rewrites.candidates.params`), so a rebuild calls no integration and
  :func:`defer_scipy_integrate`, run before datasketch is imported, spares the import.
- ``spacy/__init__`` imports ``spacy.cli.info`` for ``spacy.info``, and with it the whole command line (typer,
  weasel, every command's module): ~0.2 s of CPU in the main kernel's preload, before notebook 02 can start.
  :func:`defer_spacy_cli` runs first in the code the runner preloads into its own kernels
  (:mod:`helpers.run.preload`), before any stage imports spaCy; a kernel a user starts is left alone.

:func:`defer` installs, before the first import of a module, a stand-in whose named functions and every other
attribute import the real module on first use and hand over to it: the importers get the same names, calling one
runs the real code, and a submodule imports as before (the stand-in has the package's ``__path__``), so behaviour is
unchanged. Nothing is installed when the module or one of its importers is already imported, or when it is not
installed (its importers then see the ``ImportError`` they expect); finding it imports none of its parents.
``DEFER = False`` turns it off (to measure); since spaCy's is installed when ``helpers`` is imported, the environment
variable ``WARCLAIMS_DEFER_IMPORTS=off`` sets it off from the start.

(The runner does the same for ``rfc3987_syntax``, which jsonschema imports through nbformat, more simply:
``helpers.run.pipeline`` blocks it, since nothing in the runner checks an ``iri`` format.)
"""
from __future__ import annotations

import importlib
import importlib.machinery
import importlib.util
import os
import sys
import threading
import types

DEFER = os.environ.get("WARCLAIMS_DEFER_IMPORTS", "").lower() != "off"

_LOCK = threading.Lock()


def _real(name: str, stub: types.ModuleType) -> types.ModuleType:
    """The real module ``name``, imported on first use in place of ``stub``."""
    with _LOCK:
        if sys.modules.get(name) is stub:
            del sys.modules[name]
        return importlib.import_module(name)


def _stand_in(name: str, functions: tuple[str, ...], path) -> types.ModuleType:
    """The stand-in; ``path``: the real package's folders (its submodules import as before), None for a module."""
    stub = types.ModuleType(name, f"Stand-in for {name}: imported on first use (helpers.core.deferred).")
    if path is not None:  # set, not forwarded: ``from … import`` asks a module for ``__path__`` before any name
        stub.__path__ = list(path)

    def forward(function):
        def call(*args, **kwargs):
            return getattr(_real(name, stub), function)(*args, **kwargs)
        call.__name__ = call.__qualname__ = function
        return call

    def __getattr__(attr):  # any other name: the real module's
        if attr.startswith("__"):
            raise AttributeError(attr)
        return getattr(_real(name, stub), attr)

    for function in functions:
        setattr(stub, function, forward(function))
    stub.__getattr__ = __getattr__
    stub.__warclaims_deferred__ = True
    return stub


def defer(name: str, functions: tuple[str, ...], unless: tuple[str, ...] = ()) -> bool:
    """Install a stand-in for module ``name`` whose ``functions`` import it when called, unless it or any module of
    ``unless`` (its importers) is already imported, or it is not installed. True when installed."""
    if not DEFER or name in sys.modules or any(m in sys.modules for m in unless):
        return False
    try:
        spec = _spec(name)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    sys.modules[name] = _stand_in(name, functions, spec.submodule_search_locations)
    return True


def _spec(name: str):
    """The import spec of ``name`` found without importing it or its parent packages (None: not installed)."""
    parent, _, _ = name.rpartition(".")
    if not parent:
        return importlib.util.find_spec(name)  # a top-level name: nothing is imported
    loaded = sys.modules.get(parent)
    if loaded is not None:
        path = getattr(loaded, "__path__", None)
    else:
        found = _spec(parent)
        path = found.submodule_search_locations if found is not None else None
    return importlib.machinery.PathFinder.find_spec(name, list(path)) if path is not None else None


def defer_scipy_integrate() -> bool:
    """``scipy.integrate`` for ``datasketch`` (its one import: ``quad``); before datasketch."""
    return defer("scipy.integrate", ("quad",), unless=("datasketch",))


def defer_spacy_cli() -> bool:
    """spaCy's command line (``spacy.cli``: typer, weasel, every command's module), which ``spacy/__init__`` imports
    for ``spacy.info`` only; before spaCy. Both stand-ins or neither."""
    if not defer("spacy.cli", (), unless=("spacy",)):
        return False
    if defer("spacy.cli.info", ("info",), unless=("spacy",)):
        return True
    del sys.modules["spacy.cli"]
    return False
