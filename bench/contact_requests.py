#!/usr/bin/python3
"""Contact requests: sustained submissions per second (validated, padded, sealed to the
organisation's key and committed with synchronous=FULL before the 202), and latency
percentiles at a steady 200 submissions per second for 10 s.

The server's limits stay as they are: 5 submissions per 10 minutes per client address
and 60 per hour per organisation. So every submission comes from its own 127.x.y.z
address (the client binds before connect), and the bench data folder is a
`hulpwijzer demo` folder to which this script publishes a directory version with extra
accepting organisations ("bench-001"...: copies of Moviera with their own ids, keys made
with `hulpwijzer org keys create`), submissions spread over them. The server is restarted
between the two phases, so each starts with fresh in-memory limits. A 429 in the
results means the organisations ran out (raise --organisations), not a server failure.

Baseline, measured in the same run on the same file system: SQLite alone committing one
row of the same size per transaction (WAL, synchronous=FULL), from Python.

The load generator is Python on the same 2 cores as the server (2 processes x 16 threads
for the throughput phase): the sustained figure is a lower bound of what the server can do.

    bench/contact_requests.py [--seconds 5] [--rate 200] [--steady-seconds 10] [--organisations 60]
"""
import argparse
import json
import multiprocessing
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hwbench import BINARY, FAST, Binary, get, percentile, row  # noqa: E402

PER_ORGANISATION_LIMIT = 60  # server/http/app_services.h, per hour


def cli(*args):
    env = dict(os.environ)
    env.update(FAST)
    return subprocess.run([BINARY] + list(args), capture_output=True, text=True, env=env)


def renew_ids(value):
    if isinstance(value, dict):
        return {k: (str(uuid.uuid4()) if k == "id" else renew_ids(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [renew_ids(v) for v in value]
    return value


def prepare_folder(data, organisations):
    result = cli("demo", "--data", data, "--json")
    if result.returncode != 0:
        sys.exit("bench: hulpwijzer demo failed: " + result.stderr)
    db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"))
    version, directory, questionnaire, published_at = db.execute(
        "SELECT version, directory, questionnaire, published_at FROM directory_versions ORDER BY version DESC LIMIT 1").fetchone()
    directory = json.loads(directory)
    template = next(o for o in directory["organizations"] if o["key"] == "moviera")
    for i in range(1, organisations + 1):
        clone = renew_ids(template)
        clone["key"] = "bench-%03d" % i
        clone["name"] = {"nl": "Bench %03d" % i, "en": "Bench %03d" % i}
        directory["organizations"].append(clone)
    db.execute("INSERT INTO directory_versions (version, directory, questionnaire, published_at, published_by, note) "
               "VALUES (?, ?, ?, ?, 'bench', 'bench/contact_requests.py: extra accepting organisations')",
               (version + 1, json.dumps(directory, ensure_ascii=False), questionnaire, published_at))
    db.commit()
    db.close()
    for i in range(1, organisations + 1):
        made = cli("org", "keys", "create", "--org", "bench-%03d" % i, "--data", data)
        if made.returncode != 0:
            sys.exit("bench: org keys create failed: " + made.stderr)


def body_for(organization_id, n):
    return json.dumps({"organization_id": organization_id, "channel": "phone", "phone": "06 1234 5678",
                       "safe_times": ["weekday_evening", "weekend"], "voicemail_ok": False, "may_identify": False,
                       "language": "nl", "code_word": "zonnebloem",
                       "message": "Bel me alsjeblieft na acht uur 's avonds. Bench %08d." % n, "consent": True}).encode()


def address(n):
    n += 1 << 20  # 127.16.0.1 and up
    if n & 255 in (0, 255):
        n += 2
    return "127.%d.%d.%d" % ((n >> 16) & 255, (n >> 8) & 255, n & 255)


def submit(port, organization_id, n):
    body = body_for(organization_id, n)
    head = ("POST /api/v1/contact-requests HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(body)).encode()
    with socket.socket() as s:
        s.settimeout(30)
        s.bind((address(n), 0))
        s.connect(("127.0.0.1", port))
        s.sendall(head + body)
        data = b""
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0


def saturate_worker(port, org_ids, first, stride, deadline, limit, threads, queue):
    results = []
    lock = threading.Lock()
    counter = [0]

    def loop():
        while time.time() < deadline:
            with lock:
                if counter[0] >= limit:
                    return
                n = first + stride * counter[0]
                counter[0] += 1
            started = time.perf_counter()
            try:
                status = submit(port, org_ids[n % len(org_ids)], n)
            except OSError:
                status = -1
            with lock:
                results.append((status, time.perf_counter() - started, time.time()))

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    queue.put(results)


def saturate(port, org_ids, seconds, capacity, processes=2, threads=16):
    """Submits as fast as 2 x 16 clients can for `seconds`, or until the organisations'
    hourly limits would be used up (then the phase is shorter)."""
    queue = multiprocessing.Queue()
    deadline = time.time() + seconds
    started = time.time()
    procs = [multiprocessing.Process(target=saturate_worker,
                                     args=(port, org_ids, i, processes, deadline, capacity // processes, threads, queue))
             for i in range(processes)]
    for p in procs:
        p.start()
    results = []
    for _ in procs:
        results += queue.get()
    for p in procs:
        p.join()
    return results, time.time() - started


def steady(port, org_ids, rate, seconds, offset, threads=48):
    total = int(rate * seconds)
    start = time.perf_counter() + 0.2
    lock = threading.Lock()
    next_index = [0]
    results = []

    def loop():
        while True:
            with lock:
                i = next_index[0]
                next_index[0] += 1
            if i >= total:
                return
            scheduled = start + i / rate
            delay = scheduled - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            sent = time.perf_counter()
            try:
                status = submit(port, org_ids[i % len(org_ids)], offset + i)
            except OSError:
                status = -1
            done = time.perf_counter()
            with lock:
                results.append((status, done - sent, done - scheduled, done - start))

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    return results


def sqlite_baseline(folder, seconds=2.0):
    path = os.path.join(folder, "baseline.db")
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (id TEXT PRIMARY KEY, organization TEXT, sealed BLOB, created_at INTEGER) STRICT")
    blob = os.urandom(560)  # a padded sealed request is 512 bytes + 48 of crypto_box_seal
    n = 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        db.execute("INSERT INTO t VALUES (?, 'bench-001', ?, 0)", (str(uuid.uuid4()), blob))
        n += 1
    elapsed = time.perf_counter() - started
    db.close()
    return n / elapsed


def summarise(label, statuses):
    counts = {}
    for s in statuses:
        counts[s] = counts.get(s, 0) + 1
    return ", ".join("%s %d" % ({-1: "no answer", 0: "unreadable"}.get(k, str(k)), v) for k, v in sorted(counts.items()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=5.0, help="throughput phase")
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--steady-seconds", type=float, default=10.0)
    parser.add_argument("--organisations", type=int, default=60)
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="hw-bench-cr-")
    data = os.path.join(workdir, "data")
    server = None
    missed = False
    try:
        t = time.time()
        prepare_folder(data, options.organisations)
        print("prepared a demo folder with %d extra accepting organisations in %.1f s"
              % (options.organisations, time.time() - t))
        baseline = sqlite_baseline(workdir)
        print("SQLite alone (Python, WAL, synchronous=FULL, one 560-byte row per commit): %.0f commits/s" % baseline)

        server = Binary(data_dir=data, workdir=workdir).start()
        _, _, body = get(server.port, "/api/v1/directory")
        keys_with_requests = {"moviera", "centrum-seksueel-geweld", "veilig-thuis"}
        org_ids = [o["id"] for o in json.loads(body)["organizations"]
                   if o["key"] in keys_with_requests or o["key"].startswith("bench-")]
        capacity = PER_ORGANISATION_LIMIT * len(org_ids)
        print("%d accepting organisations: at most %d submissions per server start (60 per organisation per hour)"
              % (len(org_ids), capacity))

        results, elapsed = saturate(server.port, org_ids, options.seconds, capacity)
        accepted = [r for r in results if r[0] == 202]
        rate = len(accepted) / elapsed
        latencies = [r[1] * 1000 for r in accepted]
        print("throughput: %d submissions in %.1f s from 32 concurrent clients: %s; %.0f accepted/s; "
              "latency p50 %.1f ms p99 %.1f ms" % (len(results), elapsed, summarise("", [r[0] for r in results]), rate,
                                                    percentile(latencies, 50), percentile(latencies, 99)))
        if any(r[0] == 429 for r in results):
            print("  note: 429s: the organisations' hourly limits ran out; raise --organisations")
        ok = rate >= options.rate and all(r[0] == 202 for r in results)
        missed |= not ok
        row("contact requests: sustained accepted/s", "%.0f/s" % rate, "sqlite alone %.0f/s" % baseline,
            "%.0f%% of sqlite; >= %.0f/s, all 202" % (100 * rate / baseline, options.rate), "OK" if ok else "MISS")
        row("contact requests at saturation: p99", "%.1f ms" % percentile(latencies, 99),
            "p50 %.1f ms" % percentile(latencies, 50), "-", "INFO")
        server.stop()

        server = Binary(data_dir=data, workdir=workdir).start()  # fresh in-memory limits
        results = steady(server.port, org_ids, options.rate, options.steady_seconds, offset=10 ** 7)
        accepted = [r for r in results if r[0] == 202]
        service = [r[1] * 1000 for r in accepted]
        from_schedule = [r[2] * 1000 for r in accepted]
        achieved = len(accepted) / max(r[3] for r in results)
        print("steady: %d submissions scheduled at %.0f/s for %.0f s: %s; achieved %.1f accepted/s"
              % (len(results), options.rate, options.steady_seconds, summarise("", [r[0] for r in results]), achieved))
        print("  latency (send to 202):        p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms"
              % tuple([percentile(service, p) for p in (50, 90, 99)] + [max(service or [0])]))
        print("  latency (scheduled to 202):   p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms"
              % tuple([percentile(from_schedule, p) for p in (50, 90, 99)] + [max(from_schedule or [0])]))
        ok = len(accepted) == len(results) and achieved >= 0.95 * options.rate
        missed |= not ok
        row("contact requests at %.0f/s: accepted" % options.rate, "%d of %d" % (len(accepted), len(results)),
            "-", "all 202, >= 95% of the rate", "OK" if ok else "MISS")
        for p in (50, 99):
            row("contact requests at %.0f/s: p%d" % (options.rate, p), "%.2f ms" % percentile(from_schedule, p),
                "send to 202 %.2f ms" % percentile(service, p), "(scheduled to 202)", "INFO")
        row("contact requests at %.0f/s: max" % options.rate, "%.2f ms" % max(from_schedule or [0]), "-", "-", "INFO")
        return 1 if missed else 0
    finally:
        if server:
            server.stop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
