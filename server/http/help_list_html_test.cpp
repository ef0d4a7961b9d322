#include "http/help_list_html.h"

#include <catch2/catch.hpp>

#include "domain/vocabulary.h"

namespace hw::http {
namespace {

TEST_CASE("every category of the vocabulary has its heading in the no-JavaScript list", "[vocabulary]") {
  for (const auto& category : domain::EmbeddedVocabulary().categories) {
    INFO(category);
    CHECK_FALSE(CategoryHeading(category).empty());
  }
  CHECK(CategoryHeading("not-a-category").empty());
}

}  // namespace
}  // namespace hw::http
