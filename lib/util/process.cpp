#include "util/process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
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

namespace {

// Feeds `input` to `to` and drains `from_out` and `from_err` together, so
// that neither side ever waits on a full pipe.
void exchange(int to, int from_out, int from_err, const std::string& input, PipedResult& r) {
  std::size_t sent = 0;
  if (input.empty()) ::close(to), to = -1;
  std::string* sinks[2] = {&r.out, &r.err};
  int from[2] = {from_out, from_err};
  while (to >= 0 || from[0] >= 0 || from[1] >= 0) {
    pollfd fds[3] = {{to, POLLOUT, 0}, {from[0], POLLIN, 0}, {from[1], POLLIN, 0}};
    if (::poll(fds, 3, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    if (to >= 0 && fds[0].revents) {
      ssize_t n = ::write(to, input.data() + sent, input.size() - sent);
      if (n > 0) sent += static_cast<std::size_t>(n);
      if ((n < 0 && errno != EINTR && errno != EAGAIN) || sent == input.size()) ::close(to), to = -1;
    }
    for (int i = 0; i < 2; ++i) {
      if (from[i] < 0 || !fds[i + 1].revents) continue;
      char buffer[4096];
      ssize_t n = ::read(from[i], buffer, sizeof buffer);
      if (n > 0) sinks[i]->append(buffer, static_cast<std::size_t>(n));
      else if (n == 0 || errno != EINTR) ::close(from[i]), from[i] = -1;
    }
  }
  for (int fd : {to, from[0], from[1]})
    if (fd >= 0) ::close(fd);
}

}  // namespace

PipedResult run_piped(const std::vector<std::string>& argv, const std::string& input) {
  PipedResult result;
  int in[2], out[2], err[2];
  if (argv.empty() || ::pipe2(in, O_CLOEXEC) != 0) return result;
  if (::pipe2(out, O_CLOEXEC) != 0) return ::close(in[0]), ::close(in[1]), result;
  if (::pipe2(err, O_CLOEXEC) != 0) return ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]), result;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  auto args = c_args(argv);
  pid_t pid = 0;
  int rc = ::posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(in[0]), ::close(out[1]), ::close(err[1]);
  if (rc != 0) {
    ::close(in[1]), ::close(out[0]), ::close(err[0]);
    result.err = "it could not be started";
    return result;
  }
  // A program that stops reading early must not kill this one with SIGPIPE.
  struct sigaction ignore {}, before {};
  ignore.sa_handler = SIG_IGN;
  ::sigaction(SIGPIPE, &ignore, &before);
  exchange(in[1], out[0], err[0], input, result);
  ::sigaction(SIGPIPE, &before, nullptr);
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
