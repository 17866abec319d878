#include "cli/commandline.h"

#include "pixelnest/version.h"

#include <QRegularExpression>

namespace pixelnest::cli
{

namespace
{

const QString kNegativeMarker = QStringLiteral("\x01neg");

QString describeCommands()
{
    return QStringLiteral(
        "Commands (no command opens the admin console):\n"
        "  submit [--priority N] [--title T] [--pipeline P] PATH...   files or folders\n"
        "  jobs [--status S] [--limit N] [--json]\n"
        "  show ID [--json] [--export-anonymised FILE]\n"
        "  priority N ID...\n"
        "  reprocess ID... | --failed\n"
        "  cancel ID...\n"
        "  stats [--json] [--watch]\n"
        "  migrate [--dry-run]                   schema changes (the owner); nothing else runs "
        "DDL\n"
        "  roles init [--redis-acl] | roles grant LOGIN viewer|operator|admin|engine\n"
        "  audit [--since T] [--login L] [--limit N] [--json]   who changed what\n"
        "  local up|down|status|env [--dir DIR]   the embedded local stack\n"
        "  --engine-only [--device auto|cpu|cuda|cuda:N] [--workers N] [--batch-size N]\n"
        "      [--max-batch-delay-ms N] [--models DIR] [--lease-seconds N] [--max-attempts N]\n"
        "      [--metrics-listen HOST:PORT] [--metrics-token FILE | --metrics-insecure]\n"
        "      [--exit-when-idle] [--drain-seconds N]\n"
        "      [--job-timeout S] [--memory-budget BYTES]\n"
        "                                        the headless engine\n"
        "  Engine and upload options may also come from PIXELNEST_<OPTION> "
        "(PIXELNEST_MAX_ATTEMPTS)\n"
        "  or the config file's [engine] group (max-attempts=3); a flag wins over both.\n"
        "\nConnections: --postgres / PIXELNEST_POSTGRES, --redis / PIXELNEST_REDIS (rediss:// "
        "with\n"
        "--redis-ca/--redis-cert/--redis-key for TLS);\n"
        "precedence: flag > environment > config file (~/.config/pixelnest/pixelnest.conf)\n"
        "> local stack.\n"
        "Exit codes: 0 success, 2 usage error, 3 a service unreachable, 4 partial failure,\n"
        "5 permission denied, 6 the schema is not this build's (run pixelnest migrate).\n");
}

struct OptionSpec
{
    const char* name;
    const char* valueName; // nullptr for a flag
    const char* help;
};

const OptionSpec kOptions[] = {
    {"postgres", "CONNINFO", "PostgreSQL conninfo or URI."},
    {"redis", "URL",
     "Redis URL: redis://[user:password@]host:port/db, rediss://... (TLS) or unix:///path."},
    {"redis-password-file", "FILE",
     "Read the Redis password from FILE (mode 600) instead of the URL."},
    {"redis-ca", "FILE", "CA certificate that signs the rediss:// server (default: system CAs)."},
    {"redis-cert", "FILE", "Client certificate for rediss:// (with --redis-key)."},
    {"redis-key", "FILE", "Private key of --redis-cert (mode 600)."},
    {"config", "FILE", "Config file to read instead of the default."},
    {"namespace", "NAME", "Redis key namespace shared by engines and consoles (pixelnest)."},
    {"dir", "DIR", "Directory of the local stack (local ...)."},
    {"engine-only", nullptr, "Run the headless engine (no display)."},
    {"device", "DEVICE", "Inference device: auto, cpu, cuda or cuda:N (engine)."},
    {"workers", "N", "Pipeline worker threads (engine)."},
    {"batch-size", "N", "Jobs claimed per round trip (engine)."},
    {"max-batch-delay-ms", "N", "Longest wait to fill an inference batch (engine)."},
    {"models", "DIR", "Model repository (engine)."},
    {"lease-seconds", "N", "Lease of a claimed job before another engine may take it."},
    {"max-attempts", "N", "Attempts before a transient failure becomes final."},
    {"metrics-listen", "HOST:PORT", "Serve /metrics, /healthz and /readyz (engine)."},
    {"metrics-token", "FILE", "Bearer token /metrics requires (a mode-600 file; engine)."},
    {"metrics-insecure", nullptr, "Serve /metrics on a non-loopback address without a token."},
    {"exit-when-idle", nullptr, "Exit once nothing is queued or processing (engine)."},
    {"drain-seconds", "N", "On stop, wait at most N s for the jobs in flight (engine, 30)."},
    {"job-timeout", "S", "Seconds one attempt may run (engine; 30 without a model, else 60)."},
    {"memory-budget", "BYTES", "Memory the jobs in flight may hold (engine; RAM/4, <= 768 MiB)."},
    {"max-upload-mb", "N", "Largest upload accepted, in MiB (64); checked before reading."},
    {"max-megapixels", "N", "Largest image accepted, in megapixels (256)."},
    {"priority", "N", "Priority from -1000 to 1000, higher first (submit)."},
    {"title", "T", "Title of the submitted image(s) (submit)."},
    {"pipeline", "P", "Pipeline: default, metadata, noop or a model name (submit)."},
    {"status", "S", "Only jobs with this status (jobs)."},
    {"limit", "N", "At most N jobs (jobs)."},
    {"json", nullptr, "Print JSON instead of a table."},
    {"failed", nullptr, "Every failed job (reprocess)."},
    {"watch", nullptr, "Refresh every second (stats)."},
    {"export-anonymised", "FILE", "Write the copy with faces blurred (show)."},
    {"dry-run", nullptr, "Print what would change, change nothing (migrate)."},
    {"redis-acl", nullptr, "Also print the Redis ACL users of the namespace (roles init)."},
    {"since", "T", "From this time: ISO 8601 or an age like 30m, 12h, 7d (audit)."},
    {"login", "L", "Only what this PostgreSQL login did (audit)."},
};

void addOptions(QCommandLineParser& parser)
{
    parser.setApplicationDescription(
        QStringLiteral("Pixelnest %1: image-processing admin console and engine.\n\n")
            .arg(QLatin1String(kVersion)) +
        describeCommands());
    for (const OptionSpec& spec : kOptions) {
        parser.addOption(
            spec.valueName
                ? QCommandLineOption(QLatin1String(spec.name), QLatin1String(spec.help),
                                     QLatin1String(spec.valueName))
                : QCommandLineOption(QLatin1String(spec.name), QLatin1String(spec.help)));
    }
    parser.addOption(
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")});
    parser.addOption(
        {{QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version.")});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QStringLiteral("A command (see above), or none for the GUI."),
                                 QStringLiteral("[command [args...]]"));
}

// `pixelnest priority -5 12` and `--priority -5`: a negative number is never an option here,
// so hide it from the parser and restore it afterwards.
QStringList protectNegativeNumbers(QStringList arguments)
{
    static const QRegularExpression negative(QStringLiteral("^-[0-9]+$"));
    for (QString& argument : arguments) {
        if (negative.match(argument).hasMatch()) {
            argument = kNegativeMarker + argument;
        }
    }
    return arguments;
}

QString restored(QString text)
{
    return text.startsWith(kNegativeMarker) ? text.mid(kNegativeMarker.size()) : text;
}

void collectOptions(const QCommandLineParser& parser, CommandLine& line)
{
    for (const OptionSpec& spec : kOptions) {
        const QString name = QLatin1String(spec.name);
        if (!parser.isSet(name)) {
            continue;
        }
        if (spec.valueName) {
            line.values.insert(name, restored(parser.value(name)));
        } else {
            line.flags.append(name);
        }
    }
}

} // namespace

QStringList knownCommands()
{
    return {QStringLiteral("local"),  QStringLiteral("submit"),   QStringLiteral("jobs"),
            QStringLiteral("show"),   QStringLiteral("priority"), QStringLiteral("reprocess"),
            QStringLiteral("cancel"), QStringLiteral("stats"),    QStringLiteral("migrate"),
            QStringLiteral("roles"),  QStringLiteral("audit")};
}

CommandLine parseCommandLine(const QStringList& arguments)
{
    QCommandLineParser parser;
    addOptions(parser);
    CommandLine line;
    // No QCoreApplication exists yet, so Qt cannot know the program's name.
    line.helpText =
        parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("pixelnest"));
    if (!parser.parse(protectNegativeNumbers(arguments))) {
        line.mode = Mode::UsageError;
        line.error = parser.errorText();
        return line;
    }
    collectOptions(parser, line);
    line.connection = {line.value(QStringLiteral("postgres")),
                       line.value(QStringLiteral("redis")),
                       line.value(QStringLiteral("redis-password-file")),
                       line.value(QStringLiteral("redis-ca")),
                       line.value(QStringLiteral("redis-cert")),
                       line.value(QStringLiteral("redis-key"))};
    line.configFile = line.value(QStringLiteral("config"), defaultConfigFilePath());
    QStringList positional;
    for (const QString& argument : parser.positionalArguments()) {
        positional.append(restored(argument));
    }
    if (parser.isSet(QStringLiteral("help"))) {
        line.mode = Mode::Help;
    } else if (parser.isSet(QStringLiteral("version"))) {
        line.mode = Mode::Version;
    } else if (line.isSet(QStringLiteral("engine-only"))) {
        line.mode = positional.isEmpty() ? Mode::EngineOnly : Mode::UsageError;
        line.error = QStringLiteral("--engine-only takes no command (got '%1')")
                         .arg(positional.join(QLatin1Char(' ')));
    } else if (positional.isEmpty()) {
        line.mode = Mode::Gui;
    } else if (!knownCommands().contains(positional.first())) {
        line.mode = Mode::UsageError;
        line.error = QStringLiteral("unknown command '%1'").arg(positional.first());
    } else {
        line.mode = Mode::Command;
        line.command = positional.first();
        line.arguments = positional.mid(1);
    }
    return line;
}

} // namespace pixelnest::cli
