// The HTML report: one self-contained page (inline CSS, inline SVG charts, no
// script, nothing fetched) that prints well. Like every renderer it is a pure
// function of the report. It never sees more than the other formats show: a
// hidden cell is written as show() writes it, and a chart draws a hidden cell
// as no bar and scales to the shown values only, so nothing in the page, not
// even a bar's length, depends on a hidden count.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "report/render.h"

namespace care::report {
namespace {

// --- text --------------------------------------------------------------------

// The length of the valid UTF-8 sequence at the start of s, or 0.
std::size_t utf8_length(std::string_view s) {
  auto b = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  auto cont = [&](std::size_t i) { return i < s.size() && (b(i) & 0xC0) == 0x80; };
  unsigned char c = b(0);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // beyond U+10FFFF
    return 4;
  }
  return 0;
}

// Escapes text for HTML content and attribute values alike. Bytes that are not
// UTF-8 and control characters other than tab and newline become U+FFFD, so
// the page is valid whatever the records hold.
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_length(s.substr(i));
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
      continue;
    }
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') || c == 0x7F)
          out += "\xEF\xBF\xBD";
        else
          out.append(s, i, n);
    }
    i += n;
  }
  return out;
}

// The number of characters (code points; invalid bytes count one each).
std::size_t chars(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size(); ++n) i += std::max<std::size_t>(1, utf8_length(s.substr(i)));
  return n;
}

// At most `max` characters of s, ending in an ellipsis when cut.
std::string shorten(std::string_view s, std::size_t max) {
  if (chars(s) <= max) return std::string(s);
  std::size_t i = 0;
  for (std::size_t n = 0; n + 1 < max && i < s.size(); ++n) i += std::max<std::size_t>(1, utf8_length(s.substr(i)));
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

// A coordinate with at most one decimal and never "-0": "12", "7.5".
std::string num(double x) {
  long long tenths = std::llround(x * 10);
  if (tenths % 10 == 0) return std::to_string(tenths / 10);
  return fmt::format("{}{}.{}", tenths < 0 ? "-" : "", std::llabs(tenths) / 10, std::llabs(tenths) % 10);
}

// --- ids -----------------------------------------------------------------------

// Element ids from table ids, unique in the page: "t-" and the table id with
// anything but letters, digits and '_' made '_'. The ids derived from one
// ("t-x-h", "t-x-chart-title") cannot then meet another table's, as only the
// page puts a '-' after the prefix.
class Ids {
 public:
  std::string make(std::string_view key) {
    std::string base = "t-";
    for (char c : key) {
      bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      base += plain ? c : '_';
    }
    std::string id = base;
    for (int n = 2; used_.count(id); ++n) id = base + "-" + std::to_string(n);
    used_.insert(id);
    return id;
  }

 private:
  std::set<std::string> used_;
};

// --- values --------------------------------------------------------------------

bool numeric_kind(const Value& v) { return v.kind != Value::Kind::Text; }
bool hidden(const Value& v) { return v.kind == Value::Kind::Count && v.count.hidden; }

// The number a bar shows: a shown count, or an amount; nothing for a hidden
// count, for text or for an amount that does not parse.
std::optional<double> bar_value(const Value& v) {
  if (v.kind == Value::Kind::Count) {
    if (v.count.hidden) return std::nullopt;
    return static_cast<double>(v.count.count);
  }
  if (v.kind == Value::Kind::Amount) {
    double d = 0;
    const char* first = v.text.data();
    const char* last = first + v.text.size();
    if (first != last && *first == '+') ++first;
    auto [end, ec] = std::from_chars(first, last, d);
    if (ec == std::errc() && end == last && std::isfinite(d)) return d;
  }
  return std::nullopt;
}

const Value* value_at(const Row& row, std::size_t column) {
  return column < row.values.size() ? &row.values[column] : nullptr;
}

// --- charts --------------------------------------------------------------------

// Geometry, in CSS pixels at 12px text. Widths of text are estimated from the
// number of characters, generously, since the page cannot measure them.
constexpr double kCharWidth = 7;
constexpr double kPad = 8;
constexpr double kBar = 14;
constexpr double kBarGap = 2;
constexpr double kGroupGap = 10;
constexpr double kPlot = 360;
constexpr double kLegendLine = 18;
constexpr std::size_t kMaxLabel = 40;

// Fill and outline per series, told apart in grey print as well as on screen.
struct SeriesStyle {
  const char* fill;  // "%p" is the chart's hatch pattern
  bool outline;
};
constexpr SeriesStyle kStyles[] = {{"#2f4b7c", false}, {"#9a9a9a", false}, {"%p", true}, {"#ffffff", true}};

std::string paint(std::size_t series, const std::string& pattern_id) {
  const SeriesStyle& s = kStyles[series % std::size(kStyles)];
  std::string fill = std::string_view(s.fill) == "%p" ? "url(#" + pattern_id + ")" : s.fill;
  std::string out = " fill=\"" + fill + "\"";
  if (s.outline) out += " stroke=\"#000\" stroke-width=\"1\"";
  return out;
}

std::string chart_svg(const Table& t, const Chart& chart, const std::string& id, int min_cell) {
  std::vector<const Row*> rows;
  for (const auto& r : t.rows)
    if (!r.total) rows.push_back(&r);
  std::vector<std::size_t> series;
  for (std::size_t c : chart.columns)
    if (std::find(series.begin(), series.end(), c) == series.end()) series.push_back(c);
  auto series_name = [&](std::size_t c) {
    return c + 1 < t.columns.size() ? t.columns[c + 1] : "column " + std::to_string(c + 1);
  };

  // The scale: the shown values only, with zero always on it.
  double lo = 0, hi = 0;
  bool any_hidden = false;
  std::size_t label_chars = 0, value_chars = 0;
  for (const Row* r : rows) {
    label_chars = std::max(label_chars, chars(shorten(r->label, kMaxLabel)));
    for (std::size_t c : series) {
      const Value* v = value_at(*r, c);
      if (!v) continue;
      any_hidden = any_hidden || hidden(*v);
      value_chars = std::max(value_chars, chars(show(*v, min_cell)));
      if (auto x = bar_value(*v)) lo = std::min(lo, *x), hi = std::max(hi, *x);
    }
  }
  double label_w = std::clamp(kPad + kCharWidth * static_cast<double>(label_chars) + 8, 60.0, 300.0);
  double value_w = std::max(32.0, kCharWidth * static_cast<double>(value_chars) + 10);
  double width = label_w + kPlot + value_w + kPad;
  double scale = hi > lo ? kPlot / (hi - lo) : 0;
  double zero = label_w + (-lo) * scale;

  // The legend, wrapped to the width.
  std::string legend;
  double lx = kPad, ly = kPad;
  for (std::size_t s = 0; s < series.size(); ++s) {
    std::string name = shorten(series_name(series[s]), kMaxLabel);
    double item = 14 + kCharWidth * static_cast<double>(chars(name)) + 16;
    if (lx > kPad && lx + item > width - kPad) lx = kPad, ly += kLegendLine;
    legend += fmt::format("<path d=\"M{} {}h10v10h-10z\"{}/>", num(lx), num(ly + 1), paint(s, id + "-hatch"));
    legend += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", num(lx + 14), num(ly + 10), esc(name));
    lx += item;
  }
  double top = ly + kLegendLine + 6;
  double group_h = static_cast<double>(series.size()) * (kBar + kBarGap) - kBarGap;
  double plot_h = rows.empty() ? kBar : static_cast<double>(rows.size()) * (group_h + kGroupGap) - kGroupGap;
  double height = top + plot_h + kPad;

  std::string title = t.title.empty() ? t.id : t.title;
  std::string desc = "Bar chart of the table " + title + ", one bar per row";
  if (series.size() > 1) desc += " and column";
  desc += any_hidden ? "; counts hidden to protect the people counted have no bar and are marked as in the table."
                     : ".";

  std::string out;
  out += fmt::format(
      "<svg role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" data-chart=\"{1}\" width=\"{2}\" height=\"{3}\" "
      "viewBox=\"0 0 {2} {3}\" font-family=\"sans-serif\" font-size=\"12\">\n",
      id, esc(t.id), num(width), num(height));
  out += fmt::format("<title id=\"{}-title\">{}</title>\n", id, esc(title));
  out += fmt::format("<desc id=\"{}-desc\">{}</desc>\n", id, esc(desc));
  out += fmt::format(
      "<defs><pattern id=\"{}-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
      "patternTransform=\"rotate(45)\"><path d=\"M0 0V6\" stroke=\"#000\" stroke-width=\"2\"/></pattern></defs>\n",
      id);
  out += "<g class=\"legend\">" + legend + "</g>\n";

  if (rows.empty() || series.empty())
    out += fmt::format("<text x=\"{}\" y=\"{}\" font-style=\"italic\">No rows to chart.</text>\n", num(kPad),
                       num(top + 11));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = *rows[i];
    double gy = top + static_cast<double>(i) * (group_h + kGroupGap);
    out += "<g class=\"row\">";
    out += fmt::format("<text x=\"{}\" y=\"{}\" dy=\".35em\" text-anchor=\"end\">{}</text>", num(label_w - 8),
                       num(gy + group_h / 2), esc(shorten(r.label, kMaxLabel)));
    for (std::size_t s = 0; s < series.size(); ++s) {
      const Value* v = value_at(r, series[s]);
      if (!v) continue;
      double y = gy + static_cast<double>(s) * (kBar + kBarGap);
      double text_y = y + kBar / 2;
      std::string label = esc(show(*v, min_cell));
      if (auto x = bar_value(*v)) {
        double len = std::abs(*x) * scale;
        double bx = *x < 0 ? zero - len : zero;
        out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{}/>", num(bx), num(y), num(len),
                           num(kBar), paint(s, id + "-hatch"));
        double tx = *x < 0 ? zero + 4 : zero + len + 4;
        out += fmt::format("<text x=\"{}\" y=\"{}\" dy=\".35em\">{}</text>", num(tx), num(text_y), label);
      } else {
        // No bar: a hidden count (or text) is only named, never drawn to scale.
        out += fmt::format("<text x=\"{}\" y=\"{}\" dy=\".35em\" font-style=\"italic\">{}</text>", num(zero + 4),
                           num(text_y), label);
      }
    }
    out += "</g>\n";
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#000\" stroke-width=\"1\"/>\n",
                     num(zero), num(top - 3), num(top + plot_h + 3));
  out += "</svg>";
  return out;
}

// --- tables --------------------------------------------------------------------

std::string table_html(const Table& t, const std::string& id, int min_cell) {
  std::size_t ncols = t.columns.empty() ? 0 : t.columns.size() - 1;
  for (const auto& r : t.rows) ncols = std::max(ncols, r.values.size());
  // A column is numeric (right-aligned) when its first value is a count or an amount.
  std::vector<bool> numeric(ncols, false);
  for (std::size_t c = 0; c < ncols; ++c)
    for (const auto& r : t.rows)
      if (const Value* v = value_at(r, c)) {
        numeric[c] = numeric_kind(*v);
        break;
      }
  auto cls = [&](std::size_t c, bool hide) {
    std::string k = numeric[c] ? "num" : "";
    if (hide) k += k.empty() ? "hidden" : " hidden";
    return k.empty() ? std::string() : " class=\"" + k + "\"";
  };

  std::string title = t.title.empty() ? t.id : t.title;
  std::string out;
  out += fmt::format("<section class=\"report-table\" id=\"{0}\" aria-labelledby=\"{0}-h\">\n", id);
  out += fmt::format("<h2 id=\"{}-h\">{}</h2>\n", id, esc(title));
  out += "<table>\n";
  out += "<caption class=\"sr\">" + esc(title) + "</caption>\n";
  out += "<thead><tr>";
  out += "<th scope=\"col\">" + esc(t.columns.empty() ? std::string() : t.columns[0]) + "</th>";
  for (std::size_t c = 0; c < ncols; ++c)
    out += "<th scope=\"col\"" + cls(c, false) + ">" + esc(c + 1 < t.columns.size() ? t.columns[c + 1] : "") +
           "</th>";
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& r : t.rows) {
    out += r.total ? "<tr class=\"total\">" : "<tr>";
    out += "<th scope=\"row\">" + esc(r.label) + "</th>";
    for (std::size_t c = 0; c < ncols; ++c) {
      const Value* v = value_at(r, c);
      out += "<td" + cls(c, v && hidden(*v)) + ">" + (v ? esc(show(*v, min_cell)) : std::string()) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  if (t.chart) out += "<figure class=\"chart\">\n" + chart_svg(t, *t.chart, id + "-chart", min_cell) + "\n</figure>\n";
  out += "</section>\n";
  return out;
}

// --- the page ------------------------------------------------------------------

constexpr std::string_view kStyle = R"(:root { color-scheme: light; }
body { margin: 0 auto; max-width: 62rem; padding: 1.5rem; color: #000; background: #fff;
  font: 15px/1.45 system-ui, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
.banner { border: 3px solid #b00000; background: #fde8e8; padding: .6rem .9rem; margin: 0 0 1rem;
  font-weight: bold; font-size: 1.1rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1.2rem; margin: 0 0 1rem; }
.facts div { display: contents; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
table { border-collapse: collapse; margin: .25rem 0 1rem; min-width: 22rem; }
th, td { padding: .25rem .7rem; border-bottom: 1px solid #bbb; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #000; }
tbody th { font-weight: normal; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.total th, tr.total td { font-weight: bold; border-top: 2px solid #000; border-bottom: 0; }
td.hidden { font-style: italic; }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
figure.chart { margin: .5rem 0 1.5rem; }
figure.chart svg { max-width: 100%; height: auto; }
.key { font-size: .9rem; }
.notes li { margin: .2rem 0; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  table, figure.chart, .banner { break-inside: avoid; }
  h2 { break-after: avoid; }
}
)";

// The meaning of the marks the tables use, for those they use.
std::string key_html(const Report& r) {
  bool small = false, secondary = false;
  for (const auto& t : r.tables)
    for (const auto& row : t.rows)
      for (const auto& v : row.values)
        if (hidden(v)) (v.count.secondary ? secondary : small) = true;
  if (!small && !secondary) return {};
  std::string out = "<p class=\"key\">";
  if (small) {
    std::string range = r.min_cell > 2 ? fmt::format("from 1 to {}", r.min_cell - 1) : "of 1";
    out += esc(show(Cell{1, true, false}, r.min_cell)) + ": a count " + range + ", hidden to protect the people counted.";
  }
  if (secondary) {
    if (small) out += " ";
    out += esc(show(Cell{1, true, true}, r.min_cell)) +
           ": a count hidden so that another hidden count cannot be worked out from the totals.";
  }
  return out + "</p>\n";
}

}  // namespace

std::string render_html(const Report& r) {
  std::string title = r.title.empty() ? "care report" : r.title;
  std::string out;
  out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  // Nothing may be loaded or run: the page is whole as it is.
  out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n";
  out += "<title>" + esc(title) + "</title>\n";
  out += "<style>\n" + std::string(kStyle) + "</style>\n</head>\n";
  out += "<body data-report=\"" + esc(r.kind) + "\" data-audience=\"" + esc(audience_name(r.audience)) + "\">\n<main>\n<header>\n";
  out += "<h1>" + esc(title) + "</h1>\n";
  if (std::string notice = audience_notice(r); !notice.empty())
    out += "<p class=\"banner\" role=\"note\">" + esc(notice) + "</p>\n";
  if (!r.facts.empty()) {
    out += "<dl class=\"facts\">\n";
    for (const auto& [name, value] : r.facts) out += "<div><dt>" + esc(name) + "</dt><dd>" + esc(value) + "</dd></div>\n";
    out += "</dl>\n";
  }
  out += "</header>\n";
  Ids ids;
  for (const auto& t : r.tables) out += table_html(t, ids.make(t.id), r.min_cell);
  out += key_html(r);
  if (!r.notes.empty()) {
    out += "<section class=\"notes\" aria-labelledby=\"notes-h\">\n<h2 id=\"notes-h\">Notes</h2>\n<ul>\n";
    for (const auto& n : r.notes) out += "<li>" + esc(n) + "</li>\n";
    out += "</ul>\n</section>\n";
  }
  out += "</main>\n</body>\n</html>\n";
  return out;
}

}  // namespace care::report
