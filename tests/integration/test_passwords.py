"""Passwords that protect staff keys (issue 12, finding 7), over the real binary: the
command line refuses guessable ones with the reason, and a login under stronger
Argon2id parameters than an account was made with re-wraps its key under them."""
import json
import os
import sqlite3
import tempfile
import unittest

from server_process import ServerProcess, run_cli

FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}


def login(server, email, password):
    return server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                          json.dumps({"email": email, "password": password}).encode())


class GuessablePasswords(unittest.TestCase):
    def setUp(self):
        self.data = tempfile.mkdtemp(prefix="hw-pw-")

    def add(self, password, email="a@moviera.test"):
        return run_cli("user", "add", "--email", email, "--role", "editor", "--data", self.data, env=FAST,
                       stdin=password + "\n")

    def test_the_command_line_refuses_them_with_the_reason_and_adds_nobody(self):
        cases = [("aaaaaaaaaaaa", "repeats"), ("qwertyuiopasdf", "common passwords"), ("Welkom123456", "too easy to guess"),
                 ("moviera.test-moviera", "too easy to guess"), ("kort", "at least 12 characters")]
        for password, reason in cases:
            with self.subTest(password=password):
                result = self.add(password)
                self.assertEqual(result.returncode, 65, result.stderr)
                self.assertIn(reason, result.stderr)
                self.assertNotIn(password, result.stdout + result.stderr)  # a secret is never echoed
        listed = run_cli("user", "list", "--data", self.data, env=FAST)
        self.assertNotIn("a@moviera.test", listed.stdout)

    def test_strong_and_generated_passwords_and_the_demo_accounts_pass(self):
        self.assertEqual(self.add("tulp regen vijver sleutel").returncode, 0)
        generated = run_cli("user", "add", "--email", "b@moviera.test", "--role", "editor", "--generate-password",
                            "--data", self.data, env=FAST)
        self.assertEqual(generated.returncode, 0, generated.stderr)
        demo = run_cli("demo", "--data", tempfile.mkdtemp(prefix="hw-pw-demo-"), "--json", env=FAST)
        self.assertEqual(demo.returncode, 0, demo.stderr)
        self.assertEqual(len(json.loads(demo.stdout)["accounts"]), 6)  # three partners, two editors, an admin


class StrongerHashAtLogin(unittest.TestCase):
    def kdf(self, email):
        db = sqlite3.connect(os.path.join(self.data, "hulpwijzer.db"))
        row = db.execute("SELECT kdf_ops, kdf_mem, kdf_salt FROM staff WHERE email = ?", (email,)).fetchone()
        db.close()
        return row

    def test_an_account_made_with_weak_parameters_is_rewrapped_at_its_next_login(self):
        self.data = tempfile.mkdtemp(prefix="hw-pw-rehash-")
        accounts = json.loads(run_cli("demo", "--data", self.data, "--json", env=FAST).stdout)["accounts"]
        partner = [a for a in accounts if a["organization"] == "moviera"][0]
        ops, mem, salt = self.kdf(partner["email"])
        self.assertLess(mem, 64 << 20)  # made at the library minimum
        with ServerProcess(data_dir=self.data, env={"HULPWIJZER_FAST_KDF_FOR_TESTS": ""}) as server:  # production
            self.assertEqual(login(server, partner["email"], partner["password"] + "x").status, 401)
            self.assertEqual(self.kdf(partner["email"]), (ops, mem, salt))  # a wrong password changes nothing
            self.assertEqual(login(server, partner["email"], partner["password"]).status, 201)
            new_ops, new_mem, new_salt = self.kdf(partner["email"])
            self.assertGreaterEqual(new_mem, 64 << 20)
            self.assertGreater(new_mem, mem)
            self.assertNotEqual(new_salt, salt)
            # The re-wrapped key still opens: the partner logs in again and reads the inbox.
            again = login(server, partner["email"], partner["password"])
            self.assertEqual(again.status, 201)
            cookie = {"Cookie": again.header("set-cookie").split(";")[0]}
            self.assertEqual(server.request("GET", "/staff/api/v1/requests", cookie).status, 200)


if __name__ == "__main__":
    unittest.main()
