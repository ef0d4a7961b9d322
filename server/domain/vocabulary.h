// The words the directory and a contact request may use, once: organisation categories (in
// the order residents see them), service topics and audiences, the languages a resident
// may be contacted in, and the safe times to contact them. The data is
// directory-data/vocabulary.json, embedded in the binary; the validator, the contact form's
// check and the no-JavaScript list read it here, and tests/js holds the web apps' lists to
// it. Immutable after start; thread-safe.
#pragma once

#include <set>
#include <string>
#include <vector>

namespace hw::domain {

struct Vocabulary {
  std::vector<std::string> categories;
  std::vector<std::string> topics;
  std::vector<std::string> audiences;
  std::vector<std::string> contact_languages;
  std::vector<std::string> safe_times;

  static bool Has(const std::vector<std::string>& words, const std::string& word);
  // "nl, en, ar" for a message.
  static std::string Listed(const std::vector<std::string>& words);
};

// The embedded vocabulary. A binary whose embedded file is missing or unreadable stops at
// the first use with a message: it was built wrong, and nothing it checks could be trusted.
const Vocabulary& EmbeddedVocabulary();

}  // namespace hw::domain
