#include "domain/directory_editor.h"

#include "domain/amsterdam_time.h"
#include "domain/directory_json.h"
#include "domain/detail_changes.h"
#include "domain/freshness.h"
#include "domain/json_diff.h"
#include "domain/text_bounds.h"

#include <algorithm>

namespace hw::domain {
namespace {

using nlohmann::json;

std::string Pretty(const json& document) { return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

PublicationCheck CheckAt(const std::string& directory, const std::string& questionnaire, int64_t now) {
  return CheckPublication(directory, questionnaire, "directory", "questionnaire", AmsterdamDay(now));
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
Status RefuseUnbounded(const json& directory, const json& questionnaire, Problems* refused) {
  Problems issues = CheckTextBounds(directory, "directory");
  for (auto& issue : CheckTextBounds(questionnaire, "questionnaire")) issues.push_back(std::move(issue));
  if (issues.empty()) return Status::Ok();
  const std::string first = issues[0].ToString();
  if (refused) *refused = std::move(issues);
  return Status::InvalidArgument("the draft was not saved: " + first).WithReason(Reason::kDraftRefused);
}

}  // namespace

Result<int64_t> DirectoryEditor::Audited(const std::string& editor, const std::string& action,
                                         const std::function<Result<int64_t>()>& change,
                                         const std::function<std::string(int64_t)>& target) {
  std::optional<int64_t> made;
  const Status done = audit_.AppendAfter([&]() -> Result<store::AuditRow> {
    auto result = change();
    if (!result.ok()) return result.status();
    made = result.value();
    return store::AuditRow{0, now_(), editor, action, "", target(result.value())};
  });
  if (!done.ok()) return done;
  return *made;
}

Result<Problems> DirectoryEditor::BindingIssues(const std::string& directory_text) {
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

Status DirectoryEditor::AddBindingIssues(const std::string& directory_text, Problems* issues) {
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

Result<DraftView> DirectoryEditor::OpenDraft(const std::string& editor) {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) {
    auto current = store_.Current();
    if (!current.ok()) return current.status();
    if (!current.value()) return Status::NotFound("nothing has been published yet");
    const std::string based_on = "version " + std::to_string(current.value()->version);
    auto revision = Audited(
        editor, "start_draft",
        [&] {
          return store_.SaveDraft(0, current.value()->version, current.value()->directory, current.value()->questionnaire,
                                  now_(), editor);
        },
        [&](int64_t) { return based_on; });
    if (!revision.ok()) return revision.status();
    draft = store_.GetDraft();
    if (!draft.ok()) return draft.status();
  }
  return ViewOf(*draft.value(), {});
}

Result<DraftView> DirectoryEditor::ViewOf(const store::Draft& draft, std::vector<DetailChange> unticked) {
  DraftView view;
  view.revision = draft.revision;
  view.based_on = draft.based_on;
  view.updated_at = draft.updated_at;
  view.updated_by = draft.updated_by;
  view.directory = json::parse(draft.directory, nullptr, false);
  view.questionnaire = json::parse(draft.questionnaire, nullptr, false);
  if (view.directory.is_discarded()) view.directory = nullptr;
  if (view.questionnaire.is_discarded()) view.questionnaire = nullptr;
  view.issues = CheckAt(draft.directory, draft.questionnaire, now_()).issues;
  view.unticked = std::move(unticked);
  if (Status s = AddBindingIssues(draft.directory, &view.issues); !s.ok()) return s;
  return view;
}

Result<DraftView> DirectoryEditor::SaveDraft(const std::string& editor, int64_t revision, const json& directory,
                                             const std::optional<json>& questionnaire,
                                             const std::map<std::string, std::string>& replacements,
                                             Problems* refused) {
  auto existing = store_.GetDraft();
  if (!existing.ok()) return existing.status();
  if (!existing.value()) return Status::NotFound("there is no draft; open it first").WithReason(Reason::kNoDraft);
  json rules = questionnaire ? *questionnaire : json::parse(existing.value()->questionnaire, nullptr, false);
  if (!replacements.empty()) RewriteOrganizations(rules["rules"], replacements);
  if (Status s = RefuseUnbounded(directory, rules, refused); !s.ok()) return s;
  auto published = store_.Current();
  if (!published.ok()) return published.status();
  json edited = directory;
  DeriveDialForms(edited);
  const json before = published.value() ? json::parse(published.value()->directory, nullptr, false) : json::object();
  std::vector<DetailChange> unticked = UntickEditedDetails(before, edited);
  if (!CrisisLineChanges(before, edited).empty()) {
    std::lock_guard<std::mutex> lock(approvals_mutex_);
    crisis_editors_.insert(editor);
  }
  auto saved = Audited(
      editor, "save_draft",
      [&] { return store_.SaveDraft(revision, existing.value()->based_on, Pretty(edited), Pretty(rules), now_(), editor); },
      [](int64_t saved_revision) { return "revision " + std::to_string(saved_revision); });
  if (!saved.ok()) return saved.status();
  auto draft = store_.GetDraft();
  if (!draft.ok() || !draft.value()) return Status::Internal("the saved draft cannot be read back");
  return ViewOf(*draft.value(), std::move(unticked));
}

Status DirectoryEditor::DiscardDraft(const std::string& editor) {
  auto discarded = Audited(
      editor, "discard_draft",
      [&]() -> Result<int64_t> {
        if (Status s = store_.DeleteDraft(); !s.ok()) return s;
        return int64_t{0};
      },
      [](int64_t) { return std::string(); });
  if (discarded.ok()) ForgetApprovals();
  return discarded.ok() ? Status::Ok() : discarded.status();
}

Result<HsdsImportView> DirectoryEditor::ImportHsds(const std::string& editor, int64_t revision, const json& document,
                                                   const std::string& lang, Problems* refused) {
  auto draft = OpenDraft(editor);
  if (!draft.ok()) return draft.status();
  HsdsImportResult imported = domain::ImportHsds(document, draft->directory, lang);
  auto saved = SaveDraft(editor, revision, imported.directory, std::nullopt, {}, refused);
  if (!saved.ok()) return saved.status();
  HsdsImportView view{std::move(saved.value()), std::move(imported.changes), std::move(imported.refusals), Status::Ok()};
  view.counts_noted = audit_.Append({0, now_(), editor, "import_hsds", "",
                                     std::to_string(view.changes.size()) + " changes, " +
                                         std::to_string(view.refusals.size()) + " refused"});
  return view;
}

Result<EditorOverview> DirectoryEditor::Overview() {
  auto versions = store_.Versions();
  if (!versions.ok()) return versions.status();
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  EditorOverview overview;
  if (!versions->empty()) overview.published = versions->front();
  if (draft.value()) {
    overview.draft = std::move(*draft.value());
    overview.draft->directory.clear();  // the start page shows the state, not the texts
    overview.draft->questionnaire.clear();
  }
  return overview;
}

Result<std::vector<store::VersionInfo>> DirectoryEditor::Versions() { return store_.Versions(); }

Result<VersionView> DirectoryEditor::Version(int64_t number) {
  auto version = store_.Version(number);
  if (!version.ok()) return version.status();
  if (!version.value()) return Status::NotFound("there is no version " + std::to_string(number)).WithReason(Reason::kNoSuchVersion);
  const store::DirectoryVersion& v = *version.value();
  return VersionView{{v.version, v.published_at, v.published_by, ""},
                     json::parse(v.directory, nullptr, false),
                     json::parse(v.questionnaire, nullptr, false)};
}

Result<PreviewDraft> DirectoryEditor::DraftToPreview() {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) return Status::NotFound("there is no draft to preview").WithReason(Reason::kNoDraft);
  if (!CheckAt(draft.value()->directory, draft.value()->questionnaire, now_()).issues.empty())
    return Status::FailedPrecondition("the draft has problems; fix them before previewing").WithReason(Reason::kNotPreviewable);
  return PreviewDraft{draft.value()->revision, json::parse(draft.value()->directory, nullptr, false),
                      json::parse(draft.value()->questionnaire, nullptr, false)};
}

Result<int64_t> DirectoryEditor::Publish(const std::string& editor, int64_t revision, const std::string& note,
                                         Problems* issues) {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) return Status::NotFound("there is no draft to publish").WithReason(Reason::kNoDraft);
  PublicationCheck check = CheckAt(draft.value()->directory, draft.value()->questionnaire, now_());
  if (Status s = AddBindingIssues(draft.value()->directory, &check.issues); !s.ok()) return s;
  if (!check.issues.empty()) {
    *issues = check.issues;
    return Status::InvalidArgument("the draft has " + std::to_string(check.issues.size()) + " problem(s); fix them first")
        .WithReason(Reason::kInvalidDraft);
  }
  auto crisis = CrisisChangesOf(*draft.value());
  if (!crisis.ok()) return crisis.status();
  std::string approver;
  if (!crisis.value().empty()) {
    std::lock_guard<std::mutex> lock(approvals_mutex_);
    const auto found = approvals_.find(draft.value()->revision);
    if (found == approvals_.end())
      return Status::PermissionDenied("this draft changes a crisis line (" + crisis.value()[0].organization +
                                      "); a second editor must approve it before it is published")
          .WithReason(Reason::kApprovalRequired);
    approver = found->second;
  }
  // One entry names the version, every change to contact settings, who approved its
  // crisis-line changes, and each of those.
  const std::string contact_note = ContactSettingsNote(check.publication.directory);
  std::string changes;
  for (const DetailChange& change : crisis.value())
    changes += "; " + change.organization + " " + change.field + ": \"" + change.before + "\" -> \"" + change.after + "\"";
  auto version = Audited(
      editor, "publish", [&] { return store_.PublishDraft(revision, editor, note); },
      [&](int64_t published) {
        return "version " + std::to_string(published) + contact_note +
               (approver.empty() ? "" : ", crisis-line changes approved by " + approver + changes);
      });
  if (!version.ok()) return version.status();
  ForgetApprovals();
  on_published_(check.publication, version.value());
  return version;
}

Result<int64_t> DirectoryEditor::Restore(const std::string& editor, int64_t version, const std::string& note) {
  auto old = store_.Version(version);
  if (!old.ok()) return old.status();
  if (!old.value()) return Status::NotFound("there is no version " + std::to_string(version)).WithReason(Reason::kNoSuchVersion);
  const PublicationCheck check = CheckAt(old.value()->directory, old.value()->questionnaire, now_());
  if (!check.issues.empty())
    return Status::FailedPrecondition("version " + std::to_string(version) + " does not pass today's checks: " +
                                      check.issues[0].ToString())
        .WithReason(Reason::kVersionNotRestorable);
  auto bindings = BindingIssues(old.value()->directory);
  if (!bindings.ok()) return bindings.status();
  if (!bindings->empty())
    return Status::FailedPrecondition("version " + std::to_string(version) + " cannot be restored: " + bindings->front().ToString())
        .WithReason(Reason::kVersionNotRestorable);
  const std::string contact_note = ContactSettingsNote(check.publication.directory);
  auto restored = Audited(
      editor, "restore",
      [&] {
        return store_.Publish(old.value()->directory, old.value()->questionnaire, editor,
                              note.empty() ? "restored version " + std::to_string(version) : note);
      },
      [&](int64_t published) {
        return "version " + std::to_string(version) + " as " + std::to_string(published) + contact_note;
      });
  if (!restored.ok()) return restored.status();
  on_published_(check.publication, restored.value());
  return restored;
}

Result<std::vector<DetailChange>> DirectoryEditor::CrisisChangesOf(const store::Draft& draft) {
  auto published = store_.Current();
  if (!published.ok()) return published.status();
  const json before = published.value() ? json::parse(published.value()->directory, nullptr, false) : json::object();
  return CrisisLineChanges(before, json::parse(draft.directory, nullptr, false));
}

void DirectoryEditor::ForgetApprovals() {
  std::lock_guard<std::mutex> lock(approvals_mutex_);
  approvals_.clear();
  crisis_editors_.clear();
}

Result<PublishCheck> DirectoryEditor::CheckBeforePublish() {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) return Status::NotFound("there is no draft");
  auto crisis = CrisisChangesOf(*draft.value());
  if (!crisis.ok()) return crisis.status();
  PublishCheck check{draft.value()->revision, std::move(crisis.value()), ""};
  std::lock_guard<std::mutex> lock(approvals_mutex_);
  const auto found = approvals_.find(check.revision);
  if (found != approvals_.end()) check.approved_by = found->second;
  return check;
}

Status DirectoryEditor::Approve(const std::string& editor, int64_t revision) {
  auto draft = store_.GetDraft();
  if (!draft.ok()) return draft.status();
  if (!draft.value()) return Status::NotFound("there is no draft");
  if (draft.value()->revision != revision)
    return Status::AlreadyExists("the draft changed since you looked at it; look at the changes again").WithReason(Reason::kDraftChanged);
  auto crisis = CrisisChangesOf(*draft.value());
  if (!crisis.ok()) return crisis.status();
  if (crisis.value().empty())
    return Status::FailedPrecondition("this draft changes no crisis line; nothing to approve").WithReason(Reason::kNothingToApprove);
  {
    std::lock_guard<std::mutex> lock(approvals_mutex_);
    if (draft.value()->updated_by == editor || crisis_editors_.count(editor))
      return Status::PermissionDenied("you changed this draft yourself; a second editor must approve it").WithReason(Reason::kOwnChange);
  }
  {
    std::lock_guard<std::mutex> lock(approvals_mutex_);
    approvals_.clear();  // only the current revision can be approved
    approvals_[revision] = editor;
  }
  auto recorded = Audited(
      editor, "approve_crisis_changes", [&]() -> Result<int64_t> { return revision; },
      [](int64_t approved) { return "revision " + std::to_string(approved); });
  if (!recorded.ok()) {
    ForgetApprovals();  // an approval that is not in the audit log does not count
    return recorded.status();
  }
  return Status::Ok();
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
  if (!version.value()) return Status::NotFound("there is no version " + which).WithReason(Reason::kNoSuchVersion);
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
  if (!directory.is_object() || !directory.contains("organizations") || !directory["organizations"].is_array())
    return json::array();
  const int64_t today = AmsterdamDay(now_());
  // Most urgent first: withdrawn from residents, overdue, due within two weeks, then
  // unverified details and the staff's notes; within a group the earliest due date first.
  struct Item {
    int rank;
    int64_t due;
    json body;
  };
  std::vector<Item> items;
  for (const json& org : directory["organizations"]) {
    if (!org.is_object()) continue;
    const std::string key = org.value("key", "");
    const bool crisis = org.value("crisis_line", false);
    const int recheck = RecheckDays(org);
    auto detail = [&](const json& d, const std::string& field) {
      if (!d.is_object()) return;
      json base = {{"organization", key}, {"field", field}, {"checked", d.value("checked", "")},
                   {"source_url", d.value("source_url", "")}, {"crisis_line", crisis}};
      if (!IsVerified(d)) {
        base["reason"] = "unverified";
        items.push_back({3, 0, base});
        return;
      }
      const auto fresh = FreshnessOf(d, recheck, today);
      if (!fresh) return;
      base["due"] = IsoDateFromDays(fresh->due_day);
      base["withdrawn_on"] = IsoDateFromDays(fresh->hidden_day);
      const int rank = fresh->withdrawn ? 0 : fresh->due ? 1 : fresh->due_day - today <= 14 ? 2 : -1;
      if (rank < 0) return;
      base["reason"] = rank == 0 ? "withdrawn" : rank == 1 ? "overdue" : "due_soon";
      items.push_back({rank, fresh->due_day, base});
    };
    if (org.contains("todo") && org["todo"].is_array())
      for (size_t i = 0; i < org["todo"].size(); ++i)
        items.push_back({4, 0, {{"organization", key}, {"field", "todo[" + std::to_string(i) + "]"}, {"reason", "todo"},
                                {"text", org["todo"][i]}, {"crisis_line", crisis}}});
    if (org.contains("website")) detail(org["website"], "website");
    if (!org.contains("services") || !org["services"].is_array()) continue;
    for (size_t s = 0; s < org["services"].size(); ++s) {
      const json& service = org["services"][s];
      if (!service.is_object()) continue;
      const std::string prefix = "services[" + std::to_string(s) + "]";
      if (service.contains("phones") && service["phones"].is_array())
        for (size_t p = 0; p < service["phones"].size(); ++p)
          detail(service["phones"][p], prefix + ".phones[" + std::to_string(p) + "]");
      if (service.contains("chat")) detail(service["chat"], prefix + ".chat");
      if (service.contains("facts")) detail(service["facts"], prefix + ".facts");
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
    return a.rank != b.rank ? a.rank < b.rank : a.due < b.due;
  });
  json list = json::array();
  for (Item& item : items) list.push_back(std::move(item.body));
  return list;
}

}  // namespace hw::domain
