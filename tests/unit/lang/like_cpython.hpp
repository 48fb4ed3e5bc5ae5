#pragma once
// The language tests' check: a program run on LoopLab's VM prints what CPython 3.11 prints
// under the reference runner (same stdout, exit status and last stderr line).

#include <string>

namespace looplab::testing {

void expect_like_cpython(const std::string& source);

}  // namespace looplab::testing
