// Checks a directory document (directory-data/README.md describes the format) before it
// is seeded, published or served. Every finding names the file, the organisation and the
// field; an empty result means the document is valid. Stateless and thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "domain/problem.h"

namespace hw::domain {

Problems ValidateDirectory(const nlohmann::json& directory, const std::string& file = "directory.json");

}  // namespace hw::domain
