"""How the real binary handles connections (server/http/wire/connection_loop.h): requests split
and pipelined in every way, keep-alive limits, "100 Continue", refusals that still reach
the client, and thousands of idle connections that hold no thread."""
import re
import resource
import socket
import time
import unittest

from server_process import OneServerTestCase, ServerProcess, read_all, read_response

GET_HEALTH = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"


class PipelineReader:
    """Reads responses one by one from a socket that may hold several at once
    (server_process.read_response drops whatever follows the first)."""

    def __init__(self, sock):
        self.sock = sock
        self.buffer = b""

    def _fill(self):
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("closed with %r unread" % self.buffer[:100])
        self.buffer += chunk

    def next(self, head_request=False):
        while b"\r\n\r\n" not in self.buffer:
            self._fill()
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        length = 0 if head_request else int(re.search(rb"(?i)\r\ncontent-length: *(\d+)", head).group(1))
        while len(self.buffer) < length:
            self._fill()
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        fake = FakeSocket(head + b"\r\n\r\n" + body)
        return read_response(fake, head_request)


class FakeSocket:
    def __init__(self, data):
        self.data = data

    def recv(self, _):
        data, self.data = self.data, b""
        return data


class Connections(OneServerTestCase):
    def test_a_request_sent_a_byte_at_a_time_is_answered(self):
        with self.server.connect() as sock:
            for i in range(len(GET_HEALTH)):
                sock.send(GET_HEALTH[i:i + 1])
                time.sleep(0.002)
            self.assertEqual(read_response(sock).status, 200)

    def test_pipelined_requests_are_answered_in_order(self):
        post = (b"POST /api/v1/contact-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 2\r\n\r\n{}")
        with self.server.connect() as sock:
            # A page (answered on the event loop), a POST (on a worker), then a page again:
            # the answers must come back in the order asked, in one stream.
            sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" + post + b"HEAD /healthz HTTP/1.1\r\nHost: x\r\n\r\n" +
                         b"GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            reader = PipelineReader(sock)
            page = reader.next()
            submitted = reader.next()
            head = reader.next(head_request=True)
            missing = reader.next()
            self.assertEqual(page.status, 200)
            self.assertIn(b"<html", page.body)
            self.assertEqual(submitted.status, 422, submitted.body[:200])
            self.assertEqual(head.status, 200)
            self.assertEqual(head.body, b"")
            self.assertEqual(missing.status, 404)
            self.assertEqual(missing.header("connection"), "close")
            self.assertEqual(reader.buffer + read_all(sock), b"")

    def test_keep_alive_ends_after_a_thousand_requests(self):
        with self.server.connect() as sock:
            for i in range(999):
                sock.sendall(GET_HEALTH)
                response = read_response(sock)
                self.assertEqual(response.status, 200)
                self.assertIsNone(response.header("connection"), i)
            sock.sendall(GET_HEALTH)
            self.assertEqual(read_response(sock).header("connection"), "close")
            self.assertEqual(read_all(sock), b"")

    def test_expect_100_continue_gets_one_interim_answer(self):
        body = b'{"organization_id": "x"}'
        with self.server.connect() as sock:
            sock.sendall(b"POST /api/v1/contact-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Expect: 100-continue\r\nConnection: close\r\nContent-Length: %d\r\n\r\n" % len(body))
            interim = sock.recv(1024)
            self.assertEqual(interim, b"HTTP/1.1 100 Continue\r\n\r\n")
            sock.sendall(body)
            rest = read_all(sock)
        self.assertTrue(rest.startswith(b"HTTP/1.1 422 "), rest[:100])
        self.assertNotIn(b"100 Continue", rest)

    def test_a_refusal_reaches_a_client_that_is_still_sending(self):
        # The server answers 413 after the head; the client goes on sending its 3 MB body.
        # The answer must not be lost in a connection reset (lingering close).
        with self.server.connect() as sock:
            sock.sendall(b"POST /api/v1/contact-requests HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 3000000\r\n\r\n")
            try:
                sock.sendall(b"x" * 3000000)
            except OSError:
                pass
            response = read_response(sock)
        self.assertEqual(response.status, 413)
        self.assertEqual(response.header("connection"), "close")

    def test_a_content_length_read_two_ways_is_refused_and_the_connection_closed(self):
        for value in (b"%35", b"5, 5", b"+5"):
            with self.subTest(value=value), self.server.connect() as sock:
                sock.sendall(b"POST /api/v1/contact-requests HTTP/1.1\r\nHost: x\r\nContent-Length: " + value +
                             b"\r\n\r\nhelloGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                response = read_response(sock)
                self.assertEqual(response.status, 400)
                self.assertEqual(response.header("connection"), "close")
                self.assertEqual(response.header("content-type"), "application/json")
                self.assertEqual(read_all(sock), b"")  # the smuggled GET is never answered

    def test_a_client_that_stops_sending_still_gets_its_answer(self):
        with self.server.connect() as sock:
            sock.sendall(GET_HEALTH)
            sock.shutdown(socket.SHUT_WR)
            self.assertEqual(read_response(sock).status, 200)
            self.assertEqual(read_all(sock), b"")

    def test_thousands_of_idle_connections_hold_no_thread(self):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        wanted = 2100
        if hard < wanted + 100:
            self.skipTest("the file descriptor limit (%d) is too low for this test" % hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, wanted + 100), hard))
        idle = []
        try:
            # From ten addresses: one client may hold only so many (ConnectionBounds).
            for n in range(2000):
                idle.append(self.server.connect(source="127.0.5.%d" % (1 + n % 10)))
            # Half of them start a request and never finish it.
            for sock in idle[::2]:
                sock.send(b"GET / HTTP/1.1\r\nHost: x\r\n")
            started = time.monotonic()
            self.assertEqual(self.server.get("/").status, 200)
            self.assertLess(time.monotonic() - started, 2.0)
            with open("/proc/%d/status" % self.server.proc.pid) as status:
                threads = int(next(line for line in status if line.startswith("Threads:")).split()[1])
            # Fixed pools only: the event loops, two worker lanes of 8 and the login lane's 64
            # (about 84 in all), however many connections; a thread each would be 2,000.
            self.assertLess(threads, 128, "the server should not have a thread per connection")
        finally:
            for sock in idle:
                sock.close()
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
        self.assertEqual(self.server.get("/healthz").status, 200)

    def test_an_unfinished_request_is_dropped_at_its_deadline(self):
        with self.server.connect() as sock:
            started = time.monotonic()
            sock.send(b"GET / HTTP/1.1\r\n")
            # A byte a second would have kept a thread forever before; now the request as a
            # whole has 10 s.
            closed_at = trickle_until_closed(sock, b"X", every=1, give_up=started + 15)
            self.assertIsNotNone(closed_at)
            self.assertGreaterEqual(closed_at - started, 9.5)

    def test_bytes_that_trickle_in_do_not_restart_the_deadline(self):
        # Issue 12, finding 15: the deadline used to start again at the first byte, so a
        # client could hold a connection for 20 s (and for ever with a fresh one each time).
        with self.server.connect() as sock:
            started = time.monotonic()
            time.sleep(6)
            closed_at = trickle_until_closed(sock, b"G", every=0.5, give_up=started + 17)
            self.assertIsNotNone(closed_at)
            self.assertLess(closed_at - started, 13)


def trickle_until_closed(sock, byte, every, give_up):
    """Sends `byte` every `every` seconds until the server closes the connection; returns
    when that was (time.monotonic()), or None if it was still open at `give_up`."""
    while time.monotonic() < give_up:
        try:
            sock.send(byte)
        except OSError:
            return time.monotonic()
        if closed_by_server(sock):
            return time.monotonic()
        time.sleep(every)
    return None


def closed_by_server(sock):
    sock.settimeout(0)  # with a timeout, Python waits for readability even with MSG_DONTWAIT
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


class ConnectionBounds(unittest.TestCase):
    """Issue 12, finding 15: connections that only sit there must not keep anyone out. One
    client network holds at most 256; at either bound a new connection sheds the one idle
    longest (on the event loop that accepted it) instead of being refused."""

    def open_idle(self, server, count, sources):
        idle = []
        for n in range(count):
            idle.append(server.connect(source=sources[n % len(sources)]))
            self.addCleanup(idle[-1].close)
        return idle

    def wait_for_the_loop(self, server):
        self.assertEqual(server.get("/healthz").status, 200)  # accepted and handled in order
        time.sleep(0.2)

    def test_one_client_holds_at_most_its_share(self):
        with ServerProcess() as server:
            idle = self.open_idle(server, 300, ["127.0.6.1"])
            self.wait_for_the_loop(server)
            # Its own new connection gets in, in place of its oldest idle one.
            self.assertEqual(server.request("GET", "/healthz", source="127.0.6.1").status, 200)
            self.assertEqual(server.request("GET", "/healthz", source="127.0.6.2").status, 200)
            time.sleep(0.2)
            closed = [closed_by_server(sock) for sock in idle]
            self.assertGreaterEqual(sum(closed), 300 - 256)
            # Each event loop sheds its own oldest, so the newest stays.
            self.assertFalse(closed[-1])

    def test_a_full_server_sheds_the_oldest_idle_connection(self):
        # 400 descriptors: room for 336 connections (64 are kept for SQLite and logs).
        with ServerProcess(max_open_files=400) as server:
            idle = self.open_idle(server, 340, ["127.0.7.%d" % n for n in range(1, 11)])
            self.wait_for_the_loop(server)
            response = server.request("GET", "/healthz", source="127.0.7.99")
            self.assertEqual(response.status, 200)
            time.sleep(0.2)
            closed = [closed_by_server(sock) for sock in idle]
            self.assertGreaterEqual(sum(closed), 340 - 336 + 1)
            self.assertFalse(closed[-1])


if __name__ == "__main__":
    unittest.main()
