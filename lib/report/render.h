// Laying out a Report in each output format. Every renderer is a pure
// function of the report: the same report gives the same bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "report/model.h"

namespace care::report {

// The version of the JSON structure; fields are only ever added within it.
inline constexpr int kJsonVersion = 1;

std::string render_text(const Report& r);      // aligned tables for a terminal
std::string render_markdown(const Report& r);  // GitHub-flavoured tables
std::string render_csv(const Report& r);       // long form: table,row,column,value
std::string render_json(const Report& r);      // versioned structure
std::string render_html(const Report& r);      // one self-contained page with charts

std::string render(const Report& r, std::string_view format);

// The format named by an output file's extension (.txt .md .csv .json .html), if any.
std::optional<std::string> format_for_file(std::string_view path);

}  // namespace care::report
