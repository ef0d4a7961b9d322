// Whole-file reads for small inputs (data files, templates). Thread-safe.
#pragma once

#include <string>

namespace hw {

// Reads the file into *contents; false when it cannot be opened or read.
bool ReadWholeFile(const std::string& path, std::string* contents);

}  // namespace hw

#include "util/status.h"

namespace hw {

// fsync of a file, and of a folder (so a rename in it is durable).
Status FsyncPath(const std::string& path);
// Copies `from` to `to` through a temporary file in the same folder, fsyncs it, renames
// it into place and fsyncs the folder: `to` is the old file or the whole new one.
// `to` is readable and writable by its owner only, whatever the mode of `from`.
Status CopyFileAtomically(const std::string& from, const std::string& to);
// Renames `from` over `to` and fsyncs the folder of `to`.
Status RenameDurably(const std::string& from, const std::string& to);
// Makes `path` readable and writable by its owner only (0600).
Status MakeOwnerOnly(const std::string& path);

}  // namespace hw
