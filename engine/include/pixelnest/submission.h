#pragma once

#include "pixelnest/adminclient.h"
#include "pixelnest/imagelimits.h"
#include "pixelnest/result.h"

#include <functional>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace pixelnest
{

// The one way files become jobs, shared by `pixelnest submit` and the console's upload:
// expand folders, keep regular files only, check sizes from `stat` against the configured
// limits before reading, read in bounded chunks, submit in batches, and name each rejected
// input by its path.
struct SubmissionOptions
{
    int priority = 0;
    QString title; // empty: each file's name
    QString pipeline = QStringLiteral("default");
    QDateTime notBefore; // invalid: at once (submit --at/--in)
    QDateTime expiresAt; // invalid: never (submit --expires-in)
};

struct SubmissionFile
{
    QString path;
    qint64 bytes = 0; // from stat, before reading
};

struct SubmissionReject
{
    QString path;
    Error error; // Service::Input for the file itself; the service's own on an outage
};

struct SubmissionAccepted
{
    qint64 id = 0;
    QString path;
};

// What to send: the files found (sorted within each folder, so that ids follow the names),
// what was refused before reading anything, and the bytes to read.
struct SubmissionPlan
{
    QList<SubmissionFile> files;
    QList<SubmissionReject> rejected;
    qint64 bytes = 0;
};

// The outcome of one batch, or of everything sent so far.
struct SubmissionReport
{
    QList<SubmissionAccepted> accepted;
    QList<SubmissionReject> rejected;
};

// Disk only (stat and directory listing), no reading: fast, but keep it off the GUI thread.
SubmissionPlan planSubmission(const QStringList& paths, const ImageLimits& limits);

// The files of `plan` from `start` that go in one batch: at most kBatchFiles files and
// kBatchBytes bytes (always at least one file).
inline constexpr int kSubmissionBatchFiles = 16;
inline constexpr qint64 kSubmissionBatchBytes = 24LL * 1024 * 1024;
QList<SubmissionFile> nextSubmissionBatch(const QList<SubmissionFile>& files, qsizetype start);

// Reads one batch (a file that changed size or became unreadable is rejected by path) and
// submits it in one transaction. An error means the service failed and nothing of this batch
// was committed; batches before it stand.
Result<SubmissionReport> submitBatch(AdminClient& client, const QList<SubmissionFile>& batch,
                                     const SubmissionOptions& options, const ImageLimits& limits);

// The whole plan, batch by batch, for callers without an event loop (the CLI). `progress` is
// called after each batch with the files and bytes done. On a service failure part-way the
// report still lists what was committed before it, and `failure` says why it stopped.
struct SubmissionRun
{
    SubmissionReport report;
    std::optional<Error> failure;
};
SubmissionRun submitAll(AdminClient& client, const SubmissionPlan& plan,
                        const SubmissionOptions& options, const ImageLimits& limits,
                        const std::function<void(qsizetype files, qint64 bytes)>& progress = {});

} // namespace pixelnest
