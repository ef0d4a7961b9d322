"""Issue 12, finding 1: nobody can switch an organisation's inbox off. The attack of the
review, over real sockets: one party sends valid requests, each with the proof of work the
server asks for, from 400 addresses (as the shipped nginx passes them on in X-Real-IP),
five each, 2,000 in all. A resident who comes next is still accepted, within 3 s; the
flood made the work dearer for every further request; one IPv6 /56 or /48 gets no further
than one home or one customer may; and the partner removes the flood in one audited action."""
import concurrent.futures
import json
import tempfile
import time
import unittest

from server_process import CHALLENGE_PATH, ServerProcess, run_cli, solve

FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}
COOKIE = "__Host-hw_session"


def body(org_id, message):
    return {"organization_id": org_id, "channel": "phone", "phone": "06 1234 5678", "safe_times": ["weekend"],
            "voicemail_ok": False, "may_identify": False, "language": "nl", "message": message, "consent": True}


class Flood(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = tempfile.mkdtemp(prefix="hw-flood-")
        demo = run_cli("demo", "--data", cls.data, "--json", env=FAST)
        assert demo.returncode == 0, demo.stderr
        cls.accounts = {(a["organization"] or a["role"]): a for a in json.loads(demo.stdout)["accounts"]}
        cls.server = ServerProcess(data_dir=cls.data, args=["--behind-proxy"], env=FAST).__enter__()
        orgs = cls.server.get("/api/v1/directory").json()["organizations"]
        cls.org_ids = {o["key"]: o["id"] for o in orgs}

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def send(self, real_ip, org="moviera", message="flood"):
        return self.server.contact_request(body(self.org_ids[org], message), {"X-Real-IP": real_ip})

    def bits(self, org="moviera"):
        answer = self.server.request("POST", CHALLENGE_PATH, {"Content-Type": "application/json"},
                                     json.dumps({"organization_id": self.org_ids[org]}).encode())
        self.assertEqual(answer.status, 200, answer.body)
        return answer.json()["bits"]

    def test_2000_requests_from_400_addresses_do_not_close_the_inbox(self):
        base = self.bits()
        addresses = ["10.12.%d.%d" % (n // 200, n % 200 + 1) for n in range(400)]
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
            statuses = list(pool.map(lambda ip: [self.send(ip).status for _ in range(5)], addresses))
        flood_seconds = time.monotonic() - started
        self.assertEqual([s for five in statuses for s in five], [202] * 2000)
        # A sixth from any of them is refused: the per-client limit still holds.
        self.assertEqual(self.send(addresses[7]).status, 429)

        # The flood pays more and more: every further request costs 8 times the work.
        self.assertEqual(self.bits(), base + 3)
        self.assertEqual(self.bits("veilig-thuis"), base)  # other organisations are not affected
        # The operator sees it coming: one warning per step, naming the organisation only.
        warned = [json.loads(line) for line in self.server.logs_so_far() if "contact_inflow_high" in line]
        self.assertEqual([(w["level"], w["organization_id"], w["proof_of_work_bits"]) for w in warned],
                         [("warn", self.org_ids["moviera"], base + n) for n in range(1, 4)])

        # A resident who comes now: challenge, work, request, accepted within 3 s.
        started = time.monotonic()
        resident = self.send("192.0.2.77", message="ECHTE-BEWONER")
        resident_seconds = time.monotonic() - started
        self.assertEqual(resident.status, 202, resident.body)
        self.assertLess(resident_seconds, 3.0, "the flood took %.1f s" % flood_seconds)

        # The partner finds the flood by its time window and removes it in one audited action.
        partner = self.login(self.accounts["moviera"])
        now = int(time.time())
        window = partner("GET", "requests?from=%d&to=%d" % (now - 600, now + 60))
        self.assertEqual(window.status, 200, window.body)
        ids = [r["id"] for r in window.json()["requests"]]
        self.assertEqual(len(ids), 2001)
        opened = partner("POST", "requests/batch-open", {"ids": ids[:200]})
        self.assertEqual(opened.status, 200, opened.body)
        messages = [r["request"]["message"] for r in opened.json()["requests"]]
        self.assertEqual(messages.count("ECHTE-BEWONER"), 1)  # newest first: the resident's is among them
        fakes = [r["id"] for r in opened.json()["requests"] if r["request"]["message"] == "flood"]
        self.assertEqual(partner("POST", "requests/batch-open", {"ids": ids[:201]}).status, 400)  # one screen at most
        deleted = partner("POST", "requests/batch-delete", {"ids": fakes})
        self.assertEqual(deleted.status, 200, deleted.body)
        self.assertEqual(deleted.json()["deleted"], 199)
        left = partner("GET", "requests?from=%d&to=%d" % (now - 600, now + 60)).json()["requests"]
        self.assertEqual(len(left), 2001 - 199)
        admin = self.login(self.accounts["admin"])
        entries = admin("GET", "audit").json()["entries"]
        batch = [e for e in entries if e["action"] == "delete_requests"]
        self.assertEqual(len(batch), 1)
        self.assertTrue(all(i in batch[0]["target"] for i in fakes))

    def test_one_ipv6_home_or_customer_counts_once_whatever_its_64s(self):
        # 256 /64s of one /56 (a home), 5 each: once, 10 are stored in all.
        home = [self.send("2001:db8:5:7%02x::1" % n, org="veilig-thuis").status for n in range(12)]
        self.assertEqual(home, [202] * 10 + [429] * 2)
        # Every /56 of one /48 (a customer): 25 in all, then nothing from it.
        customer = [self.send("2001:db8:6:%x00::1" % n, org="veilig-thuis").status for n in range(30)]
        self.assertEqual(customer, [202] * 25 + [429] * 5)
        self.assertEqual(self.send("2001:db8:7::1", org="veilig-thuis").status, 202)  # the next customer

    def test_a_request_without_the_work_is_not_stored(self):
        plain = body(self.org_ids["centrum-seksueel-geweld"], "no work")
        headers = {"Content-Type": "application/json", "X-Real-IP": "192.0.2.90"}
        for proof in (None, {"challenge": "00" * 37, "nonce": "1"}, "x"):
            sent = dict(plain, **({} if proof is None else {"proof": proof}))
            answer = self.server.request("POST", "/api/v1/contact-requests", headers, json.dumps(sent).encode())
            self.assertEqual(answer.status, 422, answer.body)
            self.assertEqual((answer.json()["error"]["code"], answer.json()["error"]["field"]), ("proof_rejected", "proof"))
        # A proof is used once: the same body again is refused.
        challenge = self.server.request("POST", CHALLENGE_PATH, headers,
                                        json.dumps({"organization_id": plain["organization_id"]}).encode()).json()
        proven = dict(plain, proof={"challenge": challenge["challenge"],
                                    "nonce": solve(challenge["challenge"], challenge["bits"])})
        first = self.server.request("POST", "/api/v1/contact-requests", headers, json.dumps(proven).encode())
        again = self.server.request("POST", "/api/v1/contact-requests", headers, json.dumps(proven).encode())
        self.assertEqual((first.status, again.status), (202, 422))
        self.assertIn("used before", again.json()["error"]["message"])

    def login(self, account):
        response = self.server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                                       json.dumps({"email": account["email"], "password": account["password"]}).encode())
        self.assertEqual(response.status, 201, response.body)
        token = response.header("set-cookie").split(";")[0].split("=", 1)[1]
        csrf = response.json()["csrf_token"]

        def call(method, path, payload=None):
            headers = {"Cookie": "%s=%s" % (COOKIE, token), "X-CSRF-Token": csrf}
            data = b""
            if payload is not None:
                headers["Content-Type"] = "application/json"
                data = json.dumps(payload).encode()
            return self.server.request(method, "/staff/api/v1/" + path, headers, data)
        return call


if __name__ == "__main__":
    unittest.main()
