#pragma once

#include "pixelnest/jobs.h"

#include <QHash>
#include <QList>

#include <map>

namespace pixelnest::ui
{

// The rows of a long table that have been read, and nothing else: blocks of consecutive rows by
// their first row, and where each id sits. JobTableModel shows a window of a million rows and
// keeps here the pages it read; rows in between are simply absent.
class LoadedRows final
{
public:
    // The gap of unread rows around a row: [start, end), with the loaded rows that bound it.
    struct Gap
    {
        int start = 0;
        int end = 0;
        const JobRecord* before = nullptr; // the last loaded row before the gap
        const JobRecord* after = nullptr;  // the first loaded row after it
    };

    const JobRecord* at(int row) const;
    JobRecord* at(int row);
    // Where `id` was placed last (-1: not loaded). After rows were overwritten it may name a row
    // that now holds another job: check the record's id.
    int rowOf(qint64 id) const { return m_rowOf.value(id, -1); }
    int count() const { return int(m_rowOf.size()); }
    bool isEmpty() const { return m_blocks.empty(); }
    // The first row of first..last that is not loaded, or -1.
    int firstMissing(int first, int last) const;
    // The gap that holds the unread row `row`; `total` ends the last one.
    Gap gapAround(int row, int total) const;
    // The ids of the loaded rows among first..last, in row order.
    QList<qint64> ids(int first, int last) const;

    // Puts `rows` at `first` on (over whatever was there), merged with the blocks they touch.
    void place(int first, QList<JobRecord> rows);
    // Rows inserted on top: every loaded row moves down by rows.size(), and `rows` come first.
    void insertOnTop(QList<JobRecord> rows);
    // Forgets the rows from `total` on (the table is shorter than thought).
    void truncate(int total);
    void clear();

private:
    void reindex();

    std::map<int, QList<JobRecord>> m_blocks; // first row -> the loaded rows from there on
    QHash<qint64, int> m_rowOf;
};

} // namespace pixelnest::ui
