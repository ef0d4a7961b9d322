#include "cli/arguments.h"

#include <cctype>
#include <cstdlib>

namespace hw::cli {

Result<Arguments> Arguments::Parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                                   const std::set<std::string>& switches) {
  Arguments parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      parsed.positional_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> value;
    if (const size_t equals = name.find('='); equals != std::string::npos) {
      value = name.substr(equals + 1);
      name = name.substr(0, equals);
    }
    if (switches.count(name)) {
      if (value) return Status::InvalidArgument("--" + name + " takes no value");
      parsed.values_[name] = "1";
    } else if (valued.count(name)) {
      if (!value) {
        if (i + 1 >= args.size()) return Status::InvalidArgument("--" + name + " needs a value");
        value = args[++i];
      }
      parsed.values_[name] = *value;
    } else {
      return Status::InvalidArgument("unknown option --" + name + " (see --help)");
    }
  }
  return parsed;
}

std::optional<std::string> Arguments::Get(const std::string& name) const {
  if (const auto it = values_.find(name); it != values_.end()) return it->second;
  std::string variable = "HULPWIJZER_";
  for (char c : name) variable += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (const char* env = std::getenv(variable.c_str()); env && *env) return std::string(env);
  return std::nullopt;
}

bool Arguments::Has(const std::string& name) const {
  const auto value = Get(name);
  return value && *value != "0" && *value != "false" && *value != "no";
}

Status ParseListen(const std::string& text, std::string* host, int* port) {
  const size_t colon = text.rfind(':');
  if (colon == std::string::npos)
    return Status::InvalidArgument("--listen must be HOST:PORT, like 127.0.0.1:8080 (got \"" + text + "\")");
  std::string h = text.substr(0, colon);
  const std::string p = text.substr(colon + 1);
  if (h.size() >= 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  if (h.empty()) h = "127.0.0.1";
  char* end = nullptr;
  const long number = std::strtol(p.c_str(), &end, 10);
  if (p.empty() || *end != '\0' || number < 0 || number > 65535)
    return Status::InvalidArgument("the port in --listen must be a number from 0 to 65535 (got \"" + p + "\")");
  *host = h;
  *port = static_cast<int>(number);
  return Status::Ok();
}

}  // namespace hw::cli
