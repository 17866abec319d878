#pragma once

#include <QString>

namespace pixelnest
{
class Engine;
}

namespace pixelnest::ui
{

// What the console's in-process engine is doing, for the status bar: "Engine: loading models",
// "Engine: processing 12", "Engine: idle", "Engine: stopped"; empty without an engine (console
// only).
QString engineActivity(Engine* engine);

} // namespace pixelnest::ui
