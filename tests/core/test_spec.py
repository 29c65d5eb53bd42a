"""The stage declarations without pandas or pyarrow (helpers.core.spec): names agree with the schemas, and the
runner's no-op path (specs, raw folder hashes) imports neither."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import helpers
from helpers.core import schemas, spec, stage


def test_the_table_names_are_the_tables_the_schemas_define_in_their_order():
    assert spec.TABLE_NAMES == tuple(schemas.TABLES)


def test_a_spec_naming_an_unknown_table_fails_as_before():
    with pytest.raises(schemas.SchemaError, match="unknown table 'claimz'"):
        spec.StageSpec("99", "x", "X", reads=("claimz",))
    assert spec.StageSpec("99", "x", "X", reads=("claims", spec.DOCS_FILE)).reads == ("claims", "docs.spacy")
    assert stage.StageSpec is spec.StageSpec and stage.DOCS_FILE == spec.DOCS_FILE  # the old names still work
    assert schemas.SchemaError is spec.SchemaError


def test_the_runner_its_raw_hashes_and_every_stage_spec_load_without_pandas_or_pyarrow(tmp_path):
    (tmp_path / "a.txt").write_text("An article.\n")
    code = ("import sys\n"
            "from pathlib import Path\n"
            "from helpers.run import pipeline, stages\n"
            "specs = stages.all_specs()\n"
            "assert len(specs) >= 11, specs\n"
            "assert pipeline.raw_hashes(Path(sys.argv[1])).keys() == {'a.txt'}\n"
            "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy', 'nbformat') if m in sys.modules))\n")
    env = dict(os.environ, PYTHONPATH=str(Path(helpers.__file__).resolve().parents[1]))  # this checkout's code
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"


def test_the_start_page_and_a_cached_page_need_no_html_sanitizer(tmp_path):
    """The index a run writes at its start, and a page taken from the page cache, import neither bleach (0.1 s of a
    no-op rebuild) nor nbconvert; the sanitizer is loaded when a page is rendered."""
    code = ("import sys, json\n"
            "from pathlib import Path\n"
            "from helpers.run import reports\n"
            "r = Path(sys.argv[1])\n"
            "reports.clear_published(r)\n"
            "reports.build_index(r, {'status': 'running', 'notebooks': [], 'tables': {}})\n"
            "assert (r / 'index.html').exists()\n"
            "print(sorted(m for m in ('bleach', 'nbconvert') if m in sys.modules))\n"
            "assert reports.clean_html('<script>x</script>') == '&lt;script&gt;x&lt;/script&gt;'\n"
            "print('bleach' in sys.modules)\n")
    env = dict(os.environ, PYTHONPATH=str(Path(helpers.__file__).resolve().parents[1]))
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]
