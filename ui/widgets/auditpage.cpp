#include "widgets/auditpage.h"

#include "models/audittablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pixelnest::ui
{

AuditPage::AuditPage(AdminService* service, QWidget* parent)
    : QWidget(parent), m_model(new AuditTableModel(service, this)), m_view(new QTableView(this)),
      m_login(new QLineEdit(this)), m_action(new QComboBox(this)), m_age(new QComboBox(this)),
      m_notice(new QLabel(this))
{
    m_login->setPlaceholderText(tr("Any login"));
    m_login->setClearButtonEnabled(true);
    m_action->addItem(tr("Every action"), QString());
    for (const char* action :
         {"submit", "priority", "cancel", "reprocess", "reprocess-all-failed", "role change"}) {
        m_action->addItem(QString::fromLatin1(action), QString::fromLatin1(action));
    }
    m_age->addItem(tr("Any time"), qint64(0));
    m_age->addItem(tr("Last hour"), qint64(3600));
    m_age->addItem(tr("Last 24 hours"), qint64(86400));
    m_age->addItem(tr("Last 7 days"), qint64(7 * 86400));
    auto* refresh = new QPushButton(tr("Refresh"), this);

    auto* filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Login:"), this));
    filters->addWidget(m_login, 1);
    filters->addWidget(new QLabel(tr("Action:"), this));
    filters->addWidget(m_action);
    filters->addWidget(new QLabel(tr("When:"), this));
    filters->addWidget(m_age);
    filters->addWidget(refresh);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_notice->setWordWrap(true);
    m_notice->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_notice);
    layout->addWidget(m_view, 1);

    connect(m_login, &QLineEdit::editingFinished, this, &AuditPage::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(m_age, &QComboBox::currentIndexChanged, this, &AuditPage::reload);
    connect(refresh, &QPushButton::clicked, this, &AuditPage::reload);
    connect(m_model, &AuditTableModel::pageLoaded, this, [this] {
        m_notice->hide();
        m_view->resizeColumnsToContents();
    });
    connect(m_model, &AuditTableModel::loadFailed, this, [this](const Error& error) {
        m_notice->setText(error.code == ErrorCode::PermissionDenied
                              ? tr("The audit trail is not shown: %1").arg(error.message)
                              : tr("Could not load the audit trail: %1").arg(error.message));
        m_notice->show();
    });
}

void AuditPage::reload()
{
    AuditQuery query;
    query.login = m_login->text().trimmed();
    query.action = m_action->currentData().toString();
    if (const qint64 seconds = m_age->currentData().toLongLong(); seconds > 0) {
        query.since = QDateTime::currentDateTimeUtc().addSecs(-seconds);
    }
    m_model->setQuery(query);
}

} // namespace pixelnest::ui
