// One problem found in what someone gave us (a directory, a questionnaire, a contact
// request): a stable code with its parameters, and where it is. Interfaces render their
// own words from the code and the parameters (the staff portal in Dutch and English, the
// resident form); `message` is the English sentence for the CLI, logs and tests, made from
// the code's template so that the words and the parameters cannot drift apart.
//
// Every code the server can emit is in HW_PROBLEM_CODES below, with its English template;
// `{name}` in a template is a parameter. AllProblemCodes() lists them, so a test can check
// that every code has a text in every language of every interface (tests/js/problem-texts).
// Plain values; copy freely; thread-safe as values are.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hw::domain {

// X(enumerator, wire code, English template)
#define HW_PROBLEM_CODES(X)                                                                                         \
  /* the shape of a JSON document (json_checker) */                                                                 \
  X(kMissing, "missing", "is missing")                                                                              \
  X(kMissingBool, "missing_bool", "is missing (write true or false)")                                               \
  X(kWrongType, "wrong_type", "must be {expected}, not {got}")                                                      \
  X(kEmpty, "empty", "must not be empty")                                                                           \
  X(kNumberRange, "number_range", "must be a whole number from {min} to {max}")                                     \
  X(kUnknownField, "unknown_field", "is not a known field (allowed here: {allowed})")                               \
  X(kNotOneOf, "not_one_of", "\"{value}\" is not one of: {allowed}")                                                \
  X(kNotUuid, "not_uuid", "must be a UUID in lowercase, like 3f2b8c1e-5d4a-4b6f-9c0d-1e2f3a4b5c6d")                 \
  X(kUuidTwice, "uuid_twice", "\"{value}\" is used more than once; every id must be unique")                        \
  X(kNotHttps, "not_https", "must start with https:// (got \"{got}\")")                                             \
  X(kNotUrl, "not_url", "is not a valid web address (got \"{got}\")")                                               \
  X(kNotDate, "not_date", "must be a date written as YYYY-MM-DD (got \"{got}\")")                                   \
  X(kNotObject, "not_object", "must be an object")                                                                  \
  X(kUnreadable, "unreadable", "{detail}")                                                                          \
  X(kNameTooLong, "name_too_long", "a field name is {length} characters long; at most {max} are allowed here")      \
  X(kTextTooLong, "text_too_long", "this text is {length} characters long; at most {max} are allowed here")        \
  X(kUrlTooLong, "url_too_long", "this web address is {length} characters long; at most {max} are allowed here")   \
  /* the directory (directory_validator, phone_number, schedule, organization_bindings) */                          \
  X(kDirectoryShape, "directory_shape", "the document must be a JSON object with \"format\" and \"organizations\"")  \
  X(kVerifiedWithoutSource, "verified_without_source",                                                              \
    "is marked verified but names no source: add source_url, the https page where it was seen")                    \
  X(kSourceDate, "source_date", "must be the source's own date as YYYY, YYYY-MM or YYYY-MM-DD")                     \
  X(kListNotOneOf, "list_not_one_of", "must be one of: {allowed}")                                                  \
  X(kListedTwice, "listed_twice", "\"{value}\" is listed twice")                                                    \
  X(kDayAndNightNotCovered, "day_and_night_not_covered",                                                            \
    "says day and night, but the schedule does not cover every day from 00:00 to 23:59")                           \
  X(kDayAndNightCovered, "day_and_night_covered",                                                                   \
    "says not day and night, but the schedule covers every day from 00:00 to 23:59")                               \
  X(kFactsWithoutSource, "facts_without_source",                                                                    \
    "states hours, cost, anonymity or languages but not where they were seen: add facts")                          \
  X(kTodoNotText, "todo_not_text", "must be a text with nl and en")                                                 \
  X(kNotLanguageCode, "not_language_code", "must be a two-letter language code such as \"nl\"")                     \
  X(kNotSlug, "not_slug", "must be lowercase letters, digits and single hyphens")                                   \
  X(kKeyTaken, "key_taken", "\"{key}\" is used by another organisation")                                            \
  X(kKeyBound, "key_bound",                                                                                         \
    "must stay \"{published}\": the organisation with id {id} was published with that key, and its requests are "  \
    "sealed to the keys filed under it. An editor cannot change an organisation's key; ask the operator")           \
  X(kIdBound, "id_bound",                                                                                           \
    "must stay {published}: the key \"{key}\" was published with that id, and residents' requests name an "         \
    "organisation by its id. An editor cannot change an organisation's id; ask the operator")                       \
  X(kPhoneChars, "phone_chars", "\"{number}\" is not a phone number: use digits, spaces and hyphens only")          \
  X(kShortTel, "short_tel", "the number to dial for \"{number}\" must be \"{expected}\", not \"{tel}\"")             \
  X(kPhoneZero, "phone_zero", "\"{number}\" must start with 0 (or be a short number like 112)")                     \
  X(kPhoneServiceLength, "phone_service_length", "\"{number}\" has {digits} digits; 0800 and 0900 numbers have 8 or 11") \
  X(kPhoneLength, "phone_length", "\"{number}\" has {digits} digits; Dutch numbers have 10")                        \
  X(kTelMismatch, "tel_mismatch",                                                                                   \
    "the number to dial (\"{tel}\") does not match the written number \"{number}\"; it must be \"{expected}\"")     \
  X(kScheduleNotList, "schedule_not_list", "must be a list of opening slots")                                       \
  X(kSlotNotObject, "slot_not_object", "slot {slot}: must be an object with days, opens and closes")                \
  X(kSlotUnknownField, "slot_unknown_field", "slot {slot}: \"{name}\" is not a known field (allowed: days, opens, closes)") \
  X(kSlotOpens, "slot_opens", "slot {slot}: the opening time must be written as HH:MM, like 09:00")                 \
  X(kSlotCloses, "slot_closes", "slot {slot}: the closing time must be written as HH:MM, like 17:00")               \
  X(kSlotOrder, "slot_order", "slot {slot}: closes ({closes}) before it opens ({opens})")                           \
  X(kSlotDays, "slot_days", "slot {slot}: days must be a list such as [\"MO\", \"TU\"]")                             \
  X(kSlotNotDay, "slot_not_day", "slot {slot}: {day} is not a day; use MO, TU, WE, TH, FR, SA, SU")                 \
  X(kSlotOverlap, "slot_overlap", "slots {a} and {b} overlap on {day}")                                             \
  /* the questionnaire (questionnaire_validator, reachability_proof) */                                             \
  X(kQuestionnaireShape, "questionnaire_shape",                                                                     \
    "the document must be a JSON object with \"format\", \"questions\" and \"rules\"")                              \
  X(kConditionTooDeep, "condition_too_deep", "conditions are nested too deeply (at most 8 levels)")                 \
  X(kConditionNotObject, "condition_not_object", "a condition must be an object")                                   \
  X(kQuestionLater, "question_later",                                                                               \
    "refers to question \"{question}\", which is not asked before this one (a question may only depend on earlier ones)") \
  X(kQuestionUnknown, "question_unknown", "refers to question \"{question}\", which does not exist")                 \
  X(kNotAnOption, "not_an_option", "\"{value}\" is not an option of question \"{question}\"")                        \
  X(kNotIdentifier, "not_identifier", "must be lowercase letters, digits and _")                                    \
  X(kQuestionIdTaken, "question_id_taken", "\"{id}\" is used by another question")                                  \
  X(kOptionTwice, "option_twice", "\"{id}\" is used twice in this question")                                        \
  X(kTooManyOptions, "too_many_options", "a multiple-choice question may have at most {max} options")               \
  X(kRuleIdTaken, "rule_id_taken", "\"{id}\" is used by another rule")                                              \
  X(kMustBeTrue, "must_be_true", "must be true")                                                                    \
  X(kRoutedMissing, "routed_missing", "names organisation \"{organization}\", which is not in the directory")       \
  X(kRoutedInactive, "routed_inactive",                                                                             \
    "names organisation \"{organization}\", which has no active service to send people to")                        \
  X(kTooManyPaths, "too_many_paths", "has more than {max} paths of answers; too many to check that each leads to help") \
  X(kDeadEnd, "dead_end", "the answers {answers} lead to no help at all (a dead end)")                              \
  X(kDeadEndMore, "dead_end_more", "and {count} more paths of answers lead to no help")                             \
  X(kNeverMatches, "never_matches", "can never match: no combination of answers reaches it")                        \
  X(kNeverAdds, "never_adds",                                                                                       \
    "never adds {organization}: no answers that match the rule also meet this condition (is a question hidden on "  \
    "that path?)")                                                                                                  \
  X(kUnreachable, "unreachable",                                                                                    \
    "at {day} {time} (Europe/Amsterdam) the answers {answers} put \"{organization}\" first, and no organisation "  \
    "in that result can be reached then (no verified phone line or chat open at that time)")                       \
  X(kUnreachableMore, "unreachable_more", "and {count} more paths of answers have moments at which their first result cannot be reached") \
  /* a resident's contact request (contact_request): the resident form renders these */                            \
  X(kRequired, "required", "{field} is required")                                                                   \
  X(kInvalid, "invalid", "{field} is not valid")                                                                    \
  X(kTooLongField, "too_long", "{field} is longer than {max} characters")                                           \
  X(kConsentRequired, "consent_required", "consent must be true: the resident agrees that the organisation contacts them")

enum class ProblemCode {
#define HW_PROBLEM_ENUM(name, wire, text) name,
  HW_PROBLEM_CODES(HW_PROBLEM_ENUM)
#undef HW_PROBLEM_ENUM
};

// The stable code on the wire ("phone_length") and the English template.
const char* CodeName(ProblemCode code);
const char* EnglishTemplate(ProblemCode code);
// Every code, in the order above; and the parameter names a template uses.
const std::vector<ProblemCode>& AllProblemCodes();
std::vector<std::string> TemplateParameters(ProblemCode code);
// The template with `{name}` replaced by params[name] (text as it is, numbers written out).
std::string RenderTemplate(const std::string& text, const nlohmann::json& params);

struct Problem {
  ProblemCode code = ProblemCode::kInvalid;
  nlohmann::json params = nlohmann::json::object();
  std::string message;       // English, from the template (or a more precise sentence)
  std::string file;          // "directory", "questionnaire", "directory.json", ""
  std::string entry;         // "organization \"veilig-thuis\" (organizations[0])", "" for the document
  std::string organization;  // the key of the organisation it is about, or ""
  int organization_index = -1;  // its place in the list, or -1
  std::string field;         // "services[0].phones[1].tel", "" for the entry itself

  // "directory.json: organization "veilig-thuis", field services[0].phones[1].tel: must be ..."
  std::string ToString() const;
  // {"code", "params", "message", "file", "entry", "organization": {"key", "index"} | null, "field"}
  nlohmann::json ToJson() const;
};

using Problems = std::vector<Problem>;

// A problem with the message made from the code's template.
Problem MakeProblem(ProblemCode code, nlohmann::json params = nlohmann::json::object());
// A problem with an English sentence of its own (the resident form's fields, where one
// code covers several sentences).
Problem MakeProblem(ProblemCode code, nlohmann::json params, std::string message);

// All problems, one per line.
std::string Describe(const Problems& problems);

// A value as a problem shows it: cut short (with "...") when it is long.
std::string Shortened(const std::string& value);

}  // namespace hw::domain
