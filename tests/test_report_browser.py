"""report.html in a real browser: headless Chromium runs its script, hostile cells stay text.

The page's own script writes data-js-ok="1" on <body> when it ran to the end; the hostile text in
the seeded data would, if it ever ran, set the title to PWNED and data-pwned on <body>. Chromium's
--dump-dom prints the DOM after scripts ran, and --enable-logging=stderr prints every console
message (errors, uncaught exceptions, CSP refusals) as a ":CONSOLE" line.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from foi.report import build_report
from foi.workspace import Workspace
from tests.conftest import TODAY
from tests.test_export import seed

CHROMIUM = next((p for p in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser"))
                 if p and Path(p).exists()), None)
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CONSOLE = re.compile(r":CONSOLE[:(]\d*\)?\]? (.*)")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="foi-chromium-") as profile:
        return subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", *args],
            capture_output=True, text=True, timeout=120, check=False,
        )


def console_lines(stderr: str) -> list[str]:
    return [m.group(1) for m in CONSOLE.finditer(stderr)]


class _Rows(HTMLParser):
    """Counts <tr> inside the tbody of table#forces, and reads <body>'s attributes and the page <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_forces = self.in_tbody = self.in_title = False
        self.rows = 0
        self.body: dict[str, str | None] = {}
        self.title = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.in_forces = dict(attrs).get("id") == "forces"
        elif tag == "tbody" and self.in_forces:
            self.in_tbody = True
        elif tag == "tr" and self.in_tbody:
            self.rows += 1
        elif tag == "body":
            self.body = dict(attrs)
        elif tag == "title" and not self.body:  # the page's title, not an SVG chart's
            self.in_title = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_forces = self.in_tbody = False
        elif tag == "title":
            self.in_title = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data


def test_the_console_check_can_fail(tmp_path: Path) -> None:
    # Proves this Chromium reports page errors on stderr, so an empty list below means something.
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>console.error('boom'); nosuch();</script></body></html>")
    lines = console_lines(chromium("--dump-dom", page.as_uri()).stderr)
    assert any("Uncaught ReferenceError: nosuch is not defined" in line for line in lines), lines


def test_report_in_headless_chromium(batch_ws: Workspace) -> None:
    seed(batch_ws)
    out = batch_ws.root / "reports" / "report.html"
    out.parent.mkdir()
    build_report(batch_ws, "cautions", out, today=TODAY)

    result = chromium("--dump-dom", out.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_lines(result.stderr) == []  # no error, no CSP refusal, no log at all
    dom = _Rows()
    dom.feed(result.stdout)
    assert dom.body.get("data-js-ok") == "1"  # our script ran to the end under the page's CSP
    assert "data-pwned" not in dom.body and "data-pwned=" not in result.stdout
    assert dom.title == "cautions: FOI batch report (2026-11-21)"
    assert dom.rows == 43
    # The hostile text is on the page, as text.
    assert "&lt;script&gt;document.title='PWNED'" in result.stdout

    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    shot.unlink(missing_ok=True)
    result = chromium(f"--screenshot={shot}", "--window-size=1400,1000", "--hide-scrollbars", out.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert console_lines(result.stderr) == []
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000

    # Printed, the @page rule gives A4 landscape (842 x 595 points).
    import pdfplumber

    pdf_path = ARTIFACTS / "report.pdf"
    pdf_path.unlink(missing_ok=True)
    result = chromium(f"--print-to-pdf={pdf_path}", "--no-pdf-header-footer", out.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    with pdfplumber.open(pdf_path) as pdf:
        assert len(pdf.pages) >= 3
        assert (round(pdf.pages[0].width), round(pdf.pages[0].height)) == (842, 595)
        assert "cautions: FOI batch report" in (pdf.pages[0].extract_text() or "")
