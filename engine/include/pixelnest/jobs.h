#pragma once

#include "pixelnest/result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace pixelnest
{

enum class JobStatus
{
    Queued,
    Processing,
    Completed,
    Failed,
    Cancelled,
};

QString statusName(JobStatus status); // "queued", ... as stored and printed
std::optional<JobStatus> parseStatus(const QString& name);
QList<JobStatus> allStatuses();

// Priority: −1000…1000, higher first, default 0. Out-of-range input is rejected, never clamped.
inline constexpr int kMinPriority = -1000;
inline constexpr int kMaxPriority = 1000;
// The one check of a priority, for every writer (submit, upload, the priority command and
// dialog's service call): InvalidInput naming the range.
Result<void> checkPriority(qint64 priority);

// One image and its processing state: the row the console shows and the CLI prints.
struct JobRecord
{
    qint64 id = 0;
    QString title;
    JobStatus status = JobStatus::Queued;
    int priority = 0;
    QString pipeline;
    int attempts = 0;
    QString error;
    QJsonObject result;
    QString worker;
    QString format;
    qint64 byteSize = 0;
    int width = 0;
    int height = 0;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime notBefore; // queued jobs: scheduled for, or waiting out a retry until
    QDateTime expiresAt; // a job not started by then is cancelled
    // "scheduled" for a queued job whose not-before is ahead, else its status's name.
    QString displayStatus() const;
};

struct AttemptRecord
{
    int attempt = 0;
    QString worker;
    QDateTime startedAt;
    QDateTime finishedAt;
    QString outcome; // completed | failed | retry | lease_lost | cancelled, empty while running
    QString error;
};

struct JobDetail
{
    JobRecord job;
    QList<AttemptRecord> history;
};

// The columns a page of jobs can be ordered by. Every order ends with the id, so that keyset
// pagination is exact even where many rows share a value. `Created` orders by id: ids are
// assigned in creation order, and the id index serves it.
enum class JobSortKey
{
    Id,
    Title,
    Status, // in lifecycle order: queued, processing, completed, failed, cancelled
    Priority,
    Attempts,
    Worker,
    Created,
    Finished, // unfinished rows sort as the oldest
    Error,
};

// Where the previous page ended: its last row's sort value (as cursorAfter() writes it) and id.
struct JobCursor
{
    QString key;
    qint64 id = 0;
};

// A page of jobs, newest first by default, continuing after `beforeId` (keyset pagination:
// 0 = start). The console orders by any column and continues after a cursor instead.
struct JobQuery
{
    std::optional<JobStatus> status;
    QString titleContains;
    int limit = 100;
    qint64 beforeId = 0; // with the default order only
    JobSortKey sortBy = JobSortKey::Id;
    bool descending = true;
    std::optional<JobCursor> after; // continue after this row (keyset)
    int offset = 0; // then skip this many rows (the console's jump to any position)
    QList<qint64> ids;              // only these rows (a live refresh); empty: all rows
    // Finding jobs (issue 11). Every filter is optional; all given must hold.
    bool searchMatchesId = true; // titleContains that is a number also finds that id
    QString pipeline;
    QString worker; // "host:pid" exactly, or every pid of "host"
    std::optional<int> minPriority;
    std::optional<int> maxPriority;
    QDateTime createdSince; // inclusive
    QDateTime createdUntil; // exclusive
    QString label;          // the moderation result: this label on top, or scoring labelMin+
    std::optional<double> labelMin;
    std::optional<int> faces; // exactly, or at least with facesOrMore
    bool facesOrMore = false;
    // Whether anything but the order and the page narrows the rows.
    bool filters() const;
};

// A cursor as one shell-safe word (`jobs --after`), and back.
QString encodeCursor(const JobCursor& cursor);
std::optional<JobCursor> decodeCursor(const QString& text);

// The cursor that continues a page after `job` in the order `sortBy`.
JobCursor cursorAfter(const JobRecord& job, JobSortKey sortBy);

// Completed and failed jobs per minute (by finished_at), for the console's throughput chart.
struct MinuteCounts
{
    QDateTime minute; // UTC, start of the minute
    qint64 completed = 0;
    qint64 failed = 0;
};

struct WorkerInfo
{
    QString id;
    QString host;
    qint64 pid = 0;
    QString device;
    int inFlight = 0;
    qint64 processed = 0;
    qint64 failed = 0;
    qint64 lastSeenMsAgo = 0;
    // A hash of the settings engines must agree on (attempts, lease, limits, timeouts,
    // pipelines): one that differs from the rest treats the same job differently.
    QString settingsFingerprint;
    QJsonObject raw;       // the whole heartbeat (version, memory, batch size, last error, ...)
    bool alive = true;     // its heartbeat key still lives in Redis
    QString state;         // running | paused | draining | stuck; "gone" when not alive
    QStringList pipelines; // what it claims
};

struct QueueStats
{
    QMap<JobStatus, qint64> counts;
    QMap<int, qint64> queueDepth; // ready jobs per priority
    qint64 inFlight = 0;
    qint64 retrying = 0; // waiting out a backoff
    QList<WorkerInfo> workers;
    QStringList paused;                    // paused pipelines; "*": the whole namespace
    QMap<QString, qint64> readyByPipeline; // waiting jobs per pipeline's queue
    QMap<QString, double> rateLimits;      // jobs per second, per limited pipeline
    // Pipelines with waiting jobs that no live engine claims: they wait for an engine.
    QStringList unservedPipelines() const;
};

// One image to submit. The bytes are checked (size, format by content, pixel count) before
// anything is stored.
struct ImageUpload
{
    QString title;
    QByteArray bytes;
    int priority = 0;
    QString pipeline = QStringLiteral("default");
    QDateTime notBefore; // invalid: now (submit --at/--in: scheduled for later)
    QDateTime expiresAt; // invalid: never (submit --expires-in)
};

// The JSON shapes of DESIGN.md (`jobs --json`, `show --json`, `stats --json`).
QJsonObject toJson(const JobRecord& job);
QJsonObject toJson(const JobDetail& detail);
QJsonObject toJson(const QueueStats& stats);
// `workers --json`: one live engine, with the keys of DESIGN.md's heartbeat.
QJsonObject toJson(const WorkerInfo& worker);

} // namespace pixelnest
