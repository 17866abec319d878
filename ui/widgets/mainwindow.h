#pragma once

#include <QMainWindow>

class QLabel;

namespace pixelnest::ui
{

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Shown in the status bar: where the console is connected ("local stack in …").
    void setConnectionDescription(const QString& description);

private:
    QLabel* m_hint = nullptr;
    QLabel* m_connection = nullptr;
};

} // namespace pixelnest::ui
