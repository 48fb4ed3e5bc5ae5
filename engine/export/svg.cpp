// SVG: the timeline as vector art for slides and handouts, in palette.hpp's colours.
//
//   +--------------------------------------------------------------+
//   | title                                                        |
//   | legend: [ready] [running] [waiting] ... -> wake-up  o print  |
//   | event loop  |====|  |=====|       (one lane per row)         |
//   | Task-1      |--------|==|                                     |
//   |             0 s      1 s      2 s       (time axis)          |
//   +--------------------------------------------------------------+
//
// Size follows the content: `options.width` px wide, one 24 px row per lane. What falls
// under a pixel is folded (timeline_model.hpp's fold_segments; prints and arrows are
// thinned per pixel the same way), so a million-event trace stays a file a browser and
// a slide program open. Every shape carries presentation attributes rather than CSS
// classes: slide programs import those reliably.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>

#include "engine/export/export.hpp"
#include "engine/export/narration.hpp"
#include "engine/export/timeline_model.hpp"
#include "engine/export/writers.hpp"

namespace looplab::exporter {

using loop::Trace;

namespace {

// [SECTION] Layout -------------------------------------------------------------------

constexpr double kRowHeight = 24.0;
constexpr double kBarHeight = 14.0;
constexpr double kHeaderHeight = 64.0;
constexpr double kAxisHeight = 40.0;
constexpr double kFooterHeight = 20.0;
constexpr double kCharWidth = 7.0;     // average width of a 12 px sans-serif character
constexpr double kMinRectWidth = 2.0;  // a zero-length step is still a visible tick
// Rectangles a whole file may hold (~130 bytes each with its tooltip): with many lanes
// the fold width grows so the file stays a few megabytes.
constexpr double kRectBudget = 40000.0;
constexpr size_t kMaxArrows = 1000;  // beyond this, arrows are a grey smear: omit them

struct Layout {
  double width = 1200.0;
  double height = 0.0;
  double label_width = 120.0;
  double plot_left = 0.0;
  double plot_right = 0.0;
  double lanes_top = kHeaderHeight;
  double fold_width = kMinRectWidth;  // px under which segments are merged
  TimeScale scale;

  double lane_top(size_t lane) const { return lanes_top + kRowHeight * static_cast<double>(lane); }
  double lane_mid(size_t lane) const { return lane_top(lane) + kRowHeight / 2.0; }
  double axis_y(size_t lanes) const { return lane_top(lanes) + 4.0; }
};

Layout make_layout(const TimelineModel& model, const Options& options) {
  Layout l;
  l.width = std::max(400.0, static_cast<double>(options.width));
  size_t longest = 0;
  for (const Lane& lane : model.lanes) longest = std::max(longest, lane.name.size());
  l.label_width =
      std::clamp(static_cast<double>(longest) * kCharWidth + 16.0, 100.0, l.width / 3.0);
  l.plot_left = l.label_width;
  l.plot_right = l.width - 24.0;
  l.height = kHeaderHeight + kRowHeight * static_cast<double>(model.lanes.size()) + kAxisHeight +
             kFooterHeight;
  const double span = model.end_time > 0.0 ? model.end_time : 1.0;
  l.scale = TimeScale{0.0, (l.plot_right - l.plot_left) / span, l.plot_left};
  const double lane_rects = 2.0 * (l.plot_right - l.plot_left) / kMinRectWidth;
  l.fold_width = kMinRectWidth *
                 std::max(1.0, static_cast<double>(model.lanes.size()) * lane_rects / kRectBudget);
  return l;
}

// [SECTION] Small writers ------------------------------------------------------------

void attr(std::string& out, const char* name, double value) {
  out += ' ';
  out += name;
  out += "=\"";
  append_coord(out, value);
  out += '"';
}

void attr(std::string& out, const char* name, Color color) {
  out += ' ';
  out += name;
  out += "=\"";
  out += color.hex().data();
  out += '"';
}

void text_at(std::string& out, double x, double y, Color color, std::string_view text,
             const char* extra = "") {
  out += "<text";
  attr(out, "x", x);
  attr(out, "y", y);
  attr(out, "fill", color);
  out += extra;
  out += '>';
  append_xml_text(out, text);
  out += "</text>\n";
}

// A label cut to `max_chars` characters (UTF-8 aware) with an ellipsis.
std::string fit(std::string_view text, size_t max_chars) {
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (++chars > max_chars) return std::string(text.substr(0, i)) + "\xE2\x80\xA6";
  }
  return std::string(text);
}

// [SECTION] Header, legend, axis -----------------------------------------------------

void write_header(std::string& out, const Layout& l, const Palette& p, const Options& options) {
  out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"";
  attr(out, "width", l.width);
  attr(out, "height", l.height);
  out += " viewBox=\"0 0 ";
  append_coord(out, l.width);
  out += ' ';
  append_coord(out, l.height);
  out += "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"12\">\n<title>";
  append_xml_text(out, options.title);
  out += "</title>\n<rect x=\"0\" y=\"0\"";
  attr(out, "width", l.width);
  attr(out, "height", l.height);
  attr(out, "fill", p.background);
  out += "/>\n";
  text_at(out, 12.0, 22.0, p.text, options.title, " font-size=\"16\" font-weight=\"bold\"");
}

void write_legend(std::string& out, const Palette& p) {
  double x = 12.0;
  constexpr double y = 38.0;
  for (size_t s = 0; s < kLaneStateCount; ++s) {
    const auto state = static_cast<LaneState>(s);
    out += "<rect";
    attr(out, "x", x);
    attr(out, "y", y);
    out += " width=\"14\" height=\"12\"";
    attr(out, "fill", p.of(state));
    attr(out, "stroke", p.outline);
    out += " stroke-width=\"0.5\"/>\n";
    text_at(out, x + 18.0, y + 10.5, p.text, state_name(state));
    x += 18.0 + kCharWidth * static_cast<double>(std::string_view(state_name(state)).size()) + 14.0;
  }
  out += "<line";
  attr(out, "x1", x);
  attr(out, "y1", y + 6.0);
  attr(out, "x2", x + 22.0);
  attr(out, "y2", y + 6.0);
  attr(out, "stroke", p.flow);
  out += " stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>\n";
  text_at(out, x + 28.0, y + 10.5, p.text, "wake-up");
  x += 28.0 + kCharWidth * 7.0 + 14.0;
  out += "<circle";
  attr(out, "cx", x + 5.0);
  attr(out, "cy", y + 6.0);
  out += " r=\"3.5\"";
  attr(out, "fill", p.text);
  out += "/>\n";
  text_at(out, x + 14.0, y + 10.5, p.text, "print");
}

// A tick step of 1, 2 or 5 times a power of ten giving about one tick per 100 px.
double nice_step(double span, double pixels) {
  const double rough = span / std::max(1.0, pixels / 100.0);
  const double magnitude = std::pow(10.0, std::floor(std::log10(rough)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * magnitude >= rough) return m * magnitude;
  return 10.0 * magnitude;
}

void write_axis(std::string& out, const Layout& l, const Palette& p, size_t lanes) {
  const double y = l.axis_y(lanes);
  const double span = (l.plot_right - l.plot_left) / l.scale.px_per_s;
  const double step = nice_step(span, l.plot_right - l.plot_left);
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  for (long k = 0; static_cast<double>(k) * step <= span * (1.0 + 1e-9); ++k) {
    const double t = static_cast<double>(k) * step;
    const double x = l.scale.x(t);
    out += "<line";
    attr(out, "x1", x);
    attr(out, "y1", l.lanes_top);
    attr(out, "x2", x);
    attr(out, "y2", y + 4.0);
    attr(out, "stroke", p.grid);
    out += " stroke-width=\"0.5\"/>\n";
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, t, std::chars_format::fixed, decimals);
    text_at(out, x, y + 16.0, p.text_muted, std::string(buf, r.ptr) + " s",
            " text-anchor=\"middle\"");
  }
  out += "<line";
  attr(out, "x1", l.plot_left);
  attr(out, "y1", y);
  attr(out, "x2", l.plot_right);
  attr(out, "y2", y);
  attr(out, "stroke", p.outline);
  out += " stroke-width=\"1\"/>\n";
  text_at(out, l.plot_right, y + 32.0, p.text_muted, "virtual time", " text-anchor=\"end\"");
}

// [SECTION] Lanes --------------------------------------------------------------------

void write_rect_title(std::string& out, const Trace& trace, const Lane& lane, const FoldedRect& r) {
  const Segment& first = lane.segments[r.first];
  const Segment& last = lane.segments[r.first + r.count - 1];
  out += "<title>";
  std::string text = lane.name + ": ";
  if (r.count == 1 && (first.state == LaneState::Done || first.state == LaneState::Failed ||
                       first.state == LaneState::Cancelled)) {
    text = narrate(trace, first.event);
  } else if (r.count == 1) {
    text += segment_label(trace, first);
  } else {
    append_uint(text, r.count);
    text += " spans";
  }
  text += ", t=";
  append_seconds(text, first.start);
  if (last.end > first.start) {
    text += " to ";
    append_seconds(text, last.end);
  }
  text += " (step ";
  append_uint(text, first.event);
  text += ')';
  append_xml_text(out, text);
  out += "</title>";
}

// Two passes so that a step's tick is never hidden under the long wait that follows it:
// spans first, then the narrow and folded rectangles on top.
void write_lane_segments(OutputBuffer& buf, const Trace& trace, const Lane& lane, const Layout& l,
                         const Palette& p, double top) {
  const double y = top + (kRowHeight - kBarHeight) / 2.0;
  for (const bool wide_pass : {true, false}) {
    fold_segments(lane.segments, l.scale, l.fold_width, [&](const FoldedRect& r) {
      if (r.exact != wide_pass) return;
      std::string& out = buf.text;
      out += "<rect";
      attr(out, "x", r.x0);
      attr(out, "y", y);
      attr(out, "width", std::max(r.x1 - r.x0, kMinRectWidth));
      attr(out, "height", kBarHeight);
      attr(out, "fill", p.of(r.state));
      if (r.x1 - r.x0 >= 3.0) {
        attr(out, "stroke", p.outline);
        out += " stroke-width=\"0.5\"";
      }
      out += '>';
      write_rect_title(out, trace, lane, r);
      out += "</rect>\n";
      buf.maybe_flush();
    });
  }
}

void write_lane_prints(OutputBuffer& buf, const Trace& trace, const Lane& lane, const Layout& l,
                       const Palette& p, double top) {
  constexpr double kSpacing = 4.0;  // px between two drawn print markers
  for (size_t i = 0; i < lane.prints.size();) {
    const double x = l.scale.x(lane.prints[i].time);
    size_t j = i + 1;
    while (j < lane.prints.size() && l.scale.x(lane.prints[j].time) < x + kSpacing) ++j;
    std::string& out = buf.text;
    out += "<circle";
    attr(out, "cx", x);
    attr(out, "cy", top + 3.5);
    out += " r=\"3\"";
    attr(out, "fill", p.text);
    out += "><title>";
    std::string text = narrate(trace, lane.prints[i].event);
    if (j - i > 1) {
      text += " (and ";
      append_uint(text, j - i - 1);
      text += " more)";
    }
    append_xml_text(out, text);
    out += "</title></circle>\n";
    buf.maybe_flush();
    i = j;
  }
}

void write_lanes(OutputBuffer& buf, const Trace& trace, const TimelineModel& model, const Layout& l,
                 const Palette& p) {
  const auto label_chars = static_cast<size_t>((l.label_width - 16.0) / kCharWidth);
  for (size_t i = 0; i < model.lanes.size(); ++i) {
    const Lane& lane = model.lanes[i];
    const double top = l.lane_top(i);
    std::string& out = buf.text;
    if (i % 2 == 1) {
      out += "<rect x=\"0\"";
      attr(out, "y", top);
      attr(out, "width", l.width);
      attr(out, "height", kRowHeight);
      attr(out, "fill", p.panel);
      out += "/>\n";
    }
    text_at(out, 8.0, l.lane_mid(i) + 4.0, p.text, fit(lane.name, label_chars));
    write_lane_segments(buf, trace, lane, l, p, top);
    write_lane_prints(buf, trace, lane, l, p, top);
  }
}

// [SECTION] Flows and footer ---------------------------------------------------------

// Arrows after thinning to one per (lanes, pixel column pair); empty if too many remain.
std::vector<const Flow*> visible_flows(const TimelineModel& model, const Trace& trace,
                                       const Layout& l) {
  std::vector<const Flow*> kept;
  std::unordered_set<uint64_t> seen;
  for (const Flow& f : model.flows) {
    const auto x0 = static_cast<uint64_t>(std::lround(l.scale.x(trace.events[f.from_event].time)));
    const auto x1 = static_cast<uint64_t>(std::lround(l.scale.x(trace.events[f.to_event].time)));
    const uint64_t key =
        (uint64_t{f.from_lane} << 48) ^ (uint64_t{f.to_lane} << 32) ^ (x0 << 16) ^ x1;
    if (!seen.insert(key).second) continue;
    if (kept.size() == kMaxArrows) return {};
    kept.push_back(&f);
  }
  return kept;
}

void write_flows(OutputBuffer& buf, const Trace& trace, const TimelineModel& model,
                 const std::vector<const Flow*>& flows, const Layout& l, const Palette& p) {
  for (const Flow* f : flows) {
    std::string& out = buf.text;
    out += "<line";
    attr(out, "x1", l.scale.x(trace.events[f->from_event].time));
    attr(out, "y1", l.lane_mid(f->from_lane));
    attr(out, "x2", l.scale.x(trace.events[f->to_event].time));
    attr(out, "y2", l.lane_mid(f->to_lane));
    attr(out, "stroke", p.flow);
    out += " stroke-width=\"1\" stroke-opacity=\"0.8\" marker-end=\"url(#arrow)\"><title>";
    // The waiter's side is named, not narrated: a StepBegin's sentence may walk back far.
    append_xml_text(
        out, narrate(trace, f->from_event) + " -> " + model.lanes[f->to_lane].name + " resumes");
    out += "</title></line>\n";
    buf.maybe_flush();
  }
}

void write_arrow_marker(std::string& out, const Palette& p) {
  out +=
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
      "markerWidth=\"6\" markerHeight=\"6\" orient=\"auto-start-reverse\">"
      "<path d=\"M 0 0 L 10 5 L 0 10 z\"";
  attr(out, "fill", p.flow);
  out += "/></marker></defs>\n";
}

}  // namespace

bool write_svg(const Trace& trace, std::ostream& out, const Options& options, std::string* error) {
  const TimelineModel model = build_timeline(trace);
  const Layout layout = make_layout(model, options);
  const Palette& p = palette(options.theme);
  OutputBuffer buf(out);
  write_header(buf.text, layout, p, options);
  write_arrow_marker(buf.text, p);
  write_legend(buf.text, p);
  write_lanes(buf, trace, model, layout, p);
  write_axis(buf.text, layout, p, model.lanes.size());
  const std::vector<const Flow*> flows = visible_flows(model, trace, layout);
  write_flows(buf, trace, model, flows, layout, p);
  if (flows.empty() && !model.flows.empty()) {
    std::string note = std::to_string(model.flows.size()) +
                       " wake-up arrows omitted at this scale (the GUI shows them zoomed in)";
    text_at(buf.text, 12.0, layout.height - 6.0, p.text_muted, note);
  }
  buf.text += "</svg>\n";
  if (buf.flush()) return true;
  if (error) *error = "the output stream failed";
  return false;
}

}  // namespace looplab::exporter
