#!/usr/bin/perl
# A Perl Redis (Debian libredis-perl 2.000) worker counting hits every second; TLS through IO::Socket::SSL (ssl => 1,
# the CA from REDIS_CA as IO::Socket::SSL's default). A failure it does not catch ends it (die's own line).
use strict; use warnings;
use IO::Socket::SSL;
use Redis;
$| = 1;
my $url = $ENV{REDIS_URL} // 'redis://localhost:6379';
my ($scheme, $host, $port) = $url =~ m{^(rediss?)://([^:/]+):(\d+)} or die "bad REDIS_URL\n";
my %ssl;
if ($scheme eq 'rediss') {
    %ssl = (ssl => 1, SSL_verify_mode => SSL_VERIFY_PEER);
    my %d = ($ENV{REDIS_CA} ? (SSL_ca_file => $ENV{REDIS_CA}) : ());
    $d{SSL_version} = 'TLSv1_2' if ($ENV{REDIS_TLS_MAX} // '') eq 'TLSv1.2';
    @d{qw(SSL_cert_file SSL_key_file)} = @ENV{qw(REDIS_CERT REDIS_KEY)} if $ENV{REDIS_CERT};
    IO::Socket::SSL::set_defaults(%d);
}
print scalar(localtime), " worker starting\n";
my $r = Redis->new(server => "$host:$port", cnx_timeout => 5, reconnect => 2, every => 500_000, %ssl);
for my $i (0 .. 5) {
    print scalar(localtime), " hits=", $r->incr('hits'), "\n";
    sleep 1;
}
print scalar(localtime), " worker done\n";
