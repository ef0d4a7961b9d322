#include "http/wire/listen_socket.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace hw::http {
namespace {

Status TakenOrAbsent(const std::string& host, int port) {
  return Status::Unavailable("cannot listen on " + host + ":" + std::to_string(port) +
                             ": the port is in use or the address is not on this machine; choose another with --listen");
}

int BoundPort(int fd) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
  int port = 0;
  PeerAddressText(&address, &port);
  return port;
}

}  // namespace

Result<ListenSocket> OpenListenSocket(const std::string& host, int port, int backlog) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found) != 0 || !found)
    return Status::Unavailable("cannot listen on " + host + ": not an address or name this machine can resolve");
  int fd = -1;
  for (addrinfo* candidate = found; candidate; candidate = candidate->ai_next) {
    fd = socket(candidate->ai_family, candidate->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, candidate->ai_protocol);
    if (fd < 0) continue;
    const int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    if (bind(fd, candidate->ai_addr, candidate->ai_addrlen) == 0 && listen(fd, backlog) == 0) break;
    close(fd);
    fd = -1;
  }
  freeaddrinfo(found);
  if (fd < 0) return port == 0 ? Status::Unavailable("cannot listen on " + host + " (any port)") : TakenOrAbsent(host, port);
  return ListenSocket{fd, BoundPort(fd)};
}

std::string PeerAddressText(const void* storage, int* port) {
  const auto* address = static_cast<const sockaddr*>(storage);
  char text[INET6_ADDRSTRLEN] = "";
  if (address->sa_family == AF_INET) {
    const auto* v4 = static_cast<const sockaddr_in*>(storage);
    inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    *port = ntohs(v4->sin_port);
  } else if (address->sa_family == AF_INET6) {
    const auto* v6 = static_cast<const sockaddr_in6*>(storage);
    if (IN6_IS_ADDR_V4MAPPED(&v6->sin6_addr)) inet_ntop(AF_INET, &v6->sin6_addr.s6_addr[12], text, sizeof text);
    else inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
    *port = ntohs(v6->sin6_port);
  }
  return text;
}

}  // namespace hw::http
