#include "util/client_network.h"

#include <catch2/catch.hpp>

namespace hw {

TEST_CASE("an IPv4 address is one client, however it is written", "[network]") {
  CHECK(ClientNetwork("192.0.2.1") == "192.0.2.1");
  CHECK(ClientNetwork("::ffff:192.0.2.1") == "192.0.2.1");
  CHECK(ClientNetwork("::FFFF:c000:0201") == "192.0.2.1");
  CHECK(ClientNetwork("192.0.2.2") != ClientNetwork("192.0.2.1"));
}

TEST_CASE("an IPv6 client is its /64", "[network]") {
  const std::string one = ClientNetwork("2001:db8:1:2::1");
  CHECK(one == "2001:db8:1:2::/64");
  CHECK(ClientNetwork("2001:db8:1:2:ffff:ffff:ffff:fffe") == one);
  CHECK(ClientNetwork("2001:0DB8:0001:0002:0000:0000:0000:0001") == one);
  CHECK(ClientNetwork("2001:db8:1:3::1") != one);
  CHECK(ClientNetwork("::1") == "::/64");
}

TEST_CASE("text that is no address is its own client", "[network]") {
  CHECK(ClientNetwork("") == "");
  CHECK(ClientNetwork("unknown") == "unknown");
  CHECK(ClientNetwork("192.0.2.1, 198.51.100.7") == "192.0.2.1, 198.51.100.7");
  CHECK(ClientNetwork("2001:db8::1%eth0") == "2001:db8::1%eth0");
}

}  // namespace hw

namespace hw {

TEST_CASE("an IPv6 client also sits in its /56 and /48", "[network]") {
  CHECK(WiderClientNetwork("2001:db8:1:2ff::1", 56) == "2001:db8:1:200::/56");
  CHECK(WiderClientNetwork("2001:db8:1:2aa:ffff::9", 56) == "2001:db8:1:200::/56");
  CHECK(WiderClientNetwork("2001:db8:1:3ff::1", 56) == "2001:db8:1:300::/56");
  CHECK(WiderClientNetwork("2001:db8:1:ffff::1", 48) == "2001:db8:1::/48");
  CHECK(WiderClientNetwork("2001:db8:2::1", 48) == "2001:db8:2::/48");
}

TEST_CASE("IPv4 clients and other text have no wider network", "[network]") {
  CHECK(WiderClientNetwork("192.0.2.1", 56).empty());
  CHECK(WiderClientNetwork("::ffff:192.0.2.1", 48).empty());
  CHECK(WiderClientNetwork("unknown", 48).empty());
}

}  // namespace hw
