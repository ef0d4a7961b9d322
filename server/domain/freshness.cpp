#include "domain/freshness.h"

#include "domain/amsterdam_time.h"

namespace hw::domain {

int RecheckDays(const nlohmann::json& organization) {
  return organization.is_object() && organization.value("crisis_line", false) ? kCrisisLineRecheckDays : kRecheckDays;
}

std::optional<Freshness> FreshnessOf(const nlohmann::json& detail, int recheck_days, int64_t today) {
  if (!detail.is_object() || !detail.contains("checked") || !detail["checked"].is_string()) return std::nullopt;
  int64_t checked = 0;
  if (!ParseIsoDate(detail["checked"].get<std::string>(), &checked)) return std::nullopt;
  Freshness f;
  f.due_day = checked + recheck_days;
  // "60 days past due": the detail is still shown on the 60th day past due, withdrawn after.
  f.hidden_day = f.due_day + kGraceDaysPastDue + 1;
  f.due = today >= f.due_day;
  f.withdrawn = today >= f.hidden_day;
  return f;
}

}  // namespace hw::domain
