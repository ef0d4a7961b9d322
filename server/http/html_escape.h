// Escaping text for HTML element content and attribute values. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace hw::http {

std::string EscapeHtml(std::string_view text);

}  // namespace hw::http
