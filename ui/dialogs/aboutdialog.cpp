#include "dialogs/aboutdialog.h"

#include "pixelnest/background.h"
#include "pixelnest/serverinfo.h"
#include "pixelnest/version.h"
#include "widgets/appicon.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPair>
#include <QVBoxLayout>

namespace pixelnest::ui
{

namespace
{

using Versions = QPair<Result<QString>, Result<QString>>;

QString describe(const Result<QString>& version)
{
    return version ? version.value()
                   : AboutDialog::tr("not reachable (%1)").arg(version.error().message);
}

} // namespace

AboutDialog::AboutDialog(const ConnectionConfig& config, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(tr("About Pixelnest"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QLabel(this);
    header->setPixmap(appIcon().pixmap(64, 64));
    layout->addWidget(header, 0, Qt::AlignHCenter);
    auto* title = new QLabel(tr("<h2>Pixelnest %1</h2><p>Image processing with a reliable "
                                "priority queue, and its admin console.</p>")
                                 .arg(QLatin1String(kVersion)),
                             this);
    title->setAlignment(Qt::AlignHCenter);
    title->setWordWrap(true);
    layout->addWidget(title);
    auto* form = new QFormLayout;
    m_qt = new QLabel(
        tr("%1 (built with %2)").arg(QLatin1String(qVersion()), QLatin1String(QT_VERSION_STR)),
        this);
    m_torch = new QLabel(torchVersion(), this);
    m_postgres = new QLabel(tr("asking…"), this);
    m_redis = new QLabel(tr("asking…"), this);
    for (QLabel* label : {m_qt, m_torch, m_postgres, m_redis}) {
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setWordWrap(true);
    }
    form->addRow(tr("Qt:"), m_qt);
    form->addRow(tr("libtorch:"), m_torch);
    form->addRow(tr("PostgreSQL server:"), m_postgres);
    form->addRow(tr("Redis server:"), m_redis);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    runInBackground<Versions>([config] {
        return Versions(postgresServerVersion(config.postgres), redisServerVersion(config.redis));
    }).then(this, [this](const Versions& versions) {
        m_postgres->setText(describe(versions.first));
        m_redis->setText(describe(versions.second));
        Q_EMIT serverVersionsKnown();
    });
}

QString AboutDialog::versionsText() const
{
    return QStringLiteral("Qt %1; torch %2; PostgreSQL %3; Redis %4")
        .arg(m_qt->text(), m_torch->text(), m_postgres->text(), m_redis->text());
}

} // namespace pixelnest::ui
