// The link of a hash chain (the audit log's tamper evidence): BLAKE2b-256 over the
// previous link and the fields of one entry. Each field is length-prefixed, so moving text
// from one field into the next gives another hash. Unkeyed: it shows an edit, a removal or
// an insertion made without recomputing every later link; someone who can write the file
// can recompute them, which is why the operator keeps the head (`audit verify` prints it)
// outside the database. Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hw::crypto {

constexpr size_t kChainHashBytes = 32;

// 32 raw bytes. `previous` is empty for the first link.
std::string ChainHash(std::string_view previous, const std::vector<std::string_view>& fields);
// Lowercase hex, for people to compare and note down.
std::string HexOf(std::string_view bytes);

}  // namespace hw::crypto
