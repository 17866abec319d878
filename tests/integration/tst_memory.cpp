// Memory is bounded in bytes, not in counts: decompression bombs (a few KB that decode to
// hundreds of megapixels) fail alone with their reason, before anything is allocated, while the
// rest completes; the engine's peak RSS stays under 1.5 GB with the default settings.
#include "cliprocess.h"
#include "enginefixture.h"
#include "testimages.h"
#include "teststack.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pixelnest;
using test::EngineFixture;

namespace
{

qint64 peakRssBytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
        }
    }
    return -1;
}

} // namespace

class TestMemory final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bombsFailAloneAndTheEngineSurvives()
    {
        EngineFixture fixture;
        const QList<QPair<QString, QByteArray>> bombs{
            {QStringLiteral("bomb.png"), test::pngBomb(15000, 15000)},
            {QStringLiteral("bomb.bmp"), test::bmpRleBomb(15000, 15000)},
        };
        QList<ImageUpload> uploads;
        for (const auto& [title, bytes] : bombs) {
            QVERIFY2(bytes.size() < 512 * 1024, qPrintable(QString::number(bytes.size())));
            uploads.append({title, bytes, 0, QStringLiteral("metadata")});
        }
        for (int i = 0; i < 6; ++i) {
            uploads.append({QStringLiteral("photo%1.jpg").arg(i),
                            test::encodedImage(1600, 1200, "JPEG"), 0, QStringLiteral("metadata")});
        }
        const Result<SubmitReport> submitted = fixture.admin().submit(uploads);
        QVERIFY(submitted.ok());
        QCOMPARE(submitted->ids.size(), uploads.size()); // under the pixel limit: accepted

        QTemporaryDir noModels;
        QProcess engine;
        engine.setProcessEnvironment(
            test::environmentFor(fixture.connections().postgres, fixture.connections().redis));
        engine.setProcessChannelMode(QProcess::MergedChannels);
        engine.start(test::pixelnestBinary(),
                     {QStringLiteral("--engine-only"), QStringLiteral("--namespace"), fixture.ns(),
                      QStringLiteral("--models"), noModels.path(),
                      QStringLiteral("--exit-when-idle")});
        QVERIFY(engine.waitForStarted());
        qint64 peak = 0;
        while (!engine.waitForFinished(50)) {
            peak = qMax(peak, peakRssBytes(engine.processId()));
        }
        QCOMPARE(engine.exitCode(), 0); // survived
        qInfo() << "engine peak RSS" << peak / (1024 * 1024) << "MiB";
        QVERIFY2(peak < 1536LL * 1024 * 1024, qPrintable(QString::number(peak)));

        for (int i = 0; i < bombs.size(); ++i) {
            const JobRecord job = fixture.admin().job(submitted->ids[i])->job;
            QCOMPARE(job.status, JobStatus::Failed);
            QCOMPARE(job.attempts, 1);
            QVERIFY2(job.error.contains(QStringLiteral("memory budget")), qPrintable(job.error));
        }
        QCOMPARE(fixture.countWhere(QStringLiteral("status = 'completed'")), 6);
    }
};

QTEST_GUILESS_MAIN(TestMemory)
#include "tst_memory.moc"
