#include "pixelnest/logging.h"

Q_LOGGING_CATEGORY(lcStack, "pixelnest.stack", QtInfoMsg)
Q_LOGGING_CATEGORY(lcQueue, "pixelnest.queue", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "pixelnest.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRuntime, "pixelnest.runtime", QtInfoMsg)
Q_LOGGING_CATEGORY(lcInfer, "pixelnest.infer", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConfig, "pixelnest.config", QtInfoMsg)
