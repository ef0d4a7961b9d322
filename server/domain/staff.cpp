#include "domain/staff.h"

namespace hw::domain {

std::vector<std::string> StaffIdentity::Roles() const {
  std::vector<std::string> roles;
  if (partner_of) roles.push_back("partner");
  if (is_editor) roles.push_back("editor");
  if (is_admin) roles.push_back("admin");
  return roles;
}

}  // namespace hw::domain
