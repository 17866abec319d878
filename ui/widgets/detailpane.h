#pragma once

#include "pixelnest/adminservice.h"

#include "pixelnest/jobs.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTableView;

namespace pixelnest::ui
{

class AttemptHistoryModel;
class CollapsibleSection;
class ImageView;
class ModerationChart;

// Everything about one image: the picture (original or anonymised copy) with its faces boxed
// and scored, the moderation label and scores, metadata, the error, the attempts and the full
// result JSON (read-only, folded). Reads and image decoding run on the media lane; a newer
// selection makes older answers stale.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    explicit DetailPane(AdminService* service, QWidget* parent = nullptr);

    void showJob(qint64 id); // 0 clears
    void refresh();          // the shown job changed (live event)
    qint64 jobId() const { return m_id; }
    const JobDetail& detail() const { return m_detail; }
    ImageView* imageView() const { return m_image; }
    ModerationChart* moderation() const { return m_moderation; }
    QString metadataText() const; // for tests and accessibility checks

Q_SIGNALS:
    void detailLoaded(qint64 id);
    void imageLoaded(qint64 id);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildLayout();
    void loadDetail(bool withImage);
    void loadImage();
    void showDetail(const JobDetail& detail);
    void fillMetadata(const JobRecord& job);
    // EXIF from the metadata stage: camera, lens, time taken, exposure, location.
    void addCameraFields(const QJsonObject& exif);
    void addField(const QString& name, const QString& value);

    AdminService* m_service;
    qint64 m_id = 0;
    int m_generation = 0;
    JobDetail m_detail;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QComboBox* m_kind = nullptr;
    ImageView* m_image = nullptr;
    QLabel* m_faces = nullptr;
    ModerationChart* m_moderation = nullptr;
    QLabel* m_error = nullptr;
    QFormLayout* m_metadata = nullptr;
    QWidget* m_metadataBox = nullptr;
    AttemptHistoryModel* m_history = nullptr;
    QTableView* m_historyView = nullptr;
    QPlainTextEdit* m_json = nullptr;
    CollapsibleSection* m_jsonSection = nullptr;
    QWidget* m_body = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace pixelnest::ui
