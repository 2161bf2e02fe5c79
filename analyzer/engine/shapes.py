"""The shapes of log lines that continue an entry or start one (a stack frame, a traceback's chain, a process
manager's label, a Node object's braces): data and small predicates that analyzer.engine.entries reads to join
a paste's physical lines into entries."""

from __future__ import annotations

import re

BRACKET = re.compile(r"[{}\[\]]")
QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")
# A Python traceback is one entry: its frames, the exception line that ends it, and the tracebacks chained to it
PY_TRACEBACK = "Traceback (most recent call last):"
PY_CHAINS = (
    "During handling of the above exception, another exception occurred:",
    "The above exception was the direct cause of the following exception:",
)
PY_EXCEPTION = re.compile(
    r"(?:[A-Za-z_]\w*\.)*[A-Za-z_]\w*(?:Error|Exception|Interrupted|Interrupt|Exit|Warning|Failure|error|timeout|Timeout)"
    r"(?:: |:?$)"
)
# Go's network error stopped before its reason ('dial tcp 127.0.0.1:6379: connect: '), as a paste wrapped at the
# terminal's width leaves it: the next line, if it starts with a lowercase word, is that reason. Narrow on purpose:
# a line may end with ': ' because it printed an empty value (go-redis 'invalid redis URL scheme: ').
GO_CUT = re.compile(r"\b(?:dial|read|write) (?:tcp|udp|unix)[46]? \S+: (?:connect|connectex|read|write|wsarecv|wsasend|getsockopt): $")
FRAME = re.compile(r'[ \t]+(?:File "[^"\n]+", line \d+, in |(?:at [\w$.<>/@-]+\([^)\n]*\)|\.\.\. \d+ (?:more|common frames omitted))\s*$)')  # a Python or JVM frame
# Ruby's report of an uncaught exception: 'path:line:in `method': message (Class)', its '\tfrom …' frames, then
# the same for each cause ('… (SocketError)' under '… (Redis::CannotConnectError)'): one entry
RUBY_HEAD = re.compile(r"\S+:\d+:in [`'][^`']*': .*\([A-Z]\w*(?:::\w+)*\)$")
# The label a process multiplexer puts before each line it relays: docker compose ('web_1  | ', 'web-1  | '), docker
# swarm's service logs ('dokploy.1.6d4cfwq3o3wj@dokploy    | ', public heldout14 dokploy#42), foreman and honcho
# after their time ('worker.1 | '), pm2 ('0|app    | '), overmind. A stack trace or traceback under
# it continues on the text after the label (samples/raw/classes/session4b.log); lines of another label are another
# process's, skipped like another instance's. Never a level word (loguru's 'ERROR    | '). Heroku's log puts its
# source and dyno before each line the same way ('app[worker.1]: ', 'heroku[router]: '): a Ruby backtrace or a Python
# traceback printed one record a line under it continues on the text after it (public heldout15 redis/redis-rb#726).
PROC_LABEL = re.compile(
    r"(?!(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|CRITICAL|FATAL|SUCCESS)\b)"
    r"(?:(?P<label>(?:\d+\|)?[A-Za-z0-9][\w.\-]{0,63}(?:@[\w.\-]{1,63})?) *\| ?|(?P<dyno>(?:app|heroku)\[[\w.\-]{1,64}\]): )"
)


# A stack frame or a cause that a logger or the platform printed as its own record, the entry's head before it:
# Ruby's backtrace one frame a line at the margin ('/gems/redis-4.8.0/lib/redis/client.rb:385:in `connect'', JRuby's
# 'org/jruby/RubyKernel.java:1392:in `loop''), its first frame after the logger's prefix (Sidekiq logs the backtrace
# as a call of its own after 'Class: message': samples/raw/classes/tls-context.log); the JVM's 'Caused by: …' and
# 'Suppressed: …' at the margin. Whole lines only: Ruby's report of an uncaught error starts with a frame too, then
# its message ('path:1:in `connect': Connection refused (Errno::ECONNREFUSED)'), and is an entry of its own.
FRAME_RECORD = re.compile(
    r"(?:[^\n]{0,160}?\b(?:DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b(?: -- [^:\n]*)?: )?"
    r"(?:[^\s:]+|[A-Za-z]:[^\s:]+):\d+:in [`'][^`'\n]*'\s*$"
)
JVM_CAUSE = ("Caused by: ", "Suppressed: ")
# Monolog's line formatter (Laravel's log, Symfony's) writes an exception's chain after its context, each earlier cause
# as '[previous exception] [object] (Class(code: N): message at file:line)': the chain of the entry above, never an entry
# of its own, kept with it across the blank lines a trimmed paste leaves between the causes (public heldout84
# laravel/horizon#938: 'Connection closed', then 'read error on connection to tls://…', then the READONLY that began it)
MONOLOG_PREVIOUS = "[previous exception] "
# A header whose message is the next line, at the margin, which says the failure: Rust 1.73+'s panic place ("thread 'main'
# panicked at src/redis.rs:58:40:", public heldout25 redis-rs/redis-rs#1287) and an error tracker's issue, its class then
# where ('**RedisException** in **artisan queue:work**' then 'Connection lost', Bugsnag; public heldout69 faveo-helpdesk#8011)
MESSAGE_NEXT = re.compile(r"(?:thread '[^'\n]*' panicked at \S[^\n]*:\d+:\d+:|^\*\*[A-Z][\w\\:.]*\*\* in \*\*\S[^\n]*\*\*)\s*$")
# PHP's trace under an exception's message, one frame a line at the margin: '#0 /path/File.php(23): Redis->pconnect()',
# '#4 [internal function]: …', '#9 {main}' (a console command printing 'Error: <message>' then the trace: public heldout15
# MISP/MISP#7630). Not BuildKit's '#5 [2/6] RUN …' nor '#5 0.123 …': a PHP frame names its file and line, or says so.
PHP_FRAME = re.compile(r"#\d+ (?:[^\s(]+\(\d+\): |\[internal function\]: |\{main\}\s*$)")
# An error tracker's dashboard copies a trace one frame a line at the margin as '<file> line <n> in <method>' (Bugsnag:
# '/app/vendor/bundle/ruby/3.1.0/gems/redis-4.6.0/lib/redis/connection/ruby.rb line 55 in block in _read_from_socket'
# under 'OpenSSL::SSL::SSLError: SSL_read: unexpected eof while reading', public heldout36 sidekiq/sidekiq#5402): the
# frames, which name the client, belong to the error above them
TRACKER_FRAME = re.compile(r"\S+\.[a-z]{1,5} line \d+ in \S[^\n]*$")
# Tomcat/Spring's servlet error: '… threw exception [...] with root cause', a blank line, then the root cause's own
# trace at the margin (public heldout5 asbnotebook-spring-boot-3): the cause belongs to the line that announced it
ROOT_CAUSE_NEXT = "with root cause"
# Node's util.inspect of a system error, its own fields one a line ("errno: -3008," "code: 'ENOTFOUND'," "syscall:
# 'getaddrinfo'," "hostname: 'redis'"): at the margin when a paste lost the indentation or a logger printed the error's
# fields under its own message (public heldout26 energywebfoundation/ssi-hub#342, under TypeORM's retry line)
NODE_FIELD = re.compile(r"(?P<key>errno|code|syscall|hostname|address|port): (?P<value>'[^'\n]*'|-?\d+),?\s*$")
# Spring's NestedRuntimeException message joins each cause with '; nested exception is …' on the same line; a line that
# starts with it is that message wrapped (by a terminal, a mail, a paste: public heldout91 spring-projects/spring-session#956,
# '…: Invocation of init method failed; ' then 'nested exception is java.lang.NoSuchMethodError: …'): the cause of the
# exception above, never an entry of its own
SPRING_NESTED = "nested exception is "
# Bun prints an error under an excerpt of the code that threw, one source line a record ('13 |   try {', split as if
# '13' were a compose label; heldout47): code, whose braces open no object (counted, they glued later lines to it)
BUN_EXCERPT = re.compile(r"(?:^|\s)\d{1,6} \| ")


def split_label(message: str) -> tuple[str, str]:
    """(process label, the line's own text) of one physical line; ('', message) when the line carries none."""
    m = PROC_LABEL.match(message)
    return (m.group("label") or m.group("dyno"), message[m.end() :]) if m else ("", message)


def open_depth(message: str) -> int:
    """Open braces/brackets left by a line, quoted strings ignored (Node prints objects over lines)."""
    if BRACKET.search(message) is None or BUN_EXCERPT.search(message):
        return 0
    bare = QUOTED.sub("", message) if "'" in message or '"' in message else message
    return bare.count("{") + bare.count("[") - bare.count("}") - bare.count("]")


def continues(message: str, depth: int) -> bool:
    """Whether a line goes on the entry above it: inside an open object, indented, a closing bracket, a stack frame,
    Spring's cause wrapped onto a line of its own ('nested exception is …')."""
    if depth > 0:
        return True
    stripped = message.lstrip()
    if not stripped:
        return False
    if stripped[0] in "}])":
        return True
    if message[0] in " \t":
        return True
    if stripped.startswith("Emitted 'error' event on "):  # Node's crash report continues the error above it
        return True
    if stripped.startswith(SPRING_NESTED):  # Spring's exception message wrapped before its cause
        return True
    return stripped.startswith("at ") and ("(" in stripped or ":" in stripped)
