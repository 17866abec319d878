#include "models/loadedrows.h"

namespace pixelnest::ui
{

const JobRecord* LoadedRows::at(int row) const
{
    auto block = m_blocks.upper_bound(row);
    if (block == m_blocks.begin()) {
        return nullptr;
    }
    --block;
    const int offset = row - block->first;
    return offset < block->second.size() ? &block->second.at(offset) : nullptr;
}

JobRecord* LoadedRows::at(int row)
{
    return const_cast<JobRecord*>(std::as_const(*this).at(row));
}

int LoadedRows::firstMissing(int first, int last) const
{
    int row = qMax(first, 0);
    while (row <= last) {
        auto block = m_blocks.upper_bound(row);
        if (block == m_blocks.begin()) {
            return row;
        }
        --block;
        const int end = block->first + int(block->second.size());
        if (row >= end) {
            return row;
        }
        row = end;
    }
    return -1;
}

LoadedRows::Gap LoadedRows::gapAround(int row, int total) const
{
    Gap gap;
    gap.end = total;
    const auto next = m_blocks.upper_bound(row);
    if (next != m_blocks.end()) {
        gap.end = next->first;
        gap.after = &next->second.constFirst();
    }
    if (next != m_blocks.begin()) {
        const auto before = std::prev(next);
        gap.start = before->first + int(before->second.size());
        gap.before = &before->second.constLast();
    }
    return gap;
}

QList<qint64> LoadedRows::ids(int first, int last) const
{
    QList<qint64> ids;
    for (const auto& [start, rows] : m_blocks) {
        const int from = qMax(first, start);
        const int to = qMin(last, start + int(rows.size()) - 1);
        for (int row = from; row <= to; ++row) {
            ids.append(rows.at(row - start).id);
        }
    }
    return ids;
}

void LoadedRows::place(int first, QList<JobRecord> rows)
{
    const int count = int(rows.size());
    if (count == 0) {
        return;
    }
    for (int i = 0; i < count; ++i) {
        m_rowOf.insert(rows.at(i).id, first + i);
    }
    // Merge with the blocks it touches, so that a scrolled range stays one block.
    const int end = first + count;
    int start = first;
    QList<JobRecord> merged;
    auto block = m_blocks.upper_bound(first);
    if (block != m_blocks.begin()) {
        auto before = std::prev(block);
        if (before->first + int(before->second.size()) >= first) {
            start = before->first;
            merged = before->second.mid(0, first - before->first);
            block = m_blocks.erase(before);
        }
    }
    merged += std::move(rows);
    while (block != m_blocks.end() && block->first <= end) {
        const int blockEnd = block->first + int(block->second.size());
        if (blockEnd > end) {
            merged += block->second.mid(end - block->first);
        }
        block = m_blocks.erase(block);
    }
    m_blocks[start] = std::move(merged);
}

void LoadedRows::insertOnTop(QList<JobRecord> rows)
{
    const int count = int(rows.size());
    std::map<int, QList<JobRecord>> shifted;
    for (auto& [start, loaded] : m_blocks) {
        shifted.emplace(start + count, std::move(loaded));
    }
    m_blocks = std::move(shifted);
    if (auto top = m_blocks.find(count); top != m_blocks.end()) {
        rows += std::move(top->second); // the old top block continues the new rows
        m_blocks.erase(top);
    }
    m_blocks[0] = std::move(rows);
    reindex();
}

void LoadedRows::truncate(int total)
{
    for (auto block = m_blocks.begin(); block != m_blocks.end();) {
        if (block->first >= total) {
            block = m_blocks.erase(block);
            continue;
        }
        block->second.resize(qMin(int(block->second.size()), total - block->first));
        ++block;
    }
    reindex();
}

void LoadedRows::clear()
{
    m_blocks.clear();
    m_rowOf.clear();
}

void LoadedRows::reindex()
{
    m_rowOf.clear();
    for (const auto& [start, rows] : m_blocks) {
        for (int i = 0; i < rows.size(); ++i) {
            m_rowOf.insert(rows.at(i).id, start + i);
        }
    }
}

} // namespace pixelnest::ui
