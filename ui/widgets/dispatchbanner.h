#pragma once

#include "pixelnest/jobs.h"

#include <QFrame>

class QAction;
class QLabel;
class QToolButton;

namespace pixelnest::ui
{

// A bar above the tabs that says why jobs are not moving, where an admin looks first: dispatch
// paused (everything, or some pipelines), and jobs waiting for a pipeline no live engine serves.
// Its button resumes (the `resume` action given). Hidden while there is nothing to say.
class DispatchBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DispatchBanner)

public:
    DispatchBanner(QAction* resume, QWidget* parent = nullptr);

    void setStats(const QueueStats& stats);
    QString text() const; // for tests

private:
    QLabel* m_text = nullptr;
    QToolButton* m_resume = nullptr;
};

} // namespace pixelnest::ui
