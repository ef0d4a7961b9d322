// The directory editor's API for staff with the editor role, under
// /staff/api/v1/directory, and the preview of the draft at /staff/preview/:
//   GET    directory                      published version and draft state
//   GET    directory/draft                the draft (started from the published version)
//                                         with its validation issues
//   PUT    directory/draft                {revision, directory, questionnaire?, replace?}
//                                         409 draft_changed when someone saved meanwhile
//   DELETE directory/draft                discard it
//   POST   directory/publish              {revision, note} -> 201 {version}; 422 with the
//                                         issues when invalid; 409 when stale
//   GET    directory/versions[/{v}]       every published version, with author and time
//   POST   directory/versions/{v}/restore {note?} -> 201 {version}
//   GET    directory/diff/{from}/{to}     changes; from/to are version numbers or "draft"
//   GET    directory/attention            unverified details, checks older than 6 months,
//                                         todo notes
//   POST   directory/import-hsds?lang=nl&revision=N  an HSDS document into the draft,
//                                         with a report of what changed and what was refused
// Thin: authorise (editor role), parse, call domain::DirectoryEditor, render JSON.
#pragma once

#include <optional>
#include <string>

#include "domain/staff.h"
#include "http/app_services.h"
#include "http/exchange.h"

namespace hw::http {

// `route` is the path after /staff/api/v1/. nullopt when it is not an editor route.
std::optional<HttpResponse> HandleEditorApi(const std::string& route, const HttpRequest& request,
                                            AppServices& services, const domain::StaffIdentity& staff);
// GET /staff/preview/...: the resident app reading the draft. nullopt for other paths.
std::optional<HttpResponse> HandlePreview(const HttpRequest& request, AppServices& services,
                                          const domain::StaffIdentity& staff);

}  // namespace hw::http
