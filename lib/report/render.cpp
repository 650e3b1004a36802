#include "report/render.h"

#include <algorithm>

#include <fmt/format.h>

#include "util/json_text.h"
#include "util/table.h"
#include "util/utf8.h"

namespace care::report {
namespace {

std::vector<std::string> cells_of(const Row& row, int min_cell) {
  std::vector<std::string> out{row.label};
  for (const auto& v : row.values) out.push_back(show(v, min_cell));
  return out;
}

std::vector<std::size_t> widths(const Table& t, int min_cell) {
  std::vector<std::size_t> w;
  for (const auto& c : t.columns) w.push_back(c.size());
  for (const auto& row : t.rows) {
    auto cells = cells_of(row, min_cell);
    for (std::size_t i = 0; i < cells.size() && i < w.size(); ++i) w[i] = std::max(w[i], cells[i].size());
  }
  return w;
}

std::string text_line(const std::vector<std::string>& cells, const std::vector<std::size_t>& w, bool left = false) {
  std::string line = "  ";
  for (std::size_t i = 0; i < cells.size() && i < w.size(); ++i)
    line += i == 0 ? fmt::format("{:<{}}", cells[i], w[i])
                   : left ? fmt::format("  {:<{}}", cells[i], w[i]) : fmt::format("  {:>{}}", cells[i], w[i]);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  return line + "\n";
}

// The key to hidden cells, at the foot of a public report that counts persons.
std::string suppression_note(const Report& r) {
  if (!suppressed(r) || !r.counts_people) return {};
  return fmt::format("<{0}: a count from 1 to {1}; *: hidden so that a small count cannot be worked out from "
                     "the totals.", r.min_cell, r.min_cell - 1);
}

// The report with every text made visible: titles, labels and text values
// can come from care.toml or from records, and the text and Markdown forms
// are read on a terminal. Done before layout so that columns stay aligned.
Report visible_text(Report r) {
  auto fix = [](std::string& s) { s = util::visible(s); };
  fix(r.title);
  fix(r.program);
  fix(r.covers);
  for (auto& [k, v] : r.facts) fix(k), fix(v);
  for (auto& t : r.tables) {
    fix(t.title);
    fix(t.empty_text);
    for (auto& c : t.columns) fix(c);
    for (auto& row : t.rows) {
      fix(row.label);
      for (auto& v : row.values) fix(v.text);
    }
  }
  for (auto& n : r.notes) fix(n);
  return r;
}

std::string json_value(const Value& v, int min_cell) {
  if (v.kind == Value::Kind::Count && !v.count.hidden) return std::to_string(v.count.count);
  return util::json_string(show(v, min_cell));
}

}  // namespace

std::string render_text(const Report& report) {
  const Report r = visible_text(report);
  std::string out = r.title + "\n";
  if (std::string notice = audience_notice(r); !notice.empty()) out += notice + "\n";
  for (const auto& [k, v] : r.facts) out += fmt::format("  {}: {}\n", k, v);
  for (const auto& t : r.tables) {
    out += fmt::format("\n{}\n", t.title);
    if (t.rows.empty() && !t.empty_text.empty()) {
      out += "  " + t.empty_text + "\n";
      continue;
    }
    auto w = widths(t, r.min_cell);
    out += text_line(t.columns, w, t.left_aligned);
    for (const auto& row : t.rows) out += text_line(cells_of(row, r.min_cell), w, t.left_aligned);
  }
  out += "\n";
  if (std::string key = suppression_note(r); !key.empty()) out += key + "\n";
  for (const auto& n : r.notes) out += n + "\n";
  return out;
}

std::string render_markdown(const Report& report) {
  const Report r = visible_text(report);
  auto cell = [](std::string s) {
    std::string out;
    for (char c : s) out += c == '|' ? std::string("\\|") : std::string(1, c);
    return out;
  };
  std::string out = "# " + r.title + "\n\n";
  if (std::string notice = audience_notice(r); !notice.empty()) out += "> **" + cell(notice) + "**\n\n";
  for (const auto& [k, v] : r.facts) out += fmt::format("- {}: {}\n", cell(k), cell(v));
  for (const auto& t : r.tables) {
    if (t.rows.empty() && !t.empty_text.empty()) {
      out += fmt::format("\n## {}\n\n{}\n", cell(t.title), cell(t.empty_text));
      continue;
    }
    out += fmt::format("\n## {}\n\n|", cell(t.title));
    for (const auto& c : t.columns) out += " " + cell(c) + " |";
    out += "\n|";
    for (std::size_t i = 0; i < t.columns.size(); ++i) out += i == 0 || t.left_aligned ? " --- |" : " ---: |";
    out += "\n";
    for (const auto& row : t.rows) {
      out += "|";
      for (const auto& c : cells_of(row, r.min_cell)) out += " " + cell(row.total ? "**" + c + "**" : c) + " |";
      out += "\n";
    }
  }
  if (std::string key = suppression_note(r); !key.empty()) out += "\n" + cell(key) + "\n";
  for (const auto& n : r.notes) out += "\n" + cell(n) + "\n";
  return out;
}

std::string render_csv(const Report& r) {
  std::string out = "report,table,row,column,value\n";
  if (std::string notice = audience_notice(r); !notice.empty())
    out += fmt::format("{},notice,,,{}\n", r.kind, util::csv_field(notice));
  for (const auto& t : r.tables)
    for (const auto& row : t.rows)
      for (std::size_t i = 0; i < row.values.size() && i + 1 < t.columns.size(); ++i)
        out += fmt::format("{},{},{},{},{}\n", r.kind, t.id, util::csv_field(row.label), util::csv_field(t.columns[i + 1]),
                           util::csv_field(show(row.values[i], r.min_cell)));
  return out;
}

std::string render_json(const Report& r) {
  auto j = [](const std::string& s) { return util::json_string(s); };
  std::string facts, tables, notes;
  for (const auto& [k, v] : r.facts) facts += fmt::format("{}{}:{}", facts.empty() ? "" : ",", j(k), j(v));
  for (const auto& t : r.tables) {
    std::string columns, rows;
    for (const auto& c : t.columns) columns += (columns.empty() ? "" : ",") + j(c);
    for (const auto& row : t.rows) {
      std::string values;
      for (const auto& v : row.values) values += (values.empty() ? "" : ",") + json_value(v, r.min_cell);
      rows += fmt::format("{}{{\"label\":{},\"total\":{},\"values\":[{}]}}", rows.empty() ? "" : ",", j(row.label),
                          row.total ? "true" : "false", values);
    }
    tables += fmt::format("{}{{\"id\":{},\"title\":{},\"columns\":[{}],\"rows\":[{}]}}", tables.empty() ? "" : ",",
                          j(t.id), j(t.title), columns, rows);
  }
  for (const auto& n : r.notes) notes += (notes.empty() ? "" : ",") + j(n);
  return fmt::format("{{\"version\":{},\"report\":{},\"title\":{},\"audience\":{},\"notice\":{},\"facts\":{{{}}},"
                     "\"suppressed\":{},\"min_cell\":{},\"tables\":[{}],\"notes\":[{}]}}\n",
                     kJsonVersion, j(r.kind), j(r.title), j(std::string(audience_name(r.audience))),
                     j(audience_notice(r)), facts, suppressed(r) && r.counts_people ? "true" : "false", r.min_cell,
                     tables, notes);
}

std::string render(const Report& r, std::string_view format) {
  if (format == "markdown") return render_markdown(r);
  if (format == "csv") return render_csv(r);
  if (format == "json") return render_json(r);
  if (format == "html") return render_html(r);
  return render_text(r);
}

std::optional<std::string> format_for_file(std::string_view path) {
  auto ends = [&](std::string_view ext) { return path.size() > ext.size() && path.ends_with(ext); };
  if (ends(".md") || ends(".markdown")) return "markdown";
  if (ends(".csv")) return "csv";
  if (ends(".json")) return "json";
  if (ends(".html") || ends(".htm")) return "html";
  if (ends(".txt")) return "text";
  return std::nullopt;
}

}  // namespace care::report
