#include "domain/inflow_meter.h"

namespace hw::domain {

void InflowMeter::Count(const std::string& organization, int64_t now) {
  const int64_t minute = now / 60;
  std::lock_guard<std::mutex> lock(mutex_);
  Slot& slot = hours_[organization][static_cast<size_t>(minute % 60)];
  if (slot.minute != minute) slot = {minute, 0};
  ++slot.count;
}

int64_t InflowMeter::LastHour(const std::string& organization, int64_t now) {
  const int64_t minute = now / 60;
  std::lock_guard<std::mutex> lock(mutex_);
  const auto it = hours_.find(organization);
  if (it == hours_.end()) return 0;
  int64_t total = 0;
  for (const Slot& slot : it->second)
    if (slot.minute > minute - 60 && slot.minute <= minute) total += slot.count;
  return total;
}

}  // namespace hw::domain
