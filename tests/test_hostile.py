"""Hostile article text must never make the report read a local file or touch the network.

Two walls, each tested on its own:
1. Escaping: article text (body, titles, front matter, file names, review notes) reaches the HTML
   only as text. Hostile articles go through the real pipeline into report.html and report.pdf; the
   PDF renderer is never even asked for a URL, the payloads appear as literal text, the PDF has no
   attachments and a secret file's content is nowhere.
2. The fetcher: even markup that is *not* escaped (fed straight to the PDF renderer) cannot fetch
   anything: every URL but ``data:`` is refused, ``file:///dev/zero`` included.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import time
from pathlib import Path

import pypdf
import pytest

from srccompare.models import Review, ReviewStatus, SourceMeta
from srccompare.pipeline import analyze
from srccompare.report import render, writer
from srccompare.report.view import Limits, build_view
from srccompare.settings import Settings
from tests.report_builders import FlagSpec, build_analysis
from tests.test_report_render import pdf_text

MARKER = "SECRET-7c1e9a-DO-NOT-LEAK"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A local file whose content must never reach a report."""
    path = tmp_path / "secret.txt"
    path.write_text(f"{MARKER}\n", encoding="utf-8")
    return path


def payloads(secret: Path) -> list[str]:
    url = secret.as_uri()
    return [
        '<script>alert("pwned")</script>',
        '<img src="file:///etc/hostname">',
        f'<img src="{url}" onerror="alert(1)">',
        f'<style>@import url("{url}"); body {{ background: url({url}) }}</style>',
        f'<link rel=attachment href="{url}">',
        f'<link rel="stylesheet" href="{url}">',
        f'He said "</style><link rel=attachment href={url}><style>" twice.',
        '<a href="javascript:alert(document.cookie)">click here</a>',
        f'<object data="{url}"></object><iframe src="{url}"></iframe>',
        f'<svg><image href="{url}"/></svg>',
        '<img src="file:///dev/zero">',
        '<img src="http://192.0.2.1/track.png">',
    ]


def hostile_article(secret: Path, base: str) -> str:
    """A seed article with payload sentences woven in: some inside aligned sentences, some alone."""
    lines = base.split("\n")
    bad = payloads(secret)
    out = []
    for i, line in enumerate(lines):
        if line.strip() and i // 2 < len(bad) and i % 2 == 0:
            out.append(f"{line} {bad[i // 2]}")
        else:
            out.append(line)
    out.append(" ".join(bad))
    return "\n".join(out)


class CountingFetcher:
    """Wraps the real fetcher so a test can see every request made during a render."""

    instances: list = []

    def __init__(self) -> None:
        self.inner = render.refusing_fetcher_class()()
        CountingFetcher.instances.append(self.inner)


@pytest.fixture
def fetchers(monkeypatch) -> list:
    CountingFetcher.instances = []
    monkeypatch.setattr(render, "make_fetcher", lambda: CountingFetcher().inner)
    return CountingFetcher.instances


@pytest.fixture
def hostile_corpus(tmp_path: Path, secret: Path, seeds_dir: Path) -> Path:
    corpus = tmp_path / "corpus"
    shutil.copytree(seeds_dir, corpus)
    seeds = sorted(corpus.glob("*.txt"))
    base = seeds[0].read_text(encoding="utf-8")
    url = secret.as_uri()
    # Body text with payloads.
    (corpus / "900_hostile.txt").write_text(hostile_article(secret, base), encoding="utf-8")
    # Front matter with payloads (title, outlet, address).
    (corpus / "901_frontmatter.md").write_text(
        "---\n"
        f"title: '<img src=\"file:///etc/hostname\"> Talks <script>alert(1)</script>'\n"
        f"outlet: '<link rel=attachment href=\"{url}\">'\n"
        "url: 'javascript:alert(document.cookie)'\n"
        "---\n" + seeds[1].read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    # An HTML article whose *text* is markup (escaped in the source, so the reader keeps it as text).
    body = "".join(f"<p>{line}</p>" for line in seeds[2].read_text(encoding="utf-8").split("\n") if line.strip())
    escaped = (f"&lt;img src=&quot;{url}&quot;&gt; &lt;link rel=attachment href={url}&gt; "
               "&lt;script&gt;fetch('http://192.0.2.1/')&lt;/script&gt;")
    (corpus / "902_markup.html").write_text(
        f"<html><head><title>Trade talks</title></head><body><article><h1>Trade talks</h1>{body}"
        f"<p>{escaped}</p></article></body></html>",
        encoding="utf-8",
    )
    # A file name that is markup.
    (corpus / '903_"><img src=x onerror=alert(1)>.txt').write_text(
        seeds[3].read_text(encoding="utf-8") + "\nOnly this outlet adds a closing line about the weather.\n",
        encoding="utf-8")
    # A skipped file (a duplicate) whose name is markup: it shows up in "Files skipped".
    shutil.copy(seeds[4], corpus / "904_<b onmouseover=alert(1)>.txt")
    return corpus


def test_hostile_articles_through_the_pipeline(hostile_corpus, tmp_path, secret, fetchers):
    analysis = analyze([hostile_corpus], Settings(), record_run=False)
    ids = {s.id for s in analysis.sources}
    assert "900_hostile" in ids and '903_"><img src=x onerror=alert(1)>' in ids
    hostile_text = analysis.source("900_hostile").text
    assert "<script>" in hostile_text, "the reader keeps article text as written"

    t0 = time.perf_counter()
    paths = writer.write_reports(analysis, tmp_path / "out", ["pdf", "html", "json"])
    elapsed = time.perf_counter() - t0
    pdf_path, html_path, json_path = paths

    # Nothing was even requested: the escaped report contains no URL to fetch.
    assert len(fetchers) == 1 and fetchers[0].calls == 0 and fetchers[0].refused == []
    assert elapsed < 120  # /dev/zero was not read

    html = html_path.read_text(encoding="utf-8")
    lowered = html.lower()
    for tag in ("<script", "<img", "<link", "<iframe", "<object", "<image", "<a href=\"javascript"):
        assert tag not in lowered, tag
    # One stylesheet, ours, word for word: "@import" and "url(" in the articles stayed body text.
    assert lowered.count("<style") == 1
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert style.strip() == (Path(render.REPO_TEMPLATES) / "report.css").read_text(encoding="utf-8").strip()
    assert "@import" in html  # ... printed as text
    assert "javascript:" not in re.findall(r'href="([^"]*)"', html)
    for href in re.findall(r'(?:href|src)\s*=\s*"([^"]*)"', html):
        assert href.startswith("#"), href
    # The payloads are there, as text.
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html or \
        "&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;" in html
    assert "&lt;link rel=attachment" in html
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html  # the file name
    assert any("904_<b onmouseover" in p.path for p in analysis.problems)
    assert "904_&lt;b onmouseover=alert(1)&gt;" in html  # a skipped file's name
    assert MARKER not in html

    data = pdf_path.read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert not reader.attachments
    assert MARKER.encode() not in data
    text = pdf_text(data)
    assert MARKER not in text
    assert '<script>alert("pwned")</script>' in text.replace("\r", "").replace("\n", " ") or \
        "<script>alert(" in text
    assert "<link rel=attachment" in text
    assert "onerror=alert(1)>" in text  # the hostile file name, printed as a name

    report = json.loads(json_path.read_text(encoding="utf-8"))
    assert any("<script>" in s["title"] or "<script>" in (s["meta"]["title"] or "") for s in report["sources"])


def test_hostile_metadata_and_review_notes(secret, fetchers, tmp_path):
    """Outlet, title, address and a reviewer's note are untrusted too."""
    url = secret.as_uri()
    texts = {
        "a": "Talks opened in Geneva on Saturday.\nBoth sides praised the mood.\n",
        "b": "Talks opened in Genevea on Saturday.\nBoth sides praised the mood.\n",
    }
    meta = {"b": SourceMeta(outlet=f'<img src="{url}">Daily', title="</title><script>x()</script>",
                            url="javascript:alert(1)", date='"><link rel=attachment href="' + url + '">')}
    note = f'</style><link rel=attachment href="{url}"> see <a href="javascript:x()">this</a>'
    analysis = build_analysis(texts, meta=meta, flags=[
        FlagSpec("b", "Genevea", "Geneva", review=Review(ReviewStatus.CONFIRMED, note))])
    paths = writer.write_reports(analysis, tmp_path, ["pdf", "html"])
    html = paths[1].read_text(encoding="utf-8")
    assert "<img" not in html and "<link" not in html and "<script" not in html.lower()
    assert re.findall(r'href="([^"]*)"', html) and all(h.startswith("#") for h in re.findall(r'href="([^"]*)"', html))
    assert "javascript:alert(1)" in html  # printed as the source's address, not linked
    assert fetchers[0].calls == 0
    data = paths[0].read_bytes()
    assert not pypdf.PdfReader(io.BytesIO(data)).attachments and MARKER.encode() not in data
    assert "Daily" in pdf_text(data)


def test_the_fetcher_refuses_unescaped_markup(secret):
    """Second wall: markup fed straight to the PDF renderer still fetches nothing but data: URLs."""
    url = secret.as_uri()
    pixel = ("data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk"
             "YPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")
    raw = f"""<!DOCTYPE html><html><head>
<style>@import url("{url}"); @font-face {{ font-family: X; src: url("{url}"); }}
body {{ background: url("{url}"); }}</style>
<link rel="stylesheet" href="{url}"><link rel="attachment" href="{url}">
<link rel="attachment" href="file:///etc/hostname">
</head><body>
<p style="background-image: url('{url}')">styled</p>
<img src="{url}"><img src="file:///etc/hostname"><img src="file:///dev/zero">
<img src="http://192.0.2.1/x.png"><img src="relative/x.png">
<object data="{url}"></object><embed src="{url}"><iframe src="{url}"></iframe>
<svg width="10" height="10"><image href="{url}" width="10" height="10"/></svg>
<img src="{pixel}">
<p>end</p></body></html>"""
    fetcher = render.refusing_fetcher_class()()
    t0 = time.perf_counter()
    data = render.render_pdf(raw, fetcher=fetcher)
    assert time.perf_counter() - t0 < 60  # /dev/zero refused, not read
    refused = set(fetcher.refused)
    assert url in refused and "file:///etc/hostname" in refused and "file:///dev/zero" in refused
    assert "http://192.0.2.1/x.png" in refused
    assert not any(u.startswith("data:") for u in refused)
    assert fetcher.calls == len(fetcher.refused) + 1  # the data: pixel is the only thing served
    assert not pypdf.PdfReader(io.BytesIO(data)).attachments
    assert MARKER.encode() not in data and MARKER not in pdf_text(data)
    hostname = Path("/etc/hostname").read_text(encoding="utf-8").strip() if Path("/etc/hostname").exists() else ""
    if len(hostname) >= 6:  # too short a name could occur anywhere by chance
        assert hostname not in pdf_text(data)
    assert "end" in pdf_text(data)


def test_templates_never_put_data_into_attributes_or_css():
    """A static check of the templates: no value printed inside CSS, style=, href=, src= or script
    except our own anchors and fixed palettes (the view's vocabulary, never article text)."""
    root = Path(render.REPO_TEMPLATES)
    allowed_href = re.compile(r'href="#\{\{ (?:[a-z]+\.)*(?:anchor|block_anchor) \}\}"')
    for path in root.rglob("*"):
        if path.suffix not in {".html", ".css"}:
            continue
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text.lower(), path
        assert "style=" not in text, path
        assert " src=" not in text, path
        for m in re.finditer(r'href="[^"]*"', text):
            assert allowed_href.fullmatch(m.group()), (path, m.group())
        if path.suffix == ".css":
            assert "{{" not in text and "{%" not in text, path
        # Inside <style>, only the include of our own stylesheet.
        for block in re.findall(r"<style>(.*?)</style>", text, flags=re.S):
            assert block.strip() == '{% include "report.css" %}', path
