#pragma once

#include "pixelnest/connectionconfig.h"

#include <QDialog>

class QLabel;

namespace pixelnest::ui
{

// Versions of everything that matters when reporting a problem: Pixelnest, Qt (runtime and
// build), libtorch, and the connected PostgreSQL and Redis servers (asked off the GUI thread).
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)

public:
    AboutDialog(const ConnectionConfig& config, QWidget* parent = nullptr);

    QString versionsText() const;

Q_SIGNALS:
    void serverVersionsKnown();

private:
    QLabel* m_postgres = nullptr;
    QLabel* m_redis = nullptr;
    QLabel* m_qt = nullptr;
    QLabel* m_torch = nullptr;
};

} // namespace pixelnest::ui
