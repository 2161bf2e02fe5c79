#!/usr/bin/perl
# A feed importer daemon on Perl's Redis (Debian libredis-perl, Redis.pm 2.000), logging as Mojo::Log does
# ("[time] [pid] [level] message"; Mojolicious is not installed, so the app prints the layout itself). REDIS_URL is
# parsed by the app (rediss:// asks Redis.pm for ssl => 1, the password is AUTH, a path is the db SELECTed); Redis.pm
# reconnects by itself (reconnect => 3). Each second it fetches a feed item into a sorted set (ZADD) and trims it; every
# third round it checks PostgreSQL (a TCP connect: DBD::Pg is not installed) and the feed API (HTTP::Tiny) when set.
use strict;
use warnings;
use IO::Socket::INET;
use HTTP::Tiny;
use POSIX qw(strftime);
use Time::HiRes qw(time sleep);
use Redis;
$| = 1;

sub logm {
    my ($lvl, $msg) = @_;
    my $t = time;
    printf STDERR "[%s.%05d] [%d] [%s] %s\n", strftime("%Y-%m-%d %H:%M:%S", localtime $t), ($t - int $t) * 100000, $$, $lvl, $msg;
}

sub touch_deps {
    if (my $db = $ENV{DATABASE_URL}) {
        my ($h, $p) = $db =~ m{^postgres(?:ql)?://(?:[^@/]*@)?([^:/]+)(?::(\d+))?};
        my $s = IO::Socket::INET->new(PeerAddr => $h, PeerPort => $p || 5432, Timeout => 2);
        if ($s) { close $s } else { logm('error', "Feed archive (PostgreSQL) unavailable: $@") }
    }
    if (my $api = $ENV{API_HOST}) {
        my $res = HTTP::Tiny->new(timeout => 3)->get("https://$api/v2/feeds/latest");
        if ($res->{status} == 599) { my $c = $res->{content}; chomp $c; logm('warn', "Feed API request failed: $c") }
    }
}

my $url = $ENV{REDIS_URL} || 'redis://127.0.0.1:6379';
my ($scheme, $user, $pass, $host, $port, $db) = $url =~ m{^(rediss?)://(?:([^:@/]*):([^@/]*)@)?([^:/]+)(?::(\d+))?(?:/(\d+))?};
$port ||= 6379;
logm('info', "feed importer starting (Redis.pm $Redis::VERSION, $host:$port)");
my $redis;
sub connect_redis {
    $redis = Redis->new(server => "$host:$port", reconnect => 3, every => 500_000, cnx_timeout => 3,
                        ($scheme eq 'rediss' ? (ssl => 1) : ()),
                        (defined $pass && length $pass ? (password => $pass) : ()));
    $redis->select($db) if $db;
    logm('info', "Connected to Redis at $host:$port");
}
for (my $n = 1; ; $n++) {
    eval {
        connect_redis() unless $redis;
        my $id = "item-$n";
        $redis->zadd('feed:items', $n, $id);
        $redis->zremrangebyrank('feed:items', 0, -101);
        logm('debug', "imported $id (" . $redis->zcard('feed:items') . " items)");
        1;
    } or do {
        my $err = $@; chomp $err;
        logm('error', "Redis: $err");
    };
    touch_deps() if $n % 3 == 1;
    sleep 1;
}
