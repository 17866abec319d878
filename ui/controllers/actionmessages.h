#pragma once

#include "pixelnest/adminclient.h"

namespace pixelnest::ui
{

// The status bar's confirmations: what an action did, with what it left alone and why.
QString priorityMessage(const BulkOutcome& outcome, int priority);
QString reprocessMessage(const BulkOutcome& outcome);
QString reprocessFailedMessage(const BulkOutcome& outcome);
QString cancelMessage(const BulkOutcome& outcome);
QString retryNowMessage(const BulkOutcome& outcome);
QString deleteMessage(const BulkOutcome& outcome);
QString exportMessage(int count, const QString& path);

} // namespace pixelnest::ui
