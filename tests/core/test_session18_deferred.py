"""Session 18, +1 CPU: imports deferred to their first use (helpers.core.deferred) and the pairs stage's (b, r)
table kept across runs (helpers.rewrites.candidates.params). Each import check runs in a fresh interpreter."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np

import helpers
from helpers.core import deferred
from helpers.rewrites import candidates

SRC = str(Path(helpers.__file__).resolve().parents[1])


def _python(code: str, tmp_path: Path, cwd: Path | None = None, **env) -> list[str]:
    """Run ``code`` in a fresh interpreter with this checkout's code and ``tmp_path`` on the path; its printed lines."""
    full = dict(os.environ, PYTHONPATH=os.pathsep.join([SRC, str(tmp_path)]), **env)
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True,
                         env=full, cwd=cwd or tmp_path)
    return out.stdout.split()


def _package(tmp_path: Path, name: str) -> None:
    """A constructed package whose import is recorded in the environment variable ``<name>_LOADED``."""
    pkg = tmp_path / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text(textwrap.dedent(f"""
        import os
        os.environ["{name}_LOADED"] = str(int(os.environ.get("{name}_LOADED", "0")) + 1)
        from .core import double, TEN
        """))
    (pkg / "core.py").write_text("TEN = 10\ndef double(x):\n    return 2 * x\n")
    (pkg / "extra.py").write_text("NAME = 'extra'\n")


def test_a_deferred_package_loads_when_its_function_is_called_and_gives_the_same_answer(tmp_path):
    _package(tmp_path, "pkg_s18a")
    lines = _python("""
        import os, sys
        from helpers.core import deferred
        print(deferred.defer("pkg_s18a", ("double",)))
        from pkg_s18a import double
        print(os.environ.get("pkg_s18a_LOADED", "0"))
        print(double(21))
        print(os.environ.get("pkg_s18a_LOADED", "0"), double(4), hasattr(sys.modules["pkg_s18a"], "__warclaims_deferred__"))
        """, tmp_path)
    assert lines == ["True", "0", "42", "1", "8", "False"]


def test_any_other_name_or_a_submodule_of_a_deferred_package_still_imports(tmp_path):
    _package(tmp_path, "pkg_s18b")
    lines = _python("""
        import os
        from helpers.core import deferred
        deferred.defer("pkg_s18b", ("double",))
        import pkg_s18b.extra
        print(pkg_s18b.extra.NAME, os.environ.get("pkg_s18b_LOADED", "0"))
        from pkg_s18b import TEN
        print(TEN, os.environ.get("pkg_s18b_LOADED", "0"))
        """, tmp_path)
    assert lines == ["extra", "0", "10", "1"]


def test_nothing_is_deferred_when_absent_already_imported_its_importer_loaded_or_switched_off(tmp_path):
    _package(tmp_path, "pkg_s18c")
    lines = _python("""
        import json, sys
        from helpers.core import deferred
        print(deferred.defer("pkg_s18_absent", ("f",)))
        print(deferred.defer("pkg_s18c", ("double",), unless=("json",)))
        import pkg_s18c
        print(deferred.defer("pkg_s18c", ("double",)))
        deferred.DEFER = False
        print(deferred.defer("pkg_s18c_other", ("f",)))
        """, tmp_path)
    assert lines == ["False", "False", "False", "False"]


def test_datasketch_under_the_stand_in_gives_the_same_minhash_and_its_integration_still_works(tmp_path):
    code = """
        import sys
        from helpers.core import deferred
        print(deferred.defer_scipy_integrate() and "deferred" or "real")
        from datasketch import MinHash, MinHashLSH
        m = MinHash(num_perm=32, seed=7)
        m.update_batch([w.encode() for w in "one two three four five".split()])
        print(",".join(str(int(v)) for v in m.hashvalues))
        print(hasattr(sys.modules["scipy.integrate"], "__warclaims_deferred__"))
        MinHashLSH(threshold=0.6, num_perm=32)  # its parameter search integrates: the real quad, loaded now
        print(hasattr(sys.modules["scipy.integrate"], "__warclaims_deferred__"))
        """
    with_stand_in = _python(code, tmp_path)
    plain = _python(code.replace("deferred.defer_scipy_integrate()", "False"), tmp_path)
    assert with_stand_in[0] == "deferred" and with_stand_in[2:] == ["True", "False"]
    assert plain[0] == "real" and plain[1] == with_stand_in[1]


def test_the_pairs_parameter_table_is_kept_across_runs_and_equals_datasketchs(tmp_path):
    code = """
        import sys
        from helpers.rewrites import candidates, pairs
        xqs, table = candidates.params(0.42, 64)
        print(xqs.dtype, len(table))
        print(hasattr(sys.modules["scipy.integrate"], "__warclaims_deferred__"))
        """
    cache = str(tmp_path / "cache")
    first = _python(code, tmp_path, WARCLAIMS_PARSE_CACHE=cache)
    second = _python(code, tmp_path, WARCLAIMS_PARSE_CACHE=cache)
    off = _python(code, tmp_path, WARCLAIMS_PARSE_CACHE="off")
    assert first[-1] == "False" and off[-1] == "False"  # computed: SciPy's integration imported and used
    assert second[-1] == "True"  # kept: SciPy's integration never loaded
    assert first[:2] == second[:2] == off[:2] == ["float64", str(len(candidates._params(0.42, 64, 8, (0.5, 0.5))[1]))]


def test_the_kept_table_is_the_computed_one_bit_for_bit(tmp_path, monkeypatch):
    monkeypatch.setenv("WARCLAIMS_PARSE_CACHE", str(tmp_path))
    candidates.params.cache_clear()
    try:
        computed = candidates.params(0.37, 96)
        candidates.params.cache_clear()
        kept = candidates.params(0.37, 96)  # from the memo file
        monkeypatch.setattr(candidates, "KEEP_PARAMS", False)
        candidates.params.cache_clear()
        direct = candidates.params(0.37, 96)
    finally:
        candidates.params.cache_clear()
    assert list(tmp_path.glob("memos/*/*.pkl"))
    for got in (computed, kept):
        assert got[0].dtype == direct[0].dtype and np.array_equal(got[0].view(np.uint64), np.asarray(direct[0]).view(np.uint64))
        assert got[1] == direct[1]


def test_the_second_kernels_preload_leaves_scipy_integrate_unloaded_once_the_table_is_kept(tmp_path):
    """What the second kernel loads for 01, 05 and the figures (helpers.run.preload, as the runner sends it) imports
    SciPy's integration on the first run only: afterwards the (b, r) table comes from the memo."""
    code = """
        import sys
        from helpers.run import pipeline, preload
        nbs = pipeline.discover()
        lane = [nb for nb in nbs if nb == nbs[0] or pipeline._Lane.takes(nb)]
        exec(preload.code(lane, [w for nb in lane for w in pipeline._spec(nb).warm]), {})
        import datasketch
        print(hasattr(sys.modules["scipy.integrate"], "__warclaims_deferred__"))
        """
    root = Path(SRC).parent
    cache = str(tmp_path / "cache")
    assert _python(code, tmp_path, cwd=root, MPLBACKEND="agg", WARCLAIMS_PARSE_CACHE=cache) == ["False"]
    assert _python(code, tmp_path, cwd=root, MPLBACKEND="agg", WARCLAIMS_PARSE_CACHE=cache) == ["True"]


def test_a_deferred_submodule_is_found_without_importing_its_package(tmp_path):
    _package(tmp_path, "pkg_s18d")
    (tmp_path / "pkg_s18d" / "sub").mkdir()
    (tmp_path / "pkg_s18d" / "sub" / "__init__.py").write_text("def triple(x):\n    return 3 * x\n")
    lines = _python("""
        import os, sys
        from helpers.core import deferred
        print(deferred.defer("pkg_s18d.sub", ("triple",)), "pkg_s18d" in sys.modules)
        print(deferred.defer("pkg_s18d.missing", ("f",)))
        from pkg_s18d.sub import triple
        print(os.environ.get("pkg_s18d_LOADED", "0"))
        print(triple(5), os.environ.get("pkg_s18d_LOADED", "0"))
        """, tmp_path)
    assert lines == ["True", "False", "False", "0", "15", "1"]


def test_spacy_loads_without_its_command_line_and_spacy_info_still_answers(tmp_path):
    lines = _python("""
        import sys
        from helpers.core.deferred import defer_spacy_cli
        defer_spacy_cli()
        import spacy
        nlp = spacy.blank("en")
        print(len(nlp("Two words.")), "typer" in sys.modules, hasattr(sys.modules["spacy.cli"], "__warclaims_deferred__"))
        print(spacy.info()["spacy_version"] == spacy.__version__, "typer" in sys.modules)
        """, tmp_path)
    assert lines == ["3", "False", "True", "True", "True"]


def test_the_environment_switch_leaves_spacys_command_line_as_it_was(tmp_path):
    lines = _python("""
        import sys
        from helpers.core.deferred import defer_spacy_cli
        defer_spacy_cli()
        import spacy
        print("typer" in sys.modules, hasattr(sys.modules["spacy.cli"], "__warclaims_deferred__"))
        """, tmp_path, WARCLAIMS_DEFER_IMPORTS="off")
    assert lines == ["True", "False"]


def test_importing_helpers_leaves_spacy_as_it_is(tmp_path):
    """Only the pipeline's own kernels defer spaCy's command line (their preload); a user's kernel does not."""
    lines = _python("""
        import sys
        import helpers
        import spacy
        print("typer" in sys.modules, hasattr(sys.modules["spacy.cli"], "__warclaims_deferred__"))
        """, tmp_path)
    assert lines == ["True", "False"]


def test_the_preload_defers_spacys_command_line_first():
    from helpers.run import preload

    source = preload.code([], ["helpers.text.doccache:load_model"])
    assert source.index("defer_spacy_cli()") < source.index("for statement in statements")
