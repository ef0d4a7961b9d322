// How many contact requests each organisation has received in the last hour, counted in
// memory in one-minute slots (so the count slides and old minutes fall away by themselves).
// Only organisations that take requests are ever counted, so it holds a few dozen numbers
// at most; nothing of a resident is in it. It starts at zero after a restart, which errs
// towards the easy difficulty. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace hw::domain {

class InflowMeter {
 public:
  void Count(const std::string& organization, int64_t now);
  int64_t LastHour(const std::string& organization, int64_t now);

 private:
  struct Slot {
    int64_t minute = -1;
    int64_t count = 0;
  };
  using Hour = std::array<Slot, 60>;
  std::mutex mutex_;
  std::map<std::string, Hour> hours_;
};

}  // namespace hw::domain
