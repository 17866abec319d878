#include "dialogs/connectiondialog.h"

#include "core/serverdescription.h"
#include "core/statusstyle.h"
#include "pixelnest/background.h"
#include "pixelnest/postgrestls.h"
#include "pixelnest/redistls.h"
#include "pixelnest/serverinfo.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPair>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pixelnest::ui
{

namespace
{

using Verdicts = QPair<Result<QString>, Result<QString>>;

bool mentions(const QString& error, std::initializer_list<const char*> words)
{
    for (const char* word : words) {
        if (error.contains(QLatin1String(word), Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

QLineEdit* fileEdit(QWidget* parent, const QString& text, const QString& placeholder,
                    const QString& name)
{
    auto* edit = new QLineEdit(text, parent);
    edit->setPlaceholderText(placeholder);
    edit->setAccessibleName(name);
    return edit;
}

QLineEdit* passwordEdit(QWidget* parent, const QString& name)
{
    auto* edit = new QLineEdit(parent);
    edit->setEchoMode(QLineEdit::Password);
    edit->setPlaceholderText(ConnectionDialog::tr("stored in the system keychain"));
    edit->setAccessibleName(name);
    return edit;
}

} // namespace

ConnectionDialog::ConnectionDialog(const ConnectionProfile& current, QString localStackDir,
                                   QWidget* parent)
    : QDialog(parent), m_localStackDir(std::move(localStackDir))
{
    setWindowTitle(tr("Connection"));
    auto* layout = new QVBoxLayout(this);
    m_local = new QRadioButton(tr("&Local stack on this computer (started automatically)"), this);
    m_remote = new QRadioButton(tr("&Remote servers"), this);
    layout->addWidget(m_local);
    layout->addWidget(m_remote);
    auto* servers = new QGroupBox(tr("Servers"), this);
    auto* form = new QFormLayout(servers);
    m_postgres = new QLineEdit(current.postgres, servers);
    m_postgres->setPlaceholderText(
        QStringLiteral("host=db.example.com dbname=pixelnest user=admin"));
    m_postgres->setAccessibleName(tr("PostgreSQL connection"));
    m_postgresPassword = passwordEdit(servers, tr("PostgreSQL password"));
    m_postgresPassword->setText(current.postgresPassword);
    // The URL is shown without its TLS files: they have their own fields below.
    m_redis = new QLineEdit(withRedisTlsFiles(current.redis, {}), servers);
    m_redis->setPlaceholderText(QStringLiteral("rediss://redis.example.com:6379/0"));
    m_redis->setAccessibleName(tr("Redis URL"));
    m_redisPassword = passwordEdit(servers, tr("Redis password"));
    m_redisPassword->setText(current.redisPassword);
    form->addRow(tr("&PostgreSQL:"), m_postgres);
    form->addRow(tr("Pass&word:"), m_postgresPassword);
    const PostgresTls tls = postgresTlsOf(current.postgres);
    m_sslmode = new QComboBox(servers);
    m_sslmode->setAccessibleName(tr("PostgreSQL TLS"));
    m_sslmode->addItem(tr("Verify server certificate and name (verify-full)"),
                       QStringLiteral("verify-full"));
    m_sslmode->addItem(tr("Verify server certificate (verify-ca)"), QStringLiteral("verify-ca"));
    m_sslmode->addItem(tr("Encrypt, do not verify (require)"), QStringLiteral("require"));
    m_sslmode->addItem(tr("libpq default (prefer)"), QString());
    m_sslmode->addItem(tr("No TLS (disable)"), QStringLiteral("disable"));
    const int mode =
        m_sslmode->findData(tls.sslmode == QLatin1String("prefer") ? QString() : tls.sslmode);
    m_sslmode->setCurrentIndex(mode >= 0 ? mode : m_sslmode->findData(QString()));
    m_rootCert = fileEdit(servers, tls.rootCert,
                          tr("CA certificate file (PEM), e.g. /etc/pixelnest/db-ca.crt"),
                          tr("PostgreSQL CA certificate"));
    form->addRow(tr("&TLS:"), m_sslmode);
    form->addRow(tr("C&A certificate:"), m_rootCert);
    form->addRow(tr("R&edis:"), m_redis);
    form->addRow(tr("Passw&ord:"), m_redisPassword);
    const RedisTls redisTls = redisTlsOf(current.redis);
    m_redisCa = fileEdit(servers, redisTls.caFile,
                         tr("rediss:// only: CA file (PEM); empty uses the system's CAs"),
                         tr("Redis CA certificate"));
    m_redisCert = fileEdit(servers, redisTls.certFile, tr("client certificate (optional)"),
                           tr("Redis client certificate"));
    m_redisKey = fileEdit(servers, redisTls.keyFile, tr("its private key"), tr("Redis client key"));
    auto* clientCertificate = new QHBoxLayout;
    clientCertificate->addWidget(m_redisCert);
    clientCertificate->addWidget(m_redisKey);
    form->addRow(tr("CA cert&ificate:"), m_redisCa);
    // A row holding a layout gets no buddy of its own: the label needs one for its shortcut.
    auto* clientLabel = new QLabel(tr("C&lient certificate:"), servers);
    clientLabel->setBuddy(m_redisCert);
    form->addRow(clientLabel, clientCertificate);
    layout->addWidget(servers);
    m_securityWarning = new QLabel(this);
    m_securityWarning->setObjectName(QStringLiteral("securityWarning"));
    m_securityWarning->setWordWrap(true);
    m_securityWarning->setStyleSheet(QStringLiteral("color: #9a6700;"));
    layout->addWidget(m_securityWarning);

    auto* processing = new QGroupBox(tr("Processing"), this);
    auto* processingLayout = new QVBoxLayout(processing);
    m_processHere =
        new QRadioButton(tr("Also &process images here (an engine in this window)"), processing);
    m_consoleOnly = new QRadioButton(tr("&Console only (engines run elsewhere)"), processing);
    processingLayout->addWidget(m_processHere);
    processingLayout->addWidget(m_consoleOnly);
    layout->addWidget(processing);
    (current.processHere ? m_processHere : m_consoleOnly)->setChecked(true);

    auto* results = new QFormLayout;
    m_postgresResult = new QLabel(this);
    m_redisResult = new QLabel(this);
    for (QLabel* label : {m_postgresResult, m_redisResult}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    results->addRow(tr("PostgreSQL:"), m_postgresResult);
    results->addRow(tr("Redis:"), m_redisResult);
    layout->addLayout(results);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_test = buttons->addButton(tr("&Test"), QDialogButtonBox::ActionRole);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("C&onnect"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_test, &QPushButton::clicked, this, &ConnectionDialog::test);
    connect(m_remote, &QRadioButton::toggled, this, &ConnectionDialog::updateEnabled);
    for (QLineEdit* edit : {m_postgres, m_rootCert, m_redis, m_redisCa}) {
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::updateSecurityWarning);
    }
    connect(m_sslmode, &QComboBox::currentIndexChanged, this,
            &ConnectionDialog::updateSecurityWarning);
    (current.mode == ConnectionProfile::Mode::Remote ? m_remote : m_local)->setChecked(true);
    updateEnabled();
    resize(560, sizeHint().height());
}

void ConnectionDialog::updateEnabled()
{
    const bool remote = m_remote->isChecked();
    for (QWidget* field : {static_cast<QWidget*>(m_postgres), static_cast<QWidget*>(m_redis),
                           static_cast<QWidget*>(m_postgresPassword),
                           static_cast<QWidget*>(m_redisPassword), static_cast<QWidget*>(m_sslmode),
                           static_cast<QWidget*>(m_rootCert), static_cast<QWidget*>(m_redisCa),
                           static_cast<QWidget*>(m_redisCert), static_cast<QWidget*>(m_redisKey)}) {
        field->setEnabled(remote);
    }
    updateSecurityWarning();
}

void ConnectionDialog::updateSecurityWarning()
{
    QStringList warnings;
    if (m_remote->isChecked()) {
        const QString postgres = profile().postgres;
        if (const QString why = postgresTlsWarning(postgres); !why.isEmpty()) {
            warnings.append(tr("⚠ %1 is %2").arg(describePostgres(postgres), why));
        }
        if (const QString why = redisTlsWarning(m_redis->text()); !why.isEmpty()) {
            warnings.append(tr("⚠ Redis is %1").arg(why));
        }
    }
    m_securityWarning->setText(warnings.join(QLatin1Char('\n')));
    m_securityWarning->setVisible(!warnings.isEmpty());
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile profile;
    profile.mode = m_remote->isChecked() ? ConnectionProfile::Mode::Remote
                                         : ConnectionProfile::Mode::LocalStack;
    // A password typed into the conninfo or URL moves to the password field's place.
    const SplitSecret postgres = splitPostgresPassword(m_postgres->text());
    const SplitSecret redis = splitRedisPassword(m_redis->text());
    profile.postgres =
        withPostgresTls(postgres.withoutPassword,
                        {m_sslmode->currentData().toString(), m_rootCert->text().trimmed()});
    profile.redis = withRedisTlsFiles(redis.withoutPassword, {false, m_redisCa->text().trimmed(),
                                                              m_redisCert->text().trimmed(),
                                                              m_redisKey->text().trimmed()});
    profile.postgresPassword =
        m_postgresPassword->text().isEmpty() ? postgres.password : m_postgresPassword->text();
    profile.redisPassword =
        m_redisPassword->text().isEmpty() ? redis.password : m_redisPassword->text();
    profile.processHere = m_processHere->isChecked();
    return profile;
}

void ConnectionDialog::test()
{
    const ConnectionConfig config = profile().toConfig(m_localStackDir);
    const int run = ++m_testRun;
    m_postgresResult->setText(tr("Testing…"));
    m_redisResult->setText(tr("Testing…"));
    m_test->setEnabled(false);
    runInBackground<Verdicts>([config] {
        return Verdicts(postgresServerVersion(config.postgres), redisServerVersion(config.redis));
    }).then(this, [this, run](const Verdicts& verdicts) {
        if (run != m_testRun) {
            return;
        }
        m_test->setEnabled(true);
        const auto show = [this](QLabel* label, const Result<QString>& verdict,
                                 QString (*explain)(const QString&)) {
            const QColor color = verdict ? completedColor(palette()) : failedColor(palette());
            label->setStyleSheet(QStringLiteral("color: %1").arg(color.name()));
            label->setText(verdict ? tr("✓ reachable, version %1").arg(verdict.value())
                                   : tr("✗ %1").arg(explain(verdict.error().message)));
            label->setToolTip(verdict ? QString() : verdict.error().message);
        };
        show(m_postgresResult, verdicts.first, &ConnectionDialog::explainPostgres);
        show(m_redisResult, verdicts.second, &ConnectionDialog::explainRedis);
        Q_EMIT tested();
    });
}

QString ConnectionDialog::postgresVerdict() const
{
    return m_postgresResult->text();
}

QString ConnectionDialog::redisVerdict() const
{
    return m_redisResult->text();
}

QString ConnectionDialog::explainPostgres(const QString& error)
{
    if (mentions(error, {"password authentication failed"})) {
        return tr("the user name or password is wrong");
    }
    if (mentions(error, {"no password supplied", "fe_sendauth"})) {
        return tr("the server asks for a password: enter it above");
    }
    if (mentions(error, {"database"}) && mentions(error, {"does not exist"})) {
        return tr("no such database: create it, or correct dbname");
    }
    if (mentions(error, {"role"}) && mentions(error, {"does not exist"})) {
        return tr("no such user on that server");
    }
    if (mentions(error, {"could not translate host name", "Name or service not known"})) {
        return tr("unknown host name");
    }
    if (mentions(error, {"Connection refused", "No such file or directory"})) {
        return tr("nothing answers there: is PostgreSQL running, and are the host and port "
                  "right?");
    }
    if (mentions(error, {"timeout", "timed out"})) {
        return tr("no answer within 5 seconds: check the host, the port and the firewall");
    }
    if (mentions(error, {"missing \"=\"", "invalid connection option", "invalid URI"})) {
        return tr("the connection text is malformed: use key=value pairs or a "
                  "postgresql:// URI");
    }
    return error;
}

QString ConnectionDialog::explainRedis(const QString& error)
{
    if (mentions(error, {"WRONGPASS", "invalid password", "invalid username-password"})) {
        return tr("the user name or password is wrong");
    }
    if (mentions(error, {"NOAUTH", "Authentication required"})) {
        return tr("the server asks for a password: enter it above");
    }
    if (mentions(error, {"Name or service not known", "resolve", "Temporary failure in name"})) {
        return tr("unknown host name");
    }
    if (mentions(error, {"Connection refused", "No such file or directory"})) {
        return tr("nothing answers there: is Redis running, and are the host and port right?");
    }
    if (mentions(error, {"timed out", "timeout"})) {
        return tr("no answer within 5 seconds: check the host, the port and the firewall");
    }
    if (mentions(error, {"scheme", "URL", "url"})) {
        return tr("the URL is malformed: use redis://[user:password@]host:port/db or "
                  "unix:///path/redis.sock");
    }
    return error;
}

} // namespace pixelnest::ui
