// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/commands/armcommands.h"

#include "core/common/text.h"
#include "core/schema/outcomekind.h"
#include "ui/commands/rowcommands.h"
#include "ui/commands/setcell.h"
#include "ui/document/document.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace evident::ui {

QUndoCommand* makeAddArmCommand(Document* document, int outcome, int row) {
    const Project& project = document->project();
    if (outcome < 0 || outcome >= static_cast<int>(project.outcomes.size()))
        return nullptr;
    const Outcome& data = project.outcomes[static_cast<std::size_t>(outcome)];
    if (!outcomeKindSpec(data.kind).twoArms || row < 0 || row >= static_cast<int>(data.rows.size()))
        return nullptr;
    const OutcomeRow& entry = data.rows[static_cast<std::size_t>(row)];
    const Study* study = project.study(entry.study);

    auto* command = new QUndoCommand(QCoreApplication::translate("Undo Commands", "Add arm to %1")
                                         .arg(study ? QString::fromStdString(study->label) : QString()));
    std::string group(trimmed(entry.text(EntryField::ControlGroup)));
    if (group.empty()) {
        group = "control";
        new SetCellCommand(document, {CellAddress::Kind::RowText, outcome, row, EntryField::ControlGroup},
                           group, command);
    }
    std::set<std::string> labels;
    int last = row;
    for (std::size_t r = 0; r < data.rows.size(); ++r)
        if (data.rows[r].study == entry.study) {
            labels.insert(std::string(trimmed(data.rows[r].text(EntryField::Arm))));
            last = std::max(last, static_cast<int>(r));
        }
    if (trimmed(entry.text(EntryField::Arm)).empty()) {
        labels.insert("Arm 1");
        new SetCellCommand(document, {CellAddress::Kind::RowText, outcome, row, EntryField::Arm},
                           std::string("Arm 1"), command);
    }
    int number = 2;
    while (labels.count("Arm " + std::to_string(number)))
        ++number;

    OutcomeRow arm;
    arm.study = entry.study;
    arm.text(EntryField::Arm) = "Arm " + std::to_string(number);
    arm.text(EntryField::ControlGroup) = group;
    arm.treatedDispersion = entry.treatedDispersion;
    arm.text(EntryField::ShamMean) = entry.text(EntryField::ShamMean); // the same sham group, as a rule
    new InsertRowsCommand(document, outcome, last + 1, {arm}, {}, command);
    return command;
}

} // namespace evident::ui
