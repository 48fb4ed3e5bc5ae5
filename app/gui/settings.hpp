#pragma once
// Persistence in the user's config directory ($XDG_CONFIG_HOME/looplab, else
// ~/.config/looplab): settings.json holds ViewData; autosave/ holds every edited program
// so nothing a student typed is lost, even after a crash.

#include <filesystem>
#include <optional>
#include <string>

#include "app/gui/view_data.hpp"

namespace looplab::app {

std::filesystem::path config_dir();

// The default layout and theme, from assets/default_settings.json (compiled in).
ViewData default_view_data();
// The defaults overlaid with the user's settings.json; a missing or bad field keeps its
// default.
ViewData load_view_data();
bool save_view_data(const ViewData& view, std::string* error);

// The autosaved text of program `name` (scenario name or path), if any.
std::optional<std::string> load_autosave(const std::string& name);
bool save_autosave(const std::string& name, const std::string& source, std::string* error);
void remove_autosave(const std::string& name);

// Writes `text` to `path` through a temporary file and a rename.
bool write_file_atomically(const std::filesystem::path& path, const std::string& text,
                           std::string* error);

void add_recent_file(ViewData* view, const std::string& path);

}  // namespace looplab::app
