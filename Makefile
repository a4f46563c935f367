# Two entry points, both self-installing on a fresh machine:
#   make report   -> .venv with srccompare, then the report for seeds/ in reports/
#   make test     -> .venv with srccompare and the test tools, then the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: report test bench quality fonts clean

report: $(STAMP) fonts
	$(BIN)/srccompare report seeds/ --output-dir reports/

test: $(STAMP) fonts
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python -m bench.run --sizes 100,1000,10000

quality: $(STAMP)
	$(BIN)/python -m tests.quality.harness

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# A font that covers Chinese, Japanese and Korean names, so the PDF never shows empty boxes.
# Debian's fonts-wqy-microhei is 5 MB; installed only when no CJK font is present.
fonts:
	@if fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK|Noto Serif CJK'; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing a CJK font (fonts-wqy-microhei)"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null) \
	  || echo "warning: could not install fonts-wqy-microhei; CJK text will show as boxes in the PDF"; \
	else echo "warning: no CJK font found; as root run: apt-get install fonts-wqy-microhei"; fi

clean:
	rm -rf $(VENV) reports/report.* bench/out
