// The currently published Site, swapped atomically when a new version is published.
// Readers get a shared_ptr that stays valid while they use it. Thread-safe.
#pragma once

#include <memory>
#include <mutex>

#include "http/site.h"

namespace hw::http {

class SiteHolder {
 public:
  explicit SiteHolder(std::shared_ptr<const Site> site) : site_(std::move(site)) {}
  std::shared_ptr<const Site> Get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return site_;
  }
  void Set(std::shared_ptr<const Site> site) {
    std::lock_guard<std::mutex> lock(mutex_);
    site_ = std::move(site);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const Site> site_;
};

}  // namespace hw::http
