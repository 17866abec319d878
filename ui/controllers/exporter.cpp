#include "controllers/exporter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <functional>

namespace pixelnest::ui
{

namespace
{

constexpr int kPage = 2000;

QString isoTime(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

class ExportWriter
{
public:
    ExportWriter(QSaveFile& file, ExportFormat format) : m_file(file), m_format(format) {}

    void begin() { m_file.write(m_format == ExportFormat::Csv ? csvHeader() : "[\n"); }
    void add(const QList<JobRecord>& jobs)
    {
        for (const JobRecord& job : jobs) {
            if (m_format == ExportFormat::Csv) {
                m_file.write(csvRow(job));
            } else {
                m_file.write(m_count > 0 ? ",\n" : "");
                m_file.write(QJsonDocument(toJson(job)).toJson(QJsonDocument::Compact));
            }
            ++m_count;
        }
    }
    void end()
    {
        if (m_format == ExportFormat::Json) {
            m_file.write(m_count > 0 ? "\n]\n" : "]\n");
        }
    }
    int count() const { return m_count; }

private:
    QSaveFile& m_file;
    ExportFormat m_format;
    int m_count = 0;
};

// Feeds `sink` page by page: the ids in chunks, or the query by keyset pages.
Result<void> forEachPage(AdminClient& client, const QList<qint64>& ids, JobQuery all,
                         const std::function<void(const QList<JobRecord>&)>& sink)
{
    if (!ids.isEmpty()) {
        for (qsizetype at = 0; at < ids.size(); at += kPage) {
            JobQuery chunk;
            chunk.ids = ids.mid(at, kPage);
            chunk.limit = int(chunk.ids.size());
            chunk.descending = false;
            const Result<QList<JobRecord>> rows = client.jobs(chunk);
            if (!rows) {
                return rows.error();
            }
            sink(rows.value());
        }
        return {};
    }
    all.limit = kPage;
    all.after.reset();
    while (true) {
        const Result<QList<JobRecord>> rows = client.jobs(all);
        if (!rows) {
            return rows.error();
        }
        sink(rows.value());
        if (rows->size() < kPage) {
            return {};
        }
        all.after = cursorAfter(rows->constLast(), all.sortBy);
    }
}

} // namespace

QByteArray csvField(const QString& text, bool guardFormula)
{
    QString value = text;
    if (guardFormula && !value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.front())) {
        value.prepend(QLatin1Char('\''));
    }
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) ||
        value.contains(QLatin1Char('\n')) || value.contains(QLatin1Char('\r'))) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value.toUtf8();
}

QByteArray csvHeader()
{
    return "id,title,status,priority,pipeline,attempts,worker,created_at,started_at,finished_at,"
           "error,format,width,height,faces,moderation_label,result\r\n";
}

QByteArray csvRow(const JobRecord& job)
{
    const QJsonValue faces = job.result.value(QStringLiteral("faces"));
    const QString label = job.result.value(QStringLiteral("moderation"))
                              .toObject()
                              .value(QStringLiteral("label"))
                              .toString();
    const QString result =
        job.result.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(job.result).toJson(QJsonDocument::Compact));
    const QList<QByteArray> fields{
        QByteArray::number(job.id),
        csvField(job.title),
        statusName(job.status).toUtf8(),
        QByteArray::number(job.priority),
        csvField(job.pipeline),
        QByteArray::number(job.attempts),
        csvField(job.worker),
        isoTime(job.createdAt).toUtf8(),
        isoTime(job.startedAt).toUtf8(),
        isoTime(job.finishedAt).toUtf8(),
        csvField(job.error),
        csvField(job.format),
        QByteArray::number(job.width),
        QByteArray::number(job.height),
        faces.isArray() ? QByteArray::number(faces.toArray().size()) : QByteArray(),
        csvField(label),
        csvField(result, false),
    };
    QByteArray row;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        row += (i > 0 ? "," : "") + fields[i];
    }
    return row + "\r\n";
}

Result<int> exportJobs(AdminClient& client, const QString& path, ExportFormat format,
                       const QList<qint64>& ids, JobQuery all)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("Exporter", "cannot write %1: %2")
                             .arg(path, file.errorString()));
    }
    ExportWriter writer(file, format);
    writer.begin();
    const Result<void> paged = forEachPage(
        client, ids, std::move(all), [&writer](const QList<JobRecord>& jobs) { writer.add(jobs); });
    if (!paged) {
        file.cancelWriting();
        return paged.error();
    }
    writer.end();
    if (!file.commit()) {
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("Exporter", "cannot write %1: %2")
                             .arg(path, file.errorString()));
    }
    return writer.count();
}

} // namespace pixelnest::ui
