// The command line as one surface, from the binary: every command has its own help (`pixelnest
// help X` = `pixelnest X --help`), an option a command does not take is a usage error (exit 2)
// instead of being ignored, the commands that change things say with --json what they changed,
// `pixelnest FILE...` means the console with those files, and the bash completion the package
// installs completes commands, each command's own options and their values.
#include "cli/commandline.h"
#include "cli/commandspec.h"
#include "cliprocess.h"
#include "testimages.h"
#include "teststack.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace pixelnest;
using test::CliRun;
using test::runPixelnest;

namespace
{

QProcessEnvironment scratchEnvironment()
{
    return test::scratchEnvironment(QStringLiteral("cc"));
}

QJsonObject jsonObject(const CliRun& run)
{
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

QList<qint64> ids(const QJsonValue& array)
{
    QList<qint64> out;
    for (const QJsonValue& id : array.toArray()) {
        out.append(id.toInteger());
    }
    return out;
}

} // namespace

class TestCliConsistency final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // What bash completes for `line` (the word under the cursor is the last one, maybe empty).
    QStringList complete(const QStringList& line)
    {
        const QString script = m_dir.filePath(QStringLiteral("pixelnest.bash"));
        if (!QFile::exists(script)) {
            const CliRun run = runPixelnest({QStringLiteral("completion"), QStringLiteral("bash")});
            QFile file(script);
            if (run.exitCode != 0 || !file.open(QIODevice::WriteOnly)) {
                return {QStringLiteral("<no script>")};
            }
            file.write(run.out.toUtf8());
        }
        QStringList quoted;
        for (const QString& word : line) {
            quoted.append(QLatin1Char('\'') + word + QLatin1Char('\''));
        }
        QProcess bash;
        bash.setWorkingDirectory(m_dir.path());
        bash.start(QStringLiteral("bash"),
                   {QStringLiteral("-c"),
                    QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=%3; _pixelnest; "
                                   "printf '%s\\n' \"${COMPREPLY[@]}\"")
                        .arg(script, quoted.join(QLatin1Char(' ')))
                        .arg(line.size() - 1)});
        bash.waitForFinished();
        return QString::fromUtf8(bash.readAllStandardOutput())
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

private Q_SLOTS:
    void everyCommandHasItsOwnHelp()
    {
        for (const QString& command : cli::knownCommands()) {
            const CliRun help = runPixelnest({QStringLiteral("help"), command});
            QCOMPARE(help.exitCode, 0);
            QVERIFY2(help.out.startsWith(QStringLiteral("Usage:\n  pixelnest ") + command),
                     qPrintable(help.out));
            if (command != QLatin1String("help")) {
                const CliRun same = runPixelnest({command, QStringLiteral("--help")});
                QCOMPARE(same.out, help.out);
            }
            for (const QString& line : help.out.split(QLatin1Char('\n'))) {
                QVERIFY2(line.size() <= 80, qPrintable(line)); // a terminal's width
            }
        }
        const CliRun submit = runPixelnest({QStringLiteral("help"), QStringLiteral("submit")});
        QVERIFY(submit.out.contains(QStringLiteral("--priority N")));
        QVERIFY(submit.out.contains(QStringLiteral("--max-upload-mb N")));
        QVERIFY(!submit.out.contains(QStringLiteral("--watch")));
        const CliRun engine =
            runPixelnest({QStringLiteral("--engine-only"), QStringLiteral("--help")});
        QVERIFY(engine.out.startsWith(QStringLiteral("Usage:\n  pixelnest --engine-only")));
        QVERIFY(engine.out.contains(QStringLiteral("--metrics-listen HOST:PORT")));
        const CliRun unknown = runPixelnest({QStringLiteral("help"), QStringLiteral("frob")});
        QCOMPARE(unknown.exitCode, 2);
    }

    void optionsBelongToTheirCommand()
    {
        const QProcessEnvironment environment = scratchEnvironment();
        const QList<QPair<QStringList, QString>> misplaced{
            {{QStringLiteral("jobs"), QStringLiteral("--title"), QStringLiteral("x")},
             QStringLiteral("--title is not an option of pixelnest jobs")},
            {{QStringLiteral("stats"), QStringLiteral("--dry-run")},
             QStringLiteral("--dry-run is not an option of pixelnest stats")},
            {{QStringLiteral("local"), QStringLiteral("status"), QStringLiteral("--postgres"),
              QStringLiteral("host=x")},
             QStringLiteral("--postgres is not an option of pixelnest local")},
            {{QStringLiteral("cancel"), QStringLiteral("1"), QStringLiteral("--workers"),
              QStringLiteral("4")},
             QStringLiteral("--workers is not an option of pixelnest cancel")},
            {{QStringLiteral("--engine-only"), QStringLiteral("--title"), QStringLiteral("x")},
             QStringLiteral("--title is not an option of pixelnest --engine-only")},
            {{QStringLiteral("--status"), QStringLiteral("failed")},
             QStringLiteral("--status is not an option of the console")},
        };
        for (const auto& [arguments, message] : misplaced) {
            const CliRun run = runPixelnest(arguments, environment);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(message), qPrintable(run.err));
            QVERIFY(run.out.isEmpty());
        }
        // What belongs still works.
        const CliRun jobs = runPixelnest({QStringLiteral("jobs"), QStringLiteral("--status"),
                                          QStringLiteral("queued"), QStringLiteral("--limit"),
                                          QStringLiteral("3"), QStringLiteral("--json")},
                                         environment);
        QVERIFY2(jobs.exitCode == 0, qPrintable(jobs.err));
    }

    void changesArePrintedAsJson()
    {
        const QProcessEnvironment environment = scratchEnvironment();
        const QString image =
            test::writeFile(m_dir.path(), QStringLiteral("a.png"), test::encodedImage(8, 8));
        const CliRun submitted =
            runPixelnest({QStringLiteral("submit"), QStringLiteral("--json"), image}, environment);
        const qint64 id = QJsonDocument::fromJson(submitted.out.toUtf8())
                              .array()[0][QStringLiteral("id")]
                              .toInteger();
        QVERIFY(id > 0);

        CliRun run =
            runPixelnest({QStringLiteral("priority"), QStringLiteral("7"), QString::number(id),
                          QStringLiteral("999999"), QStringLiteral("--json")},
                         environment);
        QCOMPARE(run.exitCode, 4); // one id missing: partial
        // DESIGN.md: {"changed": [ids], "skipped": [{"id", "reason"}]}.
        QJsonObject changed = jsonObject(run);
        QCOMPARE(changed.keys(),
                 (QStringList{QStringLiteral("changed"), QStringLiteral("skipped")}));
        QCOMPARE(ids(changed[QStringLiteral("changed")]), QList<qint64>{id});
        QJsonObject skipped = changed[QStringLiteral("skipped")].toArray().first().toObject();
        QCOMPARE(skipped[QStringLiteral("id")].toInteger(), 999999);
        QCOMPARE(skipped[QStringLiteral("reason")].toString(), QStringLiteral("no such image"));
        QVERIFY(run.err.contains(QStringLiteral("no image with id 999999")));

        run = runPixelnest(
            {QStringLiteral("reprocess"), QString::number(id), QStringLiteral("--json")},
            environment);
        QCOMPARE(run.exitCode, 4);
        skipped = jsonObject(run)[QStringLiteral("skipped")].toArray().first().toObject();
        QCOMPARE(skipped[QStringLiteral("id")].toInteger(), id);
        QVERIFY(skipped[QStringLiteral("reason")].toString().contains(
            QStringLiteral("still queued or processing")));

        run = runPixelnest(
            {QStringLiteral("cancel"), QString::number(id), QStringLiteral("--json")}, environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(ids(jsonObject(run)[QStringLiteral("changed")]), QList<qint64>{id});

        // A bulk command over a filter: {"matched", "changed"}.
        run = runPixelnest(
            {QStringLiteral("reprocess"), QStringLiteral("--failed"), QStringLiteral("--json")},
            environment);
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(jsonObject(run)[QStringLiteral("matched")].toInt(), 0);
        QCOMPARE(jsonObject(run)[QStringLiteral("changed")].toInt(), 0);

        run = runPixelnest({QStringLiteral("migrate"), QStringLiteral("--json")}, environment);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(jsonObject(run)[QStringLiteral("changed")].toArray().isEmpty()); // up to date
        QVERIFY(jsonObject(run)[QStringLiteral("schema_version")].toInt() >= 5);
        run = runPixelnest(
            {QStringLiteral("migrate"), QStringLiteral("--dry-run"), QStringLiteral("--json")},
            environment);
        QCOMPARE(jsonObject(run)[QStringLiteral("pending")].toInt(), 0);

        run = runPixelnest({QStringLiteral("local"), QStringLiteral("status"),
                            QStringLiteral("--dir"), test::stackDir(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject stack = jsonObject(run);
        QVERIFY(stack[QStringLiteral("postgres")][QStringLiteral("running")].toBool());
        QVERIFY(stack[QStringLiteral("redis")][QStringLiteral("running")].toBool());
        QCOMPARE(stack[QStringLiteral("redis")][QStringLiteral("url")].toString(),
                 test::redisUrl());
    }

    // The desktop entry runs `pixelnest %F`: existing files mean the console with them.
    void filesMeanTheConsoleWithThem()
    {
        const QString a = test::writeFile(m_dir.path(), QStringLiteral("a.jpg"),
                                          test::encodedImage(8, 8, "JPEG"));
        cli::CommandLine line =
            cli::parseCommandLine({QStringLiteral("pixelnest"), a, m_dir.path()});
        QCOMPARE(line.mode, cli::Mode::Gui);
        QCOMPARE(line.files, (QStringList{a, m_dir.path()}));
        line = cli::parseCommandLine({QStringLiteral("pixelnest"), a, QStringLiteral("/nope.jpg")});
        QCOMPARE(line.mode, cli::Mode::UsageError);
        QVERIFY2(line.error.contains(QStringLiteral("no such file or folder: /nope.jpg")),
                 qPrintable(line.error));
        line = cli::parseCommandLine({QStringLiteral("pixelnest"), QStringLiteral("frobnicate")});
        QCOMPARE(line.mode, cli::Mode::UsageError);
        QVERIFY(line.error.contains(QStringLiteral("unknown command 'frobnicate'")));
    }

    void bashCompletesCommandsOptionsAndValues()
    {
        QVERIFY(complete({QStringLiteral("pixelnest"), QStringLiteral("sub")})
                    .contains(QStringLiteral("submit")));
        QCOMPARE(complete({QStringLiteral("pixelnest"), QStringLiteral("submit"),
                           QStringLiteral("--pri")}),
                 QStringList{QStringLiteral("--priority")});
        // Scoped: `jobs` has no --title to offer.
        QVERIFY(
            complete({QStringLiteral("pixelnest"), QStringLiteral("jobs"), QStringLiteral("--tit")})
                .isEmpty());
        QCOMPARE(complete({QStringLiteral("pixelnest"), QStringLiteral("jobs"),
                           QStringLiteral("--status"), QStringLiteral("f")}),
                 QStringList{QStringLiteral("failed")});
        QCOMPARE(complete({QStringLiteral("pixelnest"), QStringLiteral("local"), QString()}),
                 (QStringList{QStringLiteral("up"), QStringLiteral("down"),
                              QStringLiteral("status"), QStringLiteral("env")}));
        QVERIFY(complete({QStringLiteral("pixelnest"), QStringLiteral("--engine-only"),
                          QStringLiteral("--dev")})
                    .contains(QStringLiteral("--device")));
        // Every option --help lists is offered by some command.
        QStringList offered;
        for (const cli::CommandSpec& command : cli::allCommands()) {
            const QStringList words = command.name.isEmpty()
                                          ? QStringList{QStringLiteral("pixelnest")}
                                          : QStringList{QStringLiteral("pixelnest"), command.name};
            offered += complete(words + QStringList{QStringLiteral("--")});
        }
        for (const cli::OptionSpec& option : cli::allOptions()) {
            if (option.group != cli::OptionGroup::General) {
                QVERIFY2(offered.contains(QStringLiteral("--") + option.name),
                         qPrintable(option.name));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliConsistency)
#include "tst_cliconsistency.moc"
