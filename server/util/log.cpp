#include "util/log.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace hw::log {
namespace {

std::mutex g_mutex;
std::atomic<bool> g_enabled{true};

std::string UtcTimestamp() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const std::time_t seconds = system_clock::to_time_t(now);
  const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(millis));
  return buffer;
}

}  // namespace

void SetEnabled(bool enabled) { g_enabled = enabled; }

namespace {

bool IsPlainAscii(std::string_view text) {
  for (char c : text)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

void AppendQuoted(std::string& out, std::string_view text) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void WriteLine(const std::string& text) {
  std::lock_guard<std::mutex> lock(g_mutex);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace

std::string FormatRequestLine(std::string_view method, std::string_view path, int status, size_t bytes,
                              const std::string& time) {
  if (!IsPlainAscii(method) || !IsPlainAscii(path)) {
    // Control characters or other bytes: the general writer escapes (and replaces invalid UTF-8).
    return FormatLine("info", "request",
                      {{"method", std::string(method)}, {"path", std::string(path)}, {"status", status}, {"bytes", bytes}},
                      time);
  }
  std::string line;
  line.reserve(128 + path.size());
  line += "{\"bytes\":" + std::to_string(bytes) + ",\"event\":\"request\",\"level\":\"info\",\"method\":";
  AppendQuoted(line, method);
  line += ",\"path\":";
  AppendQuoted(line, path);
  line += ",\"status\":" + std::to_string(status) + ",\"time\":";
  AppendQuoted(line, time);
  line += "}";
  return line;
}

std::string FormatLine(const char* level, const std::string& event, const nlohmann::json& fields,
                       const std::string& time) {
  nlohmann::json line = {{"time", time}, {"level", level}, {"event", event}};
  if (fields.is_object()) {
    for (auto it = fields.begin(); it != fields.end(); ++it) line[it.key()] = it.value();
  }
  // Replace invalid UTF-8 rather than throw: a log line must never take the server down.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void Request(std::string_view method, std::string_view path, int status, size_t bytes) {
  if (g_enabled) WriteLine(FormatRequestLine(method, path, status, bytes, UtcTimestamp()));
}

void Write(const char* level, const std::string& event, const nlohmann::json& fields) {
  if (g_enabled) WriteLine(FormatLine(level, event, fields, UtcTimestamp()));
}

}  // namespace hw::log
