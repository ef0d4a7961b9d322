#include "crypto/secure_buffer.h"

#include <sodium.h>

#include <cstring>
#include <new>

#include "crypto/sodium_init.h"

namespace hw::crypto {

SecureBuffer::SecureBuffer(size_t size) {
  EnsureSodium();
  if (size == 0) return;
  data_ = static_cast<unsigned char*>(sodium_malloc(size));
  if (!data_) throw std::bad_alloc();
  std::memset(data_, 0, size);
  size_ = size;
}

SecureBuffer SecureBuffer::CopyOf(std::string_view bytes) {
  SecureBuffer buffer(bytes.size());
  if (!bytes.empty()) std::memcpy(buffer.data_, bytes.data(), bytes.size());
  return buffer;
}

SecureBuffer::~SecureBuffer() { Wipe(); }

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept : data_(other.data_), size_(other.size_) {
  other.data_ = nullptr;
  other.size_ = 0;
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept {
  if (this != &other) {
    Wipe();
    data_ = other.data_;
    size_ = other.size_;
    other.data_ = nullptr;
    other.size_ = 0;
  }
  return *this;
}

void SecureBuffer::Wipe() {
  if (data_) sodium_free(data_);  // zeroes the memory before releasing it
  data_ = nullptr;
  size_ = 0;
}

}  // namespace hw::crypto
