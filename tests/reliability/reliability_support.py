"""Shared by the reliability tests: a demo data folder, a server process we can SIGKILL
and restart on the same folder, contact-request submission from many loopback source
addresses, and reading every request back as the demo partners.

Builds on tests/integration/server_process.py (raw HTTP over sockets)."""
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "integration"))
from server_process import BINARY, TEST_ENV, read_response, run_cli, terminate, with_proof  # noqa: E402

FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}
COOKIE = "__Host-hw_session"
ACCEPTING = ("moviera", "centrum-seksueel-geweld", "veilig-thuis")  # in a `hulpwijzer demo` folder


def demo_folder(parent=None):
    """A new `hulpwijzer demo` data folder; returns (folder, accounts by organisation or role)."""
    data = tempfile.mkdtemp(prefix="hw-rel-", dir=parent)
    os.rmdir(data)  # demo wants to create it
    result = run_cli("demo", "--data", data, "--json", env=FAST)
    if result.returncode != 0:
        raise RuntimeError("hulpwijzer demo failed: " + result.stderr)
    accounts = {(a["organization"] or a["role"]): a for a in json.loads(result.stdout)["accounts"]}
    return data, accounts


class SourceAddresses:
    """Distinct client addresses in 127.0.0.0/8 (the Linux loopback answers all of them), so
    that the per-client submission limit (5 per 10 minutes) never applies in a test."""

    def __init__(self, first_octet_from=10):
        self._lock = threading.Lock()
        self._numbers = itertools.count(first_octet_from * 65536 + 1)

    def next(self):
        with self._lock:
            n = next(self._numbers)
        address = "127.%d.%d.%d" % ((n >> 16) & 255, (n >> 8) & 255, n & 255)
        if n & 255 in (0, 255):
            return self.next()
        return address


class Server:
    """The real binary on a free port of 127.0.0.1. Unlike the integration helper it may be
    started with a pipe it never reads (access log off) and killed at any moment."""

    def __init__(self, data_dir, extra_args=(), env=None, preexec_fn=None, access_log=False):
        self.data_dir = data_dir
        self.args = list(extra_args) + ([] if access_log else ["--no-access-log"])
        self.env = dict(os.environ)
        self.env.update(FAST)
        self.env.update(TEST_ENV)
        self.env.update(env or {})
        self.preexec_fn = preexec_fn
        self.proc = None
        self.port = None
        self.output = []  # start-up and error lines of the current process

    def spawn(self):
        if self.alive():
            raise RuntimeError("a server is already running on this folder")
        self.port = None
        self.output = []
        self.pumped = False
        self.proc = subprocess.Popen([BINARY, "serve", "--listen", "127.0.0.1:0", "--data", self.data_dir] + self.args,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=self.env, text=True,
                                     preexec_fn=self.preexec_fn)
        return self.proc

    def start(self, timeout=30):
        """Spawns and waits for the `listening` log line; returns the port."""
        proc = self.spawn()
        self.pumped = True
        ready = threading.Event()

        def pump():
            for line in proc.stdout:
                self.output.append(line.rstrip("\n"))
                if self.port is None:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    if entry.get("event") == "listening":
                        self.port = entry["port"]
                        ready.set()
            proc.stdout.close()
            ready.set()

        threading.Thread(target=pump, daemon=True).start()
        if not ready.wait(timeout) or self.port is None:
            self.kill()
            raise RuntimeError("server did not start: " + "\n".join(self.output[-20:]))
        return self.port

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait()
            if not self.pumped and self.proc.stdout and not self.proc.stdout.closed:
                self.proc.stdout.close()  # spawned but never pumped

    def stop(self):
        return terminate(self.proc, 15) if self.proc else None

    def alive(self):
        return self.proc is not None and self.proc.poll() is None


def http(port, method, path, headers=None, body=b"", source="127.0.0.1", timeout=10):
    """One request on a new connection (Connection: close); raises OSError/ConnectionError
    when the server is not there or goes away mid-way."""
    import socket
    lines = ["%s %s HTTP/1.1" % (method, path), "Host: 127.0.0.1:%d" % port, "Connection: close"]
    for name, value in (headers or {}).items():
        lines.append("%s: %s" % (name, value))
    if body:
        lines.append("Content-Length: %d" % len(body))
    data = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(timeout)
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", port))
        sock.sendall(data)
        return read_response(sock, head_request=(method == "HEAD"))


def organisation_ids(port):
    directory = json.loads(http(port, "GET", "/api/v1/directory").body)
    return {o["key"]: o["id"] for o in directory["organizations"]}


def contact_body(organization_id, marker):
    return {"organization_id": organization_id, "channel": "phone", "phone": "06 1234 5678",
            "safe_times": ["weekend"], "voicemail_ok": False, "may_identify": False, "language": "nl",
            "message": "Test " + marker, "consent": True}


def submit(port, organization_id, marker, source, timeout=10):
    """As the resident's page: a challenge, its proof of work, then the request."""
    def post(path, data):
        return http(port, "POST", path, {"Content-Type": "application/json"}, data, source=source, timeout=timeout)
    return post("/api/v1/contact-requests", json.dumps(with_proof(post, contact_body(organization_id, marker))).encode())


class Partner:
    """A demo partner logged in to the staff API."""

    def __init__(self, port, account):
        self.port = port
        response = http(port, "POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                        json.dumps({"email": account["email"], "password": account["password"]}).encode())
        if response.status != 201:
            raise RuntimeError("login failed: %d %r" % (response.status, response.body[:200]))
        self.token = re.match(COOKIE + r"=([^;]+)", response.header("set-cookie")).group(1)

    def get(self, path):
        return http(self.port, "GET", "/staff/api/v1/" + path, {"Cookie": "%s=%s" % (COOKIE, self.token)})

    def messages(self):
        """(number of listed requests, every opened request's message, ids that did not open)."""
        listed = self.get("requests")
        if listed.status != 200:
            raise RuntimeError("listing failed: %d %r" % (listed.status, listed.body[:200]))
        ids = [r["id"] for r in json.loads(listed.body)["requests"]]
        messages, unreadable = [], []
        for rid in ids:
            opened = self.get("requests/" + rid)
            if opened.status != 200:
                unreadable.append((rid, opened.status, opened.body[:200]))
                continue
            messages.append(json.loads(opened.body)["request"].get("message", ""))
        return len(ids), messages, unreadable


def wait_until(predicate, timeout, interval=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()
