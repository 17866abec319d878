#include "core/passwordstore.h"

#include "core/logging.h"

#include <QPromise>

#include <qt6keychain/keychain.h>

#include <memory>

namespace pixelnest::ui
{

namespace
{

Error keychainError(const QKeychain::Job& job)
{
    const ErrorCode code =
        job.error() == QKeychain::NoBackendAvailable ? ErrorCode::Unavailable : ErrorCode::Internal;
    return makeError(code, PasswordStore::tr("The system keychain refused (%1). Passwords are "
                                             "never written to the settings file.")
                               .arg(job.errorString()));
}

} // namespace

PasswordStore::PasswordStore(QObject* parent) : QObject(parent) {}

QFuture<Result<QString>> PasswordStore::read(const QString& key)
{
    auto promise = std::make_shared<QPromise<Result<QString>>>();
    promise->start();
    auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
    job->setKey(key);
    job->setInsecureFallback(false); // never a plain-text file
    connect(job, &QKeychain::Job::finished, this, [promise](QKeychain::Job* finished) {
        auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
        if (read->error() == QKeychain::NoError) {
            promise->addResult(Result<QString>(read->textData()));
        } else if (read->error() == QKeychain::EntryNotFound) {
            promise->addResult(Result<QString>(QString()));
        } else {
            qCWarning(lcUi).noquote() << "keychain read failed:" << read->errorString();
            promise->addResult(Result<QString>(keychainError(*read)));
        }
        promise->finish();
    });
    job->start(); // auto-deletes after `finished`
    return promise->future();
}

QFuture<Result<void>> PasswordStore::write(const QString& key, const QString& password)
{
    auto promise = std::make_shared<QPromise<Result<void>>>();
    promise->start();
    QKeychain::Job* job = nullptr;
    if (password.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
    } else {
        auto* write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setTextData(password);
        job = write;
    }
    job->setKey(key);
    job->setInsecureFallback(false);
    const bool deleting = password.isEmpty();
    connect(job, &QKeychain::Job::finished, this, [promise, deleting](QKeychain::Job* finished) {
        const bool fine = finished->error() == QKeychain::NoError ||
                          (deleting && finished->error() == QKeychain::EntryNotFound);
        promise->addResult(fine ? Result<void>() : Result<void>(keychainError(*finished)));
        promise->finish();
    });
    job->start();
    return promise->future();
}

} // namespace pixelnest::ui
