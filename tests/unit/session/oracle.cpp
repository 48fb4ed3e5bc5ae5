#include "tests/unit/session/oracle.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace looplab::testing {

std::string last_line(const std::string& text) {
  std::string last;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) last = text.substr(start, end - start);
    start = end + 1;
  }
  return last;
}

Oracle reference_run(const std::string& source, const std::vector<std::string>& flags) {
  // ctest runs test cases as parallel processes: the file names must not collide.
  static int calls = 0;
  const std::string stem =
      "looplab_oracle_" + std::to_string(getpid()) + "_" + std::to_string(++calls);
  const auto dir = std::filesystem::temp_directory_path();
  const auto program = dir / (stem + ".py");
  const auto err = dir / (stem + ".err");
  std::ofstream(program) << source;
  std::string command =
      std::string("python3 ") + LOOPLAB_SOURCE_DIR + "/tests/reference/looplab_ref.py";
  for (const std::string& flag : flags) command += " " + flag;
  command += " " + program.string() + " 2>" + err.string();

  Oracle oracle;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) oracle.out.append(buffer, n);
    const int status = pclose(pipe);
    if (status != -1 && WIFEXITED(status)) oracle.exit_status = WEXITSTATUS(status);
  }
  std::ifstream err_in(err, std::ios::binary);
  oracle.err.assign(std::istreambuf_iterator<char>(err_in), std::istreambuf_iterator<char>());
  oracle.last_err_line = last_line(oracle.err);
  std::filesystem::remove(program);
  std::filesystem::remove(err);
  return oracle;
}

}  // namespace looplab::testing
