// Which organisation id belongs to which organisation key, for good. A resident's request
// names an organisation by its id; the server seals it to the key pair filed under that
// organisation's key ("veilig-thuis"), which only that organisation's staff can open. An
// editor who swapped two organisations' keys and published had Veilig Thuis's requests
// sealed to Moviera's key (issue 12, finding 4). So once published, an id keeps its key
// and a key keeps its id, in every later version, even after the organisation was left
// out for a while. The bindings are learnt from every published version, newest first,
// and the first one learnt for an id or key wins: so what the operator publishes on the
// command line (`hulpwijzer directory publish`, the only way to change a binding, audited)
// holds from then on, and older versions still bind what the newer ones left out.
// Plain values and pure functions (but PublishedBindings, which reads the store); thread-safe.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/problem.h"
#include "store/directory_store.h"

namespace hw::domain {

class OrganizationBindings {
 public:
  // Learns the id and key of each organisation of a published directory document; an id
  // or key learnt before keeps its binding (learn the newest version first).
  void Learn(const nlohmann::json& directory);
  // Every organisation of `directory` whose id is bound to another key, or whose key is
  // bound to another id; named by entry and field as the validator names them.
  Problems Check(const nlohmann::json& directory, const std::string& file) const;

 private:
  std::map<std::string, std::string> key_of_id_;
  std::map<std::string, std::string> id_of_key_;
};

// The bindings of every version published in `store`, learnt newest first.
Result<OrganizationBindings> PublishedBindings(store::DirectoryStore& store);

// Changes between two directory documents that decide where requests go or whether they
// are taken: an organisation's id or key, an organisation or service added or removed, a
// service's status, and anything under contact_requests. Entries as JsonDiff gives them.
nlohmann::json ContactSettingChanges(const nlohmann::json& before, const nlohmann::json& after);
// "path: before -> after, ..." with each value cut at 80 characters; "" when empty.
std::string DescribeChanges(const nlohmann::json& changes);
// Whether a JsonDiff path is one of those.
bool IsContactSettingPath(const std::string& path);

}  // namespace hw::domain
