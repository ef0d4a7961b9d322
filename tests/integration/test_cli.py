"""The command line of the real binary: help, version, exit codes, start-up, data folder."""
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import unittest

from server_process import BINARY, ServerProcess, run_cli

SOURCE = os.path.join(os.path.dirname(__file__), "../..")


# The binary that ships (build/hulpwijzer); BINARY is hulpwijzer-for-tests.
SHIPPED = os.environ.get("HW_SHIPPED_BINARY", os.path.join(os.path.dirname(BINARY), "hulpwijzer"))
FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}


class FastKdfSwitch(unittest.TestCase):
    """Issue 12, finding 11: HULPWIJZER_FAST_KDF_FOR_TESTS must not weaken the password
    hashes of the shipped binary (a stray line in a unit file would otherwise do it for
    every account). The attack: set it and create accounts with the shipped binary; the
    stored Argon2id parameters must be the production ones."""

    def stored_kdf_memory(self, binary):
        data = tempfile.mkdtemp(prefix="hw-kdf-")
        self.addCleanup(shutil.rmtree, data, True)
        env = dict(os.environ, **FAST)
        result = subprocess.run([binary, "demo", "--data", data, "--json"], capture_output=True, text=True, env=env,
                                timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        self.addCleanup(db.close)
        return {row[0] for row in db.execute("SELECT kdf_mem FROM staff")}

    def test_the_shipped_binary_ignores_the_switch(self):
        self.assertEqual(self.stored_kdf_memory(SHIPPED), {64 * 1024 * 1024})  # crypto_pwhash INTERACTIVE
        version = subprocess.run([SHIPPED, "--version"], capture_output=True, text=True, timeout=30)
        self.assertRegex(version.stdout, r"^hulpwijzer \d+\.\d+\.\d+\n$")

    def test_the_test_build_honours_it(self):
        # The other half: without it the check above could pass for a switch that never works.
        self.assertEqual(self.stored_kdf_memory(BINARY), {8192})  # the library minimum


class Help(unittest.TestCase):
    def test_version(self):
        result = run_cli("--version")
        self.assertEqual(result.returncode, 0)
        self.assertRegex(result.stdout, r"^hulpwijzer \d+\.\d+\.\d+ \(test build: honours HULPWIJZER_FAST_KDF_FOR_TESTS\)\n$")

    def test_help_for_the_program_and_every_subcommand(self):
        for args in (["--help"], ["serve", "--help"], ["directory", "--help"]):
            with self.subTest(args=args):
                result = run_cli(*args)
                self.assertEqual(result.returncode, 0)
                self.assertIn("usage: hulpwijzer", result.stdout)

    def test_usage_errors_exit_64_and_say_what_to_do(self):
        cases = [
            ([], "usage"), (["fly"], "unknown command"), (["serve", "--port", "1"], "unknown option --port"),
            (["serve", "--listen", "nonsense"], "HOST:PORT"), (["serve", "--listen", "127.0.0.1:99999"], "0 to 65535"),
            (["serve", "--exit-url", "javascript:alert(1)"], "https://"), (["serve", "--threads", "1"], "2 to 1024"),
            (["serve", "--listen"], "needs a value"), (["directory", "frobnicate"], "usage"),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                result = run_cli(*args)
                self.assertEqual(result.returncode, 64, result.stderr)
                self.assertIn(message, result.stderr)

    def test_environment_variables_configure_serve(self):
        data = tempfile.mkdtemp(prefix="hw-env-")
        with ServerProcess(data_dir=data, env={"HULPWIJZER_EXIT_URL": "https://example.org/weer"}) as server:
            self.assertEqual(server.get("/exit").header("location"), "https://example.org/weer")
        with ServerProcess(args=["--hsts"]) as server:
            self.assertEqual(server.get("/").header("strict-transport-security"), "max-age=63072000; includeSubDomains")


def started_once():
    """A data folder after one start and stop, and an open connection to its database."""
    data = tempfile.mkdtemp(prefix="hw-db-")
    with ServerProcess(data_dir=data):
        pass
    return data, sqlite3.connect(os.path.join(data, "hulpwijzer.db"))


def run_as_nobody(*args):
    """The binary as user "nobody": a folder of root's with mode 0555 is then really read-only
    to it (root may write anywhere, and an owner's chmod to 0700 would undo the 0555)."""
    if os.geteuid() != 0:
        raise unittest.SkipTest("needs root to run the binary as another user")
    if not os.access(BINARY, os.X_OK) or any(os.stat(d).st_mode & 0o001 == 0 for d in parents(BINARY)):
        raise unittest.SkipTest("the binary is not reachable for other users")
    return subprocess.run([BINARY] + list(args), capture_output=True, text=True, timeout=60, user="nobody",
                          group="nogroup", extra_groups=[], cwd="/")


def parents(path):
    path = os.path.dirname(os.path.abspath(path))
    while path != "/":
        yield path
        path = os.path.dirname(path)


def readable_by_others(*paths):
    for path in paths:
        os.chmod(path, 0o755 if os.path.isdir(path) else 0o644)


class DataFolder(unittest.TestCase):
    def test_first_start_creates_the_folder_and_seeds_the_directory(self):
        parent = tempfile.mkdtemp(prefix="hw-fresh-")
        data = os.path.join(parent, "deep", "data")
        with ServerProcess(data_dir=data) as server:
            health = server.get("/healthz").json()
            self.assertEqual(health["directory_version"], 1)
        self.assertEqual(os.stat(data).st_mode & 0o777, 0o700)
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        self.assertEqual(db.execute("PRAGMA journal_mode").fetchone()[0], "wal")
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], health["schema_version"])
        self.assertEqual(db.execute("SELECT count(*), max(published_by) FROM directory_versions").fetchone(),
                         (1, "embedded default"))
        db.close()
        # A restart keeps what is there: no second seed.
        with ServerProcess(data_dir=data) as server:
            self.assertEqual(server.get("/healthz").json()["directory_version"], 1)
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        self.assertEqual(db.execute("SELECT count(*) FROM directory_versions").fetchone()[0], 1)
        db.close()
        shutil.rmtree(parent)

    def test_a_data_folder_that_cannot_be_created(self):
        parent = tempfile.mkdtemp(prefix="hw-block-")
        blocker = os.path.join(parent, "file")
        open(blocker, "w").close()
        result = run_cli("serve", "--listen", "127.0.0.1:0", "--data", os.path.join(blocker, "data"))
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("cannot create the data folder", result.stderr)

    def test_a_read_only_data_folder_with_a_database_is_a_database_error(self):
        # sysexits(3): 74 EX_IOERR, the database is there but cannot be opened for writing.
        data, db = started_once()
        db.close()
        parent = os.path.dirname(data)  # the system's temporary folder
        self.assertEqual(os.stat(parent).st_mode & 0o005, 0o005)
        before = {f: os.path.getsize(os.path.join(data, f)) for f in os.listdir(data)}
        readable_by_others(*[os.path.join(data, f) for f in os.listdir(data)])
        os.chmod(data, 0o555)
        self.addCleanup(shutil.rmtree, data, True)
        result = run_as_nobody("serve", "--listen", "127.0.0.1:0", "--data", data)
        self.assertEqual(result.returncode, 74, result.stderr)
        self.assertIn("hulpwijzer.db", result.stderr)
        self.assertNotIn("cannot create", result.stderr)
        self.assertEqual(before, {f: os.path.getsize(os.path.join(data, f)) for f in os.listdir(data)})

    def test_a_read_only_data_folder_without_a_database_cannot_create_it(self):
        # sysexits(3): 73 EX_CANTCREAT, the database is not there and cannot be made.
        data = tempfile.mkdtemp(prefix="hw-ro-")
        self.addCleanup(shutil.rmtree, data, True)
        os.chmod(data, 0o555)
        result = run_as_nobody("serve", "--listen", "127.0.0.1:0", "--data", data)
        self.assertEqual(result.returncode, 73, result.stderr)
        self.assertIn("hulpwijzer.db", result.stderr)
        self.assertEqual(os.listdir(data), [])

    def test_invalid_published_data_stops_the_server_naming_the_version_and_field(self):
        data, db = started_once()
        directory, questionnaire = db.execute("SELECT directory, questionnaire FROM directory_versions").fetchone()
        broken = json.loads(directory)
        broken["organizations"][0]["services"][0]["phones"][0]["tel"] = "+31999"
        db.execute("INSERT INTO directory_versions (directory, questionnaire, published_at, published_by) "
                   "VALUES (?, ?, 'now', 'test')", (json.dumps(broken), questionnaire))
        db.commit()
        db.close()
        result = run_cli("serve", "--listen", "127.0.0.1:0", "--data", data)
        self.assertEqual(result.returncode, 65, result.stderr)
        self.assertIn("published version 2", result.stderr)
        self.assertIn("services[0].phones[0].tel", result.stderr)

    def test_a_database_from_a_newer_program_is_refused(self):
        data, db = started_once()
        db.execute("PRAGMA user_version=99")
        db.commit()
        db.close()
        result = run_cli("serve", "--listen", "127.0.0.1:0", "--data", data)
        self.assertEqual(result.returncode, 74)
        self.assertIn("newer than this program knows", result.stderr)

    def test_port_in_use(self):
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen(1)
            port = taken.getsockname()[1]
            result = run_cli("serve", "--listen", "127.0.0.1:%d" % port, "--data", tempfile.mkdtemp(prefix="hw-port-"))
        self.assertEqual(result.returncode, 69, result.stderr)
        self.assertIn("choose another with --listen", result.stderr)


class FilesAreOwnerOnlyUnderUmask022(unittest.TestCase):
    """Finding 12 of issue 12: under Debian's default umask 022 the CLI used to leave
    databases and backups world-readable (0644). Every file it makes must be 0600."""

    def setUp(self):
        self.old_umask = os.umask(0o022)  # inherited by every command run below
        self.addCleanup(os.umask, self.old_umask)

    def assertOwnerOnly(self, path):
        self.assertEqual(oct(os.stat(path).st_mode & 0o777), oct(0o600), path)

    def database_files(self, folder):
        return [os.path.join(folder, n) for n in os.listdir(folder) if n.startswith("hulpwijzer.db")]

    def test_demo_backup_and_restore_make_files_only_their_owner_can_read(self):
        data = os.path.join(tempfile.mkdtemp(prefix="hw-umask-"), "data")
        result = run_cli("demo", "--data", data, "--json", env={"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"})
        self.assertEqual(result.returncode, 0, result.stderr)
        with ServerProcess(data_dir=data):  # the server's own -wal and -shm too
            made = self.database_files(data)
            self.assertTrue(any(p.endswith("-wal") for p in made), made)
            for path in made:
                self.assertOwnerOnly(path)

        backups = tempfile.mkdtemp(prefix="hw-umask-bk-")
        backup = os.path.join(backups, "hulpwijzer-backup.db")
        result = run_cli("backup", "--data", data, backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertOwnerOnly(backup)

        # A backup that was copied around with a looser mode still restores owner-only.
        os.chmod(backup, 0o644)
        restored = os.path.join(tempfile.mkdtemp(prefix="hw-umask-rs-"), "data")
        result = run_cli("restore", "--data", restored, backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        for path in self.database_files(restored):
            self.assertOwnerOnly(path)
        self.assertEqual(os.stat(restored).st_mode & 0o777, 0o700)

        # The database a restore keeps aside, made world-readable by an older release.
        os.chmod(os.path.join(restored, "hulpwijzer.db"), 0o644)
        result = run_cli("restore", "--data", restored, backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertOwnerOnly(os.path.join(restored, "hulpwijzer.db.before-restore"))


class DirectoryValidate(unittest.TestCase):
    def test_embedded_data_is_valid(self):
        result = run_cli("directory", "validate")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("valid:", result.stdout)

    def test_a_broken_file_names_the_file_the_entry_and_the_field(self):
        with open(os.path.join(SOURCE, "directory-data/directory.json")) as f:
            directory = json.load(f)
        for org in directory["organizations"]:
            if org["key"] == "centrum-seksueel-geweld":
                org["services"][0]["phones"][0]["number"] = "0800-0189"
        path = os.path.join(tempfile.mkdtemp(prefix="hw-val-"), "edited-directory.json")
        with open(path, "w") as f:
            json.dump(directory, f)
        result = run_cli("directory", "validate", "--directory", path)
        self.assertEqual(result.returncode, 65)
        self.assertIn('edited-directory.json: organization "centrum-seksueel-geweld"', result.stderr)
        self.assertIn("services[0].phones[0].tel", result.stderr)
        self.assertIn("does not match the written number \"0800-0189\"", result.stderr)
        self.assertIn("\n1 problem found; nothing was changed.", result.stderr)

    def edited_copy(self, edit):
        with open(os.path.join(SOURCE, "directory-data/directory.json")) as f:
            directory = json.load(f)
        edit({org["key"]: org for org in directory["organizations"]})
        path = os.path.join(tempfile.mkdtemp(prefix="hw-val-"), "edited-directory.json")
        with open(path, "w") as f:
            json.dump(directory, f)
        return path

    def test_a_first_result_nobody_can_call_is_refused_naming_path_moment_and_organisation(self):
        def unverify(orgs):  # Veilig Thuis's 24/7 line is what reaches every path at night
            orgs["veilig-thuis"]["services"][0]["phones"][0]["verified"] = False
        result = run_cli("directory", "validate", "--directory", self.edited_copy(unverify))
        self.assertEqual(result.returncode, 65, result.stdout)
        self.assertRegex(result.stderr, r"routing: at (MO|TU|WE|TH|FR|SA|SU) \d\d:\d\d \(Europe/Amsterdam\) the answers "
                                        r"danger=[a-z]+, [^\n]* put \"[a-z0-9-]+\" first, and no organisation in that "
                                        r"result can be reached then")
        self.assertIn("nothing was changed", result.stderr)

    def test_a_shown_detail_without_a_source_is_refused(self):
        def unsourced(orgs):
            del orgs["centrum-seksueel-geweld"]["services"][0]["phones"][0]["source_url"]
        result = run_cli("directory", "validate", "--directory", self.edited_copy(unsourced))
        self.assertEqual(result.returncode, 65)
        self.assertIn('organization "centrum-seksueel-geweld"', result.stderr)
        self.assertIn("services[0].phones[0].source_url: is marked verified but names no source", result.stderr)

    def test_counts_say_one_in_the_singular(self):
        path = os.path.join(SOURCE, "tests/fuzz/small-questionnaire.json")  # one question, two rules
        result = run_cli("directory", "validate", "--questionnaire", path)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("small-questionnaire.json (1 question, 2 rules)", result.stdout)
        self.assertRegex(result.stdout, r"\(\d+ organisations\)")

    def test_not_json(self):
        path = os.path.join(tempfile.mkdtemp(prefix="hw-val-"), "q.json")
        with open(path, "w") as f:
            f.write('{"format": 1,\n "questions": [,]}')
        result = run_cli("directory", "validate", "--questionnaire", path)
        self.assertEqual(result.returncode, 65)
        self.assertIn("q.json is not valid JSON", result.stderr)
        self.assertIn("line 2", result.stderr)

    def test_missing_file(self):
        result = run_cli("directory", "validate", "--directory", "/nonexistent/d.json")
        self.assertEqual(result.returncode, 66)


class RootOnTheServicesFolder(unittest.TestCase):
    """Root running a command on the service user's data folder would leave files only root
    may write (a -wal, a -shm, a restored database) and the service would not start again.
    Every command refuses that with exit 77 and says which user to run it as."""

    def test_every_command_refuses_and_changes_nothing(self):
        if os.geteuid() != 0:
            self.skipTest("needs root")
        data, db = started_once()
        db.close()
        self.addCleanup(shutil.rmtree, data, True)
        backup = os.path.join(tempfile.mkdtemp(prefix="hw-root-"), "copy.db")
        self.assertEqual(run_cli("backup", "--data", data, backup).returncode, 0)
        for path in [data] + [os.path.join(data, f) for f in os.listdir(data)]:
            shutil.chown(path, "nobody", "nogroup")
        before = {f: (os.stat(os.path.join(data, f)).st_uid, os.path.getsize(os.path.join(data, f)))
                  for f in os.listdir(data)}
        commands = [
            ["serve", "--listen", "127.0.0.1:0", "--data", data],
            ["directory", "export", "--format", "hsds", "--data", data],
            ["backup", "--data", data, backup + ".2"],
            ["restore", "--data", data, backup],
            ["user", "list", "--data", data],
            ["purge", "--data", data],
            ["org", "keys", "create", "--org", "moviera", "--data", data],
        ]
        for args in commands:
            with self.subTest(command=args[0]):
                result = run_cli(*args)
                self.assertEqual(result.returncode, 77, result.stderr)
                self.assertIn("belongs to user nobody", result.stderr)
                self.assertIn("sudo -u nobody", result.stderr)
                self.assertNotIn("listening", result.stdout)  # serve logs start_failed there; the rest prints nothing
                if args[0] != "serve":
                    self.assertEqual(result.stdout, "")
        after = {f: (os.stat(os.path.join(data, f)).st_uid, os.path.getsize(os.path.join(data, f)))
                 for f in os.listdir(data)}
        self.assertEqual(after, before)
        self.assertFalse(os.path.exists(backup + ".2"))


class DirectoryExportReadsOnly(unittest.TestCase):
    """`directory export --data` only reads: it never migrates or writes the database, so it
    works beside a running server and on a read-only copy (a backup on read-only media)."""

    EXPORT = ("directory", "export", "--format", "hsds", "--data")

    @classmethod
    def setUpClass(cls):
        cls.embedded = run_cli("directory", "export", "--format", "hsds").stdout
        assert cls.embedded.startswith("["), cls.embedded[:200]

    def data_folder(self):
        data, db = started_once()
        db.close()
        self.addCleanup(shutil.rmtree, data, True)
        return data

    def contents(self, data):
        result = {}
        for name in sorted(os.listdir(data)):
            with open(os.path.join(data, name), "rb") as f:
                result[name] = f.read()
        return result

    def read_only_copy(self, data, extra=()):
        copy = tempfile.mkdtemp(prefix="hw-ro-copy-")
        self.addCleanup(shutil.rmtree, copy, True)
        for name in ("hulpwijzer.db",) + tuple(extra):
            shutil.copy(os.path.join(data, name), copy)
        readable_by_others(*[os.path.join(copy, f) for f in os.listdir(copy)])
        os.chmod(copy, 0o555)
        return copy

    def test_the_database_is_left_as_it_was(self):
        data = self.data_folder()
        before = self.contents(data)
        result = run_cli(*self.EXPORT, data)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, self.embedded)
        after = self.contents(data)
        self.assertEqual(after["hulpwijzer.db"], before["hulpwijzer.db"])
        self.assertEqual(after.get("hulpwijzer.db-wal", b""), b"")  # a reader may leave an empty log, no more

    def test_a_read_only_copy_can_be_exported(self):
        copy = self.read_only_copy(self.data_folder())
        before = self.contents(copy)
        result = run_as_nobody(*self.EXPORT, copy)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, self.embedded)
        self.assertEqual(self.contents(copy), before)

    def test_a_read_only_copy_with_commits_in_its_log_is_refused(self):
        data = self.data_folder()
        writer = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        writer.execute("PRAGMA wal_autocheckpoint=0")
        writer.execute("UPDATE directory_versions SET published_by = 'only in the log'")
        writer.commit()
        self.assertGreater(os.path.getsize(os.path.join(data, "hulpwijzer.db-wal")), 0)
        copy = self.read_only_copy(data, extra=("hulpwijzer.db-wal",))
        writer.close()
        result = run_as_nobody(*self.EXPORT, copy)
        self.assertEqual(result.returncode, 74, result.stderr)
        self.assertIn("-wal", result.stderr)
        self.assertIn("copy the folder", result.stderr)
        self.assertEqual(result.stdout, "")

    def test_an_older_schema_is_named_and_not_migrated(self):
        data = self.data_folder()
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        latest = db.execute("PRAGMA user_version").fetchone()[0]
        db.execute("PRAGMA user_version = %d" % (latest - 1))
        db.commit()
        db.close()
        result = run_cli(*self.EXPORT, data)
        self.assertEqual(result.returncode, 74, result.stderr)
        self.assertIn("schema version %d" % (latest - 1), result.stderr)
        self.assertIn("start the server on it once", result.stderr)
        db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
        self.assertEqual(db.execute("PRAGMA user_version").fetchone()[0], latest - 1)
        db.close()


if __name__ == "__main__":
    unittest.main()
