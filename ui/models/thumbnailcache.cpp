#include "models/thumbnailcache.h"

#include <QPainter>
#include <QPair>

namespace pixelnest::ui
{

namespace
{

constexpr int kBatch = 48;
using Thumbs = QList<QPair<qint64, QImage>>;

// Scaled to fit `box` and centred on a transparent image of exactly that size.
QImage letterboxed(const QImage& image, const QSize& box)
{
    QImage framed(box, QImage::Format_ARGB32_Premultiplied);
    framed.fill(Qt::transparent);
    const QImage scaled = image.scaled(box, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&framed);
    painter.drawImage((box.width() - scaled.width()) / 2, (box.height() - scaled.height()) / 2,
                      scaled);
    return framed;
}

} // namespace

ThumbnailCache::ThumbnailCache(AdminService* service, int heightPx, QObject* parent)
    : QObject(parent), m_service(service), m_heightPx(heightPx), m_images(4000)
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(30); // gathers the rows of one paint into one request
    connect(&m_batchTimer, &QTimer::timeout, this, &ThumbnailCache::fetchQueued);
    m_placeholder = QImage(size(), QImage::Format_ARGB32_Premultiplied);
    m_placeholder.fill(Qt::transparent);
}

QImage ThumbnailCache::thumbnail(qint64 id)
{
    if (const QImage* cached = m_images.object(id)) {
        return *cached;
    }
    if (!m_none.contains(id) && !m_requested.contains(id)) {
        m_requested.insert(id);
        m_queue.append(id);
        if (!m_batchTimer.isActive()) {
            m_batchTimer.start();
        }
    }
    return m_placeholder;
}

void ThumbnailCache::invalidate(const QList<qint64>& ids)
{
    ++m_generation;
    for (qint64 id : ids) {
        m_none.remove(id);
        m_images.remove(id);
    }
}

void ThumbnailCache::fetchQueued()
{
    const QList<qint64> ids = m_queue.mid(0, kBatch);
    m_queue.remove(0, ids.size());
    if (!m_queue.isEmpty()) {
        m_batchTimer.start();
    }
    const QSize box = size();
    const int generation = m_generation;
    QList<QFuture<Result<QByteArray>>> fetches;
    for (qint64 id : ids) {
        fetches.append(m_service->image(id, "thumbnail"));
    }
    QtFuture::whenAll(fetches.begin(), fetches.end())
        .then(QtFuture::Launch::Async,
              [ids, box](const QList<QFuture<Result<QByteArray>>>& done) -> Result<Thumbs> {
                  Thumbs thumbs;
                  for (qsizetype i = 0; i < done.size(); ++i) {
                      // A fetch cancelled by the admin lane's shutdown has no result to read
                      // (QFuture::result() would read past an empty store): asked again later.
                      if (done[i].isCanceled() || done[i].resultCount() == 0) {
                          return makeError(ErrorCode::Unavailable,
                                           QStringLiteral("thumbnail fetch cancelled"));
                      }
                      const Result<QByteArray> bytes = done[i].result();
                      if (!bytes && isRetryable(bytes.error())) {
                          return bytes.error();
                      }
                      QImage image;
                      if (bytes && !bytes->isEmpty() && image.loadFromData(bytes.value())) {
                          image = letterboxed(image, box);
                      }
                      thumbs.append({ids[i], image});
                  }
                  return thumbs;
              })
        .then(this, [this, ids, generation](const Result<Thumbs>& thumbs) {
            for (qint64 id : ids) {
                m_requested.remove(id);
            }
            if (!thumbs) {
                return; // asked again when next painted
            }
            QList<qint64> ready;
            for (const auto& [id, image] : thumbs.value()) {
                if (!image.isNull()) {
                    m_images.insert(id, new QImage(image));
                    ready.append(id);
                } else if (generation == m_generation) {
                    m_none.insert(id);
                }
            }
            if (!ready.isEmpty()) {
                Q_EMIT thumbnailsReady(ready);
            }
        });
}

} // namespace pixelnest::ui
