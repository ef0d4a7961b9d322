// The currently published Site, replaced whole when a new version is published.
#pragma once

#include "http/site.h"
#include "util/shared_value.h"

namespace hw::http {

using SiteHolder = SharedValue<Site>;

}  // namespace hw::http
