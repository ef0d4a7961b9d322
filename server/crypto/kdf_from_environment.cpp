// KdfParams::FromEnvironment, compiled once per executable rather than into hw_core: the
// shipped `hulpwijzer` is built without HW_FAST_KDF_SWITCH and ignores the variable;
// `hulpwijzer-for-tests` (built only with BUILD_TESTING, used by every test that logs
// staff in) is built with it. Both come from one build tree, so scripts/test.sh's single
// build/ runs every test, and the test of the shipped binary runs the real one.
#include <cstdlib>
#include <string_view>

#include "crypto/password_kdf.h"

namespace hw::crypto {

bool KdfParams::FastSwitchHonoured() {
#ifdef HW_FAST_KDF_SWITCH
  return true;
#else
  return false;
#endif
}

KdfParams KdfParams::FromEnvironment() {
  if (!FastSwitchHonoured()) return Production();
  const char* fast = std::getenv("HULPWIJZER_FAST_KDF_FOR_TESTS");
  return fast && std::string_view(fast) == "1" ? FastForTests() : Production();
}

}  // namespace hw::crypto
