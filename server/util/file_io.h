// Whole-file reads for small inputs (data files, templates). Thread-safe.
#pragma once

#include <string>

namespace hw {

// Reads the file into *contents; false when it cannot be opened or read.
bool ReadWholeFile(const std::string& path, std::string* contents);

}  // namespace hw
