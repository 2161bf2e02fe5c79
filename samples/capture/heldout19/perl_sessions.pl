#!/usr/bin/perl
# A session store on Perl's Redis module (Debian libredis-perl 2.000), which takes "host:port": the script splits
# REDIS_URL the way such apps do; each request's SETEX is wrapped in eval, a failure is warned and the session kept
# in memory (the app's fallback).
use strict; use warnings;
use Redis;
$| = 1;
my ($pass, $server) = (undef, '');
if (($ENV{REDIS_URL} // '') =~ m{^rediss?://(?:[^:@]*:([^@]*)@)?([^/]+)}) { ($pass, $server) = ($1, $2); }
print "session service starting\n";
my $r = Redis->new(server => $server || '127.0.0.1:6379', ($pass ? (password => $pass) : ()), reconnect => 2, every => 200_000);
print "session store connected\n";
my %mem;
for my $i (1 .. 14) {
  my $ok = eval { $r->setex("sess:$i", 1800, "user=$i"); 1 };
  if ($ok) { print "GET /account 200 session=sess:$i\n"; }
  else { warn "session store error: $@"; $mem{"sess:$i"} = "user=$i"; print "GET /account 200 session=sess:$i (memory)\n"; }
  select(undef, undef, undef, 0.7);
}
