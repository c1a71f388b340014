// SPDX-License-Identifier: GPL-3.0-or-later
// evident-cli: every analysis of Evident, headless.
#include "app/cli/cli.h"

int main(int argc, char* argv[]) {
    return evident::cli::run(argc, argv);
}
