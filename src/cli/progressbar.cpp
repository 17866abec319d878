#include "cli/progressbar.h"

#include <QByteArray>

#include <cstdio>
#include <unistd.h>

namespace pixelnest::cli
{

namespace
{

constexpr int kWidth = 30;

QByteArray megabytes(qint64 bytes)
{
    return QByteArray::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

ProgressBar::ProgressBar(qint64 totalItems, qint64 totalBytes, const char* unit)
    : m_enabled(::isatty(STDERR_FILENO) == 1 && totalItems > 1), m_totalItems(totalItems),
      m_totalBytes(totalBytes)
{
    draw();
}

ProgressBar::~ProgressBar()
{
    if (m_enabled) {
        std::fputs("\n", stderr);
    }
}

void ProgressBar::advance(qint64 items, qint64 bytes)
{
    m_items += items;
    m_bytes += bytes;
    draw();
}

void ProgressBar::draw() const
{
    if (!m_enabled) {
        return;
    }
    const int filled = m_totalItems > 0 ? int(kWidth * m_items / m_totalItems) : kWidth;
    const QByteArray line = "\r[" + QByteArray(filled, '#') + QByteArray(kWidth - filled, '-') +
                            "] " + QByteArray::number(m_items) + '/' +
                            QByteArray::number(m_totalItems) + ' ' + m_unit + "  " +
                            megabytes(m_bytes) + '/' + megabytes(m_totalBytes) + " MB";
    std::fputs(line.constData(), stderr);
    std::fflush(stderr);
}

} // namespace pixelnest::cli
