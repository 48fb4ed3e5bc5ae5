#pragma once
// The oracle for unit tests: CPython 3.11 running a program under the reference runner
// (tests/reference/looplab_ref.py), so expected output is never typed by hand.

#include <string>
#include <vector>

namespace looplab::testing {

struct Oracle {
  int exit_status = -1;
  std::string out;
  std::string err;
  std::string last_err_line;  // the last non-empty line of `err`
};

// Runs `source` as a file under the reference runner with `flags` (e.g. "--stamp",
// "--max-time", "5") before the file name.
Oracle reference_run(const std::string& source, const std::vector<std::string>& flags = {});

// The last non-empty line of `text`.
std::string last_line(const std::string& text);

}  // namespace looplab::testing
