<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ActionMessages</name>
    <message numerus="yes">
        <source>; %n not found</source>
        <translation>
            <numerusform>; %n not found</numerusform>
            <numerusform>; %n not found</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Priority of %n image(s) set to %1</source>
        <translation>
            <numerusform>Priority of %n image set to %1</numerusform>
            <numerusform>Priority of %n images set to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) queued for reprocessing</source>
        <translation>
            <numerusform>%n image queued for reprocessing</numerusform>
            <numerusform>%n images queued for reprocessing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n still queued or processing, left alone</source>
        <translation>
            <numerusform>; %n still queued or processing, left alone</numerusform>
            <numerusform>; %n still queued or processing, left alone</numerusform>
        </translation>
    </message>
    <message>
        <source>No failed images to reprocess</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed image(s) queued for reprocessing</source>
        <translation>
            <numerusform>%n failed image queued for reprocessing</numerusform>
            <numerusform>%n failed images queued for reprocessing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) cancelled</source>
        <translation>
            <numerusform>%n image cancelled</numerusform>
            <numerusform>%n images cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already finished, left alone</source>
        <translation>
            <numerusform>; %n already finished, left alone</numerusform>
            <numerusform>; %n already finished, left alone</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1</source>
        <translation>
            <numerusform>Exported %n image to %1</numerusform>
            <numerusform>Exported %n images to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) will be retried now</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not waiting for a retry, left alone</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) deleted</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineActivity</name>
    <message>
        <source>Engine: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: loading models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine: processing %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JobColumns</name>
    <message>
        <source>(untitled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkersModel</name>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AboutDialog</name>
    <message>
        <source>not reachable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Pixelnest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Pixelnest %1&lt;/h2&gt;&lt;p&gt;Image processing with a reliable priority queue, and its admin console.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>asking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libtorch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis server:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AlertWatcher</name>
    <message>
        <source>Failures are spiking</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) failed since the last figures; open the console&apos;s Failed filter to see why.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No engine is running</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The last live engine went away; %n job(s) wait.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AttemptHistoryModel</name>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retried</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lease lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AuditPage</name>
    <message>
        <source>Any login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is not shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the audit trail: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ids or filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New value</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>
(%n job(s) in all)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ConnectionDialog</name>
    <message>
        <source>stored in the system keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Local stack on this computer (started automatically)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remote servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PostgreSQL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;edis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passw&amp;ord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also &amp;process images here (an engine in this window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Console only (engines run elsewhere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ reachable, version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user name or password is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server asks for a password: enter it above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such database: create it, or correct dbname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such user on that server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing answers there: is PostgreSQL running, and are the host and port right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer within 5 seconds: check the host, the port and the firewall</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection text is malformed: use key=value pairs or a postgresql:// URI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing answers there: is Redis running, and are the host and port right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the URL is malformed: use redis://[user:password@]host:port/db or unix:///path/redis.sock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify server certificate and name (verify-full)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify server certificate (verify-ca)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encrypt, do not verify (require)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>libpq default (prefer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No TLS (disable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate file (PEM), e.g. /etc/pixelnest/db-ca.crt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rediss:// only: CA file (PEM); empty uses the system&apos;s CAs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis CA certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client certificate (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis client certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis client key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA cert&amp;ificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ %1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Redis is %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ConsoleSession</name>
    <message>
        <source>Reading the saved passwords…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting the local stack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to the servers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The embedded engine did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local stack in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · processing here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local socket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redis on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DashboardWidget</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Workers&lt;/b&gt; (from the engines&apos; heartbeats; no heartbeat for 5 s is shown in red)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DetailPane</name>
    <message>
        <source>Image details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an image to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anonymised (faces blurred)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempt history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempts&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No anonymised copy is stored for this image (yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1, priority %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) detected</source>
        <translation>
            <numerusform>%n face detected</numerusform>
            <numerusform>%n faces detected</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no result yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Id:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Worker:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timings (ms):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Models:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1/%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ISO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exposure:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1° %2, %3° %4 (not in the anonymised copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DispatchBanner</name>
    <message>
        <source>Dispatch state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch is paused: engines finish the jobs they hold and claim nothing new.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused pipelines: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 jobs wait for pipeline %2, which no live engine serves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume dispatch everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume from the Images menu&apos;s Pause Pipeline entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DispatchControl</name>
    <message>
        <source>&amp;Pause Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop handing out jobs: engines finish what they hold and claim nothing new until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause P&amp;ipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause or resume one pipeline&apos;s queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause &amp;Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected engine finishes its jobs and stays idle until resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Res&amp;ume Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drain Engine…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected engine finishes its jobs and stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) may not pause, resume or drain engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Dispatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change dispatch: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch paused: engines finish what they hold and claim nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dispatch resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline %1 paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline %1 resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1 %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draining %1: it finishes its jobs and stops</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine %1 paused: it finishes its jobs and stays idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Engine %1 resumed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain Engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drain %1?

It claims nothing new, finishes the jobs it holds and stops; a headless engine then exits (systemd restarts it only if told to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate &amp;Limit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At most N jobs of a pipeline start per second, all engines together</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at most %2/s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not set the rate limit: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline %1: at most %2 jobs per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline %1: no rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate Limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jobs of %1 per second, all engines together (0: no limit):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ImageView</name>
    <message>
        <source>Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) detected</source>
        <translation>
            <numerusform>%n face detected</numerusform>
            <numerusform>%n faces detected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ImagesPage</name>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search titles or an id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline, worker, priority, date, moderation label, faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Filters (%1)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobActions</name>
    <message>
        <source>Set &amp;Priority…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reprocess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprocess All &amp;Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the priority of the selected images (−1000…1000, higher runs first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected finished, failed or cancelled images again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue every failed image again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel the selected queued or processing images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Copied %n id(s)</source>
        <translation>
            <numerusform>Copied %n id</numerusform>
            <numerusform>Copied %n ids</numerusform>
        </translation>
    </message>
    <message>
        <source>Export All Listed Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Export %n Image(s)</source>
        <translation>
            <numerusform>Export %n Image</numerusform>
            <numerusform>Export %n Images</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) cannot %3: an admin can grant the operator role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the selected images that wait out a retry&apos;s backoff now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected images, their results and history for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s)?

Their files, results and attempt history are removed for good; an engine processing one drops its result.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Priority of All &amp;Matching…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel All Matc&amp;hing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprocess All Matchin&amp;g…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the priority of every image the filter matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel every queued or processing image the filter matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue every finished image the filter matches again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No failed images to reprocess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprocess All Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue all %1 failed images again?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the priority of all %1 images matching this filter to %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel all %1 images matching this filter? Finished ones are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprocess all %1 images matching this filter? Queued and processing ones are left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 matching images changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No image matches this filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Matching Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobFilterDialog</name>
    <message>
        <source>Filter Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host or host:pid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highest priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;riority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created &amp;since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score ≥ </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum score (0: the label on top)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Faces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobTableModel</name>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobTableView</name>
    <message>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::MainWindow</name>
    <message>
        <source>Pixelnest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I&amp;mages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Pixelnest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load images: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pixelnest could not connect:
%1

It keeps trying; File → Connection… chooses other servers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop images here to process them
(or use Add Files… and Add Folder…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost, read-only until it returns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · Redis unreachable: queue figures are stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) uploaded</source>
        <translation>
            <numerusform>%n image uploaded</numerusform>
            <numerusform>%n images uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) not uploaded</source>
        <translation>
            <numerusform>; %n file not uploaded</numerusform>
            <numerusform>; %n files not uploaded</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a Folder of Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language applies when Pixelnest starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PostgreSQL login %1, acting as Pixelnest role %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Engines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All Matc&amp;hing the Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) not loaded: actions on the selection leave them out; Images → All Matching the Filter acts on every match.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ModerationChart</name>
    <message>
        <source>Moderation label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No moderation result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moderation: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::PasswordStore</name>
    <message>
        <source>The system keychain refused (%1). Passwords are never written to the settings file.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::PriorityDialog</name>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>New priority for %n image(s). Higher runs first; a queued image moves at once.</source>
        <translation>
            <numerusform>New priority for %n image. Higher runs first; a queued image moves at once.</numerusform>
            <numerusform>New priority for %n images. Higher runs first; a queued image moves at once.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::QueueDepthChart</name>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue depth by priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new language applies the next time Pixelnest starts.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::StatusCountModel</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ThroughputChart</name>
    <message>
        <source>Completed per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput, last %1 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput per minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 completed and %2 failed in the last %3 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput, last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput, last %1 hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::UploadController</name>
    <message>
        <source>not uploaded: cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not uploaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::UploadDialog</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n folder</numerusform>
            <numerusform>%n folders</numerusform>
        </translation>
    </message>
    <message>
        <source>Upload Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload %1. Folders are searched recursively; a file that is not an image is listed at the end while the rest go through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each file&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: faces and moderation; metadata: size, format and thumbnail only; noop: count the bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pi&amp;peline:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not &amp;before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel if not started &amp;within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry in minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::UploadProgressDialog</name>
    <message>
        <source>Uploading Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was not uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files not uploaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling after the files being sent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) · %2 of %3</source>
        <translation>
            <numerusform>%1 of %n file · %2 of %3</numerusform>
            <numerusform>%1 of %n files · %2 of %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) uploaded</source>
        <translation>
            <numerusform>%n image uploaded</numerusform>
            <numerusform>%n images uploaded</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) not uploaded:</source>
        <translation>
            <numerusform>; %n file not uploaded:</numerusform>
            <numerusform>; %n files not uploaded:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::WorkersModel</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No heartbeat for %1 s: this engine stopped or cannot reach Redis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This engine&apos;s settings (max attempts, lease, limits, timeouts, pipelines) differ from the other engines&apos;: it treats the same job differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A job has run past its timeout and its worker thread has not returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
