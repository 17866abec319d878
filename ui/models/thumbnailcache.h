#pragma once

#include "pixelnest/adminservice.h"

#include <QCache>
#include <QImage>
#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

namespace pixelnest::ui
{

// The table's thumbnails: fetched on demand for the rows being painted, in batches from the
// admin service, decoded and scaled on a pool thread (never on the GUI thread), and kept in a
// bounded cache. A job
// without a thumbnail yet is remembered as such until a live change invalidates it.
class ThumbnailCache final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailCache)

public:
    ThumbnailCache(AdminService* service, int heightPx, QObject* parent = nullptr);

    // The cached thumbnail, or the placeholder and a fetch is scheduled (thumbnailsReady
    // follows). Every image has the same size (letterboxed), so that titles line up.
    QImage thumbnail(qint64 id);
    void invalidate(const QList<qint64>& ids);
    QSize size() const { return {m_heightPx * 4 / 3, m_heightPx}; }

Q_SIGNALS:
    void thumbnailsReady(const QList<qint64>& ids);

private:
    void fetchQueued();

    AdminService* m_service;
    int m_heightPx;
    QCache<qint64, QImage> m_images;
    QSet<qint64> m_none;      // no thumbnail stored (yet)
    QSet<qint64> m_requested; // in flight or queued
    QList<qint64> m_queue;
    QTimer m_batchTimer;
    QImage m_placeholder;
    int m_generation = 0; // bumps on invalidate, so stale answers are not cached as "none"
};

} // namespace pixelnest::ui
