// Opens the server's listening socket: non-blocking, close-on-exec, SO_REUSEADDR and a
// real backlog (cpp-httplib's is 5). The caller owns the descriptor.
#pragma once

#include <string>

#include "util/status.h"

namespace hw::http {

struct ListenSocket {
  int fd = -1;
  int port = 0;  // the bound port (the chosen one when asked for port 0)
};

Result<ListenSocket> OpenListenSocket(const std::string& host, int port, int backlog);

// The peer of an accepted socket as text; an IPv4-mapped IPv6 address comes out as IPv4,
// so "127.0.0.1" reads the same whether the server listens on "::" or "0.0.0.0".
std::string PeerAddressText(const void* sockaddr_storage, int* port);

}  // namespace hw::http
