#include "cli/jobfilters.h"

#include "cli/session.h"
#include "cli/timeoptions.h"

#include <QRegularExpression>

namespace pixelnest::cli
{

namespace
{

Error usage(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message);
}

std::optional<JobSortKey> sortKeyNamed(const QString& name)
{
    static const QList<QPair<QString, JobSortKey>> keys{
        {QStringLiteral("id"), JobSortKey::Id},
        {QStringLiteral("title"), JobSortKey::Title},
        {QStringLiteral("status"), JobSortKey::Status},
        {QStringLiteral("priority"), JobSortKey::Priority},
        {QStringLiteral("attempts"), JobSortKey::Attempts},
        {QStringLiteral("worker"), JobSortKey::Worker},
        {QStringLiteral("created"), JobSortKey::Created},
        {QStringLiteral("finished"), JobSortKey::Finished},
        {QStringLiteral("error"), JobSortKey::Error}};
    for (const auto& [key, value] : keys) {
        if (key == name) {
            return value;
        }
    }
    return std::nullopt;
}

Result<void> readPriority(const QString& text, JobQuery& query)
{
    static const QRegularExpression range(QStringLiteral("^(-?\\d+)(?:\\.\\.(-?\\d+))?$"));
    const QRegularExpressionMatch match = range.match(text.trimmed());
    if (!match.hasMatch()) {
        return usage(QStringLiteral("--priority takes N or MIN..MAX, not '%1'").arg(text));
    }
    query.minPriority = match.captured(1).toInt();
    query.maxPriority =
        match.captured(2).isEmpty() ? *query.minPriority : match.captured(2).toInt();
    return {};
}

Result<void> readLabel(const QString& text, JobQuery& query)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    query.label = colon < 0 ? text : text.left(colon);
    if (colon >= 0) {
        bool ok = false;
        const double minimum = text.mid(colon + 1).toDouble(&ok);
        if (!ok || minimum < 0 || minimum > 1) {
            return usage(QStringLiteral("--label takes LABEL or LABEL:MIN with MIN from 0 to 1, "
                                        "not '%1'")
                             .arg(text));
        }
        query.labelMin = minimum;
    }
    return query.label.isEmpty() ? Result<void>(usage(QStringLiteral("--label needs a label")))
                                 : Result<void>();
}

Result<void> readFaces(QString text, JobQuery& query)
{
    query.facesOrMore = text.endsWith(QLatin1Char('+'));
    if (query.facesOrMore) {
        text.chop(1);
    }
    bool ok = false;
    const int faces = text.toInt(&ok);
    if (!ok || faces < 0) {
        return usage(QStringLiteral("--faces takes N or N+ (N or more), not '%1'").arg(text));
    }
    query.faces = faces;
    return {};
}

} // namespace

Result<JobQuery> jobQueryFrom(const CommandLine& line)
{
    JobQuery query;
    const auto has = [&line](const char* name) { return line.isSet(QLatin1String(name)); };
    const auto value = [&line](const char* name) { return line.value(QLatin1String(name)); };
    if (has("status")) {
        query.status = parseStatus(value("status"));
        if (!query.status) {
            return usage(QStringLiteral("unknown status '%1' (use queued, processing, completed, "
                                        "failed or cancelled)")
                             .arg(value("status")));
        }
    }
    const Result<qint64> limit = integerOption(line, QStringLiteral("limit"), 50, 1, 100000);
    if (!limit) {
        return limit.error();
    }
    query.limit = int(limit.value());
    query.pipeline = value("pipeline");
    query.worker = value("worker");
    query.titleContains = value("search");
    if (has("priority")) {
        if (Result<void> read = readPriority(value("priority"), query); !read) {
            return read.error();
        }
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const auto& [name, target] :
         {std::pair{"since", &query.createdSince}, std::pair{"until", &query.createdUntil}}) {
        if (has(name)) {
            const Result<QDateTime> instant = parseInstant(value(name), now);
            if (!instant) {
                return instant.error();
            }
            *target = instant.value();
        }
    }
    if (has("label")) {
        if (Result<void> read = readLabel(value("label"), query); !read) {
            return read.error();
        }
    }
    if (has("faces")) {
        if (Result<void> read = readFaces(value("faces"), query); !read) {
            return read.error();
        }
    }
    if (has("sort")) {
        const QStringList parts = value("sort").split(QLatin1Char(':'));
        const std::optional<JobSortKey> key = sortKeyNamed(parts.first());
        if (!key || parts.size() > 2 ||
            (parts.size() == 2 && parts[1] != QLatin1String("desc") &&
             parts[1] != QLatin1String("asc"))) {
            return usage(QStringLiteral("--sort takes id, title, status, priority, attempts, "
                                        "worker, created, finished or error, with :desc or :asc, "
                                        "not '%1'")
                             .arg(value("sort")));
        }
        query.sortBy = *key;
        query.descending =
            parts.size() == 2 ? parts[1] == QLatin1String("desc") : *key == JobSortKey::Id;
    }
    if (has("after")) {
        query.after = decodeCursor(value("after"));
        if (!query.after) {
            return usage(QStringLiteral("--after takes the cursor a previous page printed"));
        }
    }
    return query;
}

} // namespace pixelnest::cli
