// Structured logging: one JSON object per line on stdout, so journald and log shippers
// can parse it. Never pass an IP address, a user agent, a request body or any content of
// a contact request to these functions: the fields are written as given.
// Thread-safe: lines from different threads never interleave.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace hw::log {

// Writes {"time": ..., "level": level, "event": event, ...fields}.
void Write(const char* level, const std::string& event, const nlohmann::json& fields = nlohmann::json::object());
inline void Info(const std::string& event, const nlohmann::json& fields = nlohmann::json::object()) { Write("info", event, fields); }
inline void Warn(const std::string& event, const nlohmann::json& fields = nlohmann::json::object()) { Write("warn", event, fields); }
inline void Error(const std::string& event, const nlohmann::json& fields = nlohmann::json::object()) { Write("error", event, fields); }

// The access log line of one request: {"bytes","event":"request","level":"info","method",
// "path","status","time"}, the same as Info("request", ...) writes, without building a JSON
// object (it is written for every request). Only what the caller passes: never an address.
void Request(std::string_view method, std::string_view path, int status, size_t bytes);

// The text of a line (without the newline), for the writers above and their tests.
std::string FormatLine(const char* level, const std::string& event, const nlohmann::json& fields,
                       const std::string& time);
std::string FormatRequestLine(std::string_view method, std::string_view path, int status, size_t bytes,
                              const std::string& time);

// Silences all output (tests that exercise error paths in-process).
void SetEnabled(bool enabled);

}  // namespace hw::log
