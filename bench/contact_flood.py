#!/usr/bin/python3
"""Issue 12, finding 1 as a measured run: what a resident's contact request costs while
one party floods an organisation, beside what it costs without the flood.

A resident's request is two parts: the browser's proof of work, then the server's answer
(the challenge and the request itself). They are measured apart, because the load
generator cannot do a real flood's work at the real difficulty in reasonable time:

- the browser's work: the page's own proof-of-work.js in node (the V8 engine of Chromium),
  on this machine, at the default difficulty (17 bits) and at the highest step a flood
  raises it to (20 bits), the median of a few challenges each;
- the server's answer: the binary with --behind-proxy and --proof-of-work-bits 8 (so the
  flood below can pay for its requests here), a resident's challenge and request (the
  nonce found in between is not timed), 20 times without a flood and 20 times while 400
  addresses send 5 valid requests each, 2,000 in all, from 6 threads.

    bench/contact_flood.py
"""
import concurrent.futures
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hwbench import BINARY, FAST, ROOT, Binary, get, percentile, read_all, row, solve  # noqa: E402

POW_JS = os.path.join(ROOT, "webapp", "components", "contact-request", "proof-of-work.js")


def post(port, path, body, real_ip):
    data = json.dumps(body).encode()
    head = ("POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/json\r\n"
            "X-Real-IP: %s\r\nContent-Length: %d\r\n\r\n" % (path, real_ip, len(data))).encode()
    with socket.create_connection(("127.0.0.1", port), 30) as s:
        s.sendall(head + data)
        answer = read_all(s)
    status = int(answer.split(b" ", 2)[1])
    return status, json.loads(answer.split(b"\r\n\r\n", 1)[1] or b"null")


def request(port, org_id, real_ip, message):
    """One request as the page sends it; returns (status, seconds of the server's part)."""
    started = time.monotonic()
    status, challenge = post(port, "/api/v1/contact-requests/challenge", {"organization_id": org_id}, real_ip)
    server_time = time.monotonic() - started
    if status != 200:
        return status, server_time
    nonce = solve(challenge["challenge"], challenge["bits"])
    body = {"organization_id": org_id, "channel": "phone", "phone": "06 1234 5678", "safe_times": ["weekend"],
            "voicemail_ok": False, "may_identify": False, "language": "nl", "message": message, "consent": True,
            "proof": {"challenge": challenge["challenge"], "nonce": nonce}}
    started = time.monotonic()
    status, _ = post(port, "/api/v1/contact-requests", body, real_ip)
    return status, server_time + time.monotonic() - started


def browser_work_seconds(bits, runs):
    script = ("const P = require(%s); const r = []; let n = 0;"
              "function one() { const c = require('crypto').randomBytes(37).toString('hex'), t = Date.now();"
              "  P.solve(c, %d, () => { r.push((Date.now() - t) / 1000); if (++n < %d) one();"
              "  else console.log(JSON.stringify(r)); }); } one();") % (json.dumps(POW_JS), bits, runs)
    return json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)


def residents(port, org_id, count, first):
    times = []
    for n in range(count):
        status, seconds = request(port, org_id, "192.0.2.%d" % (first + n), "bewoner")
        if status != 202:
            sys.exit("bench: a resident's request got %d" % status)
        times.append(seconds)
    return times


def folder_bytes(data):
    return sum(os.path.getsize(os.path.join(data, n)) for n in os.listdir(data) if n.startswith("hulpwijzer.db"))


def main():
    workdir = tempfile.mkdtemp(prefix="hw-bench-flood-")
    data = os.path.join(workdir, "data")
    demo = subprocess.run([BINARY, "demo", "--data", data, "--json"], capture_output=True, text=True,
                          env=dict(os.environ, **FAST))
    if demo.returncode != 0:
        sys.exit("bench: hulpwijzer demo failed: " + demo.stderr)

    work17 = browser_work_seconds(17, 9)
    work20 = browser_work_seconds(20, 5)
    print("browser work (proof-of-work.js in node): 17 bits median %.2f s (max %.2f), 20 bits median %.2f s"
          % (percentile(work17, 50), max(work17), percentile(work20, 50)))

    server = Binary(data_dir=data, workdir=workdir, args=["--behind-proxy", "--no-access-log",
                                                          "--proof-of-work-bits", "8"]).start()
    try:
        before = folder_bytes(data)
        _, _, body = get(server.port, "/api/v1/directory")
        org_id = [o["id"] for o in json.loads(body)["organizations"] if o["key"] == "moviera"][0]
        quiet = residents(server.port, org_id, 20, 1)

        addresses = ["10.12.%d.%d" % (n // 200, n % 200 + 1) for n in range(400)]
        done = threading.Event()
        flood_statuses = []

        def flood():
            with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
                for five in pool.map(lambda ip: [request(server.port, org_id, ip, "flood")[0] for _ in range(5)],
                                     addresses):
                    flood_statuses.extend(five)
            done.set()

        started = time.monotonic()
        threading.Thread(target=flood, daemon=True).start()
        time.sleep(1.0)  # the flood is under way, and its difficulty climbing
        during = residents(server.port, org_id, 20, 101)
        done.wait(600)
        flood_seconds = time.monotonic() - started
        _, bits_now = post(server.port, "/api/v1/contact-requests/challenge", {"organization_id": org_id}, "192.0.2.250")
        print("flood: %d requests in %.1f s, %d accepted; difficulty afterwards %d bits (8 + 3)"
              % (len(flood_statuses), flood_seconds, flood_statuses.count(202), bits_now["bits"]))
    finally:
        server.stop()
    stored = 20 + 20 + flood_statuses.count(202)
    per_row = (folder_bytes(data) - before) / stored
    print("database: %.0f bytes per stored request (file and -wal, %d requests)" % (per_row, stored))

    quiet_ms, during_ms = [t * 1000 for t in quiet], [t * 1000 for t in during]
    print("server's part of a resident's request: quiet p50 %.1f ms max %.1f ms; during the flood p50 %.1f ms max %.1f ms"
          % (percentile(quiet_ms, 50), max(quiet_ms), percentile(during_ms, 50), max(during_ms)))
    total_quiet = percentile(work17, 50) + percentile(quiet_ms, 50) / 1000
    total_flood = percentile(work20, 50) + max(during_ms) / 1000
    accepted = flood_statuses.count(202) == 2000
    ok = max(during_ms) < 3000 and accepted
    row("resident's request, no flood (work 17 bits + server)", "%.2f s" % total_quiet,
        "server %.1f ms" % percentile(quiet_ms, 50), "-", "INFO")
    row("resident's request during a 2,000-request flood (work 20 bits + server, worst)", "%.2f s" % total_flood,
        "server worst %.1f ms" % max(during_ms), "server < 3 s, flood stored, org still open", "OK" if ok else "MISS")
    row("database bytes per stored request", "%.0f B" % per_row, "-", "bound 100,000 open per organisation", "INFO")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
