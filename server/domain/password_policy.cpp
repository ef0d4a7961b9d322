#include "domain/password_policy.h"

#include <zxcvbn.h>

#include <cmath>
#include <vector>

#include "domain/text_bounds.h"

namespace hw::domain {
namespace {

constexpr const char* kAdvice = "; choose four or more unrelated words, or let `hulpwijzer user add --generate-password` make one";

// What zxcvbn found to be the weakest part, in words.
const char* Weakness(ZxcTypeMatch_t type) {
  if (static_cast<int>(type) & MULTIPLE_MATCH) return "it repeats characters or a short pattern";
  switch (static_cast<int>(type)) {
    case DICTIONARY_MATCH: case DICT_LEET_MATCH: return "it is made of common passwords, names or words";
    case USER_MATCH: case USER_LEET_MATCH: return "it contains the e-mail address or the name of this service";
    case REPEATS_MATCH: return "it repeats characters or a short pattern";
    case SEQUENCE_MATCH: return "it holds a sequence such as abcd or 1234";
    case SPATIAL_MATCH: return "it follows a keyboard pattern such as qwerty";
    case DATE_MATCH: case YEAR_MATCH: return "it holds a date or a year";
    default: return "it is too short for characters this predictable";
  }
}

// The part of the password that adds the least entropy per character.
ZxcTypeMatch_t WeakestPart(const ZxcMatch_t* info) {
  ZxcTypeMatch_t weakest = BRUTE_MATCH;
  double lowest = INFINITY;
  for (const ZxcMatch_t* m = info; m; m = m->Next) {
    if (m->Length <= 0 || m->Type == BRUTE_MATCH) continue;
    const double per_character = m->Entrpy / m->Length;
    if (per_character < lowest) lowest = per_character, weakest = m->Type;
  }
  return weakest;
}

// Words an attacker who knows whose account this is would try first.
std::vector<std::string> KnownWords(const std::string& email) {
  std::vector<std::string> words = {"hulpwijzer", "nijmegen", "gelderland", "veilig", "thuis", "moviera", "staff", "portal"};
  const std::string local = email.substr(0, email.find('@'));
  if (!local.empty()) words.push_back(local);
  if (email.find('@') != std::string::npos) {
    const std::string domain = email.substr(email.find('@') + 1);
    words.push_back(domain.substr(0, domain.find('.')));
  }
  return words;
}

}  // namespace

Status CheckPassword(const std::string& password, const std::string& email) {
  const size_t characters = CharacterCount(password);
  if (characters < kMinPasswordCharacters)
    return Status::InvalidArgument("the password must have at least " + std::to_string(kMinPasswordCharacters) +
                                   " characters (it has " + std::to_string(characters) + ")");
  if (password.size() > kMaxPasswordBytes)
    return Status::InvalidArgument("the password must be at most " + std::to_string(kMaxPasswordBytes) + " bytes long");
  if (password.find('\0') != std::string::npos) return Status::InvalidArgument("the password must not contain a NUL character");

  const std::vector<std::string> words = KnownWords(email);
  std::vector<const char*> dictionary;
  for (const auto& word : words) dictionary.push_back(word.c_str());
  dictionary.push_back(nullptr);
  ZxcMatch_t* info = nullptr;
  const double bits = ZxcvbnMatch(password.c_str(), dictionary.data(), &info);
  const ZxcTypeMatch_t weakest = WeakestPart(info);
  ZxcvbnFreeInfo(info);
  const double guesses_log10 = bits * std::log10(2.0);
  if (guesses_log10 >= kMinPasswordGuessesLog10) return Status::Ok();
  return Status::InvalidArgument("the password is too easy to guess (about 10^" +
                                 std::to_string(static_cast<int>(std::floor(guesses_log10))) + " tries; 10^" +
                                 std::to_string(static_cast<int>(kMinPasswordGuessesLog10)) + " are needed): " +
                                 Weakness(weakest) + kAdvice);
}

}  // namespace hw::domain
