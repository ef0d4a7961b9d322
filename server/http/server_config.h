// How the HTTP server runs. Filled from flags and HULPWIJZER_* environment variables by
// cli/; read-only afterwards.
#pragma once

#include <string>

#include "domain/proof_of_work.h"

namespace hw::http {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string data_dir = "hulpwijzer-data";
  // Where the quick exit sends the resident: an everyday page without a consent wall.
  std::string exit_url = "https://nl.wikipedia.org/wiki/Hoofdpagina";
  bool hsts = false;       // set when TLS is terminated in front of the server
  // Worker threads for requests that may wait on the disk, SQLite or a key derivation;
  // connections themselves are held by a few event loops, not by threads.
  int threads = 16;
  bool access_log = true;  // method, path, status; never an address or header
  // Development only: a session cookie without Secure and the __Host- prefix, for plain
  // http on localhost. Never in production.
  bool dev_insecure_cookies = false;
  // Behind the shipped nginx every client arrives from loopback; then, and only for
  // connections from a loopback address, the client address for rate limits is taken
  // from X-Real-IP (which nginx always overwrites). It is hashed at once, never kept.
  bool behind_proxy = false;
  // The site's public address ("https://hulpwijzer.example.nl"), for absolute links in
  // machine-readable answers (the HSDS root's openapi_url). Empty: such links are left out.
  std::string public_url;
  // The proof of work a contact request needs while an organisation's inflow is normal
  // (domain/proof_of_work.h).
  int proof_of_work_bits = domain::kDefaultWorkBits;
};

}  // namespace hw::http
