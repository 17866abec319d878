#pragma once

#include "core/connectionprofile.h"
#include "pixelnest/adminclient.h"
#include "pixelnest/engine.h"

#include <QMap>
#include <QObject>
#include <QProcessEnvironment>

#include <functional>
#include <memory>

namespace pixelnest
{
class JobEventListener;
}

namespace pixelnest::ui
{

class AdminLane;
class PasswordStore;

// What the composition root (src/gui.cpp) decides and hands to the console.
struct SessionEnvironment
{
    ConnectionFlags flags; // --postgres / --redis
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString configFile;    // the CLI's pixelnest.conf
    QString localStackDir; // empty: LocalStack::defaultDir()
    ServiceOptions service;
    EngineOptions engine;
    // The embedded engine's pipelines; called off the GUI thread (models load from disk).
    std::function<Result<PipelineRegistry>()> pipelines;
};

// The console's connection to the world: resolves the servers (flags > environment > saved
// connection > config file > local stack), starts the local stack and applies migrations off
// the GUI thread, runs the embedded engine when "also process here" is chosen, owns the lanes
// (AdminClients on their own threads) and the NOTIFY listener, and tells the window whether
// the servers are reachable (read-only mode while they are not).
//
// It constructs the Engine and AdminClients itself, against the house rule that only src/
// does: the user switches servers at run time from the Connection dialog. src/ still decides
// everything that varies (options, pipelines) through SessionEnvironment.
class ConsoleSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleSession)

public:
    enum class Lane
    {
        Browse,  // table pages and live refreshes
        Media,   // thumbnails, detail, images
        Actions, // priority, reprocess, cancel, export
        Stats,   // dashboard and filter counts
    };

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

    AdminLane* lane(Lane which) const { return m_lanes.value(which); }
    // A lane of one's own (an upload), on the current servers.
    std::unique_ptr<AdminLane> createLane(const QString& name) const;

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
    void startListener();
    void setDown(const QString& source, bool down, const QString& message);
    void laneAvailability(Lane lane, bool available, const QString& message);
    bool serversNamedAtLaunch() const;

    SessionEnvironment m_env;
    ConnectionProfile m_profile;
    ConnectionConfig m_config;
    QMap<Lane, AdminLane*> m_lanes;
    std::unique_ptr<JobEventListener> m_listener;
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
