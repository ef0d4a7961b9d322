// For tests only: a migrated database in a fresh folder, removed with the folder when it
// goes out of scope. Throws when the database cannot be made (the test then fails).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "store/database.h"
#include "store/migrations.h"
#include "store/temp_dir_for_tests.h"

namespace hw::store {

struct MigratedDatabase {
  TempDir dir;
  std::unique_ptr<Database> db;

  explicit MigratedDatabase(const std::string& name) : dir(name) {
    auto opened = Database::Open(dir.File("test.db"));
    if (!opened.ok()) throw std::runtime_error(opened.status().message());
    db = std::move(opened.value());
    if (Status migrated = Migrate(*db); !migrated.ok()) throw std::runtime_error(migrated.message());
  }
};

}  // namespace hw::store
