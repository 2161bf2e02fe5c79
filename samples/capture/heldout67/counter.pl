#!/usr/bin/perl
# A page-view counter daemon on Perl's Redis (Redis.pm 2.000): REDIS_URL parsed with a regex (Redis.pm takes
# server => "host:port"; URI knows no redis: scheme), reconnect => 2 (every 0.5 s) so a short blip is ridden out, plain console lines (print/warn, as a daemon
# under a process manager logs). Each second it counts a page view (HINCRBY) and adds the visitor to a HyperLogLog;
# every third round it checks PostgreSQL (a TCP connect: DBD::Pg is not installed here) and the payment API
# (HTTP::Tiny) when configured.
use strict;
use warnings;
use IO::Socket::INET;
use HTTP::Tiny;
use Redis;
$| = 1;

sub touch_deps {
    if (my $db = $ENV{DATABASE_URL}) {
        my ($h, $p) = $db =~ m{^postgres(?:ql)?://(?:[^@/]*@)?([^:/]+)(?::(\d+))?};
        my $s = IO::Socket::INET->new(PeerAddr => $h, PeerPort => $p || 5432, Timeout => 2);
        if ($s) { close $s } else { warn "[db] PostgreSQL health check failed: $@\n" }
    }
    if (my $api = $ENV{API_HOST}) {
        my $res = HTTP::Tiny->new(timeout => 2)->get("https://$api/v1/charges");
        warn "[api] payment sync failed: $res->{status} $res->{content}\n" if $res->{status} == 599;
    }
}

my $url = $ENV{REDIS_URL} || 'redis://127.0.0.1:6379';
my ($scheme, $host, $port) = $url =~ m{^(rediss?)://(?:[^@/]*@)?([^:/]+)(?::(\d+))?}
    or die "[counter] REDIS_URL is not a redis:// URL: '$url'\n";
$port ||= 6379;
print "[counter] starting, Redis.pm $Redis::VERSION, server $host:$port\n";
my $redis = Redis->new(server => "$host:$port", reconnect => 2, every => 500_000,
                       cnx_timeout => 5, ($scheme eq 'rediss' ? (ssl => 1) : ()));
print "[counter] connected to Redis\n";
for (my $n = 1; ; $n++) {
    my $page = "/products/" . ($n % 9);
    eval {
        my $views = $redis->hincrby('pageviews', $page, 1);
        $redis->pfadd('visitors:today', "v$n");
        print "[counter] $page views=$views\n";
        1;
    } or do {
        my $err = $@; chomp $err;
        warn "[counter] redis command failed: $err\n";
    };
    touch_deps() if $n % 3 == 1;
    sleep 1;
}
