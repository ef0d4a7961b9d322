# The libFuzzer targets, shared by tests/fuzz/CMakeLists.txt (builds them) and
# tests/CMakeLists.txt (the CTest tests "fuzz: <target>"). tests/fuzz/run.sh keeps the same list.
set(HW_FUZZ_TARGETS contact_request directory questionnaire content_negotiation request_framer simple_get)
# The HSDS import (issue 6) is fuzzed once it is in the tree.
if(EXISTS ${CMAKE_SOURCE_DIR}/server/domain/hsds.h)
  list(APPEND HW_FUZZ_TARGETS hsds_import)
endif()
