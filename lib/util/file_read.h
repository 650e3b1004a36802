// Reading a whole file that anyone may have put anything at. Only a regular
// file is read: never through a symbolic link, never a named pipe (a plain
// read of one with no writer waits for ever), a device, a socket or a
// folder, and never past a size cap, so that a wrong file cannot hang a
// command or fill its memory.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace care::util {

enum class ReadFailure { None, Missing, NotRegular, TooLarge, Unreadable };

struct FileText {
  std::string text;
  ReadFailure failure = ReadFailure::None;
  // When failure is set: why, as a clause that follows a colon, e.g.
  // "it is a named pipe (FIFO), not a regular file".
  std::string reason;
  bool ok() const { return failure == ReadFailure::None; }
};

// The bytes of the regular file at path, if it holds at most max_bytes.
FileText read_regular_file(const std::string& path, std::size_t max_bytes);

// Everything readable from an open descriptor (standard input) up to its end,
// if that is at most max_bytes; any kind of file is read.
FileText read_descriptor(int fd, std::size_t max_bytes);

// What a file that is not a regular file is, as a person says it: "a folder",
// "a named pipe (FIFO)", "a device", "a socket", "a symbolic link".
std::string_view describe(std::filesystem::file_type type);

}  // namespace care::util
