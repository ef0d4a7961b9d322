// Every crypto path, including the failures that matter: wrong password, tampered
// ciphertext, wrong key, malformed input, and memory wiped on request.
#include <catch2/catch.hpp>

#include <set>

#include "crypto/address_hasher.h"
#include "crypto/chain_hash.h"
#include "crypto/key_wrap.h"
#include "crypto/password_kdf.h"
#include "crypto/sealing.h"
#include "crypto/tokens.h"

namespace hw::crypto {

TEST_CASE("sealed, padded requests open only with the right key", "[crypto]") {
  const KeyPair org = GenerateKeyPair();
  const KeyPair other = GenerateKeyPair();
  const std::string message = "{\"phone\":\"0612345678\",\"message\":\"MARKER\"}";
  const std::string sealed = SealPadded(message, org.public_key);
  REQUIRE_FALSE(sealed.empty());
  CHECK(sealed.find("MARKER") == std::string::npos);
  CHECK((sealed.size() - 48) % kPaddingBlock == 0);  // crypto_box_SEALBYTES = 48

  auto opened = OpenPadded(sealed, org);
  REQUIRE(opened.ok());
  CHECK(opened->view() == message);

  CHECK(OpenPadded(sealed, other).status().code() == StatusCode::kCorruption);
  std::string tampered = sealed;
  tampered[tampered.size() / 2] ^= 0x01;
  CHECK_FALSE(OpenPadded(tampered, org).ok());
  CHECK_FALSE(OpenPadded(sealed.substr(0, 20), org).ok());
  CHECK_FALSE(OpenPadded("", org).ok());
}

TEST_CASE("padding hides the length within a block", "[crypto]") {
  const KeyPair org = GenerateKeyPair();
  CHECK(SealPadded("a", org.public_key).size() == SealPadded(std::string(200, 'a'), org.public_key).size());
  CHECK(SealPadded(std::string(255, 'a'), org.public_key).size() < SealPadded(std::string(256, 'a'), org.public_key).size());
}

TEST_CASE("the public key can be recomputed from the secret key", "[crypto]") {
  const KeyPair keys = GenerateKeyPair();
  CHECK(PublicKeyOf(keys.secret_key) == keys.public_key);
}

TEST_CASE("wrapped keys unwrap only with the right key and associated data", "[crypto]") {
  const SecureBuffer key = RandomKey();
  const SecureBuffer secret = RandomKey();
  const std::string wrapped = Wrap(secret.view(), key, "staff:7");
  auto unwrapped = Unwrap(wrapped, key, "staff:7");
  REQUIRE(unwrapped.ok());
  CHECK(unwrapped->view() == secret.view());
  CHECK_FALSE(Unwrap(wrapped, RandomKey(), "staff:7").ok());
  CHECK_FALSE(Unwrap(wrapped, key, "staff:8").ok());  // copied to another user's row
  std::string tampered = wrapped;
  tampered.back() ^= 0x01;
  CHECK_FALSE(Unwrap(tampered, key, "staff:7").ok());
  CHECK_FALSE(Unwrap("short", key, "staff:7").ok());
}

TEST_CASE("password-derived keys: the right password unwraps, a wrong one does not", "[crypto]") {
  const KdfParams params = KdfParams::FastForTests();
  const std::string salt = RandomSalt();
  auto key = DeriveKeyFromPassword("correct horse", salt, params);
  REQUIRE(key.ok());
  const SecureBuffer secret = RandomKey();
  const std::string wrapped = Wrap(secret.view(), key.value(), "staff:1");

  auto again = DeriveKeyFromPassword("correct horse", salt, params);
  CHECK(Unwrap(wrapped, again.value(), "staff:1").ok());
  auto wrong = DeriveKeyFromPassword("correct horsf", salt, params);
  CHECK_FALSE(Unwrap(wrapped, wrong.value(), "staff:1").ok());
  auto other_salt = DeriveKeyFromPassword("correct horse", RandomSalt(), params);
  CHECK_FALSE(Unwrap(wrapped, other_salt.value(), "staff:1").ok());
  CHECK_FALSE(DeriveKeyFromPassword("x", "short salt", params).ok());
  CHECK_FALSE(DeriveKeyFromPassword("x", salt, KdfParams{0, 0}).ok());
  CHECK(KdfParams::Production().mem >= 64u * 1024 * 1024);
}

TEST_CASE("a grant: the organisation secret sealed to a staff member's key", "[crypto]") {
  const KeyPair org = GenerateKeyPair();
  const KeyPair staff = GenerateKeyPair();
  const std::string grant = Seal(org.secret_key.view(), staff.public_key);
  auto secret = Open(grant, staff);
  REQUIRE(secret.ok());
  CHECK(PublicKeyOf(secret.value()) == org.public_key);
  CHECK_FALSE(Open(grant, GenerateKeyPair()).ok());  // another staff member
}

TEST_CASE("secure buffers wipe on request and on move", "[crypto]") {
  SecureBuffer buffer = SecureBuffer::CopyOf("secret");
  CHECK(buffer.view() == "secret");
  SecureBuffer moved = std::move(buffer);
  CHECK(buffer.empty());
  CHECK(moved.view() == "secret");
  moved.Wipe();
  CHECK(moved.empty());
  CHECK(moved.data() == nullptr);
}

TEST_CASE("tokens, uuids, hashes and recovery keys", "[crypto]") {
  std::set<std::string> tokens;
  for (int i = 0; i < 100; ++i) tokens.insert(RandomToken());
  CHECK(tokens.size() == 100);
  CHECK(RandomToken().size() == 43);
  const std::string uuid = RandomUuid();
  CHECK(uuid.size() == 36);
  CHECK(uuid[14] == '4');
  CHECK(TokenHash("a") == TokenHash("a"));
  CHECK(TokenHash("a") != TokenHash("b"));
  CHECK(DeriveSubkey("t", "session").view() != DeriveSubkey("t", "csrf").view());
  CHECK(ConstantTimeEquals("abc", "abc"));
  CHECK_FALSE(ConstantTimeEquals("abc", "abd"));
  CHECK_FALSE(ConstantTimeEquals("abc", "abcd"));

  const SecureBuffer key = RandomKey();
  const std::string printed = FormatRecoveryKey(key);
  CHECK(printed.size() == 64 + 15);
  CHECK(ParseRecoveryKey(printed).view() == key.view());
  std::string sloppy;
  for (char c : printed) sloppy += c == '-' ? ' ' : static_cast<char>(std::tolower(c));
  CHECK(ParseRecoveryKey(sloppy + "\n").view() == key.view());
  CHECK(ParseRecoveryKey(printed.substr(1)).empty());
  CHECK(ParseRecoveryKey(printed + "Z").empty());
}

TEST_CASE("a chain link depends on the link before and on every field, with its boundaries", "[crypto]") {
  const std::string first = ChainHash("", {"1", "login", "a@x.test"});
  CHECK(first.size() == kChainHashBytes);
  CHECK(first == ChainHash("", {"1", "login", "a@x.test"}));
  CHECK(first != ChainHash(std::string(32, '\0'), {"1", "login", "a@x.test"}));
  CHECK(first != ChainHash("", {"1", "login", "a@x.tesT"}));
  CHECK(ChainHash("", {"ab", "c"}) != ChainHash("", {"a", "bc"}));  // text moved across a field
  CHECK(ChainHash("", {"a", ""}) != ChainHash("", {"a"}));
  CHECK(HexOf(std::string("\x01\xab", 2)) == "01ab");
}

TEST_CASE("address buckets are stable until the key rotates", "[crypto]") {
  AddressHasher stable(std::chrono::hours(1));
  CHECK(stable.Bucket("192.0.2.1") == stable.Bucket("192.0.2.1"));
  CHECK(stable.Bucket("192.0.2.1") != stable.Bucket("192.0.2.2"));
  CHECK(stable.Bucket("192.0.2.1").find("192") == std::string::npos);
  CHECK(stable.Bucket("::ffff:192.0.2.1") == stable.Bucket("192.0.2.1"));
  CHECK(stable.Bucket("2001:db8:1:2::1") == stable.Bucket("2001:db8:1:2:a:b:c:d"));  // one /64, one client
  CHECK(stable.Bucket("2001:db8:1:2::1") != stable.Bucket("2001:db8:1:3::1"));
  AddressHasher rotating(std::chrono::seconds(0));
  CHECK(rotating.Bucket("192.0.2.1") != rotating.Bucket("192.0.2.1"));
}

}  // namespace hw::crypto
