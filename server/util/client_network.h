// The network one client controls, as the key of per-client limits. An IPv4 address is
// one client. An IPv6 address is not: every home and phone connection gets at least a /64,
// 2^64 addresses that one person can rotate through at will, so per-address limits would
// not hold anyone back; the /64 is the client. An IPv4 address written as IPv6
// (::ffff:192.0.2.1, from a dual-stack socket) is the IPv4 client. Pure function.
#pragma once

#include <string>
#include <string_view>

namespace hw {

// "192.0.2.1" for IPv4 (also when written as ::ffff:192.0.2.1), "2001:db8:1:2::/64" for
// IPv6; text that is no address is returned as it is, so it still gets a limit of its own.
std::string ClientNetwork(std::string_view address);

// The wider network an IPv6 client sits in, for limits beside the per-client one: a /56 is
// what many providers give one home, a /48 one customer (a business, or a home at some
// providers), so someone who rotates through the /64s of their allocation still counts
// once. `prefix` is 48 or 56. Empty for IPv4 (and text that is no address): there the
// address is the client, and a wider IPv4 range is shared by strangers (carrier NAT).
std::string WiderClientNetwork(std::string_view address, int prefix);

}  // namespace hw
