// The communications staff's way to change the directory safely: one shared draft,
// validated on every save (every problem in words an editor can act on), published as
// an atomic switch to a new version, with every version kept and restorable, and a diff
// between any two. Two editors cannot overwrite each other silently: saving and
// publishing name the revision they started from. Everything goes into the audit log.
// Saving derives each phone's dial form from its written number and unticks every edited
// detail that records no new check (domain/detail_changes.h). A draft that changes a
// crisis line's details is published only after a second editor approved that revision
// (four eyes); approvals live in memory and lapse with any new save or a restart.
// An organisation's id and key stay bound as first published (domain/organization_bindings.h):
// a draft that changes them shows the issue and cannot be published or restored, and a
// publish's audit entry names every change to contact settings.
// Thread-safe as far as its stores are (the cache of bindings has its own lock).
#pragma once

#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <vector>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/detail_changes.h"
#include "domain/hsds.h"
#include "domain/organization_bindings.h"
#include "domain/publication.h"
#include "store/audit_store.h"
#include "store/directory_store.h"

namespace hw::domain {

// The draft as an editor sees it: its state, its documents read (a document that cannot be
// read is null; its problem is in `issues`), and what is wrong with it.
struct DraftView {
  int64_t revision = 0;
  int64_t based_on = 0;  // the published version it started from
  int64_t updated_at = 0;
  std::string updated_by;
  nlohmann::json directory;
  nlohmann::json questionnaire;
  Problems issues;
  std::vector<DetailChange> unticked;  // by this save: edited details that lost "verified"
};

// The editor's start page: the newest published version and the draft's state (texts left out).
struct EditorOverview {
  std::optional<store::VersionInfo> published;
  std::optional<store::Draft> draft;
};

// A published version, its documents parsed.
struct VersionView {
  store::VersionInfo info;
  nlohmann::json directory;
  nlohmann::json questionnaire;
};

// The draft as the preview shows it: it passed every check a publish makes.
struct PreviewDraft {
  int64_t revision = 0;
  nlohmann::json directory;
  nlohmann::json questionnaire;
};

// What an HSDS import did to the draft: the saved draft, the changes, the refusals.
struct HsdsImportView {
  DraftView draft;
  std::vector<std::string> changes;  // "moviera: description (nl) changed"
  std::vector<HsdsRefusal> refusals;
  // The draft is saved with its own save_draft entry; the entry with the counts comes after
  // it, and when that one could not be written the import still stands (this says why).
  Status counts_noted;
};

// What publishing the draft would change on crisis lines, and who approved it.
struct PublishCheck {
  int64_t revision = 0;
  std::vector<DetailChange> crisis_changes;
  std::string approved_by;  // "" when not (yet) approved
  bool approval_required() const { return !crisis_changes.empty(); }
};

class DirectoryEditor {
 public:
  using Clock = std::function<int64_t()>;
  // Called after a publish or restore committed, with the new version (already valid).
  using OnPublished = std::function<void(const Publication&, int64_t version)>;

  DirectoryEditor(store::DirectoryStore& store, store::AuditStore& audit, Clock now, OnPublished on_published)
      : store_(store), audit_(audit), now_(std::move(now)), on_published_(std::move(on_published)) {}

  // The draft, started from the published version when there is none.
  Result<DraftView> OpenDraft(const std::string& editor);
  // Saves a new draft text. `replacements` rewrites the questionnaire's rules from one
  // organisation key to another (what replaces an organisation that is removed).
  // kAlreadyExists when the draft's revision moved on. Invalid drafts are saved too:
  // the issues come back, and publishing refuses until they are fixed. What no check
  // should ever have to read is refused and not stored (kInvalidArgument, the reasons in
  // `refused`): a text over its bound (domain/text_bounds.h).
  Result<DraftView> SaveDraft(const std::string& editor, int64_t revision, const nlohmann::json& directory,
                              const std::optional<nlohmann::json>& questionnaire,
                              const std::map<std::string, std::string>& replacements,
                              Problems* refused = nullptr);
  Status DiscardDraft(const std::string& editor);
  // Applies an HSDS document (a JSON list of organizations, as /hsds/ and `directory export`
  // give it; `lang` nl or en) to the draft at `revision` and saves it, as SaveDraft does,
  // with an audit entry that counts the changes and refusals. Changed contact details come
  // in unverified. Errors as SaveDraft's.
  Result<HsdsImportView> ImportHsds(const std::string& editor, int64_t revision, const nlohmann::json& document,
                                    const std::string& lang, Problems* refused = nullptr);
  Result<EditorOverview> Overview();
  Result<std::vector<store::VersionInfo>> Versions();  // newest first
  // kNotFound when there is no such version.
  Result<VersionView> Version(int64_t version);
  // kNotFound when there is no draft; kFailedPrecondition when it does not pass the checks
  // a publish makes (a preview must never show what could not go live).
  Result<PreviewDraft> DraftToPreview();
  // kInvalidArgument (with the issues in `issues`) when the draft is not valid;
  // kPermissionDenied when it changes a crisis line and no second editor approved it.
  Result<int64_t> Publish(const std::string& editor, int64_t revision, const std::string& note, Problems* issues);
  Result<PublishCheck> CheckBeforePublish();
  // A second editor's approval of this revision's crisis-line changes. kAlreadyExists when
  // the draft moved on; kFailedPrecondition when there is nothing to approve;
  // kPermissionDenied when `editor` saved this revision (nobody approves their own change).
  Status Approve(const std::string& editor, int64_t revision);
  Result<int64_t> Restore(const std::string& editor, int64_t version, const std::string& note);
  // Changes from one version to another; either may be "draft". A change to contact
  // settings (see ContactSettingChanges) carries "contact_settings": true.
  Result<nlohmann::json> Diff(const std::string& from, const std::string& to);
  // What needs a person first, from the draft if there is one, else the published version:
  // details withdrawn from residents for age, overdue checks, checks due within two weeks
  // (each with its due date and source link), details not verified, the staff's todo notes.
  Result<nlohmann::json> Attention();

 private:
  Result<std::pair<std::string, std::string>> Texts(const std::string& which);
  // Runs `change` and writes its audit entry (`target` names what it made) in one
  // transaction: a change whose entry cannot be written does not happen.
  Result<int64_t> Audited(const std::string& editor, const std::string& action,
                          const std::function<Result<int64_t>()>& change,
                          const std::function<std::string(int64_t)>& target);

  Result<std::vector<DetailChange>> CrisisChangesOf(const store::Draft& draft);
  // Issues of a directory text whose ids and keys differ from their published bindings.
  // The stored draft read and checked as editors see it.
  Result<DraftView> ViewOf(const store::Draft& draft, std::vector<DetailChange> unticked);
  Result<Problems> BindingIssues(const std::string& directory_text);
  Status AddBindingIssues(const std::string& directory_text, Problems* issues);
  // "; contact settings: path: before -> after, ..." between the published version and
  // `next`, or "" when none changed.
  std::string ContactSettingsNote(const nlohmann::json& next);

  store::DirectoryStore& store_;
  store::AuditStore& audit_;
  Clock now_;
  OnPublished on_published_;
  std::mutex approvals_mutex_;
  void ForgetApprovals();

  std::map<int64_t, std::string> approvals_;  // draft revision -> approving editor
  std::set<std::string> crisis_editors_;      // who changed a crisis line in this draft
  std::mutex bindings_mutex_;
  int64_t bindings_version_ = -1;  // the newest version the cache has learnt
  OrganizationBindings bindings_;
};

}  // namespace hw::domain
