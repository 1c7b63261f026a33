"""A seeded generator of hostile inputs for ``sayso ingest``, mixed with good articles, and the check of a run.

:func:`generate` writes a folder of files: good articles (our test articles, each
made unique by a numbered first sentence) as text files and JSONL lines, and
hostile documents of every kind a crawl, a disk or an attacker can give
(:data:`FILE_KINDS`, :data:`LINE_KINDS`): random bytes, control characters, NULs,
surrogates, RTL and zero-width marks, 1-character and 1 MB texts, legacy encodings
with and without a byte-order mark, quote-mark storms, sentences without
punctuation, deeply nested HTML, HTML bombs, entity expansion, lying charsets,
truncated, corrupted and oversized WARC files, decompression bombs, JSONL of
wrong types, huge lines, duplicate ids, BOM and CRLF, calendar-edge dates, odd
file names (bytes that are not UTF-8 among them), symbolic link loops, links to
devices, FIFOs, sockets and unreadable files. The same seed writes the same files.

Each document becomes a :class:`Case` saying what a run must make of it: a good
article (or good text with unusable metadata) must be **stored**; a broken one
must be **failed**, named in an error line with a code; of the rest (valid text
the pipeline may or may not take, a page trafilatura may or may not find an article
in) either is right, but not neither. :func:`check` holds a run to that. It is
used by ``tests/fuzz/test_hostile_cli.py`` (a few hundred documents, in ``make
test``) and by ``bench/fuzz.py`` (10,000 and more).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import re
import socket
import sqlite3
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sayso.ingest.document import escaped
from sayso.ingest.identity import article_id

STORED, FAILED, EITHER = "stored", "failed", "either"
_ERROR_LINE = re.compile(r"^sayso: \[E\d{3}\] ")
_MARKS = "\u202e\u202d\u200f\u200e\u200b\u200c\u200d\u2060\ufeff\u061c"
_QUOTES = "\"'“”‘’«»„‚‹›「」"
_WORDS = "the mayor said council would ferry fares rise harbor fuel costs bridge reopen march spokesman".split()


@dataclass
class Case:
    """One document of the folder: its origin as sayso names it, what a run must make of it, and
    when known the text whose article id the store then holds (a text met twice is stored once)."""

    origin: str
    kind: str
    expect: str
    text: str | None = None


@dataclass
class Folder:
    """What :func:`generate` wrote: where, and every case in it."""

    path: Path
    cases: list[Case] = field(default_factory=list)

    def file(self, name: str | bytes, data: bytes, kind: str, expect: str, text: str | None = None) -> Path:
        path = self._path(name)
        path.write_bytes(data)
        self.cases.append(Case(self.origin(path), kind, expect, text))
        return path

    def special(self, name: str, make: Callable[[Path], None], kind: str, expect: str) -> None:
        path = self._path(name)
        make(path)
        self.cases.append(Case(self.origin(path), kind, expect))

    def origin(self, path: Path) -> str:
        return escaped(str(path))

    def _path(self, name: str | bytes) -> Path:
        prefix = f"{len(self.cases):06d}-"
        if isinstance(name, bytes):
            return Path(os.fsdecode(os.fsencode(self.path) + b"/" + prefix.encode() + name))
        return self.path / (prefix + name)


@dataclass
class Verdict:
    """How a run measured up: each list holds the cases that broke a promise."""

    lost: list[Case]  # stored expected, not in the store
    unnamed: list[Case]  # failed (or either) expected, neither stored nor named in an error line with a code
    tracebacks: int
    error_lines: int

    @property
    def ok(self) -> bool:
        return not self.lost and not self.unnamed and not self.tracebacks


def generate(folder: Path, hostile: int, seed: int, good_texts: list[str], big: bool = False) -> Folder:
    """Write ``hostile`` hostile documents and about one good article for every ten into ``folder``.

    ``big`` adds :data:`BIG_COUNT` each of the 1 MB texts and the 200 MB bombs, which take
    a minute or more each: for ``bench/fuzz.py``, not for ``make test``.
    """
    rng = random.Random(seed)
    out = Folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    goods = _Goods(good_texts)
    # The 1 MB texts and the largest bomb take the pipeline a minute or more each: a few of each, spread out.
    rare = [kind for kind in _BIG for _ in range(BIG_COUNT)] if big else []
    made = 0
    while made < hostile:
        if rare and rng.random() < len(rare) / (hostile - made):
            rare.pop()(out, rng, goods)
            made += 1
        elif rng.random() < 0.04:  # a JSONL file of hostile and good lines: about 40 % of the documents
            lines = [_line(rng, goods) for _ in range(rng.randint(5, 40))]
            made += _jsonl(out, rng, lines)
        else:
            write = rng.choices([w for w, _ in FILE_KINDS], [n for _, n in FILE_KINDS])[0]
            write(out, rng, goods)
            made += 1
        if rng.random() < 0.1:
            text = goods.next()
            out.file(f"good-{goods.count}.txt", text.encode(), "good", STORED, text)
    return out


def check(cases: list[Case], stderr: str, db: Path) -> Verdict:
    """Hold a run (its stderr and the SQLite store it wrote) to what each case expects."""
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM articles")}
        stored = {row[0] for row in conn.execute("SELECT origin FROM articles")}
    named: set[str] = set()
    lines = [line for line in stderr.splitlines() if _ERROR_LINE.match(line)]
    for line in lines:
        reason = line.split("] ", 1)[1]
        named.update(reason[:i] for i in _finds(reason, ": "))
    within = {origin.rsplit(sep, 1)[0] for origin in stored | named for sep in ("@", ":") if sep in origin}
    lost, unnamed = [], []
    for case in cases:
        kept = case.text is not None and article_id(case.text) in ids  # stored, or the same text was
        if case.expect == STORED and not kept:
            lost.append(case)
        elif case.expect != STORED and not kept and not {case.origin} & (stored | named | within):
            unnamed.append(case)
    return Verdict(lost, unnamed, stderr.count("Traceback (most recent call last)"), len(lines))


def _finds(text: str, sub: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(sub), text)]


class _Goods:
    """Our test articles, each use made a new article by a numbered first sentence."""

    def __init__(self, texts: list[str]) -> None:
        self.texts, self.count = texts, 0

    def next(self) -> str:
        self.count += 1
        return f"Report {self.count} was filed on Monday.\n\n{self.texts[self.count % len(self.texts)]}"


def _sentence(rng: random.Random, words: int = 12) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def _text(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _sprinkle(rng: random.Random, text: str, alphabet: str, count: int) -> str:
    chars = list(text)
    for _ in range(count):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(alphabet))
    return "".join(chars)


# Files of one document each.

def _random_bytes(out: Folder, rng: random.Random, goods: _Goods) -> None:
    data = rng.randbytes(rng.randint(1, 4000))
    if rng.random() < 0.5:
        out.file("random.txt", data + b"\x00", "random bytes", FAILED)  # E002
    else:
        out.file("random.txt", b"\xff" + data, "random bytes", FAILED)  # E002 or E003


def _controls(out: Folder, rng: random.Random, goods: _Goods) -> None:
    controls = "".join(map(chr, [*range(1, 9), 11, 12, *range(14, 32), 127, 0x85]))
    text = _sprinkle(rng, _text(rng), controls, 30)
    out.file("controls.txt", text.encode(), "control characters", EITHER, text)


def _nul(out: Folder, rng: random.Random, goods: _Goods) -> None:
    out.file("nul.txt", _sprinkle(rng, goods.next(), "\x00", 3).encode(), "NUL bytes", FAILED)


def _surrogate_bytes(out: Folder, rng: random.Random, goods: _Goods) -> None:
    data = goods.next().encode()
    cut = rng.randrange(len(data))
    out.file("surrogate.txt", data[:cut] + b"\xed\xa0\x80" + data[cut:], "encoded surrogate", FAILED)  # E003


def _marks(out: Folder, rng: random.Random, goods: _Goods) -> None:
    text = _sprinkle(rng, _text(rng), _MARKS, 40)
    out.file("marks.txt", text.encode(), "RTL and zero-width marks", EITHER, text)


def _one_char(out: Folder, rng: random.Random, goods: _Goods) -> None:
    char = rng.choice(["a", "”", "\u202e", "9", " ", "\n", "\ufeff"])
    out.file("one.txt", char.encode(), "1-character text", FAILED if not char.strip() else EITHER, char)


def _megabyte(out: Folder, rng: random.Random, goods: _Goods) -> None:
    text = (goods.next() + "\n\n") * 1200
    out.file("megabyte.txt", text[:999_000].encode(), "1 MB text", EITHER)


def _too_long(out: Folder, rng: random.Random, goods: _Goods) -> None:
    out.file("toolong.txt", b"a" * 1_000_001 if rng.random() < 0.5 else b"said " * 900_000, "over 1 MB", FAILED)


def _legacy(out: Folder, rng: random.Random, goods: _Goods) -> None:
    encoding, text = rng.choice([
        ("cp1252", "“Ça suffit,” said the mayor of Évry, according to Le Monde."),
        ("latin-1", "The café owner in Málaga said the fiesta would go ahead."),
        ("koi8-r", "Мэр сказал, что паром снова будет ходить."),
        ("shift_jis", "市長はフェリーが月曜日に再開すると述べた。"),
        ("cp1251", "Прем'єр сказав, що міст відкриють у березні."),
    ])
    out.file(f"{encoding}.txt", text.encode(encoding), "legacy encoding", FAILED)  # E003


def _bom(out: Folder, rng: random.Random, goods: _Goods) -> None:
    text = goods.next()
    codec, bom = rng.choice([("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE),
                             ("utf-16-be", codecs.BOM_UTF16_BE)])
    if codec == "utf-8":
        out.file("bom.txt", bom + text.encode(codec), "UTF-8 with BOM", STORED, text)
    else:
        out.file("bom.txt", bom + text.encode(codec), "UTF-16 with BOM", FAILED)  # NULs: E002


def _quote_storm(out: Folder, rng: random.Random, goods: _Goods) -> None:
    storm = "".join(rng.choice(_QUOTES) for _ in range(rng.choice([100, 1000, 10_000])))
    text = f"{storm} {_sentence(rng)} said the mayor. {storm}" if rng.random() < 0.5 else _sprinkle(
        rng, _text(rng, 8), _QUOTES, 2000)
    out.file("quotes.txt", text.encode(), "quote-mark storm", EITHER, text)


def _no_punctuation(out: Folder, rng: random.Random, goods: _Goods) -> None:
    text = " ".join(rng.choice(_WORDS) for _ in range(rng.choice([50, 500, 5000])))
    out.file("nopunct.txt", text.encode(), "sentences without punctuation", EITHER, text)


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _nested_html(out: Folder, rng: random.Random, goods: _Goods) -> None:
    depth = rng.choice([100, 1000, 10_000])
    tag = rng.choice(["div", "span", "b", "table"])
    body = f"<{tag}>" * depth + f"<p>{_text(rng)}</p>" + f"</{tag}>" * depth
    out.file("nested.html", _page(body).encode(), "deeply nested HTML", EITHER)


def _html_bomb(out: Folder, rng: random.Random, goods: _Goods) -> None:
    body = "<p>" + "<i>x</i>" * 60_000 + _text(rng) + "</p>"
    out.file("bomb.html", _page(body).encode(), "HTML bomb (60,000 elements)", FAILED)  # E015


def _entities(out: Folder, rng: random.Random, goods: _Goods) -> None:
    laughs = "".join(f'<!ENTITY l{i} "{"&l%d;" % (i - 1) * 10 if i else "lol"}">' for i in range(10))
    doctype = f"<!DOCTYPE html [{laughs}]>" if rng.random() < 0.5 else ""
    body = f"<p>&l9; {_text(rng)} " + "&amp;&lt;&#x1F600;&#0;&#xD800;&nosuch;" * rng.choice([10, 10_000]) + "</p>"
    out.file("entities.html", (doctype + _page(body)).encode(), "entity expansion", EITHER)


def _lying_charset(out: Folder, rng: random.Random, goods: _Goods) -> None:
    declared = rng.choice(["utf-16", "shift_jis", "x-no-such-charset", "base64", "utf-8", "iso-2022-jp"])
    actual = rng.choice(["cp1252", "utf-8", "koi8-r"])
    text = "The café owner in Málaga said the fiesta would go ahead, “despite the rain.”"
    body = f'<meta charset="{declared}"><article><p>{text}</p><p>{_text(rng)}</p></article>'
    out.file("charset.html", _page(body).encode(actual, errors="replace"), "lying meta charset", EITHER)


def _html_legacy(out: Folder, rng: random.Random, goods: _Goods) -> None:
    text = f"<article><p>“Ça suffit,” said the mayor of Évry.</p><p>{_text(rng)}</p></article>"
    data = _page(text).encode(rng.choice(["cp1252", "latin-1", "utf-16"]), errors="replace")
    out.file("legacy.html", (codecs.BOM_UTF8 if rng.random() < 0.3 else b"") + data, "legacy HTML", EITHER)


def _warc_bytes(pages: list[tuple[bytes, list[tuple[str, str]]]], compress: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for payload, headers in pages:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), *headers], protocol="HTTP/1.1")
        record = writer.create_warc_record("https://example.org/news", "response", payload=io.BytesIO(payload),
                                           http_headers=http, warc_headers_dict={"WARC-Date": "2022-12-27T18:05:00Z"})
        writer.write_record(record)
    return buffer.getvalue()


def _warc(out: Folder, rng: random.Random, goods: _Goods) -> None:
    compress = rng.random() < 0.5
    page = _page(f"<article><p>{goods.next()}</p></article>").encode()
    data = _warc_bytes([(page, []), (page.replace(b"Report", b"Memo"), [])], compress)
    damage = rng.choice(["truncated", "corrupted", "garbage", "date"])
    if damage == "truncated":
        data = data[: rng.randrange(1, len(data))]
    elif damage == "corrupted":
        at = rng.randrange(len(data))
        data = data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at + 64:]
    elif damage == "garbage":
        data = rng.randbytes(rng.randint(1, 5000))
    else:
        data = data.replace(b"2022-12-27T18:05:00Z", b"0001-01-01T00:00:00+14:00")
    out.file("crawl.warc.gz" if compress else "crawl.warc", data, f"{damage} WARC", EITHER)


def _warc_bomb(out: Folder, rng: random.Random, goods: _Goods, size: int = 20_000_000) -> None:
    """An HTTP gzip body that decompresses to ``size`` bytes, or a record larger than a document may be."""
    shape = rng.choice(["http gzip", "oversized record", "endless line"])
    if shape == "endless line":  # the whole file one gzip member of NULs, no line end
        data = gzip.compress(b"\x00" * size, compresslevel=1)
    else:
        payload = (gzip.compress(b"<p>" + b"\x20" * size, compresslevel=1) if shape == "http gzip"
                   else b"<p>" + b"said " * (size // 5))
        headers = [("Content-Encoding", "gzip")] if shape == "http gzip" else []
        data = _warc_bytes([(payload, headers)], compress=True)
    out.file("bomb.warc.gz", data, f"decompression bomb WARC ({shape})", EITHER)


def _big_warc_bomb(out: Folder, rng: random.Random, goods: _Goods) -> None:
    _warc_bomb(out, rng, goods, size=200_000_000)


def _odd_name(out: Folder, rng: random.Random, goods: _Goods) -> None:
    name = rng.choice([
        b"caf\xe9.txt", b"\xff\xfe.txt", b"new\nline.txt", b"tab\tand\rcr.txt", "\u202etxt.exe.txt".encode(),
        b" spaced out .txt", b"-dash.txt", b"[glob]*?.txt", b"back\\slash.txt", b"x" * 240 + b".txt",
        "emoji-\U0001f600.txt".encode(), b"\x1b[31mred.txt", b"UPPER.TXT",
    ])
    text = goods.next()
    out.file(name, text.encode(), "odd file name", STORED, text)


def _loop(out: Folder, rng: random.Random, goods: _Goods) -> None:
    if rng.random() < 0.5:
        out.special("loop.txt", lambda p: os.symlink(p.name, p), "symbolic link loop", FAILED)
    else:
        other = out.path / f"{len(out.cases):06d}-ring"
        out.special("ring.txt", lambda p: (os.symlink(other.name, p), os.symlink(p.name, other)), "link ring", FAILED)


def _device(out: Folder, rng: random.Random, goods: _Goods) -> None:
    target = rng.choice(["/dev/zero", "/dev/urandom", "/dev/null"])
    out.special("device.txt", lambda p: os.symlink(target, p), f"link to {target}", FAILED)


def _fifo(out: Folder, rng: random.Random, goods: _Goods) -> None:
    out.special("fifo.jsonl" if rng.random() < 0.5 else "fifo.txt", os.mkfifo, "FIFO", FAILED)


def _socket(out: Folder, rng: random.Random, goods: _Goods) -> None:
    def make(path: Path) -> None:
        short = Path(tempfile.mkdtemp()) / "s"
        with socket.socket(socket.AF_UNIX) as s:
            s.bind(str(short))
        os.rename(short, path)
        os.rmdir(short.parent)

    out.special("socket.html", make, "socket", FAILED)


def _unreadable(out: Folder, rng: random.Random, goods: _Goods) -> None:
    path = out.file("unreadable.txt", goods.next().encode(), "unreadable file", EITHER)  # root reads it anyway
    path.chmod(0)


def _dangling(out: Folder, rng: random.Random, goods: _Goods) -> None:
    out.special("dangling.txt", lambda p: os.symlink("no-such-file.txt", p), "dangling link", FAILED)


def _empty(out: Folder, rng: random.Random, goods: _Goods) -> None:
    out.file(rng.choice(["empty.txt", "empty.jsonl", "empty.html", "empty.warc"]), b"", "empty file", FAILED)


# Each writer of one-file documents, with how often it is chosen.
FILE_KINDS: list[tuple[Callable[[Folder, random.Random, _Goods], None], int]] = [
    (_random_bytes, 6), (_controls, 3), (_nul, 2), (_surrogate_bytes, 2), (_marks, 3), (_one_char, 3),
    (_too_long, 1), (_legacy, 4), (_bom, 3), (_quote_storm, 3), (_no_punctuation, 2),
    (_nested_html, 2), (_html_bomb, 1), (_entities, 2), (_lying_charset, 3), (_html_legacy, 2), (_warc, 3),
    (_warc_bomb, 1), (_odd_name, 4), (_loop, 1), (_device, 1), (_fifo, 1), (_socket, 1),
    (_unreadable, 1), (_dangling, 1), (_empty, 1),
]
_BIG = (_megabyte, _big_warc_bomb)  # written only when asked, BIG_COUNT times each
BIG_COUNT = 3


# JSONL lines: (bytes of the line, kind, expectation, text that must be stored).

Line = tuple[bytes, str, str, str | None]


def _record(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def _line(rng: random.Random, goods: _Goods) -> Line:
    """A hostile line (or, one time in five, a good article)."""
    if rng.random() < 0.2:
        text = goods.next()
        return _record(id=f"good-{goods.count}", text=text), "good", STORED, text
    kind = rng.choice(_LINE_KINDS)
    return kind(rng, goods)


def _wrong_types(rng: random.Random, goods: _Goods) -> Line:
    value = rng.choice([42, 1.5, True, None, [], ["a"], {"a": 1}])
    if rng.random() < 0.5:
        return _record(id="wrong", text=value), "text of a wrong type", FAILED, None
    if value is None or rng.random() < 0.3:
        return json.dumps(rng.choice([[1, 2], "text", 7, None, True])).encode(), "not an object", FAILED, None
    return _record(id=value, text=goods.next()), "id of a wrong type", FAILED, None


def _bad_metadata(rng: random.Random, goods: _Goods) -> Line:
    text = goods.next()
    junk = rng.choice([42, [], {"a": 1}, True, "", "   ", "\ud800", "\x00", "x" * 100_000, ["\ud800", 7, None]])
    key = rng.choice(["title", "url", "outlet", "author", "authors", "date", "published", "publisher"])
    line = json.dumps({"id": f"meta-{goods.count}", "text": text, key: junk}).encode()
    return line, f"{key} of a wrong type", STORED, text


def _edge_date(rng: random.Random, goods: _Goods) -> Line:
    text = goods.next()
    date = rng.choice([
        "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "0001-01-01", "9999-12-31", "1599-12-31T23:59:59Z",
        "2016-02-30", "2016-13-01", "24:00", "2016-09-12T25:61:61", "-0001-01-01", "+10000-01-01", "1e400",
        "2016-09-12T08:00:00+99:00", "2016-09-12T08:00:00.123456789+14:00",
    ])
    return _record(id=f"date-{goods.count}", text=text, date=date), "calendar-edge date", STORED, text


def _surrogate_id(rng: random.Random, goods: _Goods) -> Line:
    text = goods.next()
    ident = rng.choice(["a\ud800b", "\udce9", "\udfff\ud800", "ok\x00\x1b[2J", "\u202eevil", ""])
    return _record(id=ident, text=text), "surrogate or control id", STORED, text


def _surrogate_text(rng: random.Random, goods: _Goods) -> Line:
    text = _sprinkle(rng, goods.next(), rng.choice(["\ud800", "\udc80", "\udfff", "\x00"]), 1)
    return _record(id="bad-text", text=text), "surrogate or NUL in text", FAILED, None


def _duplicate_id(rng: random.Random, goods: _Goods) -> Line:
    text = goods.next()
    return _record(id="same-id", text=text), "duplicate id", STORED, text


def _huge_line(rng: random.Random, goods: _Goods) -> Line:
    size = rng.choice([1_000_001, 1_000_001, 1_000_001, 4_500_000])  # too long a text; too long a line
    return _record(id="huge", text="a" * size), "huge line", FAILED, None


def _deep(rng: random.Random, goods: _Goods) -> Line:
    depth = rng.choice([1000, 100_000])
    data = rng.choice([b"[" * depth + b"]" * depth, b'{"a":' * depth + b"1" + b"}" * depth])
    return data, "deeply nested JSON", FAILED, None


def _broken_json(rng: random.Random, goods: _Goods) -> Line:
    line = rng.choice([b'{"text": "unterminated', b"{'text': 'single quotes'}", b'{"text": "caf\xe9"}', b"\xff\xfe{}",
                       b'{"text": NaN}', b'{"text": "a"} trailing', b'{"text": "' + b"9" * 5000 + b'}'])
    return line, "broken JSON", FAILED, None


def _empty_text(rng: random.Random, goods: _Goods) -> Line:
    return _record(id="blank", text=rng.choice(["", " ", "\n\t", "\u3000"])), "empty text", FAILED, None


_LINE_KINDS = [_wrong_types, _bad_metadata, _edge_date, _surrogate_id, _surrogate_text, _duplicate_id, _huge_line,
               _deep, _broken_json, _empty_text, _bad_metadata, _edge_date]


def _jsonl(out: Folder, rng: random.Random, lines: list[Line]) -> int:
    """Write one JSONL file of ``lines`` (with a BOM, CRLF ends, blank lines, at random); the hostile lines written."""
    bom, end = rng.random() < 0.2, b"\r\n" if rng.random() < 0.3 else b"\n"
    path = out._path("lines.jsonl")
    origin = out.origin(path)
    number, hostile, data = 0, 0, bytearray(codecs.BOM_UTF8 if bom else b"")
    for line, kind, expect, text in lines:
        if rng.random() < 0.05:
            data += end  # a blank line: no document, but it counts in the line numbers
            number += 1
        number += 1
        data += line + end
        out.cases.append(Case(f"{origin}:{number}", kind, expect, text))
        hostile += kind != "good"
    path.write_bytes(bytes(data))
    return hostile
