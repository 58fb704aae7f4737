# musicnb: `make demo` runs the pipeline end to end on the recordings corpus (Debian soundtrack packages); `make test` runs the tests.
.PHONY: install demo demo-quick test test-slow test-kernel export

install: .venv/.installed
.venv/.installed: pyproject.toml tools/install.sh
	tools/install.sh

demo: install
	.venv/bin/musicnb-demo

demo-quick: install
	.venv/bin/musicnb-demo --quick

test: install
	tools/check.sh

test-slow: install
	tools/check.sh --flags slow && .venv/bin/python tools/run_kernel.py

export:
	.venv/bin/nbdev-export && .venv/bin/nbdev-clean

# every notebook executed top to bottom in a real Jupyter kernel (nbclient), as JupyterLab runs it
test-kernel: install
	.venv/bin/python tools/run_kernel.py
