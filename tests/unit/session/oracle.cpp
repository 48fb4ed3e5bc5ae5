#include "tests/unit/session/oracle.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
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
  // CPython reads the program as a file named prog.py, as LoopLab's tests name it, so its
  // tracebacks show the source lines it reads back from disk. The folder is named after
  // the program: an identical question from another test process (or the ASan run) finds
  // the same file, and LOOPLAB_REF_CACHE can answer it.
  char name[32];
  std::snprintf(name, sizeof name, "%016zx", std::hash<std::string>{}(source));
  const auto dir = std::filesystem::path(LOOPLAB_BINARY_DIR) / "oracle" / name;
  std::filesystem::create_directories(dir);
  static int calls = 0;  // test cases run as parallel processes: their files must not collide
  const std::string stem = std::to_string(getpid()) + "_" + std::to_string(++calls);
  const auto partial = dir / (stem + ".tmp");
  std::ofstream(partial) << source;
  std::filesystem::rename(partial, dir / "prog.py");  // atomic: readers see a whole file
  const auto err = dir / (stem + ".err");
  std::string command = "cd '" + dir.string() + "' && " + LOOPLAB_PYTHON + " " +
                        LOOPLAB_SOURCE_DIR + "/tests/reference/looplab_ref.py";
  for (const std::string& flag : flags) command += " " + flag;
  command += " prog.py 2>" + err.string();

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
  std::filesystem::remove(err);
  return oracle;
}

}  // namespace looplab::testing
