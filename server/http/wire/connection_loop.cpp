#include "http/wire/connection_loop.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "http/wire/listen_socket.h"
#include "http/wire/worker_pool.h"
#include "util/client_network.h"
#include "util/log.h"

namespace hw::http {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kBacklog = 1024;
constexpr uint64_t kListenTag = 0;
constexpr uint64_t kWakeTag = 1;
constexpr uint64_t kFirstConnectionId = 2;
constexpr auto kSweepInterval = std::chrono::milliseconds(250);
constexpr size_t kReadChunk = 16 * 1024;
constexpr size_t kMaxLingerBytes = 1024 * 1024;  // then close anyway
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
// File descriptors kept free for SQLite, logs and the listening socket.
constexpr int kReservedDescriptors = 64;

struct Connection {
  enum class Phase {
    kReading,     // waiting for (the rest of) a request
    kProcessing,  // a worker has the request; not watched by epoll meanwhile
    kWriting,     // sending an answer
    kLingering,   // closing: our side is shut, reading what the client still sends so
                  // that unread bytes do not turn the close into a reset that loses the answer
    kClosed,      // closed; removed from the table once the current event is handled
  };
  int fd = -1;
  uint64_t id = 0;
  std::string peer_ip;
  std::string network;  // ClientNetwork(peer_ip), counted by the owner; empty when exempt
  int peer_port = 0;
  Phase phase = Phase::kReading;
  Clock::time_point deadline;
  bool between_requests = false;  // kept alive after an answer, no byte of the next one yet
  Clock::time_point idle_since;   // when it last had no request in progress
  std::string in;
  size_t answered_length = 0;  // bytes at the front of `in` that the current answer answers
  std::string out;
  size_t out_sent = 0;
  bool close_after_write = false;
  bool continue_sent = false;
  bool peer_closed = false;
  size_t served = 0;
  size_t lingered = 0;
  uint32_t watched = 0;  // events registered with epoll; 0 = not registered
};

bool IsLoopback(const std::string& ip) { return ip.rfind("127.", 0) == 0 || ip == "::1"; }

// Raises the soft limit on open files to the hard one (many idle keep-alive connections are
// cheap now) and returns how many connections fit.
int ConnectionsThatFit(int wanted) {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return std::min(wanted, 1024 - kReservedDescriptors);
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  const rlim_t usable = limit.rlim_cur > static_cast<rlim_t>(kReservedDescriptors) * 2
                            ? limit.rlim_cur - kReservedDescriptors
                            : limit.rlim_cur / 2;
  return static_cast<int>(std::min<rlim_t>(static_cast<rlim_t>(wanted), usable));
}

}  // namespace

class ConnectionLoop::EventLoop {
 public:
  explicit EventLoop(ConnectionLoop& owner) : owner_(owner), options_(owner.options_) {}
  ~EventLoop() {
    for (auto& [id, connection] : connections_)
      if (connection->phase != Connection::Phase::kClosed) close(connection->fd);
    if (wake_fd_ >= 0) close(wake_fd_);
    if (epoll_fd_ >= 0) close(epoll_fd_);
    if (spare_fd_ >= 0) close(spare_fd_);
  }

  Status Open() {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    spare_fd_ = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (epoll_fd_ < 0 || wake_fd_ < 0) return Status::Unavailable("cannot create an event loop (epoll, eventfd)");
    epoll_event wake{};
    wake.events = EPOLLIN;
    wake.data.u64 = kWakeTag;
    // EPOLLEXCLUSIVE: a new connection wakes one loop, not all of them.
    epoll_event listen{};
    listen.events = EPOLLIN | EPOLLEXCLUSIVE;
    listen.data.u64 = kListenTag;
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake) != 0 ||
        epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, owner_.listen_fd_, &listen) != 0)
      return Status::Unavailable("cannot watch the listening socket (epoll_ctl)");
    return Status::Ok();
  }

  void Run() {
    epoll_event events[128];
    Clock::time_point next_sweep = Clock::now() + kSweepInterval;
    bool draining = false;
    Clock::time_point drain_until;
    for (;;) {
      if (owner_.stopping_.load() && !draining) {
        draining = true;
        drain_until = Clock::now() + options_.drain_on_stop;
        BeginDrain();
      }
      if (draining && (connections_.empty() || Clock::now() >= drain_until)) return;
      const int ready = epoll_wait(epoll_fd_, events, 128, WaitMilliseconds());
      if (ready < 0 && errno != EINTR) {
        log::Error("event_loop_failed", {{"errno", errno}});
        return;
      }
      for (int i = 0; i < ready; ++i) Dispatch(events[i]);
      ReleaseHeld(Clock::now());
      if (const auto now = Clock::now(); now >= next_sweep) {
        CloseExpired(now);
        next_sweep = now + kSweepInterval;
      }
      Bury();
    }
  }

  void Wake() {
    const uint64_t one = 1;
    [[maybe_unused]] const ssize_t written = write(wake_fd_, &one, sizeof one);
  }

  // From a worker: the answer for connection `id`.
  void Post(uint64_t id, RawAnswer answer) {
    {
      std::lock_guard<std::mutex> lock(answers_mutex_);
      answers_.emplace_back(id, std::move(answer));
    }
    Wake();
  }

 private:
  // Until the next sweep, or sooner when a held answer is due.
  int WaitMilliseconds() const {
    auto wait = kSweepInterval;
    if (!held_.empty()) {
      const auto due = std::chrono::ceil<std::chrono::milliseconds>(held_.begin()->first - Clock::now());
      wait = std::clamp(due, std::chrono::milliseconds(0), wait);
    }
    return static_cast<int>(wait.count());
  }

  void Dispatch(const epoll_event& event) {
    if (event.data.u64 == kListenTag) return AcceptAll();
    if (event.data.u64 == kWakeTag) return TakeAnswers();
    const auto found = connections_.find(event.data.u64);
    if (found == connections_.end()) return;
    Connection& connection = *found->second;
    if (connection.phase == Connection::Phase::kWriting) {
      if (!(event.events & (EPOLLOUT | EPOLLERR | EPOLLHUP))) return;
      ContinueWriting(connection);
      // Requests the client sent while it waited for this answer (pipelining).
      if (connection.phase == Connection::Phase::kReading) Advance(connection);
      return;
    }
    if (connection.phase == Connection::Phase::kLingering) return Linger(connection);
    if (connection.phase == Connection::Phase::kReading) return ReadAvailable(connection);
  }

  void AcceptAll() {
    for (;;) {
      sockaddr_storage peer{};
      socklen_t length = sizeof peer;
      const int fd = accept4(owner_.listen_fd_, reinterpret_cast<sockaddr*>(&peer), &length,
                             SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        if (errno == EMFILE || errno == ENFILE) ShedOneConnection();
        return;  // EAGAIN, or nothing more to do now
      }
      if (owner_.stopping_.load()) {
        close(fd);
        continue;
      }
      auto connection = std::make_unique<Connection>();
      connection->fd = fd;
      connection->peer_ip = PeerAddressText(&peer, &connection->peer_port);
      if (!(options_.loopback_is_proxy && IsLoopback(connection->peer_ip)))
        connection->network = ClientNetwork(connection->peer_ip);
      if (!MakeRoomFor(connection->network)) {
        close(fd);
        continue;
      }
      const int yes = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
      connection->id = next_id_++;
      connection->deadline = Clock::now() + options_.request_deadline;
      connection->idle_since = Clock::now();
      ++owner_.open_connections_;
      Connection& added = *connection;
      connections_.emplace(added.id, std::move(connection));
      Watch(added, EPOLLIN);
    }
  }

  // Counts a new connection of `network` in, shedding the connection idle longest when the
  // client or the whole server is at its bound: holding connections open must not keep
  // anyone else out. False when nothing could be shed (then the new one is closed).
  bool MakeRoomFor(const std::string& network) {
    if (!network.empty() && !owner_.Admit(network)) {
      if (!ShedIdlest(&network)) {
        owner_.Leave(network);
        return false;
      }
    }
    if (owner_.open_connections_.load() >= owner_.max_connections_ && !ShedIdlest(nullptr)) {
      if (!network.empty()) owner_.Leave(network);
      return false;
    }
    return true;
  }

  // Closes this loop's connection that has waited longest without a request in progress,
  // of `network` only when given. Connections of other loops are theirs to shed.
  bool ShedIdlest(const std::string* network) {
    Connection* idlest = nullptr;
    for (const auto& [id, connection] : connections_) {
      if (connection->phase != Connection::Phase::kReading || !connection->in.empty()) continue;
      if (network && connection->network != *network) continue;
      if (!idlest || connection->idle_since < idlest->idle_since) idlest = connection.get();
    }
    if (!idlest) return false;
    Close(*idlest);
    return true;
  }

  // Out of file descriptors: without this the listening socket stays readable and the loop
  // spins. Free the spare descriptor, accept and close one connection, keep the spare again.
  void ShedOneConnection() {
    if (spare_fd_ < 0) return;
    close(spare_fd_);
    const int fd = accept4(owner_.listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd >= 0) close(fd);
    spare_fd_ = open("/dev/null", O_RDONLY | O_CLOEXEC);
  }

  void ReadAvailable(Connection& connection) {
    const size_t cap = options_.limits.max_head + options_.limits.max_body + kReadChunk;
    char buffer[kReadChunk];
    while (!connection.peer_closed && connection.in.size() < cap) {
      const ssize_t got = recv(connection.fd, buffer, sizeof buffer, 0);
      if (got > 0) {
        // A kept-alive connection's next request gets the whole request deadline from its
        // first byte; on a new connection the deadline runs from the connect, and no byte
        // restarts it (or a byte every 9 s would hold the connection for ever).
        if (connection.between_requests) connection.deadline = Clock::now() + options_.request_deadline;
        connection.between_requests = false;
        connection.in.append(buffer, static_cast<size_t>(got));
        if (static_cast<size_t>(got) < sizeof buffer) break;
      } else if (got == 0) {
        connection.peer_closed = true;
      } else if (errno == EINTR) {
        continue;
      } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
        break;
      } else {
        return Close(connection);
      }
    }
    Advance(connection);
    // Framing refuses a head or body long before the buffer is this full.
    if (connection.phase == Connection::Phase::kReading && connection.in.size() >= cap) Close(connection);
  }

  // Answers every whole request buffered on the connection, one at a time and in order.
  void Advance(Connection& connection) {
    while (connection.phase == Connection::Phase::kReading) {
      if (connection.in.empty()) {
        if (connection.peer_closed) Close(connection);
        return;
      }
      const Framing framing = FrameRequest(connection.in, options_.limits);
      switch (framing.state) {
        case Framing::State::kIncomplete:
          if (connection.peer_closed) return Close(connection);
          if (framing.expects_continue && !connection.continue_sent) SendContinue(connection);
          return;
        case Framing::State::kRefuse:
          connection.answered_length = connection.in.size();
          return StartWriting(connection, owner_.refusal_(framing.refuse_status), true);
        case Framing::State::kComplete:
          Answer(connection, framing);
          break;  // Answer changed the phase; when it wrote everything at once, go on
      }
    }
  }

  void SendContinue(Connection& connection) {
    connection.continue_sent = true;
    if (send(connection.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(kContinue.size()))
      Close(connection);
  }

  void Answer(Connection& connection, const Framing& framing) {
    connection.answered_length = framing.length;
    const bool last = framing.close_after || connection.peer_closed || owner_.stopping_.load() ||
                      connection.served + 1 >= options_.max_requests_per_connection;
    const int lane = owner_.choose_lane_(framing.method, framing.target);
    if (lane < 0) {
      RawRequest request{std::string_view(connection.in).substr(0, framing.length), connection.peer_ip,
                         connection.peer_port, last, connection.continue_sent};
      RawAnswer answer = owner_.Handle(request);
      return StartWriting(connection, std::move(answer.bytes), answer.close || last);
    }
    // The worker gets its own copy of the request; the connection is not watched meanwhile
    // (a hang-up would otherwise wake this loop again and again until the answer is ready).
    Unwatch(connection);
    connection.phase = Connection::Phase::kProcessing;
    auto job = [this, id = connection.id, bytes = connection.in.substr(0, framing.length),
                peer_ip = connection.peer_ip, peer_port = connection.peer_port, last,
                continue_sent = connection.continue_sent] {
      RawAnswer answer = owner_.Handle(RawRequest{bytes, peer_ip, peer_port, last, continue_sent});
      answer.close = answer.close || last;
      Post(id, std::move(answer));
    };
    if (!owner_.lanes_.at(static_cast<size_t>(lane))->TryPost(std::move(job))) {
      connection.phase = Connection::Phase::kReading;
      StartWriting(connection, owner_.refusal_(503), true);
    }
  }

  void TakeAnswers() {
    uint64_t count = 0;
    [[maybe_unused]] const ssize_t got = read(wake_fd_, &count, sizeof count);
    std::vector<std::pair<uint64_t, RawAnswer>> answers;
    {
      std::lock_guard<std::mutex> lock(answers_mutex_);
      answers.swap(answers_);
    }
    const auto now = Clock::now();
    for (auto& [id, answer] : answers) {
      if (answer.hold.count() > 0 && !owner_.stopping_.load())
        held_.emplace(now + answer.hold, std::make_pair(id, std::move(answer)));
      else
        Deliver(id, std::move(answer));
    }
  }

  // Held answers whose time has come (all of them when stopping: they are in progress).
  void ReleaseHeld(Clock::time_point now) {
    const bool all = owner_.stopping_.load();
    while (!held_.empty() && (all || held_.begin()->first <= now)) {
      auto [id, answer] = std::move(held_.begin()->second);
      held_.erase(held_.begin());
      Deliver(id, std::move(answer));
    }
  }

  void Deliver(uint64_t id, RawAnswer answer) {
    const auto found = connections_.find(id);
    if (found == connections_.end() || found->second->phase != Connection::Phase::kProcessing) return;
    Connection& connection = *found->second;
    StartWriting(connection, std::move(answer.bytes), answer.close);
    if (connection.phase == Connection::Phase::kReading) Advance(connection);
  }

  void StartWriting(Connection& connection, std::string bytes, bool close_after) {
    connection.phase = Connection::Phase::kWriting;
    connection.out = std::move(bytes);
    connection.out_sent = 0;
    connection.close_after_write = close_after || owner_.stopping_.load();
    connection.deadline = Clock::now() + options_.write_stall;
    ContinueWriting(connection);
  }

  void ContinueWriting(Connection& connection) {
    while (connection.out_sent < connection.out.size()) {
      const ssize_t sent = send(connection.fd, connection.out.data() + connection.out_sent,
                                connection.out.size() - connection.out_sent, MSG_NOSIGNAL);
      if (sent > 0) {
        connection.out_sent += static_cast<size_t>(sent);
        connection.deadline = Clock::now() + options_.write_stall;
      } else if (sent < 0 && errno == EINTR) {
        continue;
      } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return Watch(connection, EPOLLOUT);
      } else {
        return Close(connection);
      }
    }
    FinishAnswer(connection);
  }

  void FinishAnswer(Connection& connection) {
    connection.out.clear();
    connection.out.shrink_to_fit();
    if (connection.close_after_write) return StartLingering(connection);
    connection.in.erase(0, connection.answered_length);
    connection.answered_length = 0;
    connection.continue_sent = false;
    ++connection.served;
    connection.phase = Connection::Phase::kReading;
    connection.between_requests = connection.in.empty();
    connection.idle_since = Clock::now();
    connection.deadline = Clock::now() + (connection.in.empty() ? options_.idle_timeout : options_.request_deadline);
    Watch(connection, EPOLLIN);
    // Pipelined requests already buffered: Advance goes on with them (its caller's job).
  }

  void StartLingering(Connection& connection) {
    if (connection.peer_closed) return Close(connection);
    shutdown(connection.fd, SHUT_WR);
    connection.phase = Connection::Phase::kLingering;
    connection.in.clear();
    connection.in.shrink_to_fit();
    connection.deadline = Clock::now() + options_.linger;
    Watch(connection, EPOLLIN);
  }

  void Linger(Connection& connection) {
    char buffer[kReadChunk];
    for (;;) {
      const ssize_t got = recv(connection.fd, buffer, sizeof buffer, 0);
      if (got > 0) {
        connection.lingered += static_cast<size_t>(got);
        if (connection.lingered > kMaxLingerBytes) return Close(connection);
      } else if (got < 0 && errno == EINTR) {
        continue;
      } else if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        return;
      } else {
        return Close(connection);  // the client closed too, or the connection failed
      }
    }
  }

  void Watch(Connection& connection, uint32_t events) {
    if (connection.watched == events) return;
    epoll_event event{};
    event.events = events;
    event.data.u64 = connection.id;
    const int operation = connection.watched == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD;
    if (epoll_ctl(epoll_fd_, operation, connection.fd, &event) != 0) return Close(connection);
    connection.watched = events;
  }

  void Unwatch(Connection& connection) {
    if (connection.watched == 0) return;
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, connection.fd, nullptr);
    connection.watched = 0;
  }

  // The Connection object stays until Bury(), so callers up the stack may still look at
  // its phase (kClosed) after a call that closed it.
  void Close(Connection& connection) {
    if (connection.phase == Connection::Phase::kClosed) return;
    close(connection.fd);  // also removes it from epoll
    connection.phase = Connection::Phase::kClosed;
    --owner_.open_connections_;
    if (!connection.network.empty()) owner_.Leave(connection.network);
    closed_.push_back(connection.id);
  }

  void Bury() {
    for (const uint64_t id : closed_) connections_.erase(id);
    closed_.clear();
  }

  void CloseExpired(Clock::time_point now) {
    std::vector<uint64_t> expired;
    for (const auto& [id, connection] : connections_)
      if (connection->phase != Connection::Phase::kProcessing && connection->phase != Connection::Phase::kClosed &&
          now >= connection->deadline)
        expired.push_back(id);
    for (const uint64_t id : expired) Close(*connections_.at(id));
  }

  // Stop: no new connections; close the ones between or inside requests; the answers in
  // progress (kProcessing, kWriting) still go out.
  void BeginDrain() {
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, owner_.listen_fd_, nullptr);
    std::vector<uint64_t> idle;
    for (const auto& [id, connection] : connections_)
      if (connection->phase == Connection::Phase::kReading || connection->phase == Connection::Phase::kLingering)
        idle.push_back(id);
    for (const uint64_t id : idle) Close(*connections_.at(id));
    Bury();
  }

  ConnectionLoop& owner_;
  const ConnectionLoopOptions& options_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  int spare_fd_ = -1;
  uint64_t next_id_ = kFirstConnectionId;
  std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections_;
  std::vector<uint64_t> closed_;
  std::multimap<Clock::time_point, std::pair<uint64_t, RawAnswer>> held_;  // by when they are due
  std::mutex answers_mutex_;
  std::vector<std::pair<uint64_t, RawAnswer>> answers_;
};

ConnectionLoop::ConnectionLoop(ConnectionLoopOptions options, Handler handler, ChooseLane choose_lane, Refusal refusal)
    : options_(std::move(options)),
      handler_(std::move(handler)),
      choose_lane_(std::move(choose_lane)),
      refusal_(std::move(refusal)) {}

ConnectionLoop::~ConnectionLoop() {
  // Workers first: a job still running posts its answer to its loop, which must exist.
  lanes_.clear();  // runs what is still queued; its answers go nowhere
  loops_.clear();
  if (listen_fd_ >= 0) close(listen_fd_);
}

Status ConnectionLoop::Listen(const std::string& host, int port) {
  auto socket = OpenListenSocket(host, port, kBacklog);
  if (!socket.ok()) return socket.status();
  listen_fd_ = socket->fd;
  port_ = socket->port;
  max_connections_ = ConnectionsThatFit(options_.max_connections);
  for (const WorkerLane& lane : options_.lanes)
    lanes_.push_back(std::make_unique<WorkerPool>(lane.threads, lane.max_queued));
  for (int i = 0; i < std::max(1, options_.event_loops); ++i) {
    auto loop = std::make_unique<EventLoop>(*this);
    if (Status opened = loop->Open(); !opened.ok()) return opened;
    loops_.push_back(std::move(loop));
  }
  return Status::Ok();
}

void ConnectionLoop::Run() {
  std::vector<std::thread> others;
  for (size_t i = 1; i < loops_.size(); ++i) others.emplace_back([this, i] { loops_[i]->Run(); });
  loops_[0]->Run();
  for (auto& thread : others) thread.join();
}

void ConnectionLoop::Stop() {
  stopping_.store(true);
  for (auto& loop : loops_) loop->Wake();
}

bool ConnectionLoop::Admit(const std::string& network) {
  std::lock_guard<std::mutex> lock(clients_mutex_);
  return ++connections_per_client_[network] <= options_.max_connections_per_client;
}

void ConnectionLoop::Leave(const std::string& network) {
  std::lock_guard<std::mutex> lock(clients_mutex_);
  const auto it = connections_per_client_.find(network);
  if (it != connections_per_client_.end() && --it->second <= 0) connections_per_client_.erase(it);
}

RawAnswer ConnectionLoop::Handle(const RawRequest& request) const {
  try {
    return handler_(request);
  } catch (...) {
    // The handler logs what it can say safely; nothing of the request is logged here.
    log::Error("request_failed", {});
    return RawAnswer{refusal_(500), true};
  }
}

}  // namespace hw::http
