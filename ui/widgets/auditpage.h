#pragma once

#include "pixelnest/adminservice.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace pixelnest::ui
{

class AuditTableModel;

// The Audit tab: who changed what, newest first, filtered by login, action and age. Rows load a
// page at a time as the table scrolls; hovering a row shows its whole record (old values too).
// A role that may not read the trail (an engine's login) sees why instead of an empty table.
class AuditPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(AdminService* service, QWidget* parent = nullptr);

    AuditTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* loginFilter() const { return m_login; }
    QComboBox* actionFilter() const { return m_action; }
    QComboBox* ageFilter() const { return m_age; }
    QLabel* notice() const { return m_notice; }

public Q_SLOTS:
    void reload(); // with the filters as they are now

private:
    AuditTableModel* m_model;
    QTableView* m_view;
    QLineEdit* m_login;
    QComboBox* m_action;
    QComboBox* m_age;
    QLabel* m_notice;
};

} // namespace pixelnest::ui
