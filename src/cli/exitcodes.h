#pragma once

#include "pixelnest/result.h"

namespace pixelnest::cli
{

// DESIGN.md: 0 success, 2 usage error, 3 a service unreachable (or refusing for now: a
// deadlock, a timeout; try again), 4 partial failure, 5 permission denied (the login's role may
// not do this), 6 the database's schema is not this build's (run `pixelnest migrate`).
enum ExitCode : int
{
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2,
    kExitUnavailable = 3,
    kExitPartial = 4,
    kExitPermissionDenied = 5,
    kExitSchemaMismatch = 6,
};

inline int exitCodeFor(const Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::NotFound:
        return kExitUsage;
    case ErrorCode::Unavailable:
    case ErrorCode::Transient:
        return kExitUnavailable;
    case ErrorCode::PermissionDenied:
        return kExitPermissionDenied;
    case ErrorCode::SchemaMismatch:
        return kExitSchemaMismatch;
    default:
        return kExitFailure;
    }
}

} // namespace pixelnest::cli
