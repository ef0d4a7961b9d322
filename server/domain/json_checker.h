// A small helper for validating JSON documents field by field. It keeps the current
// entry and field path so each finding names exactly where it is, and collects findings
// instead of stopping at the first. Not thread-safe; use one per validation.
#pragma once

#include <nlohmann/json.hpp>
#include <functional>
#include <initializer_list>
#include <set>
#include <string>
#include <vector>

#include "domain/problem.h"

namespace hw::domain {

class JsonChecker {
 public:
  explicit JsonChecker(std::string file) : file_(std::move(file)) {}

  // Reports a problem at the current entry and field path (+ an optional sub-field).
  void Fail(Problem problem, const std::string& subfield = "");
  void Fail(ProblemCode code, const std::string& subfield = "") { Fail(MakeProblem(code), subfield); }

  // Scopes: entry labels ("question \"who\" (questions[0])") and field path segments.
  // An organisation's entry also names the organisation (its key, "" when it has none,
  // and its index), so interfaces can point at it without reading the label.
  void WithEntry(const std::string& entry, const std::function<void()>& body);
  void WithOrganization(const std::string& entry, const std::string& key, int index, const std::function<void()>& body);
  void WithField(const std::string& segment, const std::function<void()>& body);

  // Each returns true when the field is present and of the expected shape; the caller
  // then reads it. A missing required field is reported as missing.
  bool Object(const nlohmann::json& parent, const char* key, bool required = true);
  bool Array(const nlohmann::json& parent, const char* key, bool required = true, bool non_empty = true);
  bool String(const nlohmann::json& parent, const char* key, bool required = true);
  bool Bool(const nlohmann::json& parent, const char* key, bool required = true);
  bool Integer(const nlohmann::json& parent, const char* key, long min, long max, bool required = true);
  // Reports every key of `object` that is not in `allowed`.
  void OnlyKeys(const nlohmann::json& object, std::initializer_list<const char*> allowed);
  // {"nl": "...", "en": "..."}, both present and not blank.
  void Text(const nlohmann::json& parent, const char* key, bool required = true);
  // A string from a fixed set.
  void OneOf(const nlohmann::json& parent, const char* key, const std::set<std::string>& values, bool required = true);
  // A lowercase UUID, unique in this document.
  void Uuid(const nlohmann::json& parent, const char* key);
  void HttpsUrl(const nlohmann::json& parent, const char* key);
  void IsoDate(const nlohmann::json& parent, const char* key);

  const Problems& issues() const { return issues_; }
  const std::string& file() const { return file_; }

 private:
  std::string Path(const std::string& last) const;

  std::string file_;
  std::string entry_;
  std::string organization_;
  int organization_index_ = -1;
  std::vector<std::string> path_;
  std::set<std::string> uuids_;
  Problems issues_;
};

// "organizations[2]" style segment.
std::string Index(const char* name, size_t i);

}  // namespace hw::domain
