#include "pixelnest/result.h"

#include <QtGlobal>

namespace pixelnest
{

QString serviceName(Service service)
{
    switch (service) {
    case Service::PostgreSQL:
        return QStringLiteral("PostgreSQL");
    case Service::Redis:
        return QStringLiteral("Redis");
    case Service::Model:
        return QStringLiteral("model");
    case Service::Input:
        return QStringLiteral("input");
    case Service::None:
        break;
    }
    return {};
}

namespace detail
{

void valueOfError(const Error& error)
{
    qFatal("Result::value() called on an error: %s", qPrintable(error.message));
}

} // namespace detail

} // namespace pixelnest
