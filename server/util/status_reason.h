// Why an operation failed, as the interfaces must tell it apart: a stable reason that a
// Status may carry besides its code (which says what kind of failure it is) and its
// message (English, for people and logs). The HTTP layer maps each reason to its answer
// in one table (http::ErrorFromStatus); a Status without a reason is answered by its code.
// Add a reason here only when an interface must act on it differently.
#pragma once

#include <vector>

namespace hw {

// X(enumerator, stable name)
#define HW_STATUS_REASONS(X)                                                                       \
  X(kNone, "")                                                                                     \
  /* the directory draft (store/directory_store, domain/directory_editor) */                       \
  X(kDraftChanged, "draft_changed")         /* someone saved the draft since it was loaded */      \
  X(kDraftOutdated, "draft_outdated")       /* a version was published after the draft began */    \
  X(kInvalidDraft, "invalid_draft")         /* the draft has problems: it cannot go live */        \
  X(kDraftRefused, "draft_refused")         /* not even stored: a text over its bound */           \
  X(kNotPreviewable, "not_previewable")     /* the draft has problems: no preview of it */         \
  X(kApprovalRequired, "approval_required") /* a crisis line changed: a second editor approves */  \
  X(kOwnChange, "own_change")               /* nobody approves their own crisis-line change */     \
  X(kNothingToApprove, "nothing_to_approve")                                                       \
  X(kNoDraft, "no_draft")                                                                          \
  X(kNoSuchVersion, "no_such_version")                                                             \
  X(kVersionNotRestorable, "version_not_restorable")                                               \
  /* a resident's contact request (domain/contact_requests) */                                     \
  X(kUnknownOrganization, "unknown_organization")                                                  \
  X(kNotAccepting, "not_accepting")                                                                \
  X(kProofRejected, "proof_rejected")                                                              \
  X(kInboxFull, "organization_inbox_full")                                                         \
  /* staff handling requests (domain/contact_requests, domain/staff_sessions) */                   \
  X(kNoKey, "no_key")                 /* the session holds no key for this request */              \
  X(kSessionEnded, "session_ended")                                                                \
  X(kInvalidRequestStatus, "invalid_request_status")                                               \
  X(kNoteTooLong, "note_too_long")                                                                 \
  X(kInvalidBatch, "invalid_batch")   /* the chosen requests: none, too many, one twice */         \
  X(kNoSuchRequest, "no_such_request")                                                              \
  X(kNoSuchRequestInBatch, "no_such_request_in_batch") /* nothing of the batch was done */

enum class Reason {
#define HW_REASON_ENUM(name, text) name,
  HW_STATUS_REASONS(HW_REASON_ENUM)
#undef HW_REASON_ENUM
};

// Every reason but kNone, in the order above.
inline const std::vector<Reason>& AllReasons() {
  static const std::vector<Reason> all = [] {
    std::vector<Reason> reasons = {
#define HW_REASON_LIST(name, text) Reason::name,
        HW_STATUS_REASONS(HW_REASON_LIST)
#undef HW_REASON_LIST
    };
    reasons.erase(reasons.begin());
    return reasons;
  }();
  return all;
}

inline const char* ReasonName(Reason reason) {
  static const char* const kNames[] = {
#define HW_REASON_NAME(name, text) text,
      HW_STATUS_REASONS(HW_REASON_NAME)
#undef HW_REASON_NAME
  };
  return kNames[static_cast<int>(reason)];
}

}  // namespace hw
