"""Whoever left cannot read on (issue 12, finding 5). Before, a removed partner's password
plus any backup from before the removal opened requests submitted *after* it, because the
organisation's key never changed. Now `user remove` rotates the key: on real files, a
backup is taken, a partner removed, a request submitted; the removed partner, logging in
to the old backup with the new request copied into it, cannot open it, while a colleague
and a new partner granted with the printed recovery sheet can. What a removal cannot
protect is asserted too: requests already in the old backup stay readable to them."""
import os
import re
import shutil
import sqlite3
import tempfile
import unittest

from server_process import ServerProcess, run_cli
from test_contact_requests import FAST, Staff, demo, submit_to

ORG = "veilig-thuis"
SHEET = re.compile(r"((?:[0-9A-F]{4}-){15}[0-9A-F]{4})")


def query(path, statement, *args):
    db = sqlite3.connect(path, timeout=10)
    try:
        with db:
            return db.execute(statement, args).fetchall()
    finally:
        db.close()


class Removal(unittest.TestCase):
    def setUp(self):
        self.root = tempfile.mkdtemp(prefix="hw-removal-")
        self.data = os.path.join(self.root, "data")
        self.accounts = demo(self.data)
        self.leaver = self.accounts[ORG]
        self.db = os.path.join(self.data, "hulpwijzer.db")

    def tearDown(self):
        shutil.rmtree(self.root, ignore_errors=True)

    def cli(self, *args, stdin=None):
        result = run_cli(*args, "--data", self.data, env=FAST, stdin=stdin)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        return result.stdout

    def add_partner(self, email, sheet):
        self.cli("user", "add", "--email", email, "--role", "partner", "--org", ORG, stdin="a long enough password\n")
        self.cli("user", "grant", "--email", email, "--org", ORG, stdin=sheet + "\n")
        return {"email": email, "password": "a long enough password"}

    def find(self, partner, message):
        for item in partner.call("GET", "requests").json()["requests"]:
            opened = partner.call("GET", "requests/" + item["id"])
            if opened.status == 200 and opened.json()["request"]["message"] == message:
                return item["id"]
        return None

    def test_a_removed_partner_with_an_old_backup_cannot_open_what_came_after(self):
        # A sheet the test knows (the demo prints none): every later version opens with it.
        rotated = self.cli("org", "keys", "rotate", "--org", ORG, "--new-recovery-key")
        sheet = SHEET.search(rotated).group(1)
        colleague = self.add_partner("stays@veilig-thuis.test", sheet)
        backup = os.path.join(self.root, "before-removal.db")
        with ServerProcess(data_dir=self.data, env=FAST) as server:
            org_id = {o["key"]: o["id"] for o in server.get("/api/v1/directory").json()["organizations"]}[ORG]
            submit_to(server, org_id, "BEFORE-REMOVAL", "127.0.6.1")
            self.cli("backup", backup)  # what the leaver keeps (or steals) on the way out
            wrapped = query(self.db, "SELECT wrapped_secret FROM staff WHERE email = ?", self.leaver["email"])[0][0]

            removed = self.cli("user", "remove", "--email", self.leaver["email"])
            self.assertIn("new requests use key version 3", removed)
            self.assertIn("recovery sheet stays valid", removed)
            # Scrubbed at once: their wrapped key is in neither the database nor its -wal.
            wal = self.db + "-wal"
            self.assertTrue(not os.path.exists(wal) or os.path.getsize(wal) == 0)
            for path in (self.db, wal):
                if os.path.exists(path):
                    with open(path, "rb") as f:
                        self.assertNotIn(wrapped, f.read())

            submit_to(server, org_id, "AFTER-REMOVAL", "127.0.6.2")
            (after_id, version), = query(self.db, "SELECT id, key_version FROM contact_requests "
                                                  "ORDER BY created_at DESC, rowid DESC LIMIT 1")
            self.assertEqual(version, 3)
            # The colleague (after logging in again) and a new partner granted with the sheet read it.
            self.assertEqual(self.find(Staff(server, colleague), "AFTER-REMOVAL"), after_id)
            newcomer = self.add_partner("new@veilig-thuis.test", sheet)
            self.assertEqual(self.find(Staff(server, newcomer), "AFTER-REMOVAL"), after_id)
            audit = Staff(server, self.accounts["admin"]).call("GET", "audit?action=rotate_org_keys").json()
            self.assertIn("version 3 (removal of %s)" % self.leaver["email"], [e["target"] for e in audit["entries"]])

        # The attack: the old backup, with the new request copied into it, and the old password.
        row = query(self.db, "SELECT id, organization, key_version, sealed, status, created_at FROM contact_requests "
                             "WHERE id = ?", after_id)[0]
        query(backup, "INSERT INTO contact_requests (id, organization, key_version, sealed, status, created_at) "
                      "VALUES (?, ?, ?, ?, ?, ?)", *row)
        stolen = os.path.join(self.root, "stolen")
        os.mkdir(stolen, 0o700)
        shutil.copy(backup, os.path.join(stolen, "hulpwijzer.db"))
        with ServerProcess(data_dir=stolen, env=FAST) as server:
            leaver = Staff(server, self.leaver)
            refused = leaver.call("GET", "requests/" + after_id)
            self.assertEqual(refused.status, 403, refused.body)
            self.assertEqual(refused.json()["error"]["code"], "no_key")
            self.assertNotIn(b"AFTER-REMOVAL", refused.body)
            # What a removal cannot undo: a request already in the old backup.
            self.assertIsNotNone(self.find(leaver, "BEFORE-REMOVAL"))


if __name__ == "__main__":
    unittest.main()
