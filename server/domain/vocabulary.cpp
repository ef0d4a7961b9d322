#include "domain/vocabulary.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "assets/asset_catalog.h"

namespace hw::domain {
namespace {

[[noreturn]] void Broken(const char* what) {
  std::fprintf(stderr, "hulpwijzer: the embedded directory-data/vocabulary.json %s\n", what);
  std::abort();
}

std::vector<std::string> Words(const nlohmann::json& document, const char* name) {
  if (!document.contains(name) || !document[name].is_array() || document[name].empty()) Broken("lacks a list it needs");
  std::vector<std::string> words;
  for (const auto& word : document[name]) {
    if (!word.is_string() || word.get<std::string>().empty()) Broken("holds a word that is not text");
    words.push_back(word.get<std::string>());
  }
  return words;
}

Vocabulary Load() {
  const assets::EmbeddedFile* file = assets::AssetCatalog::Embedded().Find("directory-data/vocabulary.json");
  if (!file) Broken("is missing");
  const auto document = nlohmann::json::parse(file->raw, nullptr, false);
  if (document.is_discarded() || !document.is_object()) Broken("is not a JSON object");
  return {Words(document, "categories"), Words(document, "topics"), Words(document, "audiences"),
          Words(document, "contact_languages"), Words(document, "safe_times")};
}

}  // namespace

bool Vocabulary::Has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string Vocabulary::Listed(const std::vector<std::string>& words) {
  std::string list;
  for (const auto& word : words) list += (list.empty() ? "" : ", ") + word;
  return list;
}

const Vocabulary& EmbeddedVocabulary() {
  static const Vocabulary vocabulary = Load();
  return vocabulary;
}

}  // namespace hw::domain
