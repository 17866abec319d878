#pragma once

#include "core/connectionprofile.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace pixelnest::ui
{

// Where the console connects: the embedded local stack, or a PostgreSQL conninfo and a Redis
// URL (passwords in their own fields, stored in the keychain); whether this computer also
// processes images. "Test" asks each server off the GUI thread and says, per server, what is
// wrong in words: refused, unknown host, wrong password, no such database, no answer.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    ConnectionDialog(const ConnectionProfile& current, QString localStackDir,
                     QWidget* parent = nullptr);

    ConnectionProfile profile() const;
    QComboBox* tlsMode() const { return m_sslmode; }
    QLineEdit* caCertificate() const { return m_rootCert; }
    QLineEdit* redisUrl() const { return m_redis; }
    QLineEdit* redisCaCertificate() const { return m_redisCa; }
    QLineEdit* redisClientCertificate() const { return m_redisCert; }
    QLineEdit* redisClientKey() const { return m_redisKey; }
    QLabel* securityWarning() const { return m_securityWarning; }
    void test(); // the Test button
    QString postgresVerdict() const;
    QString redisVerdict() const;

    // The words for a failure (the raw message is kept in the tooltip).
    static QString explainPostgres(const QString& error);
    static QString explainRedis(const QString& error);

Q_SIGNALS:
    void tested(); // both verdicts are in

private:
    void updateEnabled();
    void updateSecurityWarning();

    QString m_localStackDir;
    QRadioButton* m_local = nullptr;
    QRadioButton* m_remote = nullptr;
    QLineEdit* m_postgres = nullptr;
    QLineEdit* m_postgresPassword = nullptr;
    QLineEdit* m_redis = nullptr;
    QLineEdit* m_redisPassword = nullptr;
    QComboBox* m_sslmode = nullptr;      // PostgreSQL TLS: verify-full ... disable
    QLineEdit* m_rootCert = nullptr;     // sslrootcert
    QLineEdit* m_redisCa = nullptr;      // rediss://: the CA that signs the server
    QLineEdit* m_redisCert = nullptr;    // rediss://: optional client certificate
    QLineEdit* m_redisKey = nullptr;     // ... and its key
    QLabel* m_securityWarning = nullptr; // shown while a remote server is reached unprotected
    QRadioButton* m_processHere = nullptr;
    QRadioButton* m_consoleOnly = nullptr;
    QPushButton* m_test = nullptr;
    QLabel* m_postgresResult = nullptr;
    QLabel* m_redisResult = nullptr;
    int m_testRun = 0;
};

} // namespace pixelnest::ui
