"""Shared by the bench scripts: start the real binary, run wrk and read its numbers, and
print result rows that bench/run-all.sh collects into one table.

Result rows go to stdout as tab-separated lines:
    ROW <figure> <value> <baseline> <ratio/budget> <OK|MISS|INFO>
Everything else the scripts print is for people.
"""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The tests' helpers: a contact request's proof of work, found as the resident's page finds
# it, and reading a response until the server closes the connection.
sys.path.insert(0, os.path.join(ROOT, "tests", "integration"))
from server_process import read_all, solve  # noqa: E402,F401
BINARY = os.environ.get("HW_BINARY", os.path.join(ROOT, "build", "hulpwijzer-for-tests"))
FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}


def row(figure, value, baseline="-", budget="-", status="INFO"):
    print("ROW\t%s\t%s\t%s\t%s\t%s" % (figure, value, baseline, budget, status), flush=True)


def need(program):
    if shutil.which(program) is None:
        sys.exit("bench: %s is not installed (apt-get install -y %s)" % (program, program))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Binary:
    """`hulpwijzer serve` on a free port, its JSON log lines written to a file (as journald
    would take them; the access log stays on, as in production unless args say otherwise)."""

    def __init__(self, data_dir=None, args=(), env=None, workdir=None):
        self.workdir = workdir or tempfile.mkdtemp(prefix="hw-bench-")
        self.data_dir = data_dir or os.path.join(self.workdir, "data")
        self.args = list(args)
        self.env = dict(os.environ)
        self.env.update(FAST)
        self.env.update(env or {})
        self.log_path = os.path.join(self.workdir, "server.log")
        self.proc = None
        self.port = None

    def start(self, timeout=60):
        self.log = open(self.log_path, "ab")
        start_offset = self.log.tell()
        self.proc = subprocess.Popen([BINARY, "serve", "--listen", "127.0.0.1:0", "--data", self.data_dir] + self.args,
                                     stdout=self.log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with open(self.log_path, "rb") as f:
                f.seek(start_offset)
                for line in f:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    if entry.get("event") == "listening":
                        self.port = entry["port"]
                        return self
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        self.stop()
        sys.exit("bench: the server did not start; see " + self.log_path)

    def url(self, path="/"):
        return "http://127.0.0.1:%d%s" % (self.port, path)

    def rss_kb(self):
        return vm_rss_kb(self.proc.pid)

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "log", None):
            self.log.close()


def vm_rss_kb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def get(port, path, headers=None, timeout=10):
    """(status, headers dict with lowercase names, body bytes) over one connection."""
    import http.client
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    match = re.match(r"([\d.]+)(us|ms|s|m)$", text.strip())
    if not match:
        raise ValueError("cannot read wrk latency %r" % text)
    return float(match.group(1)) * _UNITS[match.group(2)]


def wrk(url, threads=2, connections=64, seconds=10, during=None):
    """Runs wrk --latency; returns {"rps", "p50_ms", "p99_ms", "max_ms", "errors", "raw"}.
    `during(proc)` is called repeatedly while wrk runs (for sampling memory)."""
    need("wrk")
    # wrk leaves requests slower than --timeout (default 2 s) out of the latency figures:
    # make it longer than the run, so a request that waited is counted as waiting.
    command = ["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--timeout", "%ds" % (seconds + 20),
               "--latency", url]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if during:
        while proc.poll() is None:
            during(proc)
            time.sleep(0.25)
    out, _ = proc.communicate()
    result = {"raw": out, "errors": 0}
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if not rps:
        raise RuntimeError("wrk said:\n" + out)
    result["rps"] = float(rps.group(1))
    for label, key in (("50%", "p50_ms"), ("99%", "p99_ms")):
        match = re.search(r"^\s+%s\s+(\S+)" % re.escape(label), out, re.M)
        result[key] = _ms(match.group(1))
    latency = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", out)
    result["max_ms"] = _ms(latency.group(1)) if latency else float("nan")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if errors:
        result["errors"] = sum(int(x) for x in errors.groups())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        result["errors"] += int(non2xx.group(1))
    return result


def percentile(values, p):
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1))
    return ordered[k]
