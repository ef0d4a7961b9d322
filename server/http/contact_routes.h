// POST /api/v1/contact-requests: the resident's side. Thin: parse, rate-limit, call the
// domain, answer 202 with who will contact them and how soon. No receipt, no id.
#pragma once

#include "http/app_services.h"
#include "http/exchange.h"

namespace hw::http {

HttpResponse SubmitContactRequest(const HttpRequest& request, AppServices& services);

}  // namespace hw::http
