// Stable identifiers for things our data has no id for (HSDS wants a UUID on every
// schedule, language and service area). The same parent id and name give the same UUID
// on every machine and in every version, so exports can be compared and re-imported.
// Not secret and not random: never use these where an id must be unguessable.
// Stateless and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hw::crypto {

// BLAKE2b-128 over a fixed namespace, the parent id and the name (each length-prefixed,
// so ("ab", "c") and ("a", "bc") differ), formatted as a lowercase RFC 9562 UUID with
// version 8 ("custom") and the RFC 4122 variant bits: "xxxxxxxx-xxxx-8xxx-[89ab]xxx-...".
std::string DerivedUuid(std::string_view parent_id, std::string_view name);

}  // namespace hw::crypto
