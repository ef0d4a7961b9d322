// The HTTP server: cpp-httplib 0.11.4 tuned and guarded as STACK-NOTES.md describes
// (TCP_NODELAY, a large thread pool and listen backlog, no on-the-fly compression,
// payload limit, timeouts, pre-routing guards, plain-JSON error and exception handlers).
// This is the only translation unit that includes httplib.h. Run() blocks until Stop().
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "http/routes.h"
#include "http/server_config.h"
#include "util/status.h"

namespace hw::http {

class HttpServer {
 public:
  HttpServer(const ServerConfig& config, const Routes& routes, std::string content_security_policy);
  ~HttpServer();

  // Binds the address; the error says what to do when the port is taken.
  Status Bind();
  // Serves until Stop() is called (from any thread).
  void Run();
  void Stop();
  int port() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hw::http
