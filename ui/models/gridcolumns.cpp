// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/models/gridcolumns.h"

#include <QCoreApplication>

namespace evident::ui {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("StudyGrid", text);
}

GridColumn dataColumn(RowField field, const QString& title) {
    GridColumn column;
    column.kind = CellAddress::Kind::RowText;
    column.field = field;
    column.title = title;
    column.toolTip = tr(rowFieldTitle(field));
    column.key = QString::fromLatin1(rowFieldKey(field));
    return column;
}

} // namespace

std::vector<GridColumn> gridColumns(const Project& project, const Outcome& outcome) {
    std::vector<GridColumn> columns;
    GridColumn include;
    include.kind = CellAddress::Kind::Included;
    include.title = tr("Use");
    include.toolTip =
        tr("Included in the analysis. Unticked rows stay in the table, greyed, and out of the analysis.");
    include.key = QStringLiteral("included");
    columns.push_back(include);

    GridColumn study;
    study.kind = CellAddress::Kind::StudyLabel;
    study.title = tr("Study");
    study.toolTip = tr("Study label, shared by every outcome");
    study.key = QStringLiteral("study");
    columns.push_back(study);

    if (outcome.layout == DataLayout::TwoGroupContinuous) {
        columns.push_back(dataColumn(RowField::MeanTreated, tr("Mean T")));
        columns.push_back(dataColumn(RowField::SdTreated, tr("SD T")));
        columns.push_back(dataColumn(RowField::NTreated, tr("n T")));
        columns.push_back(dataColumn(RowField::MeanControl, tr("Mean C")));
        columns.push_back(dataColumn(RowField::SdControl, tr("SD C")));
        columns.push_back(dataColumn(RowField::NControl, tr("n C")));
    } else {
        columns.push_back(dataColumn(RowField::Yi, tr("yi")));
        columns.push_back(dataColumn(RowField::Vi, tr("vi")));
        columns.push_back(dataColumn(RowField::Sei, tr("sei")));
    }

    for (std::size_t c = 0; c < project.covariateNames.size(); ++c) {
        GridColumn covariate;
        covariate.kind = CellAddress::Kind::Covariate;
        covariate.covariate = static_cast<int>(c);
        covariate.title = QString::fromStdString(project.covariateNames[c]);
        covariate.toolTip = tr("Study characteristic '%1', shared by every outcome").arg(covariate.title);
        covariate.key = covariate.title;
        columns.push_back(covariate);
    }
    return columns;
}

} // namespace evident::ui
