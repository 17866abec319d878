// The Redis client's transport beside hiredis's own, in one run on one server: the client
// formats with hiredis and parses with hiredis's reader but moves the bytes itself (so that
// rediss:// can go through OpenSSL). Prints operations/s for single round trips (PING) and for
// pipelines of 50 SETs, hiredis's redisContext first, then RedisClient, and the ratio.
// Usage: bench_redis_transport URL [ROUNDS]   (URL: unix:///path or redis://host:port; a
// rediss:// URL measures RedisClient over TLS only)
#include "queue/redisclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <hiredis/hiredis.h>

#include <cstdio>
#include <functional>

using namespace pixelnest::engine;

namespace
{

constexpr int kPipeline = 50;

double perSecond(int operations, const std::function<bool()>& round, int rounds)
{
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rounds; ++i) {
        if (!round()) {
            std::fprintf(stderr, "a command failed\n");
            return 0;
        }
    }
    return operations * rounds / (double(timer.nsecsElapsed()) / 1e9);
}

struct Figures
{
    double pings = 0;
    double pipelinedSets = 0;
};

Figures measureHiredis(const RedisUrl& url, int rounds)
{
    redisContext* context = url.socketPath.isEmpty()
                                ? redisConnect(url.host.toUtf8().constData(), url.port)
                                : redisConnectUnix(QFile::encodeName(url.socketPath).constData());
    if (context == nullptr || context->err) {
        std::fprintf(stderr, "hiredis cannot connect\n");
        return {};
    }
    const auto roundTrip = [context](int commands, bool set) {
        for (int i = 0; i < commands; ++i) {
            set ? redisAppendCommand(context, "SET bench:%d x", i)
                : redisAppendCommand(context, "PING");
        }
        for (int i = 0; i < commands; ++i) {
            void* reply = nullptr;
            if (redisGetReply(context, &reply) != REDIS_OK) {
                return false;
            }
            freeReplyObject(reply);
        }
        return true;
    };
    Figures figures;
    figures.pings = perSecond(
        1, [&] { return roundTrip(1, false); }, rounds);
    figures.pipelinedSets = perSecond(
        kPipeline, [&] { return roundTrip(kPipeline, true); }, rounds / 10);
    redisFree(context);
    return figures;
}

Figures measureClient(const RedisUrl& url, int rounds)
{
    RedisClient client(url);
    QList<QList<QByteArray>> sets;
    for (int i = 0; i < kPipeline; ++i) {
        sets.append({"SET", "bench:" + QByteArray::number(i), "x"});
    }
    Figures figures;
    figures.pings = perSecond(
        1, [&] { return client.command({"PING"}).ok(); }, rounds);
    figures.pipelinedSets = perSecond(
        kPipeline, [&] { return client.pipeline(sets).ok(); }, rounds / 10);
    return figures;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_redis_transport URL [ROUNDS]\n");
        return 2;
    }
    const auto url = RedisUrl::parse(QString::fromLocal8Bit(argv[1]));
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(url.error().message));
        return 2;
    }
    const int rounds = argc > 2 ? std::atoi(argv[2]) : 20000;
    const Figures client = measureClient(url.value(), rounds);
    std::printf("%-28s %14s %18s\n", "transport", "PING/s", "pipelined SET/s");
    if (!url->tls.enabled) {
        const Figures hiredis = measureHiredis(url.value(), rounds);
        std::printf("%-28s %14.0f %18.0f\n", "hiredis redisContext", hiredis.pings,
                    hiredis.pipelinedSets);
        std::printf("%-28s %14.0f %18.0f\n", "RedisClient (own socket)", client.pings,
                    client.pipelinedSets);
        std::printf("%-28s %14.2f %18.2f\n", "ratio RedisClient/hiredis",
                    client.pings / hiredis.pings, client.pipelinedSets / hiredis.pipelinedSets);
    } else {
        std::printf("%-28s %14.0f %18.0f\n", "RedisClient over TLS", client.pings,
                    client.pipelinedSets);
    }
    return 0;
}
