// Secret bytes in memory that is locked (never swapped), guarded by canary pages, and
// wiped when freed (sodium_malloc / sodium_free). Move-only; one owner. Not thread-safe:
// one thread uses a buffer at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace hw::crypto {

class SecureBuffer {
 public:
  SecureBuffer() = default;
  explicit SecureBuffer(size_t size);  // zero-filled; throws std::bad_alloc when out of memory
  static SecureBuffer CopyOf(std::string_view bytes);
  ~SecureBuffer();
  SecureBuffer(SecureBuffer&& other) noexcept;
  SecureBuffer& operator=(SecureBuffer&& other) noexcept;
  SecureBuffer(const SecureBuffer&) = delete;
  SecureBuffer& operator=(const SecureBuffer&) = delete;

  unsigned char* data() { return data_; }
  const unsigned char* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::string_view view() const { return {reinterpret_cast<const char*>(data_), size_}; }
  // Wipes and frees now (logout): the memory is gone before the call returns.
  void Wipe();

 private:
  unsigned char* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace hw::crypto
