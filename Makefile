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
	$(BIN)/python -m pytest -q -n auto

bench: $(STAMP)
	$(BIN)/python -m bench.run --sizes 100,1000,10000

quality: $(STAMP)
	$(BIN)/python -m tests.quality.harness

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# System packages the PDF renderer wants, installed when missing (Debian, as root):
# - fonts-wqy-microhei (5 MB): a font for Chinese, Japanese and Korean names, so the PDF never shows
#   empty boxes;
# - libharfbuzz-subset0: lets WeasyPrint subset fonts natively (2.8 s -> 0.03 s per PDF).
SYSTEM_PACKAGES := fonts-wqy-microhei libharfbuzz-subset0

fonts:
	@missing=""; \
	fc-list 2>/dev/null | grep -qiE 'WenQuanYi|Noto Sans CJK|Noto Serif CJK' || missing="$$missing fonts-wqy-microhei"; \
	ldconfig -p 2>/dev/null | grep -q 'libharfbuzz-subset.so.0' || missing="$$missing libharfbuzz-subset0"; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "installing$$missing"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null) \
	  || echo "warning: could not install$$missing; the PDF may show CJK text as boxes or render slowly"; \
	else echo "warning: missing system packages:$$missing (as root: apt-get install$$missing)"; fi

clean:
	rm -rf $(VENV) reports/report.* bench/out
