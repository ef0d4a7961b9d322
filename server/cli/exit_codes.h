// Process exit codes (sysexits.h values, so scripts and systemd can tell them apart).
#pragma once

namespace hw::cli {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 64;        // wrong flags or arguments
constexpr int kExitDataError = 65;    // directory or questionnaire data is invalid
constexpr int kExitNoInput = 66;      // an input file cannot be read
constexpr int kExitUnavailable = 69;  // the port is taken, the address is not ours
constexpr int kExitSoftware = 70;     // a bug: the binary's own embedded data is broken
constexpr int kExitCantCreate = 73;   // the data folder, or a database not there yet, cannot be created
constexpr int kExitIoError = 74;      // the database cannot be opened for writing, read, written or migrated
constexpr int kExitNoPermission = 77; // root on a data folder of another user (run as that user)

}  // namespace hw::cli
