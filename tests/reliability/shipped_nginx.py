"""deploy/nginx/hulpwijzer.conf made runnable on a test machine, in front of a binary on a
loopback port: only what cannot run here is changed (listen ports on 127.0.0.1, a
self-signed certificate, log and temp paths in a temporary folder, no IPv6 listens).
Used by test_slow_clients.py and bench/serve.py."""
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import tempfile
import time


def tls_context():
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context



SITE = "hulpwijzer.example.nl"


class SiteConnection(http.client.HTTPSConnection):
    """HTTPS to the loopback address that names the site in the TLS handshake (SNI), as a
    browser does: the shipped default server rejects a handshake for any other name."""

    def __init__(self, port, timeout):
        super().__init__(SITE, port, timeout=timeout, context=tls_context())

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=SITE)


def https_status(port, path, timeout=5):
    connection = SiteConnection(port, timeout)
    try:
        connection.request("GET", path, headers={"Host": "hulpwijzer.example.nl"})
        response = connection.getresponse()
        response.read()
        return response.status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        connection.close()


SHIPPED_NGINX = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "deploy", "nginx", "hulpwijzer.conf")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ShippedNginx:
    """deploy/nginx/hulpwijzer.conf in front of a binary on `app_port`: only what cannot run
    here is changed (ports, certificate, log and temp paths, IPv6 listens)."""

    def __init__(self, app_port, without_rate_limits=False):
        self.app_port = app_port
        self.without_rate_limits = without_rate_limits
        self.dir = tempfile.mkdtemp(prefix="hw-nginx-")
        self.proc = None
        self.port = None

    def start(self):
        """Returns None when running, else why not (the test is then skipped)."""
        if shutil.which("nginx") is None or shutil.which("openssl") is None:
            return "nginx or openssl is not installed"
        if not os.path.exists(SHIPPED_NGINX):
            return "deploy/nginx/hulpwijzer.conf does not exist"
        cert, key = os.path.join(self.dir, "cert.pem"), os.path.join(self.dir, "key.pem")
        made = subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                               "-nodes", "-days", "1", "-subj", "/CN=hulpwijzer.example.nl", "-keyout", key, "-out", cert],
                              capture_output=True, text=True)
        if made.returncode != 0:
            return "openssl could not make a certificate: " + made.stderr
        self.port, plain_port = free_port(), free_port()
        with open(SHIPPED_NGINX) as f:
            text = f.read()
        text = re.sub(r"^\s*listen \[::\]:.*$", "", text, flags=re.M)
        text = re.sub(r"listen 443 ssl", "listen 127.0.0.1:%d ssl" % self.port, text)
        text = re.sub(r"listen 80\b", "listen 127.0.0.1:%d" % plain_port, text)
        text = re.sub(r"server 127\.0\.0\.1:8080", "server 127.0.0.1:%d" % self.app_port, text)
        text = re.sub(r"ssl_certificate /\S+;", "ssl_certificate %s;" % cert, text)
        text = re.sub(r"ssl_certificate_key /\S+;", "ssl_certificate_key %s;" % key, text)
        text = re.sub(r"/var/log/nginx/", self.dir + "/", text)
        if self.without_rate_limits:  # for throughput figures from one load-generator address
            text = re.sub(r"^\s*limit_(req|conn) .*$", "", text, flags=re.M)
            # wrk names the address it connects to in SNI; let that reach the site too.
            text = text.replace("server_name %s;" % SITE, "server_name %s 127.0.0.1;" % SITE)
        with open(os.path.join(self.dir, "site.conf"), "w") as f:
            f.write(text)
        temp = os.path.join(self.dir, "temp")
        os.makedirs(temp)
        with open(os.path.join(self.dir, "nginx.conf"), "w") as f:
            f.write("user root;\nworker_processes auto;\npid %(d)s/nginx.pid;\nerror_log %(d)s/error.log warn;\n"
                    "events { worker_connections 4096; }\n"
                    "http {\n  client_body_temp_path %(t)s/body;\n  proxy_temp_path %(t)s/proxy;\n"
                    "  fastcgi_temp_path %(t)s/fastcgi;\n  uwsgi_temp_path %(t)s/uwsgi;\n  scgi_temp_path %(t)s/scgi;\n"
                    "  access_log %(d)s/access.log;\n  include %(d)s/site.conf;\n}\n" % {"d": self.dir, "t": temp})
        checked = subprocess.run(["nginx", "-t", "-p", self.dir, "-c", os.path.join(self.dir, "nginx.conf")],
                                 capture_output=True, text=True)
        if checked.returncode != 0:
            return "the shipped configuration does not run here: " + checked.stderr.strip()[-300:]
        self.proc = subprocess.Popen(["nginx", "-p", self.dir, "-c", os.path.join(self.dir, "nginx.conf"),
                                      "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for _ in range(100):
            if https_status(self.port, "/", timeout=2) == 200:
                return None
            if self.proc.poll() is not None:
                return "nginx exited: " + self.proc.stderr.read().decode()[-300:]
            time.sleep(0.05)
        return "nginx did not answer"

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()
        shutil.rmtree(self.dir, ignore_errors=True)
