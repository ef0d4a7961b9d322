#include "util/client_network.h"

#include <arpa/inet.h>

#include <cstring>

namespace hw {

std::string ClientNetwork(std::string_view address) {
  const std::string text(address);
  char printed[INET6_ADDRSTRLEN];
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return inet_ntop(AF_INET, &v4, printed, sizeof printed);
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) != 1) return text;
  static const unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(v6.s6_addr, kMappedPrefix, sizeof kMappedPrefix) == 0) {
    std::memcpy(&v4, v6.s6_addr + 12, 4);
    return inet_ntop(AF_INET, &v4, printed, sizeof printed);
  }
  std::memset(v6.s6_addr + 8, 0, 8);  // the interface half: the client's to choose
  return std::string(inet_ntop(AF_INET6, &v6, printed, sizeof printed)) + "/64";
}

}  // namespace hw
