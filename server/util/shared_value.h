// A value many threads read and one occasionally replaces whole (the published site, the
// organisations that take contact requests). Readers get a shared_ptr that stays valid
// while they use it, even if the value is replaced meanwhile. Thread-safe.
#pragma once

#include <memory>
#include <mutex>

namespace hw {

template <class T>
class SharedValue {
 public:
  explicit SharedValue(std::shared_ptr<const T> value) : value_(std::move(value)) {}
  std::shared_ptr<const T> Get() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return value_;
  }
  void Set(std::shared_ptr<const T> value) {
    std::lock_guard<std::mutex> lock(mutex_);
    value_ = std::move(value);
  }

 private:
  mutable std::mutex mutex_;
  std::shared_ptr<const T> value_;
};

}  // namespace hw
