#include "http/wire/request_framer.h"

#include "http/header_text.h"

namespace hw::http {
namespace {

// The headers that decide framing, read the way cpp-httplib 0.11.4 reads a header line:
// only lines that end in CR LF count, the name is everything before the first colon
// (not trimmed), the value starts after spaces and tabs and loses trailing ones.
struct FramingHeaders {
  bool has_length = false;
  bool length_invalid = false;  // not plain digits, empty, or two different values
  bool length_too_large = false;
  size_t length = 0;
  bool has_transfer_encoding = false;
  bool expects_continue = false;
};

// Plain decimal digits only: cpp-httplib URL-decodes header values and reads numbers with
// strtoull, so anything else ("%35", "+5", " 5 6") could be read differently there.
bool ParseLength(std::string_view value, size_t limit, size_t* length, bool* too_large) {
  if (value.empty()) return false;
  size_t n = 0;
  *too_large = false;
  for (char c : value) {
    if (c < '0' || c > '9') return false;
    if (!*too_large) {
      n = n * 10 + static_cast<size_t>(c - '0');
      if (n > limit) *too_large = true;
    }
  }
  *length = n;
  return true;
}

void ReadHeaderLine(std::string_view line, size_t max_body, FramingHeaders* headers) {
  while (!line.empty() && IsSpaceOrTab(line.back())) line.remove_suffix(1);
  const size_t colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string_view name = line.substr(0, colon);
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && IsSpaceOrTab(value.front())) value.remove_prefix(1);
  if (EqualsIgnoringCase(name, "content-length")) {
    size_t length = 0;
    bool too_large = false;
    if (!ParseLength(value, max_body, &length, &too_large)) {
      headers->length_invalid = true;
    } else if (headers->has_length && (too_large != headers->length_too_large || length != headers->length)) {
      headers->length_invalid = true;
    } else {
      headers->has_length = true;
      headers->length = length;
      headers->length_too_large = too_large;
    }
  } else if (EqualsIgnoringCase(name, "transfer-encoding")) {
    headers->has_transfer_encoding = true;
  } else if (EqualsIgnoringCase(name, "expect")) {
    headers->expects_continue = EqualsIgnoringCase(value, "100-continue");
  }
}

// `lines` runs from the first header line up to (not including) the empty line.
FramingHeaders ReadFramingHeaders(std::string_view lines, size_t max_body) {
  FramingHeaders headers;
  while (!lines.empty()) {
    const size_t end = lines.find('\n');
    const std::string_view line = lines.substr(0, end);
    lines.remove_prefix(end == std::string_view::npos ? lines.size() : end + 1);
    if (line.empty() || line.back() != '\r') continue;  // cpp-httplib skips such lines too
    ReadHeaderLine(line.substr(0, line.size() - 1), max_body, &headers);
  }
  return headers;
}

Framing Refuse(int status) {
  Framing framing;
  framing.state = Framing::State::kRefuse;
  framing.refuse_status = status;
  return framing;
}

void ReadRequestLine(std::string_view line, Framing* framing) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const size_t first_space = line.find(' ');
  framing->method = line.substr(0, first_space);
  if (first_space == std::string_view::npos) return;
  const std::string_view rest = line.substr(first_space + 1);
  framing->target = rest.substr(0, rest.find(' '));
}

}  // namespace

Framing FrameRequest(std::string_view buffered, const FramingLimits& limits) {
  const size_t first_newline = buffered.find('\n');
  if (first_newline == std::string_view::npos) {
    if (buffered.size() > limits.max_head) return Refuse(414);
    return Framing{};
  }
  if (first_newline == 0 || (first_newline == 1 && buffered[0] == '\r')) return Refuse(400);

  // The head ends with an empty line: "\r\n" right after a line's "\n".
  const size_t blank = buffered.find("\n\r\n", first_newline);
  if (blank == std::string_view::npos) {
    if (buffered.size() > limits.max_head) return Refuse(431);
    return Framing{};
  }
  const size_t head_length = blank + 3;
  if (head_length > limits.max_head) return Refuse(431);

  const FramingHeaders headers =
      ReadFramingHeaders(buffered.substr(first_newline + 1, blank - first_newline), limits.max_body);
  Framing framing;
  ReadRequestLine(buffered.substr(0, first_newline), &framing);
  if (headers.has_transfer_encoding || (headers.has_length && headers.length_too_large)) {
    framing.state = Framing::State::kComplete;
    framing.length = head_length;
    framing.close_after = true;
    return framing;
  }
  if (headers.length_invalid) return Refuse(400);
  const size_t body = headers.has_length ? headers.length : 0;
  if (buffered.size() - head_length < body) {
    framing.expects_continue = headers.expects_continue;
    return framing;
  }
  framing.state = Framing::State::kComplete;
  framing.length = head_length + body;
  return framing;
}

}  // namespace hw::http
