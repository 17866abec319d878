#pragma once

#include <QTableView>

namespace pixelnest::ui
{

// The Images table: fixed row heights (a million rows scroll without measuring any), the
// thumbnail column sized for its images, and a hint painted over the empty table ("Drop images
// here…", or why there is nothing to show).
class JobTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableView)

public:
    explicit JobTableView(QWidget* parent = nullptr);

    void setEmptyHint(const QString& hint);
    QString emptyHint() const { return m_hint; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString m_hint;
};

} // namespace pixelnest::ui
