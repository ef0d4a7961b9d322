// The HSDS export, list and page shapes, and the import: mapping, privacy (nothing
// unverified, unsourced or withdrawn for age leaves; no provenance field), assured_date,
// stable ids, the round trip on the real directory, one test per import rule, and drafts
// damaged in every place. The official schemas are checked by tests/hsds/test_hsds.py.
#include "domain/hsds.h"

#include <catch2/catch.hpp>

#include <functional>
#include <regex>
#include <set>

#include "domain/amsterdam_time.h"
#include "domain/directory_validator.h"
#include "domain/resident_view.h"
#include "domain/test_data.h"

namespace hw::domain {
namespace {

using nlohmann::json;
using testing::Org;
using testing::RealDirectory;

const char* const kVeiligThuis = "689cdc35-3a76-40f2-921d-d41b27ffd19a";
const char* const kVeiligThuisService = "c5289553-1505-4fee-9c7d-56ced1a45f93";
const char* const kPolice = "c25c0d6f-2595-47b2-bb01-9d3cf2fbe8d1";
const char* const kHelpwanted = "81d82c29-2496-4bb9-9982-6c96f34ca8fb";
const char* const kCsg = "19be3fd4-17d9-4305-8910-3e61fb4b1ad3";
const char* const kMoviera = "bf4c8507-07db-4bc5-b97b-91a766db8230";
const char* const kDate = "2026-12-05";  // the day after the real directory's checks

// A day as days since 1970-01-01.
int64_t Day(const std::string& date) {
  int64_t day = 0;
  if (!ParseIsoDate(date, &day)) throw std::runtime_error("not a date: " + date);
  return day;
}

// Every value in the document, with its path.
void Walk(const json& value, const std::string& path, const std::function<void(const json&, const std::string&)>& visit) {
  visit(value, path);
  if (value.is_object())
    for (auto it = value.begin(); it != value.end(); ++it) Walk(it.value(), path + "." + it.key(), visit);
  if (value.is_array())
    for (size_t i = 0; i < value.size(); ++i) Walk(value[i], path + "[" + std::to_string(i) + "]", visit);
}

json& ExportedOrg(json& document, const std::string& id) {
  for (json& org : document)
    if (org["id"] == id) return org;
  throw std::runtime_error("no organisation " + id);
}

bool Contains(const std::vector<std::string>& list, const std::string& fragment) {
  for (const std::string& item : list)
    if (item.find(fragment) != std::string::npos) return true;
  return false;
}

bool Refused(const HsdsImportResult& result, const std::string& path, const std::string& fragment) {
  for (const HsdsRefusal& refusal : result.refusals)
    if (refusal.path == path && refusal.reason.find(fragment) != std::string::npos) return true;
  return false;
}

// A detail new or changed by an import: unverified, with nothing of its old source.
void CheckMarkedImported(const json& detail) {
  INFO(detail.dump());
  CHECK(detail["verified"] == false);
  CHECK(detail["source"] == std::string("HSDS import ") + kDate);
  CHECK(detail["checked"] == kDate);
  for (const char* old : {"source_url", "source_date", "checked_by"}) CHECK_FALSE(detail.contains(old));
}

std::string Dump(const HsdsImportResult& result) {
  std::string text;
  for (const auto& change : result.changes) text += "change: " + change + "\n";
  for (const auto& refusal : result.refusals) text += "refused: " + refusal.path + ": " + refusal.reason + "\n";
  return text;
}

TEST_CASE("the HSDS export has one organisation per organisation, without empty values", "[hsds]") {
  const json directory = RealDirectory();
  for (const std::string lang : {"nl", "en"}) {
    const json document = HsdsOrganizations(ResidentView(directory), lang);
    REQUIRE(document.size() == directory["organizations"].size());
    std::set<std::string> ids;
    static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    Walk(document, "", [&](const json& value, const std::string& path) {
      INFO(lang << path);
      CHECK_FALSE(value.is_null());
      CHECK_FALSE((value.is_string() && value.get<std::string>().empty()));
      CHECK_FALSE((value.is_array() && value.empty()));
      // Where a fact was seen and who checked it stays in the directory (hsds.h).
      const std::string key = path.substr(path.rfind('.') + 1);
      for (const char* kept : {"source", "source_url", "source_date", "checked", "checked_by", "verified", "facts",
                               "usually", "todo"})
        CHECK(key != kept);
      const bool is_id = path.size() >= 3 && path.compare(path.size() - 3, 3, ".id") == 0;
      if (is_id) {
        CHECK(std::regex_match(value.get<std::string>(), kUuid));
        CHECK(ids.insert(value.get<std::string>()).second);  // unique in the document
      }
    });
    for (const json& org : document) {
      CHECK(org.contains("name"));
      CHECK(org.contains("description"));
    }
  }
}

TEST_CASE("programme organisations are exported without services", "[hsds]") {
  json document = HsdsOrganizations(ResidentView(RealDirectory()), "nl");
  const json& programme = ExportedOrg(document, "02fa85e0-5e8d-466c-8a56-faf4d3f4e2d1");
  CHECK(programme["name"] == "Veilige Steden");
  CHECK_FALSE(programme.contains("services"));
}

TEST_CASE("Veilig Thuis in HSDS: phone with its cost, phone and chat hours, area", "[hsds]") {
  json nl = HsdsOrganizations(ResidentView(RealDirectory()), "nl");
  json en = HsdsOrganizations(ResidentView(RealDirectory()), "en");
  const json& org = ExportedOrg(nl, kVeiligThuis);
  CHECK(org["name"] == "Veilig Thuis");
  CHECK(org["website"] == "https://veiligthuis.nl");
  const json& service = org["services"][0];
  CHECK(service["id"] == kVeiligThuisService);
  CHECK(service["organization_id"] == kVeiligThuis);
  CHECK(service["status"] == "active");
  CHECK(service["url"] == "https://veiligthuis.nl");
  CHECK(service["fees_description"] == "0800-2000: Gratis");
  CHECK(service["assured_date"] == "2026-12-04");

  REQUIRE(service["phones"].size() == 1);
  const json& phone = service["phones"][0];
  CHECK(phone["id"] == "1749a395-da31-458f-92ce-c2f3791a9ed0");
  CHECK(phone["number"] == "0800-2000");
  CHECK(phone["type"] == "voice");
  CHECK(phone["description"] == "Dag en nacht. Kosten: Gratis");
  CHECK(ExportedOrg(en, kVeiligThuis)["services"][0]["phones"][0]["description"] == "Day and night. Cost: Free");

  REQUIRE(service["schedules"].size() == 2);
  const json& phone_hours = service["schedules"][0];
  CHECK(phone_hours["freq"] == "WEEKLY");
  CHECK(phone_hours["byday"] == "MO,TU,WE,TH,FR,SA,SU");
  CHECK(phone_hours["opens_at"] == "00:00");
  CHECK(phone_hours["closes_at"] == "23:59");
  CHECK(phone_hours["description"] == "Bellen: dag en nacht. Chat: maandag tot en met vrijdag, 9 tot 17 uur.");
  CHECK(phone_hours["notes"] == "Lokale tijd in Nederland (Europe/Amsterdam).");
  CHECK_FALSE(phone_hours.contains("attending_type"));
  CHECK_FALSE(phone_hours.contains("timezone"));  // a fixed UTC offset; summer time makes it wrong
  const json& chat_hours = service["schedules"][1];
  CHECK(chat_hours["attending_type"] == "virtual");
  CHECK(chat_hours["byday"] == "MO,TU,WE,TH,FR");
  CHECK(chat_hours["opens_at"] == "09:00");
  CHECK(chat_hours["closes_at"] == "17:00");
  CHECK(chat_hours["description"] == "Anoniem chatten voor advies.");
  // The chat is "usually" staffed at its hours (its source says so), not always.
  CHECK(chat_hours["notes"] ==
        "Lokale tijd in Nederland (Europe/Amsterdam). Meestal, maar niet altijd, bemand op deze tijden.");
  CHECK(ExportedOrg(en, kVeiligThuis)["services"][0]["schedules"][1]["notes"] ==
        "Local time in the Netherlands (Europe/Amsterdam). Usually, but not always, staffed at these times.");

  CHECK_FALSE(service.contains("languages"));  // Veilig Thuis lists none
  REQUIRE(service["service_areas"].size() == 1);
  CHECK(service["service_areas"][0]["name"] ==
        "Heel Nederland. Je wordt doorverbonden met Veilig Thuis in je eigen regio.");
}

TEST_CASE("Helpwanted in HSDS: languages, and a chat with unknown hours is a virtual schedule without times",
          "[hsds]") {
  json nl = HsdsOrganizations(ResidentView(RealDirectory()), "nl");
  json en = HsdsOrganizations(ResidentView(RealDirectory()), "en");
  const json& helpwanted = ExportedOrg(en, kHelpwanted)["services"][0];
  CHECK(helpwanted["url"] == "https://www.helpwanted.nl");
  CHECK(helpwanted["fees_description"] == "020-261 52 75: A call costs your normal call rate.");
  REQUIRE(helpwanted["schedules"].size() == 2);
  CHECK(helpwanted["schedules"][0] == json({{"id", helpwanted["schedules"][0]["id"]},
                                            {"service_id", helpwanted["id"]},
                                            {"description", "The hours are on helpwanted.nl."}}));
  CHECK(helpwanted["schedules"][1] == json({{"id", helpwanted["schedules"][1]["id"]},
                                            {"service_id", helpwanted["id"]},
                                            {"attending_type", "virtual"},
                                            {"description", "Chat via helpwanted.nl."}}));

  REQUIRE(helpwanted["languages"].size() == 2);
  CHECK(helpwanted["languages"][0]["code"] == "nl");
  CHECK(helpwanted["languages"][0]["name"] == "Dutch");
  CHECK(helpwanted["languages"][1]["code"] == "en");
  CHECK(helpwanted["languages"][1]["name"] == "English");
  const json& dutch = ExportedOrg(nl, kHelpwanted)["services"][0]["languages"];
  CHECK(dutch[0]["name"] == "Nederlands");
  CHECK(dutch[1]["name"] == "Engels");
  CHECK(dutch[0]["id"] == helpwanted["languages"][0]["id"]);
}

TEST_CASE("assured_date is the oldest check of what the service publishes", "[hsds]") {
  json directory = RealDirectory();
  json& vt = Org(directory, "veilig-thuis")["services"][0];
  auto assured = [&] { return HsdsService(ResidentView(directory), kVeiligThuisService, "nl")["assured_date"]; };
  REQUIRE(assured() == "2026-12-04");
  vt["chat"]["checked"] = "2026-11-20";
  CHECK(assured() == "2026-11-20");
  vt["facts"]["checked"] = "2026-11-10";
  CHECK(assured() == "2026-11-10");
  vt["phones"][0]["checked"] = "2026-11-01";
  CHECK(assured() == "2026-11-01");
  // What is not published does not count: an unverified phone, or facts no longer shown.
  vt["phones"][0]["verified"] = false;
  CHECK(assured() == "2026-11-10");
  vt["facts"]["verified"] = false;
  CHECK(assured() == "2026-11-20");
  vt["chat"]["verified"] = false;
  CHECK(assured().is_null());  // nothing published was checked
  // Moviera publishes no phone, chat or facts: nothing was assured.
  CHECK_FALSE(HsdsService(ResidentView(directory), "e24f564a-36a6-4b92-a1d1-b47ea6cc600f", "nl").contains("assured_date"));
}

TEST_CASE("nothing unverified leaves, even when the full directory is passed in", "[hsds]") {
  json directory = RealDirectory();
  json& vt = Org(directory, "veilig-thuis");
  vt["website"]["verified"] = false;
  vt["services"][0]["chat"]["verified"] = false;
  vt["services"][0]["phones"][0]["verified"] = false;
  vt["services"][0]["facts"]["verified"] = false;
  Org(directory, "helpwanted")["services"][0]["facts"]["verified"] = false;
  json& moviera = Org(directory, "moviera");
  moviera["services"][0]["status"] = "inactive";
  for (const json& input : {directory, ResidentView(directory)}) {
    json document = HsdsOrganizations(input, "nl");
    const std::string text = document.dump();
    CHECK(text.find("0800-2000") == std::string::npos);
    CHECK(text.find("https://veiligthuis.nl") == std::string::npos);
    CHECK(text.find("e24f564a-36a6-4b92-a1d1-b47ea6cc600f") == std::string::npos);  // the inactive service
    CHECK(text.find("todo") == std::string::npos);
    CHECK(text.find("Controleer") == std::string::npos);
    CHECK(HsdsService(input, "e24f564a-36a6-4b92-a1d1-b47ea6cc600f", "nl").is_null());
    // Facts without a verified source: no hours, no schedule, no languages.
    const json vt_service = HsdsService(input, kVeiligThuisService, "nl");
    CHECK_FALSE(vt_service.contains("schedules"));
    CHECK_FALSE(vt_service.contains("assured_date"));
    CHECK(text.find("Bellen: dag en nacht. Chat:") == std::string::npos);
    CHECK_FALSE(ExportedOrg(document, kHelpwanted)["services"][0].contains("languages"));
    // In the real data: De Kindertelefoon's number has no source yet, nor the police chat.
    CHECK(text.find("0800-0432") == std::string::npos);
    const json police = HsdsService(input, "64f11d97-38d2-4e44-a453-422859f31893", "nl");
    CHECK_FALSE(police.contains("url"));
    REQUIRE(police["schedules"].size() == 1);
    CHECK_FALSE(police["schedules"][0].contains("attending_type"));
  }
  // Moviera's hours text has no facts source at all.
  CHECK(HsdsOrganizations(ResidentView(RealDirectory()), "nl").dump().find("De tijden staan op moviera.nl.") ==
        std::string::npos);
}

TEST_CASE("details nobody re-checked in time are not exported", "[hsds]") {
  const json directory = RealDirectory();
  // Checked 2026-12-04: crisis lines are due after 30 days and withdrawn 60 days later,
  // the rest after 180 + 60 days.
  const json view = ResidentView(directory, Day("2027-03-10"));
  const json vt = HsdsService(view, kVeiligThuisService, "nl");
  CHECK_FALSE(vt.contains("phones"));
  CHECK_FALSE(vt.contains("url"));
  CHECK_FALSE(vt.contains("schedules"));
  CHECK_FALSE(vt.contains("assured_date"));
  CHECK_FALSE(HsdsOrganization(view, kVeiligThuis, "nl").contains("website"));
  const json helpwanted = HsdsOrganization(view, kHelpwanted, "nl");
  CHECK(helpwanted["services"][0]["phones"].size() == 1);
  CHECK(helpwanted["services"][0]["assured_date"] == "2026-12-04");
  const json later = HsdsService(ResidentView(directory, Day("2027-08-10")), "0d0858dc-a296-4bc3-9687-6a50e5e53d37", "nl");
  for (const char* withdrawn : {"phones", "url", "schedules", "languages", "assured_date"}) CHECK_FALSE(later.contains(withdrawn));
}

TEST_CASE("derived ids are the same in every export and in both languages", "[hsds]") {
  const json view = ResidentView(RealDirectory());
  const json nl = HsdsOrganizations(view, "nl");
  CHECK(nl == HsdsOrganizations(view, "nl"));
  const json en = HsdsOrganizations(view, "en");
  std::vector<std::string> nl_ids, en_ids;
  Walk(nl, "", [&](const json& v, const std::string& p) {
    if (p.size() > 3 && p.compare(p.size() - 3, 3, ".id") == 0) nl_ids.push_back(v.get<std::string>());
  });
  Walk(en, "", [&](const json& v, const std::string& p) {
    if (p.size() > 3 && p.compare(p.size() - 3, 3, ".id") == 0) en_ids.push_back(v.get<std::string>());
  });
  CHECK(nl_ids == en_ids);
}

TEST_CASE("one service with its organisation, one organisation, and the list shapes", "[hsds]") {
  const json view = ResidentView(RealDirectory());
  const json service = HsdsService(view, kVeiligThuisService, "en");
  REQUIRE(service.is_object());
  CHECK(service["name"] == "Phone and chat");
  CHECK(service["organization"]["id"] == kVeiligThuis);
  CHECK(service["organization"]["name"] == "Veilig Thuis (Safe at Home)");
  CHECK_FALSE(service["organization"].contains("services"));
  CHECK(HsdsService(view, "00000000-0000-0000-0000-000000000000", "en").is_null());
  CHECK(HsdsService(view, kVeiligThuis, "en").is_null());  // an organisation is not a service

  const json org = HsdsOrganization(view, kVeiligThuis, "nl");
  CHECK(org["services"][0]["id"] == kVeiligThuisService);
  CHECK(HsdsOrganization(view, kVeiligThuisService, "nl").is_null());

  const json services = HsdsServiceList(view, "nl");
  CHECK(services.size() == HsdsServices(view, "nl").size());
  for (const json& item : services) {
    CHECK_FALSE(item.contains("phones"));
    CHECK_FALSE(item.contains("schedules"));
    CHECK(item.contains("organization"));
  }
  const json orgs = HsdsOrganizationList(view, "nl");
  CHECK(orgs.size() == view["organizations"].size());
  for (const json& item : orgs) CHECK_FALSE(item.contains("services"));
}

TEST_CASE("search ignores case and looks at name and description", "[hsds]") {
  const json item = {{"name", "Veilig Thuis"}, {"description", "Hulp bij Partnergeweld"}};
  CHECK(HsdsMatchesSearch(item, ""));
  CHECK(HsdsMatchesSearch(item, "veilig"));
  CHECK(HsdsMatchesSearch(item, "PARTNERGEWELD"));
  CHECK_FALSE(HsdsMatchesSearch(item, "stalking"));
  CHECK_FALSE(HsdsMatchesSearch(json::object(), "x"));
}

TEST_CASE("pages: sizes, first and last, past the end, nothing at all", "[hsds]") {
  json items = json::array();
  for (int i = 0; i < 11; ++i) items.push_back(i);
  const json first = HsdsPage(items, 1, 5);
  CHECK(first["total_items"] == 11);
  CHECK(first["total_pages"] == 3);
  CHECK(first["page_number"] == 1);
  CHECK(first["size"] == 5);
  CHECK(first["first_page"] == true);
  CHECK(first["last_page"] == false);
  CHECK(first["empty"] == false);
  CHECK(first["contents"] == json({0, 1, 2, 3, 4}));
  const json last = HsdsPage(items, 3, 5);
  CHECK(last["contents"] == json({10}));
  CHECK(last["size"] == 1);
  CHECK(last["first_page"] == false);
  CHECK(last["last_page"] == true);
  const json past = HsdsPage(items, 4, 5);
  CHECK(past["contents"] == json::array());
  CHECK(past["empty"] == true);
  CHECK(past["last_page"] == true);
  const json huge = HsdsPage(items, 2147483647, 100);  // no overflow
  CHECK(huge["empty"] == true);
  const json none = HsdsPage(json::array(), 1, 10);
  CHECK(none["total_items"] == 0);
  CHECK(none["total_pages"] == 0);
  CHECK(none["first_page"] == true);
  CHECK(none["last_page"] == true);
  CHECK(none["empty"] == true);
  CHECK(HsdsPage(items, 1, 100)["size"] == 11);
}

TEST_CASE("round trip: export, import, export gives the same document, in nl and en", "[hsds]") {
  const json directory = RealDirectory();
  for (const std::string lang : {"nl", "en"}) {
    INFO(lang);
    const json exported = HsdsOrganizations(ResidentView(directory), lang);
    const HsdsImportResult result = ImportHsds(exported, directory, lang, kDate);
    INFO(Dump(result));
    CHECK(result.changes.empty());
    CHECK(result.refusals.empty());
    CHECK(result.directory == directory);
    CHECK(ValidateDirectory(result.directory).empty());
    CHECK(HsdsOrganizations(ResidentView(result.directory), lang) == exported);
  }
}

TEST_CASE("round trip keeps unverified details that never left", "[hsds]") {
  json directory = RealDirectory();
  json& vt = Org(directory, "veilig-thuis");
  vt["services"][0]["phones"][0]["verified"] = false;
  vt["services"][0]["chat"]["verified"] = false;
  vt["services"][0]["facts"]["verified"] = false;  // its phone hours were not exported
  vt["website"]["verified"] = false;
  const json exported = HsdsOrganizations(ResidentView(directory), "nl");
  REQUIRE_FALSE(HsdsService(ResidentView(directory), kVeiligThuisService, "nl").contains("schedules"));
  const HsdsImportResult result = ImportHsds(exported, directory, "nl", kDate);
  INFO(Dump(result));
  CHECK(result.changes.empty());
  CHECK(result.refusals.empty());
  CHECK(result.directory == directory);
}

TEST_CASE("round trip keeps details withdrawn for age, which never left either", "[hsds]") {
  const json directory = RealDirectory();
  // Crisis lines' details are withdrawn by then (30 + 60 days), the others are not.
  const json exported = HsdsOrganizations(ResidentView(directory, Day("2027-03-10")), "nl");
  const HsdsImportResult result = ImportHsds(exported, directory, "nl", "2027-03-10");
  INFO(Dump(result));
  CHECK(result.changes.empty());
  CHECK(result.refusals.empty());
  CHECK(result.directory == directory);
  // Judged on an earlier day, residents still saw them: their absence reads as a removal.
  const HsdsImportResult earlier = ImportHsds(exported, directory, "nl", kDate);
  CHECK(Refused(earlier, "[2].services[0].phones", "the phone 0800-2000 is not in the document"));
  CHECK(Refused(earlier, "[2].services[0].schedules", "the phone hours (MO,TU,WE,TH,FR,SA,SU 00:00-23:59)"));
  CHECK(earlier.directory == directory);
}

TEST_CASE("round trip of a changed document: the second import changes nothing more", "[hsds]") {
  const json directory = RealDirectory();
  json document = HsdsOrganizations(ResidentView(directory), "en");
  ExportedOrg(document, kVeiligThuis)["description"] = "New text.";
  ExportedOrg(document, kVeiligThuis)["services"][0]["schedules"][1]["opens_at"] = "10:00";
  const HsdsImportResult first = ImportHsds(document, directory, "en", kDate);
  INFO(Dump(first));
  CHECK(first.changes.size() == 2);
  CHECK(first.refusals.empty());
  const HsdsImportResult second = ImportHsds(document, first.directory, "en", kDate);
  INFO(Dump(second));
  CHECK(second.changes.empty());
  CHECK(second.directory == first.directory);
}

// ---- import rules ----------------------------------------------------------------

struct ImportFixture {
  json directory = RealDirectory();
  json document;
  explicit ImportFixture(const std::string& lang = "nl") : document(HsdsOrganizations(ResidentView(directory), lang)) {}
  json& VtOrg() { return ExportedOrg(document, kVeiligThuis); }
  json& VtService() { return VtOrg()["services"][0]; }
  json& VtPhone() { return VtService()["phones"][0]; }
  HsdsImportResult Run(const std::string& lang = "nl") {
    HsdsImportResult result = ImportHsds(document, directory, lang, kDate);
    INFO(Dump(result));
    CHECK(ValidateDirectory(result.directory).empty());
    return result;
  }
};

TEST_CASE("import: a text changes for the document's language only", "[hsds]") {
  ImportFixture f;
  f.VtOrg()["description"] = "Nieuwe tekst.";
  HsdsImportResult result = f.Run();
  CHECK(result.changes == std::vector<std::string>{"veilig-thuis: description (nl) changed"});
  CHECK(Org(result.directory, "veilig-thuis")["description"]["nl"] == "Nieuwe tekst.");
  CHECK(Org(result.directory, "veilig-thuis")["description"]["en"] ==
        Org(f.directory, "veilig-thuis")["description"]["en"]);
}

TEST_CASE("import: a changed number becomes unverified, with nothing of its old source", "[hsds]") {
  ImportFixture f;
  json& base_phone = Org(f.directory, "veilig-thuis")["services"][0]["phones"][0];
  base_phone["source_date"] = "2024-05";
  base_phone["checked_by"] = "Anna";
  REQUIRE(ValidateDirectory(f.directory).empty());
  f.VtPhone()["number"] = "0800-2001";
  f.VtPhone()["description"] = "Altijd bereikbaar. Kosten: Gratis, altijd";
  HsdsImportResult result = f.Run();
  CHECK(Contains(result.changes, "veilig-thuis, service \"Bellen en chatten\": phone 0800-2000 changed to 0800-2001"));
  CHECK(Contains(result.changes, "description of phone 0800-2001 (nl) changed"));
  CHECK(Contains(result.changes, "cost of phone 0800-2001 (nl) changed"));
  const json& phone = Org(result.directory, "veilig-thuis")["services"][0]["phones"][0];
  CHECK(phone["number"] == "0800-2001");
  CHECK(phone["tel"] == "+318002001");
  CheckMarkedImported(phone);  // the source showed 0800-2000, not this number
  CHECK(phone["description"]["nl"] == "Altijd bereikbaar.");
  CHECK(phone["cost"]["nl"] == "Gratis, altijd");
  // Residents no longer see the unchecked number.
  CHECK(HsdsOrganizations(ResidentView(result.directory), "nl").dump().find("0800-2001") == std::string::npos);
}

TEST_CASE("import: a changed text of a detail is a change too, and what did not change keeps its provenance",
          "[hsds]") {
  ImportFixture f;
  const json& before = Org(f.directory, "veilig-thuis");
  SECTION("a phone's description") {
    f.VtPhone()["description"] = "Altijd bereikbaar. Kosten: Gratis";
    HsdsImportResult result = f.Run();
    CHECK(result.changes == std::vector<std::string>{
                                "veilig-thuis, service \"Bellen en chatten\": description of phone 0800-2000 (nl) "
                                "changed (unverified: residents see it once an editor has checked it)"});
    const json& org = Org(result.directory, "veilig-thuis");
    CheckMarkedImported(org["services"][0]["phones"][0]);
    // The chat, the facts and the website did not change: they keep their sources.
    CHECK(org["services"][0]["chat"] == before["services"][0]["chat"]);
    CHECK(org["services"][0]["facts"] == before["services"][0]["facts"]);
    CHECK(org["website"] == before["website"]);
    CHECK(org["website"]["source_url"] == "https://www.veiligthuisgv.nl/veelgestelde-vragen/");
    CHECK(HsdsOrganizations(ResidentView(result.directory), "nl").dump().find("Altijd bereikbaar.") == std::string::npos);
  }
  SECTION("a phone's cost") {
    f.VtPhone()["description"] = "Dag en nacht. Kosten: 10 cent per minuut";
    HsdsImportResult result = f.Run();
    CHECK(result.refusals.empty());
    CHECK(Contains(result.changes, "cost of phone 0800-2000 (nl) changed (unverified"));
    const json& phone = Org(result.directory, "veilig-thuis")["services"][0]["phones"][0];
    CHECK(phone["cost"]["nl"] == "10 cent per minuut");
    CHECK(phone["cost"]["en"] == "Free");  // the other language is left to the editor
    CheckMarkedImported(phone);
    CHECK(HsdsOrganizations(ResidentView(result.directory), "nl").dump().find("0800-2000") == std::string::npos);
  }
  SECTION("a chat's description") {
    f.VtService()["schedules"][1]["description"] = "Chatten, ook in het weekend.";
    HsdsImportResult result = f.Run();
    CHECK(result.refusals.empty());
    CHECK(Contains(result.changes, "chat description (nl) changed (unverified"));
    const json& org = Org(result.directory, "veilig-thuis");
    CheckMarkedImported(org["services"][0]["chat"]);
    CHECK(org["services"][0]["phones"] == before["services"][0]["phones"]);
  }
  SECTION("an organisation's or service's own texts are not details: nothing waits for a check") {
    f.VtOrg()["description"] = "Nieuwe tekst.";
    f.VtService()["description"] = "Nieuwe tekst.";
    HsdsImportResult result = f.Run();
    CHECK(result.changes.size() == 2);
    const json& org = Org(result.directory, "veilig-thuis");
    CHECK(org["services"][0]["phones"] == before["services"][0]["phones"]);
    CHECK(org["services"][0]["chat"] == before["services"][0]["chat"]);
    CHECK(org["website"] == before["website"]);
  }
}

TEST_CASE("import: a number written differently is a change too, though it dials the same", "[hsds]") {
  ImportFixture f;
  f.VtPhone()["number"] = "0800 2000";
  HsdsImportResult result = f.Run();
  CHECK(result.changes == std::vector<std::string>{
                              "veilig-thuis, service \"Bellen en chatten\": phone 0800-2000 is now written 0800 2000 "
                              "(unverified: residents see it once an editor has checked it)"});
  const json& phone = Org(result.directory, "veilig-thuis")["services"][0]["phones"][0];
  CHECK(phone["number"] == "0800 2000");
  CHECK(phone["tel"] == "+318002000");
  CHECK(phone["id"] == "1749a395-da31-458f-92ce-c2f3791a9ed0");  // the same phone, not a new one
  CheckMarkedImported(phone);
}

TEST_CASE("import: a new phone is added unverified, with a todo for its translation", "[hsds]") {
  ImportFixture f;
  f.VtService()["phones"].push_back(
      {{"id", "0b5a7a2e-1f0c-4d7e-9a55-3c1d2e4f6a7b"}, {"number", "030-123 45 67"}, {"type", "voice"},
       {"description", "Voor professionals. Kosten: Je gewone beltarief."}});
  HsdsImportResult result = f.Run();
  CHECK(Contains(result.changes, "veilig-thuis, service \"Bellen en chatten\": phone 030-123 45 67 added (unverified"));
  json& org = Org(result.directory, "veilig-thuis");
  REQUIRE(org["services"][0]["phones"].size() == 2);
  const json& added = org["services"][0]["phones"][1];
  CHECK(added["id"] == "0b5a7a2e-1f0c-4d7e-9a55-3c1d2e4f6a7b");
  CHECK(added["tel"] == "+31301234567");
  CHECK(added["verified"] == false);
  CHECK(added["description"]["en"] == "Voor professionals.");  // placeholder until translated
  CHECK(added["cost"]["nl"] == "Je gewone beltarief.");
  CHECK(org["todo"].back()["en"].get<std::string>().find("phone number 030-123 45 67") != std::string::npos);

  SECTION("without its cost it is refused") {
    f.VtService()["phones"][1]["description"] = "Voor professionals.";
    result = f.Run();
    CHECK(Refused(result, "[2].services[0].phones[1].description", "says what a call costs"));
    CHECK(result.changes.empty());
  }
}

TEST_CASE("import: numbers that fail the Dutch phone check are refused", "[hsds]") {
  ImportFixture f;
  f.VtPhone()["number"] = "0800-200";
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].services[0].phones[0].number", "0800 and 0900 numbers have 8 or 11"));
  CHECK(result.directory == f.directory);
  // The entry names the phone by its id: refusing it is not a removal of that phone.
  CHECK(result.refusals.size() == 1);

  f.VtPhone().erase("id");  // matched by digits only: nothing matches, so the phone is missing
  result = f.Run();
  CHECK(Refused(result, "[2].services[0].phones", "the phone 0800-2000 is not in the document"));

  f.VtPhone()["number"] = "+31 800 2000";
  result = f.Run();
  CHECK(Refused(result, "[2].services[0].phones[0].number", "digits, spaces and hyphens only"));

  f.VtPhone()["number"] = "0800-2000";
  f.VtPhone()["type"] = "fax";
  result = f.Run();
  CHECK(Refused(result, "[2].services[0].phones[0].type", "voice numbers and text (SMS) numbers only"));

  f.VtPhone()["type"] = "voice";
  f.VtPhone()["extension"] = 12;
  result = f.Run();
  CHECK(Refused(result, "[2].services[0].phones[0].extension", "cannot dial an extension"));
}

TEST_CASE("import: addresses that are not https are refused", "[hsds]") {
  ImportFixture f;
  f.VtOrg()["website"] = "http://veiligthuis.nl";
  f.VtService()["url"] = "http://veiligthuis.nl/chat";
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].website", "only https addresses are published"));
  CHECK(Refused(result, "[2].services[0].url", "only https addresses are published"));
  CHECK(result.changes.empty());
  CHECK(result.directory == f.directory);
}

TEST_CASE("import: a changed website or chat address becomes unverified", "[hsds]") {
  ImportFixture f;
  f.VtOrg()["website"] = "https://veiligthuis.nl/gelderland-zuid";
  f.VtService()["url"] = "https://chat.veiligthuis.nl";
  HsdsImportResult result = f.Run();
  CHECK(result.refusals.empty());
  json& org = Org(result.directory, "veilig-thuis");
  CHECK(org["website"]["url"] == "https://veiligthuis.nl/gelderland-zuid");
  CheckMarkedImported(org["website"]);
  CHECK(org["services"][0]["chat"]["url"] == "https://chat.veiligthuis.nl");
  CheckMarkedImported(org["services"][0]["chat"]);
  // The chat's text and hours stay; only its address waits for a check.
  CHECK(org["services"][0]["chat"]["description"] == Org(f.directory, "veilig-thuis")["services"][0]["chat"]["description"]);
  const std::string text = HsdsOrganizations(ResidentView(result.directory), "nl").dump();
  CHECK(text.find("veiligthuis.nl/gelderland-zuid") == std::string::npos);
  CHECK(text.find("chat.veiligthuis.nl") == std::string::npos);
}

TEST_CASE("import: changed chat hours are applied and the chat waits for a check", "[hsds]") {
  ImportFixture f("en");
  json& chat_hours = f.VtService()["schedules"][1];
  chat_hours["byday"] = "MO,TU,WE,TH,FR,SA";
  chat_hours["closes_at"] = "21:00:00";
  HsdsImportResult result = f.Run("en");
  CHECK(result.refusals.empty());
  CHECK(Contains(result.changes, "chat hours changed to MO,TU,WE,TH,FR,SA 09:00-21:00"));
  const json& chat = Org(result.directory, "veilig-thuis")["services"][0]["chat"];
  CHECK(chat["schedule"] == json::parse(R"([{"days":["MO","TU","WE","TH","FR","SA"],"opens":"09:00","closes":"21:00"}])"));
  CheckMarkedImported(chat);
  CHECK_FALSE(chat.contains("usually"));  // its source said that of the old hours
}

TEST_CASE("import: schedules that are not weekly local hours are refused", "[hsds]") {
  ImportFixture f;
  json& chat_hours = f.VtService()["schedules"][1];
  SECTION("a UTC offset") {
    chat_hours["opens_at"] = "09:00+01:00";
    CHECK(Refused(f.Run(), "[2].services[0].schedules[1].opens_at", "without a UTC offset"));
  }
  SECTION("a timezone field") {
    chat_hours["timezone"] = 1;
    CHECK(Refused(f.Run(), "[2].services[0].schedules[1].timezone", "cannot follow summer time"));
  }
  SECTION("monthly") {
    chat_hours["freq"] = "MONTHLY";
    CHECK(Refused(f.Run(), "[2].services[0].schedules[1].freq", "only weekly hours"));
  }
  SECTION("a day that does not exist") {
    chat_hours["byday"] = "MO,XX";
    CHECK(Refused(f.Run(), "[2].services[0].schedules[1].byday", "must list days"));
  }
  SECTION("in person") {
    chat_hours["attending_type"] = "in person";
    CHECK(Refused(f.Run(), "[2].services[0].schedules[1].attending_type", "phone hours"));
  }
  SECTION("valid only for a while") {
    chat_hours["valid_to"] = "2027-01-01";
    CHECK(Refused(f.Run(), "[2].services[0].schedules[1].valid_to", "weekly hours in local Dutch time only"));
  }
  HsdsImportResult result = f.Run();
  CHECK(result.changes.empty());
  CHECK(result.directory == f.directory);
}

TEST_CASE("import: a change that would make the directory invalid is refused with the validator's words",
          "[hsds]") {
  ImportFixture f;
  // Veilig Thuis says "day and night"; office hours contradict that.
  f.VtService()["schedules"][0]["byday"] = "MO,TU,WE,TH,FR";
  f.VtService()["schedules"][0]["opens_at"] = "09:00";
  f.VtService()["schedules"][0]["closes_at"] = "17:00";
  f.VtOrg()["name"] = "Veilig Thuis Gelderland-Zuid";
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].services[0].schedules", "says day and night"));
  CHECK(result.changes == std::vector<std::string>{"veilig-thuis: name (nl) changed"});  // the rest still applies
}

TEST_CASE("import: addresses and locations are never taken", "[hsds]") {
  ImportFixture f;
  f.VtOrg()["locations"] = json::parse(
      R"([{"id": "6a0f0b8e-3d4c-4e5f-8a9b-0c1d2e3f4a5b", "location_type": "physical",
           "addresses": [{"id": "7b1f0b8e-3d4c-4e5f-8a9b-0c1d2e3f4a5b", "address_1": "Geheim 1", "city": "Nijmegen"}]}])");
  f.VtService()["service_at_locations"] = json::parse(
      R"([{"id": "8c2f0b8e-3d4c-4e5f-8a9b-0c1d2e3f4a5b",
           "location": {"id": "9d3f0b8e-3d4c-4e5f-8a9b-0c1d2e3f4a5b", "location_type": "physical", "latitude": 51.8}},
          {"id": "ad4f0b8e-3d4c-4e5f-8a9b-0c1d2e3f4a5b",
           "location": {"id": "be5f0b8e-3d4c-4e5f-8a9b-0c1d2e3f4a5b", "location_type": "virtual", "url": "https://x.nl"}}])");
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].locations[0]", "shelter and service addresses are never published"));
  CHECK(Refused(result, "[2].services[0].service_at_locations[0]", "shelter and service addresses are never published"));
  CHECK(Refused(result, "[2].services[0].service_at_locations[1]", "virtual locations are not read"));
  CHECK(result.directory == f.directory);
  CHECK(result.directory.dump().find("Geheim") == std::string::npos);
}

TEST_CASE("import: unknown organisations and services are refused, not created", "[hsds]") {
  ImportFixture f;
  f.document.push_back({{"id", "11111111-2222-4333-8444-555555555555"}, {"name", "Nieuw"}, {"description", "Iets."}});
  f.VtOrg()["services"].push_back({{"id", "66666666-7777-4888-8999-aaaaaaaaaaaa"}, {"name", "Nieuw"}, {"status", "active"}});
  f.VtOrg()["services"].push_back({{"id", "cda8b3dc-c783-470f-9eea-41ec0033e545"}, {"name", "CSG"}, {"status", "active"}});
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[13].id", "add new ones in the editor"));
  CHECK(Refused(result, "[2].services[1].id", "the import only updates existing services"));
  CHECK(Refused(result, "[2].services[2].id", "belongs to the organisation \"centrum-seksueel-geweld\""));
  CHECK(result.directory == f.directory);
}

TEST_CASE("import: nothing residents see is removed", "[hsds]") {
  ImportFixture f;
  f.VtOrg().erase("website");
  f.VtService().erase("phones");
  f.VtService().erase("url");
  f.VtService()["schedules"].erase(1);
  json& politie = ExportedOrg(f.document, kPolice);
  politie.erase("services");
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].website", "does not remove it"));
  CHECK(Refused(result, "[2].services[0].phones", "the phone 0800-2000 is not in the document"));
  CHECK(Refused(result, "[2].services[0].url", "the chat https://veiligthuis.nl is not in the document"));
  CHECK(Refused(result, "[1].services", "does not remove services"));
  CHECK(result.directory == f.directory);
}

TEST_CASE("import: a subset of organisations leaves the others alone", "[hsds]") {
  ImportFixture f;
  f.document = json::array({f.VtOrg()});
  f.document[0]["name"] = "Veilig Thuis!";
  HsdsImportResult result = f.Run();
  CHECK(result.refusals.empty());
  CHECK(result.changes == std::vector<std::string>{"veilig-thuis: name (nl) changed"});
}

TEST_CASE("import: status, languages and area", "[hsds]") {
  ImportFixture f("en");
  // Veilig Thuis lists no languages yet; the document names two.
  f.VtService()["languages"] = json::array({{{"code", "nl"}, {"name", "Dutch"}}, {{"code", "en"}, {"name", "English"}}});
  f.VtService()["service_areas"][0]["name"] = "Gelderland-Zuid";
  json& helpwanted = ExportedOrg(f.document, kHelpwanted)["services"][0];
  helpwanted["status"] = "temporarily closed";
  json& csg = ExportedOrg(f.document, kCsg)["services"][0];
  csg["status"] = "inactive";
  csg["languages"] = json::array({{{"code", "nld"}}});
  HsdsImportResult result = f.Run("en");
  CHECK(Contains(result.changes, "veilig-thuis, service \"Phone and chat\": languages changed to nl, en (the "
                                 "service's facts are unverified now"));
  CHECK(Contains(result.changes, "veilig-thuis, service \"Phone and chat\": area (en) changed"));
  CHECK(Contains(result.changes, "status changed to inactive (residents no longer see it)"));
  CHECK(Refused(result, "[5].services[0].status", "active and inactive only"));
  CHECK(Refused(result, "[4].services[0].languages[0].code", "two-letter ISO 639-1 code"));
  const json& vt = Org(result.directory, "veilig-thuis")["services"][0];
  CHECK(vt["languages"] == json({"nl", "en"}));
  CheckMarkedImported(vt["facts"]);
  CHECK(vt["area"]["en"] == "Gelderland-Zuid");
  CHECK(vt["area"]["nl"] == Org(f.directory, "veilig-thuis")["services"][0]["area"]["nl"]);
  const json& csg_after = Org(result.directory, "centrum-seksueel-geweld")["services"][0];
  CHECK_FALSE(csg_after.contains("languages"));
  CHECK(csg_after["facts"] == Org(f.directory, "centrum-seksueel-geweld")["services"][0]["facts"]);  // refused: unchanged
  // Helpwanted's languages came back as they left: nothing changed there.
  CHECK(Org(result.directory, "helpwanted")["services"][0] == Org(f.directory, "helpwanted")["services"][0]);
}

TEST_CASE("import: changed hours or languages make the service's facts unverified", "[hsds]") {
  ImportFixture f;
  const json& facts_before = Org(f.directory, "veilig-thuis")["services"][0]["facts"];
  REQUIRE(facts_before["verified"] == true);

  SECTION("the hours text") {
    f.VtService()["schedules"][0]["description"] = "Bellen: dag en nacht.";
    HsdsImportResult result = f.Run();
    CHECK(result.refusals.empty());
    CHECK(result.changes == std::vector<std::string>{
                                "veilig-thuis, service \"Bellen en chatten\": hours text (nl) changed (the service's "
                                "facts are unverified now: residents see its hours, cost, anonymity and languages once "
                                "an editor has checked them)"});
    const json& vt = Org(result.directory, "veilig-thuis")["services"][0];
    CHECK(vt["hours"]["nl"] == "Bellen: dag en nacht.");
    CheckMarkedImported(vt["facts"]);
    CHECK(vt["free"] == true);  // the facts stay for the editor to check; residents do not see them
    const json exported = HsdsService(ResidentView(result.directory), kVeiligThuisService, "nl");
    REQUIRE(exported["schedules"].size() == 1);
    CHECK(exported["schedules"][0]["attending_type"] == "virtual");  // the chat has its own source
    // The phones keep theirs, so the number still reaches residents.
    CHECK(exported["phones"][0]["number"] == "0800-2000");
  }
  SECTION("the phone hours") {
    json& kindertelefoon = ExportedOrg(f.document, "6b1d2f8e-4c3a-4e59-9a7d-2f0c8e5b7a41")["services"][0];
    REQUIRE(kindertelefoon["schedules"].size() == 1);
    json& hours = kindertelefoon["schedules"][0];
    hours["freq"] = "WEEKLY";
    hours["byday"] = "MO,TU,WE,TH,FR,SA,SU";
    hours["opens_at"] = "11:00";
    hours["closes_at"] = "21:00";
    HsdsImportResult result = f.Run();
    CHECK(result.refusals.empty());
    CHECK(Contains(result.changes, "phone hours changed to MO,TU,WE,TH,FR,SA,SU 11:00-21:00 (the service's facts are "
                                   "unverified now"));
    CheckMarkedImported(Org(result.directory, "kindertelefoon")["services"][0]["facts"]);
  }
  SECTION("a service without a facts source gets an unverified one") {
    json& moviera = ExportedOrg(f.document, kMoviera)["services"][0];
    REQUIRE_FALSE(moviera.contains("schedules"));  // its hours text has no source, so it never left
    moviera["languages"] = json::array({{{"code", "nl"}}});
    HsdsImportResult result = f.Run();
    CHECK(result.refusals.empty());
    const json& service = Org(result.directory, "moviera")["services"][0];
    CHECK(service["languages"] == json({"nl"}));
    CheckMarkedImported(service["facts"]);
  }
  SECTION("languages exported as they are change nothing") {
    HsdsImportResult result = f.Run();
    CHECK(result.changes.empty());
    CHECK(Org(result.directory, "veilig-thuis")["services"][0]["facts"] == facts_before);
  }
}

TEST_CASE("import: fields Hulpwijzer does not keep are reported, derived ones ignored", "[hsds]") {
  ImportFixture f;
  f.VtOrg()["email"] = "info@veiligthuis.nl";
  f.VtService()["fees_description"] = "anything";
  f.VtService()["assured_date"] = "2000-01-01";
  f.VtService()["schedules"][0]["notes"] = "something else";
  f.VtService()["schedules"][1]["notes"] = "Lokale tijd.";  // without the chat's "usually" note
  ExportedOrg(f.document, kHelpwanted)["services"][0]["languages"][0]["name"] = "Dutch";
  f.VtService()["eligibility_description"] = "Iedereen.";
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].email", "does not keep \"email\""));
  CHECK(Refused(result, "[2].services[0].eligibility_description", "does not keep"));
  CHECK(result.refusals.size() == 2);
  CHECK(result.changes.empty());
  CHECK(result.directory == f.directory);  // "usually" is not read back from notes
}

TEST_CASE("import: a new chat needs a description and is added unverified", "[hsds]") {
  ImportFixture f;
  json& csg = ExportedOrg(f.document, kCsg)["services"][0];
  csg["url"] = "https://centrumseksueelgeweld.nl/chat";
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[4].services[0].url", "a new chat also needs a schedule with attending_type \"virtual\""));
  csg["schedules"].push_back({{"attending_type", "virtual"}, {"description", "Chatten via de website."}});
  result = f.Run();
  CHECK(result.refusals.empty());
  const json& chat = Org(result.directory, "centrum-seksueel-geweld")["services"][0]["chat"];
  CHECK(chat["url"] == "https://centrumseksueelgeweld.nl/chat");
  CHECK(chat["verified"] == false);
  CHECK(chat["description"]["en"] == "Chatten via de website.");
  CHECK_FALSE(chat.contains("schedule"));
}

TEST_CASE("import into a draft that has problems: they stay, and no change may add one", "[hsds]") {
  ImportFixture f;
  Org(f.directory, "moviera")["description"].erase("en");  // an editor's unfinished draft
  const Problems before = ValidateDirectory(f.directory);
  REQUIRE(before.size() == 1);
  f.VtOrg()["name"] = "Veilig Thuis!";
  f.VtService()["languages"] = json::array({{{"code", "nl"}}, {{"code", "en"}}});
  f.VtPhone()["type"] = "text";
  HsdsImportResult result = ImportHsds(f.document, f.directory, "nl", kDate);
  INFO(Dump(result));
  CHECK(result.refusals.empty());
  CHECK(result.changes.size() == 3);
  CHECK(Contains(result.changes, "phone 0800-2000 changed to 0800-2000 (text)"));
  const Problems after = ValidateDirectory(result.directory);
  REQUIRE(after.size() == 1);
  CHECK(after[0].ToString() == before[0].ToString());
  // A change that adds a problem is still refused: Veilig Thuis says "day and night".
  f.VtService()["schedules"][0]["byday"] = "MO";
  f.VtService()["schedules"][0]["opens_at"] = "09:00";
  f.VtService()["schedules"][0]["closes_at"] = "10:00";
  result = ImportHsds(f.document, f.directory, "nl", kDate);
  CHECK(Refused(result, "[2].services[0].schedules", "says day and night"));
}

// Every place in `value` as a JSON pointer, the value itself first.
void Pointers(const json& value, const json::json_pointer& at, std::vector<json::json_pointer>* out) {
  out->push_back(at);
  if (value.is_object())
    for (auto it = value.begin(); it != value.end(); ++it) Pointers(it.value(), at / it.key(), out);
  if (value.is_array())
    for (size_t i = 0; i < value.size(); ++i) Pointers(value[i], at / i, out);
}

TEST_CASE("import and export read any draft without crashing, and add no problem to it", "[hsds]") {
  // Veilig Thuis alone (it has every kind of detail), so that hundreds of imports stay fast.
  json directory = RealDirectory();
  directory["organizations"] = json::array({Org(directory, "veilig-thuis")});
  REQUIRE(ValidateDirectory(directory).empty());
  // A document that makes every kind of change.
  json document = HsdsOrganizations(ResidentView(directory), "nl");
  json& vt = ExportedOrg(document, kVeiligThuis);
  vt["name"] = "Veilig Thuis!";
  vt["website"] = "https://veiligthuis.nl/nijmegen";
  json& service = vt["services"][0];
  service["url"] = "https://chat.veiligthuis.nl";
  service["phones"][0]["number"] = "0800-2001";
  service["phones"][0]["description"] = "Altijd. Kosten: 1 cent";
  service["phones"].push_back({{"number", "030-123 45 67"}, {"description", "Nieuw. Kosten: Beltarief"}});
  service["schedules"][0]["description"] = "Altijd.";
  service["schedules"][1]["closes_at"] = "18:00";
  service["languages"] = json::array({{{"code", "nl"}}});
  service["service_areas"][0]["name"] = "Hier.";

  // Each value of the draft removed, or replaced by one of another type.
  const json::json_pointer root;
  std::vector<json::json_pointer> places;
  Pointers(directory, root, &places);
  std::vector<std::string> failures;
  size_t runs = 0;
  for (const json::json_pointer& place : places) {
    const json& original = directory[place];
    std::vector<std::function<void(json&)>> damages = {
        [&](json& d) { d[place] = 7; },
        [&](json& d) { d[place] = original.is_string() ? json::object() : json("x"); }};
    if (place != root)
      damages.push_back([&](json& d) {
        json& parent = d[place.parent_pointer()];
        if (parent.is_object()) parent.erase(place.back());
        else parent.erase(std::stoul(place.back()));
      });
    for (const auto& damage : damages) {
      json draft = directory;
      damage(draft);
      ++runs;
      try {
        (void)HsdsOrganizations(draft, "nl");
        const HsdsImportResult result = ImportHsds(document, draft, "nl", kDate);
        std::set<std::string> known;
        for (const Problem& issue : ValidateDirectory(draft)) known.insert(issue.ToString());
        for (const Problem& issue : ValidateDirectory(result.directory))
          if (!known.count(issue.ToString())) failures.push_back(place.to_string() + ": added " + issue.ToString());
      } catch (const std::exception& e) {
        failures.push_back(place.to_string() + ": threw " + e.what());
      }
    }
  }
  CHECK(runs > 200);
  std::string report;
  for (const std::string& failure : failures) report += failure + "\n";
  INFO(report);
  CHECK(failures.empty());
}

TEST_CASE("import: the document itself must be right", "[hsds]") {
  const json directory = RealDirectory();
  CHECK(Refused(ImportHsds(json::object(), directory, "nl", kDate), "", "a JSON array of organizations"));
  CHECK(Refused(ImportHsds(json::array(), directory, "de", kDate), "", "must be nl or en"));
  CHECK(Refused(ImportHsds(json::array({1}), directory, "nl", kDate), "[0]", "must be an HSDS organization"));
  CHECK(Refused(ImportHsds(json::array({{{"name", "x"}}}), directory, "nl", kDate), "[0].id", "is missing"));
  json damaged = directory;
  damaged["organizations"][3]["services"] = "none";
  CHECK(Refused(ImportHsds(json::array(), damaged, "nl", kDate), "", "damaged"));
  CHECK(Refused(ImportHsds(json::array(), json("text"), "nl", kDate), "", "damaged"));
  const HsdsImportResult today = ImportHsds(json::array(), directory, "nl");
  CHECK(today.refusals.empty());
}

}  // namespace
}  // namespace hw::domain

namespace hw::domain {
namespace {

// Issue 12, finding 3: a very long id is refused without being echoed whole.
TEST_CASE("an unknown organisation id of 40,000 characters is refused briefly", "[hsds]") {
  const nlohmann::json document = nlohmann::json::array({{{"id", std::string(40'000, '0')}, {"name", "X"}}});
  const HsdsImportResult imported = ImportHsds(document, testing::RealDirectory(), "nl");
  REQUIRE(imported.refusals.size() == 1);
  CHECK(imported.refusals[0].reason.size() < 400);
  CHECK_THAT(imported.refusals[0].reason, Catch::Contains("no organisation has the id"));
}

}  // namespace
}  // namespace hw::domain
