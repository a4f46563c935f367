"""Reading sources: files found, bytes decoded, HTML extracted, metadata, boilerplate, duplicates.

Binary and encoding fixtures are generated here in ``tmp_path``; the HTML/Markdown fixtures are in
``tests/data/inputs/``.
"""

from __future__ import annotations

import json
import os
import socket
import stat
from pathlib import Path

import pytest

from srccompare.errors import InputError
from srccompare.models import ReadProblem, Source, SourceMeta
from srccompare.sources import (
    SOURCE_SUFFIXES,
    boilerplate_reason,
    collect,
    content_spans,
    derive_title,
    drop_duplicates,
    read_source,
    shorten,
)

INPUTS = Path(__file__).parent / "data" / "inputs"
SEED_003 = "003_e3227691fdbe46a9"

ARTICLE = (
    "Port strike ends after pay deal\n\n"
    "Dock workers voted on Wednesday to end a nine-day strike, the union said.\n\n"
    "“We are glad it’s over — for now,” a driver said. The café reopened.\n"
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    p = tmp_path / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return p


def content_texts(src: Source) -> list[str]:
    return [src.text[a:b] for a, b in src.content]


# --------------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xff\xfe" + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (ARTICLE.encode("utf-16-le"), "utf-16-le"),  # no BOM: found by the NUL pattern
        (ARTICLE.encode("utf-16-be"), "utf-16-be"),
        (b"\xff\xfe\x00\x00" + ARTICLE.encode("utf-32-le"), "utf-32-le"),
        (ARTICLE.encode("cp1252"), "cp1252"),  # smart quotes, em dash, é as single bytes
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-nobom", "utf16be-nobom", "utf32le-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(tmp_path: Path, data: bytes, encoding: str) -> None:
    src = read_source(write(tmp_path, "a.txt", data))
    assert src.text == ARTICLE
    assert src.encoding == encoding
    assert "\ufeff" not in src.text


def test_latin1_e_acute(tmp_path: Path) -> None:
    src = read_source(write(tmp_path, "a.txt", "La détente est arrivée à Genève.\n".encode("latin-1")))
    assert src.text == "La détente est arrivée à Genève.\n"
    assert src.encoding == "cp1252"


def test_cp1252_undefined_bytes_fall_back_to_latin1(tmp_path: Path) -> None:
    # 0x81 and 0x9d are undefined in cp1252; the file must still read, not fail.
    src = read_source(write(tmp_path, "a.txt", b"Caf\xe9 \x93quoted\x94 text with odd \x81 and \x9d bytes."))
    assert src.encoding == "cp1252"
    assert src.text.startswith("Café “quoted” text")
    assert "\x81" in src.text and "\x9d" in src.text


def test_utf8_with_one_stray_byte_stays_utf8(tmp_path: Path) -> None:
    good = "Zürich, São Paulo and “Genève” — all mentioned. " * 4
    data = good.encode("utf-8") + b"A stray \x96 byte.\n"
    src = read_source(write(tmp_path, "a.txt", data))
    assert src.encoding.startswith("utf-8")
    assert "1 invalid byte" in src.encoding
    assert "Zürich" in src.text and "\ufffd" in src.text


def test_few_smart_quotes_in_ascii_text_are_cp1252_not_damaged_utf8(tmp_path: Path) -> None:
    # Every non-ASCII byte is invalid UTF-8 and there is no valid multi-byte character: cp1252.
    src = read_source(write(tmp_path, "a.txt", b"He said \x93no\x94 and left.\n"))
    assert src.encoding == "cp1252"
    assert src.text == "He said “no” and left.\n"


def test_forced_encoding(tmp_path: Path) -> None:
    polish = "Rozmowy w Genewie będą kontynuowane, powiedział rzecznik ministerstwa."
    p = write(tmp_path, "a.txt", polish.encode("cp1250"))
    assert read_source(p).text != polish  # few non-ASCII bytes: read as cp1252, wrongly
    src = read_source(p, encoding="cp1250")
    assert src.text == polish
    assert src.encoding == "cp1250"


@pytest.mark.parametrize(
    "text, codec",
    [
        ("Министерство иностранных дел России заявило во вторник, что переговоры продолжатся в Женеве.", "cp1251"),
        ("Министерство иностранных дел России заявило во вторник, что переговоры продолжатся в Женеве.", "koi8-r"),
        ("日本政府は火曜日、ジュネーブでの協議が来週も続くと発表した。双方は関税の引き下げについて話し合う予定だ。", "shift_jis"),
        ("中国商务部周三表示，中方决定与美方进行接触。双方将于本周末在日内瓦举行会谈，讨论关税问题。", "gbk"),
        ("미국과 중국은 이번 주말 제네바에서 무역 회담을 열 예정이라고 화요일 밝혔다. 양측은 관세 인하를 논의할 것이다.", "euc-kr"),
    ],
)
def test_legacy_non_western_encodings(tmp_path: Path, text: str, codec: str) -> None:
    src = read_source(write(tmp_path, "a.txt", text.encode(codec)))
    assert src.text == text
    assert src.encoding not in ("cp1252", "utf-8")


@pytest.mark.parametrize(
    "encoding, data, fragment",
    [
        ("no-such-codec", b"Some text.", "unknown encoding 'no-such-codec'"),
        ("utf-8", b"Caf\xe9 and more.", "is not valid utf-8 (byte 0xe9 at position 3)"),
    ],
)
def test_forced_encoding_errors(tmp_path: Path, encoding: str, data: bytes, fragment: str) -> None:
    p = write(tmp_path, "a.txt", data)
    with pytest.raises(InputError) as exc:
        read_source(p, encoding=encoding)
    assert str(exc.value).startswith(f"{p}: ")
    assert fragment in str(exc.value)


@pytest.mark.parametrize(
    "raw, expected",
    [
        (b"One.\r\nTwo.\r\n", "One.\nTwo.\n"),
        (b"One.\rTwo.\r", "One.\nTwo.\n"),
        (b"One.\r\n\r\nTwo.\rThree.\n", "One.\n\nTwo.\nThree.\n"),
        (b"Tabs\tand  spaces stay.\n", "Tabs\tand  spaces stay.\n"),
    ],
)
def test_line_endings_normalised_and_nothing_else(tmp_path: Path, raw: bytes, expected: str) -> None:
    assert read_source(write(tmp_path, "a.txt", raw)).text == expected


def test_content_offsets_index_the_text_as_read(tmp_path: Path) -> None:
    data = ("\ufeffHeadline here\r\n\r\n  First para “quoted”.  \r\nSecond para.\r\n").encode("utf-8")
    src = read_source(write(tmp_path, "a.txt", data))
    assert src.text == "Headline here\n\n  First para “quoted”.  \nSecond para.\n"
    assert content_texts(src) == ["Headline here", "First para “quoted”.", "Second para."]


# --------------------------------------------------------------------------------------------
# Files that cannot be used
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, data, fragment",
    [
        ("empty.txt", b"", "is empty; add the article text or remove the file"),
        ("blank.txt", b"  \n\r\n\t \n", "is empty; add the article text or remove the file"),
        ("nbsp.txt", "\u00a0\u00a0\n".encode("utf-8"), "is empty (only whitespace)"),
        ("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document, not text"),
        ("doc.md", b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "looks like a ZIP archive or Word/OpenDocument file"),
        ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a PNG image"),
        ("img.html", b"\xff\xd8\xff\xe0\x00\x10JFIF", "looks like a JPEG image"),
        ("img.txt", b"GIF89a\x01\x00\x01\x00", "looks like a GIF image"),
        ("a.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "looks like a gzip archive"),
        ("a.txt", b"some text\x00\x01\x02\x03\xff\xfe binary \x00\x00\x10 tail", "looks like a binary file (it contains NUL bytes)"),
        ("front.md", b"---\ntitle: [unclosed\n---\nText.\n", "front matter is not valid YAML at line 2"),
        (
            "colon.txt",
            b"---\noutlet: X\ntitle: Peru quake: toll rises\n---\nText.\n",
            "front matter is not valid YAML at line 3 (mapping values are not allowed here); put the value in quotes",
        ),
        ("furniture.txt", b"Share this article\nFollow us on Twitter\n", "holds no article text"),
    ],
)
def test_unusable_files_raise_input_error(tmp_path: Path, name: str, data: bytes, fragment: str) -> None:
    p = write(tmp_path, name, data)
    with pytest.raises(InputError) as exc:
        read_source(p)
    message = str(exc.value)
    assert message.startswith(f"{p}: ")
    assert fragment in message
    assert "\n" not in message
    assert "; " in message  # what is wrong; what to do


@pytest.mark.parametrize("start", ["BZhang Wei said on Tuesday.", "ID3 tags were discussed.", "OggS and more.", "GIF89a is an image format."])
def test_text_that_starts_like_a_signature_is_still_text(tmp_path: Path, start: str) -> None:
    assert read_source(write(tmp_path, "a.txt", start + "\nAnother line of text.\n")).text.startswith(start)


def test_directory_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r": is a folder, not an article file; "):
        read_source(tmp_path)
    with pytest.raises(InputError, match=r"nope\.txt: no such file; check the path"):
        read_source(tmp_path / "nope.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    p = write(tmp_path, "locked.txt", "Text.")
    p.chmod(0)
    try:
        with pytest.raises(InputError, match=r"locked\.txt: cannot be read \(permission denied\)"):
            read_source(p)
    finally:
        p.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_too_large_file_is_refused_without_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import srccompare.sources as sources

    monkeypatch.setattr(sources, "MAX_SOURCE_BYTES", 1000)
    p = write(tmp_path, "big.txt", "word " * 400)
    with pytest.raises(InputError, match="too large for one article"):
        read_source(p)


# --------------------------------------------------------------------------------------------
# collect
# --------------------------------------------------------------------------------------------


def test_collect_folder_sorted_filtered_not_recursive(tmp_path: Path) -> None:
    for name in ["b.md", "a.txt", "c.html", "d.htm", "notes.pdf", ".hidden.txt", "x.meta.json", "e.TXT"]:
        write(tmp_path, name, "Some text.")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "deep.txt", "Deep.")
    files, problems = collect([tmp_path])
    assert [f.name for f in files] == ["a.txt", "b.md", "c.html", "d.htm", "e.TXT"]
    assert problems == ()


def test_collect_problems(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty, "readme.pdf", b"%PDF-1.4")
    good = write(tmp_path, "good.txt", "Text.")
    other = write(tmp_path, "data.csv", "a,b")
    twin = write(tmp_path, "good.md", "Other text.")
    missing = tmp_path / "missing.txt"
    files, problems = collect([good, empty, other, missing, twin, good])
    assert files == [good]
    assert problems == (
        ReadProblem(str(empty), f"{empty}: folder has no .txt, .md or .html files; add articles to it or name the files"),
        ReadProblem(str(other), f"{other}: not a .txt, .md or .html file; save the article as plain text, Markdown or HTML"),
        ReadProblem(str(missing), f"{missing}: no such file or folder; check the path"),
        ReadProblem(
            str(twin),
            f"{twin}: gives the same id 'good' as {good} (ids are file names without the extension); rename one of them",
        ),
    )


def test_collect_same_name_in_two_folders_is_an_id_collision(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "y").mkdir()
    a = write(tmp_path / "x", "story.txt", "One.")
    b = write(tmp_path / "y", "story.txt", "Two.")
    files, problems = collect([tmp_path / "x", tmp_path / "y"])
    assert files == [a]
    assert len(problems) == 1 and problems[0].path == str(b) and "rename one" in problems[0].message


def test_collect_seeds(seeds_dir: Path) -> None:
    files, problems = collect([seeds_dir])
    assert len(files) == 5 and problems == ()
    assert [f.name for f in files] == sorted(f.name for f in files)
    assert SOURCE_SUFFIXES == (".txt", ".md", ".html")


# --------------------------------------------------------------------------------------------
# Duplicates
# --------------------------------------------------------------------------------------------


def test_drop_duplicates_by_bytes_and_by_decoded_text(tmp_path: Path) -> None:
    a = read_source(write(tmp_path, "a.txt", ARTICLE))
    b = read_source(write(tmp_path, "b.txt", ARTICLE))  # same bytes
    c = read_source(write(tmp_path, "c.txt", b"\xff\xfe" + ARTICLE.encode("utf-16-le")))  # same text
    d = read_source(write(tmp_path, "d.txt", ARTICLE.replace("nine-day", "ten-day")))
    kept, problems = drop_duplicates([a, b, c, d])
    assert [s.id for s in kept] == ["a", "d"]
    assert problems == (
        ReadProblem(b.path, f"{b.path}: same content as {a.path}; remove one of them"),
        ReadProblem(c.path, f"{c.path}: same content as {a.path}; remove one of them"),
    )


# --------------------------------------------------------------------------------------------
# Metadata
# --------------------------------------------------------------------------------------------


def test_front_matter_stays_in_text_but_not_content() -> None:
    src = read_source(INPUTS / "frontmatter_article.md")
    assert src.text.startswith("---\noutlet: Valley Courier\n")
    assert src.meta == SourceMeta(
        outlet="Valley Courier",
        title="Flood defences hold as river peaks",
        url="https://valley-courier.example/floods",
        date="2024-02-02",
        language="en",
    )
    assert src.title == "Flood defences hold as river peaks"
    first_content = src.content[0][0]
    assert first_content > src.text.index("\n---\n")
    # Markdown markers are outside the spans; byline and share button are not content.
    assert content_texts(src) == [
        "Flood defences hold as river peaks",
        "The river reached its highest level in thirty years on Friday, but new flood barriers kept "
        "water out of the town centre, officials said.",
        "Around 200 homes were evacuated as a precaution.",
        "Schools will reopen on Monday.",
    ]


@pytest.mark.parametrize(
    "text, title, first_content",
    [
        ("---\ntitle: A\n---\nBody.\n", "A", "Body."),
        ("---\n---\nBody text here.\n", None, "Body text here."),
        # Prose between two rules is a Markdown rule and a heading, not YAML.
        ("---\nJust a paragraph between rules\n---\nBody.\n", None, "Just a paragraph between rules"),
        ("---\ntitle: never closed\nBody.\n", None, "title: never closed"),
        ("Body first.\n---\ntitle: A\n---\n", None, "Body first."),
    ],
)
def test_front_matter_detection(tmp_path: Path, text: str, title: str | None, first_content: str) -> None:
    src = read_source(write(tmp_path, "a.md", text))
    assert src.meta.title == title
    assert content_texts(src)[0] == first_content
    assert src.text == text


def test_front_matter_aliases_and_unknown_keys(tmp_path: Path) -> None:
    text = "---\nheadline: From alias\ntitle: From title\npublisher: The Paper\nlang: fr\nauthor: [A, B]\nfoo: bar\n---\nBody.\n"
    src = read_source(write(tmp_path, "a.txt", text))
    assert src.meta == SourceMeta(outlet="The Paper", title="From title", language="fr")


@pytest.mark.parametrize("suffix", [".meta.json", ".meta.yaml", ".meta.yml"])
def test_sidecar_overrides_front_matter(tmp_path: Path, suffix: str) -> None:
    write(tmp_path, "story.txt", "---\ntitle: Front title\noutlet: Front Outlet\n---\nThe body of the story.\n")
    side = {"title": "Sidecar title", "date": "2024-05-01"}
    write(tmp_path, "story" + suffix, json.dumps(side) if suffix.endswith("json") else "title: Sidecar title\ndate: 2024-05-01\n")
    src = read_source(tmp_path / "story.txt")
    assert src.meta == SourceMeta(outlet="Front Outlet", title="Sidecar title", date="2024-05-01")
    assert src.title == "Sidecar title"


@pytest.mark.parametrize(
    "name, body, fragment",
    [
        ("s.meta.json", "{not json", "metadata file is not valid JSON at line 1"),
        ("s.meta.yaml", "title: [x\n", "metadata file is not valid YAML"),
        ("s.meta.json", "[1, 2]", "metadata file must hold key/value pairs"),
    ],
)
def test_broken_sidecar_names_the_sidecar(tmp_path: Path, name: str, body: str, fragment: str) -> None:
    write(tmp_path, "s.txt", "Body.")
    side = write(tmp_path, name, body)
    with pytest.raises(InputError) as exc:
        read_source(tmp_path / "s.txt")
    assert str(exc.value).startswith(f"{side}: ") and fragment in str(exc.value)


# --------------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a socket fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_html_article_page(no_network: None) -> None:
    src = read_source(INPUTS / "article_page.html")
    for marker in ("SHOULD_NOT_APPEAR", "<", ">", "dataLayer", "cookies", "Related stories", "Privacy", "Copyright"):
        assert marker not in src.text
    assert src.meta.title == "Dock workers end strike after pay deal"
    assert src.meta.outlet == "Harbour Times"
    assert src.meta.date == "2024-03-14"
    assert src.meta.url == "https://harbour-times.example/news/dock-strike-ends"
    assert src.meta.language == "en-GB"
    assert src.title == "Dock workers end strike after pay deal"
    texts = content_texts(src)
    assert texts[0] == "Dock workers end strike after pay deal"
    assert any(t.startswith("Dock workers at the country's largest container port voted") for t in texts)
    assert any(t.startswith("Economists had warned") for t in texts)
    assert "Advertisement" not in texts
    assert src.encoding == "utf-8"


def test_hostile_html_never_shows_markup(no_network: None) -> None:
    src = read_source(INPUTS / "hostile_page.html")
    for marker in ("HOSTILE", "file://", "attacker", "<img", "<object", "onload", "onerror", "SVG_SCRIPT", "IFRAME_TEXT", "@import"):
        assert marker not in src.text
    assert "The city council approved a new budget on Monday." in src.text
    # An entity-escaped tag is text the page shows, so it stays as that text.
    assert "escaped tag <script>alert(1)</script> that is text" in src.text


def test_html_photo_caption_is_read_as_printed(tmp_path: Path, no_network: None) -> None:
    # A caption is printed on the page: a name it misspells is a discrepancy, so it is text.
    para = "<p>The harbour board said on Tuesday that the new crane will be working by the spring, after a delay of two months.</p>"
    html = (
        "<html><head><title>New crane for the harbour</title></head><body><article><h1>New crane for the harbour</h1>"
        + para * 3
        + '<figure><img src="file:///etc/passwd" onerror="alert(1)"><figcaption>Pilot Edda Varnholm at the controls'
        " of the crane on Tuesday. Photo: Harbour Board<script>var s='SCRIPT';</script></figcaption></figure>"
        + para.replace("Tuesday", "Wednesday") * 2
        + "</article></body></html>"
    )
    src = read_source(write(tmp_path, "p.html", html))
    assert "Pilot Edda Varnholm at the controls of the crane on Tuesday. Photo: Harbour Board" in src.text
    for marker in ("SCRIPT", "<", "passwd", "onerror"):
        assert marker not in src.text
    # A caption that is only a credit is the page's frame, not a line of the article.
    framed = html.replace("Pilot Edda Varnholm at the controls of the crane on Tuesday. Photo: Harbour Board", "Photo: Harbour Board")
    src = read_source(write(tmp_path, "q.html", framed))
    assert "Harbour Board" not in src.text and not src.strays


@pytest.mark.parametrize(
    "html, expected",
    [
        ("<html><body><p>Tiny page.</p></body></html>", "Tiny page."),
        (
            "<html><head><title>T</title><style>p{}</style></head><body><nav>Menu</nav>"
            "<div>Only a line of text in a div.<script>var a='SCRIPT';</script></div></body></html>",
            "Only a line of text in a div.",
        ),
    ],
)
def test_tiny_pages_fall_back_to_plain_text(tmp_path: Path, html: str, expected: str) -> None:
    src = read_source(write(tmp_path, "p.html", html))
    assert expected in src.text
    assert "SCRIPT" not in src.text and "Menu" not in src.text and "<" not in src.text


def test_html_declared_charset(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Переговоры в Женеве продолжатся в субботу.</p></body></html>'
    src = read_source(write(tmp_path, "p.html", html.encode("cp1251")))
    assert src.encoding == "cp1251"
    assert "Переговоры в Женеве" in src.text


def test_html_with_no_text(tmp_path: Path) -> None:
    p = write(tmp_path, "p.html", "<html><head><script>var x=1;</script></head><body><img src='a.png'></body></html>")
    with pytest.raises(InputError, match=r"p\.html: no article text found in the page; "):
        read_source(p)


# --------------------------------------------------------------------------------------------
# Boilerplate
# --------------------------------------------------------------------------------------------


def test_seed_003_boilerplate(seeds_dir: Path) -> None:
    src = read_source(seeds_dir / f"{SEED_003}.txt")
    texts = content_texts(src)
    for furniture in ("bilaterals.org logo", "Kyodo | 7 May 2025", "By Takuya Karube", "source: Kyodo"):
        assert furniture not in texts
    # The headline is content once; its repeat is not.
    headline = "US eyes de-escalation as trade talks with China set for weekend"
    assert texts.count(headline) == 1 and texts[0] == headline
    assert src.title == headline
    assert len(texts) == 22
    assert texts[-1].startswith('"I would think that perhaps as early as this week')


def test_every_other_seed_line_is_content(seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        if path.stem == SEED_003:
            continue
        src = read_source(path)
        lines = [ln.strip() for ln in src.text.split("\n") if ln.strip()]
        assert content_texts(src) == lines, path.name


@pytest.mark.parametrize(
    "line",
    [
        "bilaterals.org logo",
        "The Daily Planet Logo",
        "source: Kyodo",
        "Source: Reuters",
        "Photo: Jane Smith/AFP via Getty Images",
        "Image credit - NASA",
        "By Takuya Karube",
        "By Jane Doe and John Roe, Reuters",
        "by MARIA GARCÍA | Madrid",
        "Reporting by David Lawder; Editing by Chizu Nomiyama",
        "(Reporting by Ana Lopes in Lisbon; additional reporting by Tom Ashworth; editing by Jane Doe and John Roe)",
        "[Photo: AFP]",
        "Copyright 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.",
        "Advertisement",
        "Last updated: 7 May 2025",
        "Read more: Rail unions announce ballot",
        "Kyodo | 7 May 2025",
        "Updated 14:32 GMT, 7 May 2025",
        "May 7, 2025",
        "2025-05-07 09:30",
        "Share this article",
        "Follow us on Instagram",
        "Subscribe to our newsletter",
        "© 2025 Example Media. All rights reserved.",
        "https://example.com/story/123",
        "World · Asia · Economy",
        "***",
    ],
)
def test_boilerplate_lines(line: str) -> None:
    assert boilerplate_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "US eyes de-escalation as trade talks with China set for weekend",
        '"Landing zone" for UK deal',
        "The trade deficit is increasing.",
        "Trade talks set for May 10",
        "By Monday, both sides had agreed to meet again.",
        "By contrast, exports rose 3% in April.",
        "Shares fell 2% in early trading.",
        "Follow the money, he said.",
        "Source material was shared with reporters on Friday, officials said.",
        "Logos and flags lined the hall where the ministers met for talks on trade and security.",
        "He said: “We will meet on 7 May 2025.”",
        "Photographers gathered outside.",
        "Xi Jinping",
        "GREAT PROGRESS MADE!!!",
        "(The ministry did not say when the talks would resume.)",
        "Copyright law experts said the ruling would be appealed, and that the case could reach the supreme court next year.",
        "WASHINGTON (Reuters) - The United States and China will hold talks this weekend.",
    ],
)
def test_content_lines_are_not_boilerplate(line: str) -> None:
    assert boilerplate_reason(line) is None


def test_repeated_line_is_dropped_after_the_first() -> None:
    text = "Headline of the story\nHeadline of the story\nA paragraph.\nheadline   OF the story\n"
    assert [text[a:b] for a, b in content_spans(text)] == ["Headline of the story", "A paragraph."]


def test_synthetic_scraped_page(tmp_path: Path) -> None:
    text = (
        "Example Gazette logo\n"
        "World | Business | Tech\n"
        "Ministers agree on fishing quotas\n"
        "By Ana Lopes\n"
        "12 June 2024 10:45 BST\n"
        "Share this article\n"
        "Ministers from eight countries agreed on new fishing quotas late on Tuesday.\n"
        "The deal cuts cod catches by 12%.\n"
        "Photo: Reuters\n"
        "Talks will resume in October.\n"
        "Follow us on Facebook\n"
        "Source: Example Gazette\n"
    )
    src = read_source(write(tmp_path, "page.txt", text))
    assert content_texts(src) == [
        "Ministers agree on fishing quotas",
        "Ministers from eight countries agreed on new fishing quotas late on Tuesday.",
        "The deal cuts cod catches by 12%.",
        "Talks will resume in October.",
    ]
    assert src.title == "Ministers agree on fishing quotas"


def test_hard_wrapped_paragraphs_become_one_span(tmp_path: Path) -> None:
    para1 = (
        "The river reached its highest level in thirty years on\n"
        "Friday, but new flood barriers kept water out of the town\n"
        "centre, officials said. Around two hundred homes were\n"
        "evacuated as a precaution on Thursday night.\n"
    )
    para2 = (
        "Schools will reopen on Monday, the council said, and the\n"
        "main road into the town is expected to open by the end\n"
        "of the week if the water keeps falling as forecast.\n"
    )
    text = "Flood defences hold\n\n" + para1 + "\n" + para2
    src = read_source(write(tmp_path, "wrapped.txt", text))
    texts = content_texts(src)
    assert texts == ["Flood defences hold", para1.strip(), para2.strip()]
    assert src.wrapped


def test_line_end_hyphenation_joins_lines_in_an_unwrapped_file(tmp_path: Path) -> None:
    # A print page pasted one paragraph per line, except where the typesetter broke a word at the
    # end of a line: the two halves are one sentence (one span), not two passages.
    broken = "Divers searching the old harbour wall on Sunday found a bronze bell in a ship-\nwreck buried under silt."
    text = (
        "Harbour find\n\n"
        + broken
        + "\n\nThe museum said the bell was probably cast in the eighteenth century and will go on show next spring.\n\n"
        "Volunteers will keep diving at the site until the end of the month, weather permitting.\n\n"
        "Re-\nOpening hours are listed below.\n"
    )
    src = read_source(write(tmp_path, "scan.txt", text))
    texts = content_texts(src)
    assert broken in texts
    assert "wreck buried under silt." not in texts
    assert not src.wrapped  # one paragraph per line: its line breaks are the writer's
    # Only a letter, a hyphen, a line end and a lowercase letter is a broken word: a hyphen before
    # a capitalised line is left alone.
    assert "Opening hours are listed below." in texts
    from srccompare.segment import segment

    passages = segment(src)
    assert any(p.text == broken for p in passages)


# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, title",
    [
        ("Ministers agree quotas\nBody sentence one.\n", "Ministers agree quotas"),
        ("Is this the end of cheap flights?\nBody.\n", "Is this the end of cheap flights?"),
        (
            "U.S. officials said on Tuesday that they will meet their counterparts in Geneva this weekend to discuss tariffs. More text follows.\n",
            "U.S. officials said on Tuesday that they will meet their counterparts in Geneva this…",
        ),
        ("Short sentence as lead. Another one.\n", "Short sentence as lead."),
    ],
)
def test_titles(tmp_path: Path, text: str, title: str) -> None:
    src = read_source(write(tmp_path, "t.txt", text))
    assert src.title == title
    assert len(src.title) <= 90


def test_shorten_and_derive_title_fallback() -> None:
    assert shorten("a  b\nc") == "a b c"
    assert shorten("word " * 40).endswith("…") and len(shorten("word " * 40)) <= 90
    assert derive_title("", (), "fallback-id") == "fallback-id"


def test_seed_titles_and_words(seeds_dir: Path) -> None:
    titles = {p.stem: read_source(p).title for p in sorted(seeds_dir.glob("*.txt"))}
    assert titles["002_966dec5755faeaf9"] == "US and Chinese officials will meet to 'break the ice' in Geneva"
    assert all(0 < len(t) <= 90 for t in titles.values())
    src = read_source(seeds_dir / "000_0d3fd0463d218bc3.txt")
    assert src.id == "000_0d3fd0463d218bc3" and src.path == str(seeds_dir / "000_0d3fd0463d218bc3.txt")
    assert len(src.sha256) == 64 and src.encoding == "utf-8"
    assert src.words > 500


def test_html_date_only_when_the_page_declares_one(tmp_path: Path) -> None:
    body = "".join(f"<p>Sentence number {i} of an article about a port strike and its end.</p>" for i in range(8))
    page = f"<html><body><article><h1>Strike ends</h1>{body}</article><footer>&copy; 2025 Example. All rights reserved.</footer></body></html>"
    src = read_source(write(tmp_path, "p.html", page))
    assert src.meta.date is None  # not 2025-01-01 from the copyright line
    dated = page.replace("<h1>", '<time datetime="2024-05-03T10:00">3 May</time><h1>')
    assert read_source(write(tmp_path, "q.html", dated)).meta.date == "2024-05-03"


@pytest.mark.parametrize("name", ["saved_page.txt", "saved_page.md"])
def test_web_page_saved_as_text_is_read_as_html(name: str) -> None:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / name
        shutil.copy(INPUTS / "article_page.html", p)
        src = read_source(p)
    assert "<" not in src.text and "SHOULD_NOT_APPEAR" not in src.text
    assert src.title == "Dock workers end strike after pay deal"


def test_lxml_fallback_prefers_the_headline_to_the_title_tag() -> None:
    from srccompare.sources import _lxml_text

    text, meta = _lxml_text(
        "<html lang='pt-BR'><head><title>Greve termina | Jornal do Porto</title><style>x{}</style></head>"
        "<body><header>Jornal logo</header><h1>Greve termina</h1><div>Os estivadores voltaram<br>ao trabalho.</div>"
        "<script>var s='SCRIPT';</script><footer>Rodapé</footer></body></html>"
    )
    assert meta == SourceMeta(title="Greve termina", language="pt-BR")
    assert text == "Greve termina\nOs estivadores voltaram\nao trabalho."


@pytest.mark.parametrize(
    "title_tag, og_site, outlet",
    [
        ("Quake toll rises to 23 | Arequipa Today", None, "Arequipa Today"),
        ("Arequipa Today - Quake toll rises to 23", None, "Arequipa Today"),
        ("Quake toll rises to 23", None, None),  # never the headline itself
        ("Quake toll rises to 23 | Arequipa Today", "AT News", "AT News"),
    ],
)
def test_html_outlet(tmp_path: Path, title_tag: str, og_site: str | None, outlet: str | None) -> None:
    og = f'<meta property="og:site_name" content="{og_site}">' if og_site else ""
    body = "".join(f"<p>Rescue teams were digging through rubble in district number {i} on Tuesday.</p>" for i in range(6))
    page = f"<html><head><title>{title_tag}</title>{og}</head><body><article><h1>Quake toll rises to 23</h1>{body}</article></body></html>"
    src = read_source(write(tmp_path, "p.html", page))
    assert src.meta.outlet == outlet
    assert src.title == "Quake toll rises to 23"


def test_permission_error_message_without_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root reads any file, so the chmod test above is skipped there; simulate the refusal instead.
    p = write(tmp_path, "locked.txt", "Text.")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InputError, match=r"locked\.txt: cannot be read \(permission denied\); check its permissions$"):
        read_source(p)


CZECH = "Jednání v Ženevě budou pokračovat příští týden, řekl mluvčí ministerstva průmyslu."


def test_legacy_encoding_replaces_cp1252_for_8bit_files(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", CZECH.encode("cp1250"))
    assert read_source(p).text != CZECH  # few non-ASCII bytes: the default code page, cp1252, is wrong
    src = read_source(p, legacy_encoding="cp1250")
    assert (src.text, src.encoding) == (CZECH, "cp1250")
    # UTF-8 is still detected first: the legacy code page is only the last step.
    q = write(tmp_path, "b.txt", CZECH.encode("utf-8"))
    assert read_source(q, legacy_encoding="cp1250").encoding == "utf-8"


@pytest.mark.parametrize("suffix, body", [(".meta.json", '{"outlet": "Deník", "encoding": "cp1250"}'),
                                          (".meta.yaml", "outlet: Deník\ncharset: windows-1250\n")])
def test_sidecar_encoding_forces_the_files_encoding(tmp_path: Path, suffix: str, body: str) -> None:
    p = write(tmp_path, "a.txt", CZECH.encode("cp1250"))
    (tmp_path / f"a{suffix}").write_text(body, encoding="utf-8")
    src = read_source(p)
    assert (src.text, src.encoding, src.meta.outlet) == (CZECH, "cp1250", "Deník")


def test_sidecar_with_unknown_encoding_is_refused_naming_it(tmp_path: Path) -> None:
    p = write(tmp_path, "a.txt", CZECH.encode("cp1250"))
    (tmp_path / "a.meta.json").write_text('{"encoding": "klingon-8"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.meta\.json: unknown encoding 'klingon-8'"):
        read_source(p)


def test_a_wrapped_page_under_a_running_head_wider_than_its_column_is_hard_wrapped(tmp_path: Path) -> None:
    # The running head is spaced across the page, twice as wide as the column the text is wrapped
    # to; measured against it the text lines looked short, and every line became a passage.
    para = (
        "The river reached its highest level in thirty\n"
        "years on Friday, but new flood barriers kept\n"
        "water out of the town centre, officials said.\n"
        "Around two hundred homes were evacuated as a\n"
        "precaution on Thursday night, and schools will\n"
        "reopen on Monday if the water keeps falling.\n"
    )
    head = "RIVERSIDE GAZETTE                          Spring issue                          5\n\n"
    src = read_source(write(tmp_path, "page.txt", head + para))
    texts = content_texts(src)
    assert src.wrapped
    # Lines that end mid-sentence are joined; a line that ends a sentence may close a span.
    assert "The river reached its highest level in thirty" not in texts
    assert para[:para.index("said.") + 5] in texts
