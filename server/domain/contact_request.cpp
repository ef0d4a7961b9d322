#include "domain/contact_request.h"

#include <cctype>
#include <set>

#include "domain/text_shape.h"
#include "domain/vocabulary.h"

namespace hw::domain {
namespace {

using nlohmann::json;

const std::set<std::string> kFields = {"organization_id", "channel", "phone", "email", "safe_times", "voicemail_ok",
                                       "may_identify", "code_word", "language", "message", "consent"};
std::string KnownFields() {
  std::string list;
  for (const auto& name : kFields) list += (list.empty() ? "" : ", ") + name;
  return list;
}


size_t CodePoints(const std::string& text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// Without leading and trailing white space, in one pass: erasing one leading character at
// a time would move the rest of the text each time (quadratic in a body of spaces).
std::string Trimmed(const std::string& text) {
  size_t begin = 0, end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

bool HasControl(const std::string& text, bool allow_newlines) {
  for (unsigned char c : text) {
    if ((c == '\n' || c == '\t') && allow_newlines) continue;
    if (c < 0x20 || c == 0x7f) return true;
  }
  return false;
}

class Checker {
 public:
  explicit Checker(const json& body) : body_(body) {}
  Problems errors;

  void Fail(const std::string& field, ProblemCode code, std::string message, nlohmann::json params = nlohmann::json::object()) {
    if (std::string(EnglishTemplate(code)).find("{field}") != std::string::npos) params["field"] = field;
    Problem problem = MakeProblem(code, std::move(params), std::move(message));
    problem.file = "contact_request";
    problem.field = field;
    errors.push_back(std::move(problem));
  }
  bool Present(const char* field) const { return body_.contains(field) && !body_[field].is_null(); }

  std::string Text(const char* field, bool required, size_t max_chars, bool multiline) {
    if (!Present(field)) {
      if (required) Fail(field, ProblemCode::kRequired, std::string(field) + " is required.");
      return "";
    }
    if (!body_[field].is_string()) {
      Fail(field, ProblemCode::kInvalid, std::string(field) + " must be text.");
      return "";
    }
    const std::string value = Trimmed(body_[field].get_ref<const std::string&>());
    if (value.empty() && required) Fail(field, ProblemCode::kRequired, std::string(field) + " is required.");
    else if (CodePoints(value) > max_chars)
      Fail(field, ProblemCode::kTooLongField, std::string(field) + " is longer than " + std::to_string(max_chars) + " characters.", {{"max", max_chars}});
    else if (HasControl(value, multiline)) Fail(field, ProblemCode::kInvalid, std::string(field) + " contains control characters.");
    return value;
  }

  bool Bool(const char* field) {
    if (!Present(field)) {
      Fail(field, ProblemCode::kRequired, std::string(field) + " is required (true or false).");
      return false;
    }
    if (!body_[field].is_boolean()) {
      Fail(field, ProblemCode::kInvalid, std::string(field) + " must be true or false.");
      return false;
    }
    return body_[field].get<bool>();
  }

 private:
  const json& body_;
};

// Digits of a phone number as residents type it; Dutch (06..., 0xx...) or international.
std::string NormalisePhone(const std::string& written) {
  std::string digits;
  for (size_t i = 0; i < written.size(); ++i) {
    const char c = written[i];
    if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
    else if (c == '+' && digits.empty() && i == written.find_first_not_of(' ')) digits += c;
    else if (c != ' ' && c != '-' && c != '(' && c != ')' && c != '.') return "";
  }
  return IsDutchOrInternationalDigits(digits) ? digits : "";
}

bool PlausibleEmail(const std::string& email) {
  return email.size() <= 254 && IsEmailShape(email);
}

}  // namespace

ContactRequestCheck CheckContactRequest(const json& body) {
  ContactRequestCheck check;
  if (!body.is_object()) {
    check.errors.push_back(MakeProblem(ProblemCode::kInvalid, {{"field", "body"}}, "The request body must be a JSON object."));
    return check;
  }
  Checker c(body);
  for (auto it = body.begin(); it != body.end(); ++it)
    if (!kFields.count(it.key())) c.Fail(it.key(), ProblemCode::kUnknownField, "\"" + it.key().substr(0, 40) + "\" is not a known field.", {{"allowed", KnownFields()}});

  check.organization_id = c.Text("organization_id", true, 36, false);
  if (!check.organization_id.empty() && !IsLowercaseUuid(check.organization_id))
    c.Fail("organization_id", ProblemCode::kInvalid, "organization_id must be the id of an organisation.");

  const std::string channel = c.Text("channel", true, 10, false);
  if (!channel.empty() && channel != "phone" && channel != "email")
    c.Fail("channel", ProblemCode::kInvalid, "channel must be \"phone\" or \"email\".");
  const std::string phone = c.Text("phone", channel == "phone", 40, false);
  const std::string email = c.Text("email", channel == "email", 254, false);
  std::string normalised_phone;
  if (channel == "phone" && !phone.empty()) {
    normalised_phone = NormalisePhone(phone);
    if (normalised_phone.empty()) c.Fail("phone", ProblemCode::kInvalid, "phone must be a phone number like 06 12345678.");
  }
  if (channel == "email" && !email.empty() && !PlausibleEmail(email))
    c.Fail("email", ProblemCode::kInvalid, "email must be an e-mail address like naam@voorbeeld.nl.");
  // Keep only the detail of the chosen channel: collect no more than is needed.
  if (channel == "phone" && !email.empty()) c.Fail("email", ProblemCode::kInvalid, "Give an e-mail address only when channel is \"email\".");
  if (channel == "email" && !phone.empty()) c.Fail("phone", ProblemCode::kInvalid, "Give a phone number only when channel is \"phone\".");

  std::vector<std::string> safe_times;
  if (!c.Present("safe_times")) {
    c.Fail("safe_times", ProblemCode::kRequired, "safe_times is required: when is it safe to contact you?");
  } else if (!body["safe_times"].is_array() || body["safe_times"].empty()) {
    c.Fail("safe_times", ProblemCode::kRequired, "safe_times must list at least one moment.");
  } else {
    std::set<std::string> seen;
    for (const json& t : body["safe_times"]) {
      if (!t.is_string() || !Vocabulary::Has(EmbeddedVocabulary().safe_times, t.get<std::string>())) {
        c.Fail("safe_times", ProblemCode::kInvalid,
               "safe_times may only contain " + Vocabulary::Listed(EmbeddedVocabulary().safe_times) + ".");
        break;
      }
      if (seen.insert(t.get<std::string>()).second) safe_times.push_back(t.get<std::string>());
    }
  }
  const bool voicemail_ok = c.Bool("voicemail_ok");
  const bool may_identify = c.Bool("may_identify");
  const std::string code_word = c.Text("code_word", false, kMaxCodeWordChars, false);
  std::string language = c.Text("language", true, 2, false);
  if (!language.empty() && !Vocabulary::Has(EmbeddedVocabulary().contact_languages, language))
    c.Fail("language", ProblemCode::kInvalid,
           "language must be one of " + Vocabulary::Listed(EmbeddedVocabulary().contact_languages) + ".");
  const std::string message = c.Text("message", false, kMaxMessageChars, true);
  if (!c.Present("consent") || body["consent"] != true)
    c.Fail("consent", ProblemCode::kConsentRequired, "consent must be true: the resident agrees that the organisation contacts them.");

  check.errors = std::move(c.errors);
  if (!check.ok()) return check;
  check.content = {{"channel", channel},         {"safe_times", safe_times}, {"voicemail_ok", voicemail_ok},
                   {"may_identify", may_identify}, {"language", language}};
  if (channel == "phone") check.content["phone"] = normalised_phone;
  else check.content["email"] = email;
  if (!code_word.empty()) check.content["code_word"] = code_word;
  if (!message.empty()) check.content["message"] = message;
  return check;
}

}  // namespace hw::domain
