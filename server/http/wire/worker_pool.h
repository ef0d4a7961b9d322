// A fixed set of threads that run the requests that may wait: on the disk (a contact
// request's durable commit), on a key derivation (Argon2id at login) or on SQLite. The
// event loops never run those themselves, so a slow commit never delays a page. There is
// one pool per worker lane (connection_loop.h), so one kind of request never waits in
// another kind's queue.
//
// The queue is bounded: TryPost refuses work when it is full, and the caller answers 503
// at once instead of letting waits grow without limit. Thread-safe. The destructor runs
// what is queued, then joins the threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace hw::http {

class WorkerPool {
 public:
  WorkerPool(int threads, size_t max_queued);
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full; `job` is then not run.
  bool TryPost(std::function<void()> job);

 private:
  void Work();

  const size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace hw::http
