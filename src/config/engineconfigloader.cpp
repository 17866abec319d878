#include "config/engineconfigloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QRegularExpression>
#include <QSettings>

#include <functional>

namespace pixelnest::cli
{

namespace
{

// Where one setting's text comes from, in precedence order.
class SettingSource final
{
public:
    SettingSource(const CommandLine& line, const QProcessEnvironment& environment)
        : m_line(line), m_environment(environment)
    {
        if (!line.configFile.isEmpty() && QFileInfo::exists(line.configFile)) {
            const QSettings file(line.configFile, QSettings::IniFormat);
            for (const QString& key : file.allKeys()) {
                if (key.startsWith(QLatin1String("engine/"))) {
                    m_file.insert(key.mid(7), file.value(key).toString());
                }
            }
        }
    }

    // "max-attempts" → --max-attempts, PIXELNEST_MAX_ATTEMPTS, [engine] max-attempts.
    std::optional<QString> text(const QString& name) const
    {
        if (m_line.values.contains(name)) {
            return m_line.value(name);
        }
        if (m_line.flags.contains(name)) {
            return QStringLiteral("true");
        }
        const QString variable =
            QStringLiteral("PIXELNEST_") +
            QString(name).replace(QLatin1Char('-'), QLatin1Char('_')).toUpper();
        if (m_environment.contains(variable)) {
            return m_environment.value(variable);
        }
        if (m_file.contains(name)) {
            return m_file.value(name);
        }
        return std::nullopt;
    }

private:
    const CommandLine& m_line;
    const QProcessEnvironment& m_environment;
    QHash<QString, QString> m_file;
};

struct Parser
{
    const SettingSource& source;
    QStringList errors;

    void integer(const char* name, qint64 minimum, qint64 maximum,
                 const std::function<void(qint64)>& apply)
    {
        const std::optional<QString> text = source.text(QLatin1String(name));
        if (!text) {
            return;
        }
        bool ok = false;
        const qint64 value = text->trimmed().toLongLong(&ok);
        if (!ok || value < minimum || value > maximum) {
            errors.append(QStringLiteral("--%1 must be a whole number from %2 to %3, not '%4'")
                              .arg(QLatin1String(name))
                              .arg(minimum)
                              .arg(maximum)
                              .arg(*text));
            return;
        }
        apply(value);
    }

    void text(const char* name, const QRegularExpression& valid, const char* expected,
              QString& target)
    {
        const std::optional<QString> value = source.text(QLatin1String(name));
        if (!value) {
            return;
        }
        if (!valid.match(value->trimmed()).hasMatch()) {
            errors.append(QStringLiteral("--%1 must be %2, not '%3'")
                              .arg(QLatin1String(name), QLatin1String(expected), *value));
            return;
        }
        target = value->trimmed();
    }

    void flag(const char* name, bool& target)
    {
        const std::optional<QString> value = source.text(QLatin1String(name));
        if (!value) {
            return;
        }
        const QString word = value->trimmed().toLower();
        if (word == QLatin1String("true") || word == QLatin1String("1") ||
            word == QLatin1String("yes")) {
            target = true;
        } else if (word == QLatin1String("false") || word == QLatin1String("0") ||
                   word == QLatin1String("no")) {
            target = false;
        } else {
            errors.append(QStringLiteral("--%1 must be true or false, not '%2'")
                              .arg(QLatin1String(name), *value));
        }
    }
};

} // namespace

// A quarter of the machine's memory, at most 768 MiB: with libtorch and two models loaded that
// keeps an engine's peak RSS under 1.5 GB whatever it is sent.
qint64 defaultMemoryBudgetBytes()
{
    constexpr qint64 kCeiling = 768LL * 1024 * 1024;
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (!meminfo.open(QIODevice::ReadOnly)) {
        return kCeiling;
    }
    for (const QByteArray& line : meminfo.readAll().split('\n')) {
        if (line.startsWith("MemTotal:")) {
            const qint64 totalKb = line.mid(9).trimmed().split(' ').value(0).toLongLong();
            return totalKb > 0 ? qMin(kCeiling, totalKb * 1024 / 4) : kCeiling;
        }
    }
    return kCeiling;
}

QString defaultModelsDir()
{
    // build/src/pixelnest → build/models, where scripts/setup converts them.
    const QString besideBuild =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../models"));
    if (QFileInfo::exists(besideBuild)) {
        return QDir::cleanPath(besideBuild);
    }
    return QStringLiteral("/usr/share/pixelnest/models");
}

Result<EngineConfig> loadEngineConfig(const CommandLine& line,
                                      const QProcessEnvironment& environment)
{
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    EngineConfig config;
    config.inference.modelsDir = defaultModelsDir();
    const SettingSource source(line, environment);
    Parser parse{source, {}};
    RuntimeConfig& runtime = config.runtime;
    parse.integer("workers", 1, 256, [&](qint64 v) { runtime.workers = int(v); });
    parse.integer("batch-size", 1, 1024, [&](qint64 v) { runtime.batchSize = int(v); });
    parse.integer("max-attempts", 1, 100, [&](qint64 v) { runtime.maxAttempts = int(v); });
    parse.integer("lease-seconds", 1, 86'400, [&](qint64 v) { runtime.lease = seconds(v); });
    parse.integer("max-batch-delay-ms", 0, 10'000,
                  [&](qint64 v) { config.inference.maxBatchDelay = milliseconds(v); });
    parse.integer("drain-seconds", 0, 3600, [&](qint64 v) { runtime.drain = seconds(v); });
    parse.integer("job-timeout", 1, 86'400, [&](qint64 v) { runtime.jobTimeout = seconds(v); });
    runtime.memoryBudgetBytes = defaultMemoryBudgetBytes();
    parse.integer("memory-budget", 64LL * 1024 * 1024, 1LL << 40,
                  [&](qint64 v) { runtime.memoryBudgetBytes = v; });
    parse.flag("exit-when-idle", runtime.exitWhenIdle);
    static const QRegularExpression pipelineList(
        QStringLiteral("^[A-Za-z0-9_.-]+( *, *[A-Za-z0-9_.-]+)*$"));
    QString served;
    parse.text("pipelines", pipelineList, "pipeline names separated by commas", served);
    for (const QString& name : served.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!runtime.pipelines.contains(name.trimmed())) {
            runtime.pipelines.append(name.trimmed());
        }
    }
    ImageLimits& limits = config.limits;
    parse.integer("max-upload-mb", 1, 4096, [&](qint64 v) { limits.maxBytes = v * 1024 * 1024; });
    parse.integer("max-megapixels", 1, 10'000,
                  [&](qint64 v) { limits.maxPixels = v * 1000 * 1000; });
    static const QRegularExpression device(QStringLiteral("^(auto|cpu|cuda|cuda:[0-9]{1,2})$"));
    parse.text("device", device, "auto, cpu, cuda or cuda:N", config.inference.device);
    static const QRegularExpression anything(QStringLiteral("^.+$"));
    parse.text("models", anything, "a directory", config.inference.modelsDir);
    // The namespace becomes a Redis hash tag and the key pattern of the Redis ACLs: braces,
    // spaces, glob characters (*?[]) or ':' would split it, break it or widen a grant.
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    parse.text("namespace", name, "1-64 letters, digits, _ or -", config.service.ns);
    parse.integer("queue-shards", 1, 1024, [&](qint64 v) { config.service.queueShards = int(v); });
    static const QRegularExpression hostPort(QStringLiteral("^.+:[0-9]{1,5}$"));
    parse.text("metrics-listen", hostPort, "HOST:PORT", config.service.metricsListen);
    parse.text("metrics-token", anything, "a file", config.service.metricsTokenFile);
    parse.flag("metrics-insecure", config.service.metricsInsecure);
    if (!config.service.metricsListen.isEmpty() && !isLoopback(config.service.metricsListen) &&
        config.service.metricsTokenFile.isEmpty() && !config.service.metricsInsecure) {
        parse.errors.append(QStringLiteral("--metrics-listen %1 is reachable from other hosts: "
                                           "give --metrics-token FILE (a bearer token "
                                           "Prometheus sends) or --metrics-insecure")
                                .arg(config.service.metricsListen));
    }
    config.limits.decodeBudgetBytes = runtime.memoryBudgetBytes;
    if (!parse.errors.isEmpty()) {
        return makeError(ErrorCode::InvalidInput, parse.errors.join(QLatin1Char('\n')));
    }
    return config;
}

bool isLoopback(const QString& hostAndPort)
{
    QString host = hostAndPort.left(hostAndPort.lastIndexOf(QLatin1Char(':')));
    host.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

} // namespace pixelnest::cli
