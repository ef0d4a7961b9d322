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

std::optional<Problem> CheckDutchPhone(const std::string& written, const std::string& tel) {
  const std::string shown = Shortened(written);
  std::string digits;
  if (!Digits(written, &digits) || digits.empty()) return MakeProblem(ProblemCode::kPhoneChars, {{"number", shown}});
  // Short numbers (112, 113, 144...) are dialled as written.
  if (digits.size() == 3 && digits[0] == '1') {
    if (tel != digits)
      return MakeProblem(ProblemCode::kShortTel, {{"number", shown}, {"expected", digits}, {"tel", Shortened(tel)}});
    return std::nullopt;
  }
  if (digits[0] != '0') return MakeProblem(ProblemCode::kPhoneZero, {{"number", shown}});
  if (IsServiceNumber(digits)) {
    if (digits.size() != 8 && digits.size() != 11)
      return MakeProblem(ProblemCode::kPhoneServiceLength, {{"number", shown}, {"digits", digits.size()}});
  } else if (digits.size() != 10) {
    return MakeProblem(ProblemCode::kPhoneLength, {{"number", shown}, {"digits", digits.size()}});
  }
  const std::string expected = "+31" + digits.substr(1);
  if (tel != expected)
    return MakeProblem(ProblemCode::kTelMismatch, {{"tel", Shortened(tel)}, {"number", shown}, {"expected", expected}});
  return std::nullopt;
}

std::string DialFormOf(const std::string& written) {
  std::string digits;
  if (!Digits(written, &digits) || digits.empty()) return "";
  const std::string dialled = digits.size() == 3 && digits[0] == '1' ? digits : "+31" + digits.substr(1);
  return CheckDutchPhone(written, dialled) ? "" : dialled;
}

}  // namespace hw::domain
