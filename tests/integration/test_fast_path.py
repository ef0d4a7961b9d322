"""The fast path for plain GET and HEAD (server/http/wire/simple_get.h) answers byte for byte as
cpp-httplib does.

Each request is sent twice on the real binary: as is (the fast path takes it), and with one
extra header whose value holds a percent sign ("X-Via: 100%25"), which the fast path never
takes, so cpp-httplib and its guard answer. The two answers must be identical: status
line, every header in order, and body. Without the fast path both would come from
cpp-httplib; simple_get_test.cpp shows the fast path takes these requests."""
import re
import socket
import time
import unittest

from server_process import OneServerTestCase, read_all

FORCE_HTTPLIB = b"X-Via: 100%25\r\n"


def exchange(port, request):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(request)
        sock.shutdown(socket.SHUT_WR)
        return read_all(sock)


class FastPathMatchesHttplib(OneServerTestCase):
    def paths(self):
        page = exchange(self.server.port, b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")
        assets = sorted(set(re.findall(rb'/assets/[A-Za-z0-9._-]+', page)))
        self.assertTrue(assets)
        return [b"/", b"/api/v1/directory", b"/api/v1/questionnaire", b"/healthz", b"/exit", b"/staff",
                b"/nowhere", b"/hsds", b"/hsds/", b"/hsds/services", b"/hsds/organizations", b"/sw.js",
                b"/manifest.webmanifest", b"/api/v1/contact-requests"] + assets[:6]

    def etag_of(self, path, encoding):
        head = exchange(self.server.port, b"HEAD " + path + b" HTTP/1.1\r\nAccept-Encoding: " + encoding +
                        b"\r\nConnection: close\r\n\r\n")
        found = re.search(rb"\r\nETag: ([^\r]+)\r\n", head)
        return found.group(1) if found else b'"none"'

    def test_the_same_bytes_for_every_resident_read(self):
        compared = 0
        for path in self.paths():
            for method in (b"GET", b"HEAD"):
                for version, extra in ((b"HTTP/1.1", b""), (b"HTTP/1.1", b"Connection: close\r\n"),
                                       (b"HTTP/1.0", b""), (b"HTTP/1.0", b"Connection: Keep-Alive\r\n")):
                    for encoding in (b"", b"br", b"gzip", b"gzip, deflate, br"):
                        headers = b"Host: hulpwijzer.example.nl\r\n" + extra
                        if encoding:
                            headers += b"Accept-Encoding: " + encoding + b"\r\n"
                        variants = [headers]
                        if encoding == b"br":
                            variants.append(headers + b"If-None-Match: " + self.etag_of(path, encoding) + b"\r\n")
                        for headers in variants:
                            request = method + b" " + path + b" " + version + b"\r\n" + headers
                            with self.subTest(request=request):
                                fast = exchange(self.server.port, request + b"\r\n")
                                slow = exchange(self.server.port, request + FORCE_HTTPLIB + b"\r\n")
                                self.assertTrue(fast.startswith(b"HTTP/1.1 "), fast[:100])
                                self.assertEqual(fast, slow)
                                compared += 1
        self.assertGreater(compared, 500)
        # Some of those were 304s, 404s, 303s and 301s, not only 200s.
        statuses = {exchange(self.server.port, b"GET " + p + b" HTTP/1.1\r\nConnection: close\r\n\r\n")[9:12]
                    for p in self.paths()}
        self.assertTrue({b"200", b"301", b"303", b"404", b"405"} <= statuses, statuses)

    def test_the_same_on_a_kept_alive_connection(self):
        request = b"GET /api/v1/directory HTTP/1.1\r\nAccept-Encoding: br\r\n"
        with socket.create_connection(("127.0.0.1", self.server.port), timeout=10) as sock:
            sock.sendall(request + b"\r\n" + request + FORCE_HTTPLIB + b"\r\n")
            sock.shutdown(socket.SHUT_WR)
            data = read_all(sock)
        first, _, second = data.partition(b"HTTP/1.1 200 OK")[2].partition(b"HTTP/1.1 200 OK")
        self.assertTrue(first and second)
        self.assertEqual(first, second)

    def test_the_access_log_line_is_the_same(self):
        self.server.logs.clear()
        exchange(self.server.port, b"GET /api/v1/questionnaire HTTP/1.1\r\nConnection: close\r\n\r\n")
        exchange(self.server.port, b"GET /api/v1/questionnaire HTTP/1.1\r\nConnection: close\r\n" + FORCE_HTTPLIB + b"\r\n")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and sum('"request"' in line for line in self.server.logs) < 2:
            time.sleep(0.05)
        lines = [re.sub(r'"time":"[^"]+"', "", line) for line in self.server.logs if '"request"' in line]
        self.assertEqual(len(lines), 2, self.server.logs)
        self.assertEqual(lines[0], lines[1])


if __name__ == "__main__":
    unittest.main()
