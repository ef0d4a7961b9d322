// Contact requests from submission to deletion. A request is validated, padded and
// sealed to the organisation's current public key before anything is written, and
// committed durably before Submit returns. Staff see only their own organisation's
// requests (others look like they do not exist), and every open, change and delete goes
// into the audit log (never content): a change commits in one transaction with its entry,
// and a request is handed out only after its "open_request" entry is written, so nothing
// a partner does escapes the log. Thread-safe as far as its stores are.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/contact_request.h"
#include "domain/proof_of_work.h"
#include "domain/staff.h"
#include "store/audit_store.h"
#include "store/key_store.h"
#include "store/request_store.h"

namespace hw::domain {

// Nobody can switch an organisation off. A flood of requests could do it in two ways: by
// filling what we store for an organisation until residents are turned away, or by
// burying the real requests where staff cannot find them. The defences, in the order a
// request meets them:
//
// 1. Per-client limits (http/contact_routes.cpp): 5 stored requests per 10 minutes from one
//    client (an IPv4 address, an IPv6 /64), 10 from one /56 and 25 from one /48, so one
//    connection, one home and one customer's whole IPv6 allocation each count once. A
//    limit per organisation would let anyone switch it off, so there is none.
// 2. Proof of work (proof_of_work.h): before a request is stored, the resident's browser
//    spends about a second finding a hashcash nonce for a challenge the server issued for
//    this organisation (stateless, MAC'd, 10-minute expiry, single use). The difficulty
//    doubles with each doubling of the organisation's inflow above 10 an hour, up to 8
//    times, so a resident pays a second or two and a flood pays for every request, more
//    and more: 2,000 requests in an hour cost 2,000 times 8 times a resident's work
//    instead of 1.6 s, while a resident under that flood waits at most 8 times the usual
//    (bench/README.md: a median of 0.2 s and 1.6 s in this machine's JavaScript; a slow
//    phone is slower still, so the step stops at 8, not higher). It does not stop a determined
//    attacker with many machines; it makes one party's flood slow and costly, which is
//    what the bound below needs.
// 3. A storage bound far above any real inflow: kMaxOpenRequestsPerOrganization open
//    requests. A partner receives a few requests a day and unhandled ones expire after 30
//    days, so real inboxes hold well under 1,000; the bound is 100 times that. A stored
//    request with a short message takes about 430 bytes of database (measured by
//    bench/contact_flood.py, file and -wal), the largest (1,000 characters of any
//    script) about 5 KB, so the bound keeps one organisation's rows under about 45 MB,
//    500 MB if every request were the largest. Reaching it takes 100,000 proofs of work
//    at the flood's price (about 10^11 SHA-256 hashes) and 20,000 IPv4 addresses (or
//    4,000 IPv6 /48s) every 10 minutes: a long, costly attack that the operator sees
//    coming (a warning line per step of difficulty, http/contact_routes.cpp) and staff
//    can undo in minutes (4). Only at the bound are
//    residents asked to phone instead (503 organization_inbox_full), and nothing else.
// 4. Staff deal with a flood as a batch: ListWindow shows the requests of a time window,
//    OpenBatch opens up to kMaxBatch of them in one view (one audit entry per request, as
//    every open), DeleteBatch deletes the chosen ones in one action with one audit entry
//    that names them all.
constexpr int64_t kMaxOpenRequestsPerOrganization = 100000;
// The most requests one batch opens or deletes: one screen a partner can still read.
constexpr size_t kMaxBatch = 200;

// What the published directory says about an organisation that residents may contact.
struct ContactTarget {
  std::string key;
  nlohmann::json name;           // {"nl","en"}
  bool accepts = false;
  nlohmann::json response_time;  // {"nl","en"} when accepts
};

struct Submitted {
  std::string id;
  ContactTarget target;
  int difficulty_raised_to = 0;  // the proof-of-work bits this request's inflow stepped up to, or 0
};

struct RequestSummary {
  std::string id;
  std::string status;
  int64_t created_at = 0;
  std::optional<int64_t> closed_at;
};

struct RequestUpdate {
  std::optional<std::string> status;  // new, in_progress, contacted, closed
  std::optional<std::string> note;    // "" removes the note
};

class ContactRequests {
 public:
  using Clock = std::function<int64_t()>;
  using Lookup = std::function<std::optional<ContactTarget>(const std::string& organization_id)>;

  // `max_open` is kMaxOpenRequestsPerOrganization but in tests. Borrows everything.
  ContactRequests(store::RequestStore& requests, store::KeyStore& keys, store::AuditStore& audit, ProofOfWork& work,
                  Lookup lookup, Clock now, int64_t max_open = kMaxOpenRequestsPerOrganization)
      : requests_(requests),
        keys_(keys),
        audit_(audit),
        work_(work),
        lookup_(std::move(lookup)),
        now_(std::move(now)),
        max_open_(max_open) {}

  // A proof-of-work challenge for a request to `organization_id`, at the difficulty of
  // now. kNotFound / kFailedPrecondition as for Submit.
  Result<IssuedChallenge> Challenge(const std::string& organization_id);

  // kNotFound: no such organisation; kFailedPrecondition: it takes no requests (or has no
  // keys yet); kPermissionDenied: the proof of work does not hold (the message says why);
  // kResourceExhausted: it has max_open requests open already; kUnavailable: the database
  // could not store it. Nothing is stored unless it succeeds.
  Result<Submitted> Submit(const ContactRequestCheck& request, const WorkProof& proof);

  // Staff side. kPermissionDenied for staff who are not partners; kFailedPrecondition
  // when the account holds no key for the request; another organisation's is kNotFound.
  Result<std::vector<RequestSummary>> List(const StaffIdentity& staff);
  Result<nlohmann::json> Open(const StaffIdentity& staff, const std::vector<OrgSecret>& secrets, const std::string& id);
  Status Update(const StaffIdentity& staff, const std::string& id, const RequestUpdate& update);
  Status Delete(const StaffIdentity& staff, const std::string& id);
  Result<int64_t> CountNew(const StaffIdentity& staff);
  // Status and dates of one request, without opening it (and so without an audit entry).
  Result<RequestSummary> Summary(const StaffIdentity& staff, const std::string& id);

  // A flood, as a batch. The requests created in [from, to) (unix seconds), newest first.
  Result<std::vector<RequestSummary>> ListWindow(const StaffIdentity& staff, int64_t from, int64_t to);
  // Opens each of `ids` (at most kMaxBatch, all the partner's own, else nothing is opened)
  // as Open does, with its audit entry; the answer is in the order of `ids`.
  Result<std::vector<nlohmann::json>> OpenBatch(const StaffIdentity& staff, const std::vector<OrgSecret>& secrets,
                                                const std::vector<std::string>& ids);
  // Deletes all of `ids` (at most kMaxBatch, all the partner's own, else none) in one
  // transaction, then one audit entry "delete_requests" naming every id. Returns how many.
  Result<int64_t> DeleteBatch(const StaffIdentity& staff, const std::vector<std::string>& ids);

 private:
  Result<store::RequestRow> Owned(const StaffIdentity& staff, const std::string& id);
  store::AuditRow Entry(const StaffIdentity& staff, const std::string& action, const std::string& target);
  Result<ContactTarget> Accepting(const std::string& organization_id);
  Status CheckBatch(const StaffIdentity& staff, const std::vector<std::string>& ids);

  store::RequestStore& requests_;
  store::KeyStore& keys_;
  store::AuditStore& audit_;
  ProofOfWork& work_;
  Lookup lookup_;
  Clock now_;
  const int64_t max_open_;
};

}  // namespace hw::domain
