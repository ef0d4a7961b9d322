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
#include "domain/staff.h"
#include "store/audit_store.h"
#include "store/key_store.h"
#include "store/request_store.h"

namespace hw::domain {

// The most requests one organisation may have open (not closed) at a time. It protects the
// disk and the partner's inbox from a flood: per-client limits alone cannot, against one
// person with many addresses. It is a bound on what is stored, not a rate, so nobody's
// abuse can switch an organisation off for an hour; and it is far above what a partner has
// open in normal work (unhandled requests expire after 30 days), so only a flood reaches
// it. Then nothing more is stored for that organisation until staff close or delete some,
// and residents are told to phone it instead (503 organization_inbox_full). A sealed
// request is at most about 5 KB (with a staff note up to 8 KB more), so this bounds what
// residents can make us store to some MB per accepting organisation.
constexpr int64_t kMaxOpenRequestsPerOrganization = 1000;

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

  // `max_open` is kMaxOpenRequestsPerOrganization but in tests.
  ContactRequests(store::RequestStore& requests, store::KeyStore& keys, store::AuditStore& audit, Lookup lookup,
                  Clock now, int64_t max_open = kMaxOpenRequestsPerOrganization)
      : requests_(requests),
        keys_(keys),
        audit_(audit),
        lookup_(std::move(lookup)),
        now_(std::move(now)),
        max_open_(max_open) {}

  // kNotFound: no such organisation; kFailedPrecondition: it takes no requests (or has no
  // keys yet); kResourceExhausted: it has max_open requests open already; kUnavailable:
  // the database could not store it. Nothing is stored unless it succeeds.
  Result<Submitted> Submit(const ContactRequestCheck& request);

  // Staff side. kPermissionDenied for staff who are not partners; kFailedPrecondition
  // when the account holds no key for the request; another organisation's is kNotFound.
  Result<std::vector<RequestSummary>> List(const StaffIdentity& staff);
  Result<nlohmann::json> Open(const StaffIdentity& staff, const std::vector<OrgSecret>& secrets, const std::string& id);
  Status Update(const StaffIdentity& staff, const std::string& id, const RequestUpdate& update);
  Status Delete(const StaffIdentity& staff, const std::string& id);
  Result<int64_t> CountNew(const StaffIdentity& staff);
  // Status and dates of one request, without opening it (and so without an audit entry).
  Result<RequestSummary> Summary(const StaffIdentity& staff, const std::string& id);

 private:
  Result<store::RequestRow> Owned(const StaffIdentity& staff, const std::string& id);
  store::AuditRow Entry(const StaffIdentity& staff, const std::string& action, const std::string& target);

  store::RequestStore& requests_;
  store::KeyStore& keys_;
  store::AuditStore& audit_;
  Lookup lookup_;
  Clock now_;
  const int64_t max_open_;
};

}  // namespace hw::domain
