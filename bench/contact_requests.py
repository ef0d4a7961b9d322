#!/usr/bin/python3
"""Contact requests: sustained submissions per second (validated, padded, sealed to the
organisation's key and committed with synchronous=FULL before the 202), and latency
percentiles at a steady 200 submissions per second for 10 s.

The server's limits stay as they are: 5 submissions per 10 minutes per client address,
so every submission comes from its own 127.x.y.z address (the client binds before
connect); and at most 100,000 open (not closed) requests stored per organisation. Every
submission first asks for a challenge and does its proof of work, as a resident's page
does, at the least difficulty the server can be set to (--proof-of-work-bits 8, rising to
11 with the inflow) and on the load generator's share of the same 2 cores; a resident's
real work is measured by bench/contact_flood.py. The data
folder is a `hulpwijzer demo` folder, whose three accepting organisations take the
submissions in turn, so each phase can store up to 3,000: the throughput phase stops
there if it gets that far, and between the phases every stored request is closed (as
staff would), so the steady phase starts with room again and with a table that holds the
first phase's rows. A 503 organization_inbox_full in the results means a phase needed
more than that room, not a server failure.

Baseline, measured in the same run on the same file system: SQLite alone committing one
row of the same size per transaction (WAL, synchronous=FULL), from Python.

The load generator is Python on the same 2 cores as the server (2 processes x 16 threads
for the throughput phase): the sustained figure is a lower bound of what the server can do.

    bench/contact_requests.py [--seconds 5] [--rate 200] [--steady-seconds 10]
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
from hwbench import BINARY, FAST, Binary, get, percentile, read_all, row, solve  # noqa: E402

OPEN_PER_ORGANISATION = 100000  # kMaxOpenRequestsPerOrganization, server/domain/contact_requests.h
WORK_BITS = "8"  # the server's proof of work at its least: the load generator pays it (see below)
ACCEPTING = ("moviera", "centrum-seksueel-geweld", "veilig-thuis")  # in a `hulpwijzer demo` folder


def cli(*args):
    env = dict(os.environ)
    env.update(FAST)
    return subprocess.run([BINARY] + list(args), capture_output=True, text=True, env=env)


def prepare_folder(data):
    result = cli("demo", "--data", data, "--json")
    if result.returncode != 0:
        sys.exit("bench: hulpwijzer demo failed: " + result.stderr)


def close_all(data):
    """Closes every stored request, as staff would after handling them: they stay in the
    table (until retention) but no longer count against the bound of open requests."""
    db = sqlite3.connect(os.path.join(data, "hulpwijzer.db"), timeout=30)
    closed = db.execute("UPDATE contact_requests SET status = 'closed', closed_at = ? WHERE status <> 'closed'",
                        (int(time.time()),)).rowcount
    db.commit()
    db.close()
    return closed


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
    """A challenge, its proof of work (on the load generator's cores), then the request."""
    status, answer = exchange(port, n, "/api/v1/contact-requests/challenge",
                              json.dumps({"organization_id": organization_id}).encode())
    if status != 200:
        return status
    challenge = json.loads(answer)
    body = json.loads(body_for(organization_id, n))
    body["proof"] = {"challenge": challenge["challenge"], "nonce": solve(challenge["challenge"], challenge["bits"])}
    return exchange(port, n, "/api/v1/contact-requests", json.dumps(body).encode())[0]


def exchange(port, n, path, body):
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (path, len(body))).encode()
    with socket.socket() as s:
        s.settimeout(30)
        s.bind((address(n), 0))
        s.connect(("127.0.0.1", port))
        s.sendall(head + body)
        data = read_all(s)
    if not data.startswith(b"HTTP/1.1 "):
        return 0, b""
    return int(data.split(b" ", 2)[1]), data.split(b"\r\n\r\n", 1)[-1]


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
    room for open requests would be used up (then the phase is shorter)."""
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
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="hw-bench-cr-")
    data = os.path.join(workdir, "data")
    server = None
    missed = False
    try:
        t = time.time()
        prepare_folder(data)
        print("prepared a demo folder in %.1f s" % (time.time() - t))
        baseline = sqlite_baseline(workdir)
        print("SQLite alone (Python, WAL, synchronous=FULL, one 560-byte row per commit): %.0f commits/s" % baseline)

        server = Binary(data_dir=data, workdir=workdir, args=["--proof-of-work-bits", WORK_BITS]).start()
        _, _, body = get(server.port, "/api/v1/directory")
        org_ids = [o["id"] for o in json.loads(body)["organizations"] if o["key"] in ACCEPTING]
        capacity = OPEN_PER_ORGANISATION * len(org_ids)
        print("%d accepting organisations: room for %d open requests per phase (%d per organisation)"
              % (len(org_ids), capacity, OPEN_PER_ORGANISATION))

        results, elapsed = saturate(server.port, org_ids, options.seconds, capacity)
        accepted = [r for r in results if r[0] == 202]
        rate = len(accepted) / elapsed
        latencies = [r[1] * 1000 for r in accepted]
        print("throughput: %d submissions in %.1f s from 32 concurrent clients: %s; %.0f accepted/s; "
              "latency p50 %.1f ms p99 %.1f ms" % (len(results), elapsed, summarise("", [r[0] for r in results]), rate,
                                                    percentile(latencies, 50), percentile(latencies, 99)))
        if any(r[0] in (429, 503) for r in results):
            print("  note: 429 is the per-client limit (an address used twice), 503 the bound of open requests")
        ok = rate >= options.rate and all(r[0] == 202 for r in results)
        missed |= not ok
        row("contact requests: sustained accepted/s", "%.0f/s" % rate, "sqlite alone %.0f/s" % baseline,
            "%.0f%% of sqlite; >= %.0f/s, all 202" % (100 * rate / baseline, options.rate), "OK" if ok else "MISS")
        row("contact requests at saturation: p99", "%.1f ms" % percentile(latencies, 99),
            "p50 %.1f ms" % percentile(latencies, 50), "-", "INFO")
        print("closed the %d stored requests: room for %d again" % (close_all(data), capacity))
        if options.rate * options.steady_seconds > capacity:
            print("  note: %.0f steady submissions do not fit in that room; expect 503s" % (options.rate * options.steady_seconds))
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
