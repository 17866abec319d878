#include "widgets/detailpane.h"

#include "core/statusstyle.h"
#include "models/attempthistorymodel.h"
#include "models/jobcolumns.h"
#include "widgets/collapsiblesection.h"
#include "widgets/imageview.h"
#include "widgets/moderationchart.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPair>
#include <QPlainTextEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace pixelnest::ui
{

namespace
{

constexpr int kMaxDisplayEdge = 2048; // larger images are scaled down on the lane

using Decoded = QPair<QImage, QSize>; // (display image, original size)

QString jsonSummary(const QJsonObject& object)
{
    QStringList parts;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QJsonValue value = it.value();
        const QString text = value.isDouble() ? QString::number(value.toDouble(), 'g', 4)
                                              : value.toVariant().toString();
        parts.append(it.key() + QStringLiteral(": ") + text);
    }
    return parts.join(QStringLiteral(", "));
}

} // namespace

DetailPane::DetailPane(AdminService* service, QWidget* parent) : QWidget(parent), m_service(service)
{
    setAccessibleName(tr("Image details"));
    buildLayout();
    showJob(0);
}

void DetailPane::buildLayout()
{
    auto* outer = new QVBoxLayout(this);
    m_empty = new QLabel(tr("Select an image to see its details."), this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    outer->addWidget(m_empty);
    m_body = new QWidget(this);
    outer->addWidget(m_body);
    auto* layout = new QVBoxLayout(m_body);
    layout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(m_body);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_title);
    auto* row = new QHBoxLayout;
    m_status = new QLabel(m_body);
    m_kind = new QComboBox(m_body);
    m_kind->addItem(tr("Original"), QByteArray("original"));
    m_kind->addItem(tr("Anonymised (faces blurred)"), QByteArray("anonymised"));
    m_kind->setAccessibleName(tr("Image version"));
    row->addWidget(m_status, 1);
    row->addWidget(m_kind);
    layout->addLayout(row);
    m_image = new ImageView(m_body);
    m_image->setMinimumHeight(260);
    layout->addWidget(m_image, 1);
    m_faces = new QLabel(m_body);
    layout->addWidget(m_faces);
    m_moderation = new ModerationChart(m_body);
    layout->addWidget(m_moderation);
    m_error = new QLabel(m_body);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setAccessibleName(tr("Error"));
    layout->addWidget(m_error);
    m_metadataBox = new QWidget(m_body);
    m_metadata = new QFormLayout(m_metadataBox);
    m_metadata->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_metadataBox);
    m_history = new AttemptHistoryModel(this);
    m_historyView = new QTableView(m_body);
    m_historyView->setModel(m_history);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->setWordWrap(false);
    m_historyView->setMaximumHeight(130);
    m_historyView->setAccessibleName(tr("Attempt history"));
    layout->addWidget(new QLabel(tr("<b>Attempts</b>"), m_body));
    layout->addWidget(m_historyView);
    m_json = new QPlainTextEdit;
    m_json->setReadOnly(true);
    m_json->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_json->setMinimumHeight(200);
    m_json->setAccessibleName(tr("Result JSON"));
    m_jsonSection = new CollapsibleSection(tr("Result JSON"), m_json, m_body);
    layout->addWidget(m_jsonSection);
    connect(m_kind, &QComboBox::activated, this, &DetailPane::loadImage);
}

void DetailPane::showJob(qint64 id)
{
    ++m_generation;
    m_id = id;
    m_empty->setVisible(id == 0);
    m_body->setVisible(id != 0);
    if (id == 0) {
        m_detail = {};
        return;
    }
    m_image->setMessage(tr("Loading…"));
    m_image->setFaces({});
    m_kind->setCurrentIndex(0);
    loadDetail(true);
}

void DetailPane::refresh()
{
    if (m_id != 0) {
        loadDetail(!m_image->hasImage());
    }
}

void DetailPane::loadDetail(bool withImage)
{
    const qint64 id = m_id;
    const int generation = m_generation;
    m_service->job(id).then(this, [this, generation, withImage](const Result<JobDetail>& detail) {
        if (generation != m_generation) {
            return;
        }
        if (!detail) {
            m_image->setMessage(detail.error().message);
            return;
        }
        showDetail(detail.value());
        if (withImage) {
            loadImage();
        }
    });
}

void DetailPane::loadImage()
{
    const qint64 id = m_id;
    const int generation = m_generation;
    const QByteArray kind = m_kind->currentData().toByteArray();
    const QString title = m_detail.job.title;
    // Decoded and scaled on a pool thread: a full-size original takes a while.
    m_service->image(id, kind)
        .then(QtFuture::Launch::Async,
              [title](const Result<QByteArray>& bytes) -> Result<Decoded> {
                  if (!bytes) {
                      return bytes.error();
                  }
                  if (bytes->isEmpty()) {
                      return makeError(ErrorCode::NotFound, QString());
                  }
                  Result<QImage> image = decodeImage(bytes.value(), title);
                  if (!image) {
                      return image.error();
                  }
                  const QSize original = image->size();
                  QImage shown = image.value();
                  if (qMax(original.width(), original.height()) > kMaxDisplayEdge) {
                      shown = shown.scaled(kMaxDisplayEdge, kMaxDisplayEdge, Qt::KeepAspectRatio,
                                           Qt::SmoothTransformation);
                  }
                  return Decoded(shown, original);
              })
        .then(this, [this, generation, kind](const Result<Decoded>& decoded) {
            if (generation != m_generation) {
                return;
            }
            if (!decoded) {
                const bool missing = decoded.error().code == ErrorCode::NotFound;
                m_image->setMessage(missing && kind == "anonymised"
                                        ? tr("No anonymised copy is stored for this image (yet).")
                                        : decoded.error().message);
                return;
            }
            m_image->setImage(decoded->first, decoded->second);
            Q_EMIT imageLoaded(m_id);
        });
}

void DetailPane::showDetail(const JobDetail& detail)
{
    m_detail = detail;
    const JobRecord& job = detail.job;
    m_title->setText(QStringLiteral("<h3>%1</h3>").arg(job.title.toHtmlEscaped()));
    m_status->setText(QStringLiteral("<span style='color:%1'><b>%2</b></span> · %3")
                          .arg(statusColor(job.status, palette()).name(), statusLabel(job.status),
                               tr("attempt %1, priority %2").arg(job.attempts).arg(job.priority)));
    const QList<FaceBox> faces = facesFromResult(job.result);
    m_image->setFaces(faces);
    const bool hasFaces = job.result.contains(QStringLiteral("faces"));
    m_faces->setVisible(hasFaces);
    m_faces->setText(tr("%n face(s) detected", "", int(faces.size())));
    const QJsonObject moderation = job.result.value(QStringLiteral("moderation")).toObject();
    m_moderation->setVisible(!moderation.isEmpty());
    m_moderation->setModeration(moderation);
    m_error->setVisible(!job.error.isEmpty());
    m_error->setStyleSheet(QStringLiteral("color: %1").arg(failedColor(palette()).name()));
    m_error->setText(tr("Error: %1").arg(job.error));
    fillMetadata(job);
    m_history->setHistory(detail.history);
    m_json->setPlainText(job.result.isEmpty()
                             ? tr("(no result yet)")
                             : QString::fromUtf8(QJsonDocument(job.result).toJson()));
    Q_EMIT detailLoaded(job.id);
}

void DetailPane::changeEvent(QEvent* event)
{
    // The status and error colours follow the palette (dark mode).
    if (event->type() == QEvent::PaletteChange && m_id != 0 && m_detail.job.id == m_id) {
        showDetail(m_detail);
    }
    QWidget::changeEvent(event);
}

void DetailPane::addField(const QString& name, const QString& value)
{
    auto* label = new QLabel(value, m_metadataBox);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    m_metadata->addRow(name, label);
}

void DetailPane::fillMetadata(const JobRecord& job)
{
    while (m_metadata->rowCount() > 0) {
        m_metadata->removeRow(0);
    }
    const QLocale locale;
    addField(tr("Id:"), QString::number(job.id));
    addField(tr("Format:"), tr("%1, %2 × %3 pixels, %4")
                                .arg(job.format.toUpper())
                                .arg(job.width)
                                .arg(job.height)
                                .arg(locale.formattedDataSize(job.byteSize)));
    addField(tr("Pipeline:"), job.pipeline);
    addField(tr("Worker:"), job.worker.isEmpty() ? QStringLiteral("—") : job.worker);
    addField(tr("Created:"), formatTime(job.createdAt));
    addField(tr("Started:"), formatTime(job.startedAt));
    addField(tr("Finished:"), formatTime(job.finishedAt));
    addCameraFields(job.result.value(QStringLiteral("metadata"))
                        .toObject()
                        .value(QStringLiteral("exif"))
                        .toObject());
    const QString device = job.result.value(QStringLiteral("device")).toString();
    if (!device.isEmpty()) {
        addField(tr("Device:"), device);
    }
    const QJsonObject timings = job.result.value(QStringLiteral("timings_ms")).toObject();
    if (!timings.isEmpty()) {
        addField(tr("Timings (ms):"), jsonSummary(timings));
    }
    const QJsonObject versions = job.result.value(QStringLiteral("model_versions")).toObject();
    if (!versions.isEmpty()) {
        addField(tr("Models:"), jsonSummary(versions));
    }
}

void DetailPane::addCameraFields(const QJsonObject& exif)
{
    const QLocale locale;
    const QString camera = QStringList{exif.value(QStringLiteral("make")).toString(),
                                       exif.value(QStringLiteral("model")).toString()}
                               .join(QLatin1Char(' '))
                               .trimmed();
    if (!camera.isEmpty()) {
        addField(tr("Camera:"), camera);
    }
    if (const QString lens = exif.value(QStringLiteral("lens")).toString(); !lens.isEmpty()) {
        addField(tr("Lens:"), lens);
    }
    const QDateTime taken =
        QDateTime::fromString(exif.value(QStringLiteral("taken_at")).toString(), Qt::ISODate);
    if (taken.isValid()) {
        addField(tr("Taken:"), locale.toString(taken, QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    }
    const QJsonObject exposure = exif.value(QStringLiteral("exposure")).toObject();
    QStringList parts;
    if (const double time = exposure.value(QStringLiteral("time_s")).toDouble(); time > 0) {
        parts.append(time < 1 ? tr("1/%1 s").arg(qRound(1 / time))
                              : tr("%1 s").arg(locale.toString(time, 'g', 3)));
    }
    if (const double f = exposure.value(QStringLiteral("f_number")).toDouble(); f > 0) {
        parts.append(QStringLiteral("f/%1").arg(locale.toString(f, 'g', 3)));
    }
    if (const int iso = exposure.value(QStringLiteral("iso")).toInt(); iso > 0) {
        parts.append(tr("ISO %1").arg(iso));
    }
    if (const double mm = exposure.value(QStringLiteral("focal_length_mm")).toDouble(); mm > 0) {
        parts.append(tr("%1 mm").arg(locale.toString(mm, 'g', 4)));
    }
    if (!parts.isEmpty()) {
        addField(tr("Exposure:"), parts.join(QStringLiteral(" · ")));
    }
    const QJsonObject gps = exif.value(QStringLiteral("gps")).toObject();
    if (gps.contains(QStringLiteral("lat")) && gps.contains(QStringLiteral("lon"))) {
        const double lat = gps.value(QStringLiteral("lat")).toDouble();
        const double lon = gps.value(QStringLiteral("lon")).toDouble();
        addField(tr("Location:"), tr("%1° %2, %3° %4 (not in the anonymised copy)")
                                      .arg(locale.toString(qAbs(lat), 'f', 5))
                                      .arg(lat < 0 ? tr("S") : tr("N"))
                                      .arg(locale.toString(qAbs(lon), 'f', 5))
                                      .arg(lon < 0 ? tr("W") : tr("E")));
    }
}

QString DetailPane::metadataText() const
{
    QStringList lines;
    for (int row = 0; row < m_metadata->rowCount(); ++row) {
        auto* name =
            qobject_cast<QLabel*>(m_metadata->itemAt(row, QFormLayout::LabelRole)->widget());
        auto* value =
            qobject_cast<QLabel*>(m_metadata->itemAt(row, QFormLayout::FieldRole)->widget());
        lines.append((name ? name->text() : QString()) + QLatin1Char(' ') +
                     (value ? value->text() : QString()));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace pixelnest::ui
