// Why this file is long: it is the one table of every command and option (help, scoping and
// completion all read it); a table split in two could drift apart.
#include "cli/commandspec.h"

#include "pixelnest/version.h"

#include <QTextStream>

namespace pixelnest::cli
{

namespace
{

using G = OptionGroup;

const QString kStatuses = QStringLiteral("queued processing completed failed cancelled");
const QString kPipelines = QStringLiteral("default metadata noop");
const QString kDevices = QStringLiteral("auto cpu cuda cuda:0 cuda:1");

QString padded(const QString& text, int width)
{
    return text.size() >= width ? text + QLatin1Char(' ') : text.leftJustified(width);
}

// `text` broken into lines of at most `width` characters, each after `indent` spaces.
QString wrapped(const QString& text, int indent, int width = 80)
{
    QString out;
    QString line;
    for (const QString& word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && indent + line.size() + 1 + word.size() > width) {
            out += QString(indent, QLatin1Char(' ')) + line + QLatin1Char('\n');
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    return out + QString(indent, QLatin1Char(' ')) + line + QLatin1Char('\n');
}

QString optionLabel(const OptionSpec& option)
{
    const QString shortName = option.group == OptionGroup::General
                                  ? QStringLiteral("-%1, ").arg(option.name.at(0))
                                  : QString();
    return shortName + QStringLiteral("--") + option.name +
           (option.valueName.isEmpty() ? QString() : QLatin1Char(' ') + option.valueName);
}

QString listOptions(const std::vector<const OptionSpec*>& options)
{
    QString text;
    QTextStream out(&text);
    for (const OptionSpec* option : options) {
        // The help in a column of its own, continued under itself.
        const QString help = wrapped(option->help, 32);
        out << "  " << padded(optionLabel(*option), 30) << help.mid(32);
    }
    return text;
}

QString footer()
{
    return wrapped(QStringLiteral("Engine and upload options may also come from "
                                  "PIXELNEST_<OPTION> (PIXELNEST_MAX_ATTEMPTS) or the config "
                                  "file's [engine] group (max-attempts=3); a flag wins over "
                                  "both."),
                   0) +
           wrapped(QStringLiteral("Connections: --postgres / PIXELNEST_POSTGRES, --redis / "
                                  "PIXELNEST_REDIS (rediss:// with --redis-ca/--redis-cert/"
                                  "--redis-key for TLS); precedence: flag > environment > "
                                  "config file (~/.config/pixelnest/pixelnest.conf) > local "
                                  "stack."),
                   0) +
           wrapped(QStringLiteral("Exit codes: 0 success, 2 usage error, 3 a service "
                                  "unreachable, 4 partial failure, 5 permission denied, 6 the "
                                  "schema is not this build's (run pixelnest migrate)."),
                   0);
}

} // namespace

const std::vector<OptionSpec>& allOptions()
{
    static const std::vector<OptionSpec> options{
        {"postgres", "CONNINFO", "PostgreSQL conninfo or URI.", G::Connection},
        {"redis", "URL",
         "Redis URL: redis://[user:password@]host:port/db, rediss://... (TLS) or unix:///path.",
         G::Connection},
        {"redis-password-file", "FILE",
         "Read the Redis password from FILE (mode 600) instead of the URL.", G::Connection},
        {"redis-ca", "FILE",
         "CA certificate that signs the rediss:// server (default: system CAs).", G::Connection},
        {"redis-cert", "FILE", "Client certificate for rediss:// (with --redis-key).",
         G::Connection},
        {"redis-key", "FILE", "Private key of --redis-cert (mode 600).", G::Connection},
        {"config", "FILE", "Config file to read instead of the default.", G::Connection},
        {"namespace", "NAME", "Redis key namespace shared by engines and consoles (pixelnest).",
         G::Connection},
        {"queue-shards", "N",
         "Hash tags the queue is spread over on Redis Cluster (kept by the namespace; 1).",
         G::Connection},
        {"dir", "DIR", "Directory of the local stack.", G::Own},
        {"engine-only", "", "Run the headless engine (no display).", G::Own},
        {"device", "DEVICE", "Inference device: auto, cpu, cuda or cuda:N.", G::Engine},
        {"workers", "N", "Pipeline worker threads.", G::Engine},
        {"batch-size", "N", "Jobs claimed per round trip.", G::Engine},
        {"max-batch-delay-ms", "N", "Longest wait to fill an inference batch.", G::Engine},
        {"models", "DIR", "Model repository.", G::Engine},
        {"lease-seconds", "N", "Lease of a claimed job before another engine may take it.",
         G::Engine},
        {"max-attempts", "N", "Attempts before a transient failure becomes final.", G::Engine},
        {"metrics-listen", "HOST:PORT", "Serve /metrics, /healthz and /readyz.", G::Engine},
        {"metrics-token", "FILE", "Bearer token /metrics requires (a mode-600 file).", G::Engine},
        {"metrics-insecure", "", "Serve /metrics on a non-loopback address without a token.",
         G::Engine},
        {"exit-when-idle", "", "Exit once nothing is queued or processing.", G::Engine},
        {"pipelines", "P,...", "Claim only these pipelines' jobs (default: every pipeline).",
         G::Engine},
        {"drain-seconds", "N", "On stop, wait at most N s for the jobs in flight (30).", G::Engine},
        {"job-timeout", "S", "Seconds one attempt may run (30 without a model, else 60).",
         G::Engine},
        {"memory-budget", "BYTES", "Memory the jobs in flight may hold (RAM/4, <= 768 MiB).",
         G::Engine},
        {"max-upload-mb", "N", "Largest upload accepted, in MiB (64); checked before reading.",
         G::Upload},
        {"max-megapixels", "N", "Largest image accepted, in megapixels (256).", G::Upload},
        {"priority", "N", "Priority from -1000 to 1000, higher first.", G::Own},
        {"title", "T", "Title of the submitted image(s).", G::Own},
        {"pipeline", "P", "Pipeline: default, metadata, noop or a model name.", G::Own},
        {"status", "S", "Only jobs with this status (purge, retention: S,... of the finished).",
         G::Own},
        {"at", "TIME", "Start no earlier than this time (ISO 8601).", G::Own},
        {"in", "DURATION", "Start no earlier than this long from now (30s, 15m, 2h).", G::Own},
        {"expires-in", "DURATION",
         "Cancel the job if it has not started this long after it could (1h).", G::Own},
        {"older-than", "DURATION", "Jobs finished longer ago than this (30d, 12h).", G::Own},
        {"limit", "N", "At most N rows.", G::Own},
        {"json", "", "Print JSON: what was found, or what was changed.", G::Own},
        {"failed", "", "Every failed job.", G::Own},
        {"watch", "", "Refresh every second.", G::Own},
        {"export-anonymised", "FILE", "Write the copy with faces blurred.", G::Own},
        {"dry-run", "", "Print what would change, change nothing.", G::Own},
        {"redis-acl", "", "Also print the Redis ACL users of the namespace.", G::Own},
        {"since", "T",
         "From this time (jobs: created since): ISO 8601 or an age like 30m, 12h, 7d.", G::Own},
        {"login", "L", "Only what this PostgreSQL login did.", G::Own},
        {"worker", "W",
         "One engine (its id or host:pid); jobs: the worker that ran them (host or host:pid).",
         G::Own},
        {"until", "T", "Up to this time (jobs created before it): ISO 8601 or an age.", G::Own},
        {"search", "TEXT", "Jobs whose title contains TEXT (or whose id is TEXT).", G::Own},
        {"label", "L[:MIN]", "Moderation label on top, or scoring at least MIN (0-1).", G::Own},
        {"faces", "N[+]", "Jobs with N faces detected (N+: at least N).", G::Own},
        {"sort", "COLUMN[:desc]",
         "Order by id, title, status, priority, attempts, worker, created, finished, error.",
         G::Own},
        {"after", "CURSOR", "The next page: the cursor the previous page printed.", G::Own},
        {"help", "", "Show this help, or a command's.", G::General},
        {"version", "", "Show the version.", G::General},
    };
    return options;
}

const std::vector<CommandSpec>& allCommands()
{
    static const std::vector<CommandSpec> commands{
        {"",
         "[FILE...]",
         "The admin console; with files, it opens with them in the upload dialog. With no "
         "connection configured it starts the local stack and an in-process engine.",
         {},
         true,
         true,
         true},
        {"--engine-only",
         "--engine-only [options]",
         "The headless engine (systemd); SIGTERM or SIGINT stop claiming, finish the jobs in "
         "flight and exit 0.",
         {"engine-only"},
         true,
         true,
         true},
        {"submit",
         "submit [--priority N] [--title T] [--pipeline P] [--json]\n"
         "    [--at TIME | --in DURATION] [--expires-in DURATION] PATH...",
         "Upload files, and folders searched recursively.",
         {"priority", "title", "pipeline", "at", "in", "expires-in", "json"},
         true,
         false,
         true},
        {"jobs",
         "jobs [--status S] [--pipeline P] [--worker W]\n"
         "    [--priority N|MIN..MAX] [--since T] [--until T] [--search TEXT]\n"
         "    [--label L[:MIN]] [--faces N[+]] [--sort COLUMN[:desc]] [--after CURSOR]\n"
         "    [--limit N] [--json]",
         "List jobs, newest first, filtered; a full page prints the next page's cursor.",
         {"status", "pipeline", "worker", "priority", "since", "until", "search", "label", "faces",
          "sort", "after", "limit", "json"}},
        {"show",
         "show ID [--json] [--export-anonymised FILE]",
         "One job: its result, attempts and images.",
         {"json", "export-anonymised"}},
        {"priority",
         "priority N ID... [--json]",
         "Set the priority (-1000 to 1000) of jobs.",
         {"json"}},
        {"reprocess",
         "reprocess ID... | --failed [--json]",
         "Run finished jobs again (--failed: every failed one).",
         {"failed", "json"}},
        {"cancel", "cancel ID... [--json]", "Cancel queued or processing jobs.", {"json"}},
        {"stats",
         "stats [--json] [--watch]",
         "Queue depth by priority, in flight, totals, workers.",
         {"json", "watch"}},
        {"workers",
         "workers [--json]",
         "One row per live engine: host, device, load, memory, jobs, state.",
         {"json"}},
        {"pause",
         "pause [--pipeline P | --worker W] [--json]",
         "Stop dispatch (of one pipeline, or for one engine); engines finish what they hold.",
         {"pipeline", "worker", "json"}},
        {"resume",
         "resume [--pipeline P | --worker W] [--json]",
         "Restart dispatch paused by `pause` (without options: everywhere).",
         {"pipeline", "worker", "json"}},
        {"drain",
         "drain WORKER [--json]",
         "That engine finishes its jobs and stops (a headless one exits 0).",
         {"json"}},
        {"limit",
         "limit PIPELINE N/s|off [--json]",
         "A rate limit for one pipeline, shared by all engines (N jobs per second).",
         {"json"}},
        {"retry", "retry ID... [--json]", "Run jobs waiting out a retry's backoff now.", {"json"}},
        {"purge",
         "purge --older-than DURATION [--status S,...] [--dry-run] [--json]",
         "Delete finished jobs, their images and attempts, in pages (admins).",
         {"older-than", "status", "dry-run", "json"}},
        {"retention",
         "retention [DURATION [--status S,...] | off] [--json]",
         "Show or set the automatic retention the engines apply (admins set it).",
         {"status", "json"}},
        {"migrate",
         "migrate [--dry-run] [--json]",
         "Apply the schema changes this build needs (the database owner); nothing else runs "
         "DDL.",
         {"dry-run", "json"}},
        {"roles",
         "roles init [--redis-acl] [--json] | roles grant LOGIN ROLE [--json]",
         "Create the PostgreSQL roles and grants, or give a login its role (viewer, operator, "
         "admin, engine).",
         {"redis-acl", "json"}},
        {"audit",
         "audit [--since T] [--login L] [--limit N] [--json]",
         "Who changed what, newest first.",
         {"since", "login", "limit", "json"}},
        {"local",
         "local up|down|status|env [--dir DIR] [--json]",
         "The embedded local stack (PostgreSQL and Redis on unix sockets).",
         {"dir", "json"},
         false},
        {"help", "help [COMMAND]", "This help, or one command's.", {}, false},
        {"completion",
         "completion bash",
         "Print the bash completion script (installed by the package).",
         {},
         false},
    };
    return commands;
}

const CommandSpec* findCommand(const QString& name)
{
    for (const CommandSpec& command : allCommands()) {
        if (command.name == name) {
            return &command;
        }
    }
    return nullptr;
}

const OptionSpec* findOption(const QString& name)
{
    for (const OptionSpec& option : allOptions()) {
        if (option.name == name) {
            return &option;
        }
    }
    return nullptr;
}

bool accepts(const CommandSpec& command, const OptionSpec& option)
{
    switch (option.group) {
    case OptionGroup::General:
        return true;
    case OptionGroup::Connection:
        return command.connection;
    case OptionGroup::Engine:
        return command.engine;
    case OptionGroup::Upload:
        return command.upload;
    case OptionGroup::Own:
        return command.own.contains(option.name);
    }
    return false;
}

QString overviewHelp()
{
    QString text;
    QTextStream out(&text);
    out << "Usage: pixelnest [COMMAND] [options]\n"
        << "Pixelnest " << kVersion << ": image-processing admin console and engine.\n\n"
        << "Commands (`pixelnest help COMMAND` for one):\n";
    for (const CommandSpec& command : allCommands()) {
        out << "  pixelnest " << command.synopsis << '\n' << wrapped(command.summary, 6);
    }
    std::vector<const OptionSpec*> options;
    for (const OptionSpec& option : allOptions()) {
        options.push_back(&option);
    }
    out << "\nOptions (each accepted only by the commands it belongs to):\n"
        << listOptions(options) << '\n'
        << footer();
    return text;
}

QString commandHelp(const CommandSpec& command)
{
    std::vector<const OptionSpec*> own;
    std::vector<const OptionSpec*> engine;
    for (const OptionSpec& option : allOptions()) {
        if (option.group == OptionGroup::Own && accepts(command, option)) {
            own.push_back(&option);
        } else if ((option.group == OptionGroup::Engine || option.group == OptionGroup::Upload) &&
                   accepts(command, option)) {
            engine.push_back(&option);
        }
    }
    QString text;
    QTextStream out(&text);
    out << "Usage:\n  pixelnest " << command.synopsis << "\n\n" << wrapped(command.summary, 0);
    if (!own.empty()) {
        out << "\nOptions:\n" << listOptions(own);
    }
    if (!engine.empty()) {
        out << "\nEngine and upload options:\n" << listOptions(engine);
    }
    if (command.connection) {
        out << '\n'
            << wrapped(QStringLiteral("Connection options: --postgres CONNINFO, --redis URL, "
                                      "--redis-password-file FILE, --redis-ca FILE, --redis-cert "
                                      "FILE, --redis-key FILE, --config FILE, --namespace NAME "
                                      "(see pixelnest --help)."),
                       0);
    }
    return text;
}

QString bashCompletion()
{
    QString options;
    QTextStream cases(&options);
    for (const CommandSpec& command : allCommands()) {
        QStringList names;
        for (const OptionSpec& option : allOptions()) {
            if (accepts(command, option) && option.name != QLatin1String("engine-only")) {
                names.append(QStringLiteral("--") + option.name);
            }
        }
        cases << "        " << (command.name.isEmpty() ? QStringLiteral("''") : command.name)
              << ") options=\"" << names.join(QLatin1Char(' ')) << "\" ;;\n";
    }
    QStringList withFile;
    QStringList withDirectory;
    QStringList withValue;
    for (const OptionSpec& option : allOptions()) {
        const QString flag = QStringLiteral("--") + option.name;
        if (option.valueName == QLatin1String("FILE")) {
            withFile.append(flag);
        } else if (option.valueName == QLatin1String("DIR")) {
            withDirectory.append(flag);
        } else if (!option.valueName.isEmpty()) {
            withValue.append(flag);
        }
    }
    QStringList words;
    for (const CommandSpec& command : allCommands()) {
        if (!command.name.isEmpty() && !command.name.startsWith(QLatin1Char('-'))) {
            words.append(command.name);
        }
    }
    QString script;
    QTextStream out(&script);
    out << "# bash completion for pixelnest, made by `pixelnest completion bash` from the "
           "binary's own\n# command table (so it never drifts from --help).\n"
        << "_pixelnest()\n{\n"
        << "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        << "    local commands=\"" << words.join(QLatin1Char(' ')) << "\"\n"
        << "    local command='' word i\n"
        << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        << "        word=${COMP_WORDS[i]}\n"
        << "        case \" $commands --engine-only \" in *\" $word \"*) command=$word; break ;; "
           "esac\n"
        << "    done\n"
        << "    case $prev in\n"
        << "        --status) COMPREPLY=($(compgen -W \"" << kStatuses
        << "\" -- \"$cur\")); "
           "return ;;\n"
        << "        --pipeline) COMPREPLY=($(compgen -W \"" << kPipelines
        << "\" -- \"$cur\")); return ;;\n"
        << "        --device) COMPREPLY=($(compgen -W \"" << kDevices
        << "\" -- \"$cur\")); "
           "return ;;\n"
        << "        " << withFile.join(QLatin1Char('|'))
        << ") COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
        << "        " << withDirectory.join(QLatin1Char('|'))
        << ") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
        << "        " << withValue.join(QLatin1Char('|')) << ") COMPREPLY=(); return ;;\n"
        << "    esac\n"
        << "    local options\n"
        << "    case $command in\n"
        << options << "    esac\n"
        << "    if [[ $cur == -* ]]; then\n"
        << "        [[ -z $command ]] && options=\"$options --engine-only\"\n"
        << "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
        << "        return\n"
        << "    fi\n"
        << "    case $command in\n"
        << "        '') COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\") $(compgen -f -- "
           "\"$cur\")) ;;\n"
        << "        local) COMPREPLY=($(compgen -W \"up down status env\" -- \"$cur\")) ;;\n"
        << "        roles) COMPREPLY=($(compgen -W \"init grant viewer operator admin engine\" "
           "-- \"$cur\")) ;;\n"
        << "        help) COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\")) ;;\n"
        << "        completion) COMPREPLY=($(compgen -W \"bash\" -- \"$cur\")) ;;\n"
        << "        submit) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
        << "        *) COMPREPLY=() ;;\n"
        << "    esac\n"
        << "}\n"
        << "complete -o filenames -F _pixelnest pixelnest\n";
    return script;
}

} // namespace pixelnest::cli
