// Fuzz target: care-report check on a small valid case folder in which one
// record is replaced by the input. The first byte picks the record (an
// existing one, or one the folder lacks); the rest is the file's content.
// The folder is made once, in a private temporary folder, and the record is
// put back after each run, so that every run starts from the same folder.
#include <stdlib.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "check/check.h"
#include "fuzz_support.h"

namespace {
namespace fs = std::filesystem;
using namespace care;

// Two cases (one with all but a minor's file, one a minor's) and an outreach
// record, copied from examples/: together valid, so that a problem found is
// the input's.
constexpr std::array<const char*, 3> kCopied = {
    "cases/PT-2013-001", "cases/PT-2015-001", "outreach/OR-PT-2014-001.yaml"};

// Listed, not found by walking the folder, so that a byte keeps naming the
// same record when examples/ changes.
constexpr std::array<const char*, 16> kSlots = {
    "cases/PT-2013-001/case.yaml",
    "cases/PT-2013-001/identity.yaml",
    "cases/PT-2013-001/assessments/2013-10-29.yaml",
    "cases/PT-2013-001/plan.yaml",
    "cases/PT-2013-001/return.yaml",
    "cases/PT-2013-001/monitoring-plan.yaml",
    "cases/PT-2013-001/monitoring/2014-02-24.yaml",
    "cases/PT-2013-001/closure.yaml",
    "cases/PT-2013-001/minor.yaml",  // absent: an adult's case given a minor's file
    "cases/PT-2015-001/case.yaml",
    "cases/PT-2015-001/minor.yaml",
    "cases/PT-2015-001/plan.yaml",
    "cases/PT-2015-001/return.yaml",                   // absent
    "cases/PT-2015-001/monitoring/2015-09-01.yaml",    // absent, in a folder that is too
    "outreach/OR-PT-2014-001.yaml",
    "cases/PT-2016-001/case.yaml",                     // absent: a new case
};

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spit(const fs::path& file, const std::uint8_t* data, std::size_t size) {
  std::ofstream(file, std::ios::binary).write(reinterpret_cast<const char*>(data),
                                              static_cast<std::streamsize>(size));
}

[[noreturn]] void fail(const std::string& why) {
  std::fprintf(stderr, "check_folder: %s\n", why.c_str());
  std::abort();
}

class Fixture {
 public:
  Fixture() {
    std::string pattern = (fs::temp_directory_path() / "care-fuzz-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) fail("cannot make a temporary folder");
    root_ = pattern;
    fs::path examples = fs::path(CARE_SOURCE_DIR) / "examples";
    for (const char* p : kCopied) {
      fs::create_directories((root_ / p).parent_path());
      fs::copy(examples / p, root_ / p, fs::copy_options::recursive);
    }
    auto read = folder::load_config((examples / "care.toml").string(), "care.toml");
    if (!read.config) fail("examples/care.toml does not read");
    config_ = std::move(*read.config);
    for (const char* p : kSlots)
      originals_.push_back(fs::exists(root_ / p) ? std::optional(slurp(root_ / p)) : std::nullopt);
    if (!run().problems.empty()) fail("the fixed folder is not valid; choose other examples");
  }
  ~Fixture() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  Fixture(const Fixture&) = delete;
  Fixture& operator=(const Fixture&) = delete;

  void check_with(std::size_t slot, const std::uint8_t* data, std::size_t size) {
    fs::path file = root_ / kSlots[slot];
    // The first folder on the way that does not exist yet, to remove afterwards.
    fs::path made;
    for (fs::path p = file.parent_path(); !fs::exists(p); p = p.parent_path()) made = p;
    fs::create_directories(file.parent_path());
    spit(file, data, size);
    care::fuzz::render(run().problems);
    if (originals_[slot]) {
      const std::string& before = *originals_[slot];
      spit(file, reinterpret_cast<const std::uint8_t*>(before.data()), before.size());
    } else {
      fs::remove_all(made.empty() ? file : made);
    }
  }

 private:
  check::Result run() const {
    check::Request request;
    request.threads = 1;  // one thread: faster for so few files, and simpler to debug
    return check::run(root_, root_, config_, *util::Date::parse("2016-06-30"), request);
  }

  fs::path root_;
  folder::Config config_;
  std::vector<std::optional<std::string>> originals_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static Fixture fixture;
  fixture.check_with(data[0] % kSlots.size(), data + 1, size - 1);
  return 0;
}
