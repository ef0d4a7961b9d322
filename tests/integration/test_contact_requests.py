"""Contact requests end to end over the real binary: sealing, authorisation, CSRF,
retention, rate limits, and the operator commands. A unique marker in a request must be
readable by the intended partner and found nowhere else: not in the database file, its
-wal, the logs, or another organisation's view."""
import glob
import json
import os
import re
import sqlite3
import tempfile
import time
import unittest

from server_process import ServerProcess, run_cli

FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}
COOKIE = "__Host-hw_session"


def demo(data):
    result = run_cli("demo", "--data", data, "--json", env=FAST)
    assert result.returncode == 0, result.stderr
    accounts = {}
    for a in json.loads(result.stdout)["accounts"]:
        key = a["organization"] or a["role"]
        accounts[key + "2" if key in accounts else key] = a  # the second editor is "editor2"
    return accounts


def submit_to(server, organization_id, message, source):
    """One valid request from `source`; asserts it was accepted."""
    body = {"organization_id": organization_id, "channel": "phone", "phone": "06 1234 5678",
            "safe_times": ["weekend"], "voicemail_ok": False, "may_identify": False, "language": "nl",
            "message": message, "consent": True}
    response = server.contact_request(body, source=source)
    assert response.status == 202, response.body


def file_bytes(data):
    blob = b""
    for path in glob.glob(os.path.join(data, "hulpwijzer.db*")):
        with open(path, "rb") as f:
            blob += f.read()
    return blob


class Staff:
    """A logged-in staff member speaking to the staff API."""

    def __init__(self, server, account):
        self.server = server
        response = server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                                  json.dumps({"email": account["email"], "password": account["password"]}).encode())
        assert response.status == 201, response.body
        self.cookie_header = response.header("set-cookie")
        self.token = re.match(COOKIE + r"=([^;]+)", self.cookie_header).group(1)
        self.csrf = response.json()["csrf_token"]

    def call(self, method, path, body=None, csrf=True, token=None):
        headers = {"Cookie": "%s=%s" % (COOKIE, token or self.token)}
        if csrf:
            headers["X-CSRF-Token"] = self.csrf
        data = b""
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body).encode()
        return self.server.request(method, path if path.startswith("/") else "/staff/api/v1/" + path, headers, data)


class ContactRequestCase(unittest.TestCase):
    SERVER_ARGS = []

    @classmethod
    def setUpClass(cls):
        cls.data = tempfile.mkdtemp(prefix="hw-cr-")
        cls.accounts = demo(cls.data)
        cls.server = ServerProcess(data_dir=cls.data, args=cls.SERVER_ARGS, env=FAST).__enter__()
        orgs = cls.server.get("/api/v1/directory").json()["organizations"]
        cls.org_ids = {o["key"]: o["id"] for o in orgs}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def submit(self, org="veilig-thuis", source="127.0.0.1", real_ip=None, **fields):
        body = {"organization_id": self.org_ids[org], "channel": "phone", "phone": "06 1234 5678",
                "safe_times": ["weekend"], "voicemail_ok": False, "may_identify": False, "language": "nl",
                "message": "hallo", "consent": True}
        body.update(fields)
        headers = {"X-Real-IP": real_ip} if real_ip else {}  # what the shipped nginx passes on
        return self.server.contact_request(body, headers, source=source)

    def staff(self, key):
        return Staff(self.server, self.accounts[key])


class Submission(ContactRequestCase):
    def test_marker_reaches_only_the_intended_partner(self):
        marker = "MARKER-%d-ZQX" % time.time_ns()
        response = self.submit(message="Bel me: " + marker, code_word=marker + "-CODE", source="127.0.0.11")
        self.assertEqual(response.status, 202, response.body)
        body = response.json()
        self.assertEqual(body["organization"]["nl"], "Veilig Thuis")
        self.assertIn("DEMO", body["response_time"]["nl"])
        self.assertNotIn("id", body)  # no receipt

        vt = self.staff("veilig-thuis")
        listed = vt.call("GET", "requests").json()
        self.assertGreaterEqual(listed["new"], 1)
        self.assertNotIn(marker, json.dumps(listed))  # the list shows no content
        ids = [r["id"] for r in listed["requests"]]
        opened = [vt.call("GET", "requests/" + i).json() for i in ids]
        mine = [o for o in opened if o["request"].get("message", "").endswith(marker)]
        self.assertEqual(len(mine), 1)
        self.assertEqual(mine[0]["request"]["phone"], "0612345678")
        self.assertEqual(mine[0]["request"]["code_word"], marker + "-CODE")

        other = self.staff("moviera")
        self.assertEqual(other.call("GET", "requests/" + mine[0]["id"]).status, 404)
        self.assertNotIn(marker, json.dumps(other.call("GET", "requests").json()))
        for role in ("editor", "admin"):
            self.assertEqual(self.staff(role).call("GET", "requests/" + mine[0]["id"]).status, 403)

        self.assertNotIn(marker.encode(), file_bytes(self.data))
        self.assertFalse([line for line in self.server.logs_so_far() if marker in line])
        audit = self.staff("admin").call("GET", "audit").json()["entries"]
        self.assertTrue([e for e in audit if e["action"] == "open_request" and e["target"] == mine[0]["id"]])
        self.assertNotIn(marker, json.dumps(audit))

    def test_validation_errors_name_the_field(self):
        cases = [({"consent": False}, "consent"), ({"phone": "12"}, "phone"), ({"extra": 1}, "extra"),
                 ({"safe_times": []}, "safe_times"), ({"message": "x" * 1001}, "message")]
        for fields, field in cases:
            with self.subTest(field=field):
                response = self.submit(source="127.0.0.12", **fields)
                self.assertEqual(response.status, 422, response.body)
                self.assertEqual(response.json()["error"]["field"], field)
        response = self.server.request("POST", "/api/v1/contact-requests", {"Content-Type": "application/json"},
                                       b'{"organization_id": ', source="127.0.0.13")
        self.assertEqual(response.status, 400)
        self.assertEqual(response.json()["error"]["code"], "invalid_json")
        self.assertIn("line 1", response.json()["error"]["message"])
        response = self.server.request("POST", "/api/v1/contact-requests", {"Content-Type": "text/plain"}, b"{}",
                                       source="127.0.0.13")
        self.assertEqual(response.status, 415)
        deep = b"[" * 5000 + b"]" * 5000
        response = self.server.request("POST", "/api/v1/contact-requests", {"Content-Type": "application/json"}, deep,
                                       source="127.0.0.13")
        self.assertEqual(response.status, 400)

    def test_organisations_that_take_no_requests(self):
        response = self.submit(org="politie", source="127.0.0.14")
        self.assertEqual(response.status, 422)
        self.assertEqual(response.json()["error"]["code"], "not_accepting")

    def test_rate_limit_per_client_without_storing_addresses(self):
        statuses = [self.submit(source="127.0.0.15").status for _ in range(7)]
        self.assertEqual(statuses[:5], [202] * 5)
        self.assertEqual(statuses[5:], [429, 429])
        # Another client is not affected, and a forged REMOTE_ADDR does not reset the count.
        self.assertEqual(self.submit(source="127.0.0.16").status, 202)
        body = json.dumps({"organization_id": self.org_ids["veilig-thuis"]}).encode()
        forged = self.server.request("POST", "/api/v1/contact-requests",
                                     {"Content-Type": "application/json", "REMOTE_ADDR": "198.51.100.9"}, body,
                                     source="127.0.0.15")
        self.assertEqual(forged.status, 429)
        self.assertNotIn(b"127.0.0.15", file_bytes(self.data))
        self.assertFalse([line for line in self.server.logs_so_far() if "127.0.0.15" in line])


class ClientNetworks(ContactRequestCase):
    """Behind the proxy the client is the address nginx passes on. An IPv6 client is its /64:
    one phone or home connection has 2^64 addresses to rotate through, and per-address limits
    would let one person fill every organisation's inbox and so switch it off for residents."""
    SERVER_ARGS = ["--behind-proxy"]

    def test_an_ipv6_client_cannot_escape_its_limit_by_changing_address(self):
        statuses = [self.submit(real_ip="2001:db8:7:1::%x" % (n + 1)).status for n in range(6)]
        self.assertEqual(statuses, [202] * 5 + [429])
        self.assertEqual(self.submit(real_ip="2001:db8:7:1:ffff:1:2:3").status, 429)
        self.assertEqual(self.submit(real_ip="2001:db8:7:2::1").status, 202)  # the next /64: another client
        self.assertFalse([line for line in self.server.logs_so_far() if "2001:db8" in line])
        self.assertNotIn(b"2001:db8", file_bytes(self.data))

    def test_an_ipv4_address_in_ipv6_form_is_the_same_client(self):
        statuses = [self.submit(real_ip=("198.51.100.%d" if n % 2 else "::ffff:198.51.100.%d") % 40).status
                    for n in range(6)]
        self.assertEqual(statuses, [202] * 5 + [429])
        self.assertEqual(self.submit(real_ip="198.51.100.41").status, 202)


class OrganisationBound(ContactRequestCase):
    """No rate per organisation that one person could use up for everybody; instead a bound on
    the open requests stored per organisation (100,000), answered with a 503 that names it."""

    def test_many_clients_do_not_switch_an_organisation_off(self):
        # 14 addresses x the per-client 5 = 70: past the old 60 per hour per organisation.
        statuses = [self.submit(org="centrum-seksueel-geweld", source="127.0.2.%d" % (1 + n // 5)).status
                    for n in range(70)]
        self.assertEqual(statuses, [202] * 70)
        self.assertEqual(self.submit(org="centrum-seksueel-geweld", source="127.0.2.1").status, 429)  # per client

    def test_a_full_inbox_is_a_503_that_says_to_phone(self):
        limit = 100000  # kMaxOpenRequestsPerOrganization
        db = sqlite3.connect(os.path.join(self.data, "hulpwijzer.db"), timeout=10)
        version = db.execute("SELECT max(version) FROM org_keys WHERE organization = 'moviera'").fetchone()[0]
        now = int(time.time())
        # Open ones fill it (any status but closed); closed ones do not count.
        db.executemany("INSERT INTO contact_requests (id, organization, key_version, sealed, status, created_at, closed_at) "
                       "VALUES (?, 'moviera', ?, randomblob(16), ?, ?, ?)",
                       [("filler-%06d" % n, version, ("new", "in_progress", "contacted")[n % 3], now, None)
                        for n in range(limit - 1)] +
                       [("closed-%d" % n, version, "closed", now, now) for n in range(5)])
        db.commit()
        db.close()
        self.assertEqual(self.submit(org="moviera", source="127.0.3.1").status, 202)  # the 100,000th
        full = self.submit(org="moviera", source="127.0.3.2")
        self.assertEqual(full.status, 503, full.body)
        error = full.json()["error"]
        self.assertEqual(error["code"], "organization_inbox_full")
        self.assertIn("phone them", error["message"])
        self.assertNotIn("from here", error["message"])
        self.assertIsNone(full.header("retry-after"))
        # A refusal stores nothing and so does not use up the resident's 5 submissions: after
        # 6 refusals the same client can still reach another organisation.
        self.assertEqual([self.submit(org="moviera", source="127.0.3.2").status for _ in range(5)], [503] * 5)
        self.assertEqual(self.submit(org="veilig-thuis", source="127.0.3.2").status, 202)  # others take requests
        warned = [json.loads(line) for line in self.server.logs_so_far() if "organization_inbox_full" in line]
        self.assertEqual([(w["level"], w["organization_id"]) for w in warned], [("warn", self.org_ids["moviera"])] * 6)
        # Staff closing one makes room for one.
        partner = self.staff("moviera")
        self.assertEqual(partner.call("PATCH", "requests/filler-000000", {"status": "closed"}).status, 200)
        self.assertEqual(self.submit(org="moviera", source="127.0.3.4").status, 202)
        self.assertEqual(self.submit(org="moviera", source="127.0.3.5").status, 503)
        listed = partner.call("GET", "requests").json()["requests"]
        self.assertEqual(sum(r["status"] != "closed" for r in listed), limit)


class Authorisation(ContactRequestCase):
    """Every staff endpoint x anonymous, partner of this organisation, partner of another,
    editor, admin; plus CSRF missing or wrong, and an ended session."""

    sources = iter("127.0.1.%d" % n for n in range(1, 250))

    def setUp(self):
        response = self.submit(source=next(self.sources))
        self.assertEqual(response.status, 202)
        self.vt = self.staff("veilig-thuis")
        self.request_id = self.vt.call("GET", "requests").json()["requests"][0]["id"]

    def expect(self, who, method, path, body, status):
        if who == "anonymous":
            headers = {"Content-Type": "application/json"} if body is not None else {}
            response = self.server.request(method, "/staff/api/v1/" + path, headers,
                                           json.dumps(body).encode() if body is not None else b"")
        else:
            actor = self.vt if who == "partner" else self.staff({"other": "moviera"}.get(who, who))
            response = actor.call(method, path, body)
        self.assertEqual(response.status, status, "%s %s %s: %s" % (who, method, path, response.body[:200]))

    def test_matrix(self):
        rid = self.request_id
        matrix = [
            # (method, path, body, {who: status})
            ("GET", "requests", None, {"anonymous": 401, "partner": 200, "other": 200, "editor": 403, "admin": 403}),
            ("GET", "requests/" + rid, None, {"anonymous": 401, "partner": 200, "other": 404, "editor": 403, "admin": 403}),
            ("PATCH", "requests/" + rid, {"status": "in_progress"},
             {"anonymous": 401, "other": 404, "editor": 403, "admin": 403, "partner": 200}),
            ("GET", "audit", None, {"anonymous": 401, "partner": 403, "other": 403, "editor": 403, "admin": 200}),
            ("GET", "session", None, {"anonymous": 401, "partner": 200, "other": 200, "editor": 200, "admin": 200}),
            ("DELETE", "requests/" + rid, None, {"anonymous": 401, "other": 404, "editor": 403, "admin": 403, "partner": 200}),
        ]
        for method, path, body, expected in matrix:
            for who, status in expected.items():
                with self.subTest(who=who, method=method, path=path):
                    self.expect(who, method, path, body, status)
        self.assertEqual(self.vt.call("GET", "requests/" + rid).status, 404)  # deleted

    def test_csrf_missing_or_wrong(self):
        rid = self.request_id
        for csrf in (None, "wrong"):
            with self.subTest(csrf=csrf):
                headers = {"Cookie": "%s=%s" % (COOKIE, self.vt.token), "Content-Type": "application/json"}
                if csrf:
                    headers["X-CSRF-Token"] = csrf
                for method, path, body in (("PATCH", "requests/" + rid, b'{"status":"closed"}'),
                                           ("DELETE", "requests/" + rid, b""), ("DELETE", "session", b"")):
                    response = self.server.request(method, "/staff/api/v1/" + path, headers, body)
                    self.assertEqual(response.status, 403, (method, path))
                    self.assertEqual(response.json()["error"]["code"], "csrf")
        self.assertEqual(self.vt.call("GET", "requests/" + rid).json()["status"], "new")

    def test_ended_sessions(self):
        self.assertEqual(self.vt.call("GET", "requests", token="not-a-session").status, 401)
        other = self.staff("veilig-thuis")
        logout = other.call("DELETE", "session")
        self.assertEqual(logout.status, 200)
        self.assertIn("Max-Age=0", logout.header("set-cookie"))
        self.assertEqual(other.call("GET", "requests").status, 401)
        self.assertEqual(self.vt.call("GET", "requests").status, 200)  # other sessions live on

    def test_looking_at_the_session_does_not_keep_it_alive(self):
        """GET session only looks: the 30-minute idle timer runs on, so a page that polls it
        keeps nothing alive. PATCH session ("stay logged in", CSRF-checked) restarts it."""
        staff = self.staff("veilig-thuis")
        first = staff.call("GET", "session").json()["idle_seconds_left"]
        self.assertGreaterEqual(first, 1790)
        self.assertLessEqual(first, 1800)
        time.sleep(2.1)  # the server counts whole seconds
        looked = staff.call("GET", "session")
        self.assertEqual(looked.status, 200)
        self.assertLessEqual(looked.json()["idle_seconds_left"], first - 2)
        # A request that fails the CSRF check is no activity either: a forged one from another
        # site must not keep an unattended session open.
        refused = staff.call("PATCH", "session", {}, csrf=False)
        self.assertEqual((refused.status, refused.json()["error"]["code"]), (403, "csrf"))
        forged = staff.call("PATCH", "requests/" + self.request_id, {"status": "contacted"}, csrf=False)
        self.assertEqual((forged.status, forged.json()["error"]["code"]), (403, "csrf"))
        self.assertLessEqual(staff.call("GET", "session").json()["idle_seconds_left"], first - 2)
        stayed = staff.call("PATCH", "session", {})
        self.assertEqual(stayed.status, 200)
        self.assertEqual(stayed.json()["idle_seconds_left"], 1800)
        self.assertEqual(stayed.json()["email"], self.accounts["veilig-thuis"]["email"])

    def test_cookie_attributes(self):
        cookie = self.vt.cookie_header
        for attribute in ("HttpOnly", "SameSite=Strict", "Secure", "Path=/"):
            self.assertIn(attribute, cookie)
        self.assertTrue(cookie.startswith(COOKIE + "="))

    def test_wrong_password_is_refused_alike_for_unknown_accounts(self):
        for email in (self.accounts["veilig-thuis"]["email"], "nobody@example.invalid"):
            response = self.server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                                           json.dumps({"email": email, "password": "wrong password!"}).encode())
            self.assertEqual(response.status, 401)
            self.assertEqual(response.json()["error"]["code"], "login_failed")
            self.assertIsNone(response.header("set-cookie"))

    def test_notes_are_sealed_and_statuses_kept(self):
        marker = "NOTE-%d-QQ" % time.time_ns()
        rid = self.request_id
        self.assertEqual(self.vt.call("PATCH", "requests/" + rid, {"note": marker, "status": "contacted"}).status, 200)
        opened = self.vt.call("GET", "requests/" + rid).json()
        self.assertEqual((opened["note"], opened["status"]), (marker, "contacted"))
        self.assertNotIn(marker.encode(), file_bytes(self.data))
        self.assertEqual(self.vt.call("PATCH", "requests/" + rid, {"status": "lost"}).status, 400)


class Retention(unittest.TestCase):
    def test_purge_removes_rows_and_their_bytes_from_the_files(self):
        data = tempfile.mkdtemp(prefix="hw-purge-")
        accounts = demo(data)
        with ServerProcess(data_dir=data, env=FAST) as server:
            org = [o["id"] for o in server.get("/api/v1/directory").json()["organizations"] if o["key"] == "moviera"][0]
            body = {"organization_id": org, "channel": "email", "email": "iemand@voorbeeld.nl", "safe_times": ["weekend"],
                    "voicemail_ok": False, "may_identify": False, "language": "nl", "consent": True}
            for _ in range(3):
                self.assertEqual(server.contact_request(body).status, 202)
            partner = Staff(server, accounts["moviera"])
            ids = [r["id"] for r in partner.call("GET", "requests").json()["requests"]]
            partner.call("PATCH", "requests/" + ids[0], {"status": "closed"})
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        sealed = dict(db.execute("SELECT id, sealed FROM contact_requests").fetchall())
        # Age them: one closed 8 days ago, one unhandled for 31 days, one fresh.
        day = 86400
        db.execute("UPDATE contact_requests SET closed_at = closed_at - 8 * ? WHERE id = ?", (day, ids[0]))
        db.execute("UPDATE contact_requests SET created_at = created_at - 31 * ? WHERE id = ?", (day, ids[1]))
        db.commit()
        db.close()
        for rid in ids:
            self.assertIn(sealed[rid], file_bytes(data))
        result = run_cli("purge", "--data", data)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("purged 1 closed request, 1 unhandled request, ", result.stdout)
        blob = file_bytes(data)
        self.assertNotIn(sealed[ids[0]], blob)
        self.assertNotIn(sealed[ids[1]], blob)
        self.assertIn(sealed[ids[2]], blob)
        wal = os.path.join(data, "hulpwijzer.db-wal")  # truncated, or removed at the last close
        self.assertTrue(not os.path.exists(wal) or os.path.getsize(wal) == 0)


class OperatorCommands(unittest.TestCase):
    def setUp(self):
        self.data = tempfile.mkdtemp(prefix="hw-ops-")

    def cli(self, *args, stdin=None):
        return run_cli(*args, "--data", self.data, env=FAST, stdin=stdin)

    def login(self, server, email, password):
        return server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                              json.dumps({"email": email, "password": password}).encode())

    def test_onboarding_rotation_recovery_and_removal(self):
        created = self.cli("org", "keys", "create", "--org", "moviera")
        self.assertEqual(created.returncode, 0, created.stderr)
        sheet = re.search(r"((?:[0-9A-F]{4}-){15}[0-9A-F]{4})", created.stdout).group(1)
        self.assertEqual(self.cli("org", "keys", "create", "--org", "moviera").returncode, 65)  # once
        self.assertEqual(self.cli("org", "keys", "create", "--org", "nope").returncode, 65)
        added = self.cli("user", "add", "--email", "a@moviera.test", "--role", "partner", "--org", "moviera",
                         stdin="a long enough password\n")
        self.assertEqual(added.returncode, 0, added.stderr)
        self.assertNotIn("a long enough password", added.stdout + added.stderr)
        self.assertEqual(self.cli("user", "add", "--email", "b@x.test", "--role", "partner", "--org", "moviera",
                                  stdin="short\n").returncode, 65)
        self.assertEqual(self.cli("user", "grant", "--email", "a@moviera.test", "--org", "moviera",
                                  stdin="0000-" * 15 + "0000\n").returncode, 65)
        granted = self.cli("user", "grant", "--email", "a@moviera.test", "--org", "moviera", stdin=sheet + "\n")
        self.assertEqual(granted.returncode, 0, granted.stderr)
        rotated = self.cli("org", "keys", "rotate", "--org", "moviera")
        self.assertEqual(rotated.returncode, 0, rotated.stderr)
        self.assertIn("key version 2", rotated.stdout)
        listed = self.cli("user", "list")
        self.assertIn("a@moviera.test\tpartner\tmoviera", listed.stdout)

        # The directory must take requests for the real server to accept one: demo data is
        # not used here, so check the keys through a login instead.
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            self.assertEqual(self.login(server, "a@moviera.test", "a long enough password").status, 201)
            self.assertEqual(self.login(server, "a@moviera.test", "wrong password!!").status, 401)
            removed = self.cli("user", "remove", "--email", "a@moviera.test")
            self.assertEqual(removed.returncode, 0)
            self.assertEqual(self.login(server, "a@moviera.test", "a long enough password").status, 401)

    def test_removed_staff_lose_their_session_at_once(self):
        accounts = demo(self.data)
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            partner = Staff(server, accounts["veilig-thuis"])
            self.assertEqual(partner.call("GET", "requests").status, 200)
            self.assertEqual(self.cli("user", "remove", "--email", accounts["veilig-thuis"]["email"]).returncode, 0)
            self.assertEqual(partner.call("GET", "requests").status, 401)

    def test_help_and_secrets_never_on_the_command_line(self):
        for command in ("org", "user", "purge", "demo"):
            result = run_cli(command, "--help")
            self.assertEqual(result.returncode, 0)
            self.assertIn("usage: hulpwijzer " + command, result.stdout)
        self.assertEqual(run_cli("user", "add", "--email", "a@b.test", "--password", "x").returncode, 64)


if __name__ == "__main__":
    unittest.main()
