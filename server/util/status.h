// Errors as values. A Status is either ok or carries a code and a message written for
// the person who has to act on it (an operator, an editor, a developer), and, where an
// interface must tell failures of one code apart, a Reason (util/status_reason.h).
// Result<T> holds either a value or a non-ok Status. Both are cheap to move and are
// not thread-safe objects; copy them freely between threads. Neither can be ignored:
// both are [[nodiscard]], and the build makes an ignored one an error
// (-Werror=unused-result); `(void)` says in code that a failure may pass.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "util/status_reason.h"

namespace hw {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,   // the input is wrong: say what and where
  kNotFound,
  kAlreadyExists,
  kFailedPrecondition,
  kPermissionDenied,  // this person may not do this (their role), whatever the data
  kCorruption,        // stored data is damaged
  kIoError,           // the disk or the network failed
  kUnavailable,       // try again later (busy, disk full)
  kResourceExhausted, // a bound on what is stored is reached: not a failure, go elsewhere
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status AlreadyExists(std::string m) { return {StatusCode::kAlreadyExists, std::move(m)}; }
  static Status FailedPrecondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status PermissionDenied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
  static Status Corruption(std::string m) { return {StatusCode::kCorruption, std::move(m)}; }
  static Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status Unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  Reason reason() const { return reason_; }

  // The same failure with the reason an interface acts on; an ok Status stays ok.
  Status WithReason(Reason reason) const& {
    Status copy = *this;
    return std::move(copy).WithReason(reason);
  }
  Status WithReason(Reason reason) && {
    if (!ok()) reason_ = reason;
    return std::move(*this);
  }

 private:
  Status(StatusCode c, std::string m) : code_(c), message_(std::move(m)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  Reason reason_ = Reason::kNone;
};

// Reading the value of a Result that holds an error is a bug in the caller: it stops the
// process with the error's message instead of reading what is not there.
[[noreturn]] inline void ValueOfFailedResult(const Status& status) {
  std::fprintf(stderr, "hulpwijzer: the value of a failed Result was read: %s\n", status.message().c_str());
  std::abort();
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() {
    Checked();
    return *value_;
  }
  const T& value() const {
    Checked();
    return *value_;
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Checked() const {
    if (!value_) ValueOfFailedResult(status_);
  }
  std::optional<T> value_;
  Status status_;
};

}  // namespace hw
