#pragma once

#include "pixelnest/result.h"

#include <QFuture>
#include <QObject>

namespace pixelnest::ui
{

// Passwords in the system keychain (QtKeychain: Secret Service, KWallet, macOS Keychain,
// Windows Credential Store), never in the settings file. Jobs are asynchronous: nothing here
// waits on the GUI thread. Without a keychain service the futures carry a clear error, and the
// console asks for the password again at the next start rather than writing it to disk.
class PasswordStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PasswordStore)

public:
    explicit PasswordStore(QObject* parent = nullptr);

    // An empty string when nothing is stored under `key`.
    QFuture<Result<QString>> read(const QString& key);
    // An empty password deletes the entry.
    QFuture<Result<void>> write(const QString& key, const QString& password);

    static QString serviceName() { return QStringLiteral("pixelnest"); }
};

} // namespace pixelnest::ui
