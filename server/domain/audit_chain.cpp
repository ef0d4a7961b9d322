#include "domain/audit_chain.h"

#include "crypto/chain_hash.h"

namespace hw::domain {
namespace {

// The problem with `entry` given the one before it (nullptr for the first kept), or "".
std::string ProblemWith(const store::ChainedAuditRow& entry, const store::ChainedAuditRow* before) {
  if (entry.entry_hash.empty()) {
    if (before && !before->entry_hash.empty()) return "it carries no hash although the entries before it do (added by hand)";
    return "";
  }
  if (before && entry.row.id != before->row.id + 1)
    return "the entries between " + std::to_string(before->row.id) + " and it are missing (removed)";
  if (before && !before->entry_hash.empty() && entry.previous_hash != before->entry_hash)
    return "its link does not match entry " + std::to_string(before->row.id) + " (that entry was changed or replaced)";
  if (store::AuditEntryHash(entry.previous_hash, entry.row) != entry.entry_hash)
    return "its content does not match its hash (the entry was changed)";
  return "";
}

}  // namespace

Result<AuditChainReport> VerifyAuditChain(store::AuditStore& audit, const std::optional<NotedHead>& noted) {
  AuditChainReport report;
  std::optional<store::ChainedAuditRow> before;
  int64_t first_id = 0;
  const Status read = audit.ForEach([&](const store::ChainedAuditRow& entry) {
    if (!report.entries++) first_id = entry.row.id;
    std::string problem = ProblemWith(entry, before ? &*before : nullptr);
    if (problem.empty() && noted && entry.row.id == noted->id && crypto::HexOf(entry.entry_hash) != noted->hash_hex)
      problem = "its hash is not the one noted down for it (the log was rewritten from here on)";
    if (!problem.empty()) {
      report.broken_id = entry.row.id;
      report.problem = std::move(problem);
      return false;
    }
    if (entry.entry_hash.empty()) ++report.unchained;
    else if (!report.first_chained_id) report.first_chained_id = entry.row.id;
    report.head_id = entry.row.id;
    report.head_hash = crypto::HexOf(entry.entry_hash);
    before = entry;
    return true;
  });
  if (!read.ok()) return read;
  if (noted && !report.broken_id) {
    if (noted->id > report.head_id) {
      report.broken_id = noted->id;
      report.problem = "it was noted down as the head but is gone (entries were cut off at the end)";
    } else if (noted->id < first_id) {
      report.noted_head_purged = true;
    }
  }
  return report;
}

}  // namespace hw::domain
