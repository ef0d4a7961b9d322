#include "http/json_api.h"

#include <catch2/catch.hpp>

namespace hw::http {
namespace {

nlohmann::json ErrorOf(const HttpResponse& response) { return nlohmann::json::parse(response.owned_body)["error"]; }

TEST_CASE("every reason a Status can carry has its own answer", "[http][errors]") {
  for (Reason reason : AllReasons()) {
    INFO(ReasonName(reason));
    // Whatever the code, the reason decides: an internal error with a reason is still that reason.
    const HttpResponse response = ErrorFromStatus(Status::Internal("something").WithReason(reason));
    CHECK(response.status != 500);
    CHECK(ErrorOf(response)["code"] != "internal_error");
  }
}

TEST_CASE("reasons map to the answers the portal and the resident page act on", "[http][errors]") {
  const auto changed = ErrorFromStatus(Status::AlreadyExists("the draft was changed").WithReason(Reason::kDraftChanged));
  CHECK(changed.status == 409);
  CHECK(ErrorOf(changed)["code"] == "draft_changed");
  CHECK(ErrorOf(changed)["message"] == "The draft was changed. Reload the draft; your changes were not saved.");

  const auto ended = ErrorFromStatus(Status::NotFound("the session has ended").WithReason(Reason::kSessionEnded));
  CHECK((ended.status == 401 && ErrorOf(ended)["code"] == "not_logged_in"));

  const auto note = ErrorFromStatus(Status::InvalidArgument("the note is too long").WithReason(Reason::kNoteTooLong));
  CHECK((note.status == 400 && ErrorOf(note)["field"] == "note"));

  const auto full = ErrorFromStatus(Status::ResourceExhausted("has 500 open requests").WithReason(Reason::kInboxFull));
  CHECK(full.status == 503);
  CHECK_THAT(ErrorOf(full)["message"].get<std::string>(), Catch::Contains("Please phone them instead"));
}

TEST_CASE("without a reason, the code decides, and a disk error never shows its words", "[http][errors]") {
  CHECK(ErrorFromStatus(Status::NotFound("there is nothing")).status == 404);
  const auto disk = ErrorFromStatus(Status::IoError("disk /var/lib/hulpwijzer is full"));
  CHECK(disk.status == 503);
  CHECK_THAT(ErrorOf(disk)["message"].get<std::string>(), !Catch::Contains("/var/lib"));
}

TEST_CASE("a refused draft names the field of its first problem and lists them all", "[http][errors]") {
  domain::Problem problem = domain::MakeProblem(domain::ProblemCode::kUrlTooLong, {{"length", 600}, {"max", 500}});
  problem.file = "directory";
  problem.field = "organizations[0].website.url";
  const auto refused =
      ErrorFromStatus(Status::InvalidArgument("the draft was not saved").WithReason(Reason::kDraftRefused), {problem});
  CHECK(refused.status == 400);
  CHECK(ErrorOf(refused)["field"] == "directory.organizations[0].website.url");
  CHECK(ErrorOf(refused)["issues"][0]["code"] == "url_too_long");
}

}  // namespace
}  // namespace hw::http
