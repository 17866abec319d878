#include "cli/submitcommand.h"

#include "cli/exitcodes.h"
#include "cli/progressbar.h"
#include "cli/session.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace pixelnest::cli
{

namespace
{

// Uploads per transaction: bounds memory on a folder of thousands of photos.
constexpr int kChunk = 64;

struct Inputs
{
    QStringList files;
    QStringList missing;
    qint64 bytes = 0;
};

Inputs collectInputs(const QStringList& paths)
{
    Inputs inputs;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                found.append(it.next());
            }
            found.sort();
            inputs.files += found;
        } else if (info.exists()) {
            inputs.files.append(path);
        } else {
            inputs.missing.append(path);
        }
    }
    for (const QString& file : inputs.files) {
        inputs.bytes += QFileInfo(file).size();
    }
    return inputs;
}

struct Options
{
    int priority = 0;
    QString title;
    QString pipeline;
    bool json = false;
};

class Submitter final
{
public:
    Submitter(AdminClient& client, Options options) : m_client(client), m_options(options) {}

    // Reads and submits one chunk; returns false on a service failure (already reported).
    Result<void> submit(const QStringList& files)
    {
        QList<ImageUpload> uploads;
        QStringList paths;
        for (const QString& path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                m_rejected.append(path + QStringLiteral(": cannot read: ") + file.errorString());
                continue;
            }
            uploads.append(
                {m_options.title.isEmpty() ? QFileInfo(path).fileName() : m_options.title,
                 file.readAll(), m_options.priority, m_options.pipeline});
            paths.append(path);
        }
        const Result<SubmitReport> report = m_client.submit(uploads);
        if (!report) {
            return report.error();
        }
        for (qsizetype i = 0; i < report->ids.size(); ++i) {
            m_accepted.append(QJsonObject{{QStringLiteral("id"), report->ids[i]},
                                          {QStringLiteral("path"), paths[report->accepted[i]]}});
        }
        for (const SubmitReport::Rejected& rejected : report->rejected) {
            m_rejected.append(paths[rejected.index] + QStringLiteral(": ") +
                              rejected.error.message);
        }
        return {};
    }

    void reject(const QString& line) { m_rejected.append(line); }
    const QJsonArray& accepted() const { return m_accepted; }
    const QStringList& rejected() const { return m_rejected; }

private:
    AdminClient& m_client;
    Options m_options;
    QJsonArray m_accepted;
    QStringList m_rejected;
};

void printAccepted(const QJsonArray& accepted, bool json)
{
    QTextStream out(stdout);
    if (json) {
        out << QJsonDocument(accepted).toJson(QJsonDocument::Compact) << '\n';
        return;
    }
    for (const QJsonValue& entry : accepted) {
        out << entry[QStringLiteral("id")].toInteger() << '\t'
            << entry[QStringLiteral("path")].toString() << '\n';
    }
    out << accepted.size() << " image(s) queued\n";
}

} // namespace

int runSubmitCommand(const CommandLine& line)
{
    if (line.arguments.isEmpty()) {
        QTextStream(stderr) << "pixelnest submit: give at least one file or folder\n";
        return kExitUsage;
    }
    const Result<qint64> priority =
        integerOption(line, QStringLiteral("priority"), 0, -1000'000'000, 1000'000'000);
    if (!priority) {
        return reportError(line, priority.error());
    }
    if (!isValidPriority(priority.value())) {
        return reportError(
            line, makeError(ErrorCode::InvalidInput, priorityRangeError(priority.value())));
    }
    Result<std::unique_ptr<AdminClient>> client = openAdminClient(line);
    if (!client) {
        return reportError(line, client.error());
    }
    const Inputs inputs = collectInputs(line.arguments);
    Submitter submitter(*client.value(),
                        {int(priority.value()), line.value(QStringLiteral("title")),
                         line.value(QStringLiteral("pipeline"), QStringLiteral("default")),
                         line.isSet(QStringLiteral("json"))});
    for (const QString& missing : inputs.missing) {
        submitter.reject(missing + QStringLiteral(": no such file or folder"));
    }
    {
        ProgressBar progress(inputs.files.size(), inputs.bytes);
        for (qsizetype start = 0; start < inputs.files.size(); start += kChunk) {
            const QStringList chunk = inputs.files.mid(start, kChunk);
            if (Result<void> sent = submitter.submit(chunk); !sent) {
                return reportError(line, sent.error());
            }
            qint64 bytes = 0;
            for (const QString& file : chunk) {
                bytes += QFileInfo(file).size();
            }
            progress.advance(chunk.size(), bytes);
        }
    }
    printAccepted(submitter.accepted(), line.isSet(QStringLiteral("json")));
    for (const QString& rejected : submitter.rejected()) {
        QTextStream(stderr) << "pixelnest submit: rejected " << rejected << '\n';
    }
    return submitter.rejected().isEmpty() ? kExitOk : kExitPartial;
}

} // namespace pixelnest::cli
