// Serves HTTP/1.1 connections with a few event loops (epoll) instead of a thread per
// connection. A loop reads without blocking until a whole request is buffered
// (request_framer.h), under one deadline for the whole request, then answers it on the spot
// when it cannot wait (pages, assets and the resident API live in memory) or hands it to one
// of a few worker lanes (anything that may wait on the disk, SQLite or a key derivation), and
// writes the answer without blocking. So a client that sends a byte a second holds a few
// kilobytes of memory and a file descriptor, never a thread, and it is dropped at its deadline.
//
// Lanes: each has its own threads and its own bounded queue (503 when full), so work of one
// kind cannot hold up another: a flood of logins waiting on Argon2id never delays a
// resident's contact request or a partner opening the inbox. An answer may carry a hold (a
// failed login's delay): the loop keeps it and sends it when the hold is over, from its own
// timer, so the delay holds no thread.
//
// Connections: at most `max_connections` in all and `max_connections_per_client` per client
// network (util/client_network.h). At either bound a new connection does not get refused:
// the connection idle longest (no request in progress) on the loop that accepted it is shed
// for it, the client's own when the client is at its bound. Only when that loop has none
// idle is the new one closed.
//
// HTTP parsing is not done here: the Handler turns the bytes of one request into the bytes
// of its answer (cpp-httplib does that, in http_server.cpp). A connection's buffers,
// deadlines and state belong to one loop thread; workers only see copies of request bytes.
//
// Thread safety: Listen, then Run on one thread; Stop from any thread, once Listen succeeded.
// Run returns after Stop once the answers in progress went out (or `drain_on_stop` passed).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "http/wire/request_framer.h"
#include "util/status.h"

namespace hw::http {

class WorkerPool;

// One framed request, as its handler sees it.
struct RawRequest {
  std::string_view bytes;            // exactly one request: head and body
  std::string_view peer_ip;          // the socket's peer (an IPv4-mapped IPv6 address as IPv4)
  int peer_port = 0;
  bool last_on_connection = false;   // the connection closes after this answer
  bool continue_sent = false;        // "100 Continue" already went to the client
};

struct RawAnswer {
  std::string bytes;   // the whole response, status line to body
  bool close = false;  // close the connection after it
  std::chrono::milliseconds hold{0};  // send it this much later (worker answers only)
};

// A worker pool of its own for one kind of request.
struct WorkerLane {
  int threads = 16;
  size_t max_queued = 1024;  // requests waiting for one of its threads; beyond that 503
};

struct ConnectionLoopOptions {
  int event_loops = 2;
  std::vector<WorkerLane> lanes{WorkerLane{}};
  int max_connections = 4096;  // lowered to what the file descriptor limit allows
  int max_connections_per_client = 256;
  // Behind a proxy on loopback every client arrives from it; the proxy bounds clients then.
  bool loopback_is_proxy = false;
  size_t max_requests_per_connection = 1000;
  // From the connection (or, on a kept-alive one, from the first byte after an answer) to
  // the whole request; bytes that trickle in never restart it.
  std::chrono::milliseconds request_deadline{10000};
  std::chrono::milliseconds idle_timeout{5000};       // between requests on a kept-alive connection
  std::chrono::milliseconds write_stall{10000};       // writing an answer without any progress
  std::chrono::milliseconds linger{2000};             // reading what a closed connection still sends
  std::chrono::milliseconds drain_on_stop{5000};
  FramingLimits limits;
};

class ConnectionLoop {
 public:
  // Turns one request into its answer; runs on loop and worker threads, many at once.
  using Handler = std::function<RawAnswer(const RawRequest&)>;
  // The index of the lane a request that may wait (disk, SQLite, key derivation) goes to;
  // -1 for one answered on the loop at once.
  using ChooseLane = std::function<int(std::string_view method, std::string_view target)>;
  // A whole response with "Connection: close" for a status the loop gives itself
  // (400, 414, 431 for unframeable requests; 500 when the handler threw; 503 when overloaded).
  using Refusal = std::function<std::string(int status)>;

  ConnectionLoop(ConnectionLoopOptions options, Handler handler, ChooseLane choose_lane, Refusal refusal);
  ~ConnectionLoop();
  ConnectionLoop(const ConnectionLoop&) = delete;
  ConnectionLoop& operator=(const ConnectionLoop&) = delete;

  // Binds and listens (port 0: any free port); the error says what to do when the port is taken.
  Status Listen(const std::string& host, int port);
  int port() const { return port_; }
  void Run();
  void Stop();

 private:
  class EventLoop;
  friend class EventLoop;

  // The handler, with any exception turned into a 500 that closes the connection.
  RawAnswer Handle(const RawRequest& request) const;
  // Open connections per client network, over all loops. Admit counts one more and says
  // whether that keeps the client within its bound; Leave uncounts one.
  bool Admit(const std::string& network);
  void Leave(const std::string& network);

  const ConnectionLoopOptions options_;
  const Handler handler_;
  const ChooseLane choose_lane_;
  const Refusal refusal_;
  int listen_fd_ = -1;
  int port_ = 0;
  int max_connections_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> open_connections_{0};
  std::vector<std::unique_ptr<WorkerPool>> lanes_;
  std::mutex clients_mutex_;
  std::unordered_map<std::string, int> connections_per_client_;
  std::vector<std::unique_ptr<EventLoop>> loops_;
};

}  // namespace hw::http
