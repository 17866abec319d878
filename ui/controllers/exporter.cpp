#include "controllers/exporter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <functional>
#include <memory>

namespace pixelnest::ui
{

namespace
{

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

namespace
{

// One export in progress: the file, opened on the first page, and its writer. Pages arrive on
// the service's thread one after another; finish() runs on a pool thread after the last.
class ExportJob final
{
public:
    ExportJob(const QString& path, ExportFormat format)
        : m_path(path), m_file(path), m_writer(m_file, format)
    {
    }

    Result<void> add(const QList<JobRecord>& page)
    {
        if (Result<void> opened = open(); !opened) {
            return opened;
        }
        m_writer.add(page);
        return {};
    }

    Result<int> finish(const Result<void>& paged)
    {
        if (paged) {
            if (Result<void> opened = open(); !opened) {
                return opened.error();
            }
        }
        if (!paged) {
            m_file.cancelWriting();
            return paged.error();
        }
        m_writer.end();
        if (!m_file.commit()) {
            return cannotWrite();
        }
        return m_writer.count();
    }

private:
    Result<void> open()
    {
        if (m_file.isOpen()) {
            return {};
        }
        if (!m_file.open(QIODevice::WriteOnly)) {
            return cannotWrite();
        }
        m_writer.begin();
        return {};
    }

    Error cannotWrite() const
    {
        return makeError(Service::Input, ErrorCode::InvalidInput,
                         QCoreApplication::translate("Exporter", "cannot write %1: %2")
                             .arg(m_path, m_file.errorString()));
    }

    QString m_path;
    QSaveFile m_file;
    ExportWriter m_writer;
};

} // namespace

QFuture<Result<int>> exportJobs(AdminService& service, const QString& path, ExportFormat format,
                                const QList<qint64>& ids, const JobQuery& all)
{
    auto job = std::make_shared<ExportJob>(path, format);
    return service
        .forEachJob(ids, all, [job](const QList<JobRecord>& page) { return job->add(page); })
        .then(QtFuture::Launch::Async,
              [job](const Result<void>& paged) { return job->finish(paged); });
}

} // namespace pixelnest::ui
