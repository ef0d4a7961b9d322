#include "http/http_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <typeinfo>

#include "crypto/address_hasher.h"
#include "http/api_error.h"
#include "http/security_headers.h"
#include "util/log.h"

namespace hw::http {
namespace {

constexpr size_t kMaxPayload = 64 * 1024;
constexpr size_t kMaxTarget = 2048;
constexpr size_t kMaxHeaderCount = 64;
constexpr size_t kMaxHeaderBytes = 16 * 1024;
constexpr int kListenBacklog = 1024;
// Where the pre-routing handler keeps Accept-Encoding after erasing it, so httplib never
// compresses on the fly (quality-11 brotli per request). A client-sent copy is erased first.
constexpr const char* kStashedAcceptEncoding = "X-Hulpwijzer-Accept-Encoding";

// httplib's listen backlog is hard-coded to 5; re-listen with a real one after bind.
class TunedServer : public httplib::Server {
 public:
  bool RaiseBacklog() { return ::listen(svr_sock_, kListenBacklog) == 0; }
};

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
      : config_(config), routes_(routes), csp_(std::move(csp)) {
    Configure();
  }

  TunedServer server;
  int bound_port = 0;
  const ServerConfig& config() const { return config_; }

 private:
  void Configure() {
    const int threads = config_.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    server.set_tcp_nodelay(true);
    server.set_payload_max_length(kMaxPayload);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(5, 0);
    server.set_keep_alive_timeout(5);
    server.set_keep_alive_max_count(1000);
    httplib::Headers defaults;
    for (const auto& [name, value] : SecurityHeaders(csp_, config_.hsts)) defaults.emplace(name, value);
    server.set_default_headers(defaults);
    server.set_pre_routing_handler(Guard);

    auto dispatch = [this](const httplib::Request& req, httplib::Response& res) { Dispatch(req, res); };
    // One catch-all per method; paths are at most kMaxTarget long by then (Guard).
    server.Get(".*", dispatch);
    server.Post(".*", dispatch);
    server.Put(".*", dispatch);
    server.Patch(".*", dispatch);
    server.Delete(".*", dispatch);
    server.Options(".*", dispatch);

    server.set_error_handler(httplib::Server::HandlerWithResponse(
        [](const httplib::Request&, httplib::Response& res) {
          if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;  // ours already
          WriteError(res.status, res);
          return httplib::Server::HandlerResponse::Handled;
        }));
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr error) {
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
      server.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        // Method, path and status only: no address, no header, no query, no body.
        log::Info("request", {{"method", req.method.substr(0, 16)},
                              {"path", req.path.substr(0, 200)},
                              {"status", res.status},
                              {"bytes", res.body.size()}});
      });
    }
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
    request.client_bucket = address_hasher_.Bucket(ClientAddress(req));
    request.body = req.body;
    WriteResponse(routes_.Handle(request), res);
  }

  const ServerConfig& config_;
  const Routes& routes_;
  std::string csp_;
  crypto::AddressHasher address_hasher_;
};

HttpServer::HttpServer(const ServerConfig& config, const Routes& routes, std::string csp)
    : impl_(std::make_unique<Impl>(config, routes, std::move(csp))) {}

HttpServer::~HttpServer() = default;

Status HttpServer::Bind() {
  const ServerConfig& config = impl_->config();
  if (config.port == 0) {
    impl_->bound_port = impl_->server.bind_to_any_port(config.host);
    if (impl_->bound_port <= 0) return Status::Unavailable("cannot listen on " + config.host + " (any port)");
  } else {
    if (!impl_->server.bind_to_port(config.host, config.port))
      return Status::Unavailable("cannot listen on " + config.host + ":" + std::to_string(config.port) +
                                 ": the port is in use or the address is not on this machine; choose another with --listen");
    impl_->bound_port = config.port;
  }
  if (!impl_->server.RaiseBacklog()) log::Warn("listen_backlog", {{"message", "could not raise the listen backlog"}});
  return Status::Ok();
}

void HttpServer::Run() { impl_->server.listen_after_bind(); }
void HttpServer::Stop() { impl_->server.stop(); }
int HttpServer::port() const { return impl_->bound_port; }

}  // namespace hw::http
