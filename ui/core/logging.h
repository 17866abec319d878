#pragma once

#include <QLoggingCategory>

// `pixelnest.ui`, so that QT_LOGGING_RULES="pixelnest.ui.debug=true" works as Qt users expect.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
