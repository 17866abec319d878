#pragma once

#include <QString>

#include <optional>
#include <utility>

namespace pixelnest
{

// What went wrong, in terms a caller can act on; the CLI maps these to exit codes.
enum class ErrorCode
{
    InvalidInput, // the user's input is wrong: fix it and retry (exit 2 or 4)
    NotFound,     // the named job, file or model does not exist
    Unavailable,  // a service (PostgreSQL, Redis, a binary) cannot be reached (exit 3)
    Conflict,     // the row changed under us (fencing, state machine)
    Internal,     // a bug or an unexpected failure
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

// A value or an Error. Public engine calls return this instead of throwing: no exception crosses
// a thread or library boundary.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return *m_value; }
    T& value() & { return *m_value; }
    T&& value() && { return std::move(*m_value); }
    const T* operator->() const { return &*m_value; }
    const Error& error() const { return m_error; }

private:
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

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace pixelnest
