// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes a CSV file from bytes to the prepared outcome: decoding (every encoding), parsing, column
// roles, the import and the per-cell checks. Any crash, hang or sanitizer report is a finding.
#include "core/project/preparation.h"
#include "io/csvimport.h"
#include "io/csvtable.h"

#include <cstddef>
#include <cstdint>

using namespace evident;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    // The last byte picks the encoding, so every decoder is reached from every input.
    const io::TextEncoding encoding =
        size == 0 ? io::TextEncoding::Automatic
                  : io::allTextEncodings[data[size - 1] % io::allTextEncodings.size()];
    const io::CsvParseResult parsed = io::parseCsvBytes(bytes, encoding);
    if (!parsed.error.isEmpty())
        return 0;
    const io::CsvImport import =
        io::importStudies(parsed.table, io::guessColumnRoles(parsed.table.header), QStringLiteral("fuzz"));
    if (!import.errors.isEmpty() || import.project.outcomes.empty())
        return 0;
    const PreparedOutcome prepared = prepareOutcome(import.project, import.project.outcomes.front());
    for (const InputIssue& issue : prepared.issues)
        (void)io::describeIssue(issue, import);
    return 0;
}
