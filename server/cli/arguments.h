// Command-line flags with HULPWIJZER_* environment variables as the alternative
// (flag wins). Secrets are never accepted as flags. Errors are values that say what to do.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "util/status.h"

namespace hw::cli {

class Arguments {
 public:
  // Parses `--name value`, `--name=value` and bare `--switch`. `switches` lists the flags
  // that take no value; `valued` the flags that take one. Anything else is an error.
  static Result<Arguments> Parse(const std::vector<std::string>& args, const std::set<std::string>& valued,
                                 const std::set<std::string>& switches);

  // The flag's value, else the environment variable HULPWIJZER_<NAME> (dashes become _).
  std::optional<std::string> Get(const std::string& name) const;
  bool Has(const std::string& name) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
};

// "127.0.0.1:8080" -> host, port. Accepts "[::1]:8080" and ":8080" (host 127.0.0.1).
Status ParseListen(const std::string& text, std::string* host, int* port);

}  // namespace hw::cli
