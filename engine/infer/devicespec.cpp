#include "infer/devicespec.h"

#include <algorithm>

namespace pixelnest::engine
{

Result<DeviceSpec> DeviceSpec::parse(const QString& text)
{
    const QString value = text.trimmed().toLower();
    if (value.isEmpty() || value == QLatin1String("auto")) {
        return DeviceSpec{Kind::Auto, 0};
    }
    if (value == QLatin1String("cpu")) {
        return DeviceSpec{Kind::Cpu, 0};
    }
    if (value == QLatin1String("cuda")) {
        return DeviceSpec{Kind::Cuda, 0};
    }
    if (value.startsWith(QLatin1String("cuda:"))) {
        bool ok = false;
        const QString digits = value.mid(5);
        const int index = digits.toInt(&ok);
        // toInt accepts "+1" and " 1": insist on plain digits so typos are not guessed at.
        const bool plain = !digits.isEmpty() && std::all_of(digits.cbegin(), digits.cend(),
                                                            [](QChar c) { return c.isDigit(); });
        if (ok && plain && index >= 0 && index < 64) {
            return DeviceSpec{Kind::Cuda, index};
        }
    }
    return makeError(Service::Model, ErrorCode::InvalidInput,
                     QStringLiteral("device '%1' is not one of auto, cpu, cuda, cuda:N "
                                    "(N = 0..63, the CUDA device number)")
                         .arg(text));
}

QString DeviceSpec::toString() const
{
    switch (kind) {
    case Kind::Auto:
        return QStringLiteral("auto");
    case Kind::Cpu:
        return QStringLiteral("cpu");
    case Kind::Cuda:
        return QStringLiteral("cuda:%1").arg(index);
    }
    return {};
}

} // namespace pixelnest::engine
