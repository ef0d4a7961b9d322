#include "domain/directory_editor.h"

#include "domain/json_diff.h"
#include "domain/text_bounds.h"

#include <ctime>

namespace hw::domain {
namespace {

using nlohmann::json;

constexpr int64_t kStaleAfterSeconds = 183 * 24 * 3600;  // six months

std::string Pretty(const json& document) { return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

ValidationIssues Check(const std::string& directory, const std::string& questionnaire) {
  return CheckPublication(directory, questionnaire, "directory", "questionnaire").issues;
}

// Seconds since the epoch of an ISO date (UTC midnight), or -1.
int64_t DateSeconds(const std::string& date) {
  std::tm tm{};
  if (date.size() != 10 || !strptime(date.c_str(), "%Y-%m-%d", &tm)) return -1;
  return static_cast<int64_t>(timegm(&tm));
}

void RewriteOrganizations(json& node, const std::map<std::string, std::string>& replacements) {
  if (node.is_object()) {
    if (node.contains("organization") && node["organization"].is_string()) {
      const auto it = replacements.find(node["organization"].get<std::string>());
      if (it != replacements.end()) node["organization"] = it->second;
    }
    for (auto& [key, value] : node.items()) RewriteOrganizations(value, replacements);
  } else if (node.is_array()) {
    for (auto& item : node) RewriteOrganizations(item, replacements);
  }
}

// Refuses (before anything is stored) a draft with a text over its bound.
Status RefuseUnbounded(const json& directory, const json& questionnaire, ValidationIssues* refused) {
  ValidationIssues issues = CheckTextBounds(directory, "directory");
  for (auto& issue : CheckTextBounds(questionnaire, "questionnaire")) issues.push_back(std::move(issue));
  if (issues.empty()) return Status::Ok();
  const std::string first = issues[0].ToString();
  if (refused) *refused = std::move(issues);
  return Status::InvalidArgument("the draft was not saved: " + first);
}

}  // namespace

Result<ValidationIssues> DirectoryEditor::BindingIssues(const std::string& directory_text) {
  auto versions = store_.Versions();
  if (!versions.ok()) return versions.status();
  std::lock_guard<std::mutex> lock(bindings_mutex_);
  const int64_t newest = versions->empty() ? 0 : versions->front().version;
  if (newest != bindings_version_) {
    auto learnt = PublishedBindings(store_);
    if (!learnt.ok()) return learnt.status();
    bindings_ = std::move(learnt.value());
    bindings_version_ = newest;
  }
  return bindings_.Check(json::parse(directory_text, nullptr, false), "directory");
}

Status DirectoryEditor::AddBindingIssues(const std::string& directory_text, ValidationIssues* issues) {
  auto bindings = BindingIssues(directory_text);
  if (!bindings.ok()) return bindings.status();
  issues->insert(issues->end(), bindings->begin(), bindings->end());
  return Status::Ok();
}

std::string DirectoryEditor::ContactSettingsNote(const json& next) {
  auto current = store_.Current();
  if (!current.ok() || !current.value()) return "";
  const json changes = ContactSettingChanges(json::parse(current.value()->directory, nullptr, false), next);
  return changes.empty() ? "" : "; contact settings: " + DescribeChanges(changes);
}

void DirectoryEditor::Audit(const std::string& editor, const std::string& action, const std::string& target) {
  audit_.Append({0, now_(), editor, action, "", target});
}

Result<DraftView> DirectoryEditor::OpenDraft(const std::string& editor) {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) {
    auto current = store_.Current();
    if (!current.ok()) return current.status();
    if (!current.value()) return Status::NotFound("nothing has been published yet");
    auto revision = store_.SaveDraft(0, current.value()->version, current.value()->directory,
                                     current.value()->questionnaire, now_(), editor);
    if (!revision.ok()) return revision.status();
    draft = store_.GetDraft();
    if (!draft.ok()) return draft.status();
    Audit(editor, "start_draft", "version " + std::to_string(current.value()->version));
  }
  DraftView view{*draft.value(), {}};
  view.issues = Check(view.draft.directory, view.draft.questionnaire);
  if (Status s = AddBindingIssues(view.draft.directory, &view.issues); !s.ok()) return s;
  return view;
}

Result<DraftView> DirectoryEditor::SaveDraft(const std::string& editor, int64_t revision, const json& directory,
                                             const std::optional<json>& questionnaire,
                                             const std::map<std::string, std::string>& replacements,
                                             ValidationIssues* refused) {
  auto existing = store_.GetDraft();
  if (!existing.ok()) return existing.status();
  if (!existing.value()) return Status::NotFound("there is no draft; open it first");
  json rules = questionnaire ? *questionnaire : json::parse(existing.value()->questionnaire, nullptr, false);
  if (!replacements.empty()) RewriteOrganizations(rules["rules"], replacements);
  if (Status s = RefuseUnbounded(directory, rules, refused); !s.ok()) return s;
  auto saved = store_.SaveDraft(revision, existing.value()->based_on, Pretty(directory), Pretty(rules), now_(), editor);
  if (!saved.ok()) return saved.status();
  Audit(editor, "save_draft", "revision " + std::to_string(saved.value()));
  auto draft = store_.GetDraft();
  if (!draft.ok() || !draft.value()) return Status::Internal("the saved draft cannot be read back");
  DraftView view{*draft.value(), Check(draft.value()->directory, draft.value()->questionnaire)};
  if (Status s = AddBindingIssues(view.draft.directory, &view.issues); !s.ok()) return s;
  return view;
}

Status DirectoryEditor::DiscardDraft(const std::string& editor) {
  if (Status s = store_.DeleteDraft(); !s.ok()) return s;
  Audit(editor, "discard_draft", "");
  return Status::Ok();
}

Result<int64_t> DirectoryEditor::Publish(const std::string& editor, int64_t revision, const std::string& note,
                                         ValidationIssues* issues) {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) return Status::NotFound("there is no draft to publish");
  PublicationCheck check = CheckPublication(draft.value()->directory, draft.value()->questionnaire, "directory", "questionnaire");
  if (Status s = AddBindingIssues(draft.value()->directory, &check.issues); !s.ok()) return s;
  if (!check.issues.empty()) {
    *issues = check.issues;
    return Status::InvalidArgument("the draft has " + std::to_string(check.issues.size()) + " problem(s); fix them first");
  }
  const std::string contact_note = ContactSettingsNote(check.publication.directory);
  auto version = store_.PublishDraft(revision, editor, note);
  if (!version.ok()) return version.status();
  Audit(editor, "publish", "version " + std::to_string(version.value()) + contact_note);
  on_published_(check.publication, version.value());
  return version;
}

Result<int64_t> DirectoryEditor::Restore(const std::string& editor, int64_t version, const std::string& note) {
  auto old = store_.Version(version);
  if (!old.ok()) return old.status();
  if (!old.value()) return Status::NotFound("there is no version " + std::to_string(version));
  const PublicationCheck check = CheckPublication(old.value()->directory, old.value()->questionnaire, "directory", "questionnaire");
  if (!check.issues.empty())
    return Status::FailedPrecondition("version " + std::to_string(version) + " does not pass today's checks: " +
                                      check.issues[0].ToString());
  auto bindings = BindingIssues(old.value()->directory);
  if (!bindings.ok()) return bindings.status();
  if (!bindings->empty())
    return Status::FailedPrecondition("version " + std::to_string(version) + " cannot be restored: " + bindings->front().ToString());
  const std::string contact_note = ContactSettingsNote(check.publication.directory);
  auto restored = store_.Publish(old.value()->directory, old.value()->questionnaire, editor,
                                 note.empty() ? "restored version " + std::to_string(version) : note);
  if (!restored.ok()) return restored.status();
  Audit(editor, "restore", "version " + std::to_string(version) + " as " + std::to_string(restored.value()) + contact_note);
  on_published_(check.publication, restored.value());
  return restored;
}

Result<std::pair<std::string, std::string>> DirectoryEditor::Texts(const std::string& which) {
  if (which == "draft") {
    auto draft = store_.GetDraft();
    if (!draft.ok()) return draft.status();
    if (!draft.value()) return Status::NotFound("there is no draft");
    return std::make_pair(draft.value()->directory, draft.value()->questionnaire);
  }
  char* end = nullptr;
  const long long number = std::strtoll(which.c_str(), &end, 10);
  if (which.empty() || *end) return Status::InvalidArgument("\"" + which + "\" is not a version number or \"draft\"");
  auto version = store_.Version(number);
  if (!version.ok()) return version.status();
  if (!version.value()) return Status::NotFound("there is no version " + which);
  return std::make_pair(version.value()->directory, version.value()->questionnaire);
}

Result<json> DirectoryEditor::Diff(const std::string& from, const std::string& to) {
  auto a = Texts(from);
  if (!a.ok()) return a.status();
  auto b = Texts(to);
  if (!b.ok()) return b.status();
  const json before = {{"directory", json::parse(a->first, nullptr, false)}, {"questionnaire", json::parse(a->second, nullptr, false)}};
  const json after = {{"directory", json::parse(b->first, nullptr, false)}, {"questionnaire", json::parse(b->second, nullptr, false)}};
  json changes = JsonDiff(before, after);
  for (json& change : changes)
    if (change["path"].get<std::string>().rfind("directory.", 0) == 0 &&
        IsContactSettingPath(change["path"].get<std::string>().substr(10)))
      change["contact_settings"] = true;
  return changes;
}

Result<json> DirectoryEditor::Attention() {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  std::string text;
  if (draft.value()) {
    text = draft.value()->directory;
  } else {
    auto current = store_.Current();
    if (!current.ok()) return current.status();
    if (!current.value()) return json::array();
    text = current.value()->directory;
  }
  const json directory = json::parse(text, nullptr, false);
  json items = json::array();
  if (!directory.is_object() || !directory.contains("organizations")) return items;
  const int64_t now = now_();
  for (const json& org : directory["organizations"]) {
    const std::string key = org.value("key", "");
    auto detail = [&](const json& d, const std::string& field) {
      if (!d.is_object()) return;
      if (!d.value("verified", false))
        items.push_back({{"organization", key}, {"field", field}, {"reason", "unverified"}, {"checked", d.value("checked", "")}});
      const int64_t checked = DateSeconds(d.value("checked", ""));
      if (checked >= 0 && now - checked > kStaleAfterSeconds)
        items.push_back({{"organization", key}, {"field", field}, {"reason", "stale"}, {"checked", d.value("checked", "")}});
    };
    if (org.contains("todo"))
      for (size_t i = 0; i < org["todo"].size(); ++i)
        items.push_back({{"organization", key}, {"field", "todo[" + std::to_string(i) + "]"}, {"reason", "todo"}, {"text", org["todo"][i]}});
    if (org.contains("website")) detail(org["website"], "website");
    for (size_t s = 0; s < org.value("services", json::array()).size(); ++s) {
      const json& service = org["services"][s];
      const std::string prefix = "services[" + std::to_string(s) + "]";
      for (size_t p = 0; p < service.value("phones", json::array()).size(); ++p)
        detail(service["phones"][p], prefix + ".phones[" + std::to_string(p) + "]");
      if (service.contains("chat")) detail(service["chat"], prefix + ".chat");
    }
  }
  return items;
}

}  // namespace hw::domain
