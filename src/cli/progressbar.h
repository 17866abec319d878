#pragma once

#include <QtGlobal>

namespace pixelnest::cli
{

// "[#########-----------]  120/500 files  2.3/9.1 MB" redrawn in place on stderr, only when
// stderr is a terminal (scripts and logs get no control characters).
class ProgressBar final
{
public:
    // `unit` names the items ("files", "jobs").
    ProgressBar(qint64 totalItems, qint64 totalBytes, const char* unit = "files");
    ~ProgressBar();
    void advance(qint64 items, qint64 bytes);

private:
    void draw() const;

    bool m_enabled = false;
    qint64 m_totalItems;
    qint64 m_totalBytes;
    qint64 m_items = 0;
    qint64 m_bytes = 0;
    const char* m_unit;
};

} // namespace pixelnest::cli
