// What changed between two JSON documents, as a list an editor can read: one entry per
// changed value with a readable path ("organizations[veilig-thuis].services[0].phones[0]
// .number"), the value before and after. Lists of objects that carry a "key" or "id" are
// matched by it, so reordering is not a change and an insertion is one change.
#pragma once

#include <nlohmann/json.hpp>

namespace hw::domain {

// [{"path": "...", "before": value|null, "after": value|null}, ...]; absent = null.
nlohmann::json JsonDiff(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace hw::domain
