"""Articles are plain files inside the log's articles/ folder: a log cannot make tracker read
anything else, wait on a FIFO, or fill memory, and every refusal is one clear problem."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import orjson
import pytest
from builders import lunch
from commands import run
from deadline import deadline
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker._articles import (
    ARTICLE_LIMIT,
    NAME_LIMIT,
    ArticleError,
    article_name_problem,
    not_regular,
    read_article,
)
from tracker.tui._story import load_story

SECRET = "the launch codes are 0000"
NOWHERE = "a sentence written nowhere"


def _log(folder: Path, *articles: str, quotes: tuple[str, ...] = (SECRET, NOWHERE)) -> Path:
    """A log of one entry whose sources cite ``articles``, written as JSON so that any name
    can be spelled, with an articles/ folder beside it (empty, unless one is there).

    By default each source quotes the secret and a sentence written nowhere: were an article
    searched, the second would be reported as not found in it.
    """
    data = tracker.encode_entry(lunch())
    source = data["sources"][0]
    data["sources"] = [{**source, "article": name, "quotes": list(quotes)} for name in articles]
    if not os.path.lexists(folder / "articles"):
        (folder / "articles").mkdir()
    path = folder / "log.jsonl"
    path.write_bytes(orjson.dumps(data) + b"\n")
    return path


def _told(path: Path) -> list[tuple[int | None, str | None, str]]:
    return [(p.line, p.field, p.message) for p in tracker.check_log(path)]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the log's folder that holds a sentence a hostile log quotes."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    path = elsewhere / "secret.txt"
    path.write_text(f"{SECRET}\n")
    return path


@pytest.mark.parametrize(
    "name",
    ["../elsewhere/secret.txt", "../../../../etc/passwd", "/etc/passwd", "/proc/self/environ"],
)
def test_a_path_for_an_article_is_refused_and_its_file_never_searched(
    tmp_path: Path, secret: Path, name: str
) -> None:
    told = _told(_log(tmp_path, name))
    assert told == [(1, "sources[0].article", "not a plain file name: it holds a path separator")]


def test_a_symbolic_link_out_of_the_folder_is_refused(tmp_path: Path, secret: Path) -> None:
    path = _log(tmp_path, "link.txt")
    (tmp_path / "articles" / "link.txt").symlink_to(secret)
    assert _told(path) == [(1, "sources[0].article", "not a regular file but a symbolic link")]
    with pytest.raises(ArticleError, match="symbolic link"):
        read_article(tmp_path / "articles", "link.txt")


def test_a_symbolic_link_inside_the_folder_is_refused_too(tmp_path: Path) -> None:
    path = _log(tmp_path, "link.txt")
    (tmp_path / "articles" / "real.txt").write_text(f"{SECRET}\n")
    (tmp_path / "articles" / "link.txt").symlink_to("real.txt")
    assert [field for _, field, _ in _told(path)] == ["sources[0].article"]


def test_a_symbolic_link_to_a_device_or_a_proc_file_is_refused(tmp_path: Path) -> None:
    path = _log(tmp_path, "zero.txt", "environ.txt")
    (tmp_path / "articles" / "zero.txt").symlink_to("/dev/zero")
    (tmp_path / "articles" / "environ.txt").symlink_to("/proc/self/environ")
    assert _told(path) == [
        (1, f"sources[{index}].article", "not a regular file but a symbolic link")
        for index in (0, 1)
    ]


@pytest.mark.parametrize("target", ["elsewhere", "/proc/self"])
def test_a_symbolically_linked_articles_folder_is_refused(
    tmp_path: Path, secret: Path, target: str
) -> None:
    (tmp_path / "articles").symlink_to(secret.parent if target == "elsewhere" else target)
    path = _log(tmp_path, "secret.txt" if target == "elsewhere" else "environ")
    [(line, field, message)] = _told(path)
    assert (line, field) == (1, "sources[0].article")
    assert message == (
        f"{tmp_path / 'articles'} is a symbolic link: a log's articles must be in the folder itself"
    )


def test_a_linked_articles_folder_still_lets_the_log_replay(
    tmp_path: Path, bundled: tracker.Log, capsys: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "log.jsonl"
    log.write_bytes(bundled.path.read_bytes())
    (tmp_path / "articles").symlink_to(bundled.path.parent / "articles")
    linked = run(capsys, "state", "--log", str(log), "--at", "2009-01-26", "--json")
    shipped = run(capsys, "state", "--at", "2009-01-26", "--json")
    assert linked == shipped
    assert linked[0] == 0


def test_a_device_is_named_as_such() -> None:
    assert not_regular(os.stat("/dev/zero").st_mode) == "not a regular file but a character device"
    assert not_regular(os.stat("/").st_mode) == "not a regular file but a folder"
    assert not_regular(os.stat(__file__).st_mode) is None


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = _log(tmp_path, "fifo.txt")
    os.mkfifo(tmp_path / "articles" / "fifo.txt")
    with deadline(10, "checking a log that cites a FIFO"):
        told = _told(path)
    assert told == [(1, "sources[0].article", "not a regular file but a FIFO")]


def test_a_socket_or_a_folder_is_refused(tmp_path: Path) -> None:
    path = _log(tmp_path, "socket", "folder")
    (tmp_path / "articles" / "folder").mkdir()
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(tmp_path / "articles" / "socket"))
        told = _told(path)
    assert [message for _, _, message in told] == [
        "not a regular file but a socket",
        "not a regular file but a folder",
    ]


def test_an_article_over_the_limit_is_refused_and_one_at_it_is_read(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "at.txt").write_bytes(b"a" * ARTICLE_LIMIT)
    (folder / "over.txt").write_bytes(b"a" * (ARTICLE_LIMIT + 1))
    assert len(read_article(folder, "at.txt")) == ARTICLE_LIMIT
    with pytest.raises(ArticleError) as caught:
        read_article(folder, "over.txt")
    assert caught.value.reason == (
        f"{ARTICLE_LIMIT + 1} bytes, over the limit of {ARTICLE_LIMIT} bytes for an article"
    )


def test_a_file_that_says_it_is_small_is_read_no_further_than_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "grown.txt").write_bytes(b"a" * (3 * ARTICLE_LIMIT))
    real_fstat, real_read = os.fstat, os.read
    read: list[int] = []

    def small(descriptor: int) -> os.stat_result:  # as /proc files say: size 0
        fields = list(real_fstat(descriptor))
        fields[6] = 0
        return os.stat_result(fields)

    def counted(descriptor: int, size: int) -> bytes:
        data = real_read(descriptor, size)
        read.append(len(data))
        return data

    monkeypatch.setattr(os, "fstat", small)
    monkeypatch.setattr(os, "read", counted)
    with pytest.raises(ArticleError, match=f"^over the limit of {ARTICLE_LIMIT} bytes"):
        read_article(folder, "grown.txt")
    assert sum(read) == ARTICLE_LIMIT + 1


def test_an_article_that_is_not_utf8_is_a_problem_naming_entry_field_and_offset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _log(tmp_path, "latin1.txt")
    (tmp_path / "articles" / "latin1.txt").write_bytes("A sentence. Café".encode("latin-1"))
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1
    assert out == (
        f"{path}:1: sources[0].article: not UTF-8 text: byte 0xe9 at offset 15 cannot be decoded\n"
    )
    assert "Traceback" not in err


def test_a_name_of_300_bytes_is_a_problem_not_an_os_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _log(tmp_path, "é" * 150)
    status, out, err = run(capsys, "validate", str(path))
    assert status == 1
    assert out == f"{path}:1: sources[0].article: a name of 300 bytes, over the limit of 255\n"
    assert "Traceback" not in err


def test_a_missing_article_is_named_with_its_folder(tmp_path: Path) -> None:
    path = _log(tmp_path, "gone.txt")
    assert _told(path) == [
        (1, "sources[0].article", f"no article 'gone.txt' in {tmp_path / 'articles'}")
    ]


def test_a_log_without_an_articles_folder_checks_no_quotes(tmp_path: Path) -> None:
    path = _log(tmp_path, "gone.txt")
    (tmp_path / "articles").rmdir()
    assert _told(path) == []


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("", "an empty name"),
        (".", "'.' is a folder, not a file name"),
        ("..", "'..' is a folder, not a file name"),
        ("a\\b.txt", "not a plain file name: it holds a path separator"),
        ("a\x00b.txt", "a control character in the name"),
        ("a\nb.txt", "a control character in the name"),
        ("\ud800.txt", "not valid Unicode text"),
        ("a" * (NAME_LIMIT + 1), f"a name of {NAME_LIMIT + 1} bytes, over the limit of 255"),
        ("a" * NAME_LIMIT, None),
        ("000_e32c3813ae8f4a48.txt", None),
        ("..hidden", None),
    ],
)
def test_name_rules(name: str, problem: str | None) -> None:
    assert article_name_problem(name) == problem


def test_a_name_holds_a_control_character_exactly_when_one_is_of_unicode_category_cc() -> None:
    for point in range(sys.maxunicode + 1):
        character = chr(point)
        if 0xD800 <= point <= 0xDFFF:  # a lone surrogate is not Unicode text at all
            continue
        controlled = unicodedata.category(character) == "Cc"
        told = article_name_problem(f"a{character}b.txt")
        assert (told == "a control character in the name") is controlled, hex(point)


@given(
    st.lists(
        st.sampled_from(["a", ".", "..", "/", "\\", "é", "\x00", "~", " ", "\u202e"])
        | st.text(max_size=4),
        max_size=8,
    ).map("".join)
)
def test_every_name_accepted_names_a_file_directly_inside_the_folder(name: str) -> None:
    folder = "/srv/log/articles"
    if article_name_problem(name) is None:
        joined = os.path.join(folder, name)
        assert os.path.dirname(os.path.normpath(joined)) == folder
        assert os.path.basename(joined) == name


def test_articles_are_read_with_their_line_ends_made_newlines(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "crlf.txt").write_bytes(b"one\r\n\r\ntwo\rthree\n")
    assert read_article(folder, "crlf.txt") == "one\n\ntwo\nthree\n"
    shipped = bundled.path.parent / "articles"
    for path in shipped.iterdir():
        assert read_article(shipped, path.name) == path.read_text(encoding="utf-8")


def _limited() -> None:
    """Run with at most 1 GiB of address space: a command that reads without end fails fast."""
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.fixture
def entry_file(tmp_path: Path) -> Path:
    path = tmp_path / "entry.json"
    path.write_bytes(tracker.dumps_entry(lunch()))
    return path


COMMANDS = {
    "state": ["state", "--log", "{log}"],
    "log": ["log", "--log", "{log}"],
    "diff": ["diff", "--from", "2008-01-01", "--to", "2009-01-01", "--log", "{log}"],
    "explain": ["explain", "phase", "--log", "{log}"],
    "validate": ["validate", "{log}"],
    "export": ["export", "--log", "{log}"],
    "verify": ["verify", "--log", "{log}"],
    "append": ["append", "{entry}", "--log", "{log}"],
    "import into": ["import", "{bundled}", "--log", "{log}"],
    "import from": ["import", "{log}", "--log", "{new}"],
    "ingest": ["ingest", "{article}", "--log", "{log}"],
}


@pytest.mark.parametrize("kind", ["/dev/zero", "fifo", "fifo.sqlite"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_log_that_is_not_a_regular_file_is_refused_by_every_command(
    tmp_path: Path, entry_file: Path, bundled: tracker.Log, command: str, kind: str
) -> None:
    log = kind
    if kind.startswith("fifo"):
        log = str(tmp_path / kind)
        os.mkfifo(log)
    names = {
        "log": log,
        "entry": str(entry_file),
        "bundled": str(bundled.path),
        "new": str(tmp_path / "new.jsonl"),
        "article": str(next((bundled.path.parent / "articles").iterdir())),
    }
    args = [part.format(**names) for part in COMMANDS[command]]
    done = subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    what = "a character device" if kind == "/dev/zero" else "a FIFO"
    assert f"{log}: cannot read the log: not a regular file but {what}" in done.stderr


def test_the_tui_refuses_a_log_that_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "log.jsonl"
    os.mkfifo(fifo)
    for path in (Path("/dev/zero"), fifo):
        with (
            deadline(10, f"loading {path}"),
            pytest.raises(tracker.LogError, match="not a regular file"),
        ):
            load_story(path)
