#pragma once

#include "cli/commandline.h"

// Runs the admin console: QApplication, the local stack when nothing else is configured, the
// main window.
int runGui(int argc, char** argv, const pixelnest::cli::CommandLine& line);
