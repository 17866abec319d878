#pragma once

#include <QWidget>

class QToolButton;

namespace pixelnest::ui
{

// A titled section that folds away (the detail pane's result JSON, which can be long).
class CollapsibleSection final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollapsibleSection)

public:
    CollapsibleSection(const QString& title, QWidget* content, QWidget* parent = nullptr);

    void setExpanded(bool expanded);
    bool isExpanded() const;

private:
    QToolButton* m_toggle = nullptr;
    QWidget* m_content = nullptr;
};

} // namespace pixelnest::ui
