#include "controllers/actionmessages.h"

#include <QCoreApplication>
#include <QDir>

namespace pixelnest::ui
{

namespace
{

// "; 2 not found" when ids vanished meanwhile.
QString missingSuffix(const BulkOutcome& outcome)
{
    if (outcome.missing.isEmpty()) {
        return {};
    }
    return QCoreApplication::translate("ActionMessages", "; %n not found", "",
                                       int(outcome.missing.size()));
}

} // namespace

QString priorityMessage(const BulkOutcome& outcome, int priority)
{
    return QCoreApplication::translate("ActionMessages", "Priority of %n image(s) set to %1", "",
                                       int(outcome.changed.size()))
               .arg(priority) +
           missingSuffix(outcome);
}

QString reprocessMessage(const BulkOutcome& outcome)
{
    QString text = QCoreApplication::translate(
        "ActionMessages", "%n image(s) queued for reprocessing", "", int(outcome.changed.size()));
    if (!outcome.unchanged.isEmpty()) {
        text += QCoreApplication::translate("ActionMessages",
                                            "; %n still queued or processing, left alone", "",
                                            int(outcome.unchanged.size()));
    }
    return text + missingSuffix(outcome);
}

QString reprocessFailedMessage(const BulkOutcome& outcome)
{
    if (outcome.changed.isEmpty()) {
        return QCoreApplication::translate("ActionMessages", "No failed images to reprocess");
    }
    return QCoreApplication::translate("ActionMessages",
                                       "%n failed image(s) queued for reprocessing", "",
                                       int(outcome.changed.size()));
}

QString cancelMessage(const BulkOutcome& outcome)
{
    QString text = QCoreApplication::translate("ActionMessages", "%n image(s) cancelled", "",
                                               int(outcome.changed.size()));
    if (!outcome.unchanged.isEmpty()) {
        text += QCoreApplication::translate("ActionMessages", "; %n already finished, left alone",
                                            "", int(outcome.unchanged.size()));
    }
    return text + missingSuffix(outcome);
}

QString retryNowMessage(const BulkOutcome& outcome)
{
    QString text = QCoreApplication::translate("ActionMessages", "%n image(s) will be retried now",
                                               "", int(outcome.changed.size()));
    if (!outcome.unchanged.isEmpty()) {
        text += QCoreApplication::translate("ActionMessages",
                                            "; %n not waiting for a retry, left alone", "",
                                            int(outcome.unchanged.size()));
    }
    return text + missingSuffix(outcome);
}

QString deleteMessage(const BulkOutcome& outcome)
{
    return QCoreApplication::translate("ActionMessages", "%n image(s) deleted", "",
                                       int(outcome.changed.size())) +
           missingSuffix(outcome);
}

QString exportMessage(int count, const QString& path)
{
    return QCoreApplication::translate("ActionMessages", "Exported %n image(s) to %1", "", count)
        .arg(QDir::toNativeSeparators(path));
}

} // namespace pixelnest::ui
