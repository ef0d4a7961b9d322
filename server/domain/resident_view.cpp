#include "domain/resident_view.h"

namespace hw::domain {
namespace {

using nlohmann::json;

bool Verified(const json& detail) { return detail.is_object() && detail.value("verified", false); }

}  // namespace

json ResidentView(const json& directory) {
  json view = {{"format", directory.value("format", 1)}, {"organizations", json::array()}};
  for (const json& org : directory["organizations"]) {
    json copy = org;
    copy.erase("todo");
    if (copy.contains("website") && !Verified(copy["website"])) copy.erase("website");
    json services = json::array();
    for (const json& service : org["services"]) {
      if (service.value("status", "") != "active") continue;
      json s = service;
      json phones = json::array();
      for (const json& phone : service["phones"])
        if (Verified(phone)) phones.push_back(phone);
      s["phones"] = phones;
      if (s.contains("chat") && !Verified(s["chat"])) s.erase("chat");
      services.push_back(std::move(s));
    }
    copy["services"] = std::move(services);
    view["organizations"].push_back(std::move(copy));
  }
  return view;
}

}  // namespace hw::domain
