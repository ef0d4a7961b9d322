"""The rules of the house (../shared/DESIGN.md, issue 13), checked on the source tree.

`domain/` is the only door to the data and knows no HTTP; `http/` is thin and reaches no
store; only `store/` runs SQL or names the database's files; only `crypto/` calls
libsodium; `Status` and `Result` cannot be ignored ([[nodiscard]], and the build makes an
ignored one an error); the web app's script files stay small and never read meaning out
of the server's English sentences with a regular expression.

Where the tree does not yet keep a rule, KNOWN names each place with its size today: it
may shrink, never grow, and a new place fails at once. Issue 13 empties it.
"""
import os
import re
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SERVER = os.path.join(ROOT, "server")
WEBAPP = os.path.join(ROOT, "webapp")

MAX_SCRIPT_LINES = 500
# Script files over MAX_SCRIPT_LINES, with their length; none today (issue 13 split them,
# and the staff texts are data in webapp/i18n/staff/*.json). A file may be named here
# only while it is being split: it may shrink, never grow.
KNOWN_LONG_SCRIPTS = {}
# Regular expressions over server messages, per file; none today (every problem the
# server sends carries a code, issue 13).
KNOWN_MESSAGE_PATTERNS = {}


def files(top, *suffixes):
    for folder, _, names in os.walk(top):
        for name in sorted(names):
            if name.endswith(suffixes):
                yield os.path.join(folder, name)


def relative(path, top=ROOT):
    return os.path.relpath(path, top)


def code_of(path):
    """The C++ text without comments (a comment may speak of SQL or HTTP; code may not)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", "", text)


def is_test(path):
    return path.endswith("_test.cpp") or os.path.basename(path).startswith("test_")


def server_sources(exclude_folder=None, tests=False):
    for path in files(SERVER, ".cpp", ".h"):
        folder = relative(path, SERVER).split(os.sep)[0]
        if folder == exclude_folder or (is_test(path) and not tests):
            continue
        yield path


def offending_lines(path, pattern):
    found = []
    for number, line in enumerate(code_of(path).split("\n"), 1):
        if re.search(pattern, line):
            found.append("%s:%d: %s" % (relative(path), number, line.strip()))
    return found


class ServerFloors(unittest.TestCase):
    def assertNothing(self, found, rule):
        self.assertEqual(found, [], rule + ":\n" + "\n".join(found))

    def test_http_reaches_no_store(self):
        found = []
        for path in files(os.path.join(SERVER, "http"), ".cpp", ".h"):
            if not is_test(path):
                found += offending_lines(path, r'#include\s+"store/|\bstore::')
        self.assertNothing(found, "http/ calls domain objects only; a store include or call belongs in domain/")

    def test_only_store_runs_sql_or_names_the_database_files(self):
        sql = r'"\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|VACUUM)\s+[A-Za-z*(]'
        files_named = r'"[^"]*(hulpwijzer\.db|-wal|-shm)"'
        found = []
        for path in server_sources(exclude_folder="store"):
            found += offending_lines(path, sql + "|" + files_named + r"|\bsqlite3_?\w*\(|#include\s+<sqlite3\.h>")
        self.assertNothing(found, "SQL, the database's file names and sqlite3 belong in store/")

    def test_only_crypto_calls_libsodium(self):
        found = []
        for path in server_sources(exclude_folder="crypto", tests=True):
            found += offending_lines(path, r"#include\s+<sodium|\b(crypto_\w+|randombytes_\w+|sodium_\w+)\s*\(")
        self.assertNothing(found, "libsodium is called from crypto/ only")

    def test_domain_knows_no_http(self):
        found = []
        for path in files(os.path.join(SERVER, "domain"), ".cpp", ".h"):
            found += offending_lines(path, r'#include\s+"http/|httplib|\bHttp(Request|Response)\b|\bApiError\b')
        self.assertNothing(found, "domain/ knows no HTTP: it answers in Status codes, http/ maps them")

    def test_status_and_result_cannot_be_ignored(self):
        with open(os.path.join(SERVER, "util", "status.h"), encoding="utf-8") as f:
            status = f.read()
        self.assertRegex(status, r"class\s+\[\[nodiscard\]\]\s+Status\b")
        self.assertRegex(status, r"class\s+\[\[nodiscard\]\]\s+Result\b")
        with open(os.path.join(ROOT, "CMakeLists.txt"), encoding="utf-8") as f:
            build = f.read()
        self.assertIn("-Werror=unused-result", build)


    def test_unit_test_names_survive_ctest(self):
        """catch_discover_tests cuts a name at ';': such a test is registered as two that fail."""
        found = []
        for path in files(SERVER, "_test.cpp"):
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    if re.search(r'TEST_CASE\("[^"]*;', line):
                        found.append("%s:%d" % (relative(path), number))
        self.assertNothing(found, "a TEST_CASE name holds no ';'")


class WebApp(unittest.TestCase):
    def scripts(self):
        for path in files(WEBAPP, ".js"):
            with open(path, encoding="utf-8") as f:
                yield relative(path, WEBAPP), f.read()

    def test_script_files_stay_small(self):
        problems = []
        for name, text in self.scripts():
            lines = text.count("\n")
            allowed = KNOWN_LONG_SCRIPTS.get(name, MAX_SCRIPT_LINES)
            if lines > allowed:
                problems.append("%s: %d lines (at most %d)" % (name, lines, allowed))
        self.assertEqual(problems, [], "split a script file along its parts:\n" + "\n".join(problems))

    def test_no_regular_expression_reads_server_messages(self):
        # The message and the entry label are words for people; meaning travels in
        # code, params, organization and field.
        pattern = re.compile(r"\.(exec|test)\([^)]*\b(message|entry)\b|\b(message|entry)\b[^;\n]*\.match\(")
        problems = []
        for name, text in self.scripts():
            count = len(pattern.findall(text))
            if count > KNOWN_MESSAGE_PATTERNS.get(name, 0):
                problems.append("%s: %d regular expressions over a message (at most %d)"
                                % (name, count, KNOWN_MESSAGE_PATTERNS.get(name, 0)))
        self.assertEqual(problems, [], "render from the problem's code, not its English:\n" + "\n".join(problems))

    def test_the_known_lists_are_not_stale(self):
        """A file that got shorter lowers its ceiling here, so it cannot grow back."""
        texts = dict(self.scripts())
        for name, allowed in KNOWN_LONG_SCRIPTS.items():
            self.assertIn(name, texts, "KNOWN_LONG_SCRIPTS names a file that is gone: " + name)
            self.assertEqual(texts[name].count("\n"), allowed, "update KNOWN_LONG_SCRIPTS for " + name)


if __name__ == "__main__":
    unittest.main()
