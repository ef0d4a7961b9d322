#include "util/status.h"

#include <catch2/catch.hpp>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

namespace hw {
namespace {

TEST_CASE("a Result holds its value or its error", "[status]") {
  Result<int> seven(7);
  REQUIRE(seven.ok());
  CHECK(seven.value() == 7);
  Result<int> missing(Status::NotFound("there is no version 9"));
  CHECK_FALSE(missing.ok());
  CHECK(missing.status().code() == StatusCode::kNotFound);
  CHECK(missing.status().message() == "there is no version 9");
}

TEST_CASE("reading the value of a failed Result stops the process, it never reads garbage", "[status]") {
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    Result<std::string> failed(Status::IoError("disk gone"));
    const std::string& text = failed.value();  // must not return
    _exit(text.empty() ? 3 : 4);
  }
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGABRT);
}

}  // namespace
}  // namespace hw
