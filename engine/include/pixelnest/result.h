#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace pixelnest
{

// What went wrong, in terms a caller can act on; the CLI maps these to exit codes.
enum class ErrorCode
{
    InvalidInput,     // the user's input is wrong: fix it and retry (exit 2 or 4)
    NotFound,         // the named job, file or model does not exist
    Unavailable,      // a service (PostgreSQL, Redis, a binary) cannot be reached (exit 3)
    Transient,        // the service refused this once (deadlock, timeout, failover, disk full):
                      // the same request may succeed later (exit 3)
    Conflict,         // the row changed under us (fencing, state machine)
    PermissionDenied, // the login's role may not do this (exit 5): SQLSTATE 42501
    SchemaMismatch,   // the database's schema is not the one this build needs (exit 6)
    Internal,         // a bug or an unexpected failure
};

// Which part failed, so that callers decide by kind instead of searching the text: the console
// marks that server down, the engine pauses on an outage of PostgreSQL or Redis, a job fails on
// bad input.
enum class Service
{
    None,       // not attributed (a usage error, a bug)
    PostgreSQL, // the database: connection, query, transaction
    Redis,      // the dispatch queue
    Model,      // a model file, its manifest, the device it runs on
    Input,      // the user's file or value
};

QString serviceName(Service service); // "PostgreSQL", "Redis", "model", "input", ""

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
    Service service = Service::None;
};

namespace detail
{
// Out of line so that this header needs no logging include; aborts with the error's message.
[[noreturn]] void valueOfError(const Error& error);
} // namespace detail

// A value or an Error. Public engine calls return this instead of throwing: no exception crosses
// a thread or library boundary.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    // Asserting in every build type: reading the value of an error is a bug, and undefined
    // behaviour is the worst way to find it.
    const T& value() const&
    {
        check();
        return *m_value;
    }
    T& value() &
    {
        check();
        return *m_value;
    }
    T&& value() &&
    {
        check();
        return std::move(*m_value);
    }
    const T* operator->() const
    {
        check();
        return &*m_value;
    }
    const Error& error() const { return m_error; }

private:
    void check() const
    {
        if (!m_value) {
            detail::valueOfError(m_error);
        }
    }

    std::optional<T> m_value;
    Error m_error;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

// Worth the same request again later: the service is down or refused it this once.
inline bool isRetryable(const Error& error)
{
    return error.code == ErrorCode::Unavailable || error.code == ErrorCode::Transient;
}

inline Error makeError(ErrorCode code, QString message, Service service = Service::None)
{
    return Error{code, std::move(message), service};
}

// The same, with the service first: the spelling used where every error of a file concerns one
// service.
inline Error makeError(Service service, ErrorCode code, QString message)
{
    return Error{code, std::move(message), service};
}

} // namespace pixelnest
