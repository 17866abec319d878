// English and Korean: the Korean translation loads and is complete, the console's strings
// come out in Korean (plurals and status names included), and the language can be chosen.
#include "core/statusstyle.h"
#include "core/translations.h"
#include "dialogs/settingsdialog.h"
#include "uitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace pixelnest;
using namespace pixelnest::ui;

namespace
{

struct TsCounts
{
    int messages = 0;
    int unfinished = 0;
    QStringList missing;
};

// Counts the messages of a .ts file and those without a finished translation.
TsCounts readTs(const QString& path)
{
    TsCounts counts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qFatal("cannot read %s", qPrintable(path));
    }
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement()) {
            continue;
        }
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++counts.messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type == QLatin1String("unfinished") || type == QLatin1String("vanished") ||
                text.trimmed().isEmpty()) {
                ++counts.unfinished;
                counts.missing.append(source);
            }
        }
    }
    return counts;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::isolateSettings(); }

    void koreanIsComplete()
    {
        const QString dir =
            qEnvironmentVariable("PIXELNEST_SOURCE_DIR") + QStringLiteral("/translations/");
        for (const QString& language : {QStringLiteral("ko"), QStringLiteral("en")}) {
            const TsCounts counts = readTs(dir + QStringLiteral("pixelnest_%1.ts").arg(language));
            qInfo() << language << counts.messages << "messages," << counts.unfinished
                    << "unfinished";
            QVERIFY(counts.messages > 150);
            if (language == QLatin1String("ko")) {
                QVERIFY2(counts.unfinished == 0, qPrintable(counts.missing.join(QLatin1Char('|'))));
            }
        }
    }

    // The committed .ts files hold every string the sources have: lupdate over ui/ and src/
    // into a copy finds nothing new to translate (a string added without running
    // `cmake --build build --target update_translations` and translating it fails here).
    void translationsCoverEverySourceString()
    {
        const QString source = qEnvironmentVariable("PIXELNEST_SOURCE_DIR");
        const QString lupdate = QStringLiteral("/usr/lib/qt6/bin/lupdate");
        QVERIFY2(QFile::exists(lupdate), "lupdate (qt6-l10n-tools) is missing");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("pixelnest_ko.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/pixelnest_ko.ts"), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess update;
        update.setWorkingDirectory(source);
        update.start(lupdate, {QStringLiteral("ui"), QStringLiteral("src"), QStringLiteral("-ts"),
                               copy, QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                               QStringLiteral("none")});
        QVERIFY(update.waitForFinished(60'000));
        QCOMPARE(update.exitCode(), 0);
        const TsCounts counts = readTs(copy);
        QVERIFY2(counts.unfinished == 0, qPrintable(QStringLiteral("not translated yet: ") +
                                                    counts.missing.join(QLatin1Char('|'))));
    }

    void koreanLoads()
    {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("ko")), QStringLiteral("ko"));
        QCOMPARE(statusLabel(JobStatus::Failed), QStringLiteral("실패"));
        QCOMPARE(statusLabel(JobStatus::Queued), QStringLiteral("대기 중"));
        QCOMPARE(QCoreApplication::translate("pixelnest::ui::MainWindow", "&Dashboard"),
                 QStringLiteral("대시보드(&D)"));
        QCOMPARE(QCoreApplication::translate("ActionMessages",
                                             "%n image(s) queued for reprocessing", "", 12),
                 QStringLiteral("이미지 12개를 다시 처리하도록 대기열에 넣었습니다"));
        // Qt's own strings (standard buttons) follow.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("취소"));
    }

    void englishPlurals()
    {
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("ActionMessages",
                                             "%n image(s) queued for reprocessing", "", 1),
                 QStringLiteral("1 image queued for reprocessing"));
        QCOMPARE(QCoreApplication::translate("ActionMessages",
                                             "%n image(s) queued for reprocessing", "", 12),
                 QStringLiteral("12 images queued for reprocessing"));
    }

    void languageIsChosenInSettings()
    {
        QCOMPARE(savedLanguage(), QString()); // follows the system by default
        SettingsDialog dialog;
        auto* combo = dialog.findChild<QComboBox*>();
        combo->setCurrentIndex(combo->findData(QStringLiteral("ko")));
        dialog.accept();
        QCOMPARE(savedLanguage(), QStringLiteral("ko"));
        QCOMPARE(installTranslations(*qApp, savedLanguage()), QStringLiteral("ko"));
        QCOMPARE(statusLabel(JobStatus::Completed), QStringLiteral("완료"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
