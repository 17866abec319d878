#pragma once

#include "cli/commandline.h"

// Runs the admin console: QApplication, the translation, the console session (servers, local
// stack, embedded engine, all started off the GUI thread) and the main window.
int runGui(int argc, char** argv, const pixelnest::cli::CommandLine& line);
