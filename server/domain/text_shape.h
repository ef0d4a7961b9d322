// The shapes of short texts that come from outside (editors' drafts, HSDS imports,
// residents' contact requests): ids, keys, language codes, phone digits, web and e-mail
// addresses. std::regex is never used on such text: libstdc++ matches by recursion, one
// stack frame per character, so a 40,000-character URL overflowed the stack (issue 12,
// finding 3). Simple shapes are checked by hand, in one pass; the two that need a
// pattern use RE2, which runs in linear time without recursion.
// Every function is pure and thread-safe, and takes time linear in the text's length.
#pragma once

#include <string_view>

namespace hw::domain {

// 3f2b8c1e-5d4a-4b6f-9c0d-1e2f3a4b5c6d: hex in lowercase, groups of 8-4-4-4-12.
bool IsLowercaseUuid(std::string_view text);
// veilig-thuis: lowercase letters and digits in groups joined by single hyphens.
bool IsSlug(std::string_view text);
// nl: two lowercase letters.
bool IsLanguageCode(std::string_view text);
// own_behaviour: a lowercase letter, then lowercase letters, digits and _.
bool IsIdentifier(std::string_view text);
// 0612345678 (a Dutch number of ten digits) or +32470123456 (+, then 8 to 15 digits,
// not starting with 0).
bool IsDutchOrInternationalDigits(std::string_view text);
// https://host.tld/path: a lowercase host with a dot and a top-level domain of two or more
// letters, then an optional path without spaces, quotes or angle brackets.
bool IsHttpsUrl(std::string_view text);
// local@domain.tld: at most 64 characters before the @, no spaces, at least one dot in
// the domain (the caller bounds the whole length).
bool IsEmailShape(std::string_view text);

}  // namespace hw::domain
