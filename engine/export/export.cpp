#include "engine/export/export.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <streambuf>
#include <system_error>

namespace looplab::exporter {

// [SECTION] Formats ------------------------------------------------------------------

const char* format_name(Format format) {
  switch (format) {
    case Format::Chrome:
      return "chrome";
    case Format::Csv:
      return "csv";
    case Format::Text:
      return "text";
    case Format::Svg:
      return "svg";
  }
  return "?";
}

const char* format_extension(Format format) {
  switch (format) {
    case Format::Chrome:
      return ".json";
    case Format::Csv:
      return ".csv";
    case Format::Text:
      return ".txt";
    case Format::Svg:
      return ".svg";
  }
  return "";
}

std::optional<Format> parse_format(std::string_view name) {
  for (Format f : {Format::Chrome, Format::Csv, Format::Text, Format::Svg})
    if (name == format_name(f)) return f;
  return std::nullopt;
}

bool write(const loop::Trace& trace, Format format, std::ostream& out, const Options& options,
           std::string* error) {
  switch (format) {
    case Format::Chrome:
      return write_chrome(trace, out, options, error);
    case Format::Csv:
      return write_csv(trace, out, options, error);
    case Format::Text:
      return write_text(trace, out, options, error);
    case Format::Svg:
      return write_svg(trace, out, options, error);
  }
  return false;
}

// [SECTION] Atomic files -------------------------------------------------------------

namespace {

// An unbuffered streambuf over a file descriptor that keeps the errno of its first
// failure, so the error can say "No space left on device" rather than "write failed".
// (The writers already hand over 64 KiB blocks.)
class FdStreamBuf : public std::streambuf {
 public:
  explicit FdStreamBuf(int fd) : fd_(fd) {}
  int error() const { return errno_; }

 protected:
  std::streamsize xsputn(const char* data, std::streamsize n) override {
    std::streamsize done = 0;
    while (done < n && errno_ == 0) {
      const ssize_t w = ::write(fd_, data + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        errno_ = w < 0 ? errno : EIO;
        break;
      }
      done += w;
    }
    return done;
  }
  int_type overflow(int_type ch) override {
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    const char c = traits_type::to_char_type(ch);
    return xsputn(&c, 1) == 1 ? ch : traits_type::eof();
  }

 private:
  int fd_;
  int errno_ = 0;
};

std::string errno_text(int err) {
  return std::generic_category().message(err);
}

bool fail(std::string* error, const std::string& path, int err) {
  if (error) *error = "cannot write " + path + ": " + errno_text(err);
  return false;
}

// A fresh, exclusively created file beside `target` ("-1" and errno on failure).
int create_temporary(const std::filesystem::path& target, std::string& temp_path) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path dir =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    temp_path = (dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) +
                        "-" + std::to_string(counter++)))
                    .string();
    const int fd = ::open(temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd >= 0 || errno != EEXIST) return fd;
  }
  errno = EEXIST;
  return -1;
}

}  // namespace

bool export_to_file(const loop::Trace& trace, Format format, const std::string& path,
                    std::string* error, const Options& options) {
  if (path == "-") {
    std::string inner;
    if (write(trace, format, std::cout, options, &inner) && std::cout.flush()) return true;
    if (error) *error = "cannot write to standard output";
    return false;
  }
  const std::filesystem::path target(path);
  if (target.filename().empty()) return fail(error, path, EISDIR);
  std::string temp;
  const int fd = create_temporary(target, temp);
  if (fd < 0) return fail(error, path, errno);

  FdStreamBuf buf(fd);
  std::ostream out(&buf);
  std::string inner;
  const bool written = write(trace, format, out, options, &inner) && out.flush();
  int err = buf.error();
  if (written && err == 0 && ::fsync(fd) != 0) err = errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (written && err == 0 && std::rename(temp.c_str(), path.c_str()) != 0) err = errno;
  if (written && err == 0) return true;
  ::unlink(temp.c_str());
  if (err == 0) {
    if (error) *error = "cannot write " + path + ": " + inner;
    return false;
  }
  return fail(error, path, err);
}

}  // namespace looplab::exporter
