"""Load in a kernel, ahead of time, what the notebooks it will run load on first use.

A notebook's first cells import the stage's code (spaCy, pandas, SciPy through datasketch, matplotlib, …) and its
cells load the spaCy model, the gazetteer or the base map on first use; in the run's one kernel per lane that is paid
once per run, but inside the first notebook that needs it, on the run's critical path. The runner instead sends
:func:`code` to a kernel while it waits: the second kernel (05's pairs and the figures) while the first notebooks
run, and the main kernel while the first notebook runs in the second one (:mod:`helpers.run.pipeline`); each loads
only what its own notebooks import, so SciPy (through datasketch, for 05) is no longer on the main kernel's way to 02. What the code loads is what
the notebooks would load themselves — the import statements of their code cells and the functions their stages
declare in :attr:`helpers.core.spec.StageSpec.warm` — and it runs in a namespace of its own, which the kernel reset
before each notebook clears anyway: a notebook's results do not depend on it (a module is loaded once per kernel
either way). Failures are ignored: the notebook that needs the module reports them.

The code ends with ``gc.freeze()``: what it loaded stays loaded for the kernel's life, and the kernel reset before
the next notebook (IPython's ``%reset`` collects twice) then walks none of it — after the main kernel's preload
(spaCy, the model, the gazetteer) that reset took 0.3–0.45 s on the run's critical path. The import garbage left
uncollected is a few dozen objects, once per kernel. A kernel that ran a notebook is reset before it preloads
(:meth:`helpers.run.pipeline.SharedKernel.preload`), so a notebook's objects are never frozen.

Before anything else the code installs :func:`helpers.core.deferred.defer_spacy_cli` (spaCy without its command
line, ~0.2 s of CPU before 02 can start) — in the pipeline's own kernels only: a kernel a user starts in JupyterLab
imports spaCy as it is (session 18).
"""
from __future__ import annotations

import ast
import json
from pathlib import Path


def imports(notebook: Path) -> list[str]:
    """The import statements (top-level ``import``/``from … import``) of ``notebook``'s code cells, in order."""
    nb = json.loads(Path(notebook).read_text(encoding="utf-8"))
    out = []
    for cell in nb.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", []))
        try:
            tree = ast.parse(source)
        except SyntaxError:  # IPython syntax (magics): nothing to preload from this cell
            continue
        out += [ast.unparse(node) for node in tree.body
                if isinstance(node, ast.Import) or (isinstance(node, ast.ImportFrom) and node.level == 0)]
    return out


def code(notebooks: list[Path], warm: list[str]) -> str | None:
    """Python source that imports what ``notebooks`` import and each module of ``warm`` (``"module"`` or
    ``"module:function"``, the function then called without arguments); None when there is nothing to load. Every
    step in its own ``try`` and a namespace of its own."""
    statements = list(dict.fromkeys(s for nb in notebooks for s in imports(nb)))
    calls = list(dict.fromkeys(warm))
    if not statements and not calls:
        return None
    return ("def _warclaims_preload(statements, calls):\n"
            "    import importlib\n"
            "    try:  # spaCy's command line is not loaded in the pipeline's kernels (helpers.core.deferred)\n"
            "        from helpers.core.deferred import defer_spacy_cli\n"
            "        defer_spacy_cli()\n"
            "    except Exception:\n"
            "        pass\n"
            "    for statement in statements:\n"
            "        try:\n"
            "            exec(statement, {})\n"
            "        except Exception:\n"
            "            pass\n"
            "    for name in calls:\n"
            "        module, _, function = name.partition(':')\n"
            "        try:\n"
            "            loaded = importlib.import_module(module)\n"
            "            if function:\n"
            "                getattr(loaded, function)()\n"
            "        except Exception:\n"
            "            pass\n"
            f"_warclaims_preload({statements!r}, {calls!r})\n"
            "del _warclaims_preload\n"
            "import gc as _warclaims_gc\n"
            "_warclaims_gc.freeze()\n"
            "del _warclaims_gc\n")
