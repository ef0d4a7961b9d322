#include "domain/contact_targets.h"

namespace hw::domain {

std::map<std::string, ContactTarget> ContactTargetsOf(const nlohmann::json& directory) {
  std::map<std::string, ContactTarget> targets;
  for (const auto& org : directory["organizations"]) {
    ContactTarget target{org["key"].get<std::string>(), org["name"], false, nullptr};
    for (const auto& service : org["services"]) {
      if (service.value("status", "") != "active") continue;
      const auto& cr = service["contact_requests"];
      if (cr.value("accepted", false)) {
        target.accepts = true;
        target.response_time = cr["response_time"];
        break;
      }
    }
    targets[org["id"].get<std::string>()] = std::move(target);
  }
  return targets;
}

}  // namespace hw::domain
