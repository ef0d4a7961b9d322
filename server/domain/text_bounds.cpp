#include "domain/text_bounds.h"

#include <vector>

namespace hw::domain {
namespace {

using nlohmann::json;

std::string WithThousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// The message writes the numbers with thousands separators ("12,000"); the parameters
// keep them as numbers.
Problem TooLong(ProblemCode code, size_t length, size_t bound) {
  const nlohmann::json params = {{"length", length}, {"max", bound}};
  return MakeProblem(code, params,
                     RenderTemplate(EnglishTemplate(code), {{"length", WithThousands(length)}, {"max", WithThousands(bound)}}));
}

// Walks the document without recursion (a deep document must not exhaust the stack
// here either), keeping the path of each value.
class BoundsWalk {
 public:
  BoundsWalk(std::string file, size_t max_issues) : file_(std::move(file)), max_issues_(max_issues) {}

  Problems Run(const json& document) {
    std::vector<std::pair<const json*, std::string>> pending{{&document, ""}};
    while (!pending.empty() && issues_.size() < max_issues_) {
      auto [value, path] = std::move(pending.back());
      pending.pop_back();
      if (value->is_string()) CheckText(value->get_ref<const std::string&>(), path);
      if (value->is_array())
        for (size_t i = value->size(); i-- > 0;) pending.emplace_back(&(*value)[i], path + "[" + std::to_string(i) + "]");
      if (value->is_object()) {
        std::vector<std::pair<const json*, std::string>> members;
        for (auto it = value->begin(); it != value->end(); ++it) {
          if (!CheckName(it.key(), path)) continue;
          members.emplace_back(&it.value(), path.empty() ? it.key() : path + "." + it.key());
        }
        pending.insert(pending.end(), members.rbegin(), members.rend());
      }
    }
    return std::move(issues_);
  }

 private:
  bool CheckName(const std::string& name, const std::string& path) {
    const size_t length = CharacterCount(name);
    if (length <= kMaxNameCharacters) return true;
    Fail(path, TooLong(ProblemCode::kNameTooLong, length, kMaxNameCharacters));
    return false;
  }

  void CheckText(const std::string& text, const std::string& path) {
    const bool url = path.size() >= 3 && path.compare(path.size() - 3, 3, "url") == 0 &&
                     (path.size() == 3 || path[path.size() - 4] == '.');
    const size_t bound = url ? kMaxUrlCharacters : kMaxTextCharacters;
    const size_t length = CharacterCount(text);
    if (length > bound) Fail(path, TooLong(url ? ProblemCode::kUrlTooLong : ProblemCode::kTextTooLong, length, bound));
  }

  void Fail(const std::string& path, Problem problem) {
    problem.file = file_;
    problem.field = path;
    issues_.push_back(std::move(problem));
  }

  std::string file_;
  size_t max_issues_;
  Problems issues_;
};

}  // namespace

size_t CharacterCount(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

Problems CheckTextBounds(const json& document, const std::string& file, size_t max_issues) {
  return BoundsWalk(file, max_issues).Run(document);
}

}  // namespace hw::domain
