// The resident's side of contact requests. Thin: parse, rate-limit, call the domain.
//   POST /api/v1/contact-requests/challenge  {organization_id} -> 200 {challenge, bits,
//        expires_in}: the proof of work to do first (domain/proof_of_work.h).
//   POST /api/v1/contact-requests  the request with "proof": {challenge, nonce} -> 202 with
//        who will contact them and how soon. No receipt, no id.
#pragma once

#include "http/app_services.h"
#include "http/exchange.h"

namespace hw::http {

HttpResponse IssueContactChallenge(const HttpRequest& request, AppServices& services);
HttpResponse SubmitContactRequest(const HttpRequest& request, AppServices& services);

}  // namespace hw::http
