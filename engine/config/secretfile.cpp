#include "pixelnest/secretfile.h"

#include <QFile>
#include <QFileInfo>

namespace pixelnest
{

bool readableByOthers(const QString& path)
{
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    return permissions & (QFileDevice::ReadGroup | QFileDevice::ReadOther);
}

Error secretTooOpen(const QString& path, const QString& what)
{
    return makeError(ErrorCode::InvalidInput,
                     QStringLiteral("%1 %2 is readable by other users: run `chmod 600 %2` "
                                    "(refusing to use a secret others can read)")
                         .arg(what, path));
}

Result<QString> readSecretFile(const QString& path, const QString& what)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return makeError(
            ErrorCode::InvalidInput,
            QStringLiteral("cannot read %1 %2: %3").arg(what, path, file.errorString()));
    }
    if (readableByOthers(path)) {
        return secretTooOpen(path, what);
    }
    const QString secret = QString::fromUtf8(file.readLine()).trimmed();
    if (secret.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, QStringLiteral("%1 %2 is empty").arg(what, path));
    }
    return secret;
}

} // namespace pixelnest
