// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the .evident reader. Whatever it accepts must survive a round trip: writing the project,
// reading that back and writing again gives the same project and the same bytes, without warnings.
#include "io/projectfile.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace evident;

namespace {

[[noreturn]] void fail(const char* what, const QByteArray& written, const QString& detail) {
    std::fprintf(stderr, "fuzz_projectfile: %s: %s\n--- written ---\n%s\n", what, qPrintable(detail),
                 written.constData());
    std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const io::ProjectReadResult first = io::projectFromJson(bytes);
    if (!first.project)
        return 0;
    const QByteArray written = io::projectToJson(*first.project);
    const io::ProjectReadResult second = io::projectFromJson(written);
    if (!second.project)
        fail("a written project cannot be read back", written, second.error);
    if (!second.warnings.isEmpty())
        fail("a written project reads back with warnings", written, second.warnings.join(u'\n'));
    if (!(*second.project == *first.project))
        fail("the project read back differs from the one written", written, QString());
    const QByteArray again = io::projectToJson(*second.project);
    if (again != written)
        fail("writing the project read back gives other bytes", written, QString::fromUtf8(again));
    return 0;
}
