"""The audit log (issue 12, finding 6): reads cannot be pushed out of view (the admin pages
through every entry and filters by person, action and request), the log is a hash chain
that `hulpwijzer audit verify` checks on the real file after an edit with sqlite3, and an
action whose entry cannot be written does not happen: the request is not shown."""
import hashlib
import json
import os
import re
import sqlite3
import struct
import tempfile
import unittest

from server_process import ServerProcess, run_cli
from test_contact_requests import FAST, Staff, demo, submit_to


def rechain(db_path, start):
    """Recomputes every link from entry `start` on, as crypto/chain_hash.cpp does: BLAKE2b-256
    over the previous hash and the fields, each prefixed with its length (8 bytes, LE)."""
    def link(previous, fields):
        h = hashlib.blake2b(digest_size=32)
        for part in [previous] + [str(f).encode() for f in fields]:
            h.update(struct.pack("<Q", len(part)) + part)
        return h.digest()
    db = sqlite3.connect(db_path, timeout=10)
    with db:
        (previous,) = db.execute("SELECT entry_hash FROM audit_log WHERE id = ?", (start - 1,)).fetchone()
        rows = db.execute("SELECT id, at, actor, action, COALESCE(organization, ''), COALESCE(target, '') "
                          "FROM audit_log WHERE id >= ? ORDER BY id", (start,)).fetchall()
        for row in rows:
            digest = link(previous, row)
            db.execute("UPDATE audit_log SET previous_hash = ?, entry_hash = ? WHERE id = ?", (previous, digest, row[0]))
            previous = digest
    db.close()


class AuditCase(unittest.TestCase):
    def setUp(self):
        self.data = tempfile.mkdtemp(prefix="hw-audit-")
        self.accounts = demo(self.data)
        self.db_path = os.path.join(self.data, "hulpwijzer.db")

    def verify(self):
        return run_cli("audit", "verify", "--data", self.data)

    def sql(self, statement, *args):
        db = sqlite3.connect(self.db_path, timeout=10)
        try:
            with db:
                return db.execute(statement, args).fetchall()
        finally:
            db.close()

    def requests_of(self, server, partner, count, prefix="R"):
        orgs = {o["key"]: o["id"] for o in server.get("/api/v1/directory").json()["organizations"]}
        for n in range(count):
            submit_to(server, orgs["veilig-thuis"], "%s-%d" % (prefix, n), "127.0.5.%d" % (1 + n // 5))
        return [r["id"] for r in partner.call("GET", "requests").json()["requests"]]


class Chain(AuditCase):
    def test_an_entry_edited_with_sqlite3_is_named_by_audit_verify(self):
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            partner = Staff(server, self.accounts["veilig-thuis"])
            ids = self.requests_of(server, partner, 3)
            for rid in ids:
                self.assertEqual(partner.call("GET", "requests/" + rid).status, 200)
            intact = self.verify()  # beside the running server
        self.assertEqual(intact.returncode, 0, intact.stderr)
        self.assertRegex(intact.stdout, r"audit log whole: \d+ entries")
        self.assertRegex(intact.stdout, r"head: \d+:[0-9a-f]{64}")

        # Hide that a request was read: the opener becomes someone else.
        (entry,) = self.sql("SELECT id FROM audit_log WHERE action = 'open_request' AND target = ?", ids[1])[0:1]
        self.sql("UPDATE audit_log SET actor = 'nobody@example.test' WHERE id = ?", entry[0])
        broken = self.verify()
        self.assertEqual(broken.returncode, 65, broken.stdout + broken.stderr)
        self.assertIn("broken at entry %d" % entry[0], broken.stderr)
        self.assertIn("changed", broken.stderr)

    def test_a_log_rewritten_with_every_hash_recomputed_is_found_by_a_noted_head(self):
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            partner = Staff(server, self.accounts["veilig-thuis"])
            (rid,) = self.requests_of(server, partner, 1)
            self.assertEqual(partner.call("GET", "requests/" + rid).status, 200)
            noted = re.search(r"head: (\d+:[0-9a-f]{64})", self.verify().stdout).group(1)
            partner.call("DELETE", "session")  # more entries after the noted head
        # The careful attacker: drop the read, renumber what follows and recompute the chain.
        (opened,) = self.sql("SELECT id FROM audit_log WHERE action = 'open_request'")
        self.sql("DELETE FROM audit_log WHERE id = ?", opened[0])
        self.sql("UPDATE audit_log SET id = id - 1 WHERE id > ?", opened[0])
        rechain(self.db_path, opened[0])
        self.assertEqual(self.verify().returncode, 0)  # the chain alone cannot tell
        caught = run_cli("audit", "verify", "--data", self.data, "--head", noted)
        self.assertEqual(caught.returncode, 65, caught.stdout + caught.stderr)
        self.assertIn("broken at entry %s" % noted.split(":")[0], caught.stderr)
        self.assertIn("rewritten", caught.stderr)
        self.assertEqual(run_cli("audit", "verify", "--data", self.data, "--head", "12:xyz").returncode, 64)

    def test_a_deleted_entry_is_found(self):
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            partner = Staff(server, self.accounts["veilig-thuis"])
            (rid,) = self.requests_of(server, partner, 1)
            self.assertEqual(partner.call("GET", "requests/" + rid).status, 200)
            partner.call("DELETE", "session")
        (entry,) = self.sql("SELECT id FROM audit_log WHERE action = 'open_request'")
        self.sql("DELETE FROM audit_log WHERE id = ?", entry[0])
        broken = self.verify()
        self.assertEqual(broken.returncode, 65)
        self.assertIn("broken at entry %d" % (entry[0] + 1), broken.stderr)
        self.assertIn("missing", broken.stderr)

    def test_help_and_usage(self):
        shown = run_cli("audit", "--help")
        self.assertEqual(shown.returncode, 0)
        self.assertIn("usage: hulpwijzer audit verify", shown.stdout)
        self.assertIn("Exit codes", shown.stdout)
        self.assertEqual(run_cli("audit").returncode, 64)
        self.assertEqual(run_cli("audit", "check", "--data", self.data).returncode, 64)
        self.assertEqual(run_cli("audit", "verify", "--data", os.path.join(self.data, "nothing")).returncode, 66)


class View(AuditCase):
    def test_every_entry_can_be_paged_to_and_filtered(self):
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            partner = Staff(server, self.accounts["veilig-thuis"])
            ids = self.requests_of(server, partner, 4)
            target = ids[0]
            self.assertEqual(partner.call("GET", "requests/" + target).status, 200)
            # Push the read out of view: 600 further entries (the old view showed the last 500).
            for _ in range(300):
                for rid in ids[1:3]:
                    self.assertEqual(partner.call("GET", "requests/" + rid).status, 200)
            admin = Staff(server, self.accounts["admin"])

            seen, before, pages = [], None, 0
            while True:
                page = admin.call("GET", "audit?limit=200" + ("&before=%d" % before if before else "")).json()
                seen += page["entries"]
                pages += 1
                before = page["next_before"]
                if before is None:
                    break
            self.assertGreater(pages, 3)
            self.assertEqual(len({e["id"] for e in seen}), len(seen))  # no entry twice
            self.assertEqual([e["id"] for e in seen], sorted((e["id"] for e in seen), reverse=True))
            self.assertTrue([e for e in seen if e["action"] == "open_request" and e["target"] == target])

            found = admin.call("GET", "audit?request=" + target).json()["entries"]
            self.assertEqual([e["action"] for e in found], ["open_request"])
            self.assertEqual(found[0]["actor"], self.accounts["veilig-thuis"]["email"])
            by_person = admin.call("GET", "audit?limit=500&actor=" + self.accounts["veilig-thuis"]["email"].upper()).json()
            self.assertEqual({e["actor"] for e in by_person["entries"]}, {self.accounts["veilig-thuis"]["email"]})
            logins = admin.call("GET", "audit?action=login").json()["entries"]
            self.assertEqual({e["action"] for e in logins}, {"login"})
            self.assertGreaterEqual(len(logins), 2)

            for query, field in (("limit=0", "limit"), ("limit=501", "limit"), ("before=x", "before"),
                                 ("colour=red", "colour")):
                refused = admin.call("GET", "audit?" + query)
                self.assertEqual(refused.status, 400, query)
                self.assertEqual(refused.json()["error"]["field"], field)
            self.assertEqual(partner.call("GET", "audit?request=" + target).status, 403)


class WriteFailure(AuditCase):
    """The audit table refuses writes (a trigger added with sqlite3 to the real file): the
    server must then refuse to show or change the request rather than act unrecorded."""

    def test_a_request_whose_reading_cannot_be_recorded_is_not_shown(self):
        marker = "AUDIT-UNRECORDED-MARKER"
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            partner = Staff(server, self.accounts["veilig-thuis"])
            (rid,) = self.requests_of(server, partner, 1, prefix=marker)
            self.sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'refused'); END")
            opened = partner.call("GET", "requests/" + rid)
            self.assertEqual(opened.status, 503, opened.body)
            self.assertNotIn(marker.encode(), opened.body)
            self.assertEqual(partner.call("PATCH", "requests/" + rid, {"status": "closed"}).status, 503)
            self.assertEqual(partner.call("DELETE", "requests/" + rid).status, 503)
            self.assertEqual(partner.call("GET", "requests").json()["requests"][0]["status"], "new")
            login = server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                                   json.dumps({"email": self.accounts["moviera"]["email"],
                                               "password": self.accounts["moviera"]["password"]}).encode())
            self.assertEqual(login.status, 503)
            self.assertFalse(login.header("set-cookie"))

            self.sql("DROP TRIGGER refuse_audit")
            reopened = partner.call("GET", "requests/" + rid)
            self.assertEqual(reopened.status, 200)
            self.assertIn(marker, reopened.json()["request"]["message"])
        self.assertEqual(len(self.sql("SELECT id FROM audit_log WHERE action = 'open_request'")), 1)
        self.assertEqual(self.verify().returncode, 0)

    def test_a_directory_change_that_cannot_be_recorded_does_not_happen(self):
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            editor = Staff(server, self.accounts["editor"])
            draft = editor.call("GET", "directory/draft").json()
            saved = editor.call("PUT", "directory/draft", {"revision": draft["revision"], "directory": draft["directory"]})
            self.assertEqual(saved.status, 200, saved.body)
            version = server.get("/healthz").json()["directory_version"]
            self.sql("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'refused'); END")
            published = editor.call("POST", "directory/publish", {"revision": saved.json()["revision"]})
            self.assertEqual(published.status, 503, published.body)
            again = editor.call("PUT", "directory/draft", {"revision": saved.json()["revision"],
                                                           "directory": draft["directory"]})
            self.assertEqual(again.status, 503, again.body)
            self.assertEqual(editor.call("DELETE", "directory/draft").status, 503)
            self.sql("DROP TRIGGER refuse_audit")
            self.assertEqual(server.get("/healthz").json()["directory_version"], version)
            self.assertEqual(editor.call("GET", "directory/draft").json()["revision"], saved.json()["revision"])
            self.assertEqual(editor.call("POST", "directory/publish", {"revision": saved.json()["revision"]}).status, 201)
        self.assertEqual(self.verify().returncode, 0)


if __name__ == "__main__":
    unittest.main()
