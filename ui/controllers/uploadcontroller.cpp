#include "controllers/uploadcontroller.h"

#include "core/adminlane.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

namespace pixelnest::ui
{

namespace
{

struct Scan
{
    QList<UploadFile> files;
    QList<UploadFailure> failures;
};

struct BatchOutcome
{
    QList<qint64> ids;
    QList<UploadFailure> failures;
};

// Runs on the lane's thread: folders expand to their files (hidden ones skipped), sorted so
// that ids follow the names.
Scan scanPaths(const QStringList& paths)
{
    Scan scan;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                found.append(it.next());
            }
            found.sort();
            for (const QString& file : found) {
                scan.files.append({file, QFileInfo(file).size()});
            }
        } else if (info.isFile()) {
            scan.files.append({path, info.size()});
        } else {
            scan.failures.append({path, UploadController::tr("not found")});
        }
    }
    return scan;
}

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

// Runs on the lane's thread: reads the batch, submits what could be read.
Result<BatchOutcome> submitBatch(AdminClient& client, const QList<UploadFile>& files,
                                 const UploadOptions& options)
{
    BatchOutcome outcome;
    QList<ImageUpload> uploads;
    QList<QString> sources;
    for (const UploadFile& file : files) {
        if (file.bytes > options.maxBytes) {
            outcome.failures.append(
                {file.path, UploadController::tr("too large: %1, over the %2 upload limit")
                                .arg(megabytes(file.bytes), megabytes(options.maxBytes))});
            continue;
        }
        QFile input(file.path);
        if (!input.open(QIODevice::ReadOnly)) {
            outcome.failures.append(
                {file.path, UploadController::tr("unreadable: %1").arg(input.errorString())});
            continue;
        }
        const QString title =
            options.title.isEmpty() ? QFileInfo(file.path).fileName() : options.title;
        uploads.append({title, input.readAll(), options.priority, options.pipeline});
        sources.append(file.path);
    }
    if (uploads.isEmpty()) {
        return outcome;
    }
    const Result<SubmitReport> report = client.submit(uploads);
    if (!report) {
        return report.error();
    }
    outcome.ids = report->ids;
    for (const SubmitReport::Rejected& rejected : report->rejected) {
        outcome.failures.append({sources.value(rejected.index), rejected.error.message});
    }
    return outcome;
}

} // namespace

UploadController::UploadController(std::unique_ptr<AdminLane> lane, QObject* parent)
    : QObject(parent), m_lane(std::move(lane))
{
}

UploadController::~UploadController() = default;

void UploadController::start(const QStringList& paths, const UploadOptions& options)
{
    if (m_running) {
        return;
    }
    m_running = true;
    m_cancelled = false;
    m_stopReason.clear();
    m_options = options;
    m_summary = {};
    m_next = 0;
    m_bytesDone = 0;
    m_lane->runOffline<Scan>([paths] { return scanPaths(paths); })
        .then(this, [this](const Scan& scan) {
            m_files = scan.files;
            m_summary.failures = scan.failures;
            m_summary.files = int(scan.files.size() + scan.failures.size());
            for (const UploadFile& file : m_files) {
                m_summary.bytes += file.bytes;
            }
            Q_EMIT scanned(m_summary.files, m_summary.bytes);
            sendNextBatch();
        });
}

void UploadController::cancel()
{
    m_cancelled = true;
    m_stopReason = tr("not uploaded: cancelled");
}

void UploadController::sendNextBatch()
{
    if (m_cancelled || m_next >= m_files.size()) {
        finish();
        return;
    }
    QList<UploadFile> batch;
    qint64 batchBytes = 0;
    while (m_next < m_files.size() && batch.size() < kBatchFiles &&
           (batch.isEmpty() || batchBytes + m_files[m_next].bytes <= kBatchBytes)) {
        batchBytes += m_files[m_next].bytes;
        batch.append(m_files[m_next++]);
    }
    const UploadOptions options = m_options;
    m_lane
        ->run<BatchOutcome>(
            [batch, options](AdminClient& client) { return submitBatch(client, batch, options); })
        .then(this, [this, batch, batchBytes](const Result<BatchOutcome>& outcome) {
            if (!outcome) {
                for (const UploadFile& file : batch) {
                    m_summary.failures.append({file.path, outcome.error().message});
                }
                if (outcome.error().code == ErrorCode::Unavailable) {
                    m_cancelled = true; // the rest would fail the same way
                    m_stopReason = tr("not uploaded: %1").arg(outcome.error().message);
                }
            } else {
                m_summary.ids += outcome->ids;
                m_summary.failures += outcome->failures;
            }
            m_bytesDone += batchBytes;
            Q_EMIT progress(int(m_summary.failures.size() + m_summary.ids.size()), m_summary.files,
                            m_bytesDone, m_summary.bytes);
            sendNextBatch();
        });
}

void UploadController::finish()
{
    m_running = false;
    m_summary.cancelled = m_cancelled && m_next < m_files.size();
    if (m_summary.cancelled) {
        for (int i = m_next; i < m_files.size(); ++i) {
            m_summary.failures.append({m_files[i].path, m_stopReason});
        }
    }
    Q_EMIT finished(m_summary);
}

} // namespace pixelnest::ui
