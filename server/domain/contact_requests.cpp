#include "domain/contact_requests.h"

#include <set>

#include "crypto/sealing.h"
#include "crypto/tokens.h"

namespace hw::domain {
namespace {

const std::set<std::string> kStatuses = {"new", "in_progress", "contacted", "closed"};
constexpr size_t kMaxNoteChars = 2000;

const OrgSecret* SecretFor(const std::vector<OrgSecret>& secrets, const std::string& organization, int64_t version) {
  for (const OrgSecret& secret : secrets)
    if (secret.organization == organization && secret.version == version) return &secret;
  return nullptr;
}

Status Rejected(const std::string& why) { return Status::PermissionDenied(why).WithReason(Reason::kProofRejected); }

Status CheckWork(ProofOfWork& work, const std::string& organization, const WorkProof& proof, int64_t now) {
  switch (work.Redeem(organization, proof, now)) {
    case WorkVerdict::kAccepted: return Status::Ok();
    case WorkVerdict::kMissing: return Rejected("the request carries no proof of work");
    case WorkVerdict::kInvalid: return Rejected("the proof of work is not one this server issued for this organisation");
    case WorkVerdict::kExpired: return Rejected("the proof of work has expired");
    case WorkVerdict::kTooLittle: return Rejected("the proof of work is not enough for the difficulty of now");
    case WorkVerdict::kAlreadyUsed: return Rejected("the proof of work was used before");
  }
  return Status::Internal("unknown verdict");
}

}  // namespace

store::AuditRow ContactRequests::Entry(const StaffIdentity& staff, const std::string& action, const std::string& target) {
  return {0, now_(), staff.email, action, staff.partner_of.value_or(""), target};
}

Result<ContactTarget> ContactRequests::Accepting(const std::string& organization_id) {
  std::optional<ContactTarget> target = lookup_(organization_id);
  if (!target) return Status::NotFound("there is no organisation with this id").WithReason(Reason::kUnknownOrganization);
  if (!target->accepts)
    return Status::FailedPrecondition("this organisation does not take contact requests").WithReason(Reason::kNotAccepting);
  return std::move(*target);
}

Result<IssuedChallenge> ContactRequests::Challenge(const std::string& organization_id) {
  auto target = Accepting(organization_id);
  if (!target.ok()) return target.status();
  return work_.Issue(target->key, now_());
}

Result<Submitted> ContactRequests::Submit(const ContactRequestCheck& request, const WorkProof& proof) {
  if (!request.ok()) return Status::InvalidArgument("the request is not valid");
  auto accepting = Accepting(request.organization_id);
  if (!accepting.ok()) return accepting.status();
  const ContactTarget* target = &accepting.value();
  if (Status work = CheckWork(work_, target->key, proof, now_()); !work.ok()) return work;
  const std::string id = crypto::RandomUuid();
  // Twice at most: a key rotated between reading the key and storing (a partner removed on
  // the command line right then) makes the insert refuse the old key; seal again.
  for (int attempt = 0;; ++attempt) {
    auto key = keys_.CurrentOrgKey(target->key);
    if (!key.ok()) return Status::Unavailable(key.status().message());
    if (!key.value())
      return Status::FailedPrecondition("this organisation cannot receive contact requests yet").WithReason(Reason::kNotAccepting);
    std::string plaintext = request.content.dump();
    const std::string sealed = crypto::SealPadded(plaintext, key.value()->public_key);
    crypto::WipeString(plaintext);
    if (sealed.empty()) return Status::Internal("sealing failed");
    const auto stored = requests_.InsertUnlessFull(
        {id, target->key, key.value()->version, sealed, std::nullopt, "new", now_(), std::nullopt}, max_open_);
    if (!stored.ok()) return Status::Unavailable("the request could not be stored: " + stored.status().message());
    if (stored.value()) break;
    auto now_current = keys_.CurrentOrgKey(target->key);
    const bool rotated = now_current.ok() && now_current.value() && now_current.value()->version != key.value()->version;
    if (!rotated || attempt > 0)
      return Status::ResourceExhausted("this organisation has " + std::to_string(max_open_) +
                                       " open requests, the most that are stored for one organisation")
          .WithReason(Reason::kInboxFull);
  }
  const int raised = work_.Stored(target->key, now_());
  return Submitted{id, *target, raised};
}

Result<store::RequestRow> ContactRequests::Owned(const StaffIdentity& staff, const std::string& id) {
  if (!staff.partner_of) return Status::PermissionDenied("only partner staff may handle contact requests");
  auto row = requests_.Get(id);
  if (!row.ok()) return row.status();
  if (!row.value() || row.value()->organization != *staff.partner_of)
    return Status::NotFound("no such request").WithReason(Reason::kNoSuchRequest);
  return std::move(*row.value());
}

Result<std::vector<RequestSummary>> ContactRequests::List(const StaffIdentity& staff) {
  if (!staff.partner_of) return Status::PermissionDenied("only partner staff may handle contact requests");
  auto rows = requests_.List(*staff.partner_of);
  if (!rows.ok()) return rows.status();
  std::vector<RequestSummary> list;
  for (const auto& row : rows.value()) list.push_back({row.id, row.status, row.created_at, row.closed_at});
  return list;
}

Result<RequestSummary> ContactRequests::Summary(const StaffIdentity& staff, const std::string& id) {
  auto row = Owned(staff, id);
  if (!row.ok()) return row.status();
  return RequestSummary{row->id, row->status, row->created_at, row->closed_at};
}

Result<int64_t> ContactRequests::CountNew(const StaffIdentity& staff) {
  if (!staff.partner_of) return Status::PermissionDenied("only partner staff may handle contact requests");
  return requests_.CountNew(*staff.partner_of);
}

Result<nlohmann::json> ContactRequests::Open(const StaffIdentity& staff, const std::vector<OrgSecret>& secrets,
                                             const std::string& id) {
  auto row = Owned(staff, id);
  if (!row.ok()) return row.status();
  const OrgSecret* secret = SecretFor(secrets, row->organization, row->key_version);
  if (!secret)
    return Status::FailedPrecondition("your account holds no key for this request; ask a colleague or the administrator for access")
        .WithReason(Reason::kNoKey);
  auto plaintext = crypto::OpenPadded(row->sealed, secret->keys);
  if (!plaintext.ok()) return plaintext.status();
  nlohmann::json request = nlohmann::json::parse(plaintext->view(), nullptr, false);
  if (request.is_discarded()) return Status::Corruption("the request cannot be read");
  nlohmann::json result = {{"id", row->id}, {"status", row->status}, {"created_at", row->created_at},
                           {"request", request}, {"note", nullptr}};
  if (row->closed_at) result["closed_at"] = *row->closed_at;
  if (row->note_sealed) {
    auto note = crypto::OpenPadded(*row->note_sealed, secret->keys);
    if (note.ok()) result["note"] = std::string(note->view());
  }
  // Nobody reads a request unrecorded: without its entry the content is not handed out.
  if (Status recorded = audit_.Append(Entry(staff, "open_request", id)); !recorded.ok())
    return Status::Unavailable("the request is not shown, because the audit log could not record it: " +
                               recorded.message());
  return result;
}

Status ContactRequests::Update(const StaffIdentity& staff, const std::string& id, const RequestUpdate& update) {
  if (update.status && !kStatuses.count(*update.status))
    return Status::InvalidArgument("status must be new, in_progress, contacted or closed").WithReason(Reason::kInvalidRequestStatus);
  if (update.note) {
    size_t characters = 0;
    for (unsigned char c : *update.note) characters += (c & 0xC0) != 0x80;
    if (characters > kMaxNoteChars)
      return Status::InvalidArgument("the note is longer than " + std::to_string(kMaxNoteChars) + " characters")
          .WithReason(Reason::kNoteTooLong);
  }
  auto row = Owned(staff, id);
  if (!row.ok()) return row.status();
  if (update.status && *update.status != row->status) {
    const std::string status = *update.status;
    if (Status s = audit_.AppendWith(Entry(staff, "set_status:" + status, id), [&] { return requests_.SetStatus(id, status, now_()); });
        !s.ok())
      return s;
  }
  if (update.note) {
    std::optional<std::string> sealed;
    if (!update.note->empty()) {
      // Notes are sealed to the key of the request, like the request itself.
      auto keys = keys_.OrgKeys(row->organization);
      if (!keys.ok()) return keys.status();
      for (const auto& key : keys.value())
        if (key.version == row->key_version) sealed = crypto::SealPadded(*update.note, key.public_key);
      if (!sealed) return Status::Internal("the request's key is gone");
    }
    if (Status s = audit_.AppendWith(Entry(staff, sealed ? "set_note" : "remove_note", id), [&] { return requests_.SetNote(id, sealed); });
        !s.ok())
      return s;
  }
  return Status::Ok();
}

Result<std::vector<RequestSummary>> ContactRequests::ListWindow(const StaffIdentity& staff, int64_t from, int64_t to) {
  if (!staff.partner_of) return Status::PermissionDenied("only partner staff may handle contact requests");
  if (from >= to) return Status::InvalidArgument("the window must end after it starts");
  auto rows = requests_.ListWindow(*staff.partner_of, from, to, kMaxOpenRequestsPerOrganization);
  if (!rows.ok()) return rows.status();
  std::vector<RequestSummary> list;
  for (const auto& row : rows.value()) list.push_back({row.id, row.status, row.created_at, row.closed_at});
  return list;
}

Status ContactRequests::CheckBatch(const StaffIdentity& staff, const std::vector<std::string>& ids) {
  if (!staff.partner_of) return Status::PermissionDenied("only partner staff may handle contact requests");
  if (ids.empty()) return Status::InvalidArgument("choose at least one request").WithReason(Reason::kInvalidBatch);
  if (ids.size() > kMaxBatch)
    return Status::InvalidArgument("at most " + std::to_string(kMaxBatch) + " requests at a time").WithReason(Reason::kInvalidBatch);
  if (std::set<std::string>(ids.begin(), ids.end()).size() != ids.size())
    return Status::InvalidArgument("a request is chosen twice").WithReason(Reason::kInvalidBatch);
  for (const std::string& id : ids) {
    auto row = Owned(staff, id);
    if (!row.ok() && row.status().reason() == Reason::kNoSuchRequest)
      return Status::NotFound("one of the requests does not exist (any more); nothing was done")
          .WithReason(Reason::kNoSuchRequestInBatch);
    if (!row.ok()) return row.status();
  }
  return Status::Ok();
}

Result<std::vector<nlohmann::json>> ContactRequests::OpenBatch(const StaffIdentity& staff,
                                                               const std::vector<OrgSecret>& secrets,
                                                               const std::vector<std::string>& ids) {
  if (Status s = CheckBatch(staff, ids); !s.ok()) return s;
  std::vector<nlohmann::json> opened;
  for (const std::string& id : ids) {
    // One request the account holds no key for (or that is damaged) must not hide the
    // others of a flood: it is shown with its reason.
    auto one = Open(staff, secrets, id);
    if (one.ok()) opened.push_back(std::move(one.value()));
    else if (one.status().code() == StatusCode::kUnavailable) return one.status();
    else opened.push_back({{"id", id}, {"error", one.status().message()}});
  }
  return opened;
}

Result<int64_t> ContactRequests::DeleteBatch(const StaffIdentity& staff, const std::vector<std::string>& ids) {
  if (Status s = CheckBatch(staff, ids); !s.ok()) return s;
  // One audited action names every id; the deletion happens only with its entry.
  std::string target = std::to_string(ids.size()) + ":";
  for (size_t i = 0; i < ids.size(); ++i) target += (i ? "," : "") + ids[i];
  int64_t count = 0;
  const Status deleted = audit_.AppendWith(Entry(staff, "delete_requests", target), [&]() -> Status {
    auto gone = requests_.DeleteMany(*staff.partner_of, ids);
    if (!gone.ok()) return gone.status();
    count = gone.value();
    return Status::Ok();
  });
  if (!deleted.ok()) return deleted;
  if (Status s = requests_.CheckpointTruncate(); !s.ok()) return s;
  return count;
}

Status ContactRequests::Delete(const StaffIdentity& staff, const std::string& id) {
  auto row = Owned(staff, id);
  if (!row.ok()) return row.status();
  const Status deleted = audit_.AppendWith(Entry(staff, "delete_request", id), [&]() -> Status {
    auto gone = requests_.Delete(id);
    return gone.ok() ? Status::Ok() : gone.status();
  });
  if (!deleted.ok()) return deleted;
  return requests_.CheckpointTruncate();
}

}  // namespace hw::domain
