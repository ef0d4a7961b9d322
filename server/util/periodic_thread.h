// Runs a task on a thread of its own: once at once, then every `interval`, until the
// object is destroyed (which waits for a running task and joins the thread). The task
// must not throw. Not copyable; destroy it from the thread that made it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace hw {

class PeriodicThread {
 public:
  PeriodicThread(std::chrono::milliseconds interval, std::function<void()> task)
      : thread_([this, interval, task = std::move(task)] {
          std::unique_lock<std::mutex> lock(mutex_);
          do {
            lock.unlock();
            task();
            lock.lock();
          } while (!wake_.wait_for(lock, interval, [this] { return stop_; }));
        }) {}
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;
  ~PeriodicThread() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }

 private:
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;  // last: started once the members it uses exist
};

}  // namespace hw
