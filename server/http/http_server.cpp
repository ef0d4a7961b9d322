#include "http/http_server.h"

#include <httplib.h>

#include <algorithm>
#include <map>
#include <optional>
#include <thread>
#include <typeinfo>

#include "crypto/address_hasher.h"
#include "http/api_error.h"
#include "http/wire/connection_loop.h"
#include "http/header_text.h"
#include "http/security_headers.h"
#include "http/wire/simple_get.h"
#include "util/log.h"

namespace hw::http {
namespace {

constexpr size_t kMaxPayload = 64 * 1024;
constexpr size_t kMaxTarget = 2048;
constexpr size_t kMaxHeaderCount = 64;
constexpr size_t kMaxHeaderBytes = 16 * 1024;
constexpr int kKeepAliveSeconds = 5;
constexpr int kKeepAliveMaxRequests = 1000;
constexpr std::string_view kKeepAliveHeader = "timeout=5, max=1000";  // as cpp-httplib writes it
// Where the pre-routing handler keeps Accept-Encoding after erasing it, so httplib never
// compresses on the fly (quality-11 brotli per request). A client-sent copy is erased first.
constexpr const char* kStashedAcceptEncoding = "X-Hulpwijzer-Accept-Encoding";

// cpp-httplib parses and routes; connections, reading and writing are ConnectionLoop's.
// process_request is the library's own per-request step, protected in 0.11.4.
class TunedServer : public httplib::Server {
 public:
  using httplib::Server::process_request;
};

// One framed request in, its answer out: a Stream over memory, so cpp-httplib never waits
// on the network and every answer leaves in one write.
class BufferStream : public httplib::Stream {
 public:
  BufferStream(const RawRequest& request, std::string* out) : request_(request), out_(out) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    const size_t n = std::min(size, request_.bytes.size() - position_);
    std::copy_n(request_.bytes.data() + position_, n, ptr);
    position_ += n;
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, size_t size) override {
    out_->append(ptr, size);
    return static_cast<ssize_t>(size);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = std::string(request_.peer_ip);
    port = request_.peer_port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return INVALID_SOCKET; }

 private:
  const RawRequest& request_;
  std::string* out_;
  size_t position_ = 0;
};

// Whether the answer's head says the connection closes (the guard's refusals, a client's
// "Connection: close", the last request on a connection).
bool SaysClose(std::string_view answer) {
  const std::string_view head = answer.substr(0, answer.find("\r\n\r\n"));
  constexpr std::string_view kLine = "\r\nConnection: close";
  return head.find("\r\nConnection: close\r\n") != std::string_view::npos ||
         (head.size() >= kLine.size() && head.substr(head.size() - kLine.size()) == kLine);
}

// After a 400 the bytes that follow cannot be trusted to start a request.
bool IsBadRequest(std::string_view answer) { return answer.rfind("HTTP/1.1 400 ", 0) == 0; }

// The whole response for a status the connection loop gives itself, with the same security
// headers and JSON error body as every other answer.
std::string CannedRefusal(int status, const std::vector<std::pair<std::string, std::string>>& security_headers) {
  const HttpResponse error = ApiErrorForStatus(status);
  const std::string_view body = error.body();
  std::string text = "HTTP/1.1 " + std::to_string(status) + " " + ReasonPhrase(status) + "\r\n";
  for (const auto& [name, value] : security_headers) text += name + ": " + value + "\r\n";
  for (const auto& [name, value] : error.headers) text += name + ": " + value + "\r\n";
  if (status == 503) text += "Retry-After: 5\r\n";
  text += "Content-Type: " + error.content_type + "\r\nContent-Length: " + std::to_string(body.size()) +
          "\r\nConnection: close\r\n\r\n";
  text.append(body);
  return text;
}

// The worker lanes (wire/connection_loop.h), each with its own threads and bounded queue: a flood
// of one kind of request never queues in front of another.
enum Lane : int {
  kOnLoop = -1,
  kResidentLane = 0,  // contact requests: a durable commit each
  kStaffLane = 1,     // the staff portal: SQLite reads and writes, sealing and opening
  kLoginLane = 2,     // logins: Argon2id, at most two at once (crypto/password_kdf.h)
};
// Most of them wait for one of Argon2id's two slots, in rank order (password_kdf.h): enough
// that an owner's login reaches that wait past a few dozen guesses, not behind them.
constexpr int kLoginThreads = 64;
constexpr size_t kLoginQueue = 256;

int ChooseLane(std::string_view method, std::string_view target) {
  if (!Routes::MayWait(method, target)) return kOnLoop;
  if (target.rfind("/staff/", 0) != 0) return kResidentLane;
  const std::string_view path = target.substr(0, target.find('?'));
  return method == "POST" && path == "/staff/api/v1/session" ? kLoginLane : kStaffLane;
}

// A failed login's delay, from the route (Dispatch) to Process on the same thread: the
// answer's bytes pass through cpp-httplib, which has no field for it.
thread_local std::chrono::milliseconds answer_after{0};

ConnectionLoopOptions LoopOptions(const ServerConfig& config) {
  ConnectionLoopOptions options;
  options.event_loops = static_cast<int>(std::clamp(std::thread::hardware_concurrency(), 1u, 4u));
  const int half = std::max(1, config.threads / 2);
  options.lanes = {WorkerLane{half, 1024}, WorkerLane{half, 1024}, WorkerLane{kLoginThreads, kLoginQueue}};
  options.loopback_is_proxy = config.behind_proxy;
  options.limits.max_head = kMaxHeaderBytes + kMaxTarget + 2048;
  options.limits.max_body = kMaxPayload;
  return options;
}

void WriteResponse(const HttpResponse& from, httplib::Response& to) {
  to.status = from.status;
  // A header the route sets replaces a default one of the same name (e.g. the staff CSP).
  for (const auto& [name, value] : from.headers) to.headers.erase(name);
  for (const auto& [name, value] : from.headers) to.set_header(name.c_str(), value);
  const std::string_view body = from.body();
  if (!from.content_type.empty()) to.set_content(body.data(), body.size(), from.content_type.c_str());
}

void WriteError(int status, httplib::Response& to) {
  // Keep the security headers already set by default; replace body and content headers.
  to.headers.erase("Content-Encoding");
  to.headers.erase("ETag");
  WriteResponse(ApiErrorForStatus(status), to);
}

// Guards against cpp-httplib 0.11.4 weaknesses that Debian did not patch. Runs after the
// headers are parsed and before any body is read.
httplib::Server::HandlerResponse Guard(const httplib::Request& req, httplib::Response& res) {
  auto& mutable_req = const_cast<httplib::Request&>(req);  // the library hands us its own non-const object
  size_t header_bytes = 0;
  for (const auto& [name, value] : req.headers) header_bytes += name.size() + value.size() + 4;
  int refuse = 0;
  if (req.target.size() > kMaxTarget) refuse = 414;
  else if (req.headers.size() > kMaxHeaderCount || header_bytes > kMaxHeaderBytes) refuse = 431;
  else if (req.has_header("Transfer-Encoding")) refuse = 411;  // chunked bodies bypass the payload limit
  else if (req.has_header("Content-Encoding")) refuse = 415;   // so do compressed ones
  if (refuse) {
    WriteError(refuse, res);
    res.set_header("Connection", "close");
    return httplib::Server::HandlerResponse::Handled;
  }
  // Ranges: many parts each copy the body; we serve whole representations only.
  mutable_req.ranges.clear();
  mutable_req.headers.erase("Range");
  mutable_req.headers.erase(kStashedAcceptEncoding);
  const std::string accept_encoding = req.get_header_value("Accept-Encoding");
  mutable_req.headers.erase("Accept-Encoding");
  if (!accept_encoding.empty()) mutable_req.headers.emplace(kStashedAcceptEncoding, accept_encoding);
  return httplib::Server::HandlerResponse::Unhandled;
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(const ServerConfig& config, const Routes& routes, std::string csp)
      : config_(config),
        routes_(routes),
        csp_(std::move(csp)),
        loop(LoopOptions(config), [this](const RawRequest& request) { return Process(request); }, ChooseLane,
             [this](int status) { return refusals_.at(status); }) {
    Configure();
  }

  const ServerConfig& config() const { return config_; }

 private:
  void Configure() {
    server_.set_payload_max_length(kMaxPayload);
    // Only in the Keep-Alive header cpp-httplib writes; ConnectionLoop enforces both.
    server_.set_keep_alive_timeout(kKeepAliveSeconds);
    server_.set_keep_alive_max_count(kKeepAliveMaxRequests);
    httplib::Headers defaults;
    const auto security_headers = SecurityHeaders(csp_, config_.hsts);
    for (const auto& [name, value] : security_headers) {
      defaults.emplace(name, value);
      default_headers_.emplace_back(name, value);
    }
    for (int status : {400, 414, 431, 500, 503}) refusals_[status] = CannedRefusal(status, security_headers);
    server_.set_default_headers(defaults);
    server_.set_pre_routing_handler(Guard);

    auto dispatch = [this](const httplib::Request& req, httplib::Response& res) { Dispatch(req, res); };
    // One catch-all per method; paths are at most kMaxTarget long by then (Guard).
    server_.Get(".*", dispatch);
    server_.Post(".*", dispatch);
    server_.Put(".*", dispatch);
    server_.Patch(".*", dispatch);
    server_.Delete(".*", dispatch);
    server_.Options(".*", dispatch);

    server_.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
          WriteError(res.status, res);
          return httplib::Server::HandlerResponse::Handled;
        }));
    server_.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
      // Only the exception's type: its text can quote input (nlohmann quotes the number it
      // could not read, a fragment of the request body), and bodies never go into logs.
      std::string type = "unknown";
      try {
        if (error) std::rethrow_exception(error);
      } catch (const std::exception& e) {
        type = typeid(e).name();
      } catch (...) {
      }
      log::Error("exception", {{"type", type}});
      WriteError(500, res);
    });
    if (config_.access_log) {
      server_.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        LogRequest(req.method, req.path, res.status, res.body.size());
      });
    }
  }

  // Method, path and status only: no address, no header, no query, no body.
  static void LogRequest(std::string_view method, std::string_view path, int status, size_t bytes) {
    log::Request(method.substr(0, 16), path.substr(0, 200), status, bytes);
  }

  RawAnswer Process(const RawRequest& request) {
    if (auto answer = AnswerSimpleGet(request)) return std::move(*answer);
    RawAnswer answer;
    BufferStream stream(request, &answer.bytes);
    bool client_closes = false;
    answer_after = std::chrono::milliseconds(0);
    const bool answered = server_.process_request(stream, request.last_on_connection, client_closes, nullptr);
    answer.hold = answer_after;
    // The loop already sent "100 Continue"; cpp-httplib writes its own before reading a body.
    if (request.continue_sent && answer.bytes.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0) == 0)
      answer.bytes.erase(0, std::string_view("HTTP/1.1 100 Continue\r\n\r\n").size());
    if (answer.bytes.empty()) return RawAnswer{refusals_.at(400), true};
    if (IsBadRequest(answer.bytes) && !SaysClose(answer.bytes)) {
      answer.bytes.insert(answer.bytes.find("\r\n") + 2, "Connection: close\r\n");
    }
    answer.close = !answered || client_closes || SaysClose(answer.bytes);
    return answer;
  }

  // The fast path (wire/simple_get.h). nullopt hands the request to cpp-httplib, which is safe
  // to do even after routing: no read route outside the staff portal changes anything.
  std::optional<RawAnswer> AnswerSimpleGet(const RawRequest& raw) {
    const SimpleGetLimits limits{kMaxTarget, kMaxHeaderCount, kMaxHeaderBytes};
    const std::optional<SimpleGet> simple = ParseSimpleGet(raw.bytes, limits);
    if (!simple || Routes::MayWait(simple->request.method, simple->request.path)) return std::nullopt;
    HttpResponse response;
    try {
      response = routes_.Handle(simple->request);
    } catch (...) {
      return std::nullopt;  // cpp-httplib's exception handler logs it and answers 500
    }
    if (response.status >= 400 && response.body().empty()) return std::nullopt;  // its error handler fills these
    const bool head = simple->request.method == "HEAD";
    const bool close_header = raw.last_on_connection || simple->connection_close_header;
    auto bytes = SerializeResponse(response, default_headers_, head, close_header, kKeepAliveHeader);
    if (!bytes) return std::nullopt;
    if (config_.access_log) LogRequest(simple->request.method, simple->request.path, response.status,
                                       response.content_type.empty() ? 0 : response.body().size());
    return RawAnswer{std::move(*bytes), close_header || simple->client_closes};
  }

  // req.remote_addr is the socket's peer; a client-sent REMOTE_ADDR header is never used.
  std::string ClientAddress(const httplib::Request& req) const {
    const bool from_loopback = req.remote_addr.rfind("127.", 0) == 0 || req.remote_addr == "::1";
    if (config_.behind_proxy && from_loopback && req.has_header("X-Real-IP")) return req.get_header_value("X-Real-IP");
    return req.remote_addr;
  }

  void Dispatch(const httplib::Request& req, httplib::Response& res) {
    HttpRequest request;
    request.method = req.method;
    request.path = req.path;
    for (const auto& [name, value] : req.params) request.query.emplace(name, value);
    request.accept_encoding = req.get_header_value(kStashedAcceptEncoding);
    request.if_none_match = req.get_header_value("If-None-Match");
    request.content_type = req.get_header_value("Content-Type");
    request.cookie = req.get_header_value("Cookie");
    request.csrf_token = req.get_header_value("X-CSRF-Token");
    const std::string address = ClientAddress(req);
    request.client_bucket = address_hasher_.Bucket(address);
    request.client_bucket_56 = address_hasher_.WiderBucket(address, 56);
    request.client_bucket_48 = address_hasher_.WiderBucket(address, 48);
    request.body = req.body;
    const HttpResponse response = routes_.Handle(request);
    answer_after = response.answer_after;
    WriteResponse(response, res);
  }

  const ServerConfig& config_;
  const Routes& routes_;
  std::string csp_;
  crypto::AddressHasher address_hasher_;
  TunedServer server_;
  HeaderList default_headers_;  // the security headers, for the fast path
  std::map<int, std::string> refusals_;

 public:
  ConnectionLoop loop;  // last: its threads call into everything above
};

HttpServer::HttpServer(const ServerConfig& config, const Routes& routes, std::string csp)
    : impl_(std::make_unique<Impl>(config, routes, std::move(csp))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind() { return impl_->loop.Listen(impl_->config().host, impl_->config().port); }
void HttpServer::Run() { impl_->loop.Run(); }
void HttpServer::Stop() { impl_->loop.Stop(); }
int HttpServer::port() const { return impl_->loop.port(); }

}  // namespace hw::http
