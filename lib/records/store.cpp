#include "records/store.h"

#include <algorithm>
#include <atomic>
#include <thread>


#include <fmt/format.h>

#include "doc/yaml_io.h"
#include "folder/case_folder.h"
#include "identity/age.h"
#include "schema/catalog.h"

namespace care::records {
namespace fs = std::filesystem;
namespace {

struct Loading {
  Record record;
  diag::Diagnostics problems;
};

// An encrypted identity is not opened here (reports and check never need
// it): only its envelope is read and judged.
void load_sealed(const folder::RecordFile& f, Loading& out) {
  out.record.sealed = true;
  out.record.root = doc::Node::mapping();
  doc::Limits limits;
  util::FileText read = util::read_regular_file(f.absolute.string(), limits.max_bytes * 2);
  if (!read.ok()) return out.problems.push_back(doc::read_failure(read, f.shown, limits));
  out.record.valid = identity::looks_sealed(read.text);
  if (!out.record.valid)
    out.problems.push_back(diag::in_file(f.shown, "identity.sealed-damaged",
                                         "this is not an ASCII-armored age file",
                                         "Restore it from git (git checkout -- FILE); an encrypted identity is "
                                         "only ever written by the care tools or by age -a."));
  out.record.sealed_text = std::move(read.text);
}

Loading load_one(const folder::RecordFile& f, const Placement& where) {
  Loading out;
  out.record.where = where;
  out.record.file = f.shown;
  out.record.absolute = f.absolute;
  // Taken before reading: a change between the two makes the stamp stale,
  // which can only make a later write refuse, never overwrite unseen text.
  out.record.stamp = util::stamp_of(f.absolute.string());
  if (f.relative.ends_with(".age")) {
    load_sealed(f, out);
    return out;
  }
  auto parsed = doc::read_file(f.absolute.string(), f.shown);
  out.problems = std::move(parsed.problems);
  if (parsed.root) {
    out.record.root = std::move(*parsed.root);
    auto uri = schema::uri_for(info(where.kind).schema_file);
    diag::Diagnostics found = schema::validate(schema::catalog(), out.record.root, uri);
    out.record.valid = found.empty();
    out.problems.insert(out.problems.end(), found.begin(), found.end());
  }
  if (where.kind == Kind::Identity)
    for (auto& d : out.problems) redact(d, parsed.root ? &out.record.root : nullptr);
  return out;
}

std::vector<Loading> load_all(const std::vector<folder::RecordFile>& files,
                              const std::vector<Placement>& places, unsigned threads) {
  std::vector<Loading> results(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) results[i] = load_one(files[i], places[i]);
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = std::min<unsigned>(threads, static_cast<unsigned>(std::max<std::size_t>(1, files.size())));
  std::vector<std::jthread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (auto& t : pool) t.join();  // before `results` is read, not when `pool` goes
  return results;
}

// Two identity files in one case (identity.yaml and identity.yaml.age):
// which one counts is not for the tools to guess.
void two_identities(const Record& kept, const Record& other, diag::Diagnostics& problems) {
  const Record& plain = kept.sealed ? other : kept;
  problems.push_back(diag::in_file(plain.file, "identity.two-files",
                                   fmt::format("case {} has both identity.yaml and identity.yaml.age", kept.where.owner),
                                   "Keep one: compare them (age -d -i KEY FILE shows the encrypted one), carry any "
                                   "difference over with care-intake edit ID identity, then git rm the plain one."));
}

void file_into_case(Folder& folder, Record record, diag::Diagnostics& problems) {
  if (record.where.kind == Kind::Outreach) return folder.outreach.push_back(std::move(record));
  Case& c = folder.cases[record.where.owner];
  c.id = record.where.owner;
  switch (record.where.kind) {
    case Kind::Case: c.main = std::move(record); break;
    case Kind::Identity:
      if (c.identity) two_identities(*c.identity, record, problems);
      if (!c.identity || !c.identity->sealed) c.identity = std::move(record);  // the encrypted one counts
      break;
    case Kind::Minor: c.minor = std::move(record); break;
    case Kind::Plan: c.plan = std::move(record); break;
    case Kind::Return: c.journey = std::move(record); break;
    case Kind::MonitoringPlan: c.monitoring_plan = std::move(record); break;
    case Kind::Closure: c.closure = std::move(record); break;
    case Kind::Assessment: c.assessments.push_back(std::move(record)); break;
    case Kind::Contact: c.contacts.push_back(std::move(record)); break;
    case Kind::Outreach: break;
  }
}

// Whether d says that an identity file is not a regular file: something only
// a command that reads identities needs to hear.
bool about_identity(const diag::Diagnostic& d, const fs::path& root, const fs::path& cwd) {
  if (d.code != "folder.not-regular") return false;
  fs::path relative = (cwd / d.file).lexically_normal().lexically_relative(root);
  auto c = classify(relative.generic_string());
  return c.placement && c.placement->kind == Kind::Identity;
}

}  // namespace

std::string relative_path(const Record& r) {
  return r.sealed ? sealed_identity_path(r.where.owner) : path_of(r.where.kind, r.where.owner, r.where.stem);
}

void for_each_record(const Case& c, const std::function<void(const Record&)>& visit) {
  for (const auto* one : {&c.main, &c.identity, &c.minor, &c.plan, &c.journey, &c.monitoring_plan, &c.closure})
    if (*one) visit(**one);
  for (const auto& r : c.assessments) visit(r);
  for (const auto& r : c.contacts) visit(r);
}

Loaded load(const fs::path& root, const folder::Config& config, const fs::path& cwd,
            const LoadOptions& options) {
  Loaded out;
  out.folder.root = root;
  out.folder.config = config;
  folder::Listing listing = folder::list_record_files(root, cwd);
  out.problems = std::move(listing.problems);
  if (!options.read_identity) std::erase_if(out.problems, [&](const diag::Diagnostic& d) { return about_identity(d, root, cwd); });
  std::vector<folder::RecordFile> files;
  std::vector<Placement> places;
  for (auto& f : listing.files) {
    Placement where = *classify(f.relative).placement;
    if (where.kind == Kind::Identity && !options.read_identity) continue;
    files.push_back(std::move(f));
    places.push_back(std::move(where));
  }
  for (auto& loading : load_all(files, places, options.threads)) {
    out.problems.insert(out.problems.end(), loading.problems.begin(), loading.problems.end());
    file_into_case(out.folder, std::move(loading.record), out.problems);
  }
  return out;
}

}  // namespace care::records
