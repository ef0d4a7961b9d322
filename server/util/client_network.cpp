#include "util/client_network.h"

#include <arpa/inet.h>

#include <cstring>

namespace hw {

namespace {

bool MappedIpv4(const in6_addr& v6) {
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(v6.s6_addr, kMappedPrefix, sizeof kMappedPrefix) == 0;
}

std::string Prefix(in6_addr v6, int bits) {
  char printed[INET6_ADDRSTRLEN];
  std::memset(v6.s6_addr + bits / 8, 0, 16 - bits / 8);  // bits is a multiple of 8
  return std::string(inet_ntop(AF_INET6, &v6, printed, sizeof printed)) + "/" + std::to_string(bits);
}

}  // namespace

std::string WiderClientNetwork(std::string_view address, int prefix) {
  const std::string text(address);
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1 || MappedIpv4(v6)) return "";
  return Prefix(v6, prefix == 48 ? 48 : 56);
}

std::string ClientNetwork(std::string_view address) {
  const std::string text(address);
  char printed[INET6_ADDRSTRLEN];
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return inet_ntop(AF_INET, &v4, printed, sizeof printed);
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return text;
  if (MappedIpv4(v6)) {
    std::memcpy(&v4, v6.s6_addr + 12, 4);
    return inet_ntop(AF_INET, &v4, printed, sizeof printed);
  }
  return Prefix(v6, 64);  // the interface half is the client's to choose
}

}  // namespace hw
