#include "util/file_io.h"

#include <fstream>
#include <sstream>

namespace hw {

bool ReadWholeFile(const std::string& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return false;
  *contents = buffer.str();
  return true;
}

}  // namespace hw

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace hw {

Status FsyncPath(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open " + path + ": " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) return Status::IoError("cannot sync " + path + " to disk: " + std::strerror(saved));
  return Status::Ok();
}

Status RenameDurably(const std::string& from, const std::string& to) {
  if (std::rename(from.c_str(), to.c_str()) != 0)
    return Status::IoError("cannot rename " + from + " to " + to + ": " + std::strerror(errno));
  const std::string folder = std::filesystem::path(to).parent_path().string();
  return FsyncPath(folder.empty() ? "." : folder);
}

Status MakeOwnerOnly(const std::string& path) {
  if (::chmod(path.c_str(), S_IRUSR | S_IWUSR) != 0)
    return Status::IoError("cannot make " + path + " readable by its owner only: " + std::strerror(errno));
  return Status::Ok();
}

Status CopyFileAtomically(const std::string& from, const std::string& to) {
  const std::string temporary = to + ".partial";
  std::error_code error;
  std::filesystem::copy_file(from, temporary, std::filesystem::copy_options::overwrite_existing, error);
  if (error) return Status::IoError("cannot copy " + from + " to " + temporary + ": " + error.message());
  if (Status s = MakeOwnerOnly(temporary); !s.ok()) return s;
  if (Status s = FsyncPath(temporary); !s.ok()) return s;
  return RenameDurably(temporary, to);
}

}  // namespace hw
