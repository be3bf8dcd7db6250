# The two set-up commands of the README: `make demo` and `make test`. Both build .venv, install what they need
# (torch first from its pinned version), make sure a Docker engine answers and the local base images exist, then run.
VENV ?= .venv
BIN := $(VENV)/bin
export VENV

.PHONY: demo test setup engine docs readme export clean

# The demo needs neither the dev tools nor chromium: it installs only the [train] extra, then runs the pipeline.
demo:
	bash scripts/system_deps.sh debootstrap tmux
	bash scripts/setup.sh train
	$(BIN)/terminal-lego engine
	$(BIN)/terminal-lego demo

test: engine
	bash scripts/test.sh

setup:
	bash scripts/system_deps.sh
	bash scripts/setup.sh

engine: setup
	$(BIN)/terminal-lego engine

docs: setup
	bash scripts/docs.sh

readme: setup
	bash scripts/readme.sh

export: setup
	$(BIN)/nbdev_export && $(BIN)/nbdev_clean

clean:
	rm -rf _docs _proc build dist *.egg-info
