"""Starts the real hulpwijzer binary on a free loopback port and speaks raw HTTP to it.

Raw sockets on purpose: the tests send what well-behaved clients never send (20,000
headers, chunked and compressed bodies, forged REMOTE_ADDR) and read responses byte for
byte (to see a doubled Content-Encoding, say).
"""
import hashlib
import itertools
import json
import os
import resource
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest

BINARY = os.environ.get("HW_BINARY", os.path.join(os.path.dirname(__file__), "../../build/hulpwijzer-for-tests"))
# Test servers ask for little proof of work (256 hashes instead of the default 2^17), so
# that tests can send hundreds of requests; the real default is measured in bench/.
TEST_ENV = {"HULPWIJZER_PROOF_OF_WORK_BITS": "8"}
CHALLENGE_PATH = "/api/v1/contact-requests/challenge"


def solve(challenge, bits):
    """The nonce the resident's browser finds: the first with `bits` leading zero bits."""
    for nonce in itertools.count():
        digest = hashlib.sha256(("%s:%d" % (challenge, nonce)).encode()).digest()
        if int.from_bytes(digest, "big") >> (256 - bits) == 0:
            return str(nonce)


def with_proof(post, body):
    """`body` (a dict) with the proof of work the server asks for its organisation, as the
    resident's page adds it. post(path, data) sends a JSON POST and returns the Response.
    When no challenge is given (an unknown organisation, say) the body goes without one."""
    answer = post(CHALLENGE_PATH, json.dumps({"organization_id": body.get("organization_id", "")}).encode())
    if answer.status != 200:
        return body
    challenge = answer.json()
    return dict(body, proof={"challenge": challenge["challenge"], "nonce": solve(challenge["challenge"], challenge["bits"])})


class Response:
    def __init__(self, status, reason, headers, body):
        self.status = status
        self.reason = reason
        self.headers = headers  # list of (lowercase name, value)
        self.body = body

    def header(self, name):
        values = self.all(name)
        return values[0] if values else None

    def all(self, name):
        return [v for (n, v) in self.headers if n == name.lower()]

    def json(self):
        return json.loads(self.body)


def read_response(sock, head_request=False):
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise ConnectionError("connection closed before the response headers ended: %r" % data[:200])
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    _, status, reason = (lines[0].split(" ", 2) + [""])[:3]
    headers = []
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers.append((name.strip().lower(), value.strip()))
    length = 0
    for name, value in headers:
        if name == "content-length":
            length = int(value)
    if head_request or int(status) in (204, 304):
        length = 0
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return Response(int(status), reason, headers, rest[:length])


def read_all(sock):
    """Everything the server sends until it closes the connection."""
    data = b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            return data
        data += chunk


def terminate(proc, grace):
    """SIGTERM (the server's graceful stop), and SIGKILL if it is still there after `grace`
    seconds. Returns the exit status."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return proc.returncode


class ServerProcess:
    """One running server. Use as a context manager; logs are collected from stdout."""

    def __init__(self, data_dir=None, args=(), env=None, max_open_files=None):
        self._own_dir = data_dir is None
        self.max_open_files = max_open_files  # the server's RLIMIT_NOFILE (soft and hard)
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="hw-it-")
        self.args = list(args)
        self.env = env
        self.logs = []
        self._sync_count = itertools.count()
        self.stderr = ""
        self.port = None
        self.proc = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def start(self, timeout=20):
        env = dict(os.environ)
        env.update(TEST_ENV)
        env.update(self.env or {})
        self.proc = subprocess.Popen(
            [BINARY, "serve", "--listen", "127.0.0.1:0", "--data", self.data_dir] + self.args,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True, preexec_fn=self._limit_files)
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.logs.append(line.rstrip("\n"))
                try:
                    entry = json.loads(line)
                except ValueError:
                    continue
                if entry.get("event") == "listening":
                    self.port = entry["port"]
                    ready.set()
            ready.set()

        self._pump = threading.Thread(target=pump, daemon=True)
        self._pump.start()
        if not ready.wait(timeout) or self.port is None:
            self.proc.kill()
            raise RuntimeError("server did not start: " + self.proc.stderr.read())

    def _limit_files(self):
        if self.max_open_files:
            resource.setrlimit(resource.RLIMIT_NOFILE, (self.max_open_files, self.max_open_files))

    def stop(self):
        if self.proc:
            terminate(self.proc, 10)
        if self.proc and not self.proc.stderr.closed:
            self.stderr = self.proc.stderr.read()
            self.proc.stderr.close()
            self._pump.join(10)  # the server has exited: the pump ends once it has read every line
            self.proc.stdout.close()

    def logs_so_far(self, timeout=10):
        """The log lines of everything the server did before this call.

        The server flushes each line, but a thread here reads them: a test that reads
        `logs` right after a response can miss the line written for it (or pass a
        "not logged" check only because the line had not arrived yet). So send a request
        with a unique path and wait for its access line: the server writes lines in order."""
        marker = "/log-sync-%d-%d" % (os.getpid(), next(self._sync_count))
        self.get(marker)
        deadline = time.monotonic() + timeout
        while not any(marker in line for line in self.logs):
            if time.monotonic() > deadline:
                raise AssertionError("the access line for %s never came: %r" % (marker, self.logs[-5:]))
            time.sleep(0.01)
        return list(self.logs)

    def connect(self, source="127.0.0.1"):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", self.port))
        return sock

    def raw(self, data, source="127.0.0.1", head=False):
        with self.connect(source) as sock:
            sock.sendall(data)
            return read_response(sock, head_request=head)

    def request(self, method, path, headers=None, body=b"", source="127.0.0.1"):
        lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1:%d" % self.port, "Connection: close"]
        for name, value in (headers or {}).items():
            lines.append("%s: %s" % (name, value))
        if body:
            lines.append("Content-Length: %d" % len(body))
        data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
        return self.raw(data, source=source, head=(method == "HEAD"))

    def contact_request(self, body, headers=None, source="127.0.0.1"):
        """POST /api/v1/contact-requests as the resident's page does: with the proof of work."""
        headers = dict(headers or {}, **{"Content-Type": "application/json"})
        body = with_proof(lambda path, data: self.request("POST", path, headers, data, source=source), body)
        return self.request("POST", "/api/v1/contact-requests", headers, json.dumps(body).encode(), source=source)

    def get(self, path, **headers):
        return self.request("GET", path, {k.replace("_", "-"): v for k, v in headers.items()})


def run_cli(*args, env=None, stdin=None):
    full_env = dict(os.environ)
    full_env.update(env or {})
    return subprocess.run([BINARY] + list(args), capture_output=True, text=True, env=full_env, input=stdin, timeout=60)


class OneServerTestCase(unittest.TestCase):
    """Tests that share one server started for the whole class."""

    @classmethod
    def setUpClass(cls):
        cls.server = ServerProcess().__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
