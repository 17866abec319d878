// Each action on the selection changes the database as the admin expects, and says so in the
// status bar: set priority, reprocess, reprocess all failed, cancel, export CSV/JSON, copy id;
// and they are disabled while the console is read-only.
#include "controllers/actionmessages.h"
#include "controllers/exporter.h"
#include "controllers/jobactions.h"
#include "core/translations.h"
#include "dialogs/prioritydialog.h"
#include "enginefixture.h"
#include "uitestsupport.h"

#include <QAction>
#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace pixelnest;
using namespace pixelnest::ui;
using test::EngineFixture;

namespace
{

template <typename T> T waitResult(QFuture<Result<T>> future)
{
    EngineFixture::waitFor([&future] { return future.isFinished(); }, 20'000);
    const Result<T> result = future.result();
    if (!result) {
        qFatal("action failed: %s", qPrintable(result.error().message));
    }
    return result.value();
}

QString idList(const QList<qint64>& ids)
{
    QStringList words;
    for (qint64 id : ids) {
        words.append(QString::number(id));
    }
    return words.join(QLatin1Char(','));
}

} // namespace

class TestActions final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<EngineFixture> m_fixture;
    std::unique_ptr<AdminService> m_service;
    std::unique_ptr<JobActions> m_actions;
    QList<qint64> m_ids; // 0,1: queued; 2,3: completed; 4,5: failed
    QStringList m_messages;

    void setStatus(const QList<qint64>& ids, const char* status)
    {
        test::execSql(m_fixture->connections().postgres,
                      QByteArray("UPDATE images SET status = '") + status +
                          "', finished_at = now(), error = CASE WHEN '" + status +
                          "' = 'failed' THEN 'broken' END WHERE id = ANY($1::bigint[])",
                      {("{" + idList(ids) + "}").toUtf8()});
    }

    qint64 count(const QString& condition) { return m_fixture->countWhere(condition); }

private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        QCOMPARE(installTranslations(*qApp, QStringLiteral("en")), QStringLiteral("en"));
    }

    void init()
    {
        m_fixture = std::make_unique<EngineFixture>();
        m_service = test::serviceFor(m_fixture->connections(), m_fixture->ns());
        m_actions = std::make_unique<JobActions>(m_service.get(), nullptr);
        m_messages.clear();
        connect(m_actions.get(), &JobActions::message, this,
                [this](const QString& text) { m_messages.append(text); });
        m_ids = m_fixture->submit(6, 0, QStringLiteral("noop"));
        setStatus(m_ids.mid(2, 2), "completed");
        setStatus(m_ids.mid(4, 2), "failed");
    }

    void cleanup()
    {
        m_actions.reset();
        m_service.reset();
        m_fixture.reset();
    }

    void setPriority()
    {
        const BulkOutcome outcome = waitResult(m_actions->setPriority(m_ids.mid(0, 3), 750));
        QCOMPARE(outcome.changed.size(), 3);
        QCOMPARE(count(QStringLiteral("priority = 750")), 3);
        QCOMPARE(
            count(QStringLiteral("priority = 750 AND id IN (%1)").arg(idList(m_ids.mid(0, 3)))), 3);
        QTRY_COMPARE(m_messages.value(0), QStringLiteral("Priority of 3 images set to 750"));
        // Out of range never reaches the database (nor is it clamped).
        QFuture<Result<BulkOutcome>> rejected = m_actions->setPriority({m_ids.first()}, 5000);
        QVERIFY(EngineFixture::waitFor([&rejected] { return rejected.isFinished(); }, 20'000));
        QVERIFY(!rejected.result());
        QVERIFY(rejected.result().error().message.contains(QStringLiteral("out of range")));
        QCOMPARE(count(QStringLiteral("priority = 1000")), 0);
    }

    void reprocessLeavesRunningJobsAlone()
    {
        const BulkOutcome outcome = waitResult(m_actions->reprocess(m_ids.mid(0, 4)));
        QCOMPARE(outcome.changed, m_ids.mid(2, 2));
        QCOMPARE(outcome.unchanged, m_ids.mid(0, 2));
        QCOMPARE(count(QStringLiteral("status = 'queued'")), 4);
        QCOMPARE(count(QStringLiteral("status = 'failed'")), 2);
        QTRY_COMPARE(m_messages.value(0),
                     QStringLiteral("2 images queued for reprocessing; 2 still queued or "
                                    "processing, left alone"));
    }

    void reprocessAllFailed()
    {
        const BulkOutcome outcome = waitResult(m_actions->reprocessFailed());
        QCOMPARE(outcome.changed, m_ids.mid(4, 2));
        QCOMPARE(count(QStringLiteral("status = 'failed'")), 0);
        QCOMPARE(count(QStringLiteral("status = 'queued' AND error IS NULL")), 4);
        QTRY_COMPARE(m_messages.value(0),
                     QStringLiteral("2 failed images queued for reprocessing"));
    }

    void cancel()
    {
        const BulkOutcome outcome = waitResult(m_actions->cancel({m_ids[0], m_ids[2]}));
        QCOMPARE(outcome.changed, QList<qint64>{m_ids[0]});
        QCOMPARE(count(QStringLiteral("status = 'cancelled'")), 1);
        QCOMPARE(count(QStringLiteral("status = 'cancelled' AND id = %1").arg(m_ids[0])), 1);
        QTRY_COMPARE(m_messages.value(0),
                     QStringLiteral("1 image cancelled; 1 already finished, left alone"));
    }

    void exportCsvAndJson()
    {
        test::execSql(m_fixture->connections().postgres,
                      "UPDATE images SET title = '=HYPERLINK(\"x\")', result = "
                      "'{\"faces\": [{\"score\": 0.9, \"box\": {\"x\": 1, \"y\": 2, \"width\": 3, "
                      "\"height\": 4}}], \"moderation\": {\"label\": \"Neutral\"}}' WHERE id = $1",
                      {QByteArray::number(m_ids[2])});
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(waitResult(m_actions->exportTo(csvPath, ExportFormat::Csv, m_ids.mid(1, 3))), 3);
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QCOMPARE(lines.size(), 5); // header, 3 rows, final newline
        QVERIFY(lines[0].startsWith("id,title,status,priority"));
        QVERIFY(lines[2].startsWith(QByteArray::number(m_ids[2]) + ",\"'=HYPERLINK(\"\"x\"\")\""));
        QVERIFY(lines[2].contains(",1,Neutral,"));
        QTRY_VERIFY(m_messages.value(0).startsWith(QStringLiteral("Exported 3 images to ")));

        // JSON: nothing selected exports every row of the current filter.
        m_actions->setFilterProvider([] {
            JobQuery query;
            query.status = JobStatus::Queued;
            return query;
        });
        const QString jsonPath = dir.filePath(QStringLiteral("out.json"));
        QCOMPARE(waitResult(m_actions->exportTo(jsonPath, ExportFormat::Json, {})), 2);
        QFile json(jsonPath);
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray array = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(array.size(), 2);
        QCOMPARE(array[0].toObject().value(QStringLiteral("id")).toInteger(), m_ids[1]);
        QCOMPARE(array[0].toObject().value(QStringLiteral("status")).toString(),
                 QStringLiteral("queued"));
    }

    void copyIdAndEnabledStates()
    {
        QList<qint64> selection;
        m_actions->setSelectionProvider([&selection] { return selection; });
        QVERIFY(!m_actions->reprocessAction()->isEnabled());
        QVERIFY(m_actions->reprocessFailedAction()->isEnabled());
        selection = m_ids.mid(0, 2);
        m_actions->selectionChanged();
        QVERIFY(m_actions->reprocessAction()->isEnabled());
        m_actions->copyIdAction()->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("%1 %2").arg(m_ids[0]).arg(m_ids[1]));
        QCOMPARE(m_messages.value(0), QStringLiteral("Copied 2 ids"));
        m_actions->setWritable(false); // read-only: nothing that writes
        for (QAction* write : {m_actions->setPriorityAction(), m_actions->reprocessAction(),
                               m_actions->cancelAction(), m_actions->reprocessFailedAction()}) {
            QVERIFY(!write->isEnabled());
        }
        QVERIFY(m_actions->copyIdAction()->isEnabled());
        QVERIFY(m_actions->exportCsvAction()->isEnabled());
        // The Cancel action through its shortcut path, as a user triggers it.
        m_actions->setWritable(true);
        m_actions->cancelAction()->trigger();
        QTRY_COMPARE(count(QStringLiteral("status = 'cancelled'")), 2);
    }

    void priorityDialogPresets()
    {
        PriorityDialog dialog(3);
        auto* number = dialog.findChild<QSpinBox*>();
        QCOMPARE(number->minimum(), -1000);
        QCOMPARE(number->maximum(), 1000);
        const QList<QRadioButton*> presets = dialog.findChildren<QRadioButton*>();
        QCOMPARE(presets.size(), 5);
        presets[1]->click(); // High
        QCOMPARE(dialog.priority(), 500);
        number->setValue(123);
        for (QRadioButton* preset : presets) {
            QVERIFY(!preset->isChecked()); // between presets: none
        }
        number->setValue(-1000);
        QVERIFY(presets[4]->isChecked());
    }

    void csvFields()
    {
        QCOMPARE(csvField(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(csvField(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(csvField(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(csvField(QStringLiteral("@cmd")), QByteArray("'@cmd"));
        QCOMPARE(csvField(QStringLiteral("-2"), false), QByteArray("-2"));
    }

    void cleanupTestCase() { waitForAdminThreads(10'000); }
};

QTEST_MAIN(TestActions)
#include "tst_actions.moc"
