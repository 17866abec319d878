#pragma once

#include <QLoggingCategory>

// One category per part, so `QT_LOGGING_RULES="pixelnest.queue.debug=true"` works as Qt users
// expect.
Q_DECLARE_LOGGING_CATEGORY(lcStack)
Q_DECLARE_LOGGING_CATEGORY(lcQueue)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcRuntime)
Q_DECLARE_LOGGING_CATEGORY(lcInfer)
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
