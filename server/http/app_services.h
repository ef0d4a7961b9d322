// Everything the routes call into, owned by the serve command for the life of the
// process: domain objects only (no route reaches a store). Routes borrow it; all members
// are thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <mutex>

#include "assets/asset_catalog.h"
#include "domain/audit_trail.h"
#include "domain/contact_requests.h"
#include "domain/directory_editor.h"
#include "domain/keyring.h"
#include "domain/rate_limiter.h"
#include "domain/staff_sessions.h"

namespace hw::http {

class Site;

// The last rendered preview of the draft, by draft revision.
struct PreviewCache {
  std::mutex mutex;
  int64_t revision = -1;
  std::shared_ptr<const Site> site;
};

struct AppServices {
  domain::ContactRequests& requests;
  domain::Keyring& keyring;
  domain::StaffSessions& sessions;
  domain::AuditTrail& audit;
  std::function<int64_t()> now;
  domain::DirectoryEditor& editor;
  const assets::AssetCatalog& catalog;
  PreviewCache preview;
  // Per client only: a limit per organisation would let one person with a few addresses
  // switch an organisation off for everyone. What else protects an organisation's inbox
  // is in domain/contact_requests.h (proof of work, a bound far above real inflow).
  domain::RateLimiter submissions_per_client{5, 600};       // a resident: 5 stored per 10 minutes
  domain::RateLimiter submissions_per_56{10, 600};  // an IPv6 home: its /64s together
  domain::RateLimiter submissions_per_48{25, 600};  // an IPv6 customer's whole allocation
  domain::RateLimiter invalid_submissions_per_client{30, 600};  // typos must not use those up
  domain::RateLimiter failed_logins_per_client{20, 600};  // failures only: colleagues share addresses
};

}  // namespace hw::http
