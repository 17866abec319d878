#pragma once

#include "cli/commandline.h"
#include "pixelnest/jobs.h"

namespace pixelnest::cli
{

// `pixelnest jobs`'s filters, order and page as a JobQuery: --status, --pipeline, --worker,
// --priority N|MIN..MAX, --since/--until (created), --search (title, or an id), --label L[:MIN]
// (the moderation result), --faces N[+], --sort COLUMN[:desc], --after CURSOR, --limit.
// Usage errors name what each accepts.
Result<JobQuery> jobQueryFrom(const CommandLine& line);

} // namespace pixelnest::cli
