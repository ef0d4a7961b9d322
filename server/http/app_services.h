// Everything the routes call into, owned by the serve command for the life of the
// process. Routes borrow it; all members are thread-safe.
#pragma once

#include <functional>

#include "domain/contact_requests.h"
#include "domain/keyring.h"
#include "domain/rate_limiter.h"
#include "domain/session_vault.h"
#include "store/audit_store.h"
#include "store/key_store.h"

namespace hw::http {

struct AppServices {
  domain::ContactRequests& requests;
  domain::Keyring& keyring;
  domain::SessionVault& sessions;
  store::AuditStore& audit;
  store::KeyStore& keys;
  std::function<int64_t()> now;
  domain::RateLimiter submissions_per_client{5, 600};       // a resident: 5 per 10 minutes
  domain::RateLimiter submissions_per_organization{60, 3600};
  domain::RateLimiter failed_logins_per_client{20, 600};  // failures only: colleagues share addresses
};

}  // namespace hw::http
