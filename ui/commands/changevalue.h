// SPDX-License-Identifier: GPL-3.0-or-later
// The generic undoable change of one value of the project: settings, names, flags.
#pragma once

#include "ui/commands/commandids.h"
#include "ui/document/document.h"

#include <QString>
#include <QUndoCommand>

#include <functional>
#include <utility>

namespace evident::ui {

/// Swaps a value of the project with the one it holds; redo and undo are the same swap. The value
/// is found again on every swap through `locate`, because the vectors holding it may have moved;
/// indices stay valid since the undo stack replays edits in order.
template <typename T>
class ChangeValue : public QUndoCommand {
public:
    using Locator = std::function<T&(Project&)>;

    ChangeValue(Document* document, const QString& text, Locator locate, T value, DocumentChange change,
                QUndoCommand* parent = nullptr)
        : QUndoCommand(text, parent)
        , m_document(document)
        , m_locate(std::move(locate))
        , m_value(std::move(value))
        , m_change(change) {}

    /// Consecutive changes with the same key become one undo step (a spin box stepped five times,
    /// a text field typed into). A step that ends where it began is dropped from the stack.
    void setMergeKey(const QString& key) { m_mergeKey = key; }

    int id() const override {
        return static_cast<int>(m_mergeKey.isEmpty() ? CommandId::NoMerge : CommandId::ChangeValue);
    }

    bool mergeWith(const QUndoCommand* other) override {
        const auto* next = dynamic_cast<const ChangeValue<T>*>(other);
        if (!next || next->m_mergeKey != m_mergeKey)
            return false;
        // m_value holds the value from before this command; the newer value is already in place.
        setObsolete(m_locate(m_document->editableProject()) == m_value);
        return true;
    }

    void redo() override { exchange(); }
    void undo() override { exchange(); }

private:
    void exchange() {
        m_document->focusOutcome(m_change.outcome);
        std::swap(m_locate(m_document->editableProject()), m_value);
        m_document->notify(m_change);
    }

    Document* m_document;
    Locator m_locate;
    T m_value;
    DocumentChange m_change;
    QString m_mergeKey;
};

} // namespace evident::ui
