#include "http/routes.h"

#include <catch2/catch.hpp>

namespace hw::http {
namespace {

TEST_CASE("what residents read is answered on the event loop, the rest may wait for a worker", "[routes]") {
  // From memory: the pages, the assets, the resident API, the quick exit, health.
  for (const char* target : {"/", "/assets/app.abc.js", "/api/v1/directory", "/api/v1/questionnaire?lang=en", "/exit",
                             "/healthz", "/hsds/organizations"}) {
    INFO(target);
    CHECK_FALSE(Routes::MayWait("GET", target));
    CHECK_FALSE(Routes::MayWait("HEAD", target));
  }
  // SQLite, a durable commit or a key derivation: the staff portal, and every write.
  CHECK(Routes::MayWait("GET", "/staff/"));
  CHECK(Routes::MayWait("GET", "/staff/api/v1/requests"));
  CHECK(Routes::MayWait("POST", "/api/v1/contact-requests"));
  CHECK(Routes::MayWait("POST", "/staff/api/v1/session"));
  CHECK(Routes::MayWait("DELETE", "/"));
}

}  // namespace
}  // namespace hw::http
