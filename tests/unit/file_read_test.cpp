// util::read_regular_file and read_descriptor: what is read, and what is
// refused without reading (or waiting).
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "test_support.h"
#include "util/file_read.h"

namespace fs = std::filesystem;
using care::util::read_descriptor;
using care::util::read_regular_file;
using care::util::ReadFailure;

TEST_CASE("file_read: a regular file within the cap is read whole") {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "a.yaml", "kind: case\n");
  auto r = read_regular_file((dir.path() / "a.yaml").string(), 11);
  CHECK(r.ok());
  CHECK(r.text == "kind: case\n");
  care::test::spit(dir.path() / "empty.yaml", "");
  CHECK(read_regular_file((dir.path() / "empty.yaml").string(), 0).ok());
}

TEST_CASE("file_read: one byte over the cap is refused unread") {
  care::test::TempDir dir;
  care::test::spit(dir.path() / "a.yaml", "kind: case\n");
  auto r = read_regular_file((dir.path() / "a.yaml").string(), 10);
  CHECK(r.failure == ReadFailure::TooLarge);
  CHECK(r.reason == "it is larger than 10 bytes");
  CHECK(r.text.empty());
}

TEST_CASE("file_read: a missing file, and one that cannot be opened") {
  care::test::TempDir dir;
  auto r = read_regular_file((dir.path() / "none.yaml").string(), 100);
  CHECK(r.failure == ReadFailure::Missing);
  CHECK(r.reason == "it does not exist");
  if (::geteuid() == 0) return;  // permissions do not bind root
  care::test::spit(dir.path() / "locked.yaml", "x");
  fs::permissions(dir.path() / "locked.yaml", fs::perms::none);
  auto locked = read_regular_file((dir.path() / "locked.yaml").string(), 100);
  CHECK(locked.failure == ReadFailure::Unreadable);
  CHECK(locked.reason == "it cannot be opened (Permission denied)");
}

TEST_CASE("file_read: a named pipe, a folder, a device, a socket and a link are refused") {
  care::test::TempDir dir;
  const fs::path pipe = dir.path() / "pipe.yaml";
  REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);  // no writer: a plain read would wait for ever
  auto r = read_regular_file(pipe.string(), 100);
  CHECK(r.failure == ReadFailure::NotRegular);
  CHECK(r.reason == "it is a named pipe (FIFO), not a regular file");

  fs::create_directory(dir.path() / "folder.yaml");
  CHECK(read_regular_file((dir.path() / "folder.yaml").string(), 100).reason ==
        "it is a folder, not a regular file");
  CHECK(read_regular_file("/dev/null", 100).reason == "it is a device, not a regular file");

  const fs::path socket_path = dir.path() / "s";
  int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(s >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::strncpy(address.sun_path, socket_path.c_str(), sizeof address.sun_path - 1);
  if (socket_path.string().size() < sizeof address.sun_path &&
      ::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
    CHECK(read_regular_file(socket_path.string(), 100).reason == "it is a socket, not a regular file");
  ::close(s);

  care::test::spit(dir.path() / "real.yaml", "x");
  fs::create_symlink("real.yaml", dir.path() / "link.yaml");
  auto link = read_regular_file((dir.path() / "link.yaml").string(), 100);
  CHECK(link.failure == ReadFailure::NotRegular);
  CHECK(link.reason == "it is a symbolic link, not a regular file");
}

TEST_CASE("file_read: a descriptor is read to its end, within the cap") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], "abc", 3) == 3);
  ::close(fds[1]);
  auto r = read_descriptor(fds[0], 3);
  ::close(fds[0]);
  CHECK(r.ok());
  CHECK(r.text == "abc");

  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], "abcd", 4) == 4);
  ::close(fds[1]);
  auto over = read_descriptor(fds[0], 3);
  ::close(fds[0]);
  CHECK(over.failure == ReadFailure::TooLarge);
}
