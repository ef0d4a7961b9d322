#include "domain/problem.h"

namespace hw::domain {
namespace {

struct CodeEntry {
  const char* wire;
  const char* text;
};

const CodeEntry kCodes[] = {
#define HW_PROBLEM_ENTRY(name, wire, text) {wire, text},
    HW_PROBLEM_CODES(HW_PROBLEM_ENTRY)
#undef HW_PROBLEM_ENTRY
};

const CodeEntry& EntryOf(ProblemCode code) { return kCodes[static_cast<size_t>(code)]; }

std::string Written(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

const char* CodeName(ProblemCode code) { return EntryOf(code).wire; }
const char* EnglishTemplate(ProblemCode code) { return EntryOf(code).text; }

const std::vector<ProblemCode>& AllProblemCodes() {
  static const std::vector<ProblemCode> all = [] {
    std::vector<ProblemCode> codes;
    for (size_t i = 0; i < sizeof kCodes / sizeof kCodes[0]; ++i) codes.push_back(static_cast<ProblemCode>(i));
    return codes;
  }();
  return all;
}

std::vector<std::string> TemplateParameters(ProblemCode code) {
  std::vector<std::string> names;
  const std::string text = EnglishTemplate(code);
  for (size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    const size_t close = text.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(text.substr(open + 1, close - open - 1));
  }
  return names;
}

std::string RenderTemplate(const std::string& text, const nlohmann::json& params) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    const size_t open = text.find('{', at);
    const size_t close = open == std::string::npos ? std::string::npos : text.find('}', open);
    if (close == std::string::npos) {
      out += text.substr(at);
      break;
    }
    out += text.substr(at, open - at);
    const std::string name = text.substr(open + 1, close - open - 1);
    out += params.is_object() && params.contains(name) ? Written(params[name]) : "{" + name + "}";
    at = close + 1;
  }
  return out;
}

Problem MakeProblem(ProblemCode code, nlohmann::json params) {
  std::string message = RenderTemplate(EnglishTemplate(code), params);
  return MakeProblem(code, std::move(params), std::move(message));
}

Problem MakeProblem(ProblemCode code, nlohmann::json params, std::string message) {
  Problem problem;
  problem.code = code;
  problem.params = params.is_object() ? std::move(params) : nlohmann::json::object();
  problem.message = std::move(message);
  return problem;
}

std::string Problem::ToString() const {
  std::string text = file;
  if (!entry.empty()) text += ": " + entry;
  if (!field.empty()) text += (entry.empty() ? ": field " : ", field ") + field;
  return text + ": " + message;
}

nlohmann::json Problem::ToJson() const {
  nlohmann::json where = nullptr;
  if (!organization.empty() || organization_index >= 0) {
    where = {{"key", organization.empty() ? nlohmann::json(nullptr) : nlohmann::json(organization)},
             {"index", organization_index >= 0 ? nlohmann::json(organization_index) : nlohmann::json(nullptr)}};
  }
  return {{"code", CodeName(code)}, {"params", params}, {"message", message}, {"file", file},
          {"entry", entry},         {"organization", where}, {"field", field}};
}

std::string Describe(const Problems& problems) {
  std::string text;
  for (const auto& problem : problems) text += problem.ToString() + "\n";
  return text;
}

std::string Shortened(const std::string& value) {
  constexpr size_t kShown = 80;
  return value.size() <= kShown ? value : value.substr(0, kShown) + "...";
}

}  // namespace hw::domain
