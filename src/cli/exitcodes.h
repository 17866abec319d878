#pragma once

#include "pixelnest/result.h"

namespace pixelnest::cli
{

// DESIGN.md: 0 success, 2 usage error, 3 a service unreachable (or refusing for now: a
// deadlock, a timeout; try again), 4 partial failure.
enum ExitCode : int
{
    kExitOk = 0,
    kExitFailure = 1,
    kExitUsage = 2,
    kExitUnavailable = 3,
    kExitPartial = 4,
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
    default:
        return kExitFailure;
    }
}

} // namespace pixelnest::cli
