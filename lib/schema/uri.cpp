#include "schema/uri.h"

#include <cctype>

namespace care::schema::uri {

namespace {

struct Parts {
  std::string scheme;
  bool has_authority = false;
  std::string authority;
  std::string path;
  bool has_query = false;
  std::string query;
  bool has_fragment = false;
  std::string fragment;
};

bool is_scheme(std::string_view s) {
  if (s.empty() || !std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return true;
}

Parts parse(std::string_view s) {
  Parts p;
  std::size_t colon = s.find(':');
  if (colon != std::string_view::npos && colon < s.find_first_of("/?#") &&
      is_scheme(s.substr(0, colon))) {
    p.scheme = std::string(s.substr(0, colon));
    s.remove_prefix(colon + 1);
  }
  if (std::size_t hash = s.find('#'); hash != std::string_view::npos) {
    p.has_fragment = true;
    p.fragment = std::string(s.substr(hash + 1));
    s = s.substr(0, hash);
  }
  if (std::size_t q = s.find('?'); q != std::string_view::npos) {
    p.has_query = true;
    p.query = std::string(s.substr(q + 1));
    s = s.substr(0, q);
  }
  if (s.substr(0, 2) == "//") {
    s.remove_prefix(2);
    std::size_t slash = s.find('/');
    p.has_authority = true;
    p.authority = std::string(s.substr(0, slash));
    s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
  }
  p.path = std::string(s);
  return p;
}

// Moves the first segment of in (with its leading '/', if any) to out.
void move_first_segment(std::string_view& in, std::string& out) {
  std::size_t end = in.find('/', in.starts_with('/') ? 1 : 0);
  if (end == std::string_view::npos) end = in.size();
  out += in.substr(0, end);
  in.remove_prefix(end);
}

void drop_last_segment(std::string& out) {
  std::size_t slash = out.rfind('/');
  out.erase(slash == std::string::npos ? 0 : slash);
}

// RFC 3986, 5.2.4.
std::string remove_dot_segments(std::string_view in) {
  std::string out;
  while (!in.empty()) {
    if (in.starts_with("../")) {
      in.remove_prefix(3);
    } else if (in.starts_with("./")) {
      in.remove_prefix(2);
    } else if (in.starts_with("/./")) {
      in.remove_prefix(2);
    } else if (in == "/.") {
      in = "/";
    } else if (in.starts_with("/../")) {
      in.remove_prefix(3);
      drop_last_segment(out);
    } else if (in == "/..") {
      in = "/";
      drop_last_segment(out);
    } else if (in == "." || in == "..") {
      in = {};
    } else {
      move_first_segment(in, out);
    }
  }
  return out;
}

std::string merge(const Parts& base, std::string_view ref_path) {
  if (base.has_authority && base.path.empty()) return std::string("/").append(ref_path);
  std::size_t slash = base.path.rfind('/');
  if (slash == std::string::npos) return std::string(ref_path);
  return base.path.substr(0, slash + 1) + std::string(ref_path);
}

std::string compose(const Parts& p) {
  std::string out;
  if (!p.scheme.empty()) out += p.scheme + ":";
  if (p.has_authority) out += "//" + p.authority;
  out += p.path;
  if (p.has_query) out += "?" + p.query;
  if (p.has_fragment) out += "#" + p.fragment;
  return out;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string resolve(std::string_view base_text, std::string_view ref_text) {
  Parts ref = parse(ref_text);
  if (!ref.scheme.empty()) {
    ref.path = remove_dot_segments(ref.path);
    return compose(ref);
  }
  Parts base = parse(base_text);
  Parts target;
  target.scheme = base.scheme;
  if (ref.has_authority) {
    target.has_authority = true;
    target.authority = ref.authority;
    target.path = remove_dot_segments(ref.path);
    target.has_query = ref.has_query;
    target.query = ref.query;
  } else {
    target.has_authority = base.has_authority;
    target.authority = base.authority;
    if (ref.path.empty()) {
      target.path = base.path;
      target.has_query = ref.has_query || base.has_query;
      target.query = ref.has_query ? ref.query : base.query;
    } else {
      target.path = remove_dot_segments(ref.path.starts_with('/') ? ref.path
                                                                  : merge(base, ref.path));
      target.has_query = ref.has_query;
      target.query = ref.query;
    }
  }
  target.has_fragment = ref.has_fragment;
  target.fragment = ref.fragment;
  return compose(target);
}

Split split_fragment(std::string_view uri) {
  std::size_t hash = uri.find('#');
  if (hash == std::string_view::npos) return {std::string(uri), {}};
  return {std::string(uri.substr(0, hash)), std::string(uri.substr(hash + 1))};
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      int high = hex_value(text[i + 1]);
      int low = hex_value(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out += static_cast<char>(high * 16 + low);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

std::optional<std::vector<std::string>> pointer_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  if (text.empty()) return tokens;
  if (text[0] != '/') return std::nullopt;
  text.remove_prefix(1);
  while (true) {
    std::size_t slash = text.find('/');
    std::string_view raw = text.substr(0, slash);
    std::string token;
    for (std::size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] == '~' && i + 1 < raw.size() && (raw[i + 1] == '0' || raw[i + 1] == '1')) {
        token += raw[i + 1] == '0' ? '~' : '/';
        ++i;
      } else {
        token += raw[i];
      }
    }
    tokens.push_back(std::move(token));
    if (slash == std::string_view::npos) break;
    text.remove_prefix(slash + 1);
  }
  return tokens;
}

std::string pointer_escape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace care::schema::uri
