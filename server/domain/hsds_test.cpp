// The HSDS export, list and page shapes, and the import: mapping, privacy (nothing
// unverified leaves), stable ids, the round trip on the real directory, and one test per
// import rule. The official schemas are checked by tests/hsds/test_hsds.py.
#include "domain/hsds.h"

#include <catch2/catch.hpp>

#include <functional>
#include <regex>
#include <set>

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
const char* const kDate = "2026-12-01";

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

TEST_CASE("Veilig Thuis in HSDS: phone with its cost, phone and chat hours, languages, area", "[hsds]") {
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
  CHECK(service["assured_date"] == "2026-11-28");

  REQUIRE(service["phones"].size() == 1);
  const json& phone = service["phones"][0];
  CHECK(phone["id"] == "1749a395-da31-458f-92ce-c2f3791a9ed0");
  CHECK(phone["number"] == "0800-2000");
  CHECK(phone["type"] == "voice");
  CHECK(phone["description"] ==
        "Dag en nacht, anoniem als je wilt. Je wordt doorverbonden met je eigen regio. Kosten: Gratis");
  CHECK(ExportedOrg(en, kVeiligThuis)["services"][0]["phones"][0]["description"] ==
        "Day and night, anonymous if you want. You are put through to your own region. Cost: Free");

  REQUIRE(service["schedules"].size() == 2);
  const json& phone_hours = service["schedules"][0];
  CHECK(phone_hours["freq"] == "WEEKLY");
  CHECK(phone_hours["byday"] == "MO,TU,WE,TH,FR,SA,SU");
  CHECK(phone_hours["opens_at"] == "00:00");
  CHECK(phone_hours["closes_at"] == "23:59");
  CHECK(phone_hours["description"] ==
        "Bellen: dag en nacht. Chat: maandag tot en met vrijdag, van 9.00 tot 17.00 uur.");
  CHECK(phone_hours["notes"] == "Lokale tijd in Nederland (Europe/Amsterdam).");
  CHECK_FALSE(phone_hours.contains("attending_type"));
  CHECK_FALSE(phone_hours.contains("timezone"));  // a fixed UTC offset; summer time makes it wrong
  const json& chat_hours = service["schedules"][1];
  CHECK(chat_hours["attending_type"] == "virtual");
  CHECK(chat_hours["byday"] == "MO,TU,WE,TH,FR");
  CHECK(chat_hours["opens_at"] == "09:00");
  CHECK(chat_hours["closes_at"] == "17:00");
  CHECK(chat_hours["description"] ==
        "Anoniem chatten voor advies, via veiligthuis.nl. Een melding doe je via de telefoon.");

  REQUIRE(service["languages"].size() == 1);
  CHECK(service["languages"][0]["code"] == "nl");
  CHECK(service["languages"][0]["name"] == "Nederlands");
  CHECK(ExportedOrg(en, kVeiligThuis)["services"][0]["languages"][0]["name"] == "Dutch");
  REQUIRE(service["service_areas"].size() == 1);
  CHECK(service["service_areas"][0]["name"] ==
        "Heel Nederland. Je wordt doorverbonden met Veilig Thuis in je eigen regio.");
}

TEST_CASE("a chat with unknown hours is a virtual schedule without times", "[hsds]") {
  json document = HsdsOrganizations(ResidentView(RealDirectory()), "en");
  const json& police = ExportedOrg(document, "c25c0d6f-2595-47b2-bb01-9d3cf2fbe8d1")["services"][0];
  CHECK(police["url"] == "https://politie.nl");
  CHECK(police["fees_description"] == "0900-8844: You pay a start fee plus a charge per minute.");
  REQUIRE(police["schedules"].size() == 2);
  CHECK(police["schedules"][0] == json({{"id", police["schedules"][0]["id"]},
                                        {"service_id", police["id"]},
                                        {"description", "We do not know the hours. See politie.nl."}}));
  CHECK(police["schedules"][1]["attending_type"] == "virtual");
  CHECK(police["schedules"][1]["description"] == "Chat with a virtual assistant on politie.nl.");
  CHECK_FALSE(police["schedules"][1].contains("opens_at"));
}

TEST_CASE("nothing unverified leaves, even when the full directory is passed in", "[hsds]") {
  json directory = RealDirectory();
  json& vt = Org(directory, "veilig-thuis");
  vt["website"]["verified"] = false;
  vt["services"][0]["chat"]["verified"] = false;
  vt["services"][0]["phones"][0]["verified"] = false;
  json& moviera = Org(directory, "moviera");
  moviera["services"][0]["status"] = "inactive";
  for (const json& input : {directory, ResidentView(directory)}) {
    const std::string text = HsdsOrganizations(input, "nl").dump();
    CHECK(text.find("0800-2000") == std::string::npos);
    CHECK(text.find("https://veiligthuis.nl") == std::string::npos);
    CHECK(text.find("e24f564a-36a6-4b92-a1d1-b47ea6cc600f") == std::string::npos);  // the inactive service
    CHECK(text.find("todo") == std::string::npos);
    CHECK(text.find("Controleer") == std::string::npos);
    CHECK(HsdsService(input, "e24f564a-36a6-4b92-a1d1-b47ea6cc600f", "nl").is_null());
  }
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
  vt["website"]["verified"] = false;
  const json exported = HsdsOrganizations(ResidentView(directory), "nl");
  const HsdsImportResult result = ImportHsds(exported, directory, "nl", kDate);
  INFO(Dump(result));
  CHECK(result.changes.empty());
  CHECK(result.refusals.empty());
  CHECK(result.directory == directory);
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

TEST_CASE("import: a changed number becomes unverified, a changed text keeps its provenance", "[hsds]") {
  ImportFixture f;
  f.VtPhone()["number"] = "0800-2001";
  f.VtPhone()["description"] = "Altijd bereikbaar. Kosten: Gratis, altijd";
  HsdsImportResult result = f.Run();
  CHECK(Contains(result.changes, "veilig-thuis, service \"Bellen en chatten\": phone 0800-2000 changed to 0800-2001"));
  CHECK(Contains(result.changes, "description of phone 0800-2001 (nl) changed"));
  CHECK(Contains(result.changes, "cost of phone 0800-2001 (nl) changed"));
  const json& phone = Org(result.directory, "veilig-thuis")["services"][0]["phones"][0];
  CHECK(phone["number"] == "0800-2001");
  CHECK(phone["tel"] == "+318002001");
  CHECK(phone["verified"] == false);
  CHECK(phone["source"] == "HSDS import 2026-12-01");
  CHECK(phone["checked"] == "2026-12-01");
  CHECK(phone["description"]["nl"] == "Altijd bereikbaar.");
  CHECK(phone["cost"]["nl"] == "Gratis, altijd");
  // Residents no longer see the unchecked number.
  CHECK(HsdsOrganizations(ResidentView(result.directory), "nl").dump().find("0800-2001") == std::string::npos);

  ImportFixture texts;
  texts.VtPhone()["description"] = "Altijd bereikbaar. Kosten: Gratis";
  result = texts.Run();
  const json& kept = Org(result.directory, "veilig-thuis")["services"][0]["phones"][0];
  CHECK(kept["verified"] == true);
  CHECK(kept["source"] == "utrecht.nl (hulp bij huiselijk geweld); scherpenzeel.nl");
}

TEST_CASE("import: a number written differently with the same digits keeps its provenance", "[hsds]") {
  ImportFixture f;
  f.VtPhone()["number"] = "0800 2000";
  HsdsImportResult result = f.Run();
  CHECK(result.changes == std::vector<std::string>{
                              "veilig-thuis, service \"Bellen en chatten\": phone 0800-2000 is now written 0800 2000"});
  CHECK(Org(result.directory, "veilig-thuis")["services"][0]["phones"][0]["verified"] == true);
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
  CHECK(org["website"]["verified"] == false);
  CHECK(org["services"][0]["chat"]["url"] == "https://chat.veiligthuis.nl");
  CHECK(org["services"][0]["chat"]["verified"] == false);
  CHECK(org["services"][0]["chat"]["source"] == "HSDS import 2026-12-01");
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
  CHECK(chat["verified"] == false);
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
  CHECK(Refused(result, "[12].id", "add new ones in the editor"));
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
  json& politie = ExportedOrg(f.document, "c25c0d6f-2595-47b2-bb01-9d3cf2fbe8d1");
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
  f.VtService()["languages"].push_back({{"code", "en"}, {"name", "English"}});
  f.VtService()["service_areas"][0]["name"] = "Gelderland-Zuid";
  json& helpwanted = ExportedOrg(f.document, "81d82c29-2496-4bb9-9982-6c96f34ca8fb")["services"][0];
  helpwanted["status"] = "temporarily closed";
  json& csg = ExportedOrg(f.document, "19be3fd4-17d9-4305-8910-3e61fb4b1ad3")["services"][0];
  csg["status"] = "inactive";
  csg["languages"][0]["code"] = "nld";
  HsdsImportResult result = f.Run("en");
  CHECK(Contains(result.changes, "veilig-thuis, service \"Phone and chat\": languages changed to nl, en"));
  CHECK(Contains(result.changes, "veilig-thuis, service \"Phone and chat\": area (en) changed"));
  CHECK(Contains(result.changes, "status changed to inactive (residents no longer see it)"));
  CHECK(Refused(result, "[5].services[0].status", "active and inactive only"));
  CHECK(Refused(result, "[4].services[0].languages[0].code", "two-letter ISO 639-1 code"));
  const json& vt = Org(result.directory, "veilig-thuis")["services"][0];
  CHECK(vt["languages"] == json({"nl", "en"}));
  CHECK(vt["area"]["en"] == "Gelderland-Zuid");
  CHECK(vt["area"]["nl"] == Org(f.directory, "veilig-thuis")["services"][0]["area"]["nl"]);
}

TEST_CASE("import: fields Hulpwijzer does not keep are reported, derived ones ignored", "[hsds]") {
  ImportFixture f;
  f.VtOrg()["email"] = "info@veiligthuis.nl";
  f.VtService()["fees_description"] = "anything";
  f.VtService()["assured_date"] = "2000-01-01";
  f.VtService()["schedules"][0]["notes"] = "something else";
  f.VtService()["languages"][0]["name"] = "Dutch";
  f.VtService()["eligibility_description"] = "Iedereen.";
  HsdsImportResult result = f.Run();
  CHECK(Refused(result, "[2].email", "does not keep \"email\""));
  CHECK(Refused(result, "[2].services[0].eligibility_description", "does not keep"));
  CHECK(result.refusals.size() == 2);
  CHECK(result.changes.empty());
}

TEST_CASE("import: a new chat needs a description and is added unverified", "[hsds]") {
  ImportFixture f;
  json& csg = ExportedOrg(f.document, "19be3fd4-17d9-4305-8910-3e61fb4b1ad3")["services"][0];
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
  const ValidationIssues before = ValidateDirectory(f.directory);
  REQUIRE(before.size() == 1);
  f.VtOrg()["name"] = "Veilig Thuis!";
  f.VtService()["languages"] = json::array({{{"code", "nl"}}, {{"code", "en"}}});
  f.VtPhone()["type"] = "text";
  HsdsImportResult result = ImportHsds(f.document, f.directory, "nl", kDate);
  INFO(Dump(result));
  CHECK(result.refusals.empty());
  CHECK(result.changes.size() == 3);
  CHECK(Contains(result.changes, "phone 0800-2000 changed to 0800-2000 (text)"));
  const ValidationIssues after = ValidateDirectory(result.directory);
  REQUIRE(after.size() == 1);
  CHECK(after[0].ToString() == before[0].ToString());
  // A change that adds a problem is still refused: Veilig Thuis says "day and night".
  f.VtService()["schedules"][0]["byday"] = "MO";
  f.VtService()["schedules"][0]["opens_at"] = "09:00";
  f.VtService()["schedules"][0]["closes_at"] = "10:00";
  result = ImportHsds(f.document, f.directory, "nl", kDate);
  CHECK(Refused(result, "[2].services[0].schedules", "says day and night"));
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
