#pragma once

#include "pixelnest/adminservice.h"

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <memory>

namespace pixelnest::ui
{

// What the upload dialog chooses: the engine's submission options (title empty: each file's
// name, as `pixelnest submit` does).
using UploadOptions = SubmissionOptions;

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

// Uploads files and folders (recursively) through the engine's one submission path (the one
// `pixelnest submit` uses, behind the admin service): plans them, then reads and submits them
// in batches off the GUI thread, which never touches the disk or the database. Sizes are
// checked against the configured limits before reading. Reports progress after each batch; a
// cancel stops after the batch in flight. A file that cannot be read, is too large, or is not
// an image is listed with the reason while the rest go through.
class UploadController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadController)

public:
    explicit UploadController(AdminService* service, QObject* parent = nullptr);
    ~UploadController() override;

    void start(const QStringList& paths, const UploadOptions& options);
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void scanned(int files, qint64 bytes);
    void progress(int filesDone, int files, qint64 bytesDone, qint64 bytes);
    void finished(const pixelnest::ui::UploadSummary& summary);

private:
    void sendNextBatch();
    void finish();

    AdminService* m_service;
    UploadOptions m_options;
    QList<SubmissionFile> m_files;
    int m_next = 0;
    qint64 m_bytesDone = 0;
    UploadSummary m_summary;
    bool m_running = false;
    bool m_cancelled = false;
    QString m_stopReason; // why files were left out: a cancel or an outage
};

} // namespace pixelnest::ui

Q_DECLARE_METATYPE(pixelnest::ui::UploadSummary)
