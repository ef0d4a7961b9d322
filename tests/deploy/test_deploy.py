"""The shipped deployment, tested for real: nginx with deploy/nginx/hulpwijzer.conf (a
self-signed certificate made here, ports on 127.0.0.1) in front of the real binary; the
systemd unit through systemd-analyze and a traced run under its system-call filter; and
backup/restore of a live database under writes."""
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "../integration"))
from server_process import ServerProcess, read_response, run_cli, with_proof, BINARY  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "../..")
NGINX_CONF = os.path.join(ROOT, "deploy/nginx/hulpwijzer.conf")
UNIT = os.path.join(ROOT, "deploy/systemd/hulpwijzer.service")
BACKUP_UNIT = os.path.join(ROOT, "deploy/systemd/hulpwijzer-backup.service")
BACKUP_TIMER = os.path.join(ROOT, "deploy/systemd/hulpwijzer-backup.timer")
FAST = {"HULPWIJZER_FAST_KDF_FOR_TESTS": "1"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Nginx:
    """The shipped site configuration, installed as deploy/README.md says on Debian's own
    nginx.conf (its http-level access and error logs included): our file in conf.d/, and
    Debian's default site in sites-enabled/ only when `default_site` (the guide removes it).
    Only addresses, ports, paths and the server name are replaced."""

    NAME = "hulpwijzer.test"

    def __init__(self, app_port, default_site=False):
        self.dir = d = tempfile.mkdtemp(prefix="hw-nginx-")
        self.tls_port, self.http_port = free_port(), free_port()
        cert, key = os.path.join(d, "cert.pem"), os.path.join(d, "key.pem")
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=" + self.NAME, "-keyout", key, "-out", cert], check=True, capture_output=True)
        for sub in ("conf.d", "sites-enabled", "body", "proxy", "fcgi", "uwsgi", "scgi"):
            os.mkdir(os.path.join(d, sub))
        site = self.local(open(NGINX_CONF).read())
        site = site.replace("/etc/ssl/hulpwijzer/fullchain.pem", cert).replace("/etc/ssl/hulpwijzer/privkey.pem", key)
        site = site.replace("hulpwijzer.example.nl", self.NAME)
        site = site.replace("server 127.0.0.1:8080;", "server 127.0.0.1:%d;" % app_port)
        with open(os.path.join(d, "conf.d", "hulpwijzer.conf"), "w") as f:
            f.write(site)
        if default_site:
            with open(os.path.join(d, "sites-enabled", "default"), "w") as f:
                f.write(self.local(open("/etc/nginx/sites-available/default").read()))
        main = open("/etc/nginx/nginx.conf").read()
        main = re.sub(r"^user [^;]*;", "user root;", main, flags=re.M)
        main = main.replace("/run/nginx.pid", d + "/nginx.pid").replace("/var/log/nginx/", d + "/")
        main = main.replace("/etc/nginx/conf.d/", d + "/conf.d/").replace("/etc/nginx/sites-enabled/", d + "/sites-enabled/")
        main = main.replace("http {", ("http {\n  client_body_temp_path %s/body; proxy_temp_path %s/proxy; "
                                       "fastcgi_temp_path %s/fcgi; uwsgi_temp_path %s/uwsgi; scgi_temp_path %s/scgi;\n")
                            % ((d,) * 5), 1)
        self.conf = os.path.join(d, "nginx.conf")
        with open(self.conf, "w") as f:
            f.write(main)

    def local(self, conf):
        """Listens on 127.0.0.1 at this instance's ports only; logs in its folder."""
        conf = re.sub(r"\n\s*listen \[::\]:\d+[^\n]*", "", conf)
        conf = re.sub(r"listen 443\b", "listen 127.0.0.1:%d" % self.tls_port, conf)
        conf = re.sub(r"listen 80\b", "listen 127.0.0.1:%d" % self.http_port, conf)
        return conf.replace("/var/log/nginx/", self.dir + "/")

    def test_config(self):
        return subprocess.run(["nginx", "-t", "-c", self.conf], capture_output=True, text=True)

    def start(self):
        self.proc = subprocess.Popen(["nginx", "-c", self.conf, "-g", "daemon off;"], stderr=subprocess.PIPE)
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", self.tls_port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("nginx did not start")

    def stop(self):
        self.proc.send_signal(signal.SIGQUIT)
        self.proc.wait(10)

    def logs(self):
        text = ""
        for name in os.listdir(self.dir):
            if name.endswith(".log"):
                with open(os.path.join(self.dir, name), errors="replace") as f:
                    text += f.read()
        return text

    def request(self, method, path, headers=None, body=b"", source="127.0.0.1", raw_head=None, host=NAME):
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        sock = socket.socket()
        sock.settimeout(15)
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", self.tls_port))
        with context.wrap_socket(sock, server_hostname=host) as tls:
            if raw_head is None:
                lines = ["%s %s HTTP/1.1" % (method, path), "Host: " + host, "Connection: close"]
                lines += ["%s: %s" % kv for kv in (headers or {}).items()]
                if body:
                    lines.append("Content-Length: %d" % len(body))
                raw_head = ("\r\n".join(lines) + "\r\n\r\n").encode()
            tls.sendall(raw_head + body)
            return read_response(tls, head_request=(method == "HEAD"))


class ThroughNginx(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.data = tempfile.mkdtemp(prefix="hw-deploy-")
        result = run_cli("demo", "--data", cls.data, "--json", env=FAST)
        cls.accounts = {a["organization"] or a["role"]: a for a in json.loads(result.stdout)["accounts"]}
        cls.app = ServerProcess(data_dir=cls.data, args=["--hsts", "--behind-proxy"], env=FAST).__enter__()
        cls.nginx = Nginx(cls.app.port)
        cls.nginx.start()

    @classmethod
    def tearDownClass(cls):
        cls.nginx.stop()
        cls.app.stop()

    def test_nginx_accepts_the_shipped_configuration(self):
        result = self.nginx.test_config()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("test is successful", result.stderr)

    def test_http2_is_offered(self):
        context = ssl.create_default_context()
        context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
        context.set_alpn_protocols(["h2", "http/1.1"])
        with context.wrap_socket(socket.create_connection(("127.0.0.1", self.nginx.tls_port)), server_hostname=Nginx.NAME) as tls:
            self.assertEqual(tls.selected_alpn_protocol(), "h2")
            self.assertIn(tls.version(), ("TLSv1.2", "TLSv1.3"))

    def test_plain_http_redirects_to_https(self):
        with socket.create_connection(("127.0.0.1", self.nginx.http_port)) as sock:
            sock.sendall(b"GET /x HTTP/1.1\r\nHost: hulpwijzer.test\r\nConnection: close\r\n\r\n")
            response = read_response(sock)
        self.assertEqual(response.status, 301)
        self.assertEqual(response.header("location"), "https://hulpwijzer.test/x")

    def test_page_api_and_headers_arrive(self):
        page = self.nginx.request("GET", "/", {"Accept-Encoding": "br"})
        self.assertEqual(page.status, 200)
        self.assertEqual(page.all("content-encoding"), ["br"])
        for name in ("content-security-policy", "x-content-type-options", "referrer-policy",
                     "cross-origin-opener-policy", "permissions-policy", "strict-transport-security"):
            self.assertEqual(len(page.all(name)), 1, name)
        self.assertNotRegex(page.header("server") or "", r"\d")  # no version
        self.assertEqual(self.nginx.request("GET", "/api/v1/directory").status, 200)
        exit_response = self.nginx.request("GET", "/exit")
        self.assertEqual(exit_response.status, 303)
        self.assertIn("cache", exit_response.header("clear-site-data"))

    def test_staff_login_works_through_the_proxy(self):
        account = self.accounts["veilig-thuis"]
        body = json.dumps({"email": account["email"], "password": account["password"]}).encode()
        response = self.nginx.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"}, body)
        self.assertEqual(response.status, 201, response.body)
        cookie = response.header("set-cookie")
        self.assertTrue(cookie.startswith("__Host-hw_session=") and "Secure" in cookie)
        token = cookie.split(";")[0]
        listed = self.nginx.request("GET", "/staff/api/v1/requests", {"Cookie": token})
        self.assertEqual(listed.status, 200)

    def test_bad_requests_are_stopped(self):
        big = self.nginx.request("POST", "/api/v1/contact-requests", {"Content-Type": "application/json"},
                                 b"x" * (65 * 1024), source="127.0.0.41")
        self.assertEqual(big.status, 413)
        chunked = (b"POST /api/v1/contact-requests HTTP/1.1\r\nHost: hulpwijzer.test\r\nTransfer-Encoding: chunked\r\n"
                   b"Content-Type: application/json\r\nConnection: close\r\n\r\n")
        self.assertEqual(self.nginx.request("POST", "/", raw_head=chunked, body=b"2\r\n{}\r\n0\r\n\r\n",
                                            source="127.0.0.42").status, 411)
        compressed = self.nginx.request("POST", "/api/v1/contact-requests",
                                        {"Content-Type": "application/json", "Content-Encoding": "gzip"}, b"xx",
                                        source="127.0.0.43")
        self.assertEqual(compressed.status, 415)
        full = self.nginx.request("GET", "/api/v1/directory")
        ranged = self.nginx.request("GET", "/api/v1/directory", {"Range": "bytes=0-10"})
        self.assertEqual(ranged.status, 200)
        self.assertIsNone(ranged.header("content-range"))
        self.assertEqual(len(ranged.body), len(full.body))

    def send_contact_request(self, body, source):
        def post(path, data):
            return self.nginx.request("POST", path, {"Content-Type": "application/json"}, data, source=source)
        return post("/api/v1/contact-requests", json.dumps(with_proof(post, body)).encode())

    def test_contact_requests_are_rate_limited_per_client(self):
        org = [o["id"] for o in self.nginx.request("GET", "/api/v1/directory").json()["organizations"]
               if o["key"] == "moviera"][0]
        body = {"organization_id": org, "channel": "phone", "phone": "0612345678", "safe_times": ["weekend"],
                "voicemail_ok": False, "may_identify": False, "language": "nl", "consent": True}
        statuses = [self.send_contact_request(body, "127.0.0.51").status for _ in range(10)]
        self.assertIn(202, statuses)
        self.assertIn(429, statuses)
        # Another client is not held back by the first one's limit, behind the same proxy.
        self.assertEqual(self.send_contact_request(body, "127.0.0.52").status, 202)

    def assert_our_error(self, response, status, code):
        """nginx's own refusal, in the app's JSON shape and with the app's security headers."""
        self.assertEqual(response.status, status, response.body)
        self.assertEqual(response.header("content-type"), "application/json")
        error = response.json()["error"]
        self.assertEqual((error["code"], error["field"]), (code, None))
        self.assertTrue(error["message"].endswith("."))
        for name in ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options",
                     "strict-transport-security"):
            self.assertEqual(len(response.all(name)), 1, "%s on nginx's %d" % (name, status))
        self.assertIn("frame-ancestors 'none'", response.header("content-security-policy"))
        self.assertNotIn(b"<html", response.body.lower())

    def test_nginx_refusals_are_json_with_security_headers(self):
        self.assert_our_error(self.nginx.request("POST", "/api/v1/contact-requests", {"Content-Type": "application/json"},
                                                 b"x" * (65 * 1024), source="127.0.0.61"), 413, "payload_too_large")
        chunked = (b"POST /api/v1/contact-requests HTTP/1.1\r\nHost: hulpwijzer.test\r\nTransfer-Encoding: chunked\r\n"
                   b"Content-Type: application/json\r\nConnection: close\r\n\r\n")
        self.assert_our_error(self.nginx.request("POST", "/", raw_head=chunked, body=b"2\r\n{}\r\n0\r\n\r\n",
                                                 source="127.0.0.62"), 411, "length_required")
        self.assert_our_error(self.nginx.request("POST", "/api/v1/contact-requests",
                                                 {"Content-Type": "application/json", "Content-Encoding": "gzip"}, b"xx",
                                                 source="127.0.0.63"), 415, "unsupported_media_type")
        doubled = b"GET /api/v1/directory HTTP/1.1\r\nHost: hulpwijzer.test\r\nHost: other\r\nConnection: close\r\n\r\n"
        self.assert_our_error(self.nginx.request("GET", "/", raw_head=doubled, source="127.0.0.64"), 400, "bad_request")
        # The contact zone allows a burst of 5, then nginx itself answers 429.
        answers = [self.nginx.request("POST", "/api/v1/contact-requests", {"Content-Type": "application/json"}, b"{}",
                                      source="127.0.0.65") for _ in range(8)]
        self.assertEqual([a.status for a in answers[:6]], [422] * 6)  # the app's own answer: passed on as it is
        self.assert_our_error(answers[-1], 429, "too_many_requests")

    def test_the_plain_http_redirect_carries_security_headers(self):
        with socket.create_connection(("127.0.0.1", self.nginx.http_port)) as sock:
            sock.sendall(b"GET /api/v1/directory HTTP/1.1\r\nHost: hulpwijzer.test\r\nConnection: close\r\n\r\n")
            response = read_response(sock)
        self.assertEqual(response.status, 301)
        for name in ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"):
            self.assertEqual(len(response.all(name)), 1, name)

    def test_no_client_address_in_any_log(self):
        for path in ("/", "/nowhere", "/api/v1/directory?x=1"):
            self.nginx.request("GET", path, source="127.0.0.77")
        self.nginx.request("POST", "/api/v1/contact-requests", {"Content-Type": "application/json"},
                           b"x" * (70 * 1024), source="127.0.0.77")
        time.sleep(0.3)
        logs = self.nginx.logs()
        self.assertIn('"GET /nowhere" 404', logs)  # the access log is written...
        self.assertNotIn("127.0.0.77", logs)        # ...without the address
        self.assertNotIn("x=1", logs)               # ...and without the query string
        self.assertFalse([line for line in self.app.logs_so_far() if "127.0.0.77" in line])


class OtherHosts(unittest.TestCase):
    """Finding 14: Debian's default site logs every client address for any other Host. The
    guide removes it; the shipped file's own default server answers nothing and logs
    nothing, so no log line anywhere (Debian's http-level logs included) holds an address."""

    def test_debian_default_site_beside_ours_is_refused(self):
        nginx = Nginx(free_port(), default_site=True)
        result = nginx.test_config()
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("duplicate default server", result.stderr)

    def test_no_log_line_holds_an_address_for_any_host(self):
        nginx = Nginx(free_port())  # no app behind it: nothing here reaches the app
        nginx.start()
        try:
            source = "127.0.0.88"
            for host in ("other.example", "127.0.0.1"):
                with self.subTest(host=host):
                    plain = socket.create_connection(("127.0.0.1", nginx.http_port), 5, (source, 0))
                    with plain:
                        plain.sendall(("GET /x HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n" % host).encode())
                        self.assertEqual(plain.recv(100), b"")  # 444: closed without an answer
                    with self.assertRaises((ssl.SSLError, ConnectionError)):  # the TLS handshake is refused
                        nginx.request("GET", "/", source=source, host=host)
            # Our name in TLS, another in Host: not our site either.
            with self.assertRaises((ConnectionError, ssl.SSLError, ValueError)):
                raw = b"GET / HTTP/1.1\r\nHost: other.example\r\nConnection: close\r\n\r\n"
                nginx.request("GET", "/", source=source, raw_head=raw)
            # Requests nginx cannot even read (no server is chosen for them).
            for garbage in (b"\x16\x03\x01 not http\r\n\r\n", b"GET / HTTP/1.1\r\nHost:\r\n\r\n"):
                with socket.create_connection(("127.0.0.1", nginx.http_port), 5, (source, 0)) as sock:
                    sock.sendall(garbage)
                    self.assertTrue(sock.recv(100).startswith(b"HTTP/1.1 400"))
            # And our own site, for an access line to exist (that it is written at all).
            with socket.create_connection(("127.0.0.1", nginx.http_port), 5, (source, 0)) as ours:
                ours.sendall(b"GET /seen HTTP/1.1\r\nHost: hulpwijzer.test\r\nConnection: close\r\n\r\n")
                ours.recv(1000)
        finally:
            nginx.stop()
        logs = nginx.logs()
        self.assertIn('"GET /seen" 301', logs)
        self.assertNotIn(source, logs)


class SystemdUnit(unittest.TestCase):
    def unit_for_this_machine(self):
        path = os.path.join(tempfile.mkdtemp(prefix="hw-unit-"), "hulpwijzer.service")
        with open(path, "w") as f:
            f.write(open(UNIT).read().replace("/usr/local/bin/hulpwijzer", os.path.abspath(BINARY)))
        return path

    def test_verify(self):
        result = subprocess.run(["systemd-analyze", "verify", self.unit_for_this_machine()], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)

    def test_exposure_at_most_2(self):
        result = subprocess.run(["systemd-analyze", "security", "--offline=yes", self.unit_for_this_machine()],
                                capture_output=True, text=True)
        match = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", result.stdout)
        self.assertIsNotNone(match, result.stdout[-500:] + result.stderr)
        self.assertLessEqual(float(match.group(1)), 2.0)

    def test_key_settings(self):
        unit = open(UNIT).read()
        for setting in ("ProtectSystem=strict", "NoNewPrivileges=yes", "LimitCORE=0", "LimitMEMLOCK=",
                        "SystemCallFilter=@system-service", "StateDirectory=hulpwijzer", "Restart=on-failure",
                        "--listen 127.0.0.1:8080", "--behind-proxy"):
            self.assertIn(setting, unit)

    def test_the_server_needs_no_call_the_filter_refuses(self):
        """Trace a real run as an unprivileged user (as the unit runs it) through start,
        page loads, a contact request and a staff login; every call must pass the filter."""
        data = tempfile.mkdtemp(prefix="hw-strace-")
        accounts = json.loads(run_cli("demo", "--data", data, "--json", env=FAST).stdout)["accounts"]
        shutil.chown(data, 65534, 65534)
        for name in os.listdir(data):
            shutil.chown(os.path.join(data, name), 65534, 65534)
        trace = os.path.join(data, "..", os.path.basename(data) + ".trace")
        port = free_port()
        env = dict(os.environ, **FAST)
        if "ASAN_OPTIONS" in env:  # tests/sanitize.sh: LeakSanitizer cannot work under ptrace (strace)
            env["ASAN_OPTIONS"] += ":detect_leaks=0"
        proc = subprocess.Popen(["strace", "-f", "-qq", "-o", trace, "setpriv", "--reuid=65534", "--regid=65534",
                                 "--clear-groups", os.path.abspath(BINARY), "serve", "--data", data, "--listen",
                                 "127.0.0.1:%d" % port], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        try:
            server = ServerProcess.__new__(ServerProcess)
            server.port = port
            # Under strace (and more so under the sanitizers) start-up takes seconds: wait for
            # the port for as long as the server is alive, up to a minute.
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline:
                try:
                    socket.create_connection(("127.0.0.1", port), 0.2).close()
                    break
                except OSError:
                    time.sleep(0.1)
            self.assertEqual(server.get("/").status, 200)
            org = [o["id"] for o in server.get("/api/v1/directory").json()["organizations"] if o["key"] == "moviera"][0]
            body = {"organization_id": org, "channel": "phone", "phone": "0612345678", "safe_times": ["weekend"],
                    "voicemail_ok": False, "may_identify": False, "language": "nl", "consent": True}
            self.assertEqual(server.contact_request(body).status, 202)
            account = [a for a in accounts if a["organization"] == "moviera"][0]
            login = server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                                   json.dumps({"email": account["email"], "password": account["password"]}).encode())
            self.assertEqual(login.status, 201)
        finally:
            # Stop the server itself (strace does not pass SIGTERM on); strace then exits.
            pids = subprocess.run(["pgrep", "-f", "^%s serve --data %s " % (os.path.abspath(BINARY), data)],
                                  capture_output=True, text=True).stdout.split()
            for pid in pids:
                os.kill(int(pid), signal.SIGTERM)
            proc.wait(15)
        result = subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "syscall_filter.py"), UNIT, trace],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)


class BackupUnit(unittest.TestCase):
    """Finding 12 of issue 12: the shipped backup timer keeps its copies owner-only."""

    def test_verify_and_umask(self):
        folder = tempfile.mkdtemp(prefix="hw-bkunit-")
        for source in (BACKUP_UNIT, BACKUP_TIMER):
            with open(os.path.join(folder, os.path.basename(source)), "w") as f:
                f.write(open(source).read().replace("/usr/local/bin/hulpwijzer", os.path.abspath(BINARY)))
        result = subprocess.run(["systemd-analyze", "verify", os.path.join(folder, "hulpwijzer-backup.service"),
                                 os.path.join(folder, "hulpwijzer-backup.timer")], capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(BACKUP_UNIT) as unit:
            self.assertRegex(unit.read(), r"(?m)^UMask=0077$")

    def test_the_guide_creates_the_backup_folder_owner_only(self):
        with open(os.path.join(ROOT, "deploy/README.md")) as f:
            guide = f.read()
        self.assertIn("install -d -m 0700 -o hulpwijzer -g hulpwijzer /var/backups/hulpwijzer", guide)


class BackupRestore(unittest.TestCase):
    def test_round_trip_under_writes_keeps_every_acknowledged_request(self):
        data = tempfile.mkdtemp(prefix="hw-backup-")
        accounts = json.loads(run_cli("demo", "--data", data, "--json", env=FAST).stdout)["accounts"]
        acknowledged, stop = [], threading.Event()
        with ServerProcess(data_dir=data, env=FAST) as server:
            org = [o["id"] for o in server.get("/api/v1/directory").json()["organizations"] if o["key"] == "moviera"][0]

            def writer(n):
                i = 0
                while not stop.is_set():
                    body = {"organization_id": org, "channel": "phone", "phone": "0612345678",
                            "safe_times": ["weekend"], "voicemail_ok": False, "may_identify": False,
                            "language": "nl", "message": "W%d-%d" % (n, i), "consent": True}
                    # One source address per request: the per-client limit is not under test here.
                    source = "127.%d.%d.%d" % (10 + n, i // 250, 1 + i % 250)
                    response = server.contact_request(body, source=source)
                    if response.status == 202:
                        acknowledged.append((time.monotonic(), body["message"]))
                    i += 1

            threads = [threading.Thread(target=writer, args=(n,)) for n in range(3)]
            for t in threads:
                t.start()
            time.sleep(1.0)
            backup_started = time.monotonic()
            backup = os.path.join(tempfile.mkdtemp(prefix="hw-bk-"), "hulpwijzer-backup.db")
            result = run_cli("backup", "--data", data, backup)
            time.sleep(0.5)
            stop.set()
            for t in threads:
                t.join()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("integrity ok", result.stdout)
        self.assertFalse(os.path.exists(backup + ".partial"))
        db = sqlite3.connect(backup)
        self.assertEqual(db.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        db.close()
        before = [m for (t, m) in acknowledged if t < backup_started]
        self.assertGreater(len(before), 10)

        restored = tempfile.mkdtemp(prefix="hw-restored-")
        result = run_cli("restore", "--data", restored, backup)
        self.assertEqual(result.returncode, 0, result.stderr)
        with ServerProcess(data_dir=restored, env=FAST) as server:
            self.assertEqual(run_cli("restore", "--data", restored, backup).returncode, 69)  # refused while running
            account = [a for a in accounts if a["organization"] == "moviera"][0]
            login = server.request("POST", "/staff/api/v1/session", {"Content-Type": "application/json"},
                                   json.dumps({"email": account["email"], "password": account["password"]}).encode())
            cookie = {"Cookie": login.header("set-cookie").split(";")[0]}
            ids = [r["id"] for r in server.request("GET", "/staff/api/v1/requests", cookie).json()["requests"]]
            messages = {server.request("GET", "/staff/api/v1/requests/" + i, cookie).json()["request"].get("message")
                        for i in ids}
        missing = [m for m in before if m not in messages]
        self.assertEqual(missing, [], "acknowledged before the backup but not in it")

    def test_restore_refuses_a_damaged_backup(self):
        damaged = os.path.join(tempfile.mkdtemp(prefix="hw-dmg-"), "b.db")
        with open(damaged, "wb") as f:
            f.write(b"SQLite format 3\x00" + os.urandom(4096))
        result = run_cli("restore", "--data", tempfile.mkdtemp(prefix="hw-r-"), damaged)
        self.assertEqual(result.returncode, 65)


if __name__ == "__main__":
    unittest.main()
