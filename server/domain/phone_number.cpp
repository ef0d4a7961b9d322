#include "domain/phone_number.h"

#include <cctype>

namespace hw::domain {
namespace {

// Digits of a written number; fails on anything but digits, spaces, hyphens, parentheses.
bool Digits(const std::string& written, std::string* digits) {
  for (unsigned char c : written) {
    if (std::isdigit(c)) {
      digits->push_back(static_cast<char>(c));
    } else if (c != ' ' && c != '-' && c != '(' && c != ')') {
      return false;
    }
  }
  return true;
}

bool IsServiceNumber(const std::string& digits) {
  return digits.rfind("0800", 0) == 0 || digits.rfind("0900", 0) == 0 || digits.rfind("0906", 0) == 0 ||
         digits.rfind("0909", 0) == 0;
}

}  // namespace

std::string CheckDutchPhone(const std::string& written, const std::string& tel) {
  std::string digits;
  if (!Digits(written, &digits) || digits.empty()) {
    return "\"" + written + "\" is not a phone number: use digits, spaces and hyphens only";
  }
  // Short numbers (112, 113, 144...) are dialled as written.
  if (digits.size() == 3 && digits[0] == '1') {
    if (tel != digits) return "the number to dial for \"" + written + "\" must be \"" + digits + "\", not \"" + tel + "\"";
    return "";
  }
  if (digits[0] != '0') return "\"" + written + "\" must start with 0 (or be a short number like 112)";
  if (IsServiceNumber(digits)) {
    if (digits.size() != 8 && digits.size() != 11) {
      return "\"" + written + "\" has " + std::to_string(digits.size()) +
             " digits; 0800 and 0900 numbers have 8 or 11";
    }
  } else if (digits.size() != 10) {
    return "\"" + written + "\" has " + std::to_string(digits.size()) + " digits; Dutch numbers have 10";
  }
  const std::string expected = "+31" + digits.substr(1);
  if (tel != expected) {
    return "the number to dial (\"" + tel + "\") does not match the written number \"" + written + "\"; it must be \"" +
           expected + "\"";
  }
  return "";
}

std::string DialFormOf(const std::string& written) {
  std::string digits;
  if (!Digits(written, &digits) || digits.empty()) return "";
  const std::string dialled = digits.size() == 3 && digits[0] == '1' ? digits : "+31" + digits.substr(1);
  return CheckDutchPhone(written, dialled).empty() ? dialled : "";
}

}  // namespace hw::domain
