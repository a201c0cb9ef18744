# The two set-up commands of the README.  Both work on a fresh machine with
# Python 3.11+, pip and (for the tests) apt: they install what they need.
PYTHON ?= python3
STORE ?= .tiaoli/store
DEMO_QUERY ?= graph/queries/law-penalties.rq

.PHONY: demo test install install-test system-packages

# The serve and pandas extras too, so every example of the README and docs/ runs after `make demo`.
install:
	$(PYTHON) -m pip install --quiet -e '.[serve,pandas]' 

install-test:
	$(PYTHON) -m pip install --quiet -e '.[test]'

# Debian packages the tests drive for real: a CJK TrueType font to render the
# seeds as PDF, and Chromium with its driver for the browser test.
system-packages:
	bash .ci/system-packages.sh

demo: install
	tiaoli build corpus --store $(STORE)
	tiaoli query $(DEMO_QUERY) --store $(STORE)

# Two worker processes: the suite's whole-corpus tests are CPU-bound and CI has two cores.
test: system-packages install-test
	$(PYTHON) -m pytest -n 2
