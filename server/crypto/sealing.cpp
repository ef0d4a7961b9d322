#include "crypto/sealing.h"

#include <sodium.h>

#include "crypto/sodium_init.h"

namespace hw::crypto {
namespace {

const unsigned char* Bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

}  // namespace

KeyPair GenerateKeyPair() {
  EnsureSodium();
  KeyPair keys{std::string(crypto_box_PUBLICKEYBYTES, '\0'), SecureBuffer(crypto_box_SECRETKEYBYTES)};
  crypto_box_keypair(reinterpret_cast<unsigned char*>(keys.public_key.data()), keys.secret_key.data());
  return keys;
}

std::string PublicKeyOf(const SecureBuffer& secret_key) {
  EnsureSodium();
  std::string public_key(crypto_box_PUBLICKEYBYTES, '\0');
  if (secret_key.size() != crypto_box_SECRETKEYBYTES) return {};
  crypto_scalarmult_base(reinterpret_cast<unsigned char*>(public_key.data()), secret_key.data());
  return public_key;
}

std::string Seal(std::string_view plaintext, std::string_view public_key) {
  EnsureSodium();
  std::string sealed(plaintext.size() + crypto_box_SEALBYTES, '\0');
  if (public_key.size() != crypto_box_PUBLICKEYBYTES ||
      crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), Bytes(plaintext), plaintext.size(),
                      Bytes(public_key)) != 0)
    return {};
  return sealed;
}

std::string SealPadded(std::string_view plaintext, std::string_view public_key) {
  EnsureSodium();
  SecureBuffer padded(plaintext.size() + kPaddingBlock);
  std::copy(plaintext.begin(), plaintext.end(), padded.data());
  size_t padded_size = 0;
  if (sodium_pad(&padded_size, padded.data(), plaintext.size(), kPaddingBlock, padded.size()) != 0) return {};
  return Seal(padded.view().substr(0, padded_size), public_key);
}

Result<SecureBuffer> Open(std::string_view ciphertext, const KeyPair& keys) {
  EnsureSodium();
  if (ciphertext.size() < crypto_box_SEALBYTES || keys.public_key.size() != crypto_box_PUBLICKEYBYTES)
    return Status::Corruption("sealed data is too short or the key is malformed");
  SecureBuffer plaintext(ciphertext.size() - crypto_box_SEALBYTES);
  unsigned char empty = 0;
  if (crypto_box_seal_open(plaintext.empty() ? &empty : plaintext.data(), Bytes(ciphertext), ciphertext.size(),
                           Bytes(keys.public_key), keys.secret_key.data()) != 0)
    return Status::Corruption("sealed data cannot be opened with this key (wrong key or tampered data)");
  return plaintext;
}

Result<SecureBuffer> OpenPadded(std::string_view ciphertext, const KeyPair& keys) {
  auto padded = Open(ciphertext, keys);
  if (!padded.ok()) return padded.status();
  size_t size = 0;
  if (sodium_unpad(&size, padded->data(), padded->size(), kPaddingBlock) != 0)
    return Status::Corruption("sealed data has invalid padding");
  return SecureBuffer::CopyOf(padded->view().substr(0, size));
}

}  // namespace hw::crypto
