"""The real binary over real sockets: headers, caching, compression, and bad input."""
import gzip
import json
import re
import unittest

import brotli

from server_process import OneServerTestCase, ServerProcess

SECURITY_HEADERS = {
    "content-security-policy": re.compile(r"default-src 'self'.*frame-ancestors 'none'"),
    "x-content-type-options": re.compile(r"^nosniff$"),
    "referrer-policy": re.compile(r"^no-referrer$"),
    "cross-origin-opener-policy": re.compile(r"^same-origin$"),
    "permissions-policy": re.compile(r"camera=\(\)"),
    "x-frame-options": re.compile(r"^DENY$"),
}


class ServerTestCase(OneServerTestCase):
    def assertStillServing(self):
        response = self.server.get("/healthz")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.json()["status"], "ok")

    def assertSecurityHeaders(self, response):
        for name, pattern in SECURITY_HEADERS.items():
            self.assertEqual(len(response.all(name)), 1, name)
            self.assertRegex(response.header(name), pattern, name)
        self.assertIsNone(response.header("strict-transport-security"))

    def assertJsonError(self, response, status, code):
        self.assertEqual(response.status, status, response.body[:300])
        self.assertEqual(response.header("content-type"), "application/json")
        error = response.json()["error"]
        self.assertEqual(error["code"], code)
        self.assertTrue(error["message"].endswith("."), error["message"])
        self.assertIn("field", error)


class Serving(ServerTestCase):
    def test_health(self):
        body = self.server.get("/healthz").json()
        self.assertEqual(body["status"], "ok")
        self.assertEqual(body["directory_version"], 1)
        self.assertGreaterEqual(body["schema_version"], 1)

    def test_security_headers_on_every_kind_of_response(self):
        for response in (self.server.get("/"), self.server.get("/api/v1/directory"),
                         self.server.get("/nowhere"), self.server.get("/exit"),
                         self.server.request("POST", "/", body=b"x" * 70000)):
            with self.subTest(status=response.status):
                self.assertSecurityHeaders(response)

    def test_csp_allows_only_the_pages_own_inline_style(self):
        import base64
        import hashlib
        response = self.server.get("/")
        csp = response.header("content-security-policy")
        self.assertNotIn("unsafe-inline", csp)
        self.assertIn("script-src 'self';", csp)
        for style in re.findall(rb"<style>(.*?)</style>", response.body, re.S):
            digest = base64.b64encode(hashlib.sha256(style).digest()).decode()
            self.assertIn("'sha256-%s'" % digest, csp)
        self.assertNotRegex(response.body.decode(), r"<script>|\son[a-z]+=\"|style=\"")

    def test_page_directory_and_questionnaire(self):
        page = self.server.get("/")
        self.assertEqual(page.status, 200)
        self.assertEqual(page.header("content-type"), "text/html; charset=utf-8")
        self.assertEqual(page.header("cache-control"), "no-cache")
        html = page.body.decode()
        self.assertNotIn("{{asset:", html)
        self.assertNotIn("<!--help-list-->", html)
        self.assertIn('href="tel:112"', html)
        self.assertIn('href="tel:+318002000"', html)   # Veilig Thuis, in the no-JS list
        directory = self.server.get("/api/v1/directory")
        self.assertEqual(directory.header("cache-control"), "no-cache")
        keys = [org["key"] for org in directory.json()["organizations"]]
        for key in ("alarm-112", "veilig-thuis", "moviera", "centrum-seksueel-geweld"):
            self.assertIn(key, keys)
        self.assertNotIn('"todo"', directory.body.decode())
        self.assertNotIn('"verified":false', directory.body.decode())
        questions = [q["id"] for q in self.server.get("/api/v1/questionnaire").json()["questions"]]
        self.assertEqual(questions, ["danger", "who", "what", "when", "need"])

    def test_every_detail_residents_get_names_its_source_and_check(self):
        """Issue 11: every phone, chat, website and service's facts in the resident API has an
        https source_url and a checked date; the page dials only numbers the API has; nothing
        staff-only or unsourced ("Hulp in: Nederlands") reaches the page."""
        directory = self.server.get("/api/v1/directory").json()
        details, tels = [], set()
        for org in directory["organizations"]:
            if "website" in org:
                details.append((org["key"], "website", org["website"]))
            for service in org["services"]:
                details += [(org["key"], "phone " + p["number"], p) for p in service["phones"]]
                tels.update("tel:" + p["tel"] for p in service["phones"])
                if "chat" in service:
                    details.append((org["key"], "chat", service["chat"]))
                if "facts" in service:
                    details.append((org["key"], "facts", service["facts"]))
                else:
                    for fact in ("hours", "free", "anonymous", "day_and_night", "schedule", "languages"):
                        self.assertNotIn(fact, service, "%s states %s without a source" % (org["key"], fact))
        self.assertGreater(len(details), 20)
        for key, what, detail in details:
            with self.subTest(organization=key, detail=what):
                self.assertRegex(detail.get("source_url", ""), r"^https://[a-z0-9.-]+\.[a-z]{2,}/")
                self.assertRegex(detail.get("checked", ""), r"^\d{4}-\d{2}-\d{2}$")
                self.assertIs(detail.get("verified"), True)
                self.assertNotIn("checked_by", detail)  # who checked stays with the staff
        html = self.server.get("/").body.decode()
        self.assertTrue(set(re.findall(r'href="(tel:[^"]+)"', html)) <= tels | {"tel:112"})
        self.assertNotIn("Hulp in:", html)

    def test_etag_and_304(self):
        for path in ("/", "/api/v1/directory", "/api/v1/questionnaire", "/sw.js", "/manifest.webmanifest"):
            with self.subTest(path=path):
                first = self.server.get(path)
                etag = first.header("etag")
                self.assertRegex(etag, r'^"[0-9a-f]{32}"$')
                again = self.server.get(path, If_None_Match=etag)
                self.assertEqual(again.status, 304)
                self.assertEqual(again.body, b"")
                self.assertEqual(again.header("etag"), etag)
                self.assertEqual(self.server.get(path, If_None_Match='"other"').status, 200)

    def test_precomputed_gzip_and_brotli(self):
        for path in ("/", "/api/v1/directory"):
            plain = self.server.get(path)
            br = self.server.get(path, Accept_Encoding="gzip, deflate, br")
            gz = self.server.get(path, Accept_Encoding="gzip")
            with self.subTest(path=path):
                self.assertEqual(br.all("content-encoding"), ["br"])
                self.assertEqual(gz.all("content-encoding"), ["gzip"])
                self.assertIsNone(plain.header("content-encoding"))
                self.assertEqual(brotli.decompress(br.body), plain.body)
                self.assertEqual(gzip.decompress(gz.body), plain.body)
                self.assertLess(len(br.body), len(gz.body))
                self.assertEqual({plain.header("vary"), br.header("vary")}, {"Accept-Encoding"})
                etags = {plain.header("etag"), br.header("etag"), gz.header("etag")}
                self.assertEqual(len(etags), 3, "one strong ETag per representation")
                self.assertEqual(self.server.get(path, Accept_Encoding="br", If_None_Match=br.header("etag")).status, 304)

    def test_hashed_assets_are_immutable(self):
        html = self.server.get("/").body.decode()
        assets = re.findall(r'"(/assets/[^"]+)"', html)
        self.assertTrue(assets, "the page refers to hashed assets")
        for path in assets:
            with self.subTest(path=path):
                self.assertRegex(path, r"\.[0-9a-f]{8}\.[a-z]+$")
                response = self.server.get(path)
                self.assertEqual(response.status, 200)
                self.assertEqual(response.header("cache-control"), "public, max-age=31536000, immutable")
        unhashed = re.sub(r"\.[0-9a-f]{8}(\.[a-z]+)$", r"\1", assets[0])
        self.assertEqual(self.server.get(unhashed).status, 404)

    def test_head(self):
        response = self.server.request("HEAD", "/")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.body, b"")

    def test_quick_exit(self):
        response = self.server.get("/exit")
        self.assertEqual(response.status, 303)
        self.assertEqual(response.header("location"), "https://nl.wikipedia.org/wiki/Hoofdpagina")
        self.assertEqual(response.header("clear-site-data"), '"cache", "cookies", "storage"')
        self.assertEqual(response.header("cache-control"), "no-store")

    def test_unknown_path_and_wrong_method(self):
        self.assertJsonError(self.server.get("/nowhere"), 404, "not_found")
        response = self.server.request("POST", "/api/v1/directory", body=b"{}")
        self.assertJsonError(response, 405, "method_not_allowed")
        self.assertEqual(response.header("allow"), "GET, HEAD")


class BadInput(ServerTestCase):
    def test_oversized_body(self):
        self.assertJsonError(self.server.request("POST", "/api/v1/directory", body=b"x" * (64 * 1024 + 1)),
                             413, "payload_too_large")
        self.assertStillServing()

    def test_long_path(self):
        self.assertJsonError(self.server.get("/" + "a" * 3000), 414, "uri_too_long")
        # Longer than httplib's own limit too, and a long path to a regex route's worst case.
        response = self.server.get("/" + "a/" * 5000)
        self.assertEqual(response.status, 414)
        self.assertStillServing()

    def test_chunked_body(self):
        data = (b"POST /api/v1/directory HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n"
                b"Connection: close\r\n\r\n" + b"10000\r\n" + b"x" * 65536 + b"\r\n0\r\n\r\n")
        self.assertJsonError(self.server.raw(data), 411, "length_required")
        self.assertStillServing()

    def test_compressed_body(self):
        body = gzip.compress(b"{}" * 1000)
        response = self.server.request("POST", "/api/v1/directory",
                                       {"Content-Encoding": "gzip", "Content-Type": "application/json"}, body)
        self.assertJsonError(response, 415, "unsupported_media_type")
        self.assertStillServing()

    def test_range_is_ignored(self):
        full = self.server.get("/api/v1/directory")
        many_parts = "bytes=" + ",".join("%d-%d" % (i, i + 1) for i in range(0, 600, 2))  # 300 parts
        for value in ("bytes=0-10", many_parts, "bytes=999999999-"):
            with self.subTest(range=value[:30]):
                response = self.server.get("/api/v1/directory", Range=value)
                self.assertEqual(response.status, 200)
                self.assertIsNone(response.header("content-range"))
                self.assertEqual(response.body, full.body)
        # A Range the library cannot parse is refused before routing; it must stay an error
        # in our JSON shape, and the server keeps serving.
        self.assertJsonError(self.server.get("/", Range="bytes=0-1," * 500), 416, "range_not_satisfiable")
        self.assertStillServing()

    def test_twenty_thousand_headers(self):
        headers = "".join("X-H%d: v\r\n" % i for i in range(20000))
        data = ("GET /healthz HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n").encode()
        # Refused as soon as the head passes 20 KiB; the answer still arrives although the
        # client is still sending (the server reads on for a moment before it closes).
        response = self.server.raw(data)
        self.assertJsonError(response, 431, "headers_too_large")
        self.assertEqual(response.header("connection"), "close")
        self.assertStillServing()

    def test_one_huge_header(self):
        data = ("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a" * 200000 + "\r\nConnection: close\r\n\r\n").encode()
        self.assertJsonError(self.server.raw(data), 431, "headers_too_large")
        self.assertStillServing()

    def test_header_values_are_never_reflected(self):
        # httplib percent-decodes header values; a CR LF must never reach a response.
        response = self.server.get("/nowhere", X_Test="a%0D%0ASet-Cookie:%20evil=1", If_None_Match='"%0D%0AX-Evil: 1"')
        self.assertIsNone(response.header("set-cookie"))
        self.assertIsNone(response.header("x-evil"))
        self.assertNotIn(b"evil", response.body)

    def test_forged_remote_addr_is_not_believed_or_logged(self):
        forged = "203.0.113.77"
        response = self.server.get("/healthz", REMOTE_ADDR=forged, X_Forwarded_For=forged)
        self.assertEqual(response.status, 200)
        self.assertNotIn(forged.encode(), response.body)
        self.assertFalse([line for line in self.server.logs_so_far() if forged in line])

    def test_garbage_request_line(self):
        for data in (b"\x00\x01\x02\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\r\n\r\n"):
            with self.subTest(data=data):
                response = self.server.raw(data)
                self.assertEqual(response.status, 400)
                # What follows a request that cannot be read cannot be trusted: close.
                self.assertEqual(response.header("connection"), "close")
        self.assertStillServing()


class Logging(unittest.TestCase):
    def test_logs_are_json_lines_without_addresses(self):
        # The client connects from 127.0.0.3: that address must appear in no log line.
        with ServerProcess() as server:
            for path in ("/", "/api/v1/directory", "/nowhere", "/exit"):
                server.request("GET", path, {"User-Agent": "UA-MARKER"}, source="127.0.0.3")
            server.request("POST", "/api/v1/directory", body=b"BODY-MARKER", source="127.0.0.3")
        requests = []
        for line in server.logs:
            entry = json.loads(line)  # every line is JSON
            self.assertIn("time", entry)
            self.assertIn("level", entry)
            if entry["event"] == "request":
                requests.append(entry)
        self.assertEqual(len(requests), 5)
        text = "\n".join(server.logs)
        for marker in ("127.0.0.3", "UA-MARKER", "BODY-MARKER"):
            self.assertNotIn(marker, text)
        self.assertEqual(set(requests[0]), {"time", "level", "event", "method", "path", "status", "bytes"})


if __name__ == "__main__":
    unittest.main()
