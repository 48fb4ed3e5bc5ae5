#include "app/gui/settings.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "default_settings.hpp"  // generated from assets/default_settings.json: kDefaultSettings

namespace looplab::app {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr size_t kMaxRecentFiles = 10;

// A program name ("restaurant" or "/home/x/lesson.py") as a safe file name.
std::string autosave_file_name(const std::string& name) {
  std::string out;
  for (char c : name)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
  return out + (out.ends_with(".py") ? "" : ".py");
}

fs::path autosave_path(const std::string& name) {
  return config_dir() / "autosave" / autosave_file_name(name);
}

template <class T>
void read(const json& j, const char* key, T* field) {
  auto it = j.find(key);
  if (it == j.end()) return;
  try {
    *field = it->get<T>();
  } catch (const json::exception&) {
    // A field of the wrong type keeps its default; the rest of the file still loads.
  }
}

}  // namespace

fs::path config_dir() {
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
    return fs::path(xdg) / "looplab";
  if (const char* home = std::getenv("HOME"); home && *home)
    return fs::path(home) / ".config" / "looplab";
  return fs::temp_directory_path() / "looplab";
}

bool write_file_atomically(const fs::path& path, const std::string& text, std::string* error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  const fs::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      *error = "cannot write " + path.string();
      return false;
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    *error = "cannot write " + path.string() + ": " + ec.message();
    return false;
  }
  return true;
}

namespace {

void read_view_data(const json& j, ViewData& view) {
  if (!j.is_object()) return;
  read(j, "show_source", &view.show.source);
  read(j, "show_parameters", &view.show.parameters);
  read(j, "show_tasks", &view.show.tasks);
  read(j, "show_event_loop", &view.show.event_loop);
  read(j, "show_warnings", &view.show.warnings);
  read(j, "show_console", &view.show.console);
  read(j, "show_narration", &view.show.narration);
  read(j, "show_legend", &view.show.legend);
  read(j, "left_fraction", &view.left_fraction);
  read(j, "right_fraction", &view.right_fraction);
  read(j, "bottom_fraction", &view.bottom_fraction);
  read(j, "source_fraction", &view.source_fraction);
  read(j, "tasks_fraction", &view.tasks_fraction);
  read(j, "loop_fraction", &view.loop_fraction);
  read(j, "dark", &view.dark);
  read(j, "font_scale", &view.font_scale);
  read(j, "speed", &view.speed);
  int granularity = static_cast<int>(view.granularity);
  read(j, "granularity", &granularity);
  view.granularity = static_cast<Granularity>(std::clamp(granularity, 0, kGranularityCount - 1));
  read(j, "recent_files", &view.recent_files);
  read(j, "window_width", &view.window_width);
  read(j, "window_height", &view.window_height);
  view.font_scale = std::clamp(view.font_scale, 0.75f, 3.0f);
  view.speed = std::clamp(view.speed, 0.1f, 100.0f);
}

}  // namespace

ViewData default_view_data() {
  ViewData view;
  read_view_data(json::parse(kDefaultSettings, nullptr, false), view);
  return view;
}

ViewData load_view_data() {
  ViewData view = default_view_data();
  std::ifstream in(config_dir() / "settings.json");
  if (in) read_view_data(json::parse(in, nullptr, false), view);
  return view;
}

bool save_view_data(const ViewData& view, std::string* error) {
  json j = {
      {"show_source", view.show.source},
      {"show_parameters", view.show.parameters},
      {"show_tasks", view.show.tasks},
      {"show_event_loop", view.show.event_loop},
      {"show_warnings", view.show.warnings},
      {"show_console", view.show.console},
      {"show_narration", view.show.narration},
      {"show_legend", view.show.legend},
      {"left_fraction", view.left_fraction},
      {"right_fraction", view.right_fraction},
      {"bottom_fraction", view.bottom_fraction},
      {"source_fraction", view.source_fraction},
      {"tasks_fraction", view.tasks_fraction},
      {"loop_fraction", view.loop_fraction},
      {"dark", view.dark},
      {"font_scale", view.font_scale},
      {"speed", view.speed},
      {"granularity", static_cast<int>(view.granularity)},
      {"recent_files", view.recent_files},
      {"window_width", view.window_width},
      {"window_height", view.window_height},
  };
  return write_file_atomically(config_dir() / "settings.json", j.dump(2) + "\n", error);
}

std::optional<std::string> load_autosave(const std::string& name) {
  std::ifstream in(autosave_path(name), std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool save_autosave(const std::string& name, const std::string& source, std::string* error) {
  return write_file_atomically(autosave_path(name), source, error);
}

void remove_autosave(const std::string& name) {
  std::error_code ec;
  fs::remove(autosave_path(name), ec);
}

void add_recent_file(ViewData* view, const std::string& path) {
  auto& recent = view->recent_files;
  recent.erase(std::remove(recent.begin(), recent.end(), path), recent.end());
  recent.insert(recent.begin(), path);
  if (recent.size() > kMaxRecentFiles) recent.resize(kMaxRecentFiles);
}

}  // namespace looplab::app
