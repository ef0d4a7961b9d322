// Open Referral HSDS 3.0: our directory as HSDS documents (one per language, since HSDS
// has no translated text), the list and page shapes of the HSDS API, and the import of an
// HSDS document back into our format. Stateless and thread-safe; no HTTP here.
//
// Export promises (checked against the official compiled schemas by tests/hsds/):
// - Only what residents may see: callers pass domain::ResidentView(directory, today),
//   which also withdraws details nobody re-checked in time (domain/freshness.h). As a
//   second guard the export itself drops phones, chats and websites without
//   "verified": true, a service's facts (hours text, schedule, languages) unless its
//   "facts" source is verified, inactive services and the staff's todo notes, even if
//   the full directory is passed in by mistake.
// - Every published phone, chat and website carries where it was seen and when it was
//   checked, as HSDS 3.0 means `attributes` and `metadata` ("a record of the changes that
//   have been made to the data in order to maintain provenance information"): on the
//   record that holds it (the phone; the service for its chat url; the organisation for
//   its website), one attribute {link_type "source_url", link_entity "phone" | "chat" |
//   "website", link_id, value: the https source URL} and one
//   metadata entry {last_action_type "checked", last_action_date: our `checked`,
//   field_name "number" | "url" | "website", previous_value = replacement_value: the
//   value checked (a check changes nothing), updated_by "Hulpwijzer"}. Who checked it (checked_by), our own labels
//   and "verified" stay home. The dates of the checks also give assured_date.
// - Empty values are omitted, never null; programme organisations (no services) are
//   exported without "services"; a service without languages has no "languages".
// - Ids: organisations, services and phones keep ours; schedules, languages and service
//   areas get crypto::DerivedUuid(service id, "schedule/0" | "chat-schedule/0" |
//   "hours" | "chat" | "language/nl" | "service_area"): the same in every export and in
//   both languages.
// - organization: id, name, description, website (our website.url), services.
// - service: id, organization_id, name, description, status, url (the chat address),
//   fees_description (each phone's cost: "0800-2000: Gratis", one per line),
//   assured_date, phones, schedules, languages, service_areas.
// - assured_date ("the date that the information about the service was last checked")
//   is the OLDEST `checked` among what the service's record publishes: its phones, its
//   chat, and its facts when an hours text, schedule or language of them is exported. The
//   record as a whole has been checked on or after that date; the latest check would let
//   a fresh chat hide a phone nobody looked at for months, and a reader who re-checks
//   records by assured_date would skip it. No published detail, no assured_date.
// - phone: id, number as people write it ("0800-2000"), type "voice"/"text" ("text" is
//   SMS), description = our description + " Kosten: " / " Cost: " + our cost text (the
//   modelling notes: a phone's description says what a call costs).
// - schedules (local time, Europe/Amsterdam; HSDS `timezone` is a fixed UTC offset,
//   which summer time makes wrong half the year, so it is omitted and every timed
//   schedule's `notes` names the time zone instead):
//   * phone hours (only with verified facts): one schedule per slot of the service's
//     schedule: freq "WEEKLY", byday "MO,TU", opens_at/closes_at "09:00", description =
//     the service's hours text. Without a schedule, one schedule with only that text.
//   * chat: HSDS has no chat type; a chat is the service `url` plus schedules with
//     attending_type "virtual": one per slot of the chat's schedule, or one without
//     times when its hours are unknown; description = the chat's description. A chat
//     with "usually": true adds "Usually, but not always, staffed at these times." /
//     "Meestal, maar niet altijd, bemand op deze tijden." to each one's notes (notes are
//     derived, so the import does not read the flag back; set it in the editor).
// - languages (only for a service that lists them, with verified facts): id, code
//   (ISO 639-1), name in the document's language.
// - service_areas: one, name = our area text.
//
// Import: see ImportHsds below.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hw::domain {

// The document languages: "nl" and "en".
bool IsHsdsLanguage(const std::string& lang);

// What joins a phone's description and its cost in an exported phone description:
// " Kosten: " (nl) or " Cost: " (en). The import splits at its last occurrence.
std::string HsdsCostLabel(const std::string& lang);

// One compiled HSDS `organization` per organisation, services nested (without their
// nested organization). `lang` must satisfy IsHsdsLanguage.
nlohmann::json HsdsOrganizations(const nlohmann::json& resident_directory, const std::string& lang);

// The compiled `organization` with this id, or null when there is none.
nlohmann::json HsdsOrganization(const nlohmann::json& resident_directory, const std::string& id,
                                const std::string& lang);

// Every compiled `service`, each with its nested `organization` (without services).
nlohmann::json HsdsServices(const nlohmann::json& resident_directory, const std::string& lang);

// The compiled `service` with this id (with nested `organization`), or null when there
// is no published service with this id.
nlohmann::json HsdsService(const nlohmann::json& resident_directory, const std::string& id, const std::string& lang);

// The flat list items of GET /services (compiled service_list: one-to-one fields and a
// small nested organization) and GET /organizations (compiled organization_list).
nlohmann::json HsdsServiceList(const nlohmann::json& resident_directory, const std::string& lang);
nlohmann::json HsdsOrganizationList(const nlohmann::json& resident_directory, const std::string& lang);

// The `search` parameter: true when `search` occurs in the item's name or description,
// ignoring case (ASCII letters only); an empty search matches everything.
bool HsdsMatchesSearch(const nlohmann::json& item, const std::string& search);

// The HSDS API `Page` of `items` (an array): total_items, total_pages, page_number, size
// (items on this page), first_page, last_page, empty (no items on this page), contents.
// `page` counts from 1 and `per_page` must be at least 1; a page after the last one is
// empty, not an error.
nlohmann::json HsdsPage(const nlohmann::json& items, int page, int per_page);

// ----------------------------------------------------------------------------------
// Import of an HSDS document (a JSON array of organizations, as exported) in one
// language into our format. The rules, each refusal reported with the document path
// ("[3].services[0].phones[1].number") and the reason:
// - Only what exists is updated: organisations and services are matched by id. Unknown
//   ones are refused: new organisations and services are added in the editor, where
//   their key, category, topics and texts in both languages are set.
// - A document may hold a subset: absent organisations, services and fields are left
//   unchanged. Nothing is ever removed: a phone, chat, website or phone hours that
//   residents see on `date` (verified and not withdrawn for age: ShownToResidents) and
//   that is missing from an organisation or service the document does contain is kept,
//   and the removal is refused (do it in the editor). What residents do not see was not
//   exported, so its absence is no removal and is not reported.
// - Texts (names, descriptions, hours, area, phone and chat descriptions, costs) are
//   applied for `lang` only.
// - Contact details (a phone: number, type, description, cost; a chat: address, hours,
//   description; a website) that are new or differ from the base in any way, even a
//   number written with other spaces, become unverified: their provenance is replaced by
//   "source": "HSDS import <date>", "checked": <date>, "verified": false, and the old
//   source_url, source_date and checked_by are dropped, so a changed number never looks
//   checked against a page that showed the old one. Residents do not see them until an
//   editor checks them. This is the editor's own rule (domain/detail_changes.h: an edit is
//   not a check), applied here already so that the import's report says which details
//   wait for a check. Changed chat hours also drop "usually" (its source said so of the
//   old hours). Details that did not change keep the base's provenance.
// - A service's facts (hours text, phone hours, languages; free, anonymous and day and
//   night are not in HSDS) that change make its "facts" provenance unverified the same
//   way (created when the service had none), so residents see none of its facts until an
//   editor checks them. Languages are optional: a document without them changes nothing.
// - Phones are matched by id, else by their digits; a new phone keeps its HSDS id when
//   that is a free lowercase UUID, else gets DerivedUuid(service id, "phone/" + tel). A
//   new phone or chat gets the imported text in both languages and a todo note asking
//   for the translation and the check. A phone's description is split at its last cost
//   label (HsdsCostLabel).
// - Refused: any location or address ("shelter and service addresses are never
//   published"), numbers that fail the Dutch phone check, addresses that are not https,
//   schedules that are not weekly local-time hours, fields Hulpwijzer does not keep
//   (e-mail, contacts, funding, ...), and every change that would add a problem to the
//   directory (each change is validated on its own; the reason quotes the validator).
//   A draft that already has problems can be imported into: they stay for the editor.
//   Only a damaged base (organisations, services or phones not lists of objects) is
//   refused as a whole.
// - Ignored, because the export derives them: ids of schedules, languages and areas,
//   organization_id/service_id, fees_description, assured_date, schedule notes (with the
//   chat's "usually" note), language names, and the nested organization of a service.
// The result passes ValidateDirectory whenever the base does. Any base is safe to pass:
// a draft with missing or mistyped fields is read without a crash or an exception.

struct HsdsRefusal {
  std::string path;    // where in the HSDS document: "[2].services[0].phones[1].number"
  std::string reason;  // a sentence for the editor
};

struct HsdsImportResult {
  nlohmann::json directory;          // the base with the accepted changes
  std::vector<std::string> changes;  // "moviera: description (nl) changed"
  std::vector<HsdsRefusal> refusals;
};

// `date` (YYYY-MM-DD) goes into the provenance of changed details and is the day for what
// residents see; empty means today in Amsterdam.
HsdsImportResult ImportHsds(const nlohmann::json& hsds_document, const nlohmann::json& base_directory,
                            const std::string& lang, const std::string& date = "");

}  // namespace hw::domain
