#include "core/consolesession.h"

#include "core/logging.h"
#include "core/passwordstore.h"
#include "core/serverdescription.h"
#include "core/settings.h"
#include "pixelnest/background.h"
#include "pixelnest/localstack.h"

#include <QTimer>

#include <optional>

namespace pixelnest::ui
{

namespace
{

constexpr int kEngineDrainMs = 30'000;
constexpr int kEngineExitWaitMs = 2000; // after the drain deadline, at the very end
const QString kPostgres = QStringLiteral("postgres");
const QString kRedis = QStringLiteral("redis");
const QString kEvents = QStringLiteral("events");

} // namespace

struct ConsoleSession::Prepared
{
    std::optional<PipelineRegistry> pipelines; // set when this console also processes
};

ConsoleSession::ConsoleSession(SessionEnvironment environment, QObject* parent)
    : QObject(parent), m_env(std::move(environment))
{
    if (m_env.localStackDir.isEmpty()) {
        m_env.localStackDir = LocalStack::defaultDir();
    }
    m_passwords = new PasswordStore(this);
    m_service = m_env.createService();
    connect(m_service.get(), &AdminService::availabilityChanged, this,
            [this](Service service, bool available, const QString& message) {
                setDown(service == Service::Redis ? kRedis : kPostgres, !available, message);
            });
    connect(m_service.get(), &AdminService::jobsChanged, this, &ConsoleSession::jobsChanged);
    connect(m_service.get(), &AdminService::liveEventsChanged, this,
            &ConsoleSession::liveEventsChanged);
}

ConsoleSession::~ConsoleSession()
{
    if (m_engine && !m_engine->isFinished()) {
        // shutdown() gave it its deadline; a drain still running must not hold the exit.
        m_engine->requestStop();
        if (!m_engine->wait(kEngineExitWaitMs)) {
            qCWarning(lcUi) << "the embedded engine did not drain in time; its leases expire "
                               "and other engines take its jobs";
            (void)m_engine.release(); // its threads end with the process
        }
    }
}

bool ConsoleSession::serversNamedAtLaunch() const
{
    return !m_env.flags.postgres.isEmpty() || !m_env.flags.redis.isEmpty() ||
           m_env.environment.contains(QStringLiteral("PIXELNEST_POSTGRES")) ||
           m_env.environment.contains(QStringLiteral("PIXELNEST_REDIS"));
}

void ConsoleSession::start()
{
    m_profile = ConnectionProfile::load(*openSettings());
    if (serversNamedAtLaunch() || m_profile.mode == ConnectionProfile::Mode::LocalStack) {
        // The CLI's config file may name the servers: read off the GUI thread too.
        const SessionEnvironment env = m_env;
        const int attempt = m_attempt;
        runInBackground<Result<ConnectionConfig>>([env] {
            return loadConnectionConfig(env.flags, env.environment, env.configFile,
                                        env.localStackDir);
        }).then(this, [this, attempt](const Result<ConnectionConfig>& config) {
            if (attempt != m_attempt) { // superseded by the Connection dialog meanwhile
                return;
            }
            if (!config) {
                Q_EMIT startFailed(config.error().message);
                return;
            }
            prepare(config.value(), m_profile.processHere);
        });
        return;
    }
    Q_EMIT progress(tr("Reading the saved passwords…"));
    m_passwords->read(passwordKey(kPostgres, m_profile.postgres))
        .then(this, [this](const Result<QString>& postgres) {
            m_profile.postgresPassword = postgres ? postgres.value() : QString();
            m_passwords->read(passwordKey(kRedis, m_profile.redis))
                .then(this, [this](const Result<QString>& redis) {
                    m_profile.redisPassword = redis ? redis.value() : QString();
                    prepare(m_profile.toConfig(m_env.localStackDir), m_profile.processHere);
                });
        });
}

void ConsoleSession::connectTo(const ConnectionProfile& profile)
{
    m_profile = profile;
    prepare(profile.toConfig(m_env.localStackDir), profile.processHere);
}

QString ConsoleSession::passwordKey(const QString& server, const QString& address)
{
    return server + QLatin1Char('/') + address; // one password per server address
}

void ConsoleSession::remember(const ConnectionProfile& profile)
{
    profile.save(*openSettings());
    if (profile.mode != ConnectionProfile::Mode::Remote) {
        return;
    }
    const QList<QPair<QString, QString>> secrets{
        {passwordKey(kPostgres, profile.postgres), profile.postgresPassword},
        {passwordKey(kRedis, profile.redis), profile.redisPassword}};
    for (const auto& [key, password] : secrets) {
        m_passwords->write(key, password).then(this, [this](const Result<void>& written) {
            if (!written) {
                Q_EMIT notice(written.error().message);
            }
        });
    }
}

void ConsoleSession::prepare(const ConnectionConfig& config, bool processHere)
{
    const int attempt = ++m_attempt;
    m_ready = false;
    Q_EMIT progress(config.usesLocalStack() ? tr("Starting the local stack…")
                                            : tr("Connecting to the servers…"));
    const QString stackDir = m_env.localStackDir;
    const auto prepareServers = m_env.prepare;
    const auto pipelines = processHere ? m_env.pipelines : nullptr;
    using Outcome = Result<std::shared_ptr<Prepared>>;
    // Off the GUI thread: starting PostgreSQL, migrations and loading models take seconds.
    runInBackground<Outcome>([config, stackDir, prepareServers, pipelines]() -> Outcome {
        if (Result<void> ready = prepareServers(config, stackDir); !ready) {
            return ready.error();
        }
        auto prepared = std::make_shared<Prepared>();
        if (pipelines) {
            Result<PipelineRegistry> registry = pipelines();
            if (!registry) {
                return registry.error();
            }
            prepared->pipelines = std::move(registry).value();
        }
        return prepared;
    }).then(this, [this, attempt, config, processHere](const Outcome& outcome) {
        if (attempt != m_attempt || m_shuttingDown) {
            return; // superseded by a newer choice
        }
        if (outcome) {
            activate(config, outcome.value());
            return;
        }
        qCWarning(lcUi).noquote() << "console start failed:" << outcome.error().message;
        Q_EMIT startFailed(outcome.error().message);
        if (isRetryable(outcome.error())) {
            m_retryMs = qBound(1000, m_retryMs * 2, 10'000);
            QTimer::singleShot(m_retryMs, this, [this, attempt, config, processHere] {
                if (attempt == m_attempt && !m_shuttingDown) {
                    prepare(config, processHere);
                }
            });
        }
    });
}

void ConsoleSession::activate(const ConnectionConfig& config, std::shared_ptr<Prepared> prepared)
{
    m_config = config;
    m_retryMs = 0;
    m_service->setConnection(config);
    retireEngine();
    if (prepared->pipelines) {
        m_engine = m_env.createEngine(config, *prepared->pipelines);
        if (Result<void> started = m_engine->start(); !started) {
            Q_EMIT progress(
                tr("The embedded engine did not start: %1").arg(started.error().message));
            m_engine.reset();
        }
    }
    m_downMessages.clear();
    m_eventsLost = false;
    m_ready = true;
    Q_EMIT ready();
    Q_EMIT connectionChanged(true, QString());
}

void ConsoleSession::retireEngine()
{
    if (!m_engine) {
        return;
    }
    // It drains on its own threads; deleting it once finished waits for nothing.
    Engine* old = m_engine.release();
    connect(old, &Engine::finished, old, &QObject::deleteLater);
    old->requestStop();
}

void ConsoleSession::liveEventsChanged(bool connected, const QString& message)
{
    setDown(kEvents, !connected, message);
    if (connected && m_eventsLost) {
        Q_EMIT resynced();
    }
    m_eventsLost = !connected;
}

void ConsoleSession::shutdown()
{
    m_shuttingDown = true;
    const auto finish = [this] {
        if (!m_shutDownSent) {
            m_shutDownSent = true;
            Q_EMIT shutDown();
        }
    };
    if (!m_engine) {
        QTimer::singleShot(0, this, finish);
        return;
    }
    connect(m_engine.get(), &Engine::finished, this, finish);
    QTimer::singleShot(kEngineDrainMs, this, finish); // a stuck drain must not hold the exit
    m_engine->requestStop();
}

QString ConsoleSession::description() const
{
    QString where =
        m_config.usesLocalStack()
            ? tr("Local stack in %1").arg(m_env.localStackDir)
            : tr("%1 · %2").arg(describePostgres(m_config.postgres), describeRedis(m_config.redis));
    if (m_engine) {
        where += tr(" · processing here");
    }
    return where;
}

bool ConsoleSession::isConnected() const
{
    return m_ready && !m_downMessages.contains(kPostgres) && !m_downMessages.contains(kEvents);
}

QString ConsoleSession::outageMessage() const
{
    for (const QString& source : {kPostgres, kEvents, kRedis}) {
        if (m_downMessages.contains(source)) {
            return m_downMessages.value(source);
        }
    }
    return {};
}

void ConsoleSession::setDown(const QString& source, bool down, const QString& message)
{
    const bool connectedBefore = isConnected();
    const QString outageBefore = outageMessage();
    if (down) {
        m_downMessages.insert(source,
                              message.isEmpty() ? tr("%1 is unreachable").arg(source) : message);
    } else {
        m_downMessages.remove(source);
    }
    if (m_ready && (isConnected() != connectedBefore || outageMessage() != outageBefore)) {
        Q_EMIT connectionChanged(isConnected(), outageMessage());
    }
}

} // namespace pixelnest::ui
