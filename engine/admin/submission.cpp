#include "pixelnest/submission.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

namespace pixelnest
{

namespace
{

constexpr qint64 kReadChunkBytes = 1024 * 1024;

Error inputError(const QString& message)
{
    return makeError(Service::Input, ErrorCode::InvalidInput, message);
}

// lstat-free on purpose: a symlink to a regular file is an upload like any other. FIFOs, devices
// and sockets would block or stream forever when read.
bool isRegularFile(const QString& path)
{
    struct stat info = {};
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 && S_ISREG(info.st_mode);
}

void addFile(SubmissionPlan& plan, const QString& path, const ImageLimits& limits)
{
    if (!isRegularFile(path)) {
        plan.rejected.append(
            {path, inputError(QStringLiteral("not a regular file (a FIFO, device, socket or "
                                             "broken link): not read"))});
        return;
    }
    const qint64 bytes = QFileInfo(path).size();
    if (bytes > limits.maxBytes) {
        plan.rejected.append(
            {path, inputError(QStringLiteral("too large: %1 bytes, over the %2-byte upload limit "
                                             "(set --max-upload-mb)")
                                  .arg(bytes)
                                  .arg(limits.maxBytes))});
        return;
    }
    plan.files.append({path, bytes});
    plan.bytes += bytes;
}

// Reads at most limit + 1 bytes in bounded chunks: a file that grew since the stat is refused
// without holding more than the limit in memory.
Result<QByteArray> readBounded(const QString& path, const ImageLimits& limits)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return inputError(QStringLiteral("cannot read: %1").arg(file.errorString()));
    }
    QByteArray bytes;
    while (!file.atEnd() && bytes.size() <= limits.maxBytes) {
        const QByteArray chunk =
            file.read(qMin(kReadChunkBytes, limits.maxBytes + 1 - bytes.size()));
        if (chunk.isEmpty()) {
            if (file.error() != QFileDevice::NoError) {
                return inputError(QStringLiteral("cannot read: %1").arg(file.errorString()));
            }
            break;
        }
        bytes += chunk;
    }
    if (bytes.size() > limits.maxBytes) {
        return inputError(QStringLiteral("grew past the %1-byte upload limit while being read")
                              .arg(limits.maxBytes));
    }
    return bytes;
}

} // namespace

SubmissionPlan planSubmission(const QStringList& paths, const ImageLimits& limits)
{
    SubmissionPlan plan;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (info.isDir()) {
            QStringList found;
            // Hidden files are skipped, as a file manager would; System lists FIFOs and devices
            // too, so that they are named as refused instead of silently missing.
            QDirIterator it(path, QDir::Files | QDir::System | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                found.append(it.next());
            }
            found.sort();
            for (const QString& file : found) {
                addFile(plan, file, limits);
            }
        } else if (info.exists()) {
            addFile(plan, path, limits);
        } else {
            plan.rejected.append(
                {path, inputError(QStringLiteral("not found: no such file or folder"))});
        }
    }
    return plan;
}

QList<SubmissionFile> nextSubmissionBatch(const QList<SubmissionFile>& files, qsizetype start)
{
    QList<SubmissionFile> batch;
    qint64 bytes = 0;
    for (qsizetype i = start; i < files.size() && batch.size() < kSubmissionBatchFiles; ++i) {
        if (!batch.isEmpty() && bytes + files[i].bytes > kSubmissionBatchBytes) {
            break;
        }
        bytes += files[i].bytes;
        batch.append(files[i]);
    }
    return batch;
}

Result<SubmissionReport> submitBatch(AdminClient& client, const QList<SubmissionFile>& batch,
                                     const SubmissionOptions& options, const ImageLimits& limits)
{
    SubmissionReport report;
    QList<ImageUpload> uploads;
    QStringList sources;
    for (const SubmissionFile& file : batch) {
        Result<QByteArray> bytes = readBounded(file.path, limits);
        if (!bytes) {
            report.rejected.append({file.path, bytes.error()});
            continue;
        }
        const QString title =
            options.title.isEmpty() ? QFileInfo(file.path).fileName() : options.title;
        uploads.append({title, std::move(bytes).value(), options.priority, options.pipeline,
                        options.notBefore, options.expiresAt});
        sources.append(file.path);
    }
    if (uploads.isEmpty()) {
        return report;
    }
    const Result<SubmitReport> submitted = client.submit(uploads);
    if (!submitted) {
        return submitted.error();
    }
    for (qsizetype i = 0; i < submitted->ids.size(); ++i) {
        report.accepted.append({submitted->ids[i], sources[submitted->accepted[i]]});
    }
    for (const SubmitReport::Rejected& rejected : submitted->rejected) {
        report.rejected.append({sources.value(rejected.index), rejected.error});
    }
    return report;
}

SubmissionRun submitAll(AdminClient& client, const SubmissionPlan& plan,
                        const SubmissionOptions& options, const ImageLimits& limits,
                        const std::function<void(qsizetype files, qint64 bytes)>& progress)
{
    SubmissionRun run;
    run.report.rejected = plan.rejected;
    if (Result<void> priority = checkPriority(options.priority); !priority) {
        run.failure = priority.error();
        return run;
    }
    qsizetype next = 0;
    qint64 bytesDone = 0;
    while (next < plan.files.size()) {
        const QList<SubmissionFile> batch = nextSubmissionBatch(plan.files, next);
        const Result<SubmissionReport> sent = submitBatch(client, batch, options, limits);
        if (!sent) {
            run.failure = sent.error();
            return run;
        }
        run.report.accepted += sent->accepted;
        run.report.rejected += sent->rejected;
        next += batch.size();
        for (const SubmissionFile& file : batch) {
            bytesDone += file.bytes;
        }
        if (progress) {
            progress(next, bytesDone);
        }
    }
    return run;
}

} // namespace pixelnest
