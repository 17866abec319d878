#pragma once

#include "core/connectionprofile.h"
#include "pixelnest/adminservice.h"
#include "pixelnest/engine.h"

#include <QMap>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

namespace pixelnest::ui
{

class PasswordStore;

// What the composition root (src/gui.cpp) decides and hands to the console: where to look for
// servers, and factories for everything concrete, so that the console never constructs an
// engine or a service itself (and its tests hand it fakes).
struct SessionEnvironment
{
    ConnectionFlags flags; // --postgres / --redis
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString configFile;    // the CLI's pixelnest.conf
    QString localStackDir; // empty: LocalStack::defaultDir()
    EngineConfig config;   // the in-process engine's and the admin service's settings, whole
    // The admin service the whole console talks to; called once.
    std::function<std::unique_ptr<AdminService>()> createService;
    // Gets the chosen servers ready (local stack, schema); called off the GUI thread.
    std::function<Result<void>(const ConnectionConfig&, const QString& localStackDir)> prepare;
    // The embedded engine's pipelines; called off the GUI thread (models load from disk).
    std::function<Result<PipelineRegistry>()> pipelines;
    // The embedded engine on those servers with those pipelines (not started yet).
    std::function<std::unique_ptr<Engine>(const ConnectionConfig&, PipelineRegistry)> createEngine;
};

// The console's connection state machine: resolves the servers (flags > environment > saved
// connection > config file > local stack), gets them ready off the GUI thread, points the admin
// service at them, runs the embedded engine when "also process here" is chosen, and tells the
// window whether the servers are reachable (read-only mode while they are not) from what the
// service reports, service by service.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    explicit ConsoleSession(SessionEnvironment environment, QObject* parent = nullptr);
    ~ConsoleSession() override;

    // Returns at once; `ready` or `startFailed` follows.
    void start();
    // The Connection dialog's choice (passwords included).
    void connectTo(const ConnectionProfile& profile);
    // Saves it for the next start: the settings file without passwords, the passwords in the
    // keychain (a keychain failure is reported by `notice`, and nothing is written instead).
    void remember(const ConnectionProfile& profile);
    const QString& localStackDir() const { return m_env.localStackDir; }
    static QString passwordKey(const QString& server, const QString& address);
    // Stops the embedded engine (it drains in the background); `shutDown` follows.
    void shutdown();

    // The one admin service, for the session's whole life (it follows connection changes).
    AdminService* service() const { return m_service.get(); }

    const ConnectionConfig& config() const { return m_config; }
    const ConnectionProfile& profile() const { return m_profile; }
    QString description() const;
    bool isReady() const { return m_ready; }
    // PostgreSQL reachable: writes are possible. A Redis outage alone leaves the console
    // writable (changes land in PostgreSQL and the engines' reconciler dispatches them later).
    bool isConnected() const;
    QString outageMessage() const; // empty when everything is reachable
    Engine* embeddedEngine() const { return m_engine.get(); }
    PasswordStore* passwords() const { return m_passwords; }

Q_SIGNALS:
    void progress(const QString& message);
    void ready(); // (re)connected: consumers reload what they show
    void startFailed(const QString& message);
    void connectionChanged(bool connected, const QString& outage);
    void jobsChanged(const QList<qint64>& ids); // live events, batched
    void resynced(); // live events resumed after an outage: what was missed must be reloaded
    void shutDown();
    void notice(const QString& message); // for the status bar

private:
    struct Prepared;
    void prepare(const ConnectionConfig& config, bool processHere);
    void activate(const ConnectionConfig& config, std::shared_ptr<Prepared> prepared);
    void retireEngine();
    void setDown(const QString& source, bool down, const QString& message);
    void liveEventsChanged(bool connected, const QString& message);
    bool serversNamedAtLaunch() const;

    SessionEnvironment m_env;
    ConnectionProfile m_profile;
    ConnectionConfig m_config;
    std::unique_ptr<AdminService> m_service;
    std::unique_ptr<Engine> m_engine;
    PasswordStore* m_passwords = nullptr;
    QMap<QString, QString> m_downMessages; // source → why it is down
    int m_attempt = 0;                     // ignores the results of superseded prepares
    int m_retryMs = 0;
    bool m_ready = false;
    bool m_eventsLost = false;
    bool m_shutDownSent = false;
    bool m_shuttingDown = false;
};

} // namespace pixelnest::ui
