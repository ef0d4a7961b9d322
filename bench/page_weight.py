#!/usr/bin/python3
"""Page weight budgets of the resident app (DESIGN.md "Budgets", issue 3), measured on the
running binary:

1. The first response, GET / with Accept-Encoding: br and with gzip: the compressed body
   within 14 KB (14,336 bytes; headers are reported beside it).
2. The first screen needs no render-blocking request: in <head> no
   <link rel=stylesheet> unless media="print" (swapped later) or disabled, no @import in
   an inline <style>, and no <script src> without defer/async (or type=module); and no
   classic <script src> without defer/async in <body> before the first question either.
3. The whole resident app within 60 KB (61,440 bytes) compressed: the page plus every
   /assets/ file it references, followed recursively through the HTML, JS and CSS
   (src/href/data-* attributes, url(), @import, string literals naming /assets/...), except
   languages other than Dutch (i18n/*.json other than nl). Each file is counted at the
   smallest encoding the server offers for Accept-Encoding "br, gzip".
   Reported beside it (not budgeted): the same plus the two API documents the page
   fetches (/api/v1/directory, /api/v1/questionnaire).

    bench/page_weight.py [--port PORT]   (without --port it starts the binary itself)
"""
import argparse
import html.parser
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hwbench import Binary, get, row  # noqa: E402

FIRST_BUDGET = 14 * 1024
APP_BUDGET = 60 * 1024
ASSET_RE = re.compile(r"""/assets/[A-Za-z0-9_./-]+\.[A-Za-z0-9]+""")
OTHER_LANGUAGE_RE = re.compile(r"/assets/i18n/(?!nl\.)[a-z]{2}(-[A-Za-z]+)?\.[0-9a-f]+\.json$")


class HeadScanner(html.parser.HTMLParser):
    """Finds render-blocking requests of the first screen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_head = False
        self.seen_body = False
        self.in_style = False
        self.blocking = []
        self.inline_styles = 0

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "head":
            self.in_head = True
        elif tag == "body":
            self.in_head, self.seen_body = False, True
        elif tag == "style":
            self.in_style = True
            self.inline_styles += 1
        elif tag == "link" and "stylesheet" in a.get("rel", "").lower().split():
            media = a.get("media", "all").strip().lower()
            if "disabled" not in a and media not in ("print", "not all") and "href" in a:
                self.blocking.append("<link rel=stylesheet href=%s media=%s>" % (a["href"], media))
        elif tag == "script" and "src" in a:
            deferred = "defer" in a or "async" in a or a.get("type", "").lower() == "module"
            if not deferred:
                self.blocking.append("<script src=%s> without defer/async%s"
                                     % (a["src"], " in <head>" if self.in_head else " in <body>"))

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style and "@import" in data:
            self.blocking.append("@import in an inline <style>")


def references(text):
    return set(ASSET_RE.findall(text))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int)
    options = parser.parse_args()
    binary = None
    port = options.port
    if not port:
        binary = Binary().start()
        port = binary.port
    try:
        return measure(port)
    finally:
        if binary:
            binary.stop()


def header_bytes(headers):
    return sum(len(k) + len(v) + 4 for k, v in headers.items()) + len("HTTP/1.1 200 OK\r\n\r\n")


def measure(port):
    status, _, page = get(port, "/")
    if status != 200:
        sys.exit("bench: GET / answered %d" % status)
    missed = False

    # 1. The first response, compressed.
    for encoding in ("br", "gzip"):
        status, headers, body = get(port, "/", {"Accept-Encoding": encoding})
        served = headers.get("content-encoding", "identity")
        ok = status == 200 and served == encoding and len(body) <= FIRST_BUDGET
        missed |= not ok
        print("GET / (%s): %d bytes body (+ %d bytes of headers), Content-Encoding %s, identity %d bytes"
              % (encoding, len(body), header_bytes(headers), served, len(page)))
        row("first response / (%s)" % encoding, "%d B" % len(body), "identity %d B" % len(page),
            "<= %d B" % FIRST_BUDGET, "OK" if ok else "MISS")

    # 2. Nothing render-blocking for the first screen.
    scanner = HeadScanner()
    scanner.feed(page.decode("utf-8"))
    for finding in scanner.blocking:
        print("render-blocking: " + finding)
    ok = not scanner.blocking and scanner.inline_styles > 0
    missed |= not ok
    row("render-blocking requests", str(len(scanner.blocking)), "-", "0 (first screen from the HTML alone)",
        "OK" if ok else "MISS")

    # 3. The whole resident app.
    pending = sorted(references(page.decode("utf-8")))
    seen, sizes, excluded = set(), {}, []
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        if OTHER_LANGUAGE_RE.search(path):
            excluded.append(path)
            continue
        status, headers, body = get(port, path, {"Accept-Encoding": "br, gzip"})
        if status != 200:
            print("missing: %s answered %d" % (path, status))
            missed = True
            continue
        sizes[path] = (len(body), headers.get("content-encoding", "identity"))
        kind = headers.get("content-type", "")
        if headers.get("content-encoding", "identity") != "identity":
            _, _, plain = get(port, path)
        else:
            plain = body
        if any(t in kind for t in ("javascript", "css", "html", "json", "svg")):
            pending.extend(sorted(references(plain.decode("utf-8", "replace")) - seen))
    _, headers, page_br = get(port, "/", {"Accept-Encoding": "br, gzip"})
    total = len(page_br) + sum(size for size, _ in sizes.values())
    print("the resident app, compressed (smallest of br/gzip):")
    print("  %-60s %7d B  %s" % ("/", len(page_br), headers.get("content-encoding", "identity")))
    for path in sorted(sizes):
        print("  %-60s %7d B  %s" % (path, sizes[path][0], sizes[path][1]))
    for path in sorted(excluded):
        print("  %-60s excluded (another language)" % path)
    ok = total <= APP_BUDGET
    missed |= not ok
    row("whole resident app (compressed)", "%d B" % total, "%d files" % (len(sizes) + 1), "<= %d B" % APP_BUDGET,
        "OK" if ok else "MISS")
    data = 0
    for api in ("/api/v1/directory", "/api/v1/questionnaire"):
        status, headers, body = get(port, api, {"Accept-Encoding": "br, gzip"})
        data += len(body) if status == 200 else 0
        print("  %-60s %7d B  %s (not in the budget)" % (api, len(body), headers.get("content-encoding", "identity")))
    row("app + directory and questionnaire API", "%d B" % (total + data), "-", "(not budgeted)", "INFO")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
