#include "util/process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

extern char** environ;

namespace care::util {
namespace {

std::vector<char*> c_args(const std::vector<std::string>& argv) {
  std::vector<char*> out;
  for (const auto& a : argv) out.push_back(const_cast<char*>(a.c_str()));
  out.push_back(nullptr);
  return out;
}

int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

ProcessResult run_captured(const std::vector<std::string>& argv, const std::string& cwd) {
  ProcessResult result;
  int pipe_fds[2];
  if (argv.empty() || ::pipe2(pipe_fds, O_CLOEXEC) != 0) return result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  // glibc 2.36 has no posix_spawn_file_actions_addchdir_np in C++ headers
  // everywhere, so the child changes folder through `env -C`.
  std::vector<std::string> full = {"env", "-C", cwd};
  full.insert(full.end(), argv.begin(), argv.end());
  auto args = c_args(full);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, "env", &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[1]);
  if (rc != 0) {
    ::close(pipe_fds[0]);
    return result;
  }
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0) result.output.append(buffer, static_cast<std::size_t>(n));
  ::close(pipe_fds[0]);
  result.status = wait_for(pid);
  return result;
}

int run_attached(const std::vector<std::string>& argv) {
  if (argv.empty()) return -1;
  auto args = c_args(argv);
  pid_t pid = 0;
  if (::posix_spawnp(&pid, argv[0].c_str(), nullptr, nullptr, args.data(), environ) != 0) return -1;
  return wait_for(pid);
}

}  // namespace care::util
