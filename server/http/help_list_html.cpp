#include "http/help_list_html.h"

#include <map>

#include "domain/reachability.h"
#include "domain/vocabulary.h"
#include "http/html_escape.h"

namespace hw::http {
namespace {

using nlohmann::json;

// The headings of "Alle hulp", B1 Dutch, per category; the categories and their order are
// the vocabulary's (domain/vocabulary.h).
const std::map<std::string, std::string> kHeadings = {
    {"emergency", "Direct gevaar of politie"},
    {"domestic-violence", "Geweld thuis of door een (ex-)partner"},
    {"sexual-violence", "Seksueel geweld"},
    {"victim-support", "Steun en andere hulp"},
    {"professional", "Voor professionals"},
    {"programme", "Aanpak in Nijmegen en de regio"},
};

std::string Nl(const json& text) { return EscapeHtml(text.value("nl", "")); }

std::string PhoneItem(const json& phone) {
  return "<li><a class=\"help-call\" href=\"tel:" + EscapeHtml(phone["tel"].get<std::string>()) + "\">Bel " +
         EscapeHtml(phone["number"].get<std::string>()) + "</a> <span class=\"help-cost\">" + Nl(phone["cost"]) +
         "</span></li>";
}

std::string Service(const json& service) {
  std::string html = "<p>" + Nl(service["description"]) + "</p><ul class=\"help-contact\">";
  for (const json& phone : service["phones"]) html += PhoneItem(phone);
  if (service.contains("chat")) {
    html += "<li><a href=\"" + EscapeHtml(service["chat"]["url"].get<std::string>()) +
            "\" rel=\"noreferrer noopener\">Chat</a>: " + Nl(service["chat"]["description"]) + "</li>";
  }
  html += "</ul>";
  std::string facts;
  if (service.contains("hours")) facts += Nl(service["hours"]);
  facts += service.value("free", false) ? " Gratis." : "";
  facts += service.value("anonymous", false) ? " Je mag anoniem blijven." : "";
  return facts.empty() ? html : html + "<p class=\"help-facts\">" + facts + "</p>";
}

std::string Organization(const json& org, bool reachable) {
  const std::string key = EscapeHtml(org["key"].get<std::string>());
  std::string html = "<article class=\"help-org\" id=\"hulp-" + key + "\"><h4>" + Nl(org["name"]) + "</h4>";
  if (reachable) html += "<p class=\"help-now\"><strong>Nu bereikbaar</strong></p>";
  if (org["services"].empty()) html += "<p>" + Nl(org["description"]) + "</p>";
  for (const json& service : org["services"]) html += Service(service);
  if (org.contains("website")) {
    const std::string url = EscapeHtml(org["website"]["url"].get<std::string>());
    html += "<p><a href=\"" + url + "\" rel=\"noreferrer noopener\">" + url.substr(8) + "</a></p>";
  }
  return html + "</article>";
}

}  // namespace

std::string CategoryHeading(const std::string& category) {
  const auto found = kHeadings.find(category);
  return found == kHeadings.end() ? std::string() : found->second;
}

std::string HelpListHtml(const json& resident_directory, domain::LocalMoment now) {
  std::string html = "<div class=\"help-list\">";
  for (const std::string& category : domain::EmbeddedVocabulary().categories) {
    std::string reachable, later;
    for (const json& org : resident_directory["organizations"]) {
      if (org.value("category", "") != category) continue;
      const bool open = domain::ReachableAt(org, now);
      (open ? reachable : later) += Organization(org, open);
    }
    const std::string items = reachable + later;
    if (items.empty()) continue;
    html += "<section class=\"help-group\" aria-labelledby=\"groep-" + category + "\"><h3 id=\"groep-" + category + "\">" +
            EscapeHtml(CategoryHeading(category)) + "</h3>" + items + "</section>";
  }
  return html + "</div>";
}

}  // namespace hw::http
