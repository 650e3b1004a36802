// The HTML report's charts: inline SVG bars, one group per row, the series
// (columns) side by side, told apart in black-and-white print by shade and
// pattern and named in a legend, never by colour alone. Nothing in a chart
// depends on a hidden count: a hidden cell draws no bar, is named as the
// table names it ("<5", "*"), and the scale is made of shown values only.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "report/html_parts.h"

namespace care::report::html {
namespace {

// Geometry, in CSS pixels at 12px text. Widths of text are estimated from the
// number of characters, generously, since the page cannot measure them.
constexpr double kCharWidth = 7;
constexpr double kPad = 8;
constexpr double kBar = 14;
constexpr double kBarGap = 2;
constexpr double kGroupGap = 10;
constexpr double kPlot = 280;
constexpr double kLegendLine = 18;
constexpr std::size_t kMaxLabel = 40;

// A bar's look. `pattern` is the SVG content of a 6x6 tile (drawn over
// white), or empty for a plain fill.
struct Look {
  const char* fill;
  const char* pattern;
  double outline;  // stroke width; 0 for none
};
// Eight looks a grey printer keeps apart: black, white, hatched, mid grey,
// dotted, lined, cross-hatched, light grey.
constexpr std::array<Look, 8> kLooks = {{
    {"#1a1a1a", "", 0},
    {"#ffffff", "", 1},
    {"", "<path d=\"M-1 7L7 -1M-1 1L1 -1M5 7L7 5\" stroke=\"#000\" stroke-width=\"1.5\"/>", 1},
    {"#8c8c8c", "", 1},
    {"", "<circle cx=\"3\" cy=\"3\" r=\"1.3\" fill=\"#000\"/>", 1},
    {"", "<path d=\"M0 3H6\" stroke=\"#000\" stroke-width=\"1.5\"/>", 1},
    {"", "<path d=\"M0 0L6 6M6 0L0 6\" stroke=\"#000\" stroke-width=\"1\"/>", 1},
    {"#d0d0d0", "", 1},
}};
// What needs doing: dense hatching the other way and a heavy outline.
constexpr Look kAction = {"", "<path d=\"M-1 -1L7 7M5 -1L7 1M-1 5L1 7\" stroke=\"#000\" stroke-width=\"2.5\"/>", 2.5};
constexpr std::size_t kActionLook = kLooks.size();

const Look& look(std::size_t n) { return n == kActionLook ? kAction : kLooks[n % kLooks.size()]; }

class Painter {
 public:
  explicit Painter(std::string id) : id_(std::move(id)) {}
  // The fill and stroke attributes of look n, noting the pattern it needs.
  std::string paint(std::size_t n) {
    const Look& l = look(n);
    std::string fill = l.fill;
    if (*l.pattern) {
      fill = fmt::format("url(#{}-p{})", id_, n);
      if (std::find(used_.begin(), used_.end(), n) == used_.end()) used_.push_back(n);
    }
    std::string out = " fill=\"" + fill + "\"";
    if (l.outline > 0) out += fmt::format(" stroke=\"#000\" stroke-width=\"{}\"", num(l.outline));
    return out;
  }
  std::string defs() const {
    std::string out;
    for (std::size_t n : used_)
      out += fmt::format("<pattern id=\"{}-p{}\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
                         "<rect width=\"6\" height=\"6\" fill=\"#fff\"/>{}</pattern>",
                         id_, n, look(n).pattern);
    return out.empty() ? out : "<defs>" + out + "</defs>\n";
  }

 private:
  std::string id_;
  std::vector<std::size_t> used_;
};

std::string series_name(const Table& t, std::size_t c) {
  return c + 1 < t.columns.size() ? t.columns[c + 1] : "column " + std::to_string(c + 1);
}

// Whether `word` is in the label as whole words.
bool has_word(std::string_view label, std::string_view word) {
  for (std::size_t at = label.find(word); at != std::string_view::npos; at = label.find(word, at + 1)) {
    bool starts = at == 0 || label[at - 1] == ' ' || label[at - 1] == '(';
    std::size_t end = at + word.size();
    bool ends = end == label.size() || label[end] == ' ' || label[end] == ')' || label[end] == ',';
    if (starts && ends) return true;
  }
  return false;
}

}  // namespace

bool needs_action(std::string_view text) {
  std::string label(text);
  for (char& c : label) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (std::string_view word : {"overdue", "missed", "late", "escalated", "open risk flags", "over cap"})
    if (has_word(label, word)) return true;
  return false;
}

std::vector<std::size_t> chart_series(const Table& t, const Chart& chart) {
  std::vector<std::size_t> series;
  for (std::size_t c : chart.columns)
    if (std::find(series.begin(), series.end(), c) == series.end()) series.push_back(c);
  auto is_total = [&](std::size_t c) { return c + 1 < t.columns.size() && t.columns[c + 1] == "total"; };
  bool parts = std::any_of(series.begin(), series.end(), [&](std::size_t c) { return !is_total(c); });
  if (parts && series.size() > 1) series.erase(std::remove_if(series.begin(), series.end(), is_total), series.end());
  return series;
}

std::string chart_svg(const Table& t, const Chart& chart, const std::string& id, int min_cell) {
  std::vector<const Row*> rows;
  for (const auto& r : t.rows)
    if (!r.total) rows.push_back(&r);
  std::vector<std::size_t> series = chart_series(t, chart);
  // With more series than looks, each bar's label names its series too.
  bool named_bars = series.size() > kLooks.size();
  bool by_row = series.size() == 1;  // one series: a row that needs action looks apart
  Painter painter(id);
  auto look_of = [&](std::size_t s, const Row& r) {
    if (by_row ? needs_action(r.label) : needs_action(series_name(t, series[s]))) return kActionLook;
    return s;
  };
  auto bar_label = [&](std::size_t s, const Value& v) {
    std::string shown = show(v, min_cell);
    return named_bars ? shorten(series_name(t, series[s]), 16) + ": " + shown : shown;
  };

  // The scale: the shown values only, with zero always on it.
  double lo = 0, hi = 0;
  bool any_hidden = false, any_action = false;
  std::size_t label_chars = 0, value_chars = 0;
  for (const Row* r : rows) {
    label_chars = std::max(label_chars, chars(shorten(r->label, kMaxLabel)));
    for (std::size_t s = 0; s < series.size(); ++s) {
      const Value* v = value_at(*r, series[s]);
      if (!v) continue;
      any_hidden = any_hidden || hidden(*v);
      any_action = any_action || (by_row && look_of(s, *r) == kActionLook);
      value_chars = std::max(value_chars, chars(bar_label(s, *v)));
      if (auto x = number_of(*v)) lo = std::min(lo, *x), hi = std::max(hi, *x);
    }
  }
  double label_w = std::clamp(kPad + kCharWidth * static_cast<double>(label_chars) + 8, 60.0, 300.0);
  double value_w = std::max(32.0, kCharWidth * static_cast<double>(value_chars) + 10);
  double width = label_w + kPlot + value_w + kPad;
  double scale = hi > lo ? kPlot / (hi - lo) : 0;
  double zero = label_w + (-lo) * scale;

  // The legend, wrapped to the width: the series, and the look of what needs action.
  std::vector<std::pair<std::string, std::size_t>> entries;
  for (std::size_t s = 0; s < series.size(); ++s) {
    bool act = !by_row && needs_action(series_name(t, series[s]));
    entries.emplace_back(shorten(series_name(t, series[s]), kMaxLabel), act ? kActionLook : s);
  }
  if (any_action) entries.emplace_back("needs action", kActionLook);
  std::string legend;
  double lx = kPad, ly = kPad;
  for (const auto& [name, n] : entries) {
    double item = 14 + kCharWidth * static_cast<double>(chars(name)) + 16;
    if (lx > kPad && lx + item > width - kPad) lx = kPad, ly += kLegendLine;
    legend += fmt::format("<path d=\"M{} {}h10v10h-10z\"{}/>", num(lx), num(ly + 1), painter.paint(n));
    legend += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", num(lx + 14), num(ly + 10), esc(name));
    lx += item;
  }
  double top = ly + kLegendLine + 6;
  double group_h = static_cast<double>(series.size()) * (kBar + kBarGap) - kBarGap;
  double plot_h = rows.empty() || series.empty() ? kBar
                                                 : static_cast<double>(rows.size()) * (group_h + kGroupGap) - kGroupGap;
  double height = top + plot_h + kPad;

  std::string body;
  if (rows.empty() || series.empty())
    body += fmt::format("<text x=\"{}\" y=\"{}\" font-style=\"italic\">No rows to chart.</text>\n", num(kPad),
                        num(top + 11));
  for (std::size_t i = 0; i < rows.size() && !series.empty(); ++i) {
    const Row& r = *rows[i];
    double gy = top + static_cast<double>(i) * (group_h + kGroupGap);
    bool act = by_row && look_of(0, r) == kActionLook;
    body += "<g class=\"row\">";
    body += fmt::format("<text x=\"{}\" y=\"{}\" dy=\".35em\" text-anchor=\"end\"{}>{}</text>", num(label_w - 8),
                        num(gy + group_h / 2), act ? " font-weight=\"bold\"" : "", esc(shorten(r.label, kMaxLabel)));
    for (std::size_t s = 0; s < series.size(); ++s) {
      const Value* v = value_at(r, series[s]);
      if (!v) continue;
      double y = gy + static_cast<double>(s) * (kBar + kBarGap);
      std::string label = esc(bar_label(s, *v));
      auto x = number_of(*v);
      if (x && *x != 0) {
        double len = std::abs(*x) * scale;
        double bx = *x < 0 ? zero - len : zero;
        body += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>", num(bx), num(y),
                            num(len), num(kBar), painter.paint(look_of(s, r)));
        double tx = *x < 0 ? zero + 4 : zero + len + 4;
        body += fmt::format("<text x=\"{}\" y=\"{}\" dy=\".35em\">{}</text>", num(tx), num(y + kBar / 2), label);
      } else {
        // No bar: a zero is written, a hidden count (or text) only named, never drawn to scale.
        body += fmt::format("<text x=\"{}\" y=\"{}\" dy=\".35em\"{}>{}</text>", num(zero + 4), num(y + kBar / 2),
                            x ? "" : " font-style=\"italic\"", label);
      }
    }
    body += "</g>\n";
  }
  body += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000\" stroke-width=\"1\"/>\n",
                      num(zero), num(top - 3), num(top + plot_h + 3));

  std::string title = t.title.empty() ? t.id : t.title;
  std::string desc = "Bar chart of the table " + title + ", one bar per row";
  if (series.size() > 1) desc += " and column";
  desc += any_hidden ? "; counts hidden to protect the people counted have no bar and are marked as in the table."
                     : ".";
  std::string shown_series;
  for (std::size_t c : series) shown_series += (shown_series.empty() ? "" : " ") + std::to_string(c);

  std::string out;
  out += fmt::format(
      "<svg role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" data-chart=\"{1}\" data-series=\"{4}\" width=\"{2}\" "
      "height=\"{3}\" viewBox=\"0 0 {2} {3}\" font-family=\"sans-serif\" font-size=\"12\">\n",
      id, esc(t.id), num(width), num(height), shown_series);
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", id, esc(title));
  out += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", id, esc(desc));
  std::string legend_g = "<g class=\"legend\">" + legend + "</g>\n";
  out += painter.defs() + legend_g + body + "</svg>";
  return out;
}

}  // namespace care::report::html
