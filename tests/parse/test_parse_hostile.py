"""A hostile corpus (issue 13): every input reaches exactly one of articles / parse_errors / duplicates,
with the right reason; article fields are sane; two runs give identical tables."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from helpers import parse
from helpers.core import schemas

BODY = "Officials in the regional capital said on Monday that the repaired bridge would reopen in spring."


def _tagged(title="A title", body=BODY, extra=""):
    return f"<TITLE>{title}</TITLE>\n{extra}<CONTENT>\n{body}\n</CONTENT>\n"


def build(root: Path) -> dict[tuple[str, int | None], tuple[str, str | None]]:
    """Write the corpus; return the expected outcome of every input: (file, row) -> (table, reason)."""
    exp: dict[tuple[str, int | None], tuple[str, str | None]] = {}

    def put(name, data, table="articles", reason=None):
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        exp[(name, None)] = (table, reason)

    put("empty.txt", b"", "parse_errors", "empty")
    put("blank.txt", b"  \n\t\n", "parse_errors", "empty")
    put("binary.txt", b"\x00\x01\x02PNG" * 50, "parse_errors", "binary")
    put("image.png", b"\x89PNG\r\n", "parse_errors", "unsupported_format")
    put("no_extension", BODY + " Unique 1.", "parse_errors", "unsupported_format")
    put("utf16.txt", codecs.BOM_UTF16_LE + (BODY + " Unique 2.").encode("utf-16-le"))
    put("cp1252.txt", ("Caf\xe9 owners in the old town said the \u201cnew\u201d fees of \u20ac5 were "
                       "unfair, a na\xefve r\xe9sum\xe9 of the d\xe9j\xe0 vu.").encode("cp1252"))
    put("crlf.txt", f"First paragraph, unique 3.\r\n\r\n{BODY}\r\n")
    put("cr.txt", f"First paragraph, unique 4.\r{BODY}\r")
    put("huge.txt", ("A long paragraph about repairs, number %d.\n" * 60000) % tuple(range(60000)))
    put("misnested.txt", "<TITLE>Misnested title <AUTHOR>Jane Roe</TITLE></AUTHOR>\n"
                         f"<CONTENT>\n{BODY} Unique 5.\n</CONTENT>\n")
    put("two_content.txt", f"<TITLE>Two blocks</TITLE>\n<CONTENT>\nFirst block, unique 6.\n</CONTENT>\n"
                           f"<CONTENT>\nSecond block, unique 6.\n</CONTENT>\n")
    put("no_content.txt", "<TITLE>Only a title</TITLE>\n<URL>https://example.org/x</URL>\n",
        "parse_errors", "no_content")
    for i, bad in enumerate(("Wednesday", "October", "12", "next week", "9999-99-99")):
        put(f"bad_date_{i}.txt", _tagged(body=f"{BODY} Bad date {i}.", extra=f"<PUBLISHED_DATE>{bad}</PUBLISHED_DATE>\n"))
    put("nav_only.html", "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> | "
                         "<a href='/news'>News</a></nav><footer>\u00a9 2024 Example Media</footer></body></html>",
        "parse_errors", "no_content")
    put("footer.html", "<html><head><title>Bridge</title></head><body><nav>Home | News</nav><article><p>"
                       + f"{BODY} Unique 7. " * 4 + "</p></article><footer>\u00a9 2024 Example Media</footer></body></html>")
    put("inject.txt", f"<img src=x onerror=\"alert(1)\"> Officials in the port city said {BODY}\n\n"
                      "<script>var x = 1;</script> =cmd|' /C calc'!A0 {{7*7}} ${{jndi:ldap://x}}")
    put("dup_of_crlf.txt", f"First paragraph, unique 3.\n\n{BODY}\n", "duplicates")
    put("weird name ;rm -rf $(x).txt", BODY + " Unique 8.")
    put("ünïcode—名前.txt", BODY + " Unique 9.")
    put("-leading-dash.txt", BODY + " Unique 10.")
    put("sub/deeper/nested.txt", BODY + " Unique 11.", "duplicates")  # link_to_file.txt sorts first
    put("README.md", "documentation, skipped")
    put(".hidden.txt", BODY + " hidden")
    del exp[("README.md", None)], exp[(".hidden.txt", None)]
    put("unreadable.txt", BODY + " Unique 12.", "parse_errors", "read_error")

    # CSV: an unbalanced quote in row 2, a short row 4, an empty text in row 6, a javascript: URL in row 7
    csv_text = ("title,text,url\r\n"
                "Row one,Body of row one is here.,https://www.example.org/a\r\n"
                "\"Row two,Body of row two never closes its quote.,https://example.org/b\r\n"
                "Row three,Body of row three is here.,https://example.org/c\r\n"
                "Row four only two fields,x\r\n"
                "Row five,\"A quoted body\nover two lines.\",https://example.org/e\r\n"
                "Row six,,https://example.org/f\r\n"
                "Row seven,Body of row seven is here.,javascript:alert(1)\r\n")
    (root / "export.csv").write_text(csv_text, encoding="utf-8", newline="")
    for row, outcome in {1: ("articles", None), 2: ("parse_errors", "malformed_row"), 3: ("articles", None),
                         4: ("parse_errors", "malformed_row"), 5: ("articles", None),
                         6: ("parse_errors", "no_content"), 7: ("articles", None)}.items():
        exp[("export.csv", row)] = outcome
    put("header_only.csv", "title,text\n", "parse_errors", "empty")

    # JSONL: U+2028 and U+0085 inside a string, a broken line, a non-object, CRLF ends
    jl = ['{"title": "J1", "text": "Line one has a separator \u2028 inside it."}',
          '{"title": "J2", "text": "Line two has a next-line \u0085 character."}',
          '{"title": "J3", "text": ',
          '[1, 2, 3]',
          '',
          '{"title": "J6", "text": "Line six is fine."}']
    (root / "feed.jsonl").write_bytes("\r\n".join(jl).encode("utf-8"))
    for line, outcome in {1: ("articles", None), 2: ("articles", None), 3: ("parse_errors", "malformed_row"),
                          4: ("parse_errors", "malformed_row"), 6: ("articles", None)}.items():
        exp[("feed.jsonl", line)] = outcome

    # links: to a file (a duplicate), a linked folder (its file a duplicate), a loop, a dangling link,
    # a folder link to an ancestor, and a FIFO
    os.symlink("sub/deeper/nested.txt", root / "link_to_file.txt")
    exp[("link_to_file.txt", None)] = ("articles", None)
    os.symlink("sub", root / "linked_dir")
    exp[("linked_dir/deeper/nested.txt", None)] = ("duplicates", None)
    os.symlink("self_loop.txt", root / "self_loop.txt")
    exp[("self_loop.txt", None)] = ("parse_errors", "symlink_loop")
    os.symlink("missing.txt", root / "dangling.txt")
    exp[("dangling.txt", None)] = ("parse_errors", "broken_link")
    os.symlink("..", root / "sub" / "up")
    exp[("sub/up", None)] = ("parse_errors", "symlink_loop")
    exp[("linked_dir/up", None)] = ("parse_errors", "symlink_loop")  # the same loop, reached via linked_dir
    os.mkfifo(root / "pipe.txt")
    exp[("pipe.txt", None)] = ("parse_errors", "read_error")
    return exp


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    expected = build(raw)
    unreadable = raw / "unreadable.txt"
    if os.geteuid() == 0:  # root reads everything: simulate the permission error
        real = Path.read_bytes

        def read_bytes(self):
            if self.name == unreadable.name:
                raise PermissionError(13, "Permission denied")
            return real(self)
        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    else:
        unreadable.chmod(0)
    return raw, expected


def _outcomes(result) -> dict[tuple[str, int | None], tuple[str, str | None]]:
    got: dict = {}
    for table in ("articles", "parse_errors", "duplicates"):
        for rec in result[table].to_dict("records"):
            row = rec["source_row"]
            key = (rec["source_file"], None if pd.isna(row) else int(row))
            assert key not in got, f"{key} reached two tables: {got[key]} and {table}"
            got[key] = (table, rec.get("reason"))
    return got


def test_every_input_reaches_exactly_one_table_with_its_reason(hostile):
    raw, expected = hostile
    result = parse.run(raw)
    got = _outcomes(result)
    assert got == expected
    assert result.extra["n_inputs"] == len(expected) == sum(len(result[t]) for t in parse.STAGES[0].writes)
    for name in parse.STAGES[0].writes:
        schemas.validate(result[name], name)
    errors = result["parse_errors"].set_index(["source_file", "source_row"])
    # the unbalanced quote is one fault on its own line; reading resumes at line 4 with row 3
    assert errors.loc[("export.csv", 2), "detail"] == "row 2 (line 3): 1 fields, header has 3"
    assert errors.loc[("export.csv", 4), "detail"] == "row 4 (line 5): 2 fields, header has 3"


def test_article_fields_are_sane(hostile):
    raw, _ = hostile
    arts = parse.run(raw)["articles"]
    tag = re.compile(r"</?[A-Za-z][^<>]*>")
    for a in arts.to_dict("records"):
        assert a["text"] and "\r" not in a["text"] and a["text"] == a["text"].strip()
        assert hashlib.sha256(a["text"].encode()).hexdigest() == a["content_sha256"]
        assert a["article_id"] == a["content_sha256"][:16] and a["n_words"] == len(a["text"].split())
        for field in ("title", "author", "outlet", "url", "summary", "text"):
            assert not (isinstance(a[field], str) and tag.search(a[field])), (a["source_file"], field, a[field])
    by = arts.set_index(arts.source_file + arts.source_row.astype("string").fillna(""))
    assert by.loc["utf16.txt", "encoding"] == "utf-16"
    assert by.loc["cp1252.txt", "encoding"] == "cp1252" and "Caf\xe9" in by.loc["cp1252.txt", "text"]
    assert by.loc["cr.txt", "text"] == f"First paragraph, unique 4.\n\n{BODY}"
    assert by.loc["huge.txt", "n_words"] == 60000 * 7
    assert (by.loc["misnested.txt", "title"], by.loc["misnested.txt", "author"]) == ("Misnested title", "Jane Roe")
    assert by.loc["two_content.txt", "text"] == "First block, unique 6.\n\nSecond block, unique 6."
    assert by.filter(like="bad_date_", axis=0).published.isna().all()
    assert pd.isna(by.loc["footer.html", "published"]) and "2024" not in by.loc["footer.html", "text"]
    assert "onerror" not in by.loc["inject.txt", "text"] and "<" not in by.loc["inject.txt", "text"]
    assert by.loc["export.csv1", "outlet"] == "Example"
    assert pd.isna(by.loc["export.csv7", "outlet"])
    assert by.loc["export.csv5", "text"] == "A quoted body\n\nover two lines."
    assert "\u2028" in by.loc["feed.jsonl1", "text"] or by.loc["feed.jsonl1", "text"].count("separator") == 1


def test_two_runs_give_identical_tables(hostile):
    raw, _ = hostile
    one, two = parse.run(raw), parse.run(raw)
    for name in parse.STAGES[0].writes:
        pd.testing.assert_frame_equal(one[name], two[name])


def test_hash_inputs_never_raises(hostile):
    raw, expected = hostile
    hashes, errors = parse.hash_inputs(raw)
    files = {f for f, _ in expected}
    assert set(hashes) | set(errors) == files and not set(hashes) & set(errors)
    assert errors["self_loop.txt"][0] == "symlink_loop" and errors["dangling.txt"][0] == "broken_link"
    assert errors["unreadable.txt"][0] == "read_error" and errors["pipe.txt"][0] == "read_error"
    assert hashes["crlf.txt"] == hashlib.sha256((raw / "crlf.txt").read_bytes()).hexdigest()
