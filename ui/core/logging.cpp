#include "core/logging.h"

Q_LOGGING_CATEGORY(lcUi, "pixelnest.ui", QtInfoMsg)
