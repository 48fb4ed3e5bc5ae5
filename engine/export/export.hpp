#pragma once
// Exporting a Trace: Chrome/Perfetto trace JSON, CSV, a narrated text log and SVG.
//
// Front ends use two calls:
//   write(trace, format, std::cout, options, &error)      `looplab-cli export -o -`
//   export_to_file(trace, format, path, &error, options)  `-o OUT` and the GUI's File menu
// export_to_file writes a temporary file beside `path` and renames it into place, so a
// reader never sees half a file and a failed export leaves nothing behind.
//
// Every writer streams (its memory does not grow with the output) and is deterministic:
// the same trace and options give byte-identical output (no clock, no addresses, fixed
// number formatting).

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

#include "engine/export/palette.hpp"
#include "engine/loop/trace.hpp"

namespace looplab::exporter {

// [SECTION] Formats and options -----------------------------------------------------

enum class Format : uint8_t { Chrome, Csv, Text, Svg };

// "chrome", "csv", "text", "svg" (the CLI's --format values).
const char* format_name(Format format);
std::optional<Format> parse_format(std::string_view name);
// The usual file extension, with the dot: ".json", ".csv", ".txt", ".svg".
const char* format_extension(Format format);

struct Options {
  std::string title = "LoopLab";  // process name (chrome), heading (svg, text)
  Theme theme = Theme::Light;     // svg
  int width = 1200;               // svg width in px (at least 400)
  bool verbose = false;           // text: also every line change and ready-queue pop
};

// [SECTION] Writers -----------------------------------------------------------------
// Each writes one format to `out`; false (with `error` set when not null) if the
// stream failed.

bool write_chrome(const loop::Trace& trace, std::ostream& out, const Options& options,
                  std::string* error);
bool write_csv(const loop::Trace& trace, std::ostream& out, const Options& options,
               std::string* error);
bool write_text(const loop::Trace& trace, std::ostream& out, const Options& options,
                std::string* error);
bool write_svg(const loop::Trace& trace, std::ostream& out, const Options& options,
               std::string* error);

bool write(const loop::Trace& trace, Format format, std::ostream& out, const Options& options,
           std::string* error);

// [SECTION] Files -------------------------------------------------------------------

// Writes `path` atomically (temporary file in the same directory, then rename). On
// failure returns false, removes the temporary file, leaves an existing `path`
// untouched, and sets `error` to e.g.
// "cannot write /nonexistent/x.json: No such file or directory".
bool export_to_file(const loop::Trace& trace, Format format, const std::string& path,
                    std::string* error, const Options& options = {});

}  // namespace looplab::exporter
