// A main for the fuzz targets when they are built without libFuzzer (the
// normal gcc build): it runs LLVMFuzzerTestOneInput once over every file
// named on the command line, or found directly in a folder named there, so
// that crashers kept as regression files and the seed corpus run in ctest.
//
// The inputs run on a thread with the small stack that scripts/fuzz gives
// libFuzzer (CARE_FUZZ_STACK_KB), so that a crasher found there by
// recursion too deep for that stack crashes here as well.
#include <pthread.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {
namespace fs = std::filesystem;

// Files of a folder in name order, so that a replay is the same every time.
// Names starting with '.' are skipped: editors and git leave such files.
bool collect(const fs::path& path, std::vector<fs::path>& out) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    out.push_back(path);
    return true;
  }
  if (!fs::is_directory(path, ec)) return false;
  std::vector<fs::path> found;
  for (const auto& entry : fs::directory_iterator(path, ec))
    if (entry.is_regular_file() && !entry.path().filename().string().starts_with("."))
      found.push_back(entry.path());
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return !ec;
}

std::string slurp(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void* replay(void* files) {
  for (const auto& file : *static_cast<const std::vector<fs::path>*>(files)) {
    // Printed first so that a crash shows which input caused it.
    std::fprintf(stderr, "replay: %s\n", file.string().c_str());
    std::string bytes = slurp(file);
    LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
  return nullptr;
}

bool replay_on_small_stack(std::vector<fs::path>& files) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  pthread_t thread;
  bool ok = pthread_attr_setstacksize(&attr, std::size_t{CARE_FUZZ_STACK_KB} * 1024) == 0 &&
            pthread_create(&thread, &attr, replay, &files) == 0 && pthread_join(thread, nullptr) == 0;
  pthread_attr_destroy(&attr);
  return ok;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<fs::path> files;
  for (int i = 1; i < argc; ++i)
    if (!collect(argv[i], files)) {
      std::fprintf(stderr, "replay: %s: no such file or folder\n", argv[i]);
      return 2;
    }
  if (!replay_on_small_stack(files)) {
    std::fprintf(stderr, "replay: cannot start a thread\n");
    return 2;
  }
  std::fprintf(stderr, "replay: %zu inputs ran without a crash\n", files.size());
  return 0;
}
