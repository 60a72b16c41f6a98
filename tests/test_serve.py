"""``tracker serve``: the terminal UI in a web page, loaded in a real headless Chromium."""

from __future__ import annotations

import io
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import textual_serve.server
from commands import run
from matplotlib import image
from playwright.sync_api import WebSocket, sync_playwright
from plugin_logs import EASED, SUSPENDED, write_log

import tracker
from tracker._palette import PHASE_COLOURS, phase_rgb

CHROMIUM = Path("/usr/bin/chromium")
#: The flags Chromium needs here: no sandbox as root, no GPU, no calls home.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Seconds to wait for the server to listen, and for the app to draw in the page.
STARTUP = 30
ESCAPES = re.compile(rb"\x1b\[[0-9;?<>=$]*[A-Za-z]|\x1b[()][0-9A-Za-z]|\x1b\][^\x07]*\x07")


@pytest.fixture
def chromium() -> Path:
    """Debian's Chromium; on CI (``CI=true``) its absence fails the test, elsewhere skips it."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """``tracker serve`` on a free loopback port, stopped (with the apps it ran) afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tracker", "serve", "--host", "127.0.0.1", "--port", str(port)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert process.poll() is None, "tracker serve exited"
                assert time.monotonic() < deadline, "tracker serve never listened"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@pytest.mark.browser
def test_the_page_runs_the_app_on_the_bundled_log(chromium: Path, server: str) -> None:
    received: list[bytes] = []

    def listen(socket_: WebSocket) -> None:
        socket_.on(
            "framereceived",
            lambda frame: received.append(frame if isinstance(frame, bytes) else frame.encode()),
        )

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(chromium), args=FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.on("websocket", listen)
            page.goto(server)

            def drawn() -> str:
                return ESCAPES.sub(b"", b"".join(received)).decode("utf-8", "replace")

            deadline = time.monotonic() + STARTUP
            while "level of relations" not in drawn():
                assert time.monotonic() < deadline, f"the app never drew: {drawn()[-400:]!r}"
                page.wait_for_timeout(200)
            page.wait_for_timeout(500)
            screenshot = page.screenshot()
            assert "textual-terminal" in (page.get_attribute("#terminal", "class") or "")
        finally:
            browser.close()
    text = drawn()
    # What the app drew in the page: its title, the phase and day of the entry it opens on (the
    # story's last crisis), the chart's legend.
    for words in ("NATO-RUS", "nato-russia.jsonl", "SUSPENDED", "2008-08-19", "normal"):
        assert words in text
    # The page painted it: the phase badge and the chart's bands, in the phases' colours.
    pixels = (image.imread(io.BytesIO(screenshot)) * 255).round().astype(int)
    colours = {tuple(pixel[:3]) for row in pixels for pixel in row}
    for phase in (tracker.Phase.NORMAL, tracker.Phase.SUSPENDED):
        assert phase_rgb(phase) in colours, PHASE_COLOURS[phase]


def test_without_the_serve_extra_the_command_says_what_to_install(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [name for name in sys.modules if name.split(".")[0] == "textual_serve"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "textual_serve", None)
    status, out, err = run(capsys, "serve", "--port", str(free_port()))
    assert (status, out) == (2, "")
    assert "needs textual-serve, not installed: pip install 'tracker[serve]'" in err


def test_a_bad_log_is_told_before_serving(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"type": "nope"}\n')
    status, out, err = run(capsys, "serve", str(broken), "--port", str(free_port()))
    assert (status, out) == (2, "")
    assert f"{broken}:1: " in err
    status, _, err = run(capsys, "serve", str(tmp_path / "missing.jsonl"))
    assert status == 2
    assert "missing.jsonl" in err


def test_each_page_s_app_loads_the_plug_ins_the_command_was_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[tuple[str, str, int]] = []

    class Server:
        def __init__(self, command: str, host: str, port: int, title: str) -> None:
            served.append((command, host, port))

        def serve(self) -> None:
            pass

    monkeypatch.setattr(textual_serve.server, "Server", Server)
    log = write_log(tmp_path / "plugin.jsonl", SUSPENDED, EASED)
    plugin = ("--plugin", "tracker_example_plugin")
    status, _, err = run(capsys, "serve", *plugin, str(log), "--port", "8123")
    assert (status, err) == (0, "")
    ((command, host, port),) = served
    assert shlex.split(command) == [sys.executable, "-m", "tracker", "tui", *plugin, str(log)]
    assert (host, port) == ("localhost", 8123)
