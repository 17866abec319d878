#pragma once

#include "pixelnest/imagelimits.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <memory>

namespace pixelnest::ui
{

class AdminLane;

struct UploadOptions
{
    int priority = 0;
    QString title; // empty: each file's name (as `pixelnest submit` does)
    QString pipeline = QStringLiteral("default");
    qint64 maxBytes = ImageLimits{}.maxBytes; // larger files are refused without reading them
};

struct UploadFile
{
    QString path;
    qint64 bytes = 0;
};

struct UploadFailure
{
    QString path;
    QString message;
};

struct UploadSummary
{
    QList<qint64> ids; // accepted, in upload order
    QList<UploadFailure> failures;
    int files = 0;
    qint64 bytes = 0;
    bool cancelled = false;
};

// Uploads files and folders (recursively): lists them, then reads and submits them in batches,
// all on its own lane's thread, so that the GUI thread never touches the disk or the database.
// Reports progress after each batch; a cancel stops after the batch in flight. A file that
// cannot be read, is too large, or is not an image is listed with the reason while the rest go
// through.
class UploadController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadController)

public:
    explicit UploadController(std::unique_ptr<AdminLane> lane, QObject* parent = nullptr);
    ~UploadController() override;

    void start(const QStringList& paths, const UploadOptions& options);
    void cancel();
    bool isRunning() const { return m_running; }

    static constexpr int kBatchFiles = 16;
    static constexpr qint64 kBatchBytes = 24LL * 1024 * 1024;

Q_SIGNALS:
    void scanned(int files, qint64 bytes);
    void progress(int filesDone, int files, qint64 bytesDone, qint64 bytes);
    void finished(const pixelnest::ui::UploadSummary& summary);

private:
    void sendNextBatch();
    void finish();

    std::unique_ptr<AdminLane> m_lane;
    UploadOptions m_options;
    QList<UploadFile> m_files;
    int m_next = 0;
    qint64 m_bytesDone = 0;
    UploadSummary m_summary;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_stopReason; // why files were left out: a cancel or an outage
};

} // namespace pixelnest::ui

Q_DECLARE_METATYPE(pixelnest::ui::UploadSummary)
