<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>ActionMessages</name>
    <message numerus="yes">
        <source>; %n not found</source>
        <translation>
            <numerusform>; %n개는 찾을 수 없음</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Priority of %n image(s) set to %1</source>
        <translation>
            <numerusform>이미지 %n개의 우선순위를 %1(으)로 설정했습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) queued for reprocessing</source>
        <translation>
            <numerusform>이미지 %n개를 다시 처리하도록 대기열에 넣었습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n still queued or processing, left alone</source>
        <translation>
            <numerusform>; %n개는 아직 대기 중이거나 처리 중이라 그대로 둠</numerusform>
        </translation>
    </message>
    <message>
        <source>No failed images to reprocess</source>
        <translation>다시 처리할 실패한 이미지가 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n failed image(s) queued for reprocessing</source>
        <translation>
            <numerusform>실패한 이미지 %n개를 다시 처리하도록 대기열에 넣었습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) cancelled</source>
        <translation>
            <numerusform>이미지 %n개를 취소했습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already finished, left alone</source>
        <translation>
            <numerusform>; %n개는 이미 끝나서 그대로 둠</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n image(s) to %1</source>
        <translation>
            <numerusform>이미지 %n개를 %1에 내보냈습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) will be retried now</source>
        <translation>
            <numerusform>이미지 %n개를 지금 다시 시도합니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n not waiting for a retry, left alone</source>
        <translation>
            <numerusform>; %n개는 재시도를 기다리는 중이 아니라 그대로 둠</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) deleted</source>
        <translation>
            <numerusform>이미지 %n개를 삭제했습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EngineActivity</name>
    <message>
        <source>Engine: stopped</source>
        <translation>엔진: 멈춤</translation>
    </message>
    <message>
        <source>Engine: loading models</source>
        <translation>엔진: 모델 불러오는 중</translation>
    </message>
    <message>
        <source>Engine: idle</source>
        <translation>엔진: 쉬는 중</translation>
    </message>
    <message>
        <source>Engine: processing %1</source>
        <translation>엔진: %1개 처리 중</translation>
    </message>
</context>
<context>
    <name>Exporter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
</context>
<context>
    <name>JobColumns</name>
    <message>
        <source>(untitled)</source>
        <translation>(제목 없음)</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>시도</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Scheduled %1</source>
        <translation>예약됨 %1</translation>
    </message>
    <message>
        <source>Retrying %1</source>
        <translation>재시도 예정 %1</translation>
    </message>
</context>
<context>
    <name>StatusStyle</name>
    <message>
        <source>Queued</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>취소됨</translation>
    </message>
</context>
<context>
    <name>WorkersModel</name>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AboutDialog</name>
    <message>
        <source>not reachable (%1)</source>
        <translation>연결할 수 없음 (%1)</translation>
    </message>
    <message>
        <source>About Pixelnest</source>
        <translation>Pixelnest 정보</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Pixelnest %1&lt;/h2&gt;&lt;p&gt;Image processing with a reliable priority queue, and its admin console.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Pixelnest %1&lt;/h2&gt;&lt;p&gt;믿을 수 있는 우선순위 대기열을 갖춘 이미지 처리와 그 관리 콘솔입니다.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1 (%2(으)로 빌드됨)</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>확인하는 중…</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt:</translation>
    </message>
    <message>
        <source>libtorch:</source>
        <translation>libtorch:</translation>
    </message>
    <message>
        <source>PostgreSQL server:</source>
        <translation>PostgreSQL 서버:</translation>
    </message>
    <message>
        <source>Redis server:</source>
        <translation>Redis 서버:</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AlertWatcher</name>
    <message>
        <source>Failures are spiking</source>
        <translation>실패가 급증하고 있습니다</translation>
    </message>
    <message numerus="yes">
        <source>%n job(s) failed since the last figures; open the console&apos;s Failed filter to see why.</source>
        <translation>
            <numerusform>지난 수치 이후 작업 %n개가 실패했습니다. 콘솔의 실패 필터에서 이유를 보세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>No engine is running</source>
        <translation>실행 중인 엔진이 없습니다</translation>
    </message>
    <message numerus="yes">
        <source>The last live engine went away; %n job(s) wait.</source>
        <translation>
            <numerusform>마지막 엔진이 사라졌습니다. 작업 %n개가 기다립니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AttemptHistoryModel</name>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>완료</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>retried</source>
        <translation>재시도</translation>
    </message>
    <message>
        <source>lease lost</source>
        <translation>리스 만료</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>취소됨</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>종료</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AuditPage</name>
    <message>
        <source>Any login</source>
        <translation>모든 로그인</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>모든 작업</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>모든 시간</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>최근 7일</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>새로 고침</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>로그인:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>작업:</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>시점:</translation>
    </message>
    <message>
        <source>The audit trail is not shown: %1</source>
        <translation>감사 기록을 보여 줄 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Could not load the audit trail: %1</source>
        <translation>감사 기록을 불러오지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>로그인</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>역할</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>클라이언트</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>작업</translation>
    </message>
    <message>
        <source>Jobs changed</source>
        <translation>바뀐 작업 수</translation>
    </message>
    <message>
        <source>Ids or filter</source>
        <translation>ID 또는 필터</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>새 값</translation>
    </message>
    <message numerus="yes">
        <source>
(%n job(s) in all)</source>
        <translation>
            <numerusform>
(모두 %n개 작업)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ConnectionDialog</name>
    <message>
        <source>stored in the system keychain</source>
        <translation>시스템 키체인에 저장됨</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>연결</translation>
    </message>
    <message>
        <source>&amp;Local stack on this computer (started automatically)</source>
        <translation>이 컴퓨터의 로컬 스택(&amp;L) (자동으로 시작)</translation>
    </message>
    <message>
        <source>&amp;Remote servers</source>
        <translation>원격 서버(&amp;R)</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>서버</translation>
    </message>
    <message>
        <source>PostgreSQL connection</source>
        <translation>PostgreSQL 연결</translation>
    </message>
    <message>
        <source>PostgreSQL password</source>
        <translation>PostgreSQL 비밀번호</translation>
    </message>
    <message>
        <source>Redis URL</source>
        <translation>Redis URL</translation>
    </message>
    <message>
        <source>Redis password</source>
        <translation>Redis 비밀번호</translation>
    </message>
    <message>
        <source>&amp;PostgreSQL:</source>
        <translation>PostgreSQL(&amp;P):</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>비밀번호(&amp;W):</translation>
    </message>
    <message>
        <source>R&amp;edis:</source>
        <translation>Redis(&amp;E):</translation>
    </message>
    <message>
        <source>Passw&amp;ord:</source>
        <translation>비밀번호(&amp;O):</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>처리 중</translation>
    </message>
    <message>
        <source>Also &amp;process images here (an engine in this window)</source>
        <translation>여기서도 이미지 처리(&amp;P) (이 창 안의 엔진)</translation>
    </message>
    <message>
        <source>&amp;Console only (engines run elsewhere)</source>
        <translation>콘솔만(&amp;C) (엔진은 다른 곳에서 실행)</translation>
    </message>
    <message>
        <source>PostgreSQL:</source>
        <translation>PostgreSQL:</translation>
    </message>
    <message>
        <source>Redis:</source>
        <translation>Redis:</translation>
    </message>
    <message>
        <source>&amp;Test</source>
        <translation>테스트(&amp;T)</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>연결(&amp;O)</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>테스트하는 중…</translation>
    </message>
    <message>
        <source>✓ reachable, version %1</source>
        <translation>✓ 연결됨, 버전 %1</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>the user name or password is wrong</source>
        <translation>사용자 이름이나 비밀번호가 틀렸습니다</translation>
    </message>
    <message>
        <source>the server asks for a password: enter it above</source>
        <translation>서버가 비밀번호를 요구합니다: 위에 입력하세요</translation>
    </message>
    <message>
        <source>no such database: create it, or correct dbname</source>
        <translation>그런 데이터베이스가 없습니다: 만들거나 dbname을 고치세요</translation>
    </message>
    <message>
        <source>no such user on that server</source>
        <translation>그 서버에 그런 사용자가 없습니다</translation>
    </message>
    <message>
        <source>unknown host name</source>
        <translation>알 수 없는 호스트 이름입니다</translation>
    </message>
    <message>
        <source>nothing answers there: is PostgreSQL running, and are the host and port right?</source>
        <translation>응답이 없습니다: PostgreSQL이 실행 중인지, 호스트와 포트가 맞는지 확인하세요</translation>
    </message>
    <message>
        <source>no answer within 5 seconds: check the host, the port and the firewall</source>
        <translation>5초 안에 응답이 없습니다: 호스트, 포트, 방화벽을 확인하세요</translation>
    </message>
    <message>
        <source>the connection text is malformed: use key=value pairs or a postgresql:// URI</source>
        <translation>연결 문자열 형식이 잘못되었습니다: key=value 쌍이나 postgresql:// URI를 쓰세요</translation>
    </message>
    <message>
        <source>nothing answers there: is Redis running, and are the host and port right?</source>
        <translation>응답이 없습니다: Redis가 실행 중인지, 호스트와 포트가 맞는지 확인하세요</translation>
    </message>
    <message>
        <source>the URL is malformed: use redis://[user:password@]host:port/db or unix:///path/redis.sock</source>
        <translation>URL 형식이 잘못되었습니다: redis://[user:password@]host:port/db 또는 unix:///path/redis.sock 형식을 쓰세요</translation>
    </message>
    <message>
        <source>PostgreSQL TLS</source>
        <translation>PostgreSQL TLS</translation>
    </message>
    <message>
        <source>Verify server certificate and name (verify-full)</source>
        <translation>서버 인증서와 이름 확인 (verify-full)</translation>
    </message>
    <message>
        <source>Verify server certificate (verify-ca)</source>
        <translation>서버 인증서 확인 (verify-ca)</translation>
    </message>
    <message>
        <source>Encrypt, do not verify (require)</source>
        <translation>암호화만, 확인 안 함 (require)</translation>
    </message>
    <message>
        <source>libpq default (prefer)</source>
        <translation>libpq 기본값 (prefer)</translation>
    </message>
    <message>
        <source>No TLS (disable)</source>
        <translation>TLS 사용 안 함 (disable)</translation>
    </message>
    <message>
        <source>CA certificate file (PEM), e.g. /etc/pixelnest/db-ca.crt</source>
        <translation>CA 인증서 파일 (PEM), 예: /etc/pixelnest/db-ca.crt</translation>
    </message>
    <message>
        <source>PostgreSQL CA certificate</source>
        <translation>PostgreSQL CA 인증서</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>TLS(&amp;T):</translation>
    </message>
    <message>
        <source>C&amp;A certificate:</source>
        <translation>CA 인증서(&amp;A):</translation>
    </message>
    <message>
        <source>rediss:// only: CA file (PEM); empty uses the system&apos;s CAs</source>
        <translation>rediss:// 전용: CA 파일 (PEM), 비우면 시스템 CA 사용</translation>
    </message>
    <message>
        <source>Redis CA certificate</source>
        <translation>Redis CA 인증서</translation>
    </message>
    <message>
        <source>client certificate (optional)</source>
        <translation>클라이언트 인증서 (선택)</translation>
    </message>
    <message>
        <source>Redis client certificate</source>
        <translation>Redis 클라이언트 인증서</translation>
    </message>
    <message>
        <source>its private key</source>
        <translation>그 개인 키</translation>
    </message>
    <message>
        <source>Redis client key</source>
        <translation>Redis 클라이언트 키</translation>
    </message>
    <message>
        <source>CA cert&amp;ificate:</source>
        <translation>CA 인증서(&amp;I):</translation>
    </message>
    <message>
        <source>C&amp;lient certificate:</source>
        <translation>클라이언트 인증서(&amp;L):</translation>
    </message>
    <message>
        <source>⚠ %1 is %2</source>
        <translation>⚠ %1: %2</translation>
    </message>
    <message>
        <source>⚠ Redis is %1</source>
        <translation>⚠ Redis: %1</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ConnectionIndicator</name>
    <message>
        <source>Connection state</source>
        <translation>연결 상태</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ConsoleSession</name>
    <message>
        <source>Reading the saved passwords…</source>
        <translation>저장된 비밀번호를 읽는 중…</translation>
    </message>
    <message>
        <source>Starting the local stack…</source>
        <translation>로컬 스택을 시작하는 중…</translation>
    </message>
    <message>
        <source>Connecting to the servers…</source>
        <translation>서버에 연결하는 중…</translation>
    </message>
    <message>
        <source>The embedded engine did not start: %1</source>
        <translation>내장 엔진이 시작되지 않았습니다: %1</translation>
    </message>
    <message>
        <source>Local stack in %1</source>
        <translation>로컬 스택 (%1)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> · processing here</source>
        <translation> · 여기서 처리 중</translation>
    </message>
    <message>
        <source>%1 is unreachable</source>
        <translation>%1에 연결할 수 없습니다</translation>
    </message>
    <message>
        <source>local socket</source>
        <translation>로컬 소켓</translation>
    </message>
    <message>
        <source>PostgreSQL %1 on %2</source>
        <translation>PostgreSQL %1 (%2)</translation>
    </message>
    <message>
        <source>Redis on %1</source>
        <translation>Redis (%1)</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DashboardWidget</name>
    <message>
        <source>Dashboard</source>
        <translation>대시보드</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>재시도 대기</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>워커</translation>
    </message>
    <message>
        <source>&lt;b&gt;Workers&lt;/b&gt; (from the engines&apos; heartbeats; no heartbeat for 5 s is shown in red)</source>
        <translation>&lt;b&gt;워커&lt;/b&gt; (엔진 하트비트 기준, 5초 넘게 하트비트가 없으면 빨간색)</translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation>최근 15분</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>최근 1시간</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>최근 24시간</translation>
    </message>
    <message>
        <source>Throughput window</source>
        <translation>처리량 기간</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>기간(&amp;W):</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DetailPane</name>
    <message>
        <source>Image details</source>
        <translation>이미지 세부 정보</translation>
    </message>
    <message>
        <source>Select an image to see its details.</source>
        <translation>이미지를 고르면 세부 정보가 보입니다.</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>원본</translation>
    </message>
    <message>
        <source>Anonymised (faces blurred)</source>
        <translation>익명화 (얼굴 흐림)</translation>
    </message>
    <message>
        <source>Image version</source>
        <translation>이미지 버전</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Attempt history</source>
        <translation>시도 기록</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attempts&lt;/b&gt;</source>
        <translation>&lt;b&gt;시도 기록&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Result JSON</source>
        <translation>결과 JSON</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
    <message>
        <source>No anonymised copy is stored for this image (yet).</source>
        <translation>이 이미지에는 (아직) 익명화된 사본이 없습니다.</translation>
    </message>
    <message>
        <source>attempt %1, priority %2</source>
        <translation>시도 %1, 우선순위 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) detected</source>
        <translation>
            <numerusform>얼굴 %n개 감지</numerusform>
        </translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>오류: %1</translation>
    </message>
    <message>
        <source>(no result yet)</source>
        <translation>(아직 결과 없음)</translation>
    </message>
    <message>
        <source>Id:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels, %4</source>
        <translation>%1, %2 × %3 픽셀, %4</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>파이프라인:</translation>
    </message>
    <message>
        <source>Worker:</source>
        <translation>워커:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>생성:</translation>
    </message>
    <message>
        <source>Started:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>종료:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>장치:</translation>
    </message>
    <message>
        <source>Timings (ms):</source>
        <translation>소요 시간 (ms):</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>모델:</translation>
    </message>
    <message>
        <source>Camera:</source>
        <translation>카메라:</translation>
    </message>
    <message>
        <source>Lens:</source>
        <translation>렌즈:</translation>
    </message>
    <message>
        <source>Taken:</source>
        <translation>촬영:</translation>
    </message>
    <message>
        <source>1/%1 s</source>
        <translation>1/%1초</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>ISO %1</source>
        <translation>ISO %1</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Exposure:</source>
        <translation>노출:</translation>
    </message>
    <message>
        <source>Location:</source>
        <translation>위치:</translation>
    </message>
    <message>
        <source>%1° %2, %3° %4 (not in the anonymised copy)</source>
        <translation>%1° %2, %3° %4 (익명화 사본에는 없음)</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>W</source>
        <translation>W</translation>
    </message>
    <message>
        <source>E</source>
        <translation>E</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DispatchBanner</name>
    <message>
        <source>Dispatch state</source>
        <translation>배분 상태</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message>
        <source>Dispatch is paused: engines finish the jobs they hold and claim nothing new.</source>
        <translation>배분이 일시 중지되었습니다: 엔진은 맡은 작업을 끝내고 새 작업은 가져가지 않습니다.</translation>
    </message>
    <message>
        <source>Paused pipelines: %1.</source>
        <translation>일시 중지된 파이프라인: %1.</translation>
    </message>
    <message>
        <source>%1 jobs wait for pipeline %2, which no live engine serves.</source>
        <translation>작업 %1개가 파이프라인 %2을(를) 기다리지만, 이를 처리하는 살아 있는 엔진이 없습니다.</translation>
    </message>
    <message>
        <source>Resume dispatch everywhere</source>
        <translation>모든 곳에서 배분 재개</translation>
    </message>
    <message>
        <source>Resume from the Images menu&apos;s Pause Pipeline entries</source>
        <translation>이미지 메뉴의 파이프라인 일시 중지 항목에서 재개하세요</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::DispatchControl</name>
    <message>
        <source>&amp;Pause Dispatch</source>
        <translation>배분 일시 중지(&amp;P)</translation>
    </message>
    <message>
        <source>Stop handing out jobs: engines finish what they hold and claim nothing new until resumed</source>
        <translation>작업 배분을 멈춥니다: 엔진은 맡은 작업을 끝내고 재개될 때까지 새 작업을 가져가지 않습니다</translation>
    </message>
    <message>
        <source>Pause P&amp;ipeline</source>
        <translation>파이프라인 일시 중지(&amp;I)</translation>
    </message>
    <message>
        <source>Pause or resume one pipeline&apos;s queue</source>
        <translation>한 파이프라인의 대기열을 일시 중지하거나 재개합니다</translation>
    </message>
    <message>
        <source>Pause &amp;Engine</source>
        <translation>엔진 일시 중지(&amp;E)</translation>
    </message>
    <message>
        <source>The selected engine finishes its jobs and stays idle until resumed</source>
        <translation>선택한 엔진이 작업을 끝내고 재개될 때까지 쉽니다</translation>
    </message>
    <message>
        <source>Res&amp;ume Engine</source>
        <translation>엔진 재개(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Drain Engine…</source>
        <translation>엔진 비우기(&amp;D)…</translation>
    </message>
    <message>
        <source>The selected engine finishes its jobs and stops</source>
        <translation>선택한 엔진이 작업을 끝내고 멈춥니다</translation>
    </message>
    <message>
        <source>%1 (%2) may not pause, resume or drain engines</source>
        <translation>%1 (%2)은(는) 엔진을 일시 중지·재개·비우기 할 권한이 없습니다</translation>
    </message>
    <message>
        <source>&amp;Resume Dispatch</source>
        <translation>배분 재개(&amp;R)</translation>
    </message>
    <message>
        <source>Could not change dispatch: %1</source>
        <translation>배분을 바꾸지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Dispatch paused: engines finish what they hold and claim nothing new</source>
        <translation>배분 일시 중지: 엔진은 맡은 작업을 끝내고 새 작업은 가져가지 않습니다</translation>
    </message>
    <message>
        <source>Dispatch resumed</source>
        <translation>배분 재개됨</translation>
    </message>
    <message>
        <source>Pipeline %1 paused</source>
        <translation>파이프라인 %1 일시 중지됨</translation>
    </message>
    <message>
        <source>Pipeline %1 resumed</source>
        <translation>파이프라인 %1 재개됨</translation>
    </message>
    <message>
        <source>Could not %1 %2: %3</source>
        <translation>%2에 %1 하지 못했습니다: %3</translation>
    </message>
    <message>
        <source>Draining %1: it finishes its jobs and stops</source>
        <translation>%1 비우는 중: 작업을 끝내고 멈춥니다</translation>
    </message>
    <message>
        <source>Engine %1 paused: it finishes its jobs and stays idle</source>
        <translation>엔진 %1 일시 중지: 작업을 끝내고 쉽니다</translation>
    </message>
    <message>
        <source>Engine %1 resumed</source>
        <translation>엔진 %1 재개됨</translation>
    </message>
    <message>
        <source>Drain Engine</source>
        <translation>엔진 비우기</translation>
    </message>
    <message>
        <source>Drain %1?

It claims nothing new, finishes the jobs it holds and stops; a headless engine then exits (systemd restarts it only if told to).</source>
        <translation>%1을(를) 비울까요?

새 작업은 가져가지 않고 맡은 작업을 끝낸 뒤 멈춥니다. 헤드리스 엔진은 종료합니다 (systemd는 그렇게 설정된 경우에만 다시 시작합니다).</translation>
    </message>
    <message>
        <source>Rate &amp;Limit…</source>
        <translation>속도 제한(&amp;L)…</translation>
    </message>
    <message>
        <source>At most N jobs of a pipeline start per second, all engines together</source>
        <translation>모든 엔진을 합쳐 파이프라인 작업을 초당 최대 N개만 시작합니다</translation>
    </message>
    <message>
        <source>%1 (at most %2/s)</source>
        <translation>%1 (최대 초당 %2개)</translation>
    </message>
    <message>
        <source>Could not set the rate limit: %1</source>
        <translation>속도 제한을 설정하지 못했습니다: %1</translation>
    </message>
    <message>
        <source>Pipeline %1: at most %2 jobs per second</source>
        <translation>파이프라인 %1: 초당 최대 %2개 작업</translation>
    </message>
    <message>
        <source>Pipeline %1: no rate limit</source>
        <translation>파이프라인 %1: 속도 제한 없음</translation>
    </message>
    <message>
        <source>Rate Limit</source>
        <translation>속도 제한</translation>
    </message>
    <message>
        <source>Pipeline:</source>
        <translation>파이프라인:</translation>
    </message>
    <message>
        <source>Jobs of %1 per second, all engines together (0: no limit):</source>
        <translation>%1의 초당 작업 수, 모든 엔진 합계 (0: 제한 없음):</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ImageView</name>
    <message>
        <source>Image</source>
        <translation>이미지</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) detected</source>
        <translation>
            <numerusform>얼굴 %n개 감지</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ImagesPage</name>
    <message>
        <source>Filter by status</source>
        <translation>상태로 거르기</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>상태(&amp;S):</translation>
    </message>
    <message>
        <source>Search titles</source>
        <translation>제목 검색</translation>
    </message>
    <message>
        <source>Search titles or an id</source>
        <translation>제목 또는 ID 검색</translation>
    </message>
    <message>
        <source>&amp;Filters…</source>
        <translation>필터(&amp;F)…</translation>
    </message>
    <message>
        <source>Pipeline, worker, priority, date, moderation label, faces</source>
        <translation>파이프라인, 워커, 우선순위, 날짜, 검열 라벨, 얼굴</translation>
    </message>
    <message>
        <source>&amp;Filters (%1)…</source>
        <translation>필터(&amp;F) (%1)…</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobActions</name>
    <message>
        <source>Set &amp;Priority…</source>
        <translation>우선순위 설정(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Reprocess</source>
        <translation>다시 처리(&amp;R)</translation>
    </message>
    <message>
        <source>Reprocess All &amp;Failed</source>
        <translation>실패한 이미지 모두 다시 처리(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Cancel Processing</source>
        <translation>처리 취소(&amp;C)</translation>
    </message>
    <message>
        <source>Export as &amp;CSV…</source>
        <translation>CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Export as &amp;JSON…</source>
        <translation>JSON으로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>Copy &amp;Id</source>
        <translation>ID 복사(&amp;I)</translation>
    </message>
    <message>
        <source>Set the priority of the selected images (−1000…1000, higher runs first)</source>
        <translation>선택한 이미지의 우선순위를 정합니다 (−1000…1000, 높을수록 먼저 실행)</translation>
    </message>
    <message>
        <source>Queue the selected finished, failed or cancelled images again</source>
        <translation>선택한 완료·실패·취소 이미지를 다시 대기열에 넣습니다</translation>
    </message>
    <message>
        <source>Queue every failed image again</source>
        <translation>실패한 이미지를 모두 다시 대기열에 넣습니다</translation>
    </message>
    <message>
        <source>Cancel the selected queued or processing images</source>
        <translation>선택한 대기 중·처리 중 이미지를 취소합니다</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>내보내기 실패: %1</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n id(s)</source>
        <translation>
            <numerusform>ID %n개를 복사했습니다</numerusform>
        </translation>
    </message>
    <message>
        <source>Export All Listed Images</source>
        <translation>목록의 모든 이미지 내보내기</translation>
    </message>
    <message numerus="yes">
        <source>Export %n Image(s)</source>
        <translation>
            <numerusform>이미지 %n개 내보내기</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>%1 (%2) cannot %3: an admin can grant the operator role</source>
        <translation>%1 (%2)은(는) %3 권한이 없습니다: 관리자가 operator 역할을 줄 수 있습니다</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>권한 없음</translation>
    </message>
    <message>
        <source>Retry &amp;Now</source>
        <translation>지금 재시도(&amp;N)</translation>
    </message>
    <message>
        <source>Run the selected images that wait out a retry&apos;s backoff now</source>
        <translation>재시도 대기 중인 선택한 이미지를 지금 실행합니다</translation>
    </message>
    <message>
        <source>De&amp;lete…</source>
        <translation>삭제(&amp;L)…</translation>
    </message>
    <message>
        <source>Delete the selected images, their results and history for good</source>
        <translation>선택한 이미지와 결과, 기록을 영구히 삭제합니다</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n image(s)?

Their files, results and attempt history are removed for good; an engine processing one drops its result.</source>
        <translation>
            <numerusform>이미지 %n개를 삭제할까요?

파일, 결과, 시도 기록이 영구히 지워집니다. 처리 중인 엔진은 그 결과를 버립니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete Images</source>
        <translation>이미지 삭제</translation>
    </message>
    <message>
        <source>Set Priority of All &amp;Matching…</source>
        <translation>일치하는 모든 이미지의 우선순위 설정(&amp;M)…</translation>
    </message>
    <message>
        <source>Cancel All Matc&amp;hing…</source>
        <translation>일치하는 모든 이미지 취소(&amp;H)…</translation>
    </message>
    <message>
        <source>Reprocess All Matchin&amp;g…</source>
        <translation>일치하는 모든 이미지 다시 처리(&amp;G)…</translation>
    </message>
    <message>
        <source>Set the priority of every image the filter matches</source>
        <translation>필터에 맞는 모든 이미지의 우선순위를 정합니다</translation>
    </message>
    <message>
        <source>Cancel every queued or processing image the filter matches</source>
        <translation>필터에 맞는 대기 중·처리 중 이미지를 모두 취소합니다</translation>
    </message>
    <message>
        <source>Queue every finished image the filter matches again</source>
        <translation>필터에 맞는 끝난 이미지를 모두 다시 대기열에 넣습니다</translation>
    </message>
    <message>
        <source>No failed images to reprocess</source>
        <translation>다시 처리할 실패한 이미지가 없습니다</translation>
    </message>
    <message>
        <source>Reprocess All Failed</source>
        <translation>실패한 이미지 모두 다시 처리</translation>
    </message>
    <message>
        <source>Queue all %1 failed images again?</source>
        <translation>실패한 이미지 %1개를 모두 다시 대기열에 넣을까요?</translation>
    </message>
    <message>
        <source>Set the priority of all %1 images matching this filter to %2?</source>
        <translation>이 필터에 맞는 이미지 %1개의 우선순위를 모두 %2(으)로 정할까요?</translation>
    </message>
    <message>
        <source>Cancel all %1 images matching this filter? Finished ones are left alone.</source>
        <translation>이 필터에 맞는 이미지 %1개를 모두 취소할까요? 끝난 이미지는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>Reprocess all %1 images matching this filter? Queued and processing ones are left alone.</source>
        <translation>이 필터에 맞는 이미지 %1개를 모두 다시 처리할까요? 대기 중·처리 중인 이미지는 그대로 둡니다.</translation>
    </message>
    <message>
        <source>%1 of %2 matching images changed</source>
        <translation>일치하는 이미지 %2개 중 %1개를 바꿨습니다</translation>
    </message>
    <message>
        <source>No image matches this filter</source>
        <translation>이 필터에 맞는 이미지가 없습니다</translation>
    </message>
    <message>
        <source>All Matching Images</source>
        <translation>일치하는 모든 이미지</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobFilterDialog</name>
    <message>
        <source>Filter Images</source>
        <translation>이미지 거르기</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>파이프라인(&amp;P)</translation>
    </message>
    <message>
        <source>host or host:pid</source>
        <translation>호스트 또는 호스트:pid</translation>
    </message>
    <message>
        <source>&amp;Worker</source>
        <translation>워커(&amp;W)</translation>
    </message>
    <message>
        <source>Lowest priority</source>
        <translation>최저 우선순위</translation>
    </message>
    <message>
        <source>Highest priority</source>
        <translation>최고 우선순위</translation>
    </message>
    <message>
        <source>P&amp;riority</source>
        <translation>우선순위(&amp;R)</translation>
    </message>
    <message>
        <source>Created &amp;since</source>
        <translation>생성 시점 이후(&amp;S)</translation>
    </message>
    <message>
        <source>score ≥ </source>
        <translation>점수 ≥ </translation>
    </message>
    <message>
        <source>on top</source>
        <translation>최상위</translation>
    </message>
    <message>
        <source>Minimum score (0: the label on top)</source>
        <translation>최소 점수 (0: 최상위 라벨)</translation>
    </message>
    <message>
        <source>&amp;Moderation</source>
        <translation>검열(&amp;M)</translation>
    </message>
    <message>
        <source>or more</source>
        <translation>이상</translation>
    </message>
    <message>
        <source>&amp;Faces</source>
        <translation>얼굴(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>적용(&amp;A)</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobTableModel</name>
    <message>
        <source>Loading…</source>
        <translation>불러오는 중…</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::JobTableView</name>
    <message>
        <source>Images</source>
        <translation>이미지</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::MainWindow</name>
    <message>
        <source>Pixelnest</source>
        <translation>Pixelnest</translation>
    </message>
    <message>
        <source>&amp;Images</source>
        <translation>이미지(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>대시보드(&amp;D)</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Add &amp;Files…</source>
        <translation>파일 추가(&amp;F)…</translation>
    </message>
    <message>
        <source>Add F&amp;older…</source>
        <translation>폴더 추가(&amp;O)…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>새로 고침(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>연결(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>I&amp;mages</source>
        <translation>이미지(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Pixelnest</source>
        <translation>Pixelnest 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>기본</translation>
    </message>
    <message>
        <source>Could not load images: %1</source>
        <translation>이미지를 불러올 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Not connected: %1</source>
        <translation>연결되지 않음: %1</translation>
    </message>
    <message>
        <source>Pixelnest could not connect:
%1

It keeps trying; File → Connection… chooses other servers.</source>
        <translation>Pixelnest가 연결하지 못했습니다:
%1

계속 다시 시도합니다. 다른 서버는 파일 → 연결…에서 고르세요.</translation>
    </message>
    <message>
        <source>Drop images here to process them
(or use Add Files… and Add Folder…)</source>
        <translation>처리할 이미지를 여기에 끌어다 놓으세요
(또는 파일 추가…, 폴더 추가…를 쓰세요)</translation>
    </message>
    <message>
        <source>Connection lost, read-only until it returns</source>
        <translation>연결이 끊겼습니다. 다시 연결될 때까지 읽기 전용</translation>
    </message>
    <message>
        <source>%1 · Redis unreachable: queue figures are stale</source>
        <translation>%1 · Redis에 연결할 수 없음: 대기열 수치가 최신이 아닙니다</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) uploaded</source>
        <translation>
            <numerusform>이미지 %n개를 올렸습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) not uploaded</source>
        <translation>
            <numerusform>; 파일 %n개는 올리지 못함</numerusform>
        </translation>
    </message>
    <message>
        <source>Add Images</source>
        <translation>이미지 추가</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff);;All files (*)</source>
        <translation>이미지 (*.jpg *.jpeg *.png *.webp *.gif *.bmp *.tif *.tiff);;모든 파일 (*)</translation>
    </message>
    <message>
        <source>Add a Folder of Images</source>
        <translation>이미지 폴더 추가</translation>
    </message>
    <message>
        <source>The new language applies when Pixelnest starts again.</source>
        <translation>새 언어는 Pixelnest를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>&amp;Audit</source>
        <translation>감사(&amp;A)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>PostgreSQL login %1, acting as Pixelnest role %2</source>
        <translation>PostgreSQL 로그인 %1, Pixelnest 역할 %2(으)로 작업 중</translation>
    </message>
    <message>
        <source>&amp;Engines</source>
        <translation>엔진(&amp;E)</translation>
    </message>
    <message>
        <source>All Matc&amp;hing the Filter</source>
        <translation>필터에 맞는 모든 이미지(&amp;H)</translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) not loaded: actions on the selection leave them out; Images → All Matching the Filter acts on every match.</source>
        <translation>
            <numerusform>선택한 행 중 %n개는 아직 불러오지 않아 선택 항목 작업에서 빠집니다. 일치하는 모든 이미지에는 이미지 → 필터에 맞는 모든 이미지를 사용하세요.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 in the table</source>
        <translation>표에 %1개</translation>
    </message>
    <message>
        <source>%1 of %2 images</source>
        <translation>이미지 %2개 중 %1개</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>이미지 %1개</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ModerationChart</name>
    <message>
        <source>Moderation label</source>
        <translation>콘텐츠 분류 결과</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>Moderation scores</source>
        <translation>콘텐츠 분류 점수</translation>
    </message>
    <message>
        <source>No moderation result</source>
        <translation>콘텐츠 분류 결과 없음</translation>
    </message>
    <message>
        <source>Moderation: &lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>콘텐츠 분류: &lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::PasswordStore</name>
    <message>
        <source>The system keychain refused (%1). Passwords are never written to the settings file.</source>
        <translation>시스템 키체인이 거부했습니다 (%1). 비밀번호는 설정 파일에 절대 쓰지 않습니다.</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::PriorityDialog</name>
    <message>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>가장 낮음</translation>
    </message>
    <message>
        <source>Set Priority</source>
        <translation>우선순위 설정</translation>
    </message>
    <message numerus="yes">
        <source>New priority for %n image(s). Higher runs first; a queued image moves at once.</source>
        <translation>
            <numerusform>이미지 %n개의 새 우선순위입니다. 높을수록 먼저 실행되며, 대기 중인 이미지는 바로 순서가 바뀝니다.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Priority number</source>
        <translation>우선순위 숫자</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>숫자(&amp;N):</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::QueueDepthChart</name>
    <message>
        <source>Urgent</source>
        <translation>긴급</translation>
    </message>
    <message>
        <source>High</source>
        <translation>높음</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>보통</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>낮음</translation>
    </message>
    <message>
        <source>Lowest</source>
        <translation>가장 낮음</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <source>Queue depth by priority</source>
        <translation>우선순위별 대기열 길이</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>시스템 언어</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>언어(&amp;L):</translation>
    </message>
    <message>
        <source>A new language applies the next time Pixelnest starts.</source>
        <translation>새 언어는 다음에 Pixelnest를 시작할 때 적용됩니다.</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::StatusCountModel</name>
    <message>
        <source>All statuses</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::ThroughputChart</name>
    <message>
        <source>Completed per minute</source>
        <translation>분당 완료</translation>
    </message>
    <message>
        <source>Failed per minute</source>
        <translation>분당 실패</translation>
    </message>
    <message>
        <source>Throughput, last %1 minutes</source>
        <translation>처리량, 최근 %1분</translation>
    </message>
    <message>
        <source>minutes ago</source>
        <translation>분 전</translation>
    </message>
    <message>
        <source>Throughput per minute</source>
        <translation>분당 처리량</translation>
    </message>
    <message>
        <source>%1 completed and %2 failed in the last %3 minutes</source>
        <translation>최근 %3분 동안 %1개 완료, %2개 실패</translation>
    </message>
    <message>
        <source>Throughput, last hour</source>
        <translation>처리량, 최근 1시간</translation>
    </message>
    <message>
        <source>Throughput, last %1 hours</source>
        <translation>처리량, 최근 %1시간</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::UploadController</name>
    <message>
        <source>not uploaded: cancelled</source>
        <translation>올리지 않음: 취소됨</translation>
    </message>
    <message>
        <source>not uploaded: %1</source>
        <translation>올리지 않음: %1</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::UploadDialog</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>파일 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>폴더 %n개</numerusform>
        </translation>
    </message>
    <message>
        <source>Upload Images</source>
        <translation>이미지 올리기</translation>
    </message>
    <message>
        <source>Upload %1. Folders are searched recursively; a file that is not an image is listed at the end while the rest go through.</source>
        <translation>%1을(를) 올립니다. 폴더는 하위 폴더까지 찾으며, 이미지가 아닌 파일은 나머지를 올린 뒤 끝에 따로 알려 줍니다.</translation>
    </message>
    <message>
        <source>Priority preset</source>
        <translation>우선순위 프리셋</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation>우선순위(&amp;P):</translation>
    </message>
    <message>
        <source>Each file&apos;s name</source>
        <translation>각 파일의 이름</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>제목(&amp;T):</translation>
    </message>
    <message>
        <source>default: faces and moderation; metadata: size, format and thumbnail only; noop: count the bytes</source>
        <translation>default: 얼굴 감지와 콘텐츠 분류, metadata: 크기·형식·미리보기만, noop: 바이트 수만 셈</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>파이프라인</translation>
    </message>
    <message>
        <source>Pi&amp;peline:</source>
        <translation>파이프라인(&amp;I):</translation>
    </message>
    <message>
        <source>&amp;Upload</source>
        <translation>올리기(&amp;U)</translation>
    </message>
    <message>
        <source>Not &amp;before</source>
        <translation>이후에 시작(&amp;B)</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>시작 시각</translation>
    </message>
    <message>
        <source>Cancel if not started &amp;within</source>
        <translation>다음 시간 안에 시작하지 않으면 취소(&amp;W)</translation>
    </message>
    <message>
        <source> min</source>
        <translation>분</translation>
    </message>
    <message>
        <source>Expiry in minutes</source>
        <translation>만료(분)</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>시작:</translation>
    </message>
    <message>
        <source>Expiry:</source>
        <translation>만료:</translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::UploadProgressDialog</name>
    <message>
        <source>Uploading Images</source>
        <translation>이미지 올리는 중</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>이미지를 찾는 중…</translation>
    </message>
    <message>
        <source>Upload status</source>
        <translation>올리기 상태</translation>
    </message>
    <message>
        <source>Upload progress</source>
        <translation>올리기 진행률</translation>
    </message>
    <message>
        <source>File</source>
        <translation>파일</translation>
    </message>
    <message>
        <source>Why it was not uploaded</source>
        <translation>올리지 못한 이유</translation>
    </message>
    <message>
        <source>Files not uploaded</source>
        <translation>올리지 못한 파일</translation>
    </message>
    <message>
        <source>Cancelling after the files being sent…</source>
        <translation>보내는 중인 파일이 끝나면 취소합니다…</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n file(s) · %2 of %3</source>
        <translation>
            <numerusform>파일 %n개 중 %1개 · %3 중 %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) uploaded</source>
        <translation>
            <numerusform>이미지 %n개를 올렸습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n file(s) not uploaded:</source>
        <translation>
            <numerusform>; 파일 %n개는 올리지 못함:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pixelnest::ui::WorkersModel</name>
    <message>
        <source>%1 (pid %2)</source>
        <translation>%1 (pid %2)</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>%1초 전</translation>
    </message>
    <message>
        <source>No heartbeat for %1 s: this engine stopped or cannot reach Redis</source>
        <translation>%1초 동안 하트비트 없음: 이 엔진이 멈췄거나 Redis에 닿지 못합니다</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>진행 중</translation>
    </message>
    <message>
        <source>Processed</source>
        <translation>처리함</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>마지막 확인</translation>
    </message>
    <message>
        <source>This engine&apos;s settings (max attempts, lease, limits, timeouts, pipelines) differ from the other engines&apos;: it treats the same job differently</source>
        <translation>이 엔진의 설정(최대 시도, 리스, 한도, 시간 제한, 파이프라인)이 다른 엔진과 다릅니다: 같은 작업을 다르게 처리합니다</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>running</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1시간 %2분</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1분</translation>
    </message>
    <message>
        <source>A job has run past its timeout and its worker thread has not returned</source>
        <translation>작업이 시간 제한을 넘겼고 작업 스레드가 돌아오지 않았습니다</translation>
    </message>
    <message>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>부하</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>메모리</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU memory</source>
        <translation>GPU 메모리</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>가동 시간</translation>
    </message>
    <message>
        <source>Pipelines</source>
        <translation>파이프라인</translation>
    </message>
</context>
</TS>
