#!/usr/bin/env python3
"""Opens HTML reports in a real browser (headless Chromium) and checks what a reader would see.

Usage: check-html.py PARALLAX_BINARY CHROMIUM OUT_DIR

- The samples' report renders (a screenshot that is not blank) and prints (a PDF of several
  pages), as "Save as PDF" would make it.
- A report of an article full of hostile markup (script tags, event handlers, iframes) runs
  nothing: after the browser has loaded it, its DOM has no script, iframe or img element and
  the page's title is still Parallax's.
The screenshots and PDF are left in OUT_DIR to look at.
"""
import pathlib
import struct
import subprocess
import sys
import zlib

binary, chromium, out = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
out.mkdir(parents=True, exist_ok=True)
root = pathlib.Path(__file__).resolve().parent.parent
BROWSER = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def report(files, name):
    path = out / name
    subprocess.run([binary, "compare", "--format", "html", "-o", str(path), *map(str, files)],
                   check=False, capture_output=True)
    assert path.exists(), f"no report written: {path}"
    return path


def browser(*args, timeout=120):
    return subprocess.run([*BROWSER, *args], capture_output=True, text=True, timeout=timeout)


def png_values(path):
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"not a PNG: {path}"
    idat, at = b"", 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        if data[at + 4:at + 8] == b"IDAT":
            idat += data[at + 8:at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(idat)))


samples = sorted((root / "assets" / "samples").iterdir())
page = report(samples, "samples.html")
shot = out / "samples.png"
browser(f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri())
values = png_values(shot)
assert values > 50, f"the report looks blank ({values} byte values)"
pdf = out / "samples.pdf"
browser(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", page.as_uri())
pages = pdf.read_bytes().count(b"/Type /Page") - pdf.read_bytes().count(b"/Type /Pages")
assert pdf.stat().st_size > 20_000 and pages >= 2, f"the printed report: {pages} pages"
print(f"samples: screenshot {values} byte values; PDF {pages} pages, {pdf.stat().st_size} bytes")

hostile = out / "hostile.html"
hostile.write_text(
    "<html><head><title>Harbour &lt;script&gt;document.title='owned'&lt;/script&gt;</title></head>"
    "<body><article><h1>Ferry news &lt;img src=x onerror=\"document.title='owned'\"&gt;</h1>"
    "<p>The ferry runs again from Monday &lt;script&gt;document.title='owned'&lt;/script&gt;, "
    "the harbour master said on Friday after the repairs were finished.</p>"
    "<p>Tickets cost four pounds &lt;iframe src=\"https://example.com\"&gt;&lt;/iframe&gt; "
    "and &lt;svg onload=\"document.title='owned'\"&gt;, the operator said.</p>"
    "</article></body></html>", encoding="utf-8")
page = report([hostile], "hostile-report.html")
dom = browser("--dump-dom", "--virtual-time-budget=2000", page.as_uri()).stdout
assert "<title>Parallax comparison" in dom, "the title changed: a script ran"
assert "owned" not in dom.split("</title>")[0], "a script changed the title"
for tag in ("<script", "<iframe", "<img", "<svg"):
    assert tag not in dom, f"{tag} became an element"
assert "&lt;script&gt;" in dom, "the markup should be shown as text"
shot = out / "hostile.png"
browser(f"--screenshot={shot}", "--window-size=1400,1000", page.as_uri())
print("hostile article: its markup is shown as text, nothing ran")
